"""The check functions by name: a rule in the table names its check, the check finds the places.

A check takes the report, its parameters (the rule's, over the check's defaults) and the
word lists, and yields a Hit per place that breaks it. Checks live in one module per
group (completeness, measurability, consistency) and register themselves with `@check`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jixiao.normalize.records import Indicator, Report
from jixiao.review.vocab import ReviewVocab

__all__ = ["Hit", "Check", "check", "checks", "GROUPS", "COMMON_FIELDS"]

GROUPS = ("completeness", "measurability", "consistency")
COMMON_FIELDS = frozenset({"project", "code", "indicator", "raw"})
"""Names every message may use: the project's name and code, the indicator's name and value as written."""

Params = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Hit:
    """One place a check found: a project (index into report.projects), an indicator, or the whole document."""

    project: int | None
    indicator: Indicator | None = None
    values: Mapping[str, object] = field(default_factory=dict)
    """What the message shows besides the parameters (the value found, the sum that differs ...)."""


CheckFunction = Callable[[Report, Params, ReviewVocab], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Check:
    """A registered check: its function, its parameters with their defaults, the values its hits carry."""

    name: str
    group: str
    function: CheckFunction
    params: Mapping[str, Any]
    fields: frozenset[str]


_REGISTRY: dict[str, Check] = {}


def check(name: str, *, fields: Iterable[str] = (), **params: Any) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check under `name`, with its parameters' defaults and the names its hits fill."""

    def register(function: CheckFunction) -> CheckFunction:
        group = function.__module__.rsplit(".", 1)[-1]
        _REGISTRY[name] = Check(name, group, function, dict(params), frozenset(fields))
        return function

    return register


@cache
def checks() -> Mapping[str, Check]:
    """Every check, by name (importing the group modules registers them)."""
    for group in GROUPS:
        importlib.import_module(f"jixiao.review.{group}")
    return dict(_REGISTRY)
