"""Errors of the normalize stage."""

from __future__ import annotations

from jixiao.extract.exceptions import JixiaoError

__all__ = ["JixiaoError", "NormalizeError", "VocabularyError"]


class NormalizeError(JixiaoError):
    """A document could not be normalized."""

    code = "normalize_error"


class VocabularyError(JixiaoError):
    """A vocabulary table under normalize/vocab/ is malformed (a packaging or editing mistake)."""

    code = "vocab_error"
