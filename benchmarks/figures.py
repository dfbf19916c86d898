"""Each figure the suite reports, with the baseline it is compared to."""

from __future__ import annotations

import asyncio
import compileall
import json
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
import time
from pathlib import Path

from benchmarks.data import (
    data_bytes,
    finished_records,
    history_store,
    with_one_open_attempt,
    with_promises_waiting,
    write_history,
)
from benchmarks.measure import Figure, timed
from benchmarks.step_words import step_screen_words
from benchmarks.terminal import PROJECT, Terminal

MINIMAL_APP = textwrap.dedent(
    """
    from textual.app import App
    from textual.widgets import Footer, Static

    class Minimal(App):
        def compose(self):
            yield Static("minimal-ready")
            yield Footer()

    Minimal().run()
    """
)


def _first_frame(command: list[str], marker: bytes) -> float:
    """Seconds from starting ``command`` in a terminal until ``marker`` is drawn."""
    with Terminal(command) as terminal:
        terminal.wait_for(marker)
        return time.perf_counter() - terminal.started


def _compile_bytecode() -> None:
    """As after any first run, where Python writes its caches: the bytecode of our modules and of
    the libraries in place. Where PYTHONDONTWRITEBYTECODE is set, every start would otherwise
    compile from source (Textual alone ~3x slower to load), the baseline's too."""
    for folder in (PROJECT / "flows", PROJECT / "tui", Path(sysconfig.get_paths()["purelib"])):
        compileall.compile_dir(folder, quiet=1, workers=0)


def cold_start(workdir: Path, runs: int) -> tuple[Figure, Figure, Figure]:
    _compile_bytecode()
    path = workdir / "startup" / "attempts.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        with_one_open_attempt(path)
    minimal = workdir / "minimal_app.py"
    minimal.write_text(MINIMAL_APP)
    words = workdir / "step_screen_words.json"
    words.write_text(json.dumps(step_screen_words(path)), "utf-8")
    ours = [sys.executable, "-m", "tui", "--db", str(path), "--lang", "en", "--resume"]
    baseline = [sys.executable, str(minimal)]
    widgets_only = [sys.executable, str(PROJECT / "benchmarks" / "widgets_only.py"), str(words)]
    # Interleaved, so a busy moment of the machine hits all alike.
    app_runs, base_runs, widget_runs = [], [], []
    for _ in range(runs):
        base_runs.append(_first_frame(baseline, b"minimal-ready"))
        widget_runs.append(_first_frame(widgets_only, b"1-9"))
        app_runs.append(_first_frame(ours, b"1-9"))
    return (
        Figure("cold start to the step screen", app_runs),
        Figure("minimal Textual app, first frame", base_runs),
        Figure("the step screen's widgets alone, first frame", widget_runs),
    )


# What the ``amazon-contact`` command runs (the script the installer writes does just this).
AMAZON_CONTACT = "import sys; from tui.__main__ import main; sys.exit(main())"


def _run_seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, check=False, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def due_in_a_prompt(
    workdir: Path, size: int, runs: int
) -> tuple[Figure, Figure, Figure, list[float]]:
    """``amazon-contact due``, as a shell prompt runs it, against a bare ``python -c pass``: both
    real processes, interleaved; with the ratio of each pair of runs. For reference, the import
    of msgspec alone, which the one validating reader of our records needs whatever else."""
    _compile_bytecode()
    path = workdir / "due" / "attempts.json"
    if not path.exists():
        write_history(path, finished_records(size))
        with_promises_waiting(path)
    due = [sys.executable, "-c", AMAZON_CONTACT, "due", "--db", str(path), "--lang", "en"]
    bare = [sys.executable, "-c", "pass"]
    reader = [sys.executable, "-c", "import msgspec"]
    due_runs, bare_runs, reader_runs = [], [], []
    for _ in range(runs):
        bare_runs.append(_run_seconds(bare))
        due_runs.append(_run_seconds(due))
        reader_runs.append(_run_seconds(reader))
    return (
        Figure(f"amazon-contact due, {size:,} finished, 4 open", due_runs),
        Figure("python -c pass", bare_runs),
        Figure("python -c 'import msgspec' (the reader's floor)", reader_runs),
        [ours / base for ours, base in zip(due_runs, bare_runs, strict=True)],
    )


STEPS_PER_ATTEMPT = 20  # a long real attempt; then it is given up and a fresh one begins


def step_saves(workdir: Path, sizes: list[int], runs: int) -> list[Figure]:
    """One open attempt at a time, as a person has; finished ones go to the archive untimed."""
    figures = []
    for size in sizes:
        path = history_store(workdir, size)
        session = with_one_open_attempt(path)
        seconds = []
        for run in range(runs):
            if run and run % STEPS_PER_ATTEMPT == 0:
                session.move("give_up")
                session = with_one_open_attempt(path, session.store)
            event = ["transferred", "agent_answered"][run % 2]
            start = time.perf_counter()
            session.move(event)
            seconds.append(time.perf_counter() - start)
        figures.append(Figure(f"save a step, {size:,} finished stored", seconds))
    return figures


