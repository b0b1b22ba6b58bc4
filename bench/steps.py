"""The measurements of one run, each a function returning (data, table rows, targets)."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.corpus import Corpus
from bench.floor import document_xml_size
from bench.hot_spots import profile_reads
from bench.ingest import jixiao_command, postgres_database, postgres_unreachable, run_ingest
from bench.measure import pool_throughput, summary, time_documents
from bench.memory import document_peak
from bench.readers import available
from bench.report import MB, Row, Target, fmt, validity
from bench.stages import stage_times
from bench.startup import phases
from bench.whole_process import pandoc_version, time_command

Step = tuple[dict, list[Row], list[Target]]

T_FLOOR = "extract+normalize ≤ 2x the floor per document (1 worker)"
T_DOCX2PYTHON = "throughput ≥ 10x docx2python"
T_WORKERS = "2 workers ≥ 1.7x one worker"
T_PANDOC = "whole-process `jixiao extract` on the seed faster than pandoc"
T_INGEST = "ingest into {db} ({w} worker{s}) ≥ 0.5x extract+normalize"
T_MEMORY = "peak memory of a {n}-document ingest < 250 MB"
T_FLAT = "ingest memory flat: peak at {n} docs ≤ 1.1x peak at {m}"
T_LARGEST = "largest document < 10x its document.xml in memory"
T_GROWTH = "a 10x larger document takes ≤ 11x the time"


def _ms(summary_: dict) -> str:
    return f"median {summary_['median_ms']:.1f} ms, p95 {summary_['p95_ms']:.1f} ms, {summary_['docs_per_s']:.1f} docs/s"


def per_document(corpus: Corpus, repeats: int, with_docx2python: bool) -> Step:
    """Floor, jixiao and docx2python on every document, one process, interleaved."""
    why_not = available("jixiao")
    plan = {"floor": repeats}
    if why_not is None:
        plan["jixiao"] = repeats
    if with_docx2python and available("docx2python") is None:
        plan["docx2python"] = 1  # compared on the mean of jixiao's repeats, so one run each is fair
    docs = corpus.documents
    runs = time_documents(docs, plan)
    floor_best = runs["floor"].best()
    data: dict = {"documents": len(docs), "repeats": plan, "floor": summary(floor_best)}
    rows = [Row("floor: unzip + lxml parse + visit every element", _ms(data["floor"]), f"{len(docs)} documents, best of {repeats}")]
    targets = []
    if "jixiao" not in runs:
        targets.append(Target(T_FLOOR, None, "<=", 2, detail=why_not or ""))
        targets.append(Target(T_DOCX2PYTHON, None, ">=", 10, detail=why_not or ""))
        return data, rows, targets
    best = runs["jixiao"].best()
    data["jixiao"] = summary(best)
    data["jixiao"]["failures"] = runs["jixiao"].failures
    per_doc = [j / f for j, f in zip(best, floor_best)]
    ratio_total = sum(best) / sum(floor_best)
    ratio_median = statistics.median(per_doc)
    data["ratio_to_floor"] = {"total": ratio_total, "median_per_document": ratio_median, "max_per_document": max(per_doc)}
    n_failed = len(runs["jixiao"].failed)
    invalid = validity(n_failed, len(docs))
    failed = f", {n_failed} failed (first: {runs['jixiao'].failures[0]})" if n_failed else ""
    rows.append(Row("jixiao extract+normalize (1 worker)", _ms(data["jixiao"]), f"best of {repeats}{failed}"))
    targets.append(Target(
        T_FLOOR, max(ratio_total, ratio_median), "<=", 2, invalid=invalid,
        detail=f"total time {ratio_total:.2f}x, median document {ratio_median:.2f}x, worst {max(per_doc):.2f}x",
    ))
    if "docx2python" in runs:
        d2p = runs["docx2python"].best()
        data["docx2python"] = summary(d2p)
        data["docx2python"]["failures"] = runs["docx2python"].failures
        ratio = sum(d2p) / sum(runs["jixiao"].mean())
        data["docx2python_ratio"] = ratio
        rows.append(Row("docx2python (1 worker)", _ms(data["docx2python"]), "one run per document"))
        targets.append(Target(T_DOCX2PYTHON, ratio, ">=", 10, invalid=invalid,
                              detail="documents/s, jixiao's mean run vs docx2python's"))
    else:
        targets.append(Target(T_DOCX2PYTHON, None, ">=", 10, detail="docx2python not installed (pip install -e '.[bench]')"))
    return data, rows, targets


def stages(corpus: Corpus, repeats: int) -> Step:
    """extract+normalize split by stage (read, OOXML reader, extract domain, normalize)."""
    why_not = available("jixiao")
    if why_not:
        return {"skipped": why_not}, [], []
    data = stage_times(corpus.documents, repeats)
    parts = data["stages"]
    value = " / ".join(f"{p['share'] * 100:.0f}%" for p in parts.values())
    median = " / ".join(f"{p['median_ms']:.2f}" for p in parts.values())
    rows = [Row("… time by stage: read+hash / OOXML reader / extract domain / normalize", value,
                f"of the corpus total; median document {median} ms")]
    return data, rows, []


def workers(corpus: Corpus, counts: tuple[int, ...] = (1, 2)) -> Step:
    """Throughput of a process pool of 1 and 2 workers over the corpus."""
    why_not = available("jixiao")
    if why_not:
        return {}, [], [Target(T_WORKERS, None, ">=", 1.7, detail=why_not)]
    data = {str(n): pool_throughput(corpus.documents, n) for n in counts}
    rows = [
        Row(f"extract+normalize, pool of {n} worker{'s' if n != '1' else ''}", f"{d['docs_per_s']:.1f} docs/s",
            f"{d['documents']} documents in {d['elapsed_s']:.2f} s" + (f", {d['failed']} failed" if d["failed"] else ""))
        for n, d in data.items()
    ]
    speedup = data["2"]["docs_per_s"] / data["1"]["docs_per_s"]
    data["speedup"] = speedup
    invalid = validity(max(d["failed"] for d in data.values() if isinstance(d, dict)), len(corpus.documents))
    return data, rows, [Target(T_WORKERS, speedup, ">=", 1.7, invalid=invalid, detail=f"on {os.cpu_count()} cores")]


def growth(corpus: Corpus, repeats: int) -> Step:
    """extract+normalize of a document and of one 10x larger: time must grow linearly."""
    why_not = available("jixiao")
    if why_not or corpus.growth is None:
        return {}, [], [Target(T_GROWTH, None, "<=", 11, detail=why_not or "no growth pair in the corpus")]
    small, large = corpus.growth
    runs = time_documents([small, large], {"jixiao": repeats, "floor": repeats})
    (t1, t10), (f1, f10) = runs["jixiao"].best(), runs["floor"].best()
    ratio = t10 / t1
    data = {
        "small": {"file": small.name, "document_xml": document_xml_size(small), "seconds": t1, "floor_s": f1},
        "large": {"file": large.name, "document_xml": document_xml_size(large), "seconds": t10, "floor_s": f10},
        "ratio": ratio, "floor_ratio": f10 / f1, "failures": runs["jixiao"].failures,
    }
    size_ratio = data["large"]["document_xml"] / data["small"]["document_xml"]
    # The pair is 10x in projects; scale to exactly 10x the document.xml bytes.
    per_10x = ratio * 10 / size_ratio
    data["size_ratio"], data["time_per_10x_size"] = size_ratio, per_10x
    rows = [Row("10x document pair: extract+normalize", f"{t1 * 1000:.1f} ms → {t10 * 1000:.1f} ms",
                f"{small.name} → {large.name}: document.xml {size_ratio:.1f}x, time {ratio:.1f}x, floor {f10 / f1:.1f}x")]
    return data, rows, [Target(T_GROWTH, per_10x, "<=", 11, invalid=validity(len(runs["jixiao"].failed), 2, 0),
                               detail=f"time {ratio:.2f}x for document.xml {size_ratio:.2f}x larger (floor {f10 / f1:.1f}x)")]


def largest_document(corpus: Corpus) -> Step:
    """Peak memory of extract+normalize of the largest document, against its document.xml."""
    why_not = available("jixiao")
    largest = max(corpus.documents, key=document_xml_size)
    xml = document_xml_size(largest)
    if why_not:
        return {}, [], [Target(T_LARGEST, None, "<", 10, detail=why_not)]
    peak = document_peak(largest, corpus.documents[0])
    if "error" in peak:
        return peak, [], [Target(T_LARGEST, None, "<", 10, detail=peak["error"].splitlines()[-1][:200])]
    ratio = peak["delta"] / xml
    data = {"file": largest.name, "document_xml": xml, **peak, "ratio": ratio}
    rows = [Row("largest document: memory above baseline", fmt(peak["delta"], "MB"),
                f"{largest.name}: document.xml {fmt(xml, 'MB')}, {peak.get('projects', '?')} projects, "
                f"read in {peak['elapsed_s']:.2f} s")]
    return data, rows, [Target(T_LARGEST, ratio, "<", 10, timed=False, detail=f"{fmt(peak['delta'], 'MB')} for {fmt(xml, 'MB')}")]


def whole_process(corpus: Corpus, runs: int = 7) -> Step:
    """`jixiao extract SEED --format json` against `pandoc SEED -t json`, start-up included."""
    seed = corpus.seed
    if seed is None:
        return {}, [], [Target(T_PANDOC, None, "<", 1, detail="seed sample missing (samples/tangshan_2021_market_supervision.docx)")]
    data: dict = {"seed": seed.name, "jixiao": time_command([*jixiao_command(), "extract", str(seed), "--format", "json"], runs)}
    version = pandoc_version()
    rows = []
    if "error" not in data["jixiao"]:
        rows.append(Row("whole process: jixiao extract SEED --format json", f"{data['jixiao']['median_s'] * 1000:.0f} ms",
                        f"median of {runs}, best {data['jixiao']['best_s'] * 1000:.0f} ms"))
        data["phases"] = ph = phases(seed)
        if "error" not in ph:
            rows.append(Row("… of which: interpreter / imports / first read / warm read",
                            " / ".join(f"{ph[k] * 1000:.0f}" for k in ("interpreter_s", "import_s", "first_read_s", "warm_read_s"))
                            + " ms", "first read − warm read = lazy start-up work (dictionaries, vocabularies)"))
    if version is None:
        note = "pandoc not installed (apt-get install -y pandoc); row skipped"
        rows.append(Row("whole process: pandoc SEED -t json", "—", note))
        return data, rows, [Target(T_PANDOC, None, "<", 1, detail=note)]
    data["pandoc"] = {"version": version, **time_command(["pandoc", str(seed), "-t", "json"], runs)}
    rows.append(Row("whole process: pandoc SEED -t json", f"{data['pandoc']['median_s'] * 1000:.0f} ms",
                    f"median of {runs}, best {data['pandoc']['best_s'] * 1000:.0f} ms; {version}"))
    if "error" in data["jixiao"]:
        return data, rows, [Target(T_PANDOC, None, "<", 1, detail=data["jixiao"]["error"][-200:])]
    ratio = data["jixiao"]["median_s"] / data["pandoc"]["median_s"]
    data["ratio"] = ratio
    return data, rows, [Target(T_PANDOC, ratio, "<", 1, detail="jixiao's median wall time / pandoc's")]


def _ingest_targets(db: str, runs: dict, pool: dict) -> tuple[list[Row], list[Target]]:
    rows, targets = [], []
    for w, run in runs.items():
        name = T_INGEST.format(db=db, w=w, s="s" if w != "1" else "")
        if "skipped" in run or run["returncode"] not in (0, 1):
            detail = run.get("skipped") or f"exit {run['returncode']}: {run['stderr_tail'].strip()[-200:]}"
            targets.append(Target(name, None, ">=", 0.5, detail=detail))
            continue
        invalid = _ingest_validity(run)
        steady = f"; start-up {run['startup_s']:.1f} s, then {run['steady_docs_per_s']:.1f} docs/s" if "steady_docs_per_s" in run else ""
        rows.append(Row(f"jixiao ingest → {db}, {w} worker{'s' if w != '1' else ''}",
                        f"{run['docs_per_s']:.1f} docs/s, {run['rows_per_s']:,.0f} rows/s",
                        f"{run['documents_loaded']} documents, {run['rows_total']:,} rows (all tables) in "
                        f"{run['elapsed_s']:.1f} s, whole process{steady}"))
        base = pool.get(w, {}).get("docs_per_s")
        ratio = run["docs_per_s"] / base if base else None
        targets.append(Target(name, ratio, ">=", 0.5, invalid=invalid,
                              detail=f"vs pool of {w}: {base:.1f} docs/s" if base else "no pool figure"))
    return rows, targets


def _ingest_validity(run: dict) -> str:
    """Why an ingest run's figures do not count (too few documents loaded), or ""."""
    reason = validity(run["files"] - run["documents_loaded"], run["files"])
    if reason:
        last = run["stderr_tail"].strip().splitlines()[-1:] or [""]
        reason = f"{reason} (exit {run['returncode']}; {last[0][:160]})"
    return reason


