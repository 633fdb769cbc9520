"""A strict YAML reader for records: plain data only, with the position of every value.

Records are hand-edited and shared, so this reader builds values from PyYAML's event stream
itself instead of using a constructor. That way:

- anchors, aliases and tags are refused at the first event that has one, before anything is
  expanded or constructed (no "billion laughs", no ``!!python/object``);
- a key given twice in one mapping is an error, not silently the last value;
- every value keeps its 1-based line and column, so an error can name where it is;
- scalars stay strings (or None); the models decide what a string means (a date, a number).

libyaml's parser (``yaml.CParser``) is used when PyYAML was built with it; the pure-Python
parser otherwise. Only the standard library and PyYAML are imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from .files import MAX_BYTES

# libyaml's parser when PyYAML was built with it, the pure-Python one otherwise. Only the parser
# half of the loader is used (``get_event``): nothing is ever constructed from tags.
_Parser = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
LIBYAML = _Parser is not yaml.SafeLoader

# Limits: records are short documents; anything far beyond these is a mistake or an attack.
MAX_DEPTH = 20  # nesting of mappings and sequences
MAX_SCALAR = 20_000  # characters in one value
MAX_NODES = 50_000  # values in one file

_NULLS = {"", "~", "null", "Null", "NULL"}

Path = tuple  # a path into the document: keys and list indexes


@dataclass
class YamlProblem(Exception):
    """A document that is not acceptable plain YAML. Line and column are 1-based (0 = unknown)."""

    message: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        return self.message


class Document:
    """The plain value of a document and the position of each part of it (worked out on first use
    where the document was read without them)."""

    def __init__(self, value: object, positions: dict[Path, tuple[int, int]] | None = None,
                 text: str | None = None):
        self.value = value
        self._positions = positions
        self._text = text

    @property
    def positions(self) -> dict[Path, tuple[int, int]]:
        if self._positions is None:
            self._positions = parse(self._text).positions if self._text else {}
        return self._positions

    def position(self, path: Path) -> tuple[int, int]:
        """The position of the value at path, or of its nearest ancestor that has one."""
        positions = self.positions
        path = tuple(path)
        while path:
            if path in positions:
                return positions[path]
            path = path[:-1]
        return positions.get((), (1, 1))

    def key_position(self, path: Path) -> tuple[int, int]:
        """Where the key of a mapping entry is written (for unknown or missing keys)."""
        return self.positions.get(("<key>", *path)) or self.position(path)


def load_plain(text: str) -> Any:
    """A data file of the package's own (data/*.yaml), trusted, as plain values: with libyaml's safe loader
    where PyYAML has it (a tenth of the pure-Python one's time: 4 ms of every `list` went on coverage.yaml)."""
    return yaml.load(text, Loader=_Parser)  # _Parser is a safe loader (CSafeLoader or SafeLoader)


def _pos(mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def decode(data: bytes) -> str:
    """Bytes of a record file as text: UTF-8 only, no byte-order mark, no NUL or control bytes."""
    if data.startswith(b"\xef\xbb\xbf") or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise YamlProblem("starts with a byte-order mark; save the file as UTF-8 without BOM", 1, 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem("is not UTF-8 text (binary or another encoding)", line, col) from None
    bad = _CONTROL.search(text)
    if bad:
        i = bad.start()
        line = text.count("\n", 0, i) + 1
        col = i - (text.rfind("\n", 0, i) + 1) + 1
        raise YamlProblem(f"holds a control character (U+{ord(text[i]):04X})", line, col)
    return text


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_OPEN = {yaml.MappingStartEvent: dict, yaml.SequenceStartEvent: list}
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def parse(text: str, positions: bool = True) -> Document:
    """Parse one YAML document into plain dicts, lists, strings and None, with positions.

    Without ``positions`` the document works them out when first asked (by parsing again): a record
    with no problem never needs them. Errors in the YAML itself always come with their position.

    The loop runs once per event of every record, so it is written for speed: one test of the event's
    class per kind, positions made only where they are kept.
    """
    where: dict[Path, tuple[int, int]] = {}
    # The container being built, its path, the key waiting for its value and the keys seen (with
    # their lines); the containers around it on the stack.
    stack: list[tuple] = []
    container: Any = None  # None, then the list or dict being built (told apart by its class, for speed)
    path: Path = ()
    key: object = _NO_KEY
    seen: dict = {}
    root: list[object] = []
    nodes = 0
    documents = 0

    try:
        parser = _Parser(text)
        get_event = parser.get_event
        try:
            while True:
                event = get_event()
                if event is None:
                    break
                kind = event.__class__
                if kind is _SCALAR or kind in _OPEN:
                    mark = event.start_mark
                    if event.anchor:
                        raise YamlProblem(f"uses a YAML anchor (&{event.anchor}); records may not use anchors or "
                                          "aliases", *_pos(mark))
                    if event.tag is not None:
                        raise YamlProblem(f"uses a YAML tag ({event.tag}); records hold plain data only", *_pos(mark))
                    nodes += 1
                    if nodes > MAX_NODES:
                        raise YamlProblem(f"has more than {MAX_NODES} values", *_pos(mark))
                    if kind is _SCALAR:
                        value = event.value
                        if len(value) > MAX_SCALAR:
                            raise YamlProblem(f"has a value longer than {MAX_SCALAR} characters", *_pos(mark))
                        # A plain scalar's style is None with the pure-Python parser, '' with libyaml.
                        if not event.style and event.implicit[0] and value in _NULLS:
                            value = None
                    else:
                        if len(stack) >= MAX_DEPTH:
                            raise YamlProblem(f"is nested more than {MAX_DEPTH} levels deep", *_pos(mark))
                        value = _OPEN[kind]()
                    # Attach the value to the container being built.
                    here: Path | None = None
                    if container is None:
                        root.append(value)
                        here = ()
                    elif container.__class__ is list:
                        if positions:
                            here = (*path, len(container))
                        container.append(value)
                    elif key is _NO_KEY:  # a mapping's key
                        if value.__class__ is not str:
                            raise YamlProblem("a mapping key must be a plain word", *_pos(mark))
                        if value in seen:
                            raise YamlProblem(f"key '{value}' is given twice in one mapping (first at line "
                                              f"{seen[value]})", *_pos(mark))
                        seen[value] = mark.line + 1
                        key = value
                        if positions:
                            where[("<key>", *path, value)] = _pos(mark)
                    else:  # a mapping's value
                        if positions:
                            here = (*path, key)
                        container[key] = value
                        key = _NO_KEY
                    if here is not None:
                        where[here] = _pos(mark)
                    if kind is not _SCALAR:
                        stack.append((container, path, key, seen))
                        # (here is None only where positions are not kept, and path is then not used)
                        container, path, key, seen = value, here or (), _NO_KEY, {}
                elif kind in _CLOSE:
                    container, path, key, seen = stack.pop()
                elif kind is _ALIAS:
                    raise YamlProblem("uses a YAML alias (*name); records may not use anchors or aliases",
                                      *_pos(event.start_mark))
                elif kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise YamlProblem("holds more than one YAML document", *_pos(event.start_mark))
        finally:
            dispose = getattr(parser, "dispose", None)
            if dispose:
                dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _pos(mark) if mark else (0, 0)
        what = exc.problem or exc.context or "is not valid YAML"
        lines = text.splitlines()
        bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
        if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())] or "\\t" in what:
            what = f"{what} (indent with spaces, not tabs)"
        raise YamlProblem(f"is not valid YAML: {what}", line, col) from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses (U+FFFE, say): found by its offset
        before = text[: exc.position]
        line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        raise YamlProblem(f"is not valid YAML: the character U+{exc.character:04X} is not allowed in YAML", line,
                          col) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"is not valid YAML: {exc}") from None
    except RecursionError:  # pragma: no cover - depth is bounded above
        raise YamlProblem(f"is nested more than {MAX_DEPTH} levels deep") from None
    return Document(root[0] if root else None, where if positions else None, None if positions else text)


class _NoKey:
    def __repr__(self) -> str:  # pragma: no cover
        return "<no key>"


_NO_KEY = _NoKey()


def read_bytes(data: bytes, positions: bool = True) -> Document:
    """A record file's bytes as a document (see :func:`parse` for ``positions``)."""
    if len(data) > MAX_BYTES:
        raise YamlProblem(f"is larger than the {MAX_BYTES // 1000} kB limit for a record ({len(data)} bytes)")
    if not data.strip():
        raise YamlProblem("is empty", 1, 1)
    return parse(decode(data), positions)
