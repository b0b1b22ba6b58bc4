"""`make bench`: the benchmark of issue 7 (run bench/run.py)."""
