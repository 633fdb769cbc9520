"""The one load path: a record's folder and its authority agree, and the check for two records of one
visit finds the same pairs as comparing every pair, at any size."""

from __future__ import annotations

import shutil

from conftest import GOOD, RECORDS

from rotherham_cli import identity
from rotherham_cli.loader import load_records


def test_a_record_filed_in_another_authoritys_folder_is_refused(run, tmp_path):
    """`show latest` and `report` find an authority's records by their authority; a record in another's
    folder would pass validate and then disagree with them."""
    folder = tmp_path / "records"
    shutil.copytree(RECORDS / "rotherham", folder / "rotherham")
    shutil.copytree(RECORDS / "barnsley", folder / "barnsley")
    shutil.move(folder / "barnsley" / "barnsley-2023-ilacs-short.yaml", folder / "rotherham")
    res = run("validate", "--records", folder)
    assert res.exit_code == 1
    line = res.stderr.splitlines()[0]
    assert line.startswith(f"{folder}/rotherham/barnsley-2023-ilacs-short.yaml:")
    assert "authority.name: the record is of Barnsley but filed in the folder of another authority" in line
    assert "move it to 'barnsley/'" in line


def test_a_folder_not_laid_out_by_authority_is_not_checked(run, tmp_path):
    folder = tmp_path / "mine" / "inspections"
    shutil.copytree(GOOD, folder)
    assert run("validate", "--records", folder.parent).stdout == "7 records OK\n"


def _brute_force(records):
    """Every later record that is one visit with an earlier one, paired with the first such, by trying
    every pair in order (what the loader did before it sorted by date)."""
    out = []
    for i, later in enumerate(records):
        for earlier in records[:i]:
            if identity.distance(earlier, later) is not None:
                out.append((earlier.id, later.id))
                break
    return out


def test_same_visit_pairs_are_those_every_pair_would_find():
    """The shipped set, each of 40 records twice (a copy with another id), compared both ways."""
    records = load_records(RECORDS).records
    twins = [r.model_copy(update={"id": r.id + "-copy"}) for r in records[::21]]
    mixed = [*records[:400], *twins, *records[400:]]
    pairs = [(a.id, b.id) for a, b in identity.same_visit_pairs(mixed)]
    assert pairs == _brute_force(mixed)
    assert len(pairs) == len(twins)
