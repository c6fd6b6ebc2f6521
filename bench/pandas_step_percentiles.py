#!/usr/bin/env python3
"""Independent reference for gemba-bench-events: per-activity P50 and P85 of (end - start) in
seconds, computed with pandas from the same event CSV. Prints one JSON object:
{"seconds": time taken, "steps": {activity: [p50, p85]}}.
Usage: pandas_step_percentiles.py LOG.csv ACTIVITY...
"""
import json
import sys
import time

import pandas as pd


def main():
    path, activities = sys.argv[1], sys.argv[2:]
    began = time.perf_counter()
    log = pd.read_csv(path, usecols=["case", "activity", "start", "end"])
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    start = pd.to_datetime(log["start"], format=fmt, utc=True)
    end = pd.to_datetime(log["end"], format=fmt, utc=True)
    log["seconds"] = (end - start).dt.total_seconds()
    steps = log[log["activity"].isin(activities)]
    quantiles = steps.groupby("activity")["seconds"].quantile([0.5, 0.85]).unstack()
    elapsed = time.perf_counter() - began
    out = {name: [float(row[0.5]), float(row[0.85])] for name, row in quantiles.iterrows()}
    print(json.dumps({"seconds": elapsed, "steps": out}))


if __name__ == "__main__":
    main()
