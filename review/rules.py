"""The rule table: which checks run, how serious each is, what the clerk is told, and where the rule comes from.

The built-in table is review/data/rules.toml. A bureau's own file (`--rules FILE`, same
format) extends it: a rule with a known id changes the fields it gives, a new id adds a
rule, `enabled = false` switches one off, and top-level `mode = "replace"` starts from an
empty table instead. $JIXIAO_RULES names files that apply everywhere (ingest too).
Anything the table cannot mean is a RulesError naming the file and key.
"""

from __future__ import annotations

import hashlib
import os
import string
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jixiao.review.exceptions import RulesError
from jixiao.review.findings import SEVERITIES, Severity
from jixiao.review.registry import COMMON_FIELDS, checks
from jixiao.review.vocab import DATA_DIR

__all__ = ["Rule", "RuleSet", "default_rules", "load_rules", "RULE_KEYS", "RULES_ENV"]

DEFAULT_RULES = DATA_DIR / "rules.toml"
REQUIRED = ("id", "check", "severity", "message_zh", "message_en", "source")
RULE_KEYS = frozenset({*REQUIRED, "params", "enabled", "title"})
FILE_KEYS = frozenset({"mode", "rule"})


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of the table."""

    id: str
    check: str
    severity: Severity
    message_zh: str
    message_en: str
    source: str
    params: Mapping[str, Any]
    """The check's defaults with the table's values over them."""
    title: str = ""
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The rules in force, and a digest that changes whenever any of them does."""

    rules: tuple[Rule, ...]
    digest: str
    """SHA-256 (hex, first 16) of the table files read and the word lists; stored with each finding."""
    files: tuple[str, ...]

    @property
    def enabled(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.enabled)


def _read(path: Path) -> tuple[dict[str, Any], bytes]:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise RulesError(str(path), f"cannot read the rule table ({e.strerror})") from None
    try:
        return tomllib.loads(data.decode("utf-8")), data
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise RulesError(str(path), f"not a valid TOML rule table ({e})") from None


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    if isinstance(default, list):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, type(default))


def _build(fields: Mapping[str, Any], where: str) -> Rule:
    """A Rule from one table row (already merged with the row it overrides), checked completely."""
    missing = [key for key in REQUIRED if not isinstance(fields.get(key), str) or not fields[key].strip()]
    if missing:
        raise RulesError(where, f"missing or empty: {', '.join(missing)}")
    known = checks()
    check = known.get(fields["check"])
    if check is None:
        raise RulesError(where, f"unknown check {fields['check']!r} (known: {', '.join(sorted(known))})")
    if fields["severity"] not in SEVERITIES:
        raise RulesError(where, f"severity must be one of {', '.join(SEVERITIES)}, not {fields['severity']!r}")
    given = fields.get("params", {})
    if not isinstance(given, Mapping):
        raise RulesError(where, "params must be a table of values")
    params = dict(check.params)
    for name, value in given.items():
        if name not in check.params:
            accepted = ", ".join(sorted(check.params)) or "none"
            raise RulesError(where, f"unknown parameter {name!r} of check {check.name} (accepted: {accepted})")
        if not _same_type(check.params[name], value):
            raise RulesError(where, f"parameter {name!r} must be like {check.params[name]!r}, not {value!r}")
        params[name] = value
    names = COMMON_FIELDS | check.fields | set(params)
    for key in ("message_zh", "message_en"):
        try:
            used = {f for _, f, _, _ in string.Formatter().parse(fields[key]) if f}
        except ValueError as e:
            raise RulesError(where, f"{key}: {e}") from None
        if unknown := sorted(used - names):
            raise RulesError(where, f"{key} uses {{{unknown[0]}}}, which check {check.name} does not fill "
                                    f"(it fills: {', '.join(sorted(names))})")
    enabled = fields.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RulesError(where, "enabled must be true or false")
    return Rule(fields["id"], check.name, fields["severity"], fields["message_zh"], fields["message_en"],
                fields["source"], params, str(fields.get("title", "")), enabled)


def _merge(table: dict[str, dict[str, Any]], document: Mapping[str, Any], path: Path) -> None:
    """Apply one file's rows to `table` (id -> fields), in place."""
    if unknown := sorted(set(document) - FILE_KEYS):
        raise RulesError(str(path), f"unknown top-level key {unknown[0]!r} (known: mode, rule)")
    mode = document.get("mode", "extend")
    if mode not in ("extend", "replace"):
        raise RulesError(str(path), f"mode must be \"extend\" or \"replace\", not {mode!r}")
    if mode == "replace":
        table.clear()
    rows = document.get("rule", [])
    if not isinstance(rows, list):
        raise RulesError(str(path), "rules are written as [[rule]] tables")
    for n, row in enumerate(rows, 1):
        where = f"{path}: rule {row.get('id', f'#{n}')}" if isinstance(row, dict) else f"{path}: rule #{n}"
        if not isinstance(row, dict):
            raise RulesError(where, "a rule is a [[rule]] table")
        if unknown := sorted(set(row) - RULE_KEYS):
            raise RulesError(where, f"unknown key {unknown[0]!r} (known: {', '.join(sorted(RULE_KEYS))})")
        if not isinstance(row.get("id"), str) or not row["id"].strip():
            raise RulesError(where, "every rule needs an id")
        merged = {**table.get(row["id"], {}), **row}
        if "params" in row and row["id"] in table:
            merged["params"] = {**table[row["id"]].get("params", {}), **row["params"]}
        _build(merged, where)  # refuse a bad row here, naming the file it came from
        table[row["id"]] = merged


def load_rules(extra: Sequence[str | Path] = ()) -> RuleSet:
    """The built-in table, then each file of `extra` over it, in order."""
    table: dict[str, dict[str, Any]] = {}
    digest = hashlib.sha256()
    files = []
    for path in (DEFAULT_RULES, *map(Path, extra)):
        document, data = _read(path)
        _merge(table, document, path)
        digest.update(data)
        files.append(str(path))
    for word_list in sorted([*DATA_DIR.glob("*.txt"), *DATA_DIR.glob("*.tsv")]):
        digest.update(word_list.read_bytes())  # the word lists decide findings as much as the table
    rules = tuple(_build(fields, f"rule {rule_id}") for rule_id, fields in table.items())
    return RuleSet(rules, digest.hexdigest()[:16], tuple(files))


RULES_ENV = "JIXIAO_RULES"
"""Environment variable naming a bureau's rule files (separated like PATH), used by ingest, review and report."""


@cache
def _rules_for(files: tuple[str, ...]) -> RuleSet:
    return load_rules(files)


def default_rules(extra: Sequence[str | Path] = ()) -> RuleSet:
    """The rules in force: the built-in table, the files $JIXIAO_RULES names, then `extra` (read once each)."""
    configured = tuple(f for f in os.environ.get(RULES_ENV, "").split(os.pathsep) if f.strip())
    return _rules_for((*configured, *map(str, extra)))
