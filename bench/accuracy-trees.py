"""Reference side of bench/accuracy-trees.ts: reads the encoded matrices and splits written by
bench/accuracy-data.ts and fits XGBoost hist, scikit-learn HistGradientBoosting, RandomForest and
ExtraTrees with the settings given as JSON, one thread each. Prints one JSON object on stdout:
{file stem: {learner: test metric}}."""
import json, os, sys, warnings

os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np, pandas as pd
import xgboost as xgb
from sklearn import metrics
from sklearn.ensemble import (ExtraTreesClassifier, ExtraTreesRegressor, HistGradientBoostingClassifier,
                              HistGradientBoostingRegressor, RandomForestClassifier, RandomForestRegressor)
from sklearn.impute import SimpleImputer

warnings.filterwarnings("ignore")
data_dir, stems, settings = sys.argv[1], sys.argv[2].split(","), json.loads(sys.argv[3])
g, f = settings["gbdt"], settings["forest"]


def score(task, y, proba_or_pred):
    if task == "regression":
        return float(np.sqrt(metrics.mean_squared_error(y, proba_or_pred)))
    if task == "binary":
        return float(metrics.roc_auc_score(y, proba_or_pred[:, 1]))
    return float(metrics.accuracy_score(y, proba_or_pred.argmax(1)))


out = {}
for stem in stems:
    meta = json.load(open(f"{data_dir}/accuracy-{stem.split('-split')[0]}.json"))
    task = meta["task"]
    df = pd.read_csv(f"{data_dir}/accuracy-{stem}.csv", float_precision="round_trip")
    tr = (df["__split"] == "train").to_numpy()
    y = df["__y"].to_numpy()
    X = df.drop(columns=["__split", "__y"]).to_numpy(dtype=np.float64)
    reg = task == "regression"
    predict = (lambda m, Z: m.predict(Z)) if reg else (lambda m, Z: m.predict_proba(Z))
    yt = y if reg else y.astype(int)
    r = {}
    common = dict(n_estimators=g["trees"], learning_rate=g["learningRate"], max_leaves=g["maxLeaves"], max_depth=0,
                  grow_policy="lossguide", max_bin=g["bins"], reg_lambda=g["lambdaL2"], min_child_weight=1,
                  tree_method="hist", n_jobs=1, random_state=0)
    # XGBoost 1.7 starts every model at base_score 0.5; Tourney, LightGBM and sklearn start from the
    # training mean (the prior's log-odds for binary). Like for like, XGBoost starts there too: at
    # p = 0.5 each row's hessian is 0.25, so min_child_weight 1 lets a leaf hold 4 rows, while from
    # the prior of a 5 %-positive set (lending_club) it takes about 21 — not the same constraint.
    if task != "multiclass":
        common["base_score"] = float(np.mean(yt[tr]))
    model = xgb.XGBRegressor(**common) if reg else xgb.XGBClassifier(**common)
    r["xgboost"] = score(task, yt[~tr], predict(model.fit(X[tr], yt[tr]), X[~tr]))
    hgb = dict(max_iter=g["trees"], learning_rate=g["learningRate"], max_leaf_nodes=g["maxLeaves"],
               min_samples_leaf=g["minDataInLeaf"], l2_regularization=g["lambdaL2"], max_bins=g["bins"],
               early_stopping=False, random_state=0)
    model = HistGradientBoostingRegressor(**hgb) if reg else HistGradientBoostingClassifier(**hgb)
    r["hgb"] = score(task, yt[~tr], predict(model.fit(X[tr], yt[tr]), X[~tr]))
    # Forests in sklearn 1.2 do not take missing values: both get the training means.
    imp = SimpleImputer(strategy="mean", keep_empty_features=True).fit(X[tr])
    Xtr, Xte = imp.transform(X[tr]), imp.transform(X[~tr])
    rf = dict(n_estimators=f["trees"], min_samples_leaf=f["minDataInLeaf"], max_features=(1 / 3 if reg else "sqrt"),
              n_jobs=1, random_state=0)
    model = RandomForestRegressor(**rf) if reg else RandomForestClassifier(**rf)
    r["forest"] = score(task, yt[~tr], predict(model.fit(Xtr, yt[tr]), Xte))
    model = ExtraTreesRegressor(**rf) if reg else ExtraTreesClassifier(**rf)
    r["extra"] = score(task, yt[~tr], predict(model.fit(Xtr, yt[tr]), Xte))
    out[stem] = r
    print(f"{stem}: {r}", file=sys.stderr)
json.dump(out, sys.stdout)
