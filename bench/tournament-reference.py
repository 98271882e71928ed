"""Reference side of bench/tournament-quality.ts.

For each data set: drop rows without a target, split 80/20 (stratified for classification,
random_state 0), write the split indices and the train/test CSVs the Tourney side trains and
evaluates on, and fit the references on the same split:
  - XGBoost hist (tree_method="hist", learning_rate 0.1, otherwise library defaults),
  - scikit-learn HistGradientBoosting (library defaults),
  - logistic regression (C=1) / ridge (alpha=1) on one-hot + median-imputed, scaled numbers,
text columns as TF-IDF words (all three models see the same encoded matrix).
Prints one JSON object: {name: {task, metric, logistic, hgb, xgb, seconds: {...}}}.

usage: python3 bench/tournament-reference.py <out-dir> <data-dir> name:target:task ...
"""
import json
import os
import sys
import time
import warnings

import numpy as np
import pandas as pd
import scipy.sparse as sp
import xgboost as xgb
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, mean_squared_error, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

from reference_encoding import encoder

warnings.filterwarnings("ignore")
out_dir, data_dir = sys.argv[1], sys.argv[2]
os.makedirs(out_dir, exist_ok=True)


def run(name, target, task):
    df = pd.read_csv(f"{data_dir}/{name}.csv")
    df = df[df[target].notna()].reset_index(drop=True)
    y_raw = df[target]
    X = df.drop(columns=[target])
    idx = np.arange(len(df))
    tr, te = train_test_split(idx, test_size=0.2, random_state=0, stratify=y_raw if task != "regression" else None)
    tr, te = np.sort(tr), np.sort(te)
    json.dump({"train": tr.tolist(), "test": te.tolist()}, open(f"{out_dir}/{name}.split.json", "w"))
    df.iloc[tr].to_csv(f"{out_dir}/{name}-train.csv", index=False)
    df.iloc[te].to_csv(f"{out_dir}/{name}-test.csv", index=False)

    enc = encoder(X.iloc[tr])
    Ztr = enc.fit_transform(X.iloc[tr])
    Zte = enc.transform(X.iloc[te])
    Ztr = Ztr.tocsr() if sp.issparse(Ztr) else sp.csr_matrix(Ztr)
    Zte = Zte.tocsr() if sp.issparse(Zte) else sp.csr_matrix(Zte)
    res = {"task": task, "rows": len(df), "features": Ztr.shape[1], "seconds": {}}
    if task == "regression":
        ytr, yte = y_raw.iloc[tr].to_numpy(float), y_raw.iloc[te].to_numpy(float)
        score = lambda p: float(mean_squared_error(yte, p) ** 0.5)
        res["metric"] = "rmse"
        models = {
            "logistic": lambda: Ridge(alpha=1.0),
            "hgb": lambda: HistGradientBoostingRegressor(random_state=0),
            "xgb": lambda: xgb.XGBRegressor(tree_method="hist", learning_rate=0.1, random_state=0, n_jobs=1),
        }
    else:
        le = LabelEncoder().fit(y_raw.astype(str))
        ytr, yte = le.transform(y_raw.iloc[tr].astype(str)), le.transform(y_raw.iloc[te].astype(str))
        if task == "binary":
            res["metric"] = "auroc"
            score = lambda p: float(roc_auc_score(yte, p[:, 1]))
        else:
            res["metric"] = "accuracy"
            score = lambda p: float(accuracy_score(yte, p.argmax(axis=1)))
        models = {
            "logistic": lambda: LogisticRegression(C=1.0, max_iter=5000),
            "hgb": lambda: HistGradientBoostingClassifier(random_state=0),
            "xgb": lambda: xgb.XGBClassifier(tree_method="hist", learning_rate=0.1, random_state=0, n_jobs=1),
        }
    for key, make in models.items():
        t0 = time.perf_counter()
        dense = key == "hgb"
        m = make().fit(Ztr.toarray() if dense else Ztr, ytr)
        Zt = Zte.toarray() if dense else Zte
        p = m.predict(Zt) if task == "regression" else m.predict_proba(Zt)
        res["seconds"][key] = time.perf_counter() - t0
        res[key] = score(p)
    return res


out = {}
for spec in sys.argv[3:]:
    name, target, task = spec.split(":")
    out[name] = run(name, target, task)
    print(f"{name}: {json.dumps(out[name])}", file=sys.stderr)
print(json.dumps(out))
