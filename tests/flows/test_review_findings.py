"""What an independent review of record v2 found, each held to a test (December 2026)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from flows.attempt import decode
from flows.datafile import SCHEMA_VERSION
from flows.doctor import examine
from flows.migration import upgrade_record
from flows.session import Session
from flows.store import DataFileError, Store
from tests.posix import posix_only

TO_AGENT = ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"]


def walk(session, events):
    for event in events:
        session.move(event)
    return session


def test_a_number_handed_out_again_after_a_restore_never_merges_two_attempts(tmp_path, clock):
    path = tmp_path / "a.json"
    Session.begin(Store(path), clock=clock, summary="first")
    backup = path.read_bytes()  # its counter: the next attempt is #2
    mine = walk(Session.begin(Store(path), clock=clock, summary="refund for blender"), TO_AGENT)
    path.write_bytes(backup)
    other = Session.begin(Store(path), clock=clock, summary="late parcel")
    assert other.attempt.id == mine.attempt.id, "the restored counter handed #2 out again"
    mine.add_note("about the blender")
    assert mine.last_save.renumbered_from == other.attempt.id and not mine.last_save.merged
    store = Store(path)
    assert store.get(other.attempt.id).summary == "late parcel"
    assert store.get(other.attempt.id).notes == []
    moved = store.get(mine.attempt.id)
    assert moved.summary == "refund for blender" and moved.notes[0].text == "about the blender"


def test_an_unreadable_archive_file_stops_nothing_else(tmp_path, clock):
    path = tmp_path / "a.json"
    walk(Session.begin(Store(path), clock=clock), ["give_up"])
    live = walk(Session.begin(Store(path), clock=clock, summary="open"), TO_AGENT)
    (tmp_path / "a.archive" / "0000.json").write_text("{truncated")
    store = Store(path)
    assert [a.summary for a in store.unfinished()] == ["open"]
    live = Session.resume(store, live.attempt.id, clock=clock)
    live.add_note("still saved")
    fresh = Session.begin(store, clock=clock)
    assert fresh.attempt.id >= 100, "no number the unreadable file may hold is handed out"
    assert Store(path).get(live.attempt.id).notes[0].text == "still saved"


def test_a_record_damaged_while_the_app_runs_keeps_the_change_beside_the_file(tmp_path, clock):
    path = tmp_path / "a.json"
    session = walk(Session.begin(Store(path), clock=clock), TO_AGENT)
    other = Session.begin(Store(path), clock=clock)
    data = json.loads(path.read_text("utf-8"))
    data["attempts"][str(other.attempt.id)]["goal"] = "exchange"  # another program wrote this
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(DataFileError, match="Meanwhile this attempt is kept in") as refused:
        session.add_note("typed while the file was damaged")
    kept = Path(str(refused.value).rsplit("kept in ", 1)[1].rstrip("."))
    assert "typed while the file was damaged" in kept.read_text("utf-8")
    assert session.unsaved


def test_a_file_made_newer_while_read_only_turns_the_claim_down_without_an_error(tmp_path, clock):
    path = tmp_path / "a.json"
    Session.begin(Store(path), clock=clock)
    store = Store(path)
    data = json.loads(path.read_text("utf-8"))
    data["meta"]["1"]["schema"] = SCHEMA_VERSION + 1  # synced from a newer version
    path.write_text(json.dumps(data), "utf-8")
    assert store.claim() is False and store.read_only_reason == "damaged"
    assert "newer version" in str(store.read_only_problem)
    from flows.locking import ProcessLock

    ProcessLock(str(path) + ".app.lock", timeout=0).acquire()  # let go, for the next try


@posix_only("symbolic links need a privilege on Windows")
def test_the_doctor_reports_a_link_to_nowhere_in_the_archive(tmp_path, clock):
    path = tmp_path / "a.json"
    walk(Session.begin(Store(path), clock=clock), ["give_up"])
    os.symlink(tmp_path / "nowhere.json", tmp_path / "a.archive" / "0005.json")
    checkup = examine(path)
    assert any("0005.json" in str(p) for p in checkup.problems)


def test_deleting_a_note_takes_its_english_wording_out_of_the_file_too(tmp_path, clock):
    path = tmp_path / "a.json"
    session = Session.begin(Store(path), clock=clock)
    note = session.add_note("카드 번호 1234-5678")
    session.word_in_english(note.id, "my card number 1234-5678")
    session.delete_note(note.id)
    assert "1234-5678" not in path.read_text("utf-8")


def test_what_the_0_1_reader_read_is_read_still(tmp_path):
    record = json.loads(
        (Path(__file__).parent / "files_from_v0.1" / "plain" / "attempts.json").read_text()
    )["attempts"]["3"]
    odd = {
        **record,
        "updated_at": None,
        "follow_up_due": "",
        "colour": "blue",
        "created_at": "2026-11-20T09:51+09:00",
        "notes": [{"at": "2026-11-20T10:00:00+09:00", "text": None}],
    }
    attempt = decode(upgrade_record(odd))
    assert attempt.updated_at == attempt.created_at and attempt.follow_up_due is None
    assert [n.text for n in attempt.notes] == [""]


def test_salvage_keeps_an_attempt_that_only_needed_reading_like_0_1(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(Path(__file__).parent / "files_from_v0.1" / "schema1", folder)
    data = json.loads((folder / "attempts.json").read_text())
    data["attempts"]["3"]["updated_at"] = None
    (folder / "attempts.json").write_text(json.dumps(data))
    assert 3 in examine(folder / "attempts.json").readable
