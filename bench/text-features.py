# Reference for bench/text-features.ts: scikit-learn's logistic regression on the same fixed split
# (bench/.data/tournament/<set>-train.csv / -test.csv), text as TfidfVectorizer(max_features=2000,
# min_df=3, sublinear_tf=True) like bench/tournament-reference.py, for each C given; plus the same
# TF-IDF standardised (StandardScaler(with_mean=False)) to show what per-feature scaling does.
# usage: python3 bench/text-features.py <train.csv> <test.csv> <text column> <target> <positive> <C,...>
import json, sys, warnings
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

warnings.filterwarnings("ignore")
train_csv, test_csv, text, target, positive, cs = sys.argv[1:7]
tr, te = pd.read_csv(train_csv), pd.read_csv(test_csv)
ytr, yte = (tr[target].astype(str) == positive).astype(int), (te[target].astype(str) == positive).astype(int)
vec = TfidfVectorizer(max_features=2000, min_df=3, sublinear_tf=True)
A, B = vec.fit_transform(tr[text].fillna("")), vec.transform(te[text].fillna(""))
scaler = StandardScaler(with_mean=False).fit(A)
out = {"tfidf": {}, "tfidf standardised": {}}
for c in cs.split(","):  # keyed by the caller's own spelling of C
    for name, (a, b) in {"tfidf": (A, B), "tfidf standardised": (scaler.transform(A), scaler.transform(B))}.items():
        m = LogisticRegression(C=float(c), max_iter=5000).fit(a, ytr)
        out[name][c] = roc_auc_score(yte, m.predict_proba(b)[:, 1])
print(json.dumps(out))
