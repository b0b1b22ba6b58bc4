"""The layering rules of the design card, checked on the source: each stage imports only the one before it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# package -> project packages it may import
ALLOWED = {
    "extract": {"extract"},
    "normalize": {"normalize", "extract"},
    "load": {"load", "normalize", "review"},
    "review": {"review", "normalize", "extract"},
}
PROJECT = {"extract", "normalize", "load", "review", "jixiao"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _stage(module: str) -> str:
    """The project part a module belongs to: `jixiao.extract.model` -> `extract`, `jixiao.cli` -> `jixiao`."""
    parts = module.split(".")
    if parts[0] == "jixiao" and len(parts) > 1 and parts[1] in ALLOWED:
        return parts[1]
    return parts[0]


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_stage_imports_only_the_stage_before_it(package: str) -> None:
    offenders = []
    for path in _modules(package):
        if "migrations" in path.parts:
            continue
        for name in _imports(path):
            top = _stage(name)
            if top in PROJECT and top not in ALLOWED[package]:
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_only_the_ooxml_layer_touches_xml() -> None:
    offenders = []
    for package in ("extract", "normalize", "load", "review", "jixiao"):
        for path in _modules(package):
            if (ROOT / "extract" / "ooxml") in path.parents:
                continue
            for name in _imports(path):
                if name.split(".")[0] in {"lxml", "docx"}:
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_no_module_passes_the_size_cap() -> None:
    too_long = [
        f"{p.relative_to(ROOT)}: {n} lines"
        for package in ("extract", "normalize", "load", "review", "jixiao")
        for p in _modules(package)
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    ]
    assert too_long == []


def test_the_stages_are_imported_under_the_jixiao_namespace() -> None:
    """Installing jixiao must not claim the top-level names `extract`, `normalize` and `load`."""
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for folder in ("extract", "normalize", "load", "review", "jixiao", "tests", "bench", "samples")
        for path in _modules(folder)
        for name in _imports(path)
        if name.split(".")[0] in ALLOWED
    ]
    assert offenders == []
