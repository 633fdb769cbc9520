"""Write a record's plain data as YAML in the records' own style (key order kept, no tags)."""

from __future__ import annotations

import re
from typing import Any

import yaml

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block style, key order as given, a list's items under its key (at the key's indent, as libyaml
    writes them), long text folded rather than escaped.

    libyaml's emitter (``yaml.CSafeDumper``) when PyYAML was built with it: it writes a record about
    six times as fast as the pure-Python one, which gives the same bytes and is used otherwise (a test
    holds them equal)."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _DAY.fullmatch(value):
        # A date as people write it (2022-08-12, unquoted); the records' reader takes it as a date.
        return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value)
    style = ">" if len(value) > 90 and "\n" not in value and " " in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump_record(data: dict[str, Any], dumper: type = _Dumper) -> str:
    """YAML text of one record's plain data (as built for or by ``Record.model_dump(mode="json")``).
    ``dumper``: another base with the same representers (a test writes with PyYAML's own emitter)."""
    clean = _clean(data)
    return yaml.dump(clean, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


_DATE_KEYS = ("start", "end", "published", "date")


def _clean(value: Any) -> Any:
    """Leave out empty values (None, [], {}) at every depth: a record states only what it knows.
    A date known only to the year is written as people write it (2018, not '2018')."""
    if isinstance(value, dict):
        return {k: int(v) if k in _DATE_KEYS and isinstance(v, str) and v.isdigit() else _clean(v)
                for k, v in value.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value
