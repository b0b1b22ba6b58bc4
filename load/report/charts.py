"""Horizontal bar charts as inline SVG: no script, no library, readable without a network."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

FONT_PX = 13
ROW_PX = 24
BAR_AREA_PX = 360
PALETTE = ("#2f6f9f", "#c8702a", "#3c8c5a", "#8a4f9e", "#b0413e", "#6b7b8c", "#a08a2c")


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label, its count, and the series (colour) it belongs to."""

    label: str
    value: int
    series: int = 0


def text_width(text: str, px: int = FONT_PX) -> float:
    """Rough rendered width: CJK characters are a full em wide, Latin about 0.6 em."""
    return sum(px if unicodedata.east_asian_width(ch) in "WF" else 0.6 * px for ch in text)


def bar_chart(bars: Sequence[Bar], *, title: str, legend: Sequence[str] = ()) -> str:
    """An SVG chart, one row per bar, longest bar scaled to the chart width."""
    if not bars:
        return ""
    label_px = int(min(300, max(text_width(b.label) for b in bars)) + 12)
    legend_px = ROW_PX if legend else 0
    width = label_px + BAR_AREA_PX + 70
    height = len(bars) * ROW_PX + legend_px + 8
    top = max(b.value for b in bars) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    x_legend = 0
    for i, name in enumerate(legend):
        parts.append(
            f'<rect x="{x_legend}" y="4" width="12" height="12" fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{x_legend + 16}" y="15">{escape(name)}</text>'
        )
        x_legend += int(text_width(name)) + 36
    for i, bar in enumerate(bars):
        y = legend_px + i * ROW_PX
        length = max(1, round(BAR_AREA_PX * bar.value / top)) if bar.value else 0
        colour = PALETTE[bar.series % len(PALETTE)]
        parts.append(
            f'<g class="bar"><text x="{label_px - 8}" y="{y + 16}" text-anchor="end">{escape(bar.label)}</text>'
            f'<rect x="{label_px}" y="{y + 4}" width="{length}" height="{ROW_PX - 8}" fill="{colour}"/>'
            f'<text x="{label_px + length + 6}" y="{y + 16}" class="count">{bar.value}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
