# Python side of bench/features.ts, two forms, each printing one JSON line:
#  - XGBoost hist on the two matrices Tourney wrote (plain one-hot and derived features), same
#    split and comparable settings:
#      python3 bench/features.py <dir> <name> <task> <nClasses> '<gbdt json>'
#  - the TF-IDF baseline for data sets with free-text columns, on Tourney's own splits (original
#    row numbers of the CSV): each text column as TfidfVectorizer(words and bigrams, min_df 2,
#    sublinear tf), other string columns one-hot (levels seen >= 5 times), numbers median-imputed
#    and standardised; LogisticRegression(C=1) (binary) or Ridge(alpha=1) (regression). Prints the
#    test AUROC / RMSE of each split:
#      python3 bench/features.py tfidf <job.json>   ({file, target, task, positive, text, splits})
import json
import sys

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import accuracy_score, mean_squared_error, roc_auc_score



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


def tfidf_baseline(job):
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression, Ridge
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    df = pd.read_csv(job["file"])
    X = df.drop(columns=job["target"])
    numeric = [c for c in X.columns if pd.api.types.is_numeric_dtype(X[c])]
    strings = [c for c in X.columns if c not in numeric and c not in job["text"]]
    if job["task"] == "binary":
        y = (df[job["target"]].astype(str) == job["positive"]).astype(int).to_numpy()
    else:
        y = df[job["target"]].to_numpy(float)
    scores = []
    for split in job["splits"]:
        tr, te = np.array(split["train"]), np.array(split["test"])
        parts = [("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric)] if numeric else []
        if strings:
            parts.append(("cat", make_pipeline(SimpleImputer(strategy="constant", fill_value="missing"),
                                               OneHotEncoder(handle_unknown="ignore", min_frequency=5)), strings))
        for c in job["text"]:
            parts.append((f"text_{c}", make_pipeline(SimpleImputer(strategy="constant", fill_value=""),
                                                     FunctionReshape(),
                                                     TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)), [c]))
        enc = ColumnTransformer(parts, sparse_threshold=1.0)
        A, B = enc.fit_transform(X.iloc[tr]), enc.transform(X.iloc[te])
        if job["task"] == "binary":
            m = LogisticRegression(C=1.0, max_iter=5000).fit(A, y[tr])
            scores.append(roc_auc_score(y[te], m.predict_proba(B)[:, 1]))
        else:
            m = Ridge(alpha=1.0).fit(A, y[tr])
            scores.append(mean_squared_error(y[te], m.predict(B)) ** 0.5)
    return scores


def FunctionReshape():
    # SimpleImputer hands on a 2-D column; TfidfVectorizer wants 1-D strings.
    from sklearn.preprocessing import FunctionTransformer
    return FunctionTransformer(lambda a: np.asarray(a).ravel().astype(str))


if sys.argv[1] == "tfidf":
    print(json.dumps({"tfidf": tfidf_baseline(json.load(open(sys.argv[2])))}))
else:
    out_dir, name, task, n_classes, params = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), json.loads(sys.argv[5])
    print(json.dumps({"plain": side("plain"), "derived": side("derived")}))
