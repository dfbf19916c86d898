"""From a key press to the redrawn step, in a real terminal: what a person feels at every move.

The app is started on an attempt in contact, with 10 and with 10,000 finished attempts stored,
and the keys for "transferred" and "an agent answered" are pressed in turn: each press is a move
through the machine, a durable save and a redraw. Its baselines, measured in the same run:

- the same step screen drawn and redrawn by Textual alone on the same key, swapping between the
  same two steps' words (``benchmarks/widgets_only.py`` with two screens of words);
- one durable atomic replace of the same bytes (temporary file, fsync, rename, folder fsync).
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

from benchmarks.data import history_store, with_one_open_attempt
from benchmarks.measure import Figure, timed
from benchmarks.step_words import step_screen_words
from benchmarks.terminal import PROJECT, Terminal

STEPS = ("talking_with_agent", "being_transferred")
EVENTS = {"talking_with_agent": "transferred", "being_transferred": "agent_answered"}


def _key_for(path: Path, step: str) -> bytes:
    """The number the step screen shows beside the move that leaves ``step``."""
    from flows.session import Session
    from flows.store import Store

    (attempt,) = Store(path).unfinished()
    assert attempt.step == step, attempt.step
    events = [move.event for move in Session(attempt).moves()]
    return str(events.index(EVENTS[step]) + 1).encode()


def _marker(step: str) -> bytes:
    """Words only that step's own panel draws ("Where you are"): the moves list names the other
    step's title too, so a title would be found before the redraw."""
    from flows import guidance

    return guidance.guidance(step, "en").where[:20].encode()


def _one_move_on(path: Path, workdir: Path) -> Path:
    """A copy of the data with the open attempt one move on, at the second step."""
    from flows.session import Session
    from flows.store import Store

    other = workdir / "one-move-on" / "attempts.json"
    shutil.rmtree(other.parent, ignore_errors=True)
    other.parent.mkdir(parents=True)
    shutil.copy(path, other)
    (attempt,) = Store(other).unfinished()
    Session(attempt, Store(other)).move(EVENTS[STEPS[0]])
    return other


def _presses(command: list[str], keys: list[bytes], presses: int) -> list[float]:
    """Seconds from each key press to the frame that shows the next step's title."""
    seconds = []
    with Terminal(command) as terminal:
        terminal.wait_for(b"1-9")
        for number in range(presses):
            step = STEPS[(number + 1) % 2]
            terminal.settle()
            pressed = terminal.press(keys[number % 2])
            terminal.wait_for(_marker(step))
            seconds.append(time.perf_counter() - pressed)
    return seconds


def key_to_redraw(workdir: Path, sizes: list[int], presses: int, runs: int) -> list[Figure]:
    """The app at each size, then the widgets-only redraw and the atomic replace (baselines)."""
    from flows.datafile import atomic_write

    figures: list[Figure] = []
    screens: Path | None = None
    open_file = b""
    for size in sizes:
        source = history_store(workdir, size)
        seconds: list[float] = []
        for _ in range(runs):
            # A fresh copy each run: the same open attempt at the same step.
            run_path = workdir / f"redraw-{size}" / "attempts.json"
            shutil.rmtree(run_path.parent, ignore_errors=True)
            shutil.copytree(source.parent, run_path.parent)
            with_one_open_attempt(run_path)
            moved = _one_move_on(run_path, workdir)
            keys = [_key_for(run_path, STEPS[0]), _key_for(moved, STEPS[1])]
            if screens is None:
                screens = workdir / "two-steps.json"
                words = [step_screen_words(run_path), step_screen_words(moved)]
                screens.write_text(
                    json.dumps({"screens": words, "keys": keys}, default=bytes.decode)
                )
            command = [sys.executable, "-m", "tui", "--db", str(run_path), "--lang", "en"]
            seconds += _presses([*command, "--resume"], keys, presses)
            open_file = run_path.read_bytes()
        figures.append(Figure(f"key to redrawn step, {size:,} finished stored", seconds))
    assert screens is not None
    words = json.loads(screens.read_text("utf-8"))
    bare = []
    for _ in range(runs):
        command = [sys.executable, str(PROJECT / "benchmarks" / "widgets_only.py"), str(screens)]
        bare += _presses(command, [k.encode() for k in words["keys"]], presses)
    figures.append(Figure("the same redraw by Textual alone", bare))
    probe = workdir / "replace-probe.json"
    figures.append(
        timed(
            f"durable atomic replace of the same {len(open_file):,} bytes",
            lambda: atomic_write(probe, open_file),
            presses * runs,
        )
    )
    return figures
