"""The README and docs/ never go stale: every example's output is what the command prints today, every
command has its page, every link leads somewhere, and the README's test command is the one CI runs."""

from __future__ import annotations

import importlib.util
import re
import sys

import pytest
from conftest import ROOT, SHARED

_spec = importlib.util.spec_from_file_location("docs_examples", ROOT / "tools" / "docs_examples.py")
docs_examples = importlib.util.module_from_spec(_spec)
sys.modules["docs_examples"] = docs_examples
_spec.loader.exec_module(docs_examples)

DOCS = docs_examples.doc_files()
EXAMPLES = [block for path in DOCS for block in docs_examples.blocks(path)]
FENCE = re.compile(r"^ {0,3}(```+|~~~+)\s*([\w-]*)")


def _fenced(path):
    """(line number, info word, lines) of every fenced block of a Markdown file."""
    found, current = [], None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = FENCE.match(line)
        if current is None and m:
            current = (n, m.group(2), [])
        elif current is not None and m and not m.group(2):
            found.append(current)
            current = None
        elif current is not None:
            current[2].append(line)
    return found


def _prose(path):
    """The lines of a Markdown file outside fenced blocks, with their numbers."""
    inside = False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if FENCE.match(line):
            inside = not inside
        elif not inside:
            yield n, line


@pytest.mark.parametrize("block", EXAMPLES, ids=[b.name for b in EXAMPLES])
def test_example_shows_what_the_command_prints(block, monkeypatch):
    if block.needs_shared() and not SHARED.is_dir():
        pytest.skip(f"shared material not present: {SHARED}")
    outputs = docs_examples.run_block(block)
    message = docs_examples.difference(block, outputs)
    assert not message, message


def test_examples_are_found_in_the_readme_and_every_command_page():
    where = {b.path.relative_to(ROOT).as_posix() for b in EXAMPLES}
    pages = sorted((ROOT / "docs" / "commands").glob("*.md"))
    assert "README.md" in where
    assert len(pages) >= 16
    assert [p.name for p in pages if p.relative_to(ROOT).as_posix() not in where] == []


def test_the_readme_quick_start_is_a_tested_example():
    first = next(b for b in EXAMPLES if b.path.name == "README.md")
    assert first.commands[0].text.startswith("python3 -m venv .venv && .venv/bin/pip install")
    assert first.commands[0].text.endswith("&& .venv/bin/judgements list")
    assert any("rotherham-2014-sif-inspection" in line for line in first.commands[0].shown)


def test_no_other_block_shows_a_command_and_its_output():
    """An example in a ```text or ```sh block would never be run: it must be a console block."""
    untested = [f"{path.relative_to(ROOT)}:{n}" for path in DOCS for n, info, lines in _fenced(path)
                if info not in ("console", "console-skip") and any(line.startswith("$ ") for line in lines)]
    assert not untested, f"examples outside a console block, never run: {untested}"


def test_examples_that_count_at_a_date_give_it():
    """england, compare and journeys count as at today by default: an example without --as-at would go
    stale the next day."""
    dated = [f"{block.at(c.line)}: $ {c.text}" for block in EXAMPLES for c in block.commands
             if re.search(r"judgements (england|compare|journeys)\b", c.text) and "--as-at" not in c.text]
    assert not dated, "give these --as-at DATE:\n" + "\n".join(dated)


def test_the_readme_runs_the_tests_as_ci_does():
    ci = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines() if line.strip()]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ci[-1].endswith("python -m pytest && .venv/bin/python -m mypy rotherham_cli")  # the tests decide first
    assert ci[-1] in readme.splitlines()


def test_every_command_has_its_page(run):
    res = run("--help", env={"COLUMNS": "200"})
    section = res.stdout.split("Commands:", 1)[1].split("\n\n", 1)[0]
    commands = [line.split()[0] for line in section.splitlines() if line.strip()]
    index = (ROOT / "docs" / "commands" / "README.md").read_text(encoding="utf-8")
    assert len(commands) >= 16
    missing = [c for c in commands if not (ROOT / "docs" / "commands" / f"{c}.md").is_file()]
    assert not missing, f"commands without a page in docs/commands/: {missing}"
    unlisted = [c for c in commands if f"]({c}.md)" not in index]
    assert not unlisted, f"commands missing from the table of docs/commands/README.md: {unlisted}"


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(path):
    return {_anchor(line.lstrip("#")) for _, line in _prose(path) if line.startswith("#")}


def test_every_link_leads_to_a_file_and_heading_that_exist():
    broken = []
    for path in DOCS:
        for n, line in _prose(path):
            for target in re.findall(r"\]\(([^)\s]+)\)", re.sub(r"`[^`]*`", "", line)):
                if re.match(r"[a-z]+:", target):
                    continue
                name, _, anchor = target.partition("#")
                dest = (path.parent / name).resolve() if name else path
                if not dest.exists() or (anchor and dest.suffix == ".md" and anchor not in _anchors(dest)):
                    broken.append(f"{path.relative_to(ROOT)}:{n}: {target}")
    assert not broken, "links to nothing:\n" + "\n".join(broken)


def test_the_tool_names_a_stale_example_and_refreshes_it(tmp_path, capsys):
    page = tmp_path / "page.md"
    page.write_text(
        "Before.\n\n```console\n$ judgements list -a hul\nError: an old message\n"
        "$ JUDGEMENTS_AUTHORITY=Barnsley judgements validate --records tests/fixtures/records\n```\n\nAfter.\n",
        encoding="utf-8",
    )
    assert docs_examples.main([str(page)]) == 1
    said = capsys.readouterr().out
    assert f"{page}:4: $ judgements list -a hul" in said
    assert "-Error: an old message" in said and "docs_examples.py --write" in said

    assert docs_examples.main(["--write", str(page)]) == 0
    assert page.read_text(encoding="utf-8") == (
        "Before.\n\n```console\n$ judgements list -a hul\n"
        "Error: no authority 'hul'; did you mean Kingston upon Hull?\n"
        "$ JUDGEMENTS_AUTHORITY=Barnsley judgements validate --records tests/fixtures/records\n"
        "7 records OK\n"
        "```\n\nAfter.\n"
    )
    assert docs_examples.main([str(page)]) == 0


@pytest.mark.parametrize("text", ["ls -l", "judgements list | grep Good", "judgements list > a b"])
def test_the_tool_refuses_what_it_cannot_run(text, tmp_path):
    page = tmp_path / "page.md"
    page.write_text(f"```console\n$ {text}\n```\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"page\.md:2"):
        docs_examples.run_block(docs_examples.blocks(page)[0])


def test_the_readme_fits_on_two_screens():
    """What a newcomer needs, on two screens of 50 lines; the reference lives in docs/."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 100, f"README.md has {len(lines)} lines: move the reference to docs/"