def _history_opening(path: Path) -> float:
    """Seconds from pressing h on the start screen until the history's rows are drawn."""
    command = [sys.executable, "-m", "tui", "--db", str(path), "--lang", "en"]
    with Terminal(command) as terminal:
        # The start screen's footer offers the history; with nothing unfinished, the form for a
        # new attempt comes first.
        if terminal.wait_for(b"History", b"Prepare") == b"Prepare":
            terminal.press(b"\x1b")
            terminal.wait_for(b"History")
        pressed = terminal.press(b"h")
        terminal.wait_for(b"CASE-0")  # a case number: the rows are in
        return time.perf_counter() - pressed


def history(workdir: Path, size: int, runs: int) -> tuple[Figure, Figure, Figure]:
    """Opening the history in a real terminal until its rows are drawn; a search keystroke (in
    Pilot, timing the search itself); json.loads of the same data."""
    from flows.store import Store
    from tui.app import AmazonContactApp

    path = history_store(workdir, size)
    blobs = data_bytes(path)
    parse = timed(
        f"json.loads of the same data ({sum(map(len, blobs)) / 2**20:.1f} MB)",
        lambda: [json.loads(b) for b in blobs],
        runs,
    )
    opening, keystrokes = [], []

    async def search_history() -> None:
        app = AmazonContactApp(Store(path), lang="en")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("escape")  # nothing is unfinished: leave the new-attempt form
            await pilot.press("h")
            await app.workers.wait_for_complete()
            await pilot.pause()
            table = app.screen.query_one("DataTable")
            assert table.row_count > 0
            search = app.screen.query_one("#search")
            for query in [
                "c",
                "ca",
                "cas",
                "case",
                "case-",
                "case-0",
                "case-00",
                "case-001",
                "환",
                "환불",
            ]:
                search.value = query
                begin = time.perf_counter()
                app.screen._fill()
                keystrokes.append(time.perf_counter() - begin)

    for _ in range(runs):
        opening.append(_history_opening(path))
        asyncio.run(search_history())
    return (
        Figure(f"open the history, {size:,} attempts, table ready", opening),
        Figure(f"search keystroke, {size:,} attempts", keystrokes),
        parse,
    )


PEAK_OURS = """
import asyncio, sys
from flows.store import Store
from tui.app import AmazonContactApp
async def main():
    app = AmazonContactApp(Store(sys.argv[1]), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("escape")
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("DataTable").row_count > 0
asyncio.run(main())
print(peak_kib())
"""

PEAK_MINIMAL = """
import asyncio
import compileall
import fcntl
from textual.app import App
from textual.widgets import Footer, Static
class Minimal(App):
    def compose(self):
        yield Static("minimal-ready")
        yield Footer()
async def main():
    async with Minimal().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
asyncio.run(main())
print(peak_kib())
"""

# ru_maxrss carries the parent's peak across fork and exec on Linux; VmHWM is this process's own.
PEAK_KIB = """
def peak_kib():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
"""


def peak_memory(workdir: Path, size: int, runs: int) -> tuple[Figure, Figure]:
    path = history_store(workdir, size)

    def peak(script: str, *args: str) -> float:
        out = subprocess.run(
            [sys.executable, "-c", PEAK_KIB + script, *args],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return float(out.split()[-1]) * 1024

    ours = [peak(PEAK_OURS, str(path)) for _ in range(runs)]
    base = [peak(PEAK_MINIMAL) for _ in range(runs)]
    return (
        Figure(f"peak memory, {size:,} attempts, history open", ours, "MB"),
        Figure("peak memory, minimal Textual app", base, "MB"),
    )


def pilot_walk(workdir: Path, runs: int) -> Figure:
    from flows.store import Store
    from tui.app import AmazonContactApp

    route = [
        "signed_in",
        "opened_help",
        "opened_need_more_help",
        "opened_contact_us",
        "see_tabs_and_buttons",
        "chose_tell_us_more",
        "issue_described",
        "chose_chat",
        "agent_answered",
        "ask_for_supervisor",
        "supervisor_joined",
        "problem_solved",
    ]

    async def walk() -> None:
        with tempfile.TemporaryDirectory(dir=workdir) as folder:
            app = AmazonContactApp(Store(Path(folder) / "a.json"), lang="en")
            async with app.run_test(size=(100, 30)) as pilot:
                await pilot.press("down", "ctrl+s")  # a return, on the website
                await pilot.pause()
                for event in route:
                    events = [m.event for m in app.screen.session.moves()]
                    await pilot.press(str(events.index(event) + 1))
                    await pilot.pause()
                await pilot.press("y")
                await pilot.pause()
                assert app.screen.session.attempt.outcome == "resolved"

    return timed("Pilot walk: website route to resolved", lambda: asyncio.run(walk()), runs)
