"""scikit-learn side of bench/lbfgs-speed.ts: LogisticRegression(lbfgs, C) on the matrices that
bench/accuracy-data.ts writes, mean-imputed and standardised, with scipy's ftol switched off so that
`tol` (the projected-gradient bound) alone stops both solvers. Median fit time of `repeats` fits after `warmup` untimed fits.
usage: python3 bench/lbfgs-speed.py <data-dir> <C> <tol> <repeats> <warmup> <name,...>  (prints JSON)"""
import json, statistics, sys, time, warnings
import numpy as np, pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from accuracy_linear_ftol import lbfgs_without_ftol

warnings.filterwarnings("ignore")
data_dir, C, tol, repeats, warmup = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
out = {}
for name in sys.argv[6].split(","):
    df = pd.read_csv(f"{data_dir}/accuracy-{name}.csv", float_precision="round_trip")
    tr = (df["__split"] == "train").to_numpy()
    y = df["__y"].to_numpy().astype(int)[tr]
    X = df.drop(columns=["__split", "__y"]).to_numpy(dtype=np.float64)[tr]
    X = SimpleImputer(strategy="mean", keep_empty_features=True).fit_transform(X)
    sd = X.std(axis=0); sd[sd == 0] = 1
    Z = (X - X.mean(axis=0)) / sd
    times = []
    with lbfgs_without_ftol():
        for _ in range(warmup):  # untimed, as on the Tourney side
            LogisticRegression(C=C, tol=tol, max_iter=100000).fit(Z, y)
        for _ in range(repeats):
            t0 = time.perf_counter()
            m = LogisticRegression(C=C, tol=tol, max_iter=100000).fit(Z, y)
            times.append(time.perf_counter() - t0)
    out[name] = {"seconds": statistics.median(times), "nIter": int(np.max(m.n_iter_)), "coef": m.coef_.tolist(), "intercept": np.atleast_1d(m.intercept_).tolist()}
print(json.dumps(out))
