"""The rows shipped with the package: equal to what the loader builds, served only for a file whose bytes
are as built, never hiding a problem, ignored when they cannot be trusted."""

from __future__ import annotations

import os
import pickle
import shutil

import pytest
from conftest import RECORDS

import rotherham_cli.loader as loader
from rotherham_cli import cache

SOME = ("rotherham", "barnsley", "doncaster")


def test_the_shipped_rows_are_what_the_loader_builds_from_the_shipped_records():
    """The committed file equals a build from the records as they are, by the code as it is (run
    tools/build_shipped_cache.py after changing either), and holds every shipped record file."""
    committed = cache.shipped_contents(cache.SHIPPED.read_bytes())
    built = cache.shipped_contents(cache.build_shipped(RECORDS))
    assert committed[1] == cache.content_stamp()
    assert committed == built
    files = {p.relative_to(RECORDS).as_posix() for p in RECORDS.rglob("*.yaml")}
    assert set(committed[2]) == files == {rel for rows in committed[3].values() for rel in rows}
    # Each entry is the file's size and SHA-256 and the rows loading it gives, checked here apart from
    # the build: one file's row against its record loaded alone.
    import hashlib

    from rotherham_cli.listing import facts_of, visit_of

    path = RECORDS / "rotherham" / "rotherham-2014-sif-inspection.yaml"
    rel = "rotherham/rotherham-2014-sif-inspection.yaml"
    (size, digest), (visit, facts) = committed[2][rel], committed[3]["rotherham"][rel]
    record, problems = loader.load_file(path)
    assert problems == [] and size == path.stat().st_size and digest == hashlib.sha256(path.read_bytes()).digest()
    assert (visit, facts) == (visit_of(record), facts_of(record))
    assert visit.overall == "inadequate" and facts.judgements  # Rotherham 2014: inadequate


@pytest.fixture
def copy(tmp_path, monkeypatch):
    """Three authorities' shipped records copied as they are (so the shipped rows hold them), an empty
    cache, and a count of the files the loader reads."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    out = tmp_path / "records"
    for slug in SOME:
        shutil.copytree(RECORDS / slug, out / slug)
    read: list[str] = []
    real = loader.load_file
    monkeypatch.setattr(loader, "load_file", lambda *a, **k: read.append(os.path.basename(a[1])) or real(*a, **k))
    return out, read


def uncached(run, *args):
    return run(*args, env={"JUDGEMENTS_NO_CACHE": "1"})


@pytest.mark.parametrize("args", [["list", "-a", "all"], ["list", "-f", "csv"], ["england", "-f", "csv"],
                                  ["export", "-a", "all"], ["export", "-f", "markdown", "-a", "all"]])
def test_a_first_run_over_a_copy_of_the_shipped_records_reads_no_file_and_says_what_loading_says(run, copy, args):
    folder, read = copy
    first = run(*args, "--records", folder)
    assert read == []  # every file served from the shipped rows
    loaded = uncached(run, *args, "--records", folder)
    assert read  # the uncached run read them
    assert (first.exit_code, first.stdout, first.stderr) == (loaded.exit_code, loaded.stdout, loaded.stderr)
    assert first.exit_code == 0 and len(first.stdout.splitlines()) > 10


def test_a_file_changed_with_its_size_and_time_kept_is_read_not_served(run, copy):
    folder, read = copy
    path = folder / "rotherham" / "rotherham-2014-sif-inspection.yaml"
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "headline: Inadequate in every area except adoption" in text
    path.write_text(text.replace("except adoption", "except Adoption"), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    res = run("list", "-f", "csv", "--records", folder)
    assert res.exit_code == 0, res.stderr
    assert read == ["rotherham-2014-sif-inspection.yaml"]  # only the changed file
    assert "Inadequate in every area except Adoption" in res.stdout
    assert res.stdout == uncached(run, "list", "-f", "csv", "--records", folder).stdout


def test_a_broken_file_among_shipped_ones_is_reported_by_the_first_run(run, copy):
    folder, read = copy
    path = folder / "barnsley" / sorted(p.name for p in (folder / "barnsley").iterdir())[0]
    path.write_text(path.read_text(encoding="utf-8").replace("\nkind: ", "\nkind: ilacs_shortt\nx: "), encoding="utf-8")
    first = run("list", "-a", "all", "--records", folder)
    assert first.exit_code == 1 and first.stdout == ""
    assert first.stderr.startswith(f"{path}:") and "ilacs_shortt" in first.stderr
    assert read[0] == path.name  # the first read (the others are read again to report it, as uncached)
    assert first.stderr == uncached(run, "list", "-a", "all", "--records", folder).stderr


def _second_record_of_2022(folder):
    """A record of Rotherham's 2022 short inspection under another kind and id: the same visit."""
    text = (RECORDS / "rotherham" / "rotherham-2022-ilacs-short.yaml").read_text(encoding="utf-8")
    text = text.replace("id: rotherham-2022-ilacs-short\n", "id: rotherham-2022-ilacs-standard\n")
    text = text.replace("\nkind: ilacs_short\n", "\nkind: ilacs_standard\n")
    (folder / "rotherham-2022-ilacs-standard.yaml").write_text(text, encoding="utf-8")


