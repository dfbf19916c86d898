"""`uv run python -m benchmarks [--quick]`: figures and ratios against baselines from this run."""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks import figures, redraw
from benchmarks.measure import Figure


def row(
    figure: Figure, baseline: Figure | None = None, goal: float | None = None, label: str = ""
) -> str:
    ratio = figure.median / baseline.median if baseline else None
    verdict = ""
    if goal is not None and ratio is not None:
        verdict = f"goal <= {goal:g}x: {'met' if ratio <= goal else 'MISSED'}"
    shown_ratio = f"{ratio:6.2f}x {label}" if ratio is not None else ""
    return f"  {figure.name:<48} {figure.shown()}  {shown_ratio:<24} {verdict}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="small sizes, one run each: a smoke test"
    )
    args = parser.parse_args(argv)
    quick = args.quick
    runs = 1 if quick else 7
    sizes = [10, 100] if quick else [10, 1_000, 10_000]
    big = sizes[-1]
    print(
        f"amazon-contact benchmarks ({'quick' if quick else 'full'}): Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"
    )
    with tempfile.TemporaryDirectory(prefix="amazon-contact-bench-") as folder:
        work = Path(folder)
        print("\nStart-up (real process in a terminal)")
        app, minimal, widgets_only = figures.cold_start(work, max(runs, 3) if not quick else 1)
        print(row(minimal))
        print(row(widgets_only, minimal, None, "of minimal"))
        print(row(app, minimal, None, "of minimal"))
        # Judged against the same screen drawn by Textual alone (DEVELOPERS.md).
        print(row(app, widgets_only, 1.1, "of widgets alone"))

        print("\n`due` in a shell prompt (real processes)")
        due, bare, reader, ratios = figures.due_in_a_prompt(work, big, 3 if quick else 21)
        print(row(bare))
        print(row(reader, bare, None, "of python -c pass"))
        print(row(due, bare, 4.0, "of python -c pass"))
        print(
            f"  due: {statistics.median(ratios):.1f}x a bare python -c pass (median of "
            f"{len(ratios)} runs, each against the bare start just before it: "
            f"{min(ratios):.1f}x to {max(ratios):.1f}x)"
        )

        print("\nA move: key press to the redrawn step (real process in a terminal)")
        *moves, bare, replace = redraw.key_to_redraw(
            work, [sizes[0], big], 4 if quick else 20, 1 if quick else 3
        )
        print(row(bare))
        print(row(replace))
        for figure in moves:
            print(row(figure, moves[0], 1.2 if figure is moves[-1] else None, f"of {sizes[0]}"))
        both = Figure("the bare redraw plus the replace", [bare.median + replace.median])
        print(row(moves[-1], both, 1.25, "of bare + replace"))

        print("\nThe save itself (the move through the machine and the durable write)")
        saves = figures.step_saves(work, sizes, 5 if quick else 200)
        for figure in saves:
            print(row(figure, saves[0], None, f"of {sizes[0]}"))

        print(f"\nHistory with {big:,} attempts")
        opening, keystroke, parse = figures.history(work, big, 1 if quick else 5)
        print(row(parse))
        print(row(opening, parse, 2.0, "of json.loads"))
        frame = Figure("one frame (16 ms)", [0.016])
        print(row(keystroke, frame, 1.0, "of a frame"))
        ours, base = figures.peak_memory(work, big, 1 if quick else 3)
        print(row(base))
        print(row(ours, base, 2.0, "of minimal"))

        print("\nA whole walk, for regressions")
        print(row(figures.pilot_walk(work, 1 if quick else 3)))
    print(
        "\nMedians of several runs; ± is half the range of the runs (of the middle 80 % from ten runs on)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
