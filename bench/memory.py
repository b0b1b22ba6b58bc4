"""Peak memory: of a command's whole process tree (polled), and of reading one document (in a child).

Run as `python -m bench.memory DOCX [WARM_DOCX]` it is the child that reads one document and
prints its peak memory above the baseline as JSON.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_KB = re.compile(rb"^(\w+):\s+(\d+) kB", re.M)


def _proc_fields(pid: int, name: str) -> dict[str, int]:
    try:
        with open(f"/proc/{pid}/{name}", "rb") as f:
            return {k.decode(): int(v) * 1024 for k, v in _KB.findall(f.read())}
    except OSError:
        return {}


def _descendants(root: int) -> list[int]:
    """root and every process below it, from the parent ids in /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, ()))
    return out


def run_with_peak(cmd: list[str], *, env: dict[str, str] | None = None, interval: float = 0.05) -> dict:
    """Run `cmd`; return its exit code, wall time and peak memory.

    tree_pss_peak: the most the whole tree (main process + pool workers) held at one moment,
    counting shared pages once (PSS, sampled every `interval` s). max_rss: the largest single
    process's peak RSS (its VmHWM, which the kernel keeps, so sampling cannot miss it).
    wait4's ru_maxrss is no use here: a child forked from this (large) process inherits its
    high-water mark across exec.
    """
    # stderr goes to a file: a pipe nobody reads fills up and blocks a chatty command.
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        status, peaks = _poll(proc.pid, interval)
        elapsed = time.perf_counter() - t0
        err.seek(max(0, err.seek(0, os.SEEK_END) - 4000))
        stderr = err.read().decode("utf-8", "replace")
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"returncode": proc.returncode, "elapsed_s": elapsed, **peaks, "stderr_tail": stderr[-2000:]}


def _poll(pid: int, interval: float) -> tuple[int, dict]:
    """Sample the memory of `pid`'s tree until it exits; (wait status, the peaks)."""
    tree_peak = rss_sum_peak = processes = 0
    hwm: dict[int, int] = {}
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status, {
                "processes": processes, "tree_pss_peak": tree_peak, "tree_rss_sum_peak": rss_sum_peak,
                "max_rss": max(hwm.values(), default=0), "sum_of_process_peaks": sum(hwm.values()),
            }
        pss = rss = 0
        tree = _descendants(pid)
        processes = max(processes, len(tree))
        for p in tree:
            fields = _proc_fields(p, "smaps_rollup")
            pss += fields.get("Pss", 0)
            rss += fields.get("Rss", 0)
            hwm[p] = max(hwm.get(p, 0), _proc_fields(p, "status").get("VmHWM", 0))
        tree_peak, rss_sum_peak = max(tree_peak, pss), max(rss_sum_peak, rss)
        time.sleep(interval)


def document_peak(path: Path, warm: Path, python: str = sys.executable) -> dict:
    """Peak memory above the warmed-up baseline of extract+normalize of one document (in a child)."""
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [python, "-m", "bench.memory", str(path), str(warm)], cwd=root, capture_output=True, text=True, check=False,
    )
    if out.returncode != 0:
        return {"error": out.stderr.strip()[-2000:]}
    return json.loads(out.stdout)


def _child(path: Path, warm: Path) -> dict:
    import gc

    from jixiao.pipeline import read_report

    read_report(warm)  # imports, vocabularies, jieba: start-up memory, not the document's
    gc.collect()
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # resets VmHWM to the current RSS (Linux >= 4.0)
    baseline = _proc_fields(os.getpid(), "status")["VmRSS"]
    t0 = time.perf_counter()
    report = read_report(path)
    elapsed = time.perf_counter() - t0
    peak = _proc_fields(os.getpid(), "status")["VmHWM"]
    return {
        "baseline_rss": baseline, "peak_rss": peak, "delta": peak - baseline, "elapsed_s": elapsed,
        "projects": len(report.projects),
    }


if __name__ == "__main__":
    print(json.dumps(_child(Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else sys.argv[1]))))
