"""Extract stage: read a .docx performance report into plain, frozen records.

Only `extract.ooxml` touches zip files and XML. Everything it hands on is a
frozen dataclass from `extract.model` (the body as Word shows it) and
`extract.records` (the report's parts: sections, projects, indicators).
"""
