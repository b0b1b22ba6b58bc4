"""Character folding: full-width forms to half-width, one translate table, length-preserving."""

from __future__ import annotations

import re

# U+FF01..U+FF5E mirror ASCII 0x21..0x7E; the others are look-alikes seen in cells.
# Every mapping is one character to one character, so positions in the folded text
# are positions in the original (narrative names are cut from the original).
_FOLD = str.maketrans(
    {
        **{chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},
        "\u3000": " ",  # ideographic space
        "\u00a0": " ",  # no-break space
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\u301c": "~",  # wave dash 〜
        "\u223c": "~",  # tilde operator ∼
        "\ufe6a": "%",  # small percent ﹪
        "\u2212": "-",  # minus sign
        "\u2010": "-",  # hyphen
        "\u2011": "-",
        "\u2012": "-",
        "\ufe59": "(",
        "\ufe5a": ")",
        "\u3014": "(",  # 〔
        "\u3015": ")",  # 〕
    }
)

_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Full-width digits, letters and signs to ASCII (％ → %, （ → (, ＞= → >=); same length."""
    return text.translate(_FOLD)


def compact(text: str) -> str:
    """Folded and without any whitespace: the form labels and vocabulary words are compared in."""
    return _SPACE.sub("", fold(text))
