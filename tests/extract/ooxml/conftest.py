"""Fixtures for the OOXML reader tests: build a .docx from body XML and read it back."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # tests.docx_builder is imported from the repo root

from jixiao.extract.model import DocxBody  # noqa: E402
from jixiao.extract.ooxml.reader import read_docx  # noqa: E402
from tests.docx_builder import build_docx  # noqa: E402

Read = Callable[..., DocxBody]


@pytest.fixture
def read() -> Read:
    """read(body_xml, numbering_xml=None, styles_xml=None, extra_parts=None, strict=False) -> DocxBody."""

    def _read(body_xml: str, numbering_xml: str | None = None, styles_xml: str | None = None,
              extra_parts: dict | None = None, *, strict: bool = False) -> DocxBody:
        return read_docx(build_docx(body_xml, numbering_xml, styles_xml, extra_parts, strict=strict), "test.docx")

    return _read

