"""The record cache: never stale, never an error, never hiding a problem, never trusting a file that
someone else could have written."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys

import pytest
from conftest import BROKEN, GOOD

from rotherham_cli import cache
from rotherham_cli.loader import load_records


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("JUDGEMENTS_NO_CACHE", raising=False)
    dest = tmp_path / "records"
    shutil.copytree(GOOD, dest)
    return dest


def cache_files(folder):
    return list((folder.parent / "cache" / "judgements").glob("records-*/*.pickle"))


def ids(folder):
    return sorted(r.id for r in load_records(folder).records)


def grade_of(folder, visit="rutland-2022-ilacs-short"):
    return next(r for r in load_records(folder).records if r.id == visit).overall.value


@pytest.fixture
def parsed(monkeypatch):
    """The names of the files parsed (not served from the cache) from now on."""
    import rotherham_cli.loader as loader

    calls: list[str] = []
    real = loader.load_bytes
    monkeypatch.setattr(loader, "load_bytes", lambda data, name, **k: calls.append(name) or real(data, name, **k))
    return calls


def test_a_second_load_is_served_from_the_cache_and_equals_the_first(folder, parsed):
    cold = load_records(folder)
    assert len(cache_files(folder)) == 1 and len(parsed) == 7
    parsed.clear()
    warm = load_records(folder)
    assert parsed == []  # nothing parsed again
    assert warm.records == cold.records and warm.problems == cold.problems


def test_an_edit_with_size_and_time_kept_is_seen(folder, parsed):
    """cp -p, rsync -a and tar x keep a changed file's size and modification time: the bytes decide."""
    path = folder / "rutland-2022-ilacs-short.yaml"
    assert grade_of(folder) == "good"
    st = path.stat()
    text = path.read_text()
    changed = text.replace("overall_effectiveness: good", "overall_effectiveness: bad!")  # same length
    assert len(changed) == len(text) and changed != text
    path.write_text(changed.replace("bad!", "poor"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    result = load_records(folder)
    assert [p.field for p in result.problems] == ["judgements.overall_effectiveness"]  # 'poor' is no grade
    path.write_text(text.replace("overall_effectiveness: good", "overall_effectiveness: inadequate"))
    assert grade_of(folder) == "inadequate"


def test_add_delete_and_move_are_seen(folder):
    load_records(folder)
    (folder / "rutland-2025-ilacs-short.yaml").unlink()
    assert "rutland-2025-ilacs-short" not in ids(folder)
    shutil.copy(GOOD / "rutland-2025-ilacs-short.yaml", folder / "sub-rutland-2025.yaml")
    result = load_records(folder)
    assert [p.field for p in result.problems] == ["id"]  # the file name is not the id: reported warm too
    assert [p.field for p in load_records(folder).problems] == ["id"]
    (folder / "sub-rutland-2025.yaml").rename(folder / "rutland-2025-ilacs-short.yaml")
    assert "rutland-2025-ilacs-short" in ids(folder)


def test_a_second_record_of_one_visit_is_reported_warm_and_cold(folder):
    load_records(folder)
    text = (folder / "rutland-2022-ilacs-short.yaml").read_text()
    twin = folder / "twin" / "rutland-2022-ilacs-standard.yaml"
    twin.parent.mkdir()
    twin.write_text(text.replace("rutland-2022-ilacs-short", "rutland-2022-ilacs-standard")
                    .replace("kind: ilacs_short", "kind: ilacs_standard"))
    for _ in range(2):
        messages = [p.message for p in load_records(folder).problems]
        assert messages == ["rutland-2022-ilacs-short.yaml and rutland-2022-ilacs-standard.yaml are the same inspection"]
    twin.unlink()
    assert load_records(folder).problems == []


def test_problems_are_the_same_warm_and_cold(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cold = load_records(BROKEN).problems
    warm = load_records(BROKEN).problems
    assert warm == cold and len(cold) == len(list(BROKEN.glob('*.y*ml'))) - 1  # one file is fine


@pytest.mark.parametrize("junk", [b"", b"not a pickle", b"\x80\x05K\x01.", b"\x80\x05" + b"x" * 100])
def test_a_corrupt_or_foreign_cache_is_ignored_and_rebuilt(folder, junk):
    first = ids(folder)
    for f in cache_files(folder):
        f.write_bytes(junk)
    assert ids(folder) == first
    assert cache_files(folder)[0].read_bytes() != junk


def test_a_damaged_cache_is_caught_by_its_checksum(folder, parsed):
    """A byte changed inside the cache (a bad disk, a torn copy) is never served: the files are read again."""
    first = load_records(folder)
    path = cache_files(folder)[0]
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    parsed.clear()
    again = load_records(folder)
    assert len(parsed) == 7 and again.records == first.records


def test_a_fifo_at_the_cache_path_is_never_opened_for_reading(folder):
    load_records(folder)
    path = cache_files(folder)[0]
    path.unlink()
    os.mkfifo(path)
    code = "from rotherham_cli.loader import load_records; import sys; print(len(load_records(sys.argv[1]).records))"
    res = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=30,
                         env={**os.environ, "XDG_CACHE_HOME": str(folder.parent / "cache")})
    assert res.stdout.strip() == "7", res.stderr


def test_a_cache_file_others_can_write_is_not_trusted(folder, parsed):
    load_records(folder)
    path = cache_files(folder)[0]
    os.chmod(path, 0o666)
    parsed.clear()
    load_records(folder)
    assert len(parsed) == 7  # read again, not unpickled


def test_a_cache_folder_others_can_write_is_not_used(folder, parsed):
    base = folder.parent / "cache" / "judgements"
    base.mkdir(parents=True)
    os.chmod(base, 0o777)
    assert cache.cache_dir() is None
    load_records(folder)
    assert cache_files(folder) == []


def test_the_cache_folder_is_made_private_whatever_the_umask(folder):
    old = os.umask(0)
    try:
        load_records(folder)
    finally:
        os.umask(old)
    base = folder.parent / "cache" / "judgements"
    assert stat.S_IMODE(base.stat().st_mode) == 0o700
    assert stat.S_IMODE(cache_files(folder)[0].stat().st_mode) == 0o600


def test_a_relative_cache_home_is_ignored(folder, monkeypatch, tmp_path):
    """A relative $XDG_CACHE_HOME would load a pickle from whatever folder the command is run in."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", "here")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "judgements"
    assert not (tmp_path / "here").exists()


def test_debug_says_why_there_is_no_cache(folder):
    base = folder.parent / "cache" / "judgements"
    base.mkdir(parents=True)
    os.chmod(base, 0o777)
    res = subprocess.run([sys.executable, "-m", "rotherham_cli", "list", "--records", str(folder), "-a", "all"],
                         capture_output=True, text=True, timeout=60,
                         env={**os.environ, "JUDGEMENTS_DEBUG": "1", "XDG_CACHE_HOME": str(folder.parent / "cache")})
    assert res.returncode == 0 and "rutland-2022-ilacs-short" in res.stdout
    assert "no cache:" in res.stderr and "writable by you alone" in res.stderr


def test_no_writable_cache_folder_means_no_cache_not_a_failure(folder, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert len(ids(folder)) == 7


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into any folder")
def test_an_unwritable_cache_folder_means_no_cache_not_a_failure(folder):
    load_records(folder)
    base = folder.parent / "cache" / "judgements"
    os.chmod(base, 0o500)
    try:
        (folder / "rutland-2025-ilacs-short.yaml").unlink()
        assert len(ids(folder)) == 6
    finally:
        os.chmod(base, 0o700)


def test_judgements_no_cache_turns_it_off(folder, monkeypatch):
    monkeypatch.setenv("JUDGEMENTS_NO_CACHE", "1")
    assert cache.cache_dir() is None
    assert len(ids(folder)) == 7
    assert cache_files(folder) == []


def test_a_new_version_is_never_served_an_old_cache(folder, monkeypatch, parsed):
    load_records(folder)
    import rotherham_cli

    monkeypatch.setattr(rotherham_cli, "__version__", "999.0")
    parsed.clear()
    load_records(folder)
    assert len(parsed) == 7


def test_the_cache_lives_in_the_user_cache_folder_never_beside_the_records(folder):
    load_records(folder)
    assert not [p for p in folder.rglob("*") if "pickle" in p.name or p.name.startswith(".")]
    assert cache_files(folder)


def test_a_command_sees_an_edit_at_once(run, folder):
    """The installed command, run twice, then after an edit, then after breaking the file."""
    args = ["list", "--records", folder, "-a", "all", "-f", "csv"]
    env = {"XDG_CACHE_HOME": str(folder.parent / "cache")}
    run(*args, env=env)
    assert "A fixture short inspection" in run(*args, env=env).stdout
    f = folder / "rutland-2022-ilacs-short.yaml"
    f.write_text(f.read_text().replace("summary: A fixture short inspection.", "summary: Changed words."))
    after = run(*args, env=env)
    assert "Changed words." in after.stdout and "A fixture short inspection" not in after.stdout
    f.write_text(f.read_text().replace("kind: ilacs_short", "kind: nonsense"))
    for _ in range(2):  # a problem is reported warm as cold
        broken = run(*args, env=env)
        assert broken.exit_code == 1 and "rutland-2022-ilacs-short.yaml:6:7: kind:" in broken.stderr


@pytest.fixture
def by_authority(tmp_path, monkeypatch):
    """Three authorities' folders of the shipped set, laid out as it is: one sub-folder each."""
    from conftest import RECORDS

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("JUDGEMENTS_NO_CACHE", raising=False)
    dest = tmp_path / "records"
    for slug in ("rotherham", "barnsley", "doncaster"):
        shutil.copytree(RECORDS / slug, dest / slug)
    return dest


def test_each_authority_folder_has_a_cache_file_of_its_own(by_authority):
    load_records(by_authority)
    assert len(cache_files(by_authority)) == 3
    assert stat.S_IMODE(cache_files(by_authority)[0].parent.stat().st_mode) == 0o700


def test_a_command_about_one_authority_reads_that_authority_only(by_authority, monkeypatch, parsed):
    """At 100,000 records, `show` of one authority held the whole cache (1.1 GB): it reads one part."""
    load_records(by_authority)
    read: list = []
    real = cache.RecordCache._read
    monkeypatch.setattr(cache.RecordCache, "_read", lambda self, path: read.append(real(self, path)) or read[-1])
    parsed.clear()
    result = load_records(by_authority, only=frozenset({"rotherham"}))
    assert {r.authority.name for r in result.records} == {"Rotherham"}
    assert len(read) == 1 and len(read[0]) == len(list((by_authority / "rotherham").glob("*.yaml")))
    assert parsed == []
    assert len(cache_files(by_authority)) == 3  # the other parts are kept


def test_an_edit_rewrites_its_own_part_alone_and_a_folder_gone_takes_its_part(by_authority):
    load_records(by_authority)
    before = {p: p.read_bytes() for p in cache_files(by_authority)}
    f = sorted((by_authority / "barnsley").glob("*.yaml"))[0]
    f.write_text(f.read_text() + "\n# an edit\n")
    load_records(by_authority)
    after = {p: p.read_bytes() for p in cache_files(by_authority)}
    assert sum(before[p] != after[p] for p in before) == 1 and after.keys() == before.keys()
    shutil.rmtree(by_authority / "doncaster")
    load_records(by_authority, only=frozenset({"rotherham"}))
    assert len(cache_files(by_authority)) == 3  # a part read alone removes nothing
    load_records(by_authority)
    assert len(cache_files(by_authority)) == 2


def test_a_visit_named_by_id_is_read_from_its_authoritys_part(by_authority, monkeypatch):
    """`show barnsley-...` from the home authority reads Rotherham's part and Barnsley's, not all of England."""
    from rotherham_cli.scope import load_visits

    monkeypatch.delenv("JUDGEMENTS_AUTHORITY", raising=False)
    load_records(by_authority)
    visit = sorted((by_authority / "barnsley").glob("*.yaml"))[-1].stem
    read: list = []
    real = cache.RecordCache._read
    monkeypatch.setattr(cache.RecordCache, "_read", lambda self, path: read.append(path) or real(self, path))
    (found,), loaded = load_visits(str(by_authority), None, [visit])
    assert found.id == visit and {r.authority.name for r in loaded} == {"Rotherham", "Barnsley"}
    assert len(set(read)) == 2  # Rotherham's part (the home authority's), and Barnsley's; never Doncaster's


def test_an_older_versions_cache_file_is_removed_on_a_whole_load(by_authority):
    """Versions before the cache was kept in parts wrote one records-<hash>.pickle per records folder."""
    base = by_authority.parent / "cache" / "judgements"
    load_records(by_authority, only=frozenset({"rotherham"}))
    old = base / "records-0123456789abcdef01234567.pickle"
    old.write_bytes(b"judgements-record-cache-7\n" + b"x" * 100)
    load_records(by_authority, only=frozenset({"rotherham"}))
    assert old.exists()  # a part read alone removes nothing
    load_records(by_authority)
    assert not old.exists() and len(cache_files(by_authority)) == 3
