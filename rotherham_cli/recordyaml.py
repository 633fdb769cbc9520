"""Write a record's plain data as YAML in the records' own style (key order kept, no tags)."""

from __future__ import annotations

from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Block style, key order as given, long text folded rather than escaped."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = ">" if len(value) > 90 and "\n" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump_record(data: dict[str, Any]) -> str:
    """YAML text of one record's plain data (as built for or by ``Record.model_dump(mode="json")``)."""
    clean = {k: v for k, v in data.items() if v not in (None, [], {})}
    return yaml.dump(clean, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)
