"""pandas side of the CSV-ingest benchmark: read_csv, then read_csv + describe(include='all').

Usage: python3 ingest.py <file.csv>. Runs once and prints one JSON object with wall and CPU
seconds of each measurement; bench/ingest.ts calls it once per repeat, interleaved with the
Tourney runs, so both see the same machine load.
"""
import json
import sys
import time

import pandas as pd


def main() -> None:
    path = sys.argv[1]
    w0, c0 = time.perf_counter(), time.process_time()
    df = pd.read_csv(path)
    w1, c1 = time.perf_counter(), time.process_time()
    df.describe(include='all')
    w2, c2 = time.perf_counter(), time.process_time()
    print(json.dumps({
        'pandas': pd.__version__,
        'rows': int(df.shape[0]),
        'columns': int(df.shape[1]),
        'read_wall': w1 - w0,
        'read_cpu': c1 - c0,
        'all_wall': w2 - w0,
        'all_cpu': c2 - c0,
    }))


if __name__ == '__main__':
    main()
