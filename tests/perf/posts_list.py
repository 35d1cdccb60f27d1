"""Posts list benchmark: the 稿件列表 page over a demo office with 100 000 posts.

Run from the repository root::

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.perf.posts_list [--posts 100000]
        [--runs 7] [--rebuild] [--strict]

The demo database is made once with the real command (``python -m newmedia_desk demo
--posts N``, in private XDG folders, no keychain) in a cache folder under the system's
temporary folder and reused while the schema and the generator are unchanged
(``--rebuild`` makes it again). See perf-baselines.md §2–3 and issue 5 for the goals.

Figures, all in the same run:

* ``bare``: a plain ``QTableView`` over a keyset-paging ``QAbstractTableModel`` that reads
  the same ``post`` table with ``sqlite3`` (100 rows a batch, ``canFetchMore``/
  ``fetchMore``; perf-baselines.md §2 (b1)) — the baseline: model made, view shown, first
  screen painted. It shows what the page shows — the same nine columns (accounts and
  drafter read as the page reads them) at the page's widths and row height — so that the
  ratio measures the page's own machinery, not how much text is on the screen. The bare
  view of seven raw columns at default widths (less text painted: half as wide) is printed
  beside it;
* ``model``: the page's own model (``PostListModel``, through the post-list service) in a
  plain ``QTableView`` — what the data path costs, without the page around it;
* ``page``: the 稿件列表 page (``PostsPage``) made, ``refresh()``-ed (overdue posts expired,
  filter choices, first page, the count started in a worker) and shown until its table
  has painted;
* memory: Python allocations (``tracemalloc``) of the page showing the posts, scrolled to
  1 000 rows, above the same page showing an empty list (a search that finds nothing);
* search of 3+ characters through the trigram index: the first page of the service, for
  a rare, a medium and a common word; beside it the bare ``MATCH`` in ``sqlite3``;
* search of 2 characters (the trigram trap: a scan): how long until the first page
  arrives from the worker thread, and the longest the UI thread was blocked meanwhile.

Goals (issue 5): page open + first paint ≤ 100 ms and ≤ 1.5× bare; memory ≤ 20 MB above
the empty list; a 3+-character search ≤ 10 ms. Each prints PASS or FAIL; the exit code is
0 unless ``--strict`` is given and a goal failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QTableView

REPO_ROOT = Path(__file__).resolve().parents[2]
GOAL_OPEN_MS = 100.0
GOAL_RATIO = 1.5
GOAL_MEMORY_MB = 20.0
GOAL_SEARCH_MS = 10.0
BATCH = 100
COLUMNS = 'id, status, tier, title, "column", planned_at, updated_at'
SAME_COLUMNS = (
    'post.id, post.status, post.tier, post.title, post."column", '
    "(SELECT group_concat(account.name || '（' || platform.name || '）', '、') "
    " FROM post_target JOIN account ON account.id = post_target.account_id "
    " JOIN platform ON platform.id = account.platform_id WHERE post_target.post_id = post.id), "
    "post.planned_at, post.updated_at, staff.name"
)
"""The page's nine columns, read the page's way (drafter joined, accounts in a subquery)."""
SEARCH_WORDS = ("施放气球", "桃源镇", "暴雨黄色预警", "江城天气")
"""A word of the demo's own posts, a place in some forecasts, a warning, and a column."""
SHORT_WORDS = ("冰雹", "桃源")

BASELINES = """baselines (perf-baselines.md, another machine):
  §2 fetchMore keyset QTableView, 100k rows: first paint 48 ms (29–51), load+paint 56 ms
  §3 FTS5 trigram MATCH, 100k docs: 0.17 ms; plain LIKE scan: ~300 ms;
     2 characters through the trigram index: 0 rows (wrong)"""

AnyIndex = QModelIndex | QPersistentModelIndex


# -- the demo database ---------------------------------------------------------------------


