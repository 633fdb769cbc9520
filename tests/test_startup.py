"""The command starts: as `python -m`, installed, and with shell completion."""

import subprocess
import sys

import pytest

# Typer finds the user's shell by walking up the process tree (shellingham), which depends on what
# started the tests; with detection off, `--show-completion bash` names the shell itself.
_ENV = {"PATH": "/usr/bin:/bin", "SHELL": "/bin/bash", "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}


def test_python_dash_m():
    res = subprocess.run([sys.executable, "-m", "rotherham_cli", "--version"], capture_output=True, text=True,
                         check=False)
    assert res.returncode == 0 and res.stdout.startswith("judgements ")


def test_installed_command_lists_shipped_records_from_any_folder(tmp_path):
    """After `pip install .` the console script finds the records inside the package."""
    import shutil
    from pathlib import Path

    exe = Path(sys.executable).with_name("judgements")
    if not exe.exists():
        exe = shutil.which("judgements")
        if exe is None:
            pytest.skip("the judgements console script is not installed in this environment")
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "COLUMNS": "120"}
    res = subprocess.run([str(exe), "list", "--format", "csv"], cwd=tmp_path, capture_output=True, text=True,
                         env=env, check=False)
    assert res.returncode == 0, res.stderr
    assert "rotherham-2014-sif-inspection" in res.stdout
    assert len(res.stdout.splitlines()) >= 12


def test_completion_offers_every_command_and_a_command_s_options():
    """Only the command being run is built, except when the shell asks for completions."""
    def complete(words: str, cword: int) -> str:
        env = {**_ENV, "_JUDGEMENTS_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
        return subprocess.run([sys.executable, "-m", "rotherham_cli"], capture_output=True, text=True, env=env,
                              check=False).stdout

    assert complete("judgements e", 1).split() == ["export", "england"]
    assert set(complete("judgements england --a", 2).split()) == {"--area", "--as-at", "--authority"}
