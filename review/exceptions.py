"""Errors of the review stage."""

from __future__ import annotations

from jixiao.normalize.exceptions import JixiaoError

__all__ = ["JixiaoError", "RulesError"]


class RulesError(JixiaoError):
    """A rule table (the built-in one or a bureau's `--rules` file) cannot be used as written."""

    code = "rules_error"
