"""What the person saw at a website step is remembered for every later attempt, from one small
record (never a scan of the archive), and a damaged record costs nothing but the memory."""

from __future__ import annotations

import shutil

import orjson

from flows.session import Session
from flows.store import Store


def at_signing_in(store: Store, clock) -> Session:
    session = Session.begin(store, clock=clock, prepared_route="website")
    assert session.step == "signing_in"
    return session


def test_a_screen_said_to_match_is_remembered_for_the_next_attempt(tmp_path, clock):
    store = Store(tmp_path / "a.json")
    first = at_signing_in(store, clock)
    first.confirm_screen()
    first.report_site_difference("The button says 'Hello, sign in'")
    first.move("give_up")  # finished: archived, yet the memory stays
    later = Store(tmp_path / "a.json")
    sighting = later.sightings()["signing_in"]
    assert sighting.matched_at == first.attempt.confirmations[-1].at
    assert sighting.different == "The button says 'Hello, sign in'"
    assert sighting.different_at == first.attempt.site_reports[-1].at
    assert "opened_help" not in later.sightings()


def test_the_newest_word_wins(tmp_path, clock):
    store = Store(tmp_path / "a.json")
    first = at_signing_in(store, clock)
    first.report_site_difference("old layout")
    second = at_signing_in(store, clock)
    second.report_site_difference("new layout")
    first.confirm_screen()  # the older attempt saves again: its old note does not come back
    assert store.sightings()["signing_in"].different == "new layout"


def test_a_damaged_memory_is_left_out_and_nothing_else_is_touched(tmp_path, clock):
    path = tmp_path / "a.json"
    store = Store(path)
    at_signing_in(store, clock).confirm_screen()
    data = orjson.loads(path.read_bytes())
    data["sightings"]["1"]["signing_in"] = {"matched_at": "not a time"}
    data["sightings"]["1"]["opened_help"] = {"matched_at": 12}
    path.write_bytes(orjson.dumps(data))
    fresh = Store(path)
    assert fresh.sightings() == {}
    assert fresh.unfinished(), "the attempts are read as before"
    assert not fresh.skipped, "not counted as a damaged attempt"
    # The next word on that screen writes a good record again.
    Session.resume(fresh, fresh.unfinished()[0].id, clock=clock).confirm_screen()
    assert "signing_in" in Store(path).sightings()


def test_the_memory_is_its_own_record_not_a_scan_of_the_archive(tmp_path, clock):
    store = Store(tmp_path / "a.json")
    for _ in range(3):
        session = at_signing_in(store, clock)
        session.confirm_screen()
        session.move("give_up")
    shutil.rmtree(store.archive_folder)  # every finished attempt gone
    assert "signing_in" in Store(tmp_path / "a.json").sightings()
