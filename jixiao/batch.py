"""A batch: many reports read in parallel, loaded one transaction per document, none lost.

    from jixiao.batch import run_batch
    summary = run_batch(["submissions/2024"], db_url="sqlite:///jixiao.db", workers=4)
    print(summary.loaded, summary.failed, summary.indicators)

Workers only read (extract + normalize); the calling process is the single writer and
loads in input order, so versions of one document key are numbered in the order the
files were given and the database ends the same with any number of workers. The workers
start first: this process imports the database layer and opens the database while they
read the first files.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from jixiao.json_log import JsonLog
from jixiao.pool import FileRead, PooledReader, ReadFn, WarmFn, read_in_process, warm_up
from jixiao.progress import Progress
from jixiao.load.document_key import document_key_for
from jixiao.load.exceptions import LoadError
from jixiao.load.files import iter_report_files, readable_message, readable_path
from jixiao.normalize.records import Report, Warning

if TYPE_CHECKING:  # SQLAlchemy and the loader are imported once the workers have started
    import sqlalchemy as sa

    from jixiao.load.ingest import IngestOutcome, Loader

Status = Literal["loaded", "unchanged", "failed", "checked"]


def _read_report(path: str) -> Report:
    from jixiao.pipeline import read_report

    return read_report(path)


def warm_pipeline() -> None:
    """Pay a worker's start-up cost once: import the stages and load the jieba dictionary."""
    import jixiao.pipeline  # noqa: F401  (imports extract and normalize)
    from jixiao.normalize.value_parser import parse_value

    # The first value parsed builds the vocabulary tables and jieba's dictionary; later ones reuse them.
    parse_value("不低于95%", year=2024)


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files as given, then the report files under each folder (recursive, sorted); each file once.

    A path that does not exist stays in the list: it fails as a file with one clear line.
    """
    return find_files(paths)[0]


def find_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[str], tuple[tuple[str, str], ...]]:
    """(the files to read, (path, the earlier path naming the same file) for each path read once already)."""
    found: dict[str, str] = {}
    twice: list[tuple[str, str]] = []
    for path in iter_report_files(Path(p) for p in paths):
        first = found.setdefault(os.path.realpath(path), str(path))
        if first != str(path):
            twice.append((readable_path(str(path)), readable_path(first)))
    return list(found.values()), tuple(twice)


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What the batch did with one file."""

    path: str
    sha256: str | None
    status: Status
    """loaded, unchanged, failed; "checked" when a dry run read it without writing."""
    document_key: str | None
    version: int | None
    document_id: int | None
    projects: int
    indicators: int
    untyped: int
    """Values no rule could type (value_unparsed warnings)."""
    warnings: tuple[Warning, ...]
    error_code: str | None
    error_message: str | None
    action: str | None = None
    """new, supersede, hold (stored but not made current), unchanged; None for failed or checked."""
    previous_version: int | None = None
    note: str | None = None
    """What a revision replaces and changes, or why it was held back (see load.identity)."""


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What a batch did: one outcome per file read, in input order, and the totals."""

    outcomes: tuple[FileOutcome, ...]
    files: int
    """Files found; more than len(outcomes) when --fail-fast stopped early."""
    elapsed: float
    workers: int
    run_id: str
    dry_run: bool = False
    same_file_twice: tuple[tuple[str, str], ...] = ()
    """(path, earlier path) for paths skipped because they name a file already read (a link, a repeat)."""

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def loaded(self) -> int:
        return self.count("loaded")

    @property
    def unchanged(self) -> int:
        return self.count("unchanged")

    @property
    def failed(self) -> int:
        return self.count("failed")

    @property
    def checked(self) -> int:
        """Files read and validated by a dry run."""
        return self.count("checked")

    def actions(self, action: str) -> tuple[FileOutcome, ...]:
        return tuple(o for o in self.outcomes if o.action == action)

    @property
    def revisions(self) -> int:
        """Versions that replaced the current version of a stored document."""
        return len(self.actions("supersede"))

    @property
    def held(self) -> int:
        """Versions stored but not made current: they drop most of their document's projects."""
        return len(self.actions("hold"))

    @property
    def kept_apart(self) -> int:
        """New documents beside a different report of the same department, year and kind."""
        return sum(1 for o in self.outcomes if o.action == "new" and o.note)

    @property
    def not_processed(self) -> int:
        return self.files - len(self.outcomes)

    def _written(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status in ("loaded", "checked")]

    @property
    def documents(self) -> int:
        """Document versions written (or, in a dry run, that would be written)."""
        return len(self._written())

    @property
    def projects(self) -> int:
        return sum(o.projects for o in self._written())

    @property
    def indicators(self) -> int:
        return sum(o.indicators for o in self._written())

    @property
    def untyped(self) -> int:
        """Indicator values left as text: no rule could type them."""
        return sum(o.untyped for o in self._written())

    @property
    def files_per_second(self) -> float:
        return len(self.outcomes) / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def exit_status(self) -> int:
        """0 when every file loaded or was unchanged, 1 when any failed or was not reached."""
        return 0 if self.failed == 0 and self.not_processed == 0 else 1


class _Silent:
    def start(self, total: int) -> None:
        pass

    def advance(self, outcome: Any) -> None:
        pass

    def finish(self) -> None:
        pass


