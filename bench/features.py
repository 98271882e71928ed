# Python side of bench/features.ts: XGBoost hist on the two matrices Tourney wrote (plain one-hot
# and derived features), same split and comparable settings. Prints one JSON line.
# usage: python3 bench/features.py <dir> <name> <task> <nClasses> '<gbdt json>'
import json
import sys

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import accuracy_score, mean_squared_error, roc_auc_score

out_dir, name, task, n_classes, params = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), json.loads(sys.argv[5])


def side(kind):
    tr = pd.read_csv(f"{out_dir}/{name}-{kind}-train.csv")
    te = pd.read_csv(f"{out_dir}/{name}-{kind}-test.csv")
    Xtr, ytr = tr.drop(columns="y").to_numpy(np.float32), tr["y"].to_numpy()
    Xte, yte = te.drop(columns="y").to_numpy(np.float32), te["y"].to_numpy()
    common = dict(n_estimators=params["trees"], learning_rate=params["learningRate"], max_leaves=params["maxLeaves"],
                  grow_policy="lossguide", max_depth=0, tree_method="hist", max_bin=params["bins"],
                  min_child_weight=1, random_state=0, n_jobs=1)
    if task == "binary":
        m = xgb.XGBClassifier(objective="binary:logistic", **common).fit(Xtr, ytr)
        return roc_auc_score(yte, m.predict_proba(Xte)[:, 1])
    if task == "multiclass":
        m = xgb.XGBClassifier(objective="multi:softprob", **common).fit(Xtr, ytr.astype(int))
        return accuracy_score(yte, m.predict(Xte))
    m = xgb.XGBRegressor(objective="reg:squarederror", **common).fit(Xtr, ytr)
    return mean_squared_error(yte, m.predict(Xte)) ** 0.5


print(json.dumps({"plain": side("plain"), "derived": side("derived")}))
