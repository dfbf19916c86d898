"""The domain layer stands on its own: no terminal UI comes in with it."""

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]

CHECK = """
import importlib, pkgutil, sys
import flows
names = [m.name for m in pkgutil.walk_packages(flows.__path__, "flows.")]
for name in names:
    importlib.import_module(name)
print(len(names))
print(",".join(sorted({m.split(".")[0] for m in sys.modules} & {"textual", "rich", "tui"})))
"""


def test_importing_all_of_flows_loads_no_ui_module():
    result = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=PROJECT, capture_output=True, text=True, check=True
    )
    count, ui_modules = result.stdout.splitlines() + [""] * (2 - len(result.stdout.splitlines()))
    assert int(count) >= 5, "the walk found too few modules to mean anything"
    assert ui_modules == ""
