"""Hostile and broken input: one line naming the file (and line and field), exit 1, nothing changed."""

from __future__ import annotations

import os
import shutil

import pytest
import yaml
from conftest import BROKEN as BROKEN_DIR
from conftest import GOOD
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rotherham_cli import safeyaml
from rotherham_cli.errors import Problem
from rotherham_cli.loader import load_bytes

GOOD_TEXT = (GOOD / "rutland-2022-ilacs-short.yaml").read_text()


def one_file(tmp_path, content: bytes | str, name: str = "bad.yaml"):
    folder = tmp_path / "records"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return folder, path


BILLION_LAUGHS = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
    f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
    for i in range(8)
)

CASES = {
    "empty": (b"", "1:1: is empty"),
    "blank": (b"\n   \n", "1:1: is empty"),
    "not yaml": (b"id: [unclosed\nkind: x\n", "is not valid YAML: "),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is not UTF-8 text (binary or another encoding)"),
    "latin-1": ("id: caf\u00e9\n".encode("latin-1"), "1:8: is not UTF-8 text"),
    "bom": (b"\xef\xbb\xbfid: x\n", "1:1: starts with a byte-order mark; save the file as UTF-8 without BOM"),
    "tabs": (b"id: x\nauthority:\n\tname: X\n", "(indent with spaces, not tabs)"),
    "list": (b"- 1\n- 2\n", "1:1: a record must be a YAML mapping of fields, but this is a list"),
    "scalar": (b"just words\n", "1:1: a record must be a YAML mapping of fields, but this is a single value"),
    "duplicate key": (GOOD_TEXT.replace("kind: ilacs_short\n", "kind: ilacs_short\nkind: focused_visit\n").encode(),
                      "7:1: key 'kind' is given twice in one mapping (first at line 6)"),
    "alias bomb": (BILLION_LAUGHS.encode(), "1:4: uses a YAML anchor (&a); records may not use anchors or aliases"),
    "alias": (b"id: x\nkind: *k\n", "2:7: uses a YAML alias (*name); records may not use anchors or aliases"),
    "python tag": (b"id: !!python/object/apply:os.system ['touch /tmp/judgements-pwned']\n",
                   "1:5: uses a YAML tag (tag:yaml.org,2002:python/object/apply:os.system); records hold plain data only"),
    "control char": (b"id: x\x1b[31m\n", "1:6: holds a control character (U+001B)"),
    "deep": (("a:\n" + "".join("  " * i + "- \n" for i in range(1, 40))).encode(), "is nested more than 20 levels deep"),
    "huge": (b"id: x\nsummary: " + b"a" * 1_100_000 + b"\n", "is larger than the 1000 kB limit for a record"),
    "long string": (b"id: x\nsummary: " + b"a" * 30_000 + b"\n", "2:10: has a value longer than 20000 characters"),
    "many documents": (b"id: x\n---\nid: y\n", "holds more than one YAML document"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_files_give_one_line_and_exit_1(run, tmp_path, case):
    content, expected = CASES[case]
    folder, path = one_file(tmp_path, content)
    before = path.read_bytes()
    res = run("validate", "--records", folder)
    assert res.exit_code == 1
    assert res.stdout == ""
    lines = res.stderr.splitlines()
    assert len(lines) == 2 and lines[1] == "1 problem in 1 file"
    assert lines[0].startswith(str(path) + ":")
    assert expected in lines[0]
    assert "Traceback" not in res.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["bad.yaml"]
    assert not os.path.exists("/tmp/judgements-pwned")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("start: 2022-06-27", "start: 2014-13-45"),
         "8:8: start: '2014-13-45' is not a real date (month must be in 1..12)"),
        (("judgements:\n  overall_effectiveness: good", "judgements:\n  overall_effectiveness: [good]"),
         "12:26: judgements.overall_effectiveness: Input should be"),
        (("  la_number: 857", "  la_number: lots"),
         "4:14: authority.la_number: Input should be a valid integer"),
        (("judgements:\n", "judgements: good\nx:\n"), ": x: unknown field 'x'"),
        (("findings:\n", "findings: nope\nfindings2:\n"), None),
    ],
)
def test_wrong_types_name_line_and_field(run, tmp_path, change, expected):
    text = GOOD_TEXT.replace("rutland-2022-ilacs-short", "bad").replace(*change)
    folder, _ = one_file(tmp_path, text)
    res = run("validate", "--records", folder)
    assert res.exit_code == 1
    if expected:
        assert expected in res.stderr
    assert "Traceback" not in res.stderr


def test_alias_bomb_is_refused_without_expanding(tmp_path):
    # A parser that expanded this would build 9**9 strings; refusing at the first anchor is instant.
    with pytest.raises(safeyaml.YamlProblem, match="anchor"):
        safeyaml.read_bytes(BILLION_LAUGHS.encode())


def test_python_tags_are_never_constructed(tmp_path):
    marker = tmp_path / "constructed"
    text = f"id: !!python/object/apply:pathlib.Path.touch [!!python/object/apply:pathlib.Path ['{marker}']]\n"
    record, problems = load_bytes(text.encode(), "x.yaml")
    assert record is None and "YAML tag" in problems[0].message
    assert not marker.exists()