def bench_env(home: Path) -> dict[str, str]:
    """Offscreen Qt, private XDG folders, no D-Bus (no keychain): for the demo command."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("NEWMEDIA_DESK_DB", None)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = home / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    return env


def _stamp(posts: int) -> dict[str, object]:
    from newmedia_desk.services import demo_bulk
    from newmedia_desk.storage.database import Database
    from newmedia_desk.storage.migrate import head_revision

    sources = [
        REPO_ROOT / "newmedia_desk" / "services" / "demo_bulk.py",
        REPO_ROOT / "newmedia_desk" / "services" / "demo.py",
    ]
    return {
        "posts": posts,
        "seed": demo_bulk.SEED,
        "schema": head_revision(Database("sqlite+pysqlite:///:memory:")),
        "sources": [int(p.stat().st_mtime) for p in sources],
    }


def demo_database(posts: int, rebuild: bool) -> tuple[Path, dict[str, str], float | None]:
    """The cached demo database with ``posts`` synthetic posts (made when missing or stale).

    Returns the database, the environment it was made in, and how long making it took
    (``None`` when reused).
    """
    cache = Path(tempfile.gettempdir()) / "newmedia_desk_perf" / f"posts_{posts}"
    db = cache / "demo.sqlite3"
    stamp_file = cache / "stamp.json"
    env = bench_env(cache / "home")
    stamp = _stamp(posts)
    fresh = db.exists() and stamp_file.exists()
    if fresh and not rebuild and json.loads(stamp_file.read_text(encoding="utf-8")) == stamp:
        return db, env, None
    shutil.rmtree(cache, ignore_errors=True)
    env = bench_env(cache / "home")
    argv = [sys.executable, "-m", "newmedia_desk", "demo", "--db", str(db), "--posts", str(posts)]
    print(f"making the demo database: {' '.join(argv[1:])} …", flush=True)
    started = time.perf_counter()
    result = subprocess.run(argv, env=env, capture_output=True, text=True, cwd=REPO_ROOT)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"demo failed:\n{result.stdout}\n{result.stderr}")
    for line in result.stdout.splitlines():
        if "synthetic" in line:
            print(f"  {line.strip()}")
    stamp_file.write_text(json.dumps(stamp), encoding="utf-8")
    return db, env, seconds


# -- the bare baseline ---------------------------------------------------------------------


class BareModel(QAbstractTableModel):
    """Keyset paging over ``post`` with plain ``sqlite3``: rows kept as fetched tuples.

    ``same_columns``: the page's nine columns (accounts and drafter as the page reads
    them) instead of seven raw ones of ``post``.
    """

    def __init__(
        self, path: Path, parent: QObject | None = None, *, same_columns: bool = False
    ) -> None:
        super().__init__(parent)
        self.conn = sqlite3.connect(path)
        self.rows: list[tuple[Any, ...]] = []
        self.last: int | None = None
        self.done = False
        self.width = 9 if same_columns else 7
        if same_columns:
            self.sql = (
                f"SELECT {SAME_COLUMNS} FROM post JOIN staff ON staff.id = post.drafter_id "
                "{where} ORDER BY post.id DESC LIMIT ?"
            )
        else:
            self.sql = f"SELECT {COLUMNS} FROM post {{where}} ORDER BY id DESC LIMIT ?"

    def _batch(self) -> list[tuple[Any, ...]]:
        if self.last is None:
            return self.conn.execute(self.sql.format(where=""), (BATCH,)).fetchall()
        sql = self.sql.format(where="WHERE post.id < ?")
        return self.conn.execute(sql, (self.last, BATCH)).fetchall()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Rows fetched."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Seven raw columns, or the page's nine."""
        return 0 if parent.isValid() else self.width

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        """Until a short batch came."""
        return not parent.isValid() and not self.done

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: N802, B008
        """The next batch."""
        batch = self._batch()
        self.done = len(batch) < BATCH
        if batch:
            n = len(self.rows)
            self.beginInsertRows(QModelIndex(), n, n + len(batch) - 1)
            self.rows.extend(batch)
            self.endInsertRows()
            self.last = batch[-1][0]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text of a cell."""
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.rows[index.row()][index.column()])
        return None


class PaintCounter(QObject):
    """Counts paint events of a watched viewport."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: Any) -> bool:  # noqa: N802
        """Count, never consume."""
        if isinstance(event, QPaintEvent):
            self.paints += 1
        return False


