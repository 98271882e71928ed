"""Reference side of bench/tournament-tuned.ts: library defaults and a tuned reference, per split seed.

  split <out-dir> <data-dir> <seeds> name:target:task ...
      For each seed and data set: drop rows without a target, split 80/20 (stratified for
      classification, random_state = seed) and write <name>-s<seed>-train.csv / -test.csv, the
      rows the Tourney side trains and evaluates on. Existing files are kept.

  reference <out-dir> <seeds> <configs> name:target:task ...
      For each (seed, data set) not yet in <out-dir>/reference.json, on the one-hot + TF-IDF
      encoding of bench/reference_encoding.py (fitted on the training rows):
        - library defaults: logistic (C=1) / ridge (alpha=1), sklearn HistGradientBoosting,
          XGBoost hist (learning_rate 0.1), as bench/tournament-reference.py;
        - a random search of <configs> XGBoost hist configurations and <configs> HGB
          configurations (search space below, fixed seed), each scored by 3-fold cross-validation
          (stratified for classification, the same folds for both libraries) with early stopping
          (XGBoost: xgb.cv, 20 rounds without improvement on the held-out folds, ≤ 1000 rounds;
          HGB: its own early stopping on 10 % of each training fold, 20 iterations, ≤ 1000),
          the best configuration refitted on all training rows (XGBoost: the cross-validated
          number of rounds; HGB: the mean number of iterations early stopping kept) and scored on
          the test rows. "tuned" is the library whose best configuration had the better CV score
          — what a practitioner picks without looking at the test rows.
      CV selects by AUROC (binary), logloss (multiclass), RMSE (regression). One thread each
      (XGBoost nthread 1, OMP_NUM_THREADS=1 for HGB). Each (data set, seed) is written to
      <out-dir>/reference/<name>-<seed>.json when done, so a partial run is usable; several
      workers can run at once (claim files), and a new run resumes (delete the .claim files
      without a .json of a worker that was stopped).
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
from sklearn.metrics import accuracy_score, log_loss, mean_squared_error, roc_auc_score
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split
from sklearn.preprocessing import LabelEncoder

from reference_encoding import encoder

warnings.filterwarnings("ignore")
ROUNDS, PATIENCE, FOLDS = 1000, 20, 3


def load(data_dir, name, target):
    df = pd.read_csv(f"{data_dir}/{name}.csv")
    return df[df[target].notna()].reset_index(drop=True)


def split(out_dir, data_dir, seeds, specs):
    for name, target, task in specs:
        df = None
        for seed in seeds:
            train_path, test_path = f"{out_dir}/{name}-s{seed}-train.csv", f"{out_dir}/{name}-s{seed}-test.csv"
            if os.path.exists(train_path) and os.path.exists(test_path):
                continue
            df = load(data_dir, name, target) if df is None else df
            tr, te = train_test_split(np.arange(len(df)), test_size=0.2, random_state=seed,
                                      stratify=df[target].astype(str) if task != "regression" else None)
            df.iloc[np.sort(tr)].to_csv(train_path, index=False)
            df.iloc[np.sort(te)].to_csv(test_path, index=False)


def log_uniform(rng, lo, hi):
    return float(np.exp(rng.uniform(np.log(lo), np.log(hi))))


def xgb_space(rng):
    return {
        "learning_rate": log_uniform(rng, 0.05, 0.3),
        "max_depth": int(rng.choice([3, 4, 5, 6, 7, 8, 10])),
        "min_child_weight": log_uniform(rng, 0.5, 20),
        "subsample": float(rng.uniform(0.5, 1.0)),
        "colsample_bytree": float(rng.uniform(0.4, 1.0)),
        "reg_lambda": log_uniform(rng, 0.1, 10),
        "reg_alpha": float(rng.choice([0.0, log_uniform(rng, 1e-3, 1.0)])),
        "gamma": float(rng.choice([0.0, log_uniform(rng, 1e-3, 1.0)])),
    }


def hgb_space(rng):
    return {
        "learning_rate": log_uniform(rng, 0.05, 0.3),
        "max_leaf_nodes": int(rng.choice([7, 15, 31, 63, 127])),
        "max_depth": rng.choice([None, 4, 6, 8, 12]),
        "min_samples_leaf": int(rng.choice([5, 10, 20, 40, 80])),
        "l2_regularization": log_uniform(rng, 1e-3, 10),
    }


class Task:
    """Labels, the CV selection score (higher is better) and the reported test metrics of one task."""

    def __init__(self, task, y_train, y_test):
        self.task = task
        if task == "regression":
            self.ytr, self.yte = y_train.to_numpy(float), y_test.to_numpy(float)
            self.classes = 0
        else:
            le = LabelEncoder().fit(pd.concat([y_train, y_test]).astype(str))
            self.ytr, self.yte = le.transform(y_train.astype(str)), le.transform(y_test.astype(str))
            self.classes = len(le.classes_)

    def selection(self, y, p):
        if self.task == "binary":
            return float(roc_auc_score(y, p[:, 1]))
        if self.task == "multiclass":
            return -float(log_loss(y, p, labels=np.arange(self.classes)))
        return -float(mean_squared_error(y, p) ** 0.5)

    def metrics(self, p):
        if self.task == "binary":
            return {"auroc": float(roc_auc_score(self.yte, p[:, 1]))}
        if self.task == "multiclass":
            return {"accuracy": float(accuracy_score(self.yte, p.argmax(axis=1))),
                    "logloss": float(log_loss(self.yte, p, labels=np.arange(self.classes)))}
        return {"rmse": float(mean_squared_error(self.yte, p) ** 0.5)}

    def xgb_params(self, seed):
        base = {"tree_method": "hist", "nthread": 1, "seed": seed, "verbosity": 0}
        if self.task == "binary":
            return {**base, "objective": "binary:logistic", "eval_metric": "auc"}
        if self.task == "multiclass":
            return {**base, "objective": "multi:softprob", "num_class": self.classes, "eval_metric": "mlogloss"}
        return {**base, "objective": "reg:squarederror", "eval_metric": "rmse"}

    def xgb_predict(self, booster, Z):
        p = booster.predict(xgb.DMatrix(Z))
        return np.column_stack([1 - p, p]) if self.task == "binary" else p

    def hgb(self, **kw):
        return (HistGradientBoostingRegressor if self.task == "regression" else HistGradientBoostingClassifier)(**kw)

    def hgb_predict(self, model, Z):
        return model.predict(Z) if self.task == "regression" else model.predict_proba(Z)


def defaults(t, Ztr, Zte, seed):
    if t.task == "regression":
        models = {"logistic": lambda: Ridge(alpha=1.0),
                  "hgb": lambda: HistGradientBoostingRegressor(random_state=seed),
                  "xgb": lambda: xgb.XGBRegressor(tree_method="hist", learning_rate=0.1, random_state=seed, n_jobs=1)}
    else:
        models = {"logistic": lambda: LogisticRegression(C=1.0, max_iter=5000),
                  "hgb": lambda: HistGradientBoostingClassifier(random_state=seed),
                  "xgb": lambda: xgb.XGBClassifier(tree_method="hist", learning_rate=0.1, random_state=seed, n_jobs=1)}
    out = {}
    for key, make in models.items():
        t0 = time.perf_counter()
        dense = key == "hgb"
        m = make().fit(Ztr.toarray() if dense else Ztr, t.ytr)
        Zt = Zte.toarray() if dense else Zte
        p = m.predict(Zt) if t.task == "regression" else m.predict_proba(Zt)
        out[key] = {**t.metrics(p), "seconds": time.perf_counter() - t0}
    return out


def search_xgb(t, Ztr, Zte, folds, seed, configs):
    rng = np.random.RandomState(1000 + seed)
    dtrain = xgb.DMatrix(Ztr, label=t.ytr)
    maximize = t.task == "binary"
    best = None
    t0 = time.perf_counter()
    for _ in range(configs):
        params = xgb_space(rng)
        # xgb.cv's learning-rate name is eta; the sampled names are the sklearn-API names.
        booster_params = {**t.xgb_params(seed), **{("eta" if k == "learning_rate" else k): v for k, v in params.items()}}
        history = xgb.cv(booster_params, dtrain, num_boost_round=ROUNDS, folds=folds,
                         early_stopping_rounds=PATIENCE, maximize=maximize, seed=seed)
        col = [c for c in history.columns if c.startswith("test-") and c.endswith("-mean")][0]
        cv = float(history[col].iloc[-1]) * (1 if maximize else -1)
        if best is None or cv > best["cv"]:
            best = {"cv": cv, "rounds": len(history), "params": params, "booster": booster_params}
    search_seconds = time.perf_counter() - t0
    booster = xgb.train(best["booster"], dtrain, num_boost_round=best["rounds"])
    p = t.xgb_predict(booster, Zte)
    return {**t.metrics(p), "cv": best["cv"], "rounds": best["rounds"], "params": best["params"],
            "configs": configs, "seconds": time.perf_counter() - t0, "search_seconds": search_seconds}


def search_hgb(t, Ztr, Zte, folds, seed, configs):
    rng = np.random.RandomState(2000 + seed)
    X, Xte = Ztr.toarray(), Zte.toarray()
    best = None
    t0 = time.perf_counter()
    for _ in range(configs):
        params = hgb_space(rng)
        scores, iters = [], []
        for fit_rows, val_rows in folds:
            m = t.hgb(max_iter=ROUNDS, early_stopping=True, n_iter_no_change=PATIENCE, validation_fraction=0.1,
                      random_state=seed, **params).fit(X[fit_rows], t.ytr[fit_rows])
            scores.append(t.selection(t.ytr[val_rows], t.hgb_predict(m, X[val_rows])))
            iters.append(m.n_iter_)
        cv = float(np.mean(scores))
        if best is None or cv > best["cv"]:
            best = {"cv": cv, "iters": int(round(np.mean(iters))), "params": params}
    search_seconds = time.perf_counter() - t0
    m = t.hgb(max_iter=max(1, best["iters"]), early_stopping=False, random_state=seed, **best["params"]).fit(X, t.ytr)
    p = t.hgb_predict(m, Xte)
    params = {k: (None if v is None else (int(v) if isinstance(v, (np.integer,)) else v)) for k, v in best["params"].items()}
    return {**t.metrics(p), "cv": best["cv"], "rounds": best["iters"], "params": params,
            "configs": configs, "seconds": time.perf_counter() - t0, "search_seconds": search_seconds}


def reference(out_dir, seeds, configs, specs):
    results = f"{out_dir}/reference"
    os.makedirs(results, exist_ok=True)
    # Data set by data set (letters, the slowest, last in the list): a run cut short leaves whole
    # data sets, not a few seeds of each. Several workers may run at once: each claims a
    # (data set, seed) with a file created exclusively, and writes its result to its own file.
    for name, target, task in specs:
        for seed in seeds:
            key = f"{name}/{seed}"
            path = f"{results}/{name}-{seed}.json"
            try:
                os.close(os.open(f"{results}/{name}-{seed}.claim", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            except FileExistsError:
                continue
            train = pd.read_csv(f"{out_dir}/{name}-s{seed}-train.csv")
            test = pd.read_csv(f"{out_dir}/{name}-s{seed}-test.csv")
            t = Task(task, train[target], test[target])
            enc = encoder(train.drop(columns=[target]))
            Ztr = sp.csr_matrix(enc.fit_transform(train.drop(columns=[target])))
            Zte = sp.csr_matrix(enc.transform(test.drop(columns=[target])))
            splitter = KFold(FOLDS, shuffle=True, random_state=seed) if task == "regression" \
                else StratifiedKFold(FOLDS, shuffle=True, random_state=seed)
            folds = list(splitter.split(np.zeros(len(t.ytr)), t.ytr))
            load_before = os.getloadavg()[0]
            started, cpu_started = time.perf_counter(), time.process_time()
            res = {"task": task, "features": Ztr.shape[1], "defaults": defaults(t, Ztr, Zte, seed),
                   "xgb": search_xgb(t, Ztr, Zte, folds, seed, configs),
                   "hgb": search_hgb(t, Ztr, Zte, folds, seed, configs)}
            res["tuned"] = "xgb" if res["xgb"]["cv"] >= res["hgb"]["cv"] else "hgb"
            res["seconds"] = time.perf_counter() - started
            res["cpu_seconds"] = time.process_time() - cpu_started
            res["load"] = [load_before, os.getloadavg()[0]]
            json.dump(res, open(f"{path}.tmp", "w"), indent=1)
            os.replace(f"{path}.tmp", path)
            print(f"{key}: tuned {res['tuned']} {json.dumps({k: v for k, v in res[res['tuned']].items() if k != 'params'})}"
                  f" in {res['seconds']:.0f} s ({res['cpu_seconds']:.0f} s CPU), load {res['load'][0]:.1f}-{res['load'][1]:.1f}",
                  file=sys.stderr, flush=True)


def specs_of(args):
    return [tuple(s.split(":")) for s in args]


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "split":
        split(sys.argv[2], sys.argv[3], [int(s) for s in sys.argv[4].split(",")], specs_of(sys.argv[5:]))
    elif mode == "reference":
        reference(sys.argv[2], [int(s) for s in sys.argv[3].split(",")], int(sys.argv[4]), specs_of(sys.argv[5:]))
    else:
        sys.exit(f"error: unknown mode {mode} (split | reference)")