def test_records_folder_missing_is_a_file_or_unreadable(run, tmp_path):
    res = run("list", "--records", tmp_path / "none")
    assert (res.exit_code, res.stderr) == (1, f"Error: {tmp_path / 'none'}: records folder does not exist\n")
    f = tmp_path / "file.yaml"
    f.write_text("id: x\n")
    res = run("list", "--records", f)
    assert (res.exit_code, res.stderr) == (1, f"Error: {f}: is a file, not a records folder\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read anything (root)")
        res = run("list", "--records", locked)
        assert res.exit_code == 1 and res.stderr.startswith(f"Error: {locked}: records folder cannot be read")
    finally:
        locked.chmod(0o700)


def test_files_that_are_not_records(run, tmp_path):
    folder = tmp_path / "records"
    shutil.copytree(GOOD, folder)
    (folder / "notes.txt").write_text("hello")
    (folder / "sub").mkdir()
    (folder / ".hidden").write_text("ignored")
    (folder / "sub" / "grades.xlsx").write_bytes(b"PK\x03\x04")
    res = run("validate", "--records", folder)
    # a records folder may hold other files (a README, a spreadsheet): they are not records, and not errors
    assert (res.exit_code, res.stdout, res.stderr) == (0, "7 records OK\n", "")


def test_escape_sequences_in_values_never_reach_the_terminal(run, tmp_path):
    # YAML's "\e" escape yields ESC inside a value even though the file itself has none.
    text = GOOD_TEXT.replace("summary: A fixture short inspection.",
                             'summary: "\\e[2J\\e]0;pwned\\a cleared [red]not markup[/red]"')
    folder, _ = one_file(tmp_path, text, "rutland-2022-ilacs-short.yaml")
    for args in (("show", "rutland-2022-ilacs-short"), ("list",), ("export", "--format", "markdown"),
                 ("export",)):
        res = run(*args, "--records", folder)
        assert res.exit_code == 0
        assert "\x1b" not in res.stdout and "\x07" not in res.stdout
    shown = run("show", "rutland-2022-ilacs-short", "--records", folder).stdout
    assert "[2J]0;pwned cleared [red]not markup[/red]" in shown


def test_escape_sequences_in_error_messages_are_stripped(run, tmp_path):
    text = GOOD_TEXT.replace("rutland-2022-ilacs-short", "bad").replace(
        "overall_effectiveness: good", 'overall_effectiveness: "\\e[31mgood"')
    folder, _ = one_file(tmp_path, text)
    res = run("validate", "--records", folder)
    assert res.exit_code == 1 and "\x1b" not in res.stderr
    assert "is not a grade" in res.stderr


# --- property-based: the loader only ever returns records or the project's own problems ----------


def _check(data: bytes) -> None:
    record, problems = load_bytes(data, "fuzz.yaml")
    assert (record is None) == bool(problems)
    assert all(isinstance(p, Problem) and p.file == "fuzz.yaml" for p in problems)
    for p in problems:
        str(p)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data):
    _check(data)


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
    | st.dates().map(str),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(
        ["id", "authority", "name", "kind", "framework", "start", "end", "published", "judgements",
         "overall_effectiveness", "theme", "findings", "text", "themes", "sources", "title", "url", "x"]
    ) | st.text(max_size=8), children, max_size=6),
    max_leaves=25,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(yaml_values)
def test_arbitrary_yaml(value):
    _check(yaml.safe_dump(value, allow_unicode=True).encode("utf-8"))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_near_a_record(noise):
    # Mutations of a valid record: keep its shape, break its content.
    _check((GOOD_TEXT[: len(GOOD_TEXT) // 2] + noise).encode("utf-8", "surrogatepass"))


def test_pure_python_parser_fallback_gives_the_same_records_and_errors(monkeypatch):
    """Without libyaml the reader falls back to PyYAML's pure-Python parser, with the same results."""
    from rotherham_cli.loader import load_records

    with_libyaml = load_records(GOOD).records
    broken_with = {str(p) for p in load_records(BROKEN_DIR).problems}
    monkeypatch.setattr(safeyaml, "_Parser", yaml.SafeLoader)
    assert [r.model_dump() for r in load_records(GOOD).records] == [r.model_dump() for r in with_libyaml]
    assert {str(p) for p in load_records(BROKEN_DIR).problems} == broken_with
    for case in ("duplicate key", "alias bomb", "python tag", "tabs"):
        content, expected = CASES[case]
        _, problems = load_bytes(content, "x.yaml")
        assert expected in str(problems[0]), case


def test_positions_worked_out_later_are_the_positions_read_at_once():
    """A record is read without positions (no problem needs them); asked for later, they are found by
    reading again, and equal those kept while reading, for every shipped record and every broken one."""
    from conftest import RECORDS

    files = sorted(RECORDS.rglob("*.yaml")) + sorted(BROKEN_DIR.rglob("*.yaml"))
    compared = 0
    for path in files:
        data = path.read_bytes()
        try:
            now = safeyaml.read_bytes(data)
        except safeyaml.YamlProblem as exc:
            with pytest.raises(safeyaml.YamlProblem) as later:
                safeyaml.read_bytes(data, positions=False)
            assert (later.value.message, later.value.line, later.value.column) == (exc.message, exc.line, exc.column)
            continue
        lazy = safeyaml.read_bytes(data, positions=False)
        assert lazy.value == now.value
        assert lazy.positions == now.positions and len(now.positions) > 1, path
        compared += 1
    assert compared > 800
