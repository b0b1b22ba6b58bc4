"""Normalize stage: type every value and label of an extracted report.

Pure functions from `extract.records` to `normalize.records`; the Chinese
vocabulary they use lives in the data tables under `normalize/vocab/`.
"""
