"""One-hot + TF-IDF encoding shared by the tournament reference scripts.

Numbers median-imputed and scaled, strings of mean length ≤ 40 one-hot (levels seen ≥ 5 times),
longer strings TF-IDF words (2,000 terms, min_df 3, sublinear tf). Fitted on training rows only.
"""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def encoder(df):
    numeric = [c for c in df.columns if pd.api.types.is_numeric_dtype(df[c])]
    strings = [c for c in df.columns if c not in numeric]
    text = [c for c in strings if df[c].astype(str).str.len().mean() > 40]
    categorical = [c for c in strings if c not in text]
    parts = [("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric)]
    if categorical:
        parts.append(("cat", make_pipeline(SimpleImputer(strategy="constant", fill_value="missing"),
                                           OneHotEncoder(handle_unknown="ignore", min_frequency=5)), categorical))
    for c in text:
        parts.append((f"text_{c}", TfidfVectorizer(max_features=2000, min_df=3, sublinear_tf=True), c))
    return ColumnTransformer(parts, sparse_threshold=1.0)
