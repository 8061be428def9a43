"""A worker recording concessions is killed with SIGKILL at random moments, 20 times on
one database: every concession it acknowledged is there exactly once, quick_check is ok
(see tests/durability.py, which runs 200 kills as a script)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import durability

RUNS = 20


@pytest.mark.slow
def test_acknowledged_concessions_survive_sigkill(tmp_path: Path) -> None:
    db = tmp_path / durability.DB_NAME
    durability.prepare(db)
    report = durability.run(db, RUNS)
    assert report.problems == [], f"seed {report.seed}"
    assert report.runs == RUNS
    # three runs in four wait for the worker's first acknowledgement before the kill
    assert report.killed_while_recording == RUNS - RUNS // 4
    assert report.acknowledged >= report.killed_while_recording
    assert report.rows >= report.acknowledged
