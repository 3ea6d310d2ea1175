"""Reference for benchmarks/csv-vs-pandas.sh: what a Python user runs to load a demonstration CSV.

Reads the whole file with pandas' C parser (its default engine), then checks that every cell became a number, so
that the work matches `il inspect`, which parses and validates every cell. Prints rows and columns.
"""
import sys

import pandas as pd

frame = pd.read_csv(sys.argv[1])
if not all(str(t).startswith(("float", "int")) for t in frame.dtypes):
    sys.exit("non-numeric column")
print(f"{len(frame)} rows, {len(frame.columns)} columns")
