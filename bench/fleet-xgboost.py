# Per-tenant XGBoost baseline for bench/fleet.ts: for every tenant with a train and a holdout table
# (the same files Tourney's fleet trains on and is scored on), XGBoost hist at library defaults on
# one-hot features, AUROC on the holdout rows.
#   /usr/bin/python3 bench/fleet-xgboost.py <train-dir> <holdout-dir> <target>
# Prints one JSON object {tenant: {"auroc": a, "seconds": s} | {"skipped": reason}}.
import json
import os
import sys
import time

import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score

train_dir, holdout_dir, target = sys.argv[1], sys.argv[2], sys.argv[3]
out = {}
for name in sorted(os.listdir(train_dir)):
    if not name.endswith('.csv'):
        continue
    tenant = name[:-4]
    train = pd.read_csv(os.path.join(train_dir, name))
    holdout_path = os.path.join(holdout_dir, name)
    if target not in train.columns or train[target].nunique() < 2 or len(train) < 30 or not os.path.exists(holdout_path):
        out[tenant] = {'skipped': 'bad data'}
        continue
    holdout = pd.read_csv(holdout_path)
    started = time.perf_counter()
    y = (train[target] == 'yes').astype(int)
    X = pd.get_dummies(train.drop(columns=[target]), dtype=float)
    Xh = pd.get_dummies(holdout.drop(columns=[target]), dtype=float).reindex(columns=X.columns, fill_value=0.0)
    model = xgb.XGBClassifier(tree_method='hist', n_jobs=2, random_state=0)
    model.fit(X, y)
    p = model.predict_proba(Xh)[:, 1]
    out[tenant] = {'auroc': float(roc_auc_score((holdout[target] == 'yes').astype(int), p)), 'seconds': time.perf_counter() - started}
print(json.dumps(out))
