"""Run every example in the README and docs/, and check or refresh (--write) the output it shows.

An example is a fenced block opened with ```console. Each of its lines that starts with "$ " is a
command, and the lines after it, up to the next command or the end of the block, are what it prints
(stdout and stderr together, as a terminal shows them; spaces at the ends of lines do not count):

    ```console
    $ judgements diff 2014 2017
    From rotherham-2014-sif-inspection (2014-09-16) to ...
    ```

A command is `judgements ARGS` (or a path ending in `/judgements`, as `.venv/bin/judgements`), run in
this process on the shipped records at 80 columns without colour, with the record cache in a private
folder. It may start with `NAME=value` settings for its environment, end with `> FILE` (the output goes
to the file) or `| head -n N` (only the first N lines of stdout; stderr shows in full after them, as
in a terminal), and be the last of a chain
`A && B && judgements ARGS`, whose earlier steps (an install, say) are not run: `.ci/run` does those
for real. `head -n N FILE` shows the first lines of a file an earlier command of the block wrote.
Each block runs in a new empty folder in which `tests/` and `records/` are the repository's and
`../shared` the shared material, as in a checkout; a block that names `../shared` is skipped where it
is absent. A block opened with ```console-skip is shown and never run.

    python tools/docs_examples.py           # check every example; exit 1 naming each stale one
    python tools/docs_examples.py --write   # refresh the output of every stale example in place
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import os
import re
import shlex
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FENCE = "```console"
SKIP_FENCE = "```console-skip"
PROMPT = "$ "
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}
UNSET = ("JUDGEMENTS_RECORDS", "JUDGEMENTS_AUTHORITY", "JUDGEMENTS_DEBUG", "JUDGEMENTS_NO_CACHE", "FORCE_COLOR")
LINKED = ("tests", "records")  # the repository's folders a block sees in its working folder
REFRESH = "python tools/docs_examples.py --write"


def doc_files(root: Path = ROOT) -> list[Path]:
    """The Markdown files whose examples are run: the README, CONTRIBUTING and everything in docs/."""
    files = [root / "README.md", root / "CONTRIBUTING.md", *sorted((root / "docs").rglob("*.md"))]
    return [f for f in files if f.is_file()]


@dataclass
class Command:
    line: int  # 1-based line of the "$ " line in its file
    text: str  # the command as written, without the prompt
    shown: list[str] = field(default_factory=list)  # the output the file shows


@dataclass
class Block:
    path: Path
    line: int  # 1-based line of the opening fence
    end: int  # 1-based line of the closing fence
    commands: list[Command]

    def at(self, line: int) -> str:
        """``file:line``, the file relative to the repository where it is in it."""
        return f"{self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path}:{line}"

    @property
    def name(self) -> str:
        return self.at(self.line)

    def needs_shared(self) -> bool:
        return any("../shared" in c.text for c in self.commands)


def blocks(path: Path) -> list[Block]:
    """Every ```console block of a Markdown file, with its commands and the output each shows."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != FENCE:
            i += 1
            continue
        start, commands = i, []
        i += 1
        while i < len(lines) and lines[i].strip() != "```":
            if lines[i].startswith(PROMPT):
                commands.append(Command(i + 1, lines[i][len(PROMPT):].strip()))
            elif commands:
                commands[-1].shown.append(lines[i].rstrip())
            elif lines[i].strip():
                raise ValueError(f"{path}:{i + 1}: a console block must start with a '$ ' command line")
            i += 1
        if i == len(lines):
            raise ValueError(f"{path}:{start + 1}: the console block is never closed")
        if not commands:
            raise ValueError(f"{path}:{start + 1}: a console block with no '$ ' command line")
        found.append(Block(path, start + 1, i + 1, commands))
        i += 1
    return found


