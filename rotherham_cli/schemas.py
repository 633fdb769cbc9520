"""The JSON Schemas `schema` prints: of a record (the YAML files), or of the JSON that `diff`, `timeline`
and `check` write with --format json (their stable interfaces)."""

from __future__ import annotations

from .choices import SchemaOf


def json_schema(what: SchemaOf) -> dict:
    if what is SchemaOf.record:
        from .models import Record

        data = Record.model_json_schema()
    elif what is SchemaOf.diff:
        from .diff import DiffJSON

        data = DiffJSON.model_json_schema(by_alias=True)
    elif what is SchemaOf.timeline:
        from .timeline import TimelineJSON

        data = TimelineJSON.model_json_schema(by_alias=True)
    else:  # a list of disagreements
        from pydantic import TypeAdapter

        from .official import DisagreementRow

        data = TypeAdapter(list[DisagreementRow]).json_schema(by_alias=True)
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["title"] = "judgements visit record" if what is SchemaOf.record else f"judgements {what.value} --format json"
    return data
