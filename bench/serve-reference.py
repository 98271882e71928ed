"""The reference scoring service for bench/serve.ts: FastAPI + scikit-learn + XGBoost (Debian's
python3-fastapi, python3-uvicorn, python3-sklearn, python3-xgboost), as a team would write it.

  /usr/bin/python3 bench/serve-reference.py train <data.csv> <target> <model.joblib>
      fits OneHotEncoder(categoricals) + XGBClassifier(hist, library defaults) on all rows
  TOURNEY_BENCH_MODEL=<model.joblib> python3 -m uvicorn serve_reference:app --workers 2 ...
      (bench/serve.ts links this file as serve_reference.py: a module name cannot have a dash)

POST /v1/predict takes {"rows": [{column: value, ...}, ...]} and answers the scorer's shape:
{"model": {...}, "predictions": [{"prediction": class, "probabilities": {class: p}}]}.
"""
import os
import sys
from typing import Any, Dict, List

import joblib
import numpy as np
import pandas as pd


def train(csv: str, target: str, out: str) -> None:
    from sklearn.compose import ColumnTransformer
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder
    from xgboost import XGBClassifier

    df = pd.read_csv(csv)
    y_text = df.pop(target).astype(str)
    classes = sorted(y_text.unique())
    y = y_text.map({c: i for i, c in enumerate(classes)}).to_numpy()
    categorical = [c for c in df.columns if df[c].dtype == object]
    numeric = [c for c in df.columns if c not in categorical]
    pre = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
        ("num", "passthrough", numeric),
    ])
    model = Pipeline([("pre", pre), ("xgb", XGBClassifier(tree_method="hist", n_jobs=1, random_state=0))])
    model.fit(df, y)
    joblib.dump({"pipeline": model, "classes": classes, "columns": list(df.columns), "numeric": numeric}, out)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "train":
        train(sys.argv[2], sys.argv[3], sys.argv[4])
        sys.exit(0)
    sys.exit("usage: serve-reference.py train <data.csv> <target> <model.joblib>")

from fastapi import FastAPI  # noqa: E402
from pydantic import BaseModel  # noqa: E402

bundle = joblib.load(os.environ["TOURNEY_BENCH_MODEL"])
pipeline, classes, columns, numeric = bundle["pipeline"], bundle["classes"], bundle["columns"], bundle["numeric"]
app = FastAPI()


class PredictRequest(BaseModel):
    rows: List[Dict[str, Any]]


@app.post("/v1/predict")
def predict(request: PredictRequest) -> Dict[str, Any]:
    frame = pd.DataFrame.from_records(request.rows, columns=columns)
    frame[numeric] = frame[numeric].apply(pd.to_numeric, errors="coerce")  # None → NaN
    proba = pipeline.predict_proba(frame)
    best = np.argmax(proba, axis=1)
    return {
        "model": {"name": "reference", "version": "1"},
        "predictions": [
            {"prediction": classes[b], "probabilities": {c: float(p[i]) for i, c in enumerate(classes)}}
            for b, p in zip(best, proba)
        ],
    }
