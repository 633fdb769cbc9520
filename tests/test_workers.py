"""A first run shares the reading of many record files among processes: the same result as one process
gives, whatever goes wrong in a child."""

from __future__ import annotations

import os
import shutil
import sys

import pytest
from conftest import BROKEN, RECORDS

from rotherham_cli import workers
from rotherham_cli.loader import load_records

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="work is shared by forking on Linux only")


def flat(shares):
    return [x for _, got, _ in shares for x in got]


def test_work_is_shared_among_children_in_order(monkeypatch):
    monkeypatch.setenv(workers.ENV_JOBS, "3")
    shares = workers.shared(list(range(10)), lambda s: [("here", x, os.getpid()) for x in s],
                            lambda s: [("there", x, os.getpid()) for x in s], min_share=1)
    assert [x for _, x, _ in flat(shares)] == list(range(10))
    assert [s for s, _, _ in shares] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert [in_child for _, _, in_child in shares] == [False, True, True]
    pids = {pid for where, _, pid in flat(shares) if where == "there"}
    assert len(pids) == 2 and os.getpid() not in pids  # two other processes did the other shares


@pytest.mark.parametrize("there", [
    lambda s: 1 / 0,  # fails
    lambda s: s[:-1],  # sends back too little
    lambda s: os._exit(0),  # leaves without a word
    lambda s: [lambda: None],  # sends back what cannot be pickled
])
def test_a_share_a_child_cannot_give_is_done_here(monkeypatch, there):
    monkeypatch.setenv(workers.ENV_JOBS, "2")
    shares = workers.shared(list(range(6)), lambda s: [x * 10 for x in s], there, min_share=1)
    assert flat(shares) == [0, 10, 20, 30, 40, 50]
    assert [in_child for _, _, in_child in shares] == [False, False]


def test_a_share_no_child_can_be_made_for_is_done_here(monkeypatch):
    monkeypatch.setenv(workers.ENV_JOBS, "3")

    def refuse():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    shares = workers.shared(list(range(6)), lambda s: [x * 10 for x in s], lambda s: 1 / 0, min_share=1)
    assert flat(shares) == [0, 10, 20, 30, 40, 50]
    assert [in_child for _, _, in_child in shares] == [False, False, False]


def test_little_work_or_jobs_1_stays_in_this_process(monkeypatch):
    monkeypatch.setenv(workers.ENV_JOBS, "4")
    assert workers.processes(120, 50) == 2  # at least 50 files a process
    assert workers.processes(30, 50) == 1
    assert workers.processes(10_000, 50) == workers.MAX_PROCESSES
    monkeypatch.setenv(workers.ENV_JOBS, "1")
    assert workers.processes(10_000, 50) == 1
    assert len(workers.shared(list(range(500)), lambda s: list(s), lambda s: 1 / 0)) == 1


def test_no_copy_is_forked_while_a_thread_runs(monkeypatch):
    import threading

    monkeypatch.setenv(workers.ENV_JOBS, "4")
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert workers.processes(10_000, 50) == 1
    finally:
        stop.set()
        thread.join()
    assert workers.processes(10_000, 50) == 4


@pytest.fixture
def big_broken(tmp_path):
    """The shipped national set with every broken fixture among it."""
    dest = tmp_path / "records"
    shutil.copytree(RECORDS, dest)
    for f in BROKEN.iterdir():
        shutil.copy(f, dest / "rotherham" / f.name)
    return dest


def test_a_shared_first_run_loads_what_one_process_loads(big_broken, monkeypatch):
    monkeypatch.setenv("JUDGEMENTS_NO_CACHE", "1")
    monkeypatch.setenv(workers.ENV_JOBS, "1")
    alone = load_records(big_broken)
    monkeypatch.setenv(workers.ENV_JOBS, "3")
    assert workers.processes(len(list(big_broken.rglob("*.y*ml"))), 50) == 3
    shared = load_records(big_broken)
    assert len(alone.problems) >= 13 and shared.problems == alone.problems
    assert [r.model_dump() for r in shared.records] == [r.model_dump() for r in alone.records]
    assert shared.paths == alone.paths


def test_a_cache_a_shared_run_wrote_serves_what_one_process_loads(big_broken, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv(workers.ENV_JOBS, "3")
    load_records(big_broken)  # cold, shared among three processes
    warm = load_records(big_broken)
    monkeypatch.setenv("JUDGEMENTS_NO_CACHE", "1")
    monkeypatch.setenv(workers.ENV_JOBS, "1")
    alone = load_records(big_broken)
    assert warm.problems == alone.problems
    assert [r.model_dump() for r in warm.records] == [r.model_dump() for r in alone.records]


@pytest.mark.parametrize("args", [["validate"], ["list", "-a", "all", "-f", "csv"], ["england"],
                                  ["export", "-a", "all"], ["export", "-f", "markdown", "-a", "all"]])
def test_commands_say_the_same_with_one_process_or_several(run, tmp_path, args):
    folder = tmp_path / "records"
    shutil.copytree(RECORDS, folder)
    runs = []
    for jobs in ("1", "3"):
        res = run(*args, "--records", folder, env={"JUDGEMENTS_NO_CACHE": "1", workers.ENV_JOBS: jobs})
        runs.append((res.exit_code, res.stdout, res.stderr))
    assert runs[0] == runs[1] and runs[0][0] == 0 and runs[0][1]
    shutil.copy(BROKEN / sorted(os.listdir(BROKEN))[0], folder / "rotherham")
    broken = [run(*args, "--records", folder, env={"JUDGEMENTS_NO_CACHE": "1", workers.ENV_JOBS: jobs})
              for jobs in ("1", "3")]
    assert broken[0].exit_code == broken[1].exit_code == 1
    assert broken[0].stderr == broken[1].stderr and "rotherham" in broken[0].stderr