def _until_painted(app: QApplication, view: QTableView, counter: PaintCounter) -> None:
    deadline = time.perf_counter() + 10
    while counter.paints == 0 and time.perf_counter() < deadline:
        app.processEvents()


def time_bare(app: QApplication, db: Path, *, same_columns: bool = False) -> float:
    """ms: make the model and view, show, first screen painted.

    ``same_columns``: the page's nine columns at the page's widths and row height.
    """
    counter = PaintCounter()
    started = time.perf_counter()
    view = QTableView()
    view.viewport().installEventFilter(counter)
    model = BareModel(db, view, same_columns=same_columns)
    view.setModel(model)
    if same_columns:
        from newmedia_desk.ui.posts_page import COLUMN_WIDTHS

        for column, width in COLUMN_WIDTHS.items():
            view.setColumnWidth(column, width)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        model.fetchMore()  # the first batch before showing, as the page's refresh() does
    view.resize(1200, 640)
    view.show()
    _until_painted(app, view, counter)
    elapsed = (time.perf_counter() - started) * 1000
    assert model.rowCount() > 0
    view.close()
    model.conn.close()
    view.deleteLater()
    app.processEvents()
    return elapsed


def time_model_view(app: QApplication, make_model: Callable[[QObject], Any]) -> float:
    """ms: the page's own model in a plain ``QTableView``: made, first screen painted."""
    counter = PaintCounter()
    started = time.perf_counter()
    view = QTableView()
    view.viewport().installEventFilter(counter)
    model = make_model(view)
    view.setModel(model)
    view.resize(1200, 640)
    view.show()
    _until_painted(app, view, counter)
    elapsed = (time.perf_counter() - started) * 1000
    assert model.rowCount() > 0
    model.shutdown()
    view.close()
    view.deleteLater()
    app.processEvents()
    return elapsed


def time_page(app: QApplication, make_page: Callable[[], Any]) -> float:
    """ms: make the 稿件列表 page, refresh it, show it, its table painted."""
    counter = PaintCounter()
    started = time.perf_counter()
    page = make_page()
    page.table.viewport().installEventFilter(counter)
    page.resize(1200, 700)
    page.refresh()
    page.show()
    _until_painted(app, page.table, counter)
    elapsed = (time.perf_counter() - started) * 1000
    assert page.model.rowCount() > 0
    _close(app, page)
    return elapsed


def _close(app: QApplication, page: Any) -> None:
    page.shutdown()
    page.close()
    page.deleteLater()
    app.processEvents()


# -- helpers -------------------------------------------------------------------------------


def median(fn: Callable[[], float], runs: int, warmup: int = 1) -> tuple[float, float, float]:
    """Median, min and max of ``runs`` calls after ``warmup`` untimed ones."""
    for _ in range(warmup):
        fn()
    times = [fn() for _ in range(runs)]
    return statistics.median(times), min(times), max(times)


def timed_ms(fn: Callable[[], object]) -> float:
    """Ms one call takes."""
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def fmt(figure: tuple[float, float, float], unit: str = "ms") -> str:
    """``median (min–max)``."""
    return f"{figure[0]:.2f} {unit} ({figure[1]:.2f}–{figure[2]:.2f})"


def verdict(ok: bool) -> str:
    """PASS or FAIL."""
    return "PASS" if ok else "FAIL"


def build_parser() -> argparse.ArgumentParser:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m tests.perf.posts_list", description=__doc__)
    parser.add_argument("--posts", type=int, default=100_000, help="synthetic posts")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per figure")
    parser.add_argument("--rebuild", action="store_true", help="make the demo database again")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal fails")
    return parser


