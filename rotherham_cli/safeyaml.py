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
from dataclasses import dataclass, field

import yaml

# libyaml's parser when PyYAML was built with it, the pure-Python one otherwise. Only the parser
# half of the loader is used (``get_event``): nothing is ever constructed from tags.
_Parser = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
LIBYAML = _Parser is not yaml.SafeLoader

# Limits: records are short documents; anything far beyond these is a mistake or an attack.
MAX_BYTES = 1_000_000  # one record file
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


@dataclass
class Document:
    """The plain value of a document and the position of each part of it."""

    value: object
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path) -> tuple[int, int]:
        """The position of the value at path, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))

    def key_position(self, path: Path) -> tuple[int, int]:
        """Where the key of a mapping entry is written (for unknown or missing keys)."""
        return self.positions.get(("<key>", *path)) or self.position(path)


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


def parse(text: str) -> Document:
    """Parse one YAML document into plain dicts, lists, strings and None, with positions."""
    positions: dict[Path, tuple[int, int]] = {}
    # A stack of containers being built: [container, path, pending_key, keys_seen]
    stack: list[list] = []
    root: list[object] = []
    nodes = 0
    documents = 0

    def add(value: object, pos: tuple[int, int], is_key_scalar: bool = False) -> Path | None:
        """Attach a finished value to the container on top of the stack. Returns its path."""
        if not stack:
            root.append(value)
            positions[()] = pos
            return ()
        top = stack[-1]
        container, path = top[0], top[1]
        if isinstance(container, list):
            p = (*path, len(container))
            container.append(value)
            positions[p] = pos
            return p
        # mapping
        if top[2] is _NO_KEY:
            if not isinstance(value, str):
                raise YamlProblem("a mapping key must be a plain word", *pos)
            if value in top[3]:
                first = top[3][value]
                raise YamlProblem(
                    f"key '{value}' is given twice in one mapping (first at line {first[0]})", *pos
                )
            top[3][value] = pos
            top[2] = value
            positions[("<key>", *path, value)] = pos
            return None
        key = top[2]
        top[2] = _NO_KEY
        p = (*path, key)
        container[key] = value
        positions[p] = pos
        return p

    try:
        parser = _Parser(text)
        try:
            while True:
                event = parser.get_event()
                if event is None:
                    break
                kind = type(event)
                if kind in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
                    continue
                if kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise YamlProblem("holds more than one YAML document", *_pos(event.start_mark))
                    continue
                pos = _pos(event.start_mark)
                if kind is yaml.AliasEvent:
                    raise YamlProblem("uses a YAML alias (*name); records may not use anchors or aliases", *pos)
                if getattr(event, "anchor", None):
                    raise YamlProblem(
                        f"uses a YAML anchor (&{event.anchor}); records may not use anchors or aliases", *pos
                    )
                tag = getattr(event, "tag", None)
                if tag is not None:
                    raise YamlProblem(f"uses a YAML tag ({tag}); records hold plain data only", *pos)
                nodes += 1
                if nodes > MAX_NODES:
                    raise YamlProblem(f"has more than {MAX_NODES} values", *pos)
                if kind is yaml.ScalarEvent:
                    value = event.value
                    if len(value) > MAX_SCALAR:
                        raise YamlProblem(f"has a value longer than {MAX_SCALAR} characters", *pos)
                    # A plain scalar's style is None with the pure-Python parser, '' with libyaml: one meaning.
                    if not event.style and event.implicit[0] and value in _NULLS:
                        value = None
                    add(value, pos)
                elif kind in (yaml.MappingStartEvent, yaml.SequenceStartEvent):
                    if len(stack) >= MAX_DEPTH:
                        raise YamlProblem(f"is nested more than {MAX_DEPTH} levels deep", *pos)
                    container: object = {} if kind is yaml.MappingStartEvent else []
                    if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is _NO_KEY:
                        raise YamlProblem("a mapping key must be a plain word", *pos)
                    path = add(container, pos)
                    stack.append([container, path, _NO_KEY, {}])
                elif kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                    stack.pop()
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
    return Document(root[0] if root else None, positions)


class _NoKey:
    def __repr__(self) -> str:  # pragma: no cover
        return "<no key>"


_NO_KEY = _NoKey()


def read_bytes(data: bytes) -> Document:
    if len(data) > MAX_BYTES:
        raise YamlProblem(f"is larger than the {MAX_BYTES // 1000} kB limit for a record ({len(data)} bytes)")
    if not data.strip():
        raise YamlProblem("is empty", 1, 1)
    return parse(decode(data))
