"""`judgements import-report`: the real command on the shared reports and on bad files."""

import pytest
import yaml
from conftest import REPORTS, needs_shared


@needs_shared(REPORTS)
def test_prints_a_draft_that_validates(run, tmp_path):
    res = run("import-report", REPORTS / "rotherham-2014-11-19-sif-inspection.pdf")
    assert res.exit_code == 0, res.stderr
    data = yaml.safe_load(res.stdout)
    assert data["id"] == "rotherham-2014-sif-inspection"
    assert data["judgements"] == {
        "overall_effectiveness": "inadequate", "help_and_protection": "inadequate",
        "children_in_care": "inadequate", "adoption": "requires_improvement", "care_leavers": "inadequate",
        "leadership": "inadequate", "lscb": "inadequate",
    }
    assert tuple(str(data[k]) for k in ("start", "end", "published")) == ("2014-09-16", "2014-10-08", "2014-11-19")
    assert data["inspectors"][0] == {"name": "Sheena Doyle", "role": "lead inspector"}
    assert res.stderr == ""  # a SIF report prints everything the draft needs
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / f"{data['id']}.yaml").write_text(res.stdout)
    assert run("validate", "--records", folder).stdout == "1 record OK\n"


@needs_shared(REPORTS)
def test_output_file_missing_fields_on_stderr(run, tmp_path):
    out = tmp_path / "gateshead-2024-ilacs-short.yaml"
    empty = tmp_path / "no-records"
    empty.mkdir()
    res = run("import-report", REPORTS / "gateshead-2025-01-29.pdf", "--output", out, "--records", empty)
    assert res.exit_code == 0
    assert res.stdout == ""
    assert res.stderr.splitlines() == [
        "Not found in the report: publication date: not printed in the report",
        f"Wrote the draft to {out}; add what is missing, then run 'judgements validate'",
    ]
    data = yaml.safe_load(out.read_text())
    assert data["framework"] == "ilacs_2023" and data["judgements"]["care_leavers"] == "good"
    assert run("validate", "--records", tmp_path).stdout == "1 record OK\n"
    again = run("import-report", REPORTS / "gateshead-2025-01-29.pdf", "--output", out)
    assert (again.exit_code, again.stderr.splitlines()[-1]) == (
        1, f"Error: {out}: already exists; add --force to replace it")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"hello", "not a PDF file"), (b"%PDF-1.7\n1 0 obj <<\n", "the PDF is damaged and cannot be opened")],
)
def test_bad_files_are_one_line(run, tmp_path, content, message):
    f = tmp_path / "x.pdf"
    f.write_bytes(content)
    res = run("import-report", f)
    assert res.exit_code == 1 and res.stdout == ""
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {f}: ") and message in lines[0]


def test_missing_file(run, tmp_path):
    res = run("import-report", tmp_path / "none.pdf")
    assert res.exit_code == 1 and res.stderr.startswith(f"Error: {tmp_path / 'none.pdf'}: ")
