"""Random mutations of real reports: every outcome is a report or a JixiaoError, never another exception or a hang.

Seeded and bounded (CASES, CASE_SECONDS each at most) so CI stays fast and a
failure can be replayed: the failing inputs are kept in the test's temporary folder and listed.
The target is jixiao.pipeline.read_report (extract + normalize) when it is importable, else
extract.document.read_document, else the OOXML reader alone.
"""

from __future__ import annotations

import io
import random
import re
import signal
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from jixiao.extract.exceptions import JixiaoError
from make_hostile import docx, encrypted_docx, kingsoft_wps, legacy_doc

SEED = 20240615
CASES = {"bytes": 1000, "xml": 1400, "compound": 600}
CASE_SECONDS = 10
SAMPLES = Path(__file__).resolve().parents[2] / "samples"

# Values and elements that have broken Word readers before: negative, huge, empty, wrong-kind.
HOSTILE_VALUES = ["-1", "0", "99999999", "4294967296", "", "abc", "1e308", "NaN", "continue", "restart", "%1%9", "\u3000"]
SNIPPETS = [
    '<w:gridSpan w:val="5000"/>', '<w:gridSpan w:val="-3"/>', "<w:vMerge/>", '<w:vMerge w:val="restart"/>',
    '<w:hMerge w:val="continue"/>', '<w:gridBefore w:val="9999"/>', '<w:gridAfter w:val="-1"/>',
    '<w:numPr><w:ilvl w:val="9"/><w:numId w:val="77"/></w:numPr>', '<w:numPr><w:ilvl w:val="-1"/></w:numPr>',
    "<w:tbl/>", "<w:tbl><w:tr/></w:tbl>", "<w:tr/>", "<w:tc/>", "<w:p/>", "<w:r/>", "<w:t/>",
    "<w:sdt><w:sdtContent><w:tc><w:p/></w:tc></w:sdtContent></w:sdt>", '<w:fldChar w:fldCharType="begin"/>',
    '<w:fldChar w:fldCharType="end"/>', "<w:instrText> TOC \\o </w:instrText>", "<w:del><w:r><w:t>x</w:t></w:r></w:del>",
    "<w:ins><w:p/></w:ins>", '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="-5"/></w:lvlOverride>',
    '<w:pStyle w:val="NoSuchStyle"/>', '<w:basedOn w:val="Normal"/>', "<w:tab/>", "<w:br/>", "<w:t>一、（一）1.</w:t>",
    "<w:t>项目名称</w:t>", "<w:t>指标值</w:t>", "<w:t>≥95%以上</w:t>",
]
TAG = re.compile(r"<(/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
VALUE = re.compile(r'(w:val|w:numId|w:ilvl|w:abstractNumId|w:styleId|Target|PartName)="[^"]*"')


class Hang(BaseException):
    """A case ran past CASE_SECONDS; BaseException so no `except Exception` in the code under test swallows it."""


def choose_target() -> tuple[str, Callable[[Path], object]]:
    try:
        from jixiao.pipeline import read_report

        return "jixiao.pipeline.read_report", read_report
    except ImportError:
        pass
    try:
        from jixiao.extract.document import read_document

        return "jixiao.extract.document.read_document", read_document
    except ImportError:
        from jixiao.extract.ooxml.reader import read_docx

        return "jixiao.extract.ooxml.reader.read_docx", lambda path: read_docx(path.read_bytes(), str(path))


def seeds() -> list[bytes]:
    found = sorted(SAMPLES.glob("*.docx"))
    return [p.read_bytes() for p in found] if found else [docx(), python_docx_report()]


def python_docx_report() -> bytes:
    """A report built with python-docx, for when samples/ has none."""
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("一、部门总体绩效目标", style="List Number")
    table = document.add_table(rows=3, cols=4)
    for row, texts in enumerate([("一级指标", "二级指标", "三级指标", "指标值"), ("产出指标", "数量指标", "抽检批次", "13000批次"),
                                 ("", "质量指标", "合格率", "≥95%")]):
        for col, text in enumerate(texts):
            table.cell(row, col).text = text
    table.cell(1, 0).merge(table.cell(2, 0))
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    how = rng.randrange(4)
    if how == 0:
        for _ in range(rng.randint(1, 20)):
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    elif how == 1:
        del out[rng.randrange(len(out)) :]
    elif how == 2:
        start = rng.randrange(len(out))
        out[start : start + rng.randint(1, 512)] = bytes(rng.randrange(256) for _ in range(rng.randint(0, 512)))
    else:
        start = rng.randrange(len(out))
        out[start:start] = out[rng.randrange(len(out)) :][: rng.randint(1, 4096)]
    return bytes(out)


def mutate_compound(data: bytes, rng: random.Random) -> bytes:
    """Mostly the header, FAT and directory of an OLE2 file: where a reader follows pointers."""
    cut = 2048 if rng.random() < 0.7 else len(data)
    return mutate_bytes(data[:cut], rng) + data[cut:]


def mutate_xml(xml: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        how = rng.randrange(5)
        if how == 0 and (values := list(VALUE.finditer(xml))):
            m = rng.choice(values)
            xml = f'{xml[: m.start()]}{m.group(1)}="{rng.choice(HOSTILE_VALUES)}"{xml[m.end():]}'
        elif how == 1:
            at = _after_a_tag(xml, rng)
            xml = xml[:at] + rng.choice(SNIPPETS) + xml[at:]
        elif how == 2:
            start = _after_a_tag(xml, rng)
            xml = xml[:start] + xml[start + rng.randint(1, 200) :]
        elif how == 3:
            start, end = sorted((_after_a_tag(xml, rng), _after_a_tag(xml, rng)))
            xml = xml[:end] + xml[start:end][:20_000] + xml[end:]
        elif tags := list(TAG.finditer(xml)):
            m = rng.choice(tags)
            other = rng.choice(tags)
            xml = xml[: m.start(3)] + other.group(3) + xml[m.end(3) :]
    return xml


def _after_a_tag(xml: str, rng: random.Random) -> int:
    at = xml.find(">", rng.randrange(len(xml)))
    return len(xml) if at < 0 else at + 1


def mutate_package(data: bytes, rng: random.Random) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    xml_parts = [n for n in parts if n.endswith((".xml", ".rels"))]
    weights = [12 if n == "word/document.xml" else 3 if n in ("word/styles.xml", "word/numbering.xml") else 1
               for n in xml_parts]
    name = rng.choices(xml_parts, weights)[0]
    parts[name] = mutate_xml(parts[name].decode("utf-8", "replace"), rng).encode("utf-8", "replace")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for part, content in parts.items():
            z.writestr(part, content)
    return buf.getvalue()


@pytest.fixture
def alarm():
    def ring(signum, frame):
        raise Hang()

    previous = signal.signal(signal.SIGALRM, ring)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


MUTATE = {"bytes": mutate_bytes, "xml": mutate_package, "compound": mutate_compound}


@pytest.mark.parametrize("mode", list(CASES))
def test_mutated_reports_give_a_result_or_a_jixiao_error(tmp_path: Path, alarm, mode: str) -> None:
    target_name, read = choose_target()
    rng = random.Random(f"{SEED}-{mode}")
    originals = [legacy_doc(), kingsoft_wps(), encrypted_docx()] if mode == "compound" else seeds()
    cases = CASES[mode]
    failures: list[str] = []
    outcomes = {"result": 0, "error": 0}
    for case in range(cases):
        data = originals[case % len(originals)]
        mutated = MUTATE[mode](data, rng)
        path = tmp_path / f"case-{case}.docx"
        path.write_bytes(mutated)
        signal.setitimer(signal.ITIMER_REAL, CASE_SECONDS)
        try:
            read(path)
            outcomes["result"] += 1
        except JixiaoError as e:
            assert "\n" not in str(e), str(e)
            outcomes["error"] += 1
        except Hang:
            failures.append(f"{path}: no outcome within {CASE_SECONDS} s")
            continue
        except Exception as e:  # noqa: BLE001 - exactly what this test hunts for
            failures.append(f"{path}: {type(e).__name__}: {e}"[:300])
            continue
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        path.unlink()
    assert not failures, f"{target_name}: {len(failures)} of {cases} cases escaped:\n" + "\n".join(failures[:15])
    # The mutations must exercise both paths, or the test proves nothing.
    assert outcomes["error"] > 0 and (mode != "xml" or outcomes["result"] > cases // 10), outcomes
