"""The hostile corpus, written once per test session, and LibreOffice for the --convert tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jixiao.extract.convert import find_soffice
from make_hostile import make_corpus


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_corpus(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="session")
def soffice() -> str:
    """Path of LibreOffice's soffice; skips without it, fails when CI says it must be there."""
    found = find_soffice()
    if found is None:
        if os.environ.get("JIXIAO_REQUIRE_SOFFICE") == "1":
            pytest.fail("JIXIAO_REQUIRE_SOFFICE=1 but LibreOffice (soffice) is not installed")
        pytest.skip("LibreOffice (soffice) is not installed; set JIXIAO_REQUIRE_SOFFICE=1 to make this a failure")
    return found
