"""The real app in a real terminal, killed at random moments: nothing confirmed is ever lost.

Each round starts `amazon-contact` under a pseudo-terminal on the same data file, resumes the
attempt, takes a few moves and notes (each confirmed by reading the store), and is killed with
SIGKILL or SIGHUP (the terminal closing) at a random moment, often in the middle of a save.
"""

from __future__ import annotations

import random
import signal
import sys
import time
from pathlib import Path

from benchmarks.terminal import Terminal
from flows.session import Session
from flows.steps import FINAL_STATE_IDS
from flows.store import Store
from tests.posix import posix_only

PROJECT = Path(__file__).resolve().parents[2]
ROUNDS = 30
WAIT = 20.0  # seconds: generous for a loaded two-core CI machine; never slept through


def app_in_terminal(data_file: Path) -> Terminal:
    return Terminal([sys.executable, "-m", "tui", "--db", str(data_file), "--lang", "en"])


def stored(data_file: Path):
    attempts = Store(data_file).unfinished()
    return attempts[0] if attempts else None


def wait_until(condition) -> bool:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_killed_at_random_the_app_resumes_with_everything_confirmed(tmp_path):
    data_file = tmp_path / "attempts.json"
    rng = random.Random(4331)
    confirmed_steps = confirmed_notes = 0
    kills = {"in flight": 0, "at rest": 0, "SIGKILL": 0, "SIGHUP": 0}
    for round_number in range(ROUNDS):
        with app_in_terminal(data_file) as app:
            before = stored(data_file)
            if before is None:
                app.wait_for(b"Prepare", timeout=WAIT)
                # ctrl+s twice: with no outcome chosen the first only asks; then the website route
                app.press("\x13")
                app.press("\x13")
                assert wait_until(lambda: stored(data_file) is not None)
            else:
                app.wait_for(b"Unfinished", timeout=WAIT)
                app.press("\r")  # resume the attempt listed first
            app.wait_for(b"1-9", timeout=WAIT)
            pending = None
            for _ in range(rng.randint(0, 4)):
                attempt = stored(data_file)
                if rng.random() < 0.3:
                    app.press(f"nnote {round_number}\r")
                    pending = ("note", len(attempt.notes) + 1)
                else:
                    moves = [
                        m
                        for m in Session(attempt).moves()
                        if m.target not in FINAL_STATE_IDS and m.event != "promise_made"
                    ]
                    number = [m.event for m in Session(attempt).moves()].index(
                        rng.choice(moves).event
                    ) + 1
                    app.press(str(number))
                    pending = ("step", len(attempt.timeline) + 1)
                if rng.random() < 0.25:
                    break  # killed while this change is being saved, or just before
                kind, count = pending

                def saved(kind: str = kind, count: int = count) -> bool:
                    attempt = stored(data_file)
                    return len(attempt.notes if kind == "note" else attempt.timeline) >= count

                assert wait_until(saved), (
                    f"round {round_number}: the {kind} was never saved\n{app.screen_text()}"
                )
                pending = None
            before_kill = stored(data_file)
            how = rng.choice([signal.SIGKILL, signal.SIGHUP])
            kills["in flight" if pending else "at rest"] += 1
            kills[how.name] += 1
            app.kill(how, timeout=WAIT)
        after = stored(data_file)
        # Everything confirmed is there; at most the one change in flight was added.
        assert after is not None
        assert len(before_kill.timeline) <= len(after.timeline) <= len(before_kill.timeline) + 1
        assert len(before_kill.notes) <= len(after.notes) <= len(before_kill.notes) + 1
        assert after.timeline[: len(before_kill.timeline)] == before_kill.timeline
        assert Session(after).moves(), "resumable: the step still offers its moves"
        confirmed_steps, confirmed_notes = len(after.timeline), len(after.notes)
    assert confirmed_steps + confirmed_notes > ROUNDS, "the rounds did real work"
    assert kills["in flight"] >= 3, kills
    print(f"\n{ROUNDS} kills: {kills}; {confirmed_steps} steps and {confirmed_notes} notes kept")
    # Whatever temporary files the kills left, the next save clears them.
    store = Store(data_file)
    Session.resume(store, store.unfinished()[0].id).add_note("after the kills")
    assert not list(tmp_path.glob(".attempts.json.*.tmp"))


CRASHING = """
import sys
import tui.screens.step as step

def broken(self, *args):
    secret = "PRIVATE-NOTE-9381"  # as a value the program held when it failed
    raise RuntimeError("a bug, holding " + secret + " and " + self.session.attempt.summary)

step.StepScreen.action_map = broken
sys.argv = ["amazon-contact", "--db", sys.argv[1], "--lang", "en", "--resume"]
from tui.__main__ import main
sys.exit(main())
"""


@posix_only("mode bits (0o600) say nothing on Windows")
def test_a_crash_shows_no_personal_data_and_keeps_the_details_privately(tmp_path):
    data_file = tmp_path / "attempts.json"
    session = Session.begin(Store(data_file), summary="John Smith 112-7654321-0000001")
    session.move("outcome_decided")
    state = tmp_path / "state"
    command = [sys.executable, "-c", CRASHING, str(data_file)]
    with Terminal(command, env={"XDG_STATE_HOME": str(state)}) as app:
        app.wait_for(b"Gather", timeout=WAIT)
        app.press("m")
        drawn = app.finish(timeout=WAIT)  # everything it wrote, read to the end of the pty
        assert app.process.returncode == 70
        # What stays in the terminal: all the app wrote after leaving its full screen.
        after = drawn.rsplit(b"\x1b[?1049l", 1)[-1]
        shown = after.decode("utf-8", "replace")
    assert "stopped by an error" in shown
    assert "John Smith" not in shown and "112-7654321" not in shown, "no record data"
    assert "PRIVATE-NOTE-9381" not in shown and "Traceback" not in shown
    (log,) = (state / "amazon-contact" / "log").glob("crash-*.log")
    assert str(log) in shown.replace("\r\n", "").replace("\n", "")
    assert oct(log.stat().st_mode & 0o777) == "0o600"
    details = log.read_text("utf-8")
    assert "RuntimeError" in details and "PRIVATE-NOTE-9381" in details
    assert Store(data_file).get(session.attempt.id).step == "gathering_facts", "nothing lost"
