"""Reference for bench/text-regression.ts: scikit-learn Ridge(alpha=1) on TF-IDF (words and
bigrams, min_df 2) of every string column, plus the standardised log of the numeric columns
(training-mean imputed), on 80/20 splits of vega-datasets' movies (target: IMDB Rating).
usage: python3 bench/text-regression.py <movies.json> <out-dir> <seeds...>
Writes <out-dir>/train_<seed>.csv and test_<seed>.csv and prints {seed: rmse} as JSON."""
import json, sys
import numpy as np, pandas as pd
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split

TEXT = ['Title', 'Director', 'Distributor', 'Major Genre']
NUMERIC = ['Production Budget']
TARGET = 'IMDB Rating'
src, out, seeds = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3:]]
df = pd.DataFrame(json.load(open(src)))[TEXT + NUMERIC + [TARGET]]
df = df[df[TARGET].notna()].reset_index(drop=True)
for c in TEXT: df[c] = df[c].map(lambda v: v if v is None else str(v))
y = df[TARGET].to_numpy(float)
result = {}
for seed in seeds:
    tr, te = train_test_split(np.arange(len(df)), test_size=0.2, random_state=seed)
    df.iloc[tr].to_csv(f'{out}/train_{seed}.csv', index=False)
    df.iloc[te].to_csv(f'{out}/test_{seed}.csv', index=False)
    parts_tr, parts_te = [], []
    for c in TEXT:
        v = TfidfVectorizer(ngram_range=(1, 2), min_df=2).fit(df[c].fillna('').astype(str).iloc[tr])
        parts_tr.append(v.transform(df[c].fillna('').astype(str).iloc[tr]))
        parts_te.append(v.transform(df[c].fillna('').astype(str).iloc[te]))
    for c in NUMERIC:
        x = np.log1p(df[c].to_numpy(float))
        mean = np.nanmean(x[tr]); x = np.where(np.isnan(x), mean, x)
        z = (x - x[tr].mean()) / x[tr].std()
        parts_tr.append(csr_matrix(z[tr].reshape(-1, 1))); parts_te.append(csr_matrix(z[te].reshape(-1, 1)))
    model = Ridge(alpha=1.0).fit(hstack(parts_tr).tocsr(), y[tr])
    p = model.predict(hstack(parts_te).tocsr())
    result[seed] = float(np.sqrt(np.mean((p - y[te]) ** 2)))
print(json.dumps(result))