def _trimmed(lines: list[str]) -> list[str]:
    lines = [line.rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    return lines


@dataclass
class _Parsed:
    env: dict[str, str]
    args: list[str]
    into: str | None = None  # > FILE
    head: int | None = None  # | head -n N


def _head_count(words: list[str], where: str) -> tuple[int, list[str]]:
    """N and the rest from `head -n N ...` or `head -N ...`."""
    if words[:2] == ["head", "-n"] and len(words) > 2 and words[2].isdigit():
        return int(words[2]), words[3:]
    if len(words) > 1 and re.fullmatch(r"-\d+", words[1]):
        return int(words[1][1:]), words[2:]
    raise ValueError(f"{where}: 'head' takes -n N")


def _parse(text: str, where: str) -> _Parsed:
    lexer = shlex.shlex(text, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    words = list(lexer)
    while "&&" in words:  # the steps before the last install the command: .ci/run does them for real
        words = words[words.index("&&") + 1:]
    head = None
    if "|" in words:
        at = words.index("|")
        head, rest = _head_count(words[at + 1:], where)
        if rest:
            raise ValueError(f"{where}: only '| head -n N' may follow a command")
        words = words[:at]
    into = None
    if ">" in words:
        at = words.index(">")
        if len(words) != at + 2:
            raise ValueError(f"{where}: '> FILE' must end the command")
        into, words = words[at + 1], words[:at]
    env = {}
    while words and re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", words[0]):
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    if words and words[0] == "head":
        count, rest = _head_count(words, where)
        return _Parsed(env, ["head", *rest], into, count)
    if not words or not (words[0] == "judgements" or words[0].endswith("/judgements")):
        raise ValueError(f"{where}: not a judgements command: {text}")
    return _Parsed(env, words[1:], into, head)


def _run_one(parsed: _Parsed) -> str:
    """What a terminal shows of the command."""
    if parsed.args[:1] == ["head"]:  # head -n N FILE: lines of a file the block wrote
        text = "".join(Path(name).read_text(encoding="utf-8") for name in parsed.args[1:])
        return "\n".join(text.splitlines()[: parsed.head])
    from typer.testing import CliRunner

    from rotherham_cli.cli import app

    env: dict[str, str | None] = {name: None for name in UNSET}
    env.update(ENV)
    env.update(parsed.env)
    res = CliRunner().invoke(app, parsed.args, env=env, prog_name="judgements", catch_exceptions=False)
    if parsed.into is not None:
        Path(parsed.into).write_text(res.stdout, encoding="utf-8")
        return res.stderr
    if parsed.head is not None:  # only stdout goes through the pipe
        return "\n".join([*res.stdout.splitlines()[: parsed.head], *res.stderr.splitlines()])
    return res.output


@contextlib.contextmanager
def _checkout() -> Iterator[Path]:
    """A new empty folder laid out like a checkout: tests/ and records/ the repository's, ../shared."""
    with tempfile.TemporaryDirectory(prefix="judgements-docs-") as tmp:
        work = Path(tmp) / "checkout"
        work.mkdir()
        for name in LINKED:
            (work / name).symlink_to(ROOT / name, target_is_directory=True)
        if SHARED.is_dir():
            (Path(tmp) / "shared").symlink_to(SHARED, target_is_directory=True)
        before = Path.cwd()
        os.chdir(work)
        try:
            yield work
        finally:
            os.chdir(before)


@contextlib.contextmanager
def _private_cache(folder: str) -> Iterator[None]:
    """The record cache in ``folder`` while the examples run, as the tests have it."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = folder
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("XDG_CACHE_HOME", None)
        else:
            os.environ["XDG_CACHE_HOME"] = before


def run_block(block: Block) -> list[list[str]]:
    """What each command of the block prints, as lines (spaces at the ends of lines dropped)."""
    outputs = []
    with _checkout():
        for command in block.commands:
            parsed = _parse(command.text, block.at(command.line))
            outputs.append(_trimmed(_run_one(parsed).splitlines()))
    return outputs


def difference(block: Block, outputs: list[list[str]]) -> str:
    """Empty when every command shows what it prints; else a diff per stale command, and how to refresh."""
    parts = []
    for command, printed in zip(block.commands, outputs, strict=True):
        if _trimmed(command.shown) != printed:
            diff = difflib.unified_diff(_trimmed(command.shown), printed, "shown", "printed", lineterm="")
            parts.append(f"{block.at(command.line)}: $ {command.text}\n" + "\n".join(diff))
    if parts:
        parts.append(f"The example at {block.name} is stale: run `{REFRESH}` and review `git diff`.")
    return "\n".join(parts)


def rewrite(block: Block, outputs: list[list[str]]) -> None:
    """Put each command's output into the block, in place."""
    lines = block.path.read_text(encoding="utf-8").splitlines(keepends=True)
    body = []
    for command, printed in zip(block.commands, outputs, strict=True):
        body.append(f"{PROMPT}{command.text}\n")
        body.extend(f"{line}\n" for line in printed)
    lines[block.line: block.end - 1] = body
    block.path.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="refresh every stale example in place")
    parser.add_argument("files", nargs="*", type=Path, help="Markdown files (default: README, CONTRIBUTING, docs/)")
    opts = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    stale = skipped = checked = 0
    with tempfile.TemporaryDirectory(prefix="judgements-docs-cache-") as cache, _private_cache(cache):
        for path in [p.resolve() for p in opts.files] or doc_files():
            # From the last block up, so that rewriting one never moves the lines of those still to do.
            for block in reversed(blocks(path)):
                if block.needs_shared() and not SHARED.is_dir():
                    skipped += 1
                    continue
                checked += 1
                outputs = run_block(block)
                message = difference(block, outputs)
                if not message:
                    continue
                stale += 1
                if opts.write:
                    rewrite(block, outputs)
                    print(f"Refreshed {block.name}")
                else:
                    print(message)
    done = "refreshed" if opts.write else "stale"
    print(f"{checked} examples run, {stale} {done}, {skipped} skipped (no ../shared)", file=sys.stderr)
    return 1 if stale and not opts.write else 0


if __name__ == "__main__":
    sys.exit(main())