def search_figures(
    ctx: Any, actor: Any, db: Path, word: str
) -> tuple[int, tuple[float, float, float], tuple[float, float, float]]:
    """Hits, the service's first page and the bare ``MATCH`` (ms) for one indexed word."""
    from newmedia_desk.storage.post_queries import PostFilters, fts_phrase

    filters = PostFilters(text=word)
    hits = int(ctx.post_list.count(actor, filters))
    service = median(lambda: timed_ms(lambda: ctx.post_list.page(actor, filters)), 15)
    raw = sqlite3.connect(db)
    sql = "SELECT rowid FROM post_fts WHERE post_fts MATCH ? ORDER BY rowid DESC LIMIT 100"
    phrase = fts_phrase(word)
    try:
        bare = median(lambda: timed_ms(lambda: raw.execute(sql, (phrase,)).fetchall()), 15)
    finally:
        raw.close()
    return hits, service, bare


def _busy(widget: Any) -> bool:
    return bool(widget.model.busy)


def short_search(app: QApplication, widget: Any, word: str) -> tuple[str, float, float, int, str]:
    """A 2-character search on the page: ms until its first page, longest UI stall (ms)."""
    from PySide6.QtCore import QTimer

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    widget.search_edit.setText(word)
    started = time.perf_counter()
    timer.start()
    last[0] = started
    widget.apply_filters()
    apply_ms = (time.perf_counter() - started) * 1000
    if not _busy(widget):
        raise RuntimeError(f"{word!r} was not searched in the background")
    while _busy(widget):
        app.processEvents()
    arrived = (time.perf_counter() - started) * 1000
    timer.stop()
    widget.model.wait_idle()
    app.processEvents()
    stall = max([*gaps, apply_ms])
    return word, arrived, stall, int(widget.model.rowCount()), str(widget.count_label.text())


