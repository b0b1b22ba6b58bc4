"""Load stage: write typed reports (`normalize.records.Report`) into a relational database.

Every document is written whole in one transaction, as a new version of its
document key; views (`v_indicators`, `v_projects`, ...) give BI tools the
current versions. See docs/database.md.
"""
