"""docs/database.md stays in step with the schema and the views it documents for BI developers."""

from __future__ import annotations

from pathlib import Path

from jixiao.load.catalog import END, START, markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "database.md"


def test_the_generated_reference_is_fresh() -> None:
    text = DOCS.read_text(encoding="utf-8")
    block = text.split(START, 1)[1].split(END, 1)[0]
    assert block.strip() == markdown().strip(), "run: python -m jixiao.load.catalog docs/database.md"


def test_the_guide_names_the_three_engines_and_the_starting_view() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for needle in ("sqlite:///jixiao.db", "postgresql+psycopg://", "mysql+pymysql://", "JIXIAO_DB",
                   "v_indicators", "jixiao db upgrade", "current_documents", "jixiao export"):
        assert needle in text
