"""The rule table cites its sources, and the docs show every rule and a reviewer's day."""

from __future__ import annotations

import re
from pathlib import Path

from jixiao.review import default_rules, load_rules

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
DATABASE = (ROOT / "docs" / "database.md").read_text(encoding="utf-8")
DOCUMENT_NUMBER = re.compile(r"〔20\d\d〕\d+号|省级部门预算绩效管理办法")


def test_every_rule_cites_a_published_rule_and_says_what_to_do() -> None:
    for rule in load_rules().rules:
        assert DOCUMENT_NUMBER.search(rule.source), rule.id
        assert rule.title and "请" in rule.message_zh or rule.check == "quantified_share_document", rule.id


def test_the_guide_lists_every_rule_and_shows_the_bureau_file() -> None:
    listed = set()
    for group, first, more in re.findall(r"^\| ([A-Z]+)-(\d+)((?:, \d+)*) \|", GUIDE, re.M):
        listed |= {f"{group}-{n.strip()}" for n in [first, *more.split(",")[1:]]}
    assert listed == {rule.id for rule in default_rules().rules}
    bureau = (ROOT / "tests" / "review" / "rules" / "tangshan_bureau.toml").read_text(encoding="utf-8")
    example = bureau[bureau.index("[[rule]]"):].strip()
    assert example in GUIDE
    for needle in ("jixiao ingest", "jixiao review --db", "jixiao report", "退回项目", "JIXIAO_RULES", "--rules"):
        assert needle in GUIDE


def test_readme_and_database_docs_show_the_review() -> None:
    for needle in ("jixiao review", "--rules", "v_findings", "A reviewer's day"):
        assert needle in README
    for needle in ("v_findings", "rules_digest", "jixiao review --db URL"):
        assert needle in DATABASE
