"""The record set as one SQLite database, for analysts (Datasette, Power Query, any SQL tool).

Tables, with keys and indexes: ``authorities`` (the register), ``visits``, ``judgements`` (one row
per area), ``findings``, ``recommendations``, ``recommendation_themes`` (one row per theme the rules of
``themes.py`` give a recommendation), ``inspectors`` and ``sources``. The database is built
in memory and handed back as bytes, so the caller writes it like every other output (atomically,
never over a file without --force). ``visits.days_to_publish`` runs from the last day on site to
publication (measures.to_publish); where either day is not known it is NULL and
``days_to_publish_not_known`` says why.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from .identity import authority_slug
from .measures import to_publish
from .models import Record
from .outside import printable
from .themes import recommendation_themes

SCHEMA = """
CREATE TABLE authorities (
    slug TEXT PRIMARY KEY, name TEXT NOT NULL, la_number INTEGER, gss_code TEXT, region TEXT,
    current INTEGER NOT NULL, started TEXT, ended TEXT, successors TEXT, authority_type TEXT
);
CREATE TABLE visits (
    id TEXT PRIMARY KEY, authority_slug TEXT REFERENCES authorities(slug), authority TEXT NOT NULL,
    la_number INTEGER, ons_code TEXT, kind TEXT NOT NULL, kind_label TEXT NOT NULL, graded INTEGER NOT NULL,
    framework TEXT NOT NULL, start TEXT, "end" TEXT, published TEXT, days_to_publish INTEGER,
    days_to_publish_not_known TEXT, theme TEXT, headline TEXT, summary TEXT
);
CREATE TABLE judgements (
    visit_id TEXT NOT NULL REFERENCES visits(id), area TEXT NOT NULL, area_wording TEXT NOT NULL,
    grade TEXT NOT NULL, grade_label TEXT NOT NULL, grade_on_scale TEXT NOT NULL, grade_rank INTEGER NOT NULL,
    PRIMARY KEY (visit_id, area)
);
CREATE TABLE findings (
    visit_id TEXT NOT NULL REFERENCES visits(id), n INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
    quote TEXT, themes TEXT NOT NULL, source_id TEXT, PRIMARY KEY (visit_id, n)
);
CREATE TABLE recommendations (
    visit_id TEXT NOT NULL REFERENCES visits(id), n INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (visit_id, n)
);
CREATE TABLE recommendation_themes (
    visit_id TEXT NOT NULL, n INTEGER NOT NULL, theme TEXT NOT NULL,
    PRIMARY KEY (visit_id, n, theme), FOREIGN KEY (visit_id, n) REFERENCES recommendations(visit_id, n)
);
CREATE TABLE inspectors (
    visit_id TEXT NOT NULL REFERENCES visits(id), n INTEGER NOT NULL, name TEXT NOT NULL, role TEXT,
    PRIMARY KEY (visit_id, n)
);
CREATE TABLE sources (
    visit_id TEXT NOT NULL REFERENCES visits(id), source_id TEXT NOT NULL, title TEXT NOT NULL,
    publisher TEXT NOT NULL, date TEXT, url TEXT, file TEXT, "where" TEXT, facts TEXT,
    PRIMARY KEY (visit_id, source_id)
);
CREATE INDEX visits_authority ON visits(authority_slug, start);
CREATE INDEX visits_kind ON visits(kind);
CREATE INDEX judgements_area_grade ON judgements(area, grade_on_scale);
CREATE INDEX findings_kind ON findings(kind);
CREATE INDEX recommendation_themes_theme ON recommendation_themes(theme);
"""


def _s(value) -> str | None:
    return None if value is None else str(value)


def _insert(db: sqlite3.Connection, table: str, rows) -> None:
    """Insert the rows, their text cleaned as every other output cleans it (render.machine.printable):
    no control or bidirectional-override character reaches the database."""
    rows = [tuple(printable(v) if isinstance(v, str) else v for v in row) for row in rows]
    if rows:
        db.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(rows[0]))})", rows)


def database_bytes(records: Sequence[Record]) -> bytes:
    """The records (and the whole register of authorities) as an SQLite database file's bytes."""
    from . import authorities

    db = sqlite3.connect(":memory:")
    try:
        db.executescript(SCHEMA)
        _insert(db, "authorities", [
            (a.slug, a.name, a.la_number, a.gss, a.region, int(a.current), _s(a.started), _s(a.ended),
             " ".join(a.successors) or None, a.council_type or None) for a in authorities.all_authorities()])
        for r in records:
            a = r.authority
            m = to_publish(r)
            _insert(db, "visits", [(
                r.id, authority_slug(r), a.name, a.la_number, a.ons_code, r.kind.value, r.kind.label,
                int(r.graded), r.framework.value, _s(r.start), _s(r.end), _s(r.published), m.days, m.why_not or None,
                r.theme, r.headline, r.summary)])
            _insert(db, "judgements", [
                (r.id, area.value, r.wording(area), g.value, g.label, g.on_scale.value, g.on_scale.rank)
                for area, g in r.judgements.items()])
            _insert(db, "findings", [
                (r.id, i, f.kind.value, f.text, f.quote, " ".join(f.themes), f.source)
                for i, f in enumerate(r.findings, 1)])
            _insert(db, "recommendations", [(r.id, i, t) for i, t in enumerate(r.recommendations, 1)])
            _insert(db, "recommendation_themes", [
                (r.id, i, theme) for i, t in enumerate(recommendation_themes(r), 1) for theme in t.themes])
            _insert(db, "inspectors", [(r.id, i, p.name, p.role) for i, p in enumerate(r.inspectors, 1)])
            _insert(db, "sources", [
                (r.id, s.id, s.title, s.publisher, _s(s.date), s.url, s.file, s.where, " ".join(s.facts) or None)
                for s in r.sources])
        db.commit()
        return db.serialize()
    finally:
        db.close()