def run_batch(
    paths: Iterable[str | os.PathLike[str]],
    *,
    db_url: str | None = None,
    workers: int | None = None,
    key: str | None = None,
    dry_run: bool = False,
    fail_fast: bool = False,
    progress: Progress | None = None,
    log_json: str | os.PathLike[str] | IO[str] | None = None,
    reparse: bool = False,
    accept_shrink: bool = False,
    read: ReadFn = _read_report,
    warm: WarmFn | None = warm_pipeline,
) -> BatchSummary:
    """Read and load every file under `paths`; a broken file is recorded as failed and the batch goes on.

    Args:
        db_url: SQLAlchemy URL; None means JIXIAO_DB or the default SQLite file.
        workers: processes reading files; None means one per CPU, 1 reads in this process.
        key: document key for every file (versions of one document, in input order).
        dry_run: read and validate only; the database is not opened.
        fail_fast: stop at the first failed file.
        progress: told about each file as it finishes (see jixiao.progress).
        log_json: file (path or open text stream) getting one JSON line per file.
        reparse: compare re-reads of identical files with the stored version (see Loader.ingest).
        accept_shrink: make a revision current even when it drops most of its document's projects.
        read, warm: the per-file pipeline and the per-worker start-up (tests replace them;
            `read` must be a module-level function so workers can receive it).
    """
    started = time.monotonic()
    files, twice = find_files(paths)
    n_workers = max(1, min(workers or os.cpu_count() or 1, len(files)))
    sink = progress or _Silent()
    outcomes: list[FileOutcome] = []
    with ExitStack() as stack:
        reads = _reads(files, read, n_workers, warm, stack)  # the workers start reading ...
        from jixiao.load.ingest import new_run_id  # ... while this process imports the database layer

        run_id = new_run_id()
        loader = None if dry_run else _open_loader(db_url, stack)  # ... and opens the database
        log = stack.enter_context(JsonLog(log_json, run_id))
        sink.start(len(files))
        stack.callback(sink.finish)
        for item in reads:
            outcome = _checked(item, key) if loader is None else \
                _load(loader, item, key, run_id, reparse=reparse, accept_shrink=accept_shrink)
            outcomes.append(outcome)
            log.write(outcome, item.traceback)
            sink.advance(outcome)
            if fail_fast and outcome.status == "failed":
                break
    return BatchSummary(
        tuple(outcomes), len(files), time.monotonic() - started, n_workers, run_id, dry_run, twice
    )


def _open_loader(db_url: str | None, stack: ExitStack) -> Loader:
    """One connection for the whole batch, the schema brought to head before any file is loaded.

    Raises BadDatabaseUrl for a URL jixiao cannot use, LoadError for a database it cannot open.
    """
    import sqlalchemy as sa

    from jixiao.load.database import create_engine, display_url, normalize_url, resolve_url
    from jixiao.load.ingest import Loader

    url = normalize_url(resolve_url(db_url))
    engine = create_engine(url)
    stack.callback(engine.dispose)
    try:
        return stack.enter_context(Loader(engine))
    except sa.exc.DBAPIError as e:
        raise LoadError(display_url(url), f"cannot open the database ({_first_line(e)})") from None


def _first_line(error: sa.exc.DBAPIError) -> str:
    text = str(error.orig).strip()
    return text.splitlines()[0] if text else type(error.orig).__name__


def _reads(files: list[str], read: ReadFn, workers: int, warm: WarmFn | None, stack: ExitStack) -> Iterator[FileRead]:
    if workers == 1:
        if files:
            warm_up(warm)
        return read_in_process(files, read)
    return iter(stack.enter_context(PooledReader(files, read, workers, warm)))


def _load(loader: Loader, item: FileRead, key: str | None, run_id: str, **options: bool) -> FileOutcome:
    import sqlalchemy as sa

    from jixiao.load.database import display_url

    try:
        if item.report is None:
            failed = loader.record_failure(
                path=item.path, sha256=item.sha256, error_code=item.error_code or "error",
                message=item.message or "failed", run_id=run_id,
            )
            return _outcome(failed, ())
        done = loader.ingest(item.report, path=item.path, key=key, run_id=run_id, **options)
    except sa.exc.DBAPIError as e:
        # The database itself stopped working: no later file could be written either.
        raise LoadError(
            display_url(loader.engine.url),
            f"the database failed while loading {readable_path(item.path)} ({_first_line(e)}); the files before it are "
            "loaded, run the same ingest again to load the rest",
        ) from None
    return _outcome(done, item.report.warnings if done.status != "failed" else ())


def _outcome(done: IngestOutcome, warnings: tuple[Warning, ...]) -> FileOutcome:
    return FileOutcome(
        done.path, done.sha256, done.status, done.document_key, done.version, done.document_id,
        done.projects, done.indicators, done.untyped, warnings, done.error_code, done.error_message,
        done.action, done.previous_version, done.note,
    )


def _checked(item: FileRead, key: str | None) -> FileOutcome:
    """A dry run's outcome: what would be loaded, the database untouched."""
    from jixiao.load.rows import indicator_count, untyped_count

    report, path = item.report, readable_path(item.path)
    if report is None:
        return FileOutcome(path, item.sha256, "failed", None, None, None, 0, 0, 0, (),
                           item.error_code, readable_message(item.message or "failed", item.path))
    try:
        document_key = document_key_for(report, key)
    except LoadError as e:
        return FileOutcome(path, item.sha256, "failed", None, None, None, 0, 0, 0, (), e.code, str(e))
    return FileOutcome(
        path, item.sha256, "checked", document_key, None, None, len(report.projects),
        indicator_count(report), untyped_count(report), report.warnings, None, None,
    )
