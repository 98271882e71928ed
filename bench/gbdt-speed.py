"""Reference side of bench/gbdt-speed.ts: trains XGBoost hist or sklearn HistGradientBoosting on the
HIGGS-like set written by bench/gbdt-data.ts, single-threaded, and prints one JSON line.

Timing covers matrix -> fitted model (QuantileDMatrix / binning included), like Tourney's fitSeconds;
wall and CPU (process) time are both reported, prediction speed in CPU time.
usage: OMP_NUM_THREADS=1 python3 bench/gbdt-speed.py xgboost|xgboost-depthwise|sklearn [trees]   (XGBoost at lambda 1, its default)
       OMP_NUM_THREADS=2 python3 bench/gbdt-speed.py xgboost-2 [trees]   (the same on two threads: nthread=2)
       OMP_NUM_THREADS=1 python3 bench/gbdt-speed.py xgboost-predict [trees] [repeats]
The xgboost-predict form times prediction only (best of `repeats`, CPU time) with a model trained once
and cached under bench/.data/ (same parameters as the xgboost form).
"""
import json
import os
import resource
import sys
import time

import numpy as np

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '.data')
N_FEATURES = 28


def load(split):
    X = np.fromfile(os.path.join(DATA, f'higgs-{split}.f32r'), dtype=np.float32).reshape(-1, N_FEATURES)
    y = np.fromfile(os.path.join(DATA, f'higgs-{split}.y.u8'), dtype=np.uint8)
    return X, y


def predict_only(trees, repeats):
    import xgboost as xgb
    from sklearn.metrics import roc_auc_score
    cached = os.path.join(DATA, f'higgs-xgb-{trees}.json')
    model = xgb.Booster()
    if os.path.exists(cached):
        model.load_model(cached)
    else:
        X, y = load('train')
        params = {
            'objective': 'binary:logistic', 'tree_method': 'hist', 'nthread': 1,
            'max_depth': 6, 'max_leaves': 64, 'eta': 0.1, 'max_bin': 255, 'grow_policy': 'lossguide',
        }
        model = xgb.train(params, xgb.QuantileDMatrix(X, label=y, max_bin=255, nthread=1), num_boost_round=trees)
        model.save_model(cached)
    model.set_param({'nthread': 1})
    Xt, yt = load('test')
    model.predict(xgb.DMatrix(Xt[:1000], nthread=1))  # warm up
    best = float('inf')
    for _ in range(repeats):
        dtest = xgb.DMatrix(Xt, nthread=1)  # a fresh DMatrix: XGBoost caches predictions per DMatrix
        t0 = time.process_time()
        p = model.predict(dtest)
        best = min(best, time.process_time() - t0)
    print(json.dumps({'tool': 'xgboost-predict', 'version': xgb.__version__, 'auroc': roc_auc_score(yt, p),
                      'predictRowsPerSecond': len(yt) / best}))


def main():
    which = sys.argv[1]
    if which == 'xgboost-predict':
        return predict_only(int(sys.argv[2]) if len(sys.argv) > 2 else 100, int(sys.argv[3]) if len(sys.argv) > 3 else 3)
    trees = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    from sklearn.metrics import roc_auc_score
    X, y = load('train')
    Xt, yt = load('test')
    if which.startswith('xgboost'):
        import xgboost as xgb
        nthread = 2 if which == 'xgboost-2' else 1
        params = {
            'objective': 'binary:logistic', 'tree_method': 'hist', 'nthread': nthread,
            'max_depth': 6, 'max_leaves': 64, 'eta': 0.1, 'max_bin': 255, 'lambda': 1,  # XGBoost's default, stated: Tourney runs at lambdaL2 1 too
            'grow_policy': 'depthwise' if which == 'xgboost-depthwise' else 'lossguide',
        }
        t0 = time.perf_counter()
        c0 = time.process_time()
        dtrain = xgb.QuantileDMatrix(X, label=y, max_bin=255, nthread=nthread)
        model = xgb.train(params, dtrain, num_boost_round=trees)
        model.set_param({'nthread': 1})  # prediction is timed on one thread, as Tourney's
        fit = time.perf_counter() - t0
        fit_cpu = time.process_time() - c0
        dtest = xgb.DMatrix(Xt, nthread=1)
        model.predict(xgb.DMatrix(Xt[:1000], nthread=1))  # warm up
        t0 = time.process_time()
        p = model.predict(dtest)
        pred = time.process_time() - t0
        version = xgb.__version__
    else:
        import sklearn
        from sklearn.ensemble import HistGradientBoostingClassifier
        model = HistGradientBoostingClassifier(
            max_iter=trees, learning_rate=0.1, max_leaf_nodes=64, max_depth=6, max_bins=255,
            early_stopping=False, random_state=0)
        t0 = time.perf_counter()
        c0 = time.process_time()
        model.fit(X, y)
        fit = time.perf_counter() - t0
        fit_cpu = time.process_time() - c0
        model.predict_proba(Xt[:1000])  # warm up
        t0 = time.process_time()
        p = model.predict_proba(Xt)[:, 1]
        pred = time.process_time() - t0
        version = sklearn.__version__
    auc = roc_auc_score(yt, p)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({'tool': which, 'version': version, 'fitSeconds': fit, 'fitCpuSeconds': fit_cpu, 'auroc': auc,
                      'peakRssBytes': rss, 'predictRowsPerSecond': len(yt) / pred}))


if __name__ == '__main__':
    main()
