"""The report of the ingested samples in a real headless browser (Debian's chromium): it renders and shows the numbers.

Skipped when chromium is not installed, unless JIXIAO_REQUIRE_BROWSER=1 (CI) makes that a failure.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
import sqlalchemy as sa

from jixiao.batch import run_batch
from jixiao.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").rglob("*.docx"))
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars")


@pytest.fixture(scope="module")
def browser() -> str:
    found = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    if found is None:
        reason = "chromium is not installed (apt-get install chromium fonts-wqy-zenhei)"
        if os.environ.get("JIXIAO_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{reason}, and JIXIAO_REQUIRE_BROWSER=1 requires it")
        pytest.skip(reason)
    return found


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    assert SAMPLES, "samples/*.docx are missing: run `make samples`"
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'samples.db'}"
    summary = run_batch(SAMPLES, db_url=url, workers=1)
    assert summary.loaded == len(SAMPLES)
    return url


@pytest.fixture(scope="module")
def report(database: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "报告 report.html"
    assert main(["report", "--db", database, "-o", str(out)]) == 0
    return out


def chromium(browser: str, tmp: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    profile = tmp / "profile"
    command = [browser, *FLAGS, f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, capture_output=True, timeout=180, cwd=tmp)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return done


class Page(HTMLParser):
    """Texts by element id, and every <svg> and <g class="bar"> seen."""

    def __init__(self) -> None:
        super().__init__()
        self.by_id: dict[str, str] = {}
        self.stack: list[str | None] = []
        self.svgs = self.bars = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.svgs += tag == "svg"
        self.bars += tag == "g" and a.get("class") == "bar"
        if tag not in ("meta", "br", "rect", "link"):
            self.stack.append(a.get("id"))

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("meta", "br", "rect", "link") and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for ident in self.stack:
            if ident:
                self.by_id[ident] = self.by_id.get(ident, "") + data


def db_counts(url: str) -> dict[str, int]:
    """The numbers the page must show, counted with plain SQL over the views a BI tool reads."""
    queries = {
        "documents": "SELECT COUNT(*) FROM v_documents",
        "versions": "SELECT COUNT(*) FROM documents",
        "projects": "SELECT COUNT(*) FROM v_projects",
        "indicators": "SELECT COUNT(*) FROM v_indicators",
        "warnings": "SELECT COUNT(*) FROM v_warnings",
        "untyped": "SELECT COUNT(*) FROM v_warnings WHERE code = 'value_unparsed'",
        "failed-files": "SELECT COUNT(*) FROM ingest_log WHERE status = 'failed'",
    }
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        counts = {name: int(conn.execute(sa.text(sql)).scalar_one()) for name, sql in queries.items()}
        counts["departments"] = conn.execute(sa.text("SELECT DISTINCT department FROM v_documents")).scalars().all()
    engine.dispose()
    return counts


def test_the_dom_shows_the_samples_numbers(browser: str, report: Path, database: str, tmp_path: Path) -> None:
    dom = chromium(browser, tmp_path, "--dump-dom", report.as_uri()).stdout.decode("utf-8")
    page = Page()
    page.feed(dom)
    expected = db_counts(database)
    departments = expected.pop("departments")
    shown = {k.removeprefix("total-"): int(v) for k, v in page.by_id.items() if k.startswith("total-")}
    assert shown == expected
    assert expected["versions"] == len(SAMPLES) and expected["indicators"] > expected["projects"] > 0
    text = "".join(page.text)
    assert all(f"{department} · " in text for department in departments)
    assert page.svgs == 2 and page.bars >= 4
    assert "绩效目标数据报告" in text


def png_pixels(data: bytes) -> tuple[int, int, list[bytes], int]:
    """Width, height, rows of pixel bytes and bytes per pixel of an 8-bit RGB(A) PNG (what chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, [], b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk, pos = data[pos + 8:pos + 8 + length], pos + 12 + length
        if kind == b"IHDR":
            header = chunk
        elif kind == b"IDAT":
            idat.append(chunk)
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, interlace) == (8, 0) and colour in (2, 6)
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(b"".join(idat)), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        # PNG filters (ISO 15948 §9): 1 Sub, 2 Up, 3 Average, 4 Paeth.
        if kind == 2:
            line = bytearray((x + b) & 0xFF for x, b in zip(line, prev))
        elif kind:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                if kind == 1:
                    add = a
                elif kind == 3:
                    add = (a + b) >> 1
                else:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    add = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + add) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, rows, bpp