def ingest(corpus: Corpus, pool: dict, pg_admin_url: str | None, worker_counts: tuple[int, ...] = (1, 2)) -> Step:
    """`jixiao ingest` of the corpus into SQLite and PostgreSQL, as whole processes.

    Each run gets a fresh database; a one-document run beside it measures the fixed start-up
    (imports, migrations, pool start), so the steady rate can be told apart from it.
    """
    why_not = available("jixiao")
    unreachable = why_not or (postgres_unreachable(pg_admin_url) if pg_admin_url else "PostgreSQL row disabled (--no-postgres)")
    smallest = min(corpus.documents, key=lambda p: p.stat().st_size)
    data: dict = {"sqlite": {}, "postgresql": {}}
    for db, skip in (("sqlite", why_not), ("postgresql", unreachable)):
        for w in worker_counts:
            if skip:
                data[db][str(w)] = {"skipped": skip}
                continue
            run = _fresh_ingest(db, pg_admin_url, corpus.documents, w)
            start = _fresh_ingest(db, pg_admin_url, [smallest], w)
            run["startup_s"] = start["elapsed_s"]
            if run["elapsed_s"] > start["elapsed_s"]:
                run["steady_docs_per_s"] = (len(corpus.documents) - 1) / (run["elapsed_s"] - start["elapsed_s"])
            data[db][str(w)] = run
    rows, targets = _ingest_targets("SQLite", data["sqlite"], pool)
    pg_rows, pg_targets = _ingest_targets("PostgreSQL", data["postgresql"], pool)
    return data, rows + pg_rows, targets + pg_targets