# -- the run -------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures; return the exit code."""
    args = build_parser().parse_args(argv)
    db, env, made = demo_database(args.posts, args.rebuild)
    # Open the database as the demo command left it: its data folder holds the audit key.
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[name] = env[name]
    os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)

    from newmedia_desk.context import build_context
    from newmedia_desk.storage.post_queries import PostFilters
    from newmedia_desk.ui.posts_page import PostListModel, PostsPage

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    ctx = build_context(str(db))
    actor = ctx.auth.sign_in("clerk", "demo")

    class Prompts:
        def info(self, text: str) -> None: ...
        def warning(self, text: str) -> None: ...
        def error(self, text: str) -> None: ...
        def confirm(self, question: str) -> bool:
            return False

        def choose(self, question: str, options: Sequence[str]) -> int | None:
            return None

        def ask_open_file(self, caption: str, file_filter: str) -> Path | None:
            return None

        def ask_save_file(self, caption: str, file_filter: str, suggested: str) -> Path | None:
            return None

    prompts = Prompts()
    total = ctx.post_list.count(actor, PostFilters())
    size_mb = db.stat().st_size / 2**20
    print("newmedia_desk posts list benchmark")
    print(
        f"python {sys.version.split()[0]}; sqlite {sqlite3.sqlite_version}; "
        f"{os.cpu_count()} CPUs; runs={args.runs}"
    )
    built = "reused" if made is None else f"made in {made:.1f} s"
    print(f"database: {db} ({total} posts, {size_mb:.0f} MiB, {built})")
    print(BASELINES)
    print()

    def make_page() -> PostsPage:
        return PostsPage(ctx, actor, prompts)

    def make_model(parent: QObject) -> PostListModel:
        model = PostListModel(ctx.post_list, actor, parent)
        model.set_filters(PostFilters())
        return model

    # Interleaved, so that a slow moment of the machine hits all three alike.
    series: dict[str, list[float]] = {"bare7": [], "bare": [], "model": [], "page": []}
    for _ in range(args.runs + 1):
        series["bare7"].append(time_bare(app, db))
        series["bare"].append(time_bare(app, db, same_columns=True))
        series["model"].append(time_model_view(app, make_model))
        series["page"].append(time_page(app, make_page))
    bare7, bare, model, page = (
        (statistics.median(v[1:]), min(v[1:]), max(v[1:])) for v in series.values()
    )
    print(f"{'bare keyset QTableView, 7 raw columns':<44} {fmt(bare7)}")
    print(f"{'bare keyset QTableView, the page columns':<44} {fmt(bare)}")
    print(f"{'PostListModel in a plain QTableView':<44} {fmt(model)}")
    print(f"{'稿件列表 page: made, refreshed, painted':<44} {fmt(page)}")
    ratio = page[0] / bare[0]
    print(
        f"{'page / bare (page columns)':<44} {ratio:.2f}×   (model / bare "
        f"{model[0] / bare[0]:.2f}×; page / bare of 7 raw columns {page[0] / bare7[0]:.2f}×)"
    )

    # -- memory --
    def page_memory(filters: PostFilters, scroll_rows: int) -> float:
        import gc

        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        widget = make_page()
        widget.resize(1200, 700)
        widget.show()
        widget.model.set_filters(filters)
        while widget.model.rowCount() < scroll_rows and widget.model.canFetchMore():
            widget.model.fetchMore()
        widget.model.wait_idle()
        app.processEvents()
        after = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        rows = widget.model.rowCount()
        _close(app, widget)
        del widget
        assert scroll_rows == 0 or rows >= scroll_rows
        return (after - before) / 2**20

    empty = page_memory(PostFilters(text="不会出现的一个词组"), 0)
    first = page_memory(PostFilters(), 0)
    scrolled = page_memory(PostFilters(), 1000)
    print(f"{'memory: page with an empty list':<44} {empty:.2f} MiB (Python, tracemalloc)")
    print(f"{'memory: first screen, above empty':<44} {first - empty:.2f} MiB")
    print(f"{'memory: 1 000 rows fetched, above empty':<44} {scrolled - empty:.2f} MiB")

    # -- search through the trigram index --
    print()
    worst = 0.0
    for word in SEARCH_WORDS:
        hits, service, bare_match = search_figures(ctx, actor, db, word)
        worst = max(worst, service[0])
        print(
            f"search {word!r:<14} {hits:>6} hits: first page {fmt(service)}; "
            f"bare MATCH {fmt(bare_match)}"
        )

    # -- search of two characters: a scan in a worker thread --
    widget = make_page()
    widget.resize(1200, 700)
    widget.show()
    widget.refresh()
    app.processEvents()
    short_figures = [short_search(app, widget, word) for word in SHORT_WORDS]
    _close(app, widget)
    for word, arrived, stall, rows, count in short_figures:
        print(
            f"search {word!r:<6} (scan, worker): first page after {arrived:.0f} ms, "
            f"{rows} rows shown, {count}; UI thread blocked at most {stall:.1f} ms"
        )

    print()
    goals = [
        (f"page open + first paint ≤ {GOAL_OPEN_MS:g} ms", page[0] <= GOAL_OPEN_MS),
        (f"page ≤ {GOAL_RATIO:g}× bare keyset view", ratio <= GOAL_RATIO),
        (f"memory ≤ {GOAL_MEMORY_MB:g} MB above an empty list", scrolled - empty <= GOAL_MEMORY_MB),
        (f"3+-character search ≤ {GOAL_SEARCH_MS:g} ms (worst word)", worst <= GOAL_SEARCH_MS),
        ("2-character search correct and off the UI thread", all(
            rows > 0 and stall < 100 for _, _, stall, rows, _ in short_figures
        )),
    ]  # fmt: skip
    for label, ok in goals:
        print(f"{verdict(ok)}: {label}")
    all_ok = all(ok for _, ok in goals)
    suffix = "" if args.strict else " (exit 0: not --strict)"
    print(f"overall: {verdict(all_ok)}{suffix}")
    ctx.close()
    return 1 if args.strict and not all_ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
