"""Write the sample .docx reports into samples/, or a benchmark corpus into a folder.

    python samples/make_samples.py                      # the committed samples
    python samples/make_samples.py --corpus DIR --count 300 [--big 3 --projects 500] [--seed 7]

As a library (repo root on sys.path):
    from samples.make_samples import generate_report, render_report, write_corpus, write_samples
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `samples` importable as a package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from samples import corpus  # noqa: E402
from samples.content import sample_reports  # noqa: E402
from samples.docx_writer import Package  # noqa: E402
from samples.layouts import RENDERERS  # noqa: E402
from samples.model import Report  # noqa: E402

SAMPLES_DIR = Path(__file__).resolve().parent
LAYOUTS = corpus.LAYOUT_CHOICES
"""The layouts generate_report draws: seed (a), mof (b), export (c), department (d), multi (e), variants (f).
RENDERERS also has province (g), split (h) and self_evaluation, written only as committed samples."""


def render_report(report: Report) -> bytes:
    """The .docx bytes of `report` in its layout; equal reports give equal bytes."""
    pkg = Package(title=report.title, department=report.department, year=report.year, lists=report.lists())
    RENDERERS[report.layout](pkg, report)
    return pkg.to_bytes()


def generate_report(
    layout: str, n_projects: int, seed: int, department: str | None = None, year: int | None = None
) -> bytes:
    """A random but reproducible report: same arguments, same bytes."""
    return render_report(corpus.random_report(layout, n_projects, seed, department=department, year=year))


def write_samples(folder: Path = SAMPLES_DIR) -> list[Path]:
    """Write every committed sample under `folder`; returns the paths written."""
    written = []
    for report in sample_reports():
        path = folder / report.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render_report(report))
        written.append(path)
    return written


def write_corpus(
    folder: Path | str, n_docs: int, seed: int = 7, *, big_docs: int = 0, big_projects: int = 500
) -> list[Path]:
    """`n_docs` documents of mixed layouts (1-15 projects) plus `big_docs` of `big_projects` projects."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i, spec in enumerate(corpus.corpus_plan(n_docs, seed, big_docs=big_docs, big_projects=big_projects)):
        layout, n_projects, doc_seed = spec
        prefix = "big" if i >= n_docs else "doc"
        path = folder / f"{prefix}_{i:05d}_{layout}.docx"
        path.write_bytes(generate_report(layout, n_projects, doc_seed))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="write a benchmark corpus into this folder instead of the samples")
    parser.add_argument("--count", type=int, default=300, help="corpus documents of mixed layouts (default 300)")
    parser.add_argument("--big", type=int, default=0, help="very large documents added to the corpus (default 0)")
    parser.add_argument("--projects", type=int, default=500, help="projects in each large document (default 500)")
    parser.add_argument("--seed", type=int, default=7, help="corpus random seed (default 7)")
    args = parser.parse_args(argv)
    if args.corpus:
        paths = write_corpus(args.corpus, args.count, args.seed, big_docs=args.big, big_projects=args.projects)
    else:
        paths = write_samples()
    for path in paths if not args.corpus else paths[-3:]:
        print(path)
    if args.corpus:
        print(f"{len(paths)} documents in {args.corpus}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
