"""The benchmark suite runs (quick mode) and reports every figure; no timing is asserted here."""

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def test_the_quick_benchmark_runs_and_reports_every_figure():
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"],
        cwd=PROJECT,
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    for figure in (
        "cold start to the step screen",
        "minimal Textual app",
        "the step screen's widgets alone",
        "x of widgets alone",
        "amazon-contact due",
        "x of python -c pass",
        "x a bare python -c pass (median of",
        "the same redraw by Textual alone",
        "durable atomic replace of the same",
        "key to redrawn step, 10 finished",
        "x of bare + replace",
        "save a step, 10 finished",
        "json.loads of the same data",
        "open the history",
        "search keystroke",
        "peak memory",
        "Pilot walk",
    ):
        assert figure in result.stdout, figure
    assert result.stdout.count("x of") >= 8, "ratios against the baselines are printed"