SAME = "rotherham-2022-ilacs-short.yaml and rotherham-2022-ilacs-standard.yaml are the same inspection"


@pytest.mark.parametrize("earlier", [False, True])
def test_a_second_record_of_a_shipped_visit_is_found(run, copy, earlier):
    """Files as shipped hold no two records of one visit; a file beside them that is not shipped is
    checked against them, on a first run and after a run that kept the shipped files' rows."""
    folder, read = copy
    if earlier:
        assert run("list", "-a", "all", "--records", folder).exit_code == 0 and read == []
    _second_record_of_2022(folder / "rotherham")
    for args in (["list"], ["england"], ["export", "-a", "all"], ["validate"]):
        res = run(*args, "--records", folder)
        assert res.exit_code == 1, args
        assert SAME in res.stderr
    assert read[0] == "rotherham-2022-ilacs-standard.yaml"


def test_rows_kept_from_other_shipped_rows_are_not_trusted(run, copy, tmp_path, monkeypatch):
    """Entries made from one build of the shipped rows are not taken as part of another's clean set (an
    update that changes the shipped records and not the code): the same visit in the two is found."""
    folder, read = copy
    assert run("list", "--records", folder).exit_code == 0 and read == []  # rows kept, from these shipped rows
    other = tmp_path / "other-shipped" / "rotherham"  # a later shipped set: the 2022 visit under another kind
    shutil.copytree(RECORDS / "rotherham", other)
    (other / "rotherham-2022-ilacs-short.yaml").unlink()
    _second_record_of_2022(other)
    rows = tmp_path / "other-rows.pickle"
    rows.write_bytes(cache.build_shipped(other.parent))
    monkeypatch.setattr(cache, "SHIPPED", rows)
    _second_record_of_2022(folder / "rotherham")  # the user's folder now holds both
    res = run("list", "--records", folder)
    assert (res.exit_code, SAME in res.stderr) == (1, True), res.stderr
    assert SAME in run("validate", "--records", folder).stderr


def test_a_copy_given_as_the_current_folder_is_served_from_the_shipped_rows(run, copy, monkeypatch):
    folder, read = copy
    monkeypatch.chdir(folder)
    first = run("list", "-a", "all", "--records", ".")
    assert read == [] and first.exit_code == 0
    assert first.stdout == uncached(run, "list", "-a", "all", "--records", ".").stdout


def test_a_record_served_as_rows_is_read_from_its_file_when_it_is_wanted(run, copy):
    folder, read = copy
    assert run("list", "--records", folder).exit_code == 0 and read == []
    for args in (["show", "latest"], ["timeline"], ["diff"], ["validate"]):
        res = run(*args, "--records", folder)
        assert (res.exit_code, res.stdout) == (0, uncached(run, *args, "--records", folder).stdout), args
    assert "rotherham-2025-ilacs-short.yaml" in read


def test_no_cache_means_no_shipped_rows(run, copy):
    folder, read = copy
    uncached(run, "list", "-a", "all", "--records", folder)
    assert len(read) == len(list(folder.rglob("*.yaml")))


def _other_stamp() -> bytes:
    magic, _, index, blobs = pickle.loads(cache.SHIPPED.read_bytes())
    return pickle.dumps((magic, "built by other code", index, blobs))


@pytest.mark.parametrize("spoil", [lambda: b"", lambda: b"not a pickle at all",
                                   lambda: cache.SHIPPED.read_bytes()[:1000], lambda: pickle.dumps(("x", "y", {}, {})),
                                   _other_stamp])
def test_shipped_rows_that_cannot_be_trusted_are_ignored(run, copy, tmp_path, monkeypatch, spoil):
    """Missing, empty, corrupt, truncated, foreign, or built by other code than this: every file is read,
    and the output is what loading gives."""
    folder, read = copy
    bad = tmp_path / "shipped-rows.pickle"
    bad.write_bytes(spoil())
    monkeypatch.setattr(cache, "SHIPPED", bad)
    res = run("list", "-a", "all", "--records", folder)
    assert res.exit_code == 0
    assert len(read) == len(list(folder.rglob("*.yaml")))
    assert res.stdout == uncached(run, "list", "-a", "all", "--records", folder).stdout


def test_a_shipped_file_in_another_place_is_read(run, copy):
    """The rows are keyed on a file's path under its folder as well as its contents."""
    folder, read = copy
    shutil.move(folder / "doncaster", folder / "elsewhere")
    res = run("list", "-a", "all", "--records", folder)
    assert res.exit_code == 0, res.stderr
    assert sorted(read) == sorted(p.name for p in (folder / "elsewhere").iterdir())
    assert res.stdout == uncached(run, "list", "-a", "all", "--records", folder).stdout
