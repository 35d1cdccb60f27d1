"""Killing the program mid-write (kill -9) never loses an acknowledged commit or splits one.

A child process writes pairs of rows, one pair per write transaction, and prints the pair's
number after each commit. The parent kills it at a random moment, then checks the file:
``integrity_check`` is clean, every acknowledged pair is there, and no pair is half-written.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from newmedia_desk.storage.database import Database

ROUNDS = 8

CHILD = r"""
import sys
from sqlalchemy import text
from newmedia_desk.storage.database import Database

db = Database(f"sqlite+pysqlite:///{sys.argv[1]}")
start = int(sys.argv[2])
i = start
while True:
    with db.write() as s:
        s.execute(text("INSERT INTO pair (n, side) VALUES (:n, 'a')"), {"n": i})
        s.execute(text("INSERT INTO pair (n, side) VALUES (:n, 'b')"), {"n": i})
    print(i, flush=True)
    i += 1
"""


@pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")
def test_kill_during_writes_loses_nothing_acknowledged(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    db = Database(f"sqlite+pysqlite:///{path}")
    with db.write() as s:
        s.execute(text("CREATE TABLE pair (n INTEGER NOT NULL, side TEXT NOT NULL)"))
    db.dispose()
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    rng = random.Random(20261121)
    acknowledged: set[int] = set()
    start = 0
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[3]))
    for _ in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, str(script), str(path), str(start)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        # Wait for the first commit, then kill at a random moment of the write loop.
        first = child.stdout.readline()
        assert first.strip(), "the child wrote nothing"
        time.sleep(rng.uniform(0.01, 0.2))
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
        numbers = [int(line) for line in (first + rest).split()]
        acknowledged.update(numbers)
        start = max(numbers) + 1_000  # leave room for a commit the child made but never printed

        con = sqlite3.connect(path)
        try:
            assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            rows = con.execute("SELECT n, COUNT(*) FROM pair GROUP BY n").fetchall()
        finally:
            con.close()
        counts = dict(rows)
        assert acknowledged <= counts.keys(), "an acknowledged commit was lost"
        assert set(counts.values()) == {2}, "a transaction was half-written"
    assert len(acknowledged) > ROUNDS