def _fresh_ingest(db: str, pg_admin_url: str | None, paths: list[Path], workers_: int) -> dict:
    if db == "sqlite":
        with tempfile.TemporaryDirectory(prefix="jixiao-bench-") as tmp:
            return run_ingest(paths, f"sqlite:///{tmp}/bench.db", workers_)
    with postgres_database(pg_admin_url) as url:  # type: ignore[arg-type]
        return run_ingest(paths, url, workers_)


def ingest_memory(corpus: Corpus, workers_: int) -> Step:
    """Peak memory of ingesting a quarter, half and all of the memory corpus (SQLite, whole process)."""
    why_not = available("jixiao")
    docs = corpus.memory
    n, m = len(docs), len(docs) // 4
    t_mem, t_flat = T_MEMORY.format(n=n), T_FLAT.format(n=n, m=m)
    if why_not:
        return {}, [], [Target(t_mem, None, "<", 250 * MB, "MB", detail=why_not), Target(t_flat, None, "<=", 1.1, detail=why_not)]
    data = {}
    for count in (m, n // 2, n):
        with tempfile.TemporaryDirectory(prefix="jixiao-bench-") as tmp:
            data[str(count)] = run_ingest(docs[:count], f"sqlite:///{tmp}/bench.db", workers_)
    rows, bad = [], []
    for count, run in data.items():
        if reason := _ingest_validity(run):
            bad.append(f"{count} docs: {reason}")
        rows.append(Row(f"peak memory, ingest of {count} documents ({workers_} workers)", fmt(run["tree_pss_peak"], "MB"),
                        f"all {run['processes']} processes (PSS); largest single process {fmt(run['max_rss'], 'MB')}; "
                        f"{run['elapsed_s']:.1f} s"))
    peaks = [run["tree_pss_peak"] for run in data.values()]
    invalid = "; ".join(bad)
    return data, rows, [
        Target(t_mem, peaks[-1], "<", 250 * MB, "MB", invalid=invalid, timed=False,
               detail=f"largest single process {fmt(data[str(n)]['max_rss'], 'MB')}"),
        Target(t_flat, peaks[-1] / peaks[0] if peaks[0] else None, "<=", 1.1, invalid=invalid, timed=False,
               detail=" → ".join(f"{fmt(p, 'MB')} ({c} docs)" for p, c in zip(peaks, data))),
    ]


def hot_spots(corpus: Corpus, top: int = 15) -> dict:
    """cProfile of extract+normalize: on the largest document, and over the mixed documents."""
    if available("jixiao"):
        return {}
    largest = max(corpus.documents, key=document_xml_size)
    out = {}
    for name, paths, label in (
        ("largest", [largest], f"the largest document ({largest.name})"),
        ("mixed", corpus.mixed, f"the {len(corpus.mixed)} mixed documents"),
    ):
        try:
            out[name] = profile_reads(paths, label, top)
        except Exception as e:  # a crash of the pipeline is reported, not raised
            out[name] = {"error": f"{type(e).__name__}: {e}"}
    return out


def timed(fn, *args, **kwargs):
    """Run one step; (its result, seconds it took)."""
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t0
