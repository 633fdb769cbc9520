"""The listing served from the cache: the same bytes as the full path, and nothing heavy imported."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from conftest import GOOD, RECORDS

from rotherham_cli.listing import list_layout, plain_table, visit_of
from rotherham_cli.loader import load_records


def _rich(visits, width):
    from rich.console import Console

    from rotherham_cli.render.tables import list_table

    buf = io.StringIO()
    Console(file=buf, width=width, color_system=None, force_terminal=False, highlight=False, emoji=False,
            no_color=True).print(list_table(visits, width), soft_wrap=True)
    return "\n".join(line.rstrip(" ") for line in buf.getvalue().splitlines()) + "\n"


@pytest.mark.parametrize("width", [40, 80, 120, 200])
@pytest.mark.parametrize("folder", [RECORDS, GOOD])
def test_plain_table_is_what_rich_prints_without_colour(folder, width):
    visits = sorted((visit_of(r) for r in load_records(folder).records), key=lambda v: v.sort_key)
    assert plain_table(list_layout(visits, width)) == _rich(visits, width)


def _probe(args, env):
    code = (f"import sys; sys.argv = ['judgements', *{args!r}]\nfrom rotherham_cli.cli import main\ntry:\n"
            "    main()\nexcept SystemExit:\n    pass\nheavy = sorted({m.split('.')[0] for m in sys.modules} & "
            "{'rich', 'pydantic', 'yaml'})\nsys.stderr.write('HEAVY=' + ','.join(heavy) + '\\n')")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "120", **env})


def test_a_second_list_needs_neither_pydantic_yaml_nor_rich(tmp_path):
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    cold = _probe(["list"], env)
    warm = _probe(["list"], env)
    assert "HEAVY=\n" in warm.stderr, warm.stderr
    assert warm.stdout == cold.stdout
    assert "rotherham-2025-ilacs-short" in warm.stdout
    for args in (["list", "-a", "all", "-f", "csv"], ["list", "-a", "Barnsley", "--kind", "graded"],
                 ["list", "-a", "region:London", "--since", "2020", "-f", "markdown"]):
        first, second = _probe(args, env), _probe(args, env)
        assert second.stdout == first.stdout and second.stdout
        assert "HEAVY=\n" in second.stderr, (args, second.stderr)


def test_a_changed_file_is_never_served_stale(tmp_path):
    import shutil

    folder = tmp_path / "records"
    shutil.copytree(GOOD, folder)
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    args = ["list", "--records", str(folder), "-a", "all", "-f", "csv"]
    _probe(args, env)
    assert "A fixture short inspection" in _probe(args, env).stdout
    f = folder / "rutland-2022-ilacs-short.yaml"
    f.write_text(f.read_text().replace("summary: A fixture short inspection.", "summary: Changed words."))
    after = _probe(args, env)
    assert "Changed words." in after.stdout and "A fixture short inspection" not in after.stdout
    f.write_text(f.read_text().replace("kind: ilacs_short", "kind: nonsense"))
    broken = _probe(args, env)
    assert "rutland-2022-ilacs-short.yaml:6:7: kind:" in broken.stderr
    again = _probe(args, env)  # a problem is reported warm as cold
    assert "rutland-2022-ilacs-short.yaml:6:7: kind:" in again.stderr
