"""The store on a real filesystem that really fills up: nothing confirmed is lost, all is retried."""

from __future__ import annotations

import pytest

from flows.session import Session
from flows.store import Store, StoreError
from tests.conftest import fill_up

TO_AGENT = ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"]


def test_a_full_disk_refuses_the_save_keeps_the_last_file_and_takes_it_once_freed(tiny_disk, clock):
    path = tiny_disk / "attempts.json"
    session = Session.begin(Store(path), clock=clock, summary="on a tiny disk")
    for event in TO_AGENT:
        session.move(event)
    before = path.read_bytes()
    filler = fill_up(tiny_disk)
    with pytest.raises(StoreError, match="No space left on device"):
        session.add_note("written while the disk is full " * 50)
    assert session.unsaved and path.read_bytes() == before, "the last saved file stands"
    assert not list(tiny_disk.glob(".*.tmp")), "no half-written temporary file is left"
    with pytest.raises(StoreError, match="No space left on device"):
        session.move("problem_solved")  # finishing writes the archive: refused too
    assert Store(path).unfinished()[0].notes == []
    filler.unlink()
    session.save()
    stored = Store(path).get(session.attempt.id)
    assert stored.outcome == "resolved" and stored.notes[0].text.startswith("written while")
    assert Store(path).unfinished() == []
