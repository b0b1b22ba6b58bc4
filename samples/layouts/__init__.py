"""One module per table layout the issue lists; each renders a Report into a Package."""

from __future__ import annotations

from typing import Callable

from samples.docx_writer import Package
from samples.layouts import department, export, mof, multi, province, seed, self_evaluation, split, variants
from samples.model import Report

RENDERERS: dict[str, Callable[[Package, Report], None]] = {
    "seed": seed.render,
    "mof": mof.render,
    "export": export.render,
    "department": department.render,
    "multi": multi.render,
    "variants": variants.render,
    "province": province.render,
    "split": split.render,
    "self_evaluation": self_evaluation.render,
}
