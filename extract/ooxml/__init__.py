"""The OOXML layer: the only code in jixiao that touches zip files and XML elements.

Names follow ECMA-376 (w:tc, w:vMerge, w:numPr ...). What leaves this package
is `extract.model` values.
"""