def test_a_screenshot_is_not_blank(browser: str, report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    chromium(browser, tmp_path, f"--screenshot={shot}", "--window-size=1000,1400", report.as_uri())
    width, height, rows, bpp = png_pixels(shot.read_bytes())
    assert (width, height) == (1000, 1400)
    grey = [sum(row[x:x + 3]) / 3 for row in rows[::4] for x in range(0, width * bpp, 4 * bpp)]
    mean = sum(grey) / len(grey)
    variance = sum((g - mean) ** 2 for g in grey) / len(grey)
    dark = sum(g < 128 for g in grey) / len(grey)
    colours = {row[x:x + 3] for row in rows[::8] for x in range(0, width * bpp, 8 * bpp)}
    assert variance > 100 and 0.002 < dark < 0.5 and len(colours) > 20, (mean, variance, dark, len(colours))
    # The summary cards' blue numbers (#2f6f9f) are on screen.
    assert any(abs(r[0] - 0x2F) + abs(r[1] - 0x6F) + abs(r[2] - 0x9F) < 30 for r in colours)


def test_the_dom_shows_the_review_findings(browser: str, report: Path, database: str, tmp_path: Path) -> None:
    """The reviewer's section: counts by severity as v_findings has them, every project foldable, findings beside rows."""
    dom = chromium(browser, tmp_path, "--dump-dom", report.as_uri()).stdout.decode("utf-8")
    page = Page()
    page.feed(dom)
    engine = sa.create_engine(database)
    with engine.connect() as conn:
        by_severity = dict(conn.execute(sa.text("SELECT severity, COUNT(*) FROM v_findings GROUP BY severity")).all())
        n_projects = conn.execute(sa.text("SELECT COUNT(*) FROM v_projects")).scalar_one()
        vague = conn.execute(sa.text("SELECT COUNT(*) FROM v_findings WHERE rule_id = 'MEAS-03'")).scalar_one()
    engine.dispose()
    for severity in ("error", "warning", "notice"):
        assert int(page.by_id[f"findings-{severity}"]) == by_severity.get(severity, 0)
    assert dom.count('<details class="project') == n_projects
    assert dom.count('<span class="sev warning">MEAS-03</span>') == vague > 0
    assert "审核结果 · Review findings" in "".join(page.text)


def test_two_hundred_projects_render_folded_and_readable(browser: str, tmp_path: Path) -> None:
    """200 projects: chromium lays the page out, every project is one folded line, the send-back list on top."""
    from jixiao.load.database import create_engine
    from review_reports import bureau_report, page_of, training_project

    engine = create_engine(f"sqlite:///{tmp_path / 'big.db'}")
    page = page_of(engine, bureau_report([training_project(n, fiscal=700_000.0 if n % 50 == 0 else 800_000.0)
                                          for n in range(1, 201)]))
    engine.dispose()
    html = tmp_path / "big.html"
    html.write_text(page, encoding="utf-8")
    dom = chromium(browser, tmp_path, "--dump-dom", html.as_uri()).stdout.decode("utf-8")
    assert dom.count('<details class="project') == 200 and "<details open" not in dom
    parsed = Page()
    parsed.feed(dom)
    assert parsed.by_id["findings-send-back"] == "4"  # P050, P100, P150, P200: 财政拨款 + 其他资金 ≠ 总额
    shot = tmp_path / "big.png"
    chromium(browser, tmp_path, f"--screenshot={shot}", "--window-size=1000,1400", html.as_uri())
    width, height, rows, bpp = png_pixels(shot.read_bytes())
    colours = {row[x:x + 3] for row in rows[::8] for x in range(0, width * bpp, 8 * bpp)}
    assert (width, height) == (1000, 1400) and len(colours) > 20
