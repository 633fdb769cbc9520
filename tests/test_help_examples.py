"""Every command's --help, and every example its help shows, run as written (in a temporary folder
holding the files the examples name, taken from ../shared): each exits 0 and prints or writes something
a reader can use. An example that stopped working would be a lie in the help."""

from __future__ import annotations

import glob
import re
import shlex
import shutil

import pytest
from conftest import GOOD, OFFICIAL, REPORTS, needs_shared

from rotherham_cli.cli import app

COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)
# The files the examples name, and where the shared material holds one like it.
FILES = {
    "LA_Inspection_Outcomes_as_at_31_March_2025.ods": OFFICIAL / "LA_Inspection_Outcomes_as_at_31_March_2025.ods",
    "outcomes.ods": OFFICIAL / "LA_Inspection_Outcomes_as_at_31_March_2025.ods",
    "underlying_data_2023.ods": OFFICIAL / "Childrens_social_care_in_England_2023_underlying_data.ods",
    "report.pdf": REPORTS / "barnsley-2018-11-19.pdf",
    "leeds-2025-08-12.pdf": REPORTS / "leeds-2025-08-12.pdf",
    "reports/barnsley-2018-11-19.pdf": REPORTS / "barnsley-2018-11-19.pdf",
    "reports/leeds-2025-08-12.pdf": REPORTS / "leeds-2025-08-12.pdf",
}


def examples(help_text: str) -> list[str]:
    return [line.strip() for line in help_text.split("Examples:", 1)[1].splitlines() if line.strip()]


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_exits_0_and_shows_examples_that_use_the_command(run, command):
    res = run(*([command] if command else []), "--help")
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith("Usage: judgements")
    shown = examples(res.stdout)
    assert shown and all(e.startswith(f"judgements {command}".strip()) or e.startswith("judgements ") for e in shown)


def test_help_names_true_defaults(run):
    """Commands that cover every authority say so; those that follow the home authority say that."""
    for command in ("export", "check", "journeys", "import-official", "england"):
        text = " ".join(run(command, "--help").stdout.split())
        option = text.split("--authority NAME", 1)[1].split("Default: every authority.", 1)
        assert len(option) == 2 and "home authority" not in option[0], command
    for command in ("list", "show", "diff", "timeline"):
        assert "Default: the home authority" in " ".join(run(command, "--help").stdout.split()), command
    england = " ".join(run("england", "--help").stdout.split())
    assert "[default: overall_effectiveness]" not in england


@needs_shared(REPORTS)
@needs_shared(OFFICIAL)
@pytest.mark.parametrize("command", COMMANDS)
def test_every_example_in_the_help_runs(run, command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name, source in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, tmp_path / name)
    shutil.copytree(GOOD, tmp_path / "my-records")
    for example in examples(run(command, "--help").stdout):
        line = example.split("#", 1)[0]
        words = shlex.split(line)[1:]
        target = None
        if ">" in words:
            words, target = words[: words.index(">")], words[words.index(">") + 1]
        words = [w for word in words for w in (sorted(glob.glob(word)) if "*" in word else [word])]
        res = run(*words)
        assert res.exit_code == 0, f"{example}: {res.stderr}"
        if target:
            (tmp_path / target).write_text(res.stdout, encoding="utf-8")
        wrote = re.findall(r"(?:--output|-o) (\S+)", line)
        if wrote:
            assert all((tmp_path / w).exists() for w in wrote), example
        else:
            assert (res.stdout + res.stderr).strip(), f"{example}: said nothing"
