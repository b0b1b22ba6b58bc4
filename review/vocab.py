"""The review's word lists under review/data/ (vague targets, placeholders, rate names ...), read once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["DATA_DIR", "ReviewVocab", "review_vocab"]

DATA_DIR = Path(__file__).with_name("data")


@dataclass(frozen=True, slots=True)
class ReviewVocab:
    """Every list; see the comment at the top of each file for what it is for."""

    vague_words: tuple[str, ...]
    placeholder_values: frozenset[str]
    rate_suffixes: tuple[str, ...]
    unbounded_rates: tuple[str, ...]
    next_year_words: tuple[str, ...]
    per_unit_words: tuple[str, ...]
    money_units: frozenset[str]
    category_names: dict[str, str]
    """Canonical Chinese name of each level1/level2 code (产出指标, 数量指标 ...)."""

    def category(self, code: str) -> str:
        return self.category_names.get(code, code)

    def is_placeholder(self, raw: str) -> bool:
        """True for a value cell that holds no target: blank, or a placeholder such as "/" or "无"."""
        text = "".join(raw.split())
        return not text or text in self.placeholder_values

    def is_rate(self, name: str | None) -> bool:
        """True when the indicator's name says it is a rate (…率, …满意度)."""
        return bool(name) and name.rstrip("（）() %％").endswith(self.rate_suffixes)

    def is_bounded_rate(self, name: str | None) -> bool:
        """A rate that cannot pass 100% (a growth rate can)."""
        return self.is_rate(name) and not any(word in (name or "") for word in self.unbounded_rates)

    def vague_word(self, raw: str) -> str | None:
        """The first vague word in a value, or None."""
        return next((word for word in self.vague_words if word in raw), None)


def _lines(name: str) -> tuple[str, ...]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


@cache
def review_vocab() -> ReviewVocab:
    """The lists, parsed once per process."""
    return ReviewVocab(
        vague_words=_lines("vague_words.txt"),
        placeholder_values=frozenset(_lines("placeholder_values.txt")),
        rate_suffixes=_lines("rate_suffixes.txt"),
        unbounded_rates=_lines("unbounded_rates.txt"),
        next_year_words=_lines("next_year_words.txt"),
        per_unit_words=_lines("per_unit_words.txt"),
        money_units=frozenset(_lines("money_units.txt")),
        category_names=dict(line.split("\t", 1) for line in _lines("category_names.tsv")),
    )
