"""``amazon-contact due`` runs at every shell prompt: it imports nothing it does not use.

Pinned by what a fresh interpreter holds once the command has run, not by its speed (the
benchmarks measure that, against a bare ``python -c pass``): none of the full-screen app
(Textual, Rich, our screens), nor the statechart (python-statemachine, and the asyncio it
brings). It still reads the data through the one validating reader (``flows.store``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tui.conftest import seed

PROJECT = Path(__file__).resolve().parents[2]
NOT_FOR_DUE = ("textual", "rich", "statemachine", "asyncio", "flows.amazon", "tui.app")

# What the installed ``amazon-contact`` script runs, then what it left loaded.
RUN_AND_LIST_MODULES = """
import json, sys
from tui.__main__ import main
sys.argv = ["amazon-contact", *sys.argv[1:]]
try:
    code = main()
finally:
    print("MODULES " + json.dumps(sorted(sys.modules)), file=sys.stderr)
sys.exit(code)
"""


def modules_after(*args: str) -> tuple[int, str, list[str]]:
    result = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST_MODULES, *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    listed = [line for line in result.stderr.splitlines() if line.startswith("MODULES ")]
    assert listed, result.stderr
    return result.returncode, result.stdout, json.loads(listed[-1].removeprefix("MODULES "))


def unwanted(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == p or m.startswith(p + ".") for p in NOT_FOR_DUE)]


@pytest.mark.parametrize("output", ["text", "json", "ics"])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_due_imports_no_screen_and_no_statechart(tmp_path, output, lang):
    path = tmp_path / "attempts.json"
    seed(path).release()
    code, out, modules = modules_after("due", "--db", str(path), "--format", output, "--lang", lang)
    assert code == 1, "the seeded promise is overdue"
    assert ("20261120" if output == "ics" else "2026-11-20") in out, "the promise is listed"
    assert "flows.store" in modules and "msgspec" in modules, "the one validating reader"
    assert unwanted(modules) == []


def test_due_with_no_data_yet_imports_no_screen_and_no_statechart(tmp_path):
    code, _, modules = modules_after("due", "--db", str(tmp_path / "none.json"))
    assert code == 0
    assert unwanted(modules) == []


def test_the_check_sees_the_statechart_and_the_screens():
    # What the full-screen app imports, seen by the same check: it is not blind to them.
    script = "import sys, tui.app; print(' '.join(sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert {"textual", "rich", "statemachine", "asyncio", "flows.amazon"} <= set(unwanted(loaded))
