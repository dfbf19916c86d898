"""Damaged, foreign and odd data files against every command: a clear message, never a traceback.

The cases are the reliability review's (F3-F6, F12, F13, F15). For each, every command either
works (leaving out what it cannot read, and saying so) or refuses with one message naming the
file; none changes a byte; and wherever a command complained, the doctor finds a problem too.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest

from flows.attempt import encode
from flows.session import Session
from flows.store import SCHEMA_VERSION, Store
from tests.conftest import FakeClock
from tests.tui.conftest import TO_CHAT_AGENT, make_app, walk
from tui.cli import main

HEADER = {"app": "amazon-contact", "schema": SCHEMA_VERSION, "next_id": 400}


def healthy(folder: Path) -> tuple[dict, dict]:
    """A data file with #1 finished (archived) and #2 in contact; returns both records."""
    store = Store(folder / "attempts.json")
    clock = FakeClock()
    done = walk(Session.begin(store, clock=clock, summary="done"), ["outcome_decided", "give_up"])
    live = walk(Session.begin(store, clock=clock, summary="live"), TO_CHAT_AGENT)
    live.record(agent_name="Mina", case_number="CASE-1")
    return encode(done.attempt), encode(live.attempt)


def write(path: Path, records: dict, header: dict | None = None) -> None:
    path.write_text(json.dumps({"meta": {"1": header or HEADER}, "attempts": records}))


def open_record(change):
    def make(folder: Path) -> None:
        _done, live = healthy(folder)
        change(live)
        write(folder / "attempts.json", {"2": live})

    return make


def archived_record(change, key="1"):
    def make(folder: Path) -> None:
        done, _live = healthy(folder)
        change(done)
        write(folder / "attempts.archive" / "0000.json", {key: done})

    return make


def header(**values):
    def make(folder: Path) -> None:
        _done, live = healthy(folder)
        write(folder / "attempts.json", {"2": live}, {**HEADER, **values})

    return make


def special(kind: str):
    def make(folder: Path) -> None:
        path = folder / "attempts.json"
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "loop":
            path.symlink_to(folder / "attempts.json")
        elif kind == "folder":
            path.mkdir()
        elif kind == "zero":
            path.symlink_to("/dev/zero")
        elif kind == "archive file":
            healthy(folder)
            for shard in (folder / "attempts.archive").iterdir():
                shard.unlink()
            (folder / "attempts.archive").rmdir()
            (folder / "attempts.archive").write_text("not a folder")
        elif kind == "journal fifo":
            _done, live = healthy(folder)
            write(folder / "attempts.json", {"2": live}, {**HEADER, "schema": 2, "snapshot": "ab"})
            os.mkfifo(folder / "attempts.json.journal")

    return make


def deep(levels: int):
    value: list = []
    for _ in range(levels):
        value = [value]
    return value


CASES = {
    "a goal from a newer release": open_record(lambda r: r.update(goal="exchange")),
    "a contact that is text": open_record(lambda r: r.update(contacts=["oops"])),
    "an unknown field nested 300 deep": open_record(lambda r: r.update(extra=deep(300))),
    "an id past 64 bits": open_record(lambda r: r.update(id=2**64 - 1)),
    "a step that is no step": open_record(lambda r: r.update(configuration=["moon"])),
    "a draft kind we do not write": open_record(
        lambda r: r.setdefault("entries", []).append(
            {"type": "draft", "id": "d", "at": r["created_at"], "kind": "threat", "text": "x"}
        )
    ),
    "a site note at the moon": open_record(
        lambda r: r.setdefault("entries", []).append(
            {"type": "site_note", "id": "s", "at": r["created_at"], "step": "moon", "text": ""}
        )
    ),
    "an unknown event, archived": archived_record(
        lambda r: r["timeline"][0].update(event="teleport")
    ),
    "attempt 250 in the first archive file": archived_record(lambda r: r.update(id=250), key="250"),
    "schema true": header(schema=True),
    "a newer schema": header(schema=SCHEMA_VERSION + 1),
    "next_id that is text": header(next_id="abc"),
    "next_id of 1e300": header(next_id=1e300),
    "a FIFO as the data file": special("fifo"),
    "a link that points at itself": special("loop"),
    "a folder as the data file": special("folder"),
    "a link to /dev/zero": special("zero"),
    "the archive folder a plain file": special("archive file"),
    "a FIFO as an old journal": special("journal fifo"),
}

