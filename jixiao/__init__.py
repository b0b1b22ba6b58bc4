"""jixiao (绩效): Chinese budget-performance reports in Word → clean relational data.

The command line (`jixiao.cli`) is a thin shell over these functions:
`jixiao.pipeline.read_report(path)` runs extract and normalize on one file.
"""

__version__ = "0.1.0"
