"""Measurability (可衡量): targets are numbers, percents or dates, not words such as 明显提升."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from jixiao.normalize.records import Indicator, Report
from jixiao.review.completeness import has_value
from jixiao.review.registry import Hit, Params, check
from jixiao.review.vocab import ReviewVocab

QUANTIFIED = frozenset({"number", "percent", "date"})


def _share(indicators: Sequence[Indicator], vocab: ReviewVocab) -> tuple[int, int]:
    """(quantified, with a value): blank and placeholder rows count in neither."""
    valued = [i for i in indicators if has_value(i, vocab)]
    return sum(i.kind in QUANTIFIED for i in valued), len(valued)


def _values(quantified: int, total: int) -> dict[str, object]:
    return {"share": f"{quantified / total:.0%}", "quantified": quantified, "total": total}


@check("quantified_share_project", fields=("share", "quantified", "total"), min_share=0.6, min_indicators=3)
def quantified_share_project(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """Too few of a project's targets are numbers, percents or dates (projects with very few rows are skipped)."""
    for n, project in enumerate(report.projects):
        quantified, total = _share(project.indicators, vocab)
        if total >= params["min_indicators"] and quantified / total < params["min_share"]:
            yield Hit(n, values=_values(quantified, total))


@check("quantified_share_document", fields=("share", "quantified", "total"), min_share=0.7)
def quantified_share_document(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """Too few of the whole document's targets are quantified."""
    quantified, total = _share([i for p in report.projects for i in p.indicators], vocab)
    if total and quantified / total < params["min_share"]:
        yield Hit(None, values=_values(quantified, total))


@check("vague_target", fields=("word",))
def vague_target(report: Report, params: Params, vocab: ReviewVocab) -> Iterator[Hit]:
    """A text target built on a vague word (较好, 明显提升 ... review/data/vague_words.txt)."""
    for n, project in enumerate(report.projects):
        for indicator in project.indicators:
            if indicator.kind == "text" and (word := vocab.vague_word(indicator.raw)):
                yield Hit(n, indicator, {"word": word})