COMMANDS = [
    ["history"],
    ["history", "--json"],
    ["show", "2"],
    ["export", "2", "--format", "md"],
    ["export", "2", "--format", "json", "--redact"],
    ["due"],
    ["due", "--json"],
    ["due", "--format", "ics"],
    ["stats"],
    ["stats", "--json"],
]


def snapshot(folder: Path) -> dict:
    found = {}
    for item in sorted(folder.rglob("*")):
        if item.is_symlink() or not item.is_file():
            found[item] = "special"
        elif item.suffix != ".lock":
            found[item] = item.read_bytes()
    return found


# What Windows cannot make: no FIFOs, no /dev/zero, and links need a privilege there.
POSIX_CASES = {
    case: "a FIFO, a link or /dev/zero"
    for case in CASES
    if any(word in case for word in ("FIFO", "link", "/dev/zero"))
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_command_says_what_is_wrong_and_the_doctor_agrees(tmp_path, capsys, case):
    if os.name == "nt" and case in POSIX_CASES:
        pytest.skip(f"POSIX only: {POSIX_CASES[case]}")
    folder = tmp_path / "data"
    (folder / "attempts.archive").mkdir(parents=True)
    CASES[case](folder)
    db = str(folder / "attempts.json")
    before = snapshot(folder)
    complained = []
    for command in COMMANDS:
        code = main([*command, "--db", db, "--lang", "en"])
        out, err = capsys.readouterr()
        assert code in (0, 1, 3), f"{command}: exit {code}\n{err}"
        assert "Traceback" not in out + err, f"{command}:\n{err}"
        if code == 3 or "amazon-contact:" in err:  # a refusal, or records left out
            assert "doctor" in err or "No attempt" in err, err
            complained.append(command)
    doctor = main(["doctor", "--db", db])
    report, _ = capsys.readouterr()
    assert "Traceback" not in report
    if complained:
        assert doctor == 1 and "0 problem(s)" not in report, (complained, report)
    assert snapshot(folder) == before, "no command changed a byte"


@pytest.mark.parametrize("case", ["a contact that is text", "next_id that is text"])
def test_salvage_copies_what_passes_and_lists_what_it_left_out(tmp_path, capsys, case):
    folder = tmp_path / "data"
    (folder / "attempts.archive").mkdir(parents=True)
    CASES[case](folder)
    rescued = tmp_path / "rescued.json"
    main(["doctor", "--db", str(folder / "attempts.json"), "--salvage", str(rescued)])
    out, _ = capsys.readouterr()
    assert "left out:" in out and "Traceback" not in out
    store = Store(rescued)
    assert [a.summary for a in store.all()][-1] == "done"
    assert store.skipped == [] and store.claim(), "what salvage writes is whole"


async def test_the_app_opens_a_file_with_a_damaged_record_read_only_and_says_why(tmp_path):
    folder = tmp_path / "data"
    (folder / "attempts.archive").mkdir(parents=True)
    _done, live = healthy(folder)
    broken = copy.deepcopy(live) | {"goal": "exchange", "id": 3}
    write(folder / "attempts.json", {"2": live, "3": broken})
    before = (folder / "attempts.json").read_bytes()
    app = make_app(Store(folder / "attempts.json"), clock=FakeClock())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        messages = " ".join(message for message in app.told)
        assert app.store.read_only and "cannot read" in messages and "'exchange'" in messages
        assert app.store.unfinished()[0].summary == "live", "the readable attempt is shown"
    assert (folder / "attempts.json").read_bytes() == before
