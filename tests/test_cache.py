"""The record cache: never stale, never an error, never hiding a problem."""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import BROKEN, GOOD

from rotherham_cli import cache
from rotherham_cli.loader import load_records


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    dest = tmp_path / "records"
    shutil.copytree(GOOD, dest)
    return dest


def cache_files(folder):
    return list((folder.parent / "cache" / "judgements").glob("records-*.pickle"))


def ids(folder):
    return sorted(r.id for r in load_records(folder).records)


def test_a_second_load_is_served_from_the_cache_and_equals_the_first(folder, monkeypatch):
    cold = load_records(folder)
    assert len(cache_files(folder)) == 1
    calls = []
    import rotherham_cli.loader as loader

    real = loader.load_file
    monkeypatch.setattr(loader, "load_file", lambda *a, **k: calls.append(a) or real(*a, **k))
    warm = load_records(folder)
    assert calls == []  # nothing parsed again
    assert warm.records == cold.records and warm.problems == cold.problems


def test_a_record_that_cannot_be_unpickled_is_loaded_again(folder, monkeypatch):
    """Each record is pickled on its own; one spoiled in the cache file is read from its file again."""
    import pickle

    cold = load_records(folder)
    path = cache_files(folder)[0]
    with open(path, "rb") as fh:
        head = pickle.load(fh)
        parts = [pickle.load(fh) for _ in range(3)]
    name = sorted(parts[2])[0]
    parts[2][name] = (*parts[2][name][:2], b"spoiled", parts[2][name][3])
    with open(path, "wb") as fh:
        blobs = [pickle.dumps(p) for p in parts]
        pickle.dump((*head[:4], [len(b) for b in blobs]), fh)
        for b in blobs:
            fh.write(b)
    import rotherham_cli.loader as loader

    calls = []
    real = loader.load_file
    monkeypatch.setattr(loader, "load_file", lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    warm = load_records(folder)
    assert calls == [name]  # that one file read again, the others served
    assert warm.records == cold.records and warm.problems == cold.problems


def test_edit_add_delete_touch_and_replace_are_seen(folder):
    load_records(folder)
    path = folder / "rutland-2022-ilacs-short.yaml"
    path.write_text(path.read_text().replace("overall_effectiveness: good", "overall_effectiveness: inadequate"))
    rec = next(r for r in load_records(folder).records if r.id == "rutland-2022-ilacs-short")
    assert rec.overall.value == "inadequate"
    (folder / "rutland-2025-ilacs-short.yaml").unlink()
    assert "rutland-2025-ilacs-short" not in ids(folder)
    shutil.copy(GOOD / "rutland-2025-ilacs-short.yaml", folder / "sub-rutland-2025.yaml")
    result = load_records(folder)
    assert [p.field for p in result.problems] == ["id"]  # the file name is not the id: reported warm too
    (folder / "sub-rutland-2025.yaml").rename(folder / "rutland-2025-ilacs-short.yaml")
    assert "rutland-2025-ilacs-short" in ids(folder)
    # same size, new time
    text = path.read_text()
    path.write_text(text.replace("inadequate", "outstanding"))
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert next(r for r in load_records(folder).records if r.id == "rutland-2022-ilacs-short").overall.value == "outstanding"


def test_a_listing_pickles_no_record_and_a_command_that_wants_them_reads_them(folder, monkeypatch):
    """A first listing keeps each file's rows but not its record (pickling every record would cost it a
    tenth of its time); a later load of the records reads the files once, then serves them pickled."""
    import rotherham_cli.loader as loader

    loader.refresh(folder)
    entries = cache.RecordCache(folder).old
    assert entries and {e[2] for e in entries.values()} == {cache.NOT_PICKLED}
    read = []
    real = loader.load_file
    monkeypatch.setattr(loader, "load_file", lambda *a, **k: read.append(a[1]) or real(*a, **k))
    first = load_records(folder)
    assert sorted(read) == sorted(str(p) for p in folder.rglob("*.yaml"))
    read.clear()
    again = load_records(folder)
    assert read == [] and again.records == first.records
    monkeypatch.setenv("JUDGEMENTS_NO_CACHE", "1")
    assert load_records(folder).records == first.records


def test_problems_are_the_same_warm_and_cold(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cold = load_records(BROKEN).problems
    warm = load_records(BROKEN).problems
    assert warm == cold and len(cold) == 13


@pytest.mark.parametrize("junk", [b"", b"not a pickle", b"\x80\x05K\x01.", b"\x80\x05" + b"x" * 100])
def test_a_corrupt_or_foreign_cache_is_ignored_and_rebuilt(folder, junk):
    first = ids(folder)
    for f in cache_files(folder):
        f.write_bytes(junk)
    assert ids(folder) == first
    assert cache_files(folder)[0].read_bytes() != junk


def test_no_writable_cache_folder_means_no_cache_not_a_failure(folder, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert len(ids(folder)) == 7


def test_judgements_no_cache_turns_it_off(folder, monkeypatch):
    monkeypatch.setenv("JUDGEMENTS_NO_CACHE", "1")
    assert cache.cache_dir() is None
    assert len(ids(folder)) == 7
    assert cache_files(folder) == []


def test_a_new_version_is_never_served_an_old_cache(folder, monkeypatch):
    load_records(folder)
    import rotherham_cli

    monkeypatch.setattr(rotherham_cli, "__version__", "999.0")
    assert cache.RecordCache(folder).old == {}


def test_the_cache_lives_in_the_user_cache_folder_never_beside_the_records(folder):
    load_records(folder)
    assert not [p for p in folder.rglob("*") if "pickle" in p.name or p.name.startswith(".")]
    assert cache_files(folder)


def test_england_from_the_cache_counts_as_from_the_records_and_sees_an_edit(run, tmp_path, monkeypatch):
    """`england` served from the facts the cache keeps gives the same table and JSON as from the
    records, and an edited grade is counted at once."""
    import json

    from conftest import RECORDS

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    dest = tmp_path / "records"
    shutil.copytree(RECORDS, dest)
    args = ("england", "--records", dest, "--as-at", "2025-03-31")
    cold_table, cold_json = run(*args), run(*args, "-f", "json")  # the first builds the cache
    from rotherham_cli.listing import quick_facts

    assert quick_facts(str(dest)) is not None  # the second and later are served from it
    warm_table, warm_json = run(*args), run(*args, "-f", "json")
    uncached = run(*args, "-f", "json", env={"JUDGEMENTS_NO_CACHE": "1"})
    assert warm_table.stdout == cold_table.stdout and warm_json.stdout == cold_json.stdout == uncached.stdout
    before = json.loads(warm_json.stdout)["tallies"][0]  # England, overall effectiveness
    path = dest / "rotherham" / "rotherham-2022-ilacs-short.yaml"
    path.write_text(path.read_text().replace("overall_effectiveness: good", "overall_effectiveness: inadequate"))
    after = json.loads(run(*args, "-f", "json").stdout)["tallies"][0]
    assert (after["counts"]["good"], after["counts"]["inadequate"]) == \
        (before["counts"]["good"] - 1, before["counts"]["inadequate"] + 1)


@pytest.mark.parametrize("fmt", [("-f", "csv"), ("-f", "csv", "-l", "wide"), ("-f", "csv", "-l", "ofsted"),
                                 ("-f", "markdown"), ("-f", "markdown", "-l", "long")])
def test_export_from_the_cache_writes_what_the_records_give_and_sees_an_edit(run, tmp_path, monkeypatch, fmt):
    """CSV and Markdown served from the facts the cache keeps are byte for byte what the records give,
    with filters; an edited grade is written at once."""
    from conftest import RECORDS

    from rotherham_cli.listing import quick_list

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    dest = tmp_path / "records"
    shutil.copytree(RECORDS, dest)
    for filters in (("-a", "all"), ("-a", "region:yorkshire", "-k", "graded", "--since", "2018"), ()):
        args = ("export", "--records", dest, *fmt, *filters)
        cold = run(*args).stdout
        assert quick_list(str(dest), None, None, None, None, home=False, facts=True) is not None  # now served
        assert run(*args).stdout == cold == run(*args, env={"JUDGEMENTS_NO_CACHE": "1"}).stdout
    args = ("export", "--records", dest, *fmt, "-a", "Rotherham", "-k", "graded")
    before = run(*args).stdout
    assert "Outstanding" in before
    path = dest / "rotherham" / "rotherham-2025-ilacs-short.yaml"
    path.write_text(path.read_text().replace(": outstanding", ": inadequate"))
    after = run(*args).stdout
    moved = before.count("Outstanding") - after.count("Outstanding")
    assert moved >= 1 and after.count("Inadequate") - before.count("Inadequate") == moved
    assert after == run(*args, env={"JUDGEMENTS_NO_CACHE": "1"}).stdout
