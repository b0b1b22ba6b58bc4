"""Every vocabulary table loads, and holds nothing the contract does not allow (practice 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.extract.categories import category_rows

from jixiao.normalize import vocab as vocab_module
from jixiao.normalize.exceptions import VocabularyError
from jixiao.normalize.vocab import LEVEL1_CODES, LEVEL2_CODES, OPS, TOKEN_TABLES, VOCAB_DIR, label_key, vocab


def test_every_table_loads() -> None:
    v = vocab()
    assert v.comparators["以上"].op == ">="
    assert v.units["个工作日"].unit == "工作日"
    assert v.scales["万"] == 10000
    assert v.level1[label_key("效果指标")] == "benefit"


def _words(name: str) -> list[str]:
    lines = (VOCAB_DIR / name).read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("name", sorted(p.name for p in VOCAB_DIR.glob("*.tsv")))
def test_no_word_is_listed_twice_in_a_table(name: str) -> None:
    words = _words(name)
    assert len(words) == len(set(words))


@pytest.mark.parametrize("level", ["1", "2"])
def test_no_label_is_listed_twice(level: str) -> None:
    keys = [label_key(label) for lvl, label, _ in category_rows() if lvl == level]
    assert len(keys) == len(set(keys))


def test_a_word_the_tokenizer_cuts_belongs_to_one_table() -> None:
    v = vocab()
    seen: dict[str, str] = {}
    for table in TOKEN_TABLES:
        for word in getattr(v, table):
            assert word not in seen, f"{word} in {table} and {seen.get(word)}"
            seen[word] = table


def test_codes_and_ops_are_the_contracts() -> None:
    v = vocab()
    assert set(v.level1.values()) <= LEVEL1_CODES
    assert set(v.level2.values()) <= LEVEL2_CODES
    assert set(v.level1.values()) == LEVEL1_CODES  # every level1 code has a label
    assert set(v.level2.values()) == LEVEL2_CODES
    assert {c.op for c in v.comparators.values()} <= OPS
    assert {p.op for p in (*v.periods.values(), *v.period_marks.values()) if p.op} <= OPS
    assert {op for op in v.natures.values() if op not in ("text", "-")} <= OPS


def test_periods_name_real_days() -> None:
    for word, p in vocab().periods.items():
        assert p.month is not None and 1 <= p.month <= 12, word
        assert p.day is None or 1 <= p.day <= 31, word


def test_a_broken_table_is_a_vocabulary_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for table in VOCAB_DIR.glob("*.tsv"):
        (tmp_path / table.name).write_text(table.read_text(encoding="utf-8"), encoding="utf-8")
    with (tmp_path / "comparators.tsv").open("a", encoding="utf-8") as f:
        f.write("以上\t>=\tsuffix\n")
    monkeypatch.setattr(vocab_module, "VOCAB_DIR", tmp_path)
    vocab.cache_clear()
    try:
        with pytest.raises(VocabularyError, match="comparators.tsv: line .*'以上' is listed twice"):
            vocab()
    finally:
        vocab.cache_clear()


def test_an_unknown_op_is_a_vocabulary_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for table in VOCAB_DIR.glob("*.tsv"):
        (tmp_path / table.name).write_text(table.read_text(encoding="utf-8"), encoding="utf-8")
    with (tmp_path / "comparators.tsv").open("a", encoding="utf-8") as f:
        f.write("起码\t>==\tprefix\n")
    monkeypatch.setattr(vocab_module, "VOCAB_DIR", tmp_path)
    vocab.cache_clear()
    try:
        with pytest.raises(VocabularyError, match="op '>==' is not one of"):
            vocab()
    finally:
        vocab.cache_clear()
