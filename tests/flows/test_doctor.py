"""The doctor: finds every problem, changes nothing, and salvages what can be read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.doctor import examine, salvage
from flows.session import Session
from flows.store import DataFileError, Store


def walk(session, events):
    for event in events:
        session.move(event)
    return session


@pytest.fixture
def damaged(tmp_path, clock):
    """Two open attempts (one with an impossible step), one archived, a broken shard, a stale temp."""
    path = tmp_path / "a.json"
    store = Store(path)
    walk(Session.begin(store, clock=clock, summary="kept"), ["outcome_decided"])
    walk(Session.begin(store, clock=clock, summary="finished"), ["give_up"])
    broken = Session.begin(store, clock=clock, summary="impossible")
    data = json.loads(path.read_text())
    data["attempts"][str(broken.attempt.id)]["configuration"] = ["website", "moon"]
    path.write_text(json.dumps(data), "utf-8")
    path.chmod(0o644)
    (tmp_path / "a.archive" / "0007.json").write_text("{truncated")
    (tmp_path / ".a.json.abc123.tmp").write_text("half")
    return path


def snapshot(folder):
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_every_problem_is_reported_and_nothing_is_changed(damaged):
    before = snapshot(damaged.parent)
    checkup = examine(damaged)
    found = "\n".join(str(p) for p in checkup.problems)
    assert "Invalid enum value 'moon'" in found and "$.configuration[1]" in found
    assert "0007.json: not valid JSON" in found
    assert "interrupted save" in found
    assert "mode 644" in found
    assert sorted(a.summary for a in checkup.readable.values()) == ["finished", "kept"]
    assert not checkup.healthy
    assert snapshot(damaged.parent) == before


def test_a_healthy_file_has_no_problems(tmp_path, clock):
    path = tmp_path / "a.json"
    walk(Session.begin(Store(path), clock=clock), ["give_up"])
    Session.begin(Store(path), clock=clock)
    latest = Session.begin(Store(path), clock=clock)
    latest.add_note("the newest save")
    checkup = examine(path)
    assert checkup.healthy and len(checkup.readable) == 3
    assert [n.text for n in checkup.readable[latest.attempt.id].notes] == ["the newest save"]


def test_no_file_yet_is_a_fresh_start_not_a_problem(tmp_path):
    checkup = examine(tmp_path / "none.json")
    assert checkup.fresh and checkup.healthy and not checkup.readable


def test_salvage_writes_what_is_readable_to_a_new_file(damaged, tmp_path):
    before = snapshot(damaged.parent)
    checkup = examine(damaged)
    saved = salvage(checkup, tmp_path / "saved" / "b.json")
    assert saved.saved == 2
    left_out = "\n".join(str(p) for p in saved.left_out)
    assert "'moon'" in left_out and "0007.json" in left_out
    rescued = Store(tmp_path / "saved" / "b.json")
    assert sorted(a.summary for a in rescued.all()) == ["finished", "kept"]
    assert [a.summary for a in rescued.unfinished()] == ["kept"]
    assert rescued.new_id() > max(a.id for a in rescued.all()), "new ids follow the rescued ones"
    assert {p: p.read_bytes() for p in before} == before, "the originals are untouched"


def test_salvage_never_overwrites(damaged):
    with pytest.raises(DataFileError, match="already exists"):
        salvage(examine(damaged), damaged)


def test_a_damaged_journal_of_0_1_is_reported_and_the_file_itself_still_read(tmp_path):
    import shutil
    import zlib

    from flows.datafile import journal_of

    shutil.copytree(Path(__file__).parent / "files_from_v0.1" / "journal", tmp_path / "j")
    path = tmp_path / "j" / "attempts.json"
    for file in path.parent.rglob("*.json"):
        file.chmod(0o600)
    key = journal_of(path).read_bytes().split(b"\n")[1].split(b" ")[1]
    body = key + b" {damaged"
    journal_of(path).write_bytes(b"\n%08x " % zlib.crc32(body) + body)
    checkup = examine(path)
    assert [p.values["path"] for p in checkup.problems] == [journal_of(path)]
    assert "not valid JSON" in str(checkup.problems[0])
    assert len(checkup.readable) == 4 and not checkup.legacy_journal


def test_salvage_leaves_one_plain_file_to_move_into_place(damaged, tmp_path):
    from flows.datafile import journal_of

    rescued = tmp_path / "rescued.json"
    count = salvage(examine(damaged), rescued).saved
    assert count >= 2 and not journal_of(rescued).exists()
    moved = tmp_path / "moved" / "attempts.json"
    moved.parent.mkdir()
    # What a person does next: the file and its archive folder go along; there is no journal.
    rescued.rename(moved)
    (tmp_path / "rescued.archive").rename(tmp_path / "moved" / "attempts.archive")
    assert len(Store(moved).all()) == count
