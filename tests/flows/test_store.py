"""The store on real files: round trips, damaged files, permissions, growth and two writers."""

import errno
import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.attempt import encode
from flows.datafile import parse_data_file
from flows.session import Session
from flows.steps import FINAL_STATE_IDS
from flows.store import (
    ARCHIVE_SHARD_SIZE,
    SCHEMA_VERSION,
    DataFileError,
    Store,
    StoreError,
    UnknownAttempt,
    atomic_write,
    default_path,
)
from tests.posix import posix_only

PROJECT = Path(__file__).resolve().parents[2]


def walk(session, events):
    for event in events:
        session.move(event)
    return session


def finished_attempt(store, clock, **details):
    return walk(
        Session.begin(store, clock=clock, **details), ["outcome_decided", "give_up"]
    ).attempt


def test_an_attempt_comes_back_from_a_fresh_store(tmp_path, clock):
    path = tmp_path / "attempts.json"
    session = walk(
        Session.begin(Store(path), clock=clock, goal="refund", summary="깨진 컵"),
        ["outcome_decided"],
    )
    again = Session.resume(Store(path), session.attempt.id, clock=clock)
    assert again.attempt == session.attempt
    assert again.moves() == session.moves()


def test_ids_count_up_and_unknown_ids_are_reported(tmp_path, clock):
    store = Store(tmp_path / "a.json")
    ids = [Session.begin(store, clock=clock).attempt.id for _ in range(3)]
    assert ids == [1, 2, 3]
    with pytest.raises(UnknownAttempt, match="no attempt with id 99"):
        store.get(99)


def test_unfinished_lists_open_attempts_most_recent_first(tmp_path, clock):
    store = Store(tmp_path / "a.json")
    first = Session.begin(store, clock=clock)
    second = Session.begin(store, clock=clock)
    finished_attempt(store, clock)
    first.add_note("touched last")
    assert [a.id for a in store.unfinished()] == [first.attempt.id, second.attempt.id]
    assert len(store.all()) == 3


def test_finished_attempts_move_to_the_archive(tmp_path, clock):
    store = Store(tmp_path / "a.json")
    attempt = finished_attempt(store, clock)
    assert (tmp_path / "a.archive" / "0000.json").exists()
    assert attempt.id not in {a.id for a in store.unfinished()}
    assert Store(tmp_path / "a.json").get(attempt.id).outcome == "gave_up"


def test_hangul_is_readable_in_the_file(tmp_path, clock):
    store = Store(tmp_path / "a.json")
    session = Session.begin(store, clock=clock, summary="상품이 파손되어 도착함")
    session.add_note("배송이 늦어짐")
    assert "배송이 늦어짐" in (tmp_path / "a.json").read_text("utf-8")
    assert "상품이 파손되어 도착함" in (tmp_path / "a.json").read_text("utf-8")


@posix_only("mode bits (0o600) say nothing on Windows")
def test_the_folder_is_private_and_so_are_the_files(tmp_path, clock):
    path = tmp_path / "new" / "folder" / "a.json"
    finished_attempt(Store(path), clock)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((path.parent / "a.archive").stat().st_mode) == 0o700
    assert stat.S_IMODE((path.parent / "a.archive" / "0000.json").stat().st_mode) == 0o600


def test_reading_creates_nothing(tmp_path):
    store = Store(tmp_path / "missing" / "a.json")
    assert store.unfinished() == [] and store.all() == []
    assert not (tmp_path / "missing").exists()


def test_the_path_comes_from_the_environment_when_set(tmp_path, monkeypatch):
    monkeypatch.setenv("AMAZON_CONTACT_DB", str(tmp_path / "chosen.json"))
    assert default_path() == tmp_path / "chosen.json"
    monkeypatch.delenv("AMAZON_CONTACT_DB")
    assert default_path().name == "attempts.json" and "amazon-contact" in str(default_path())


# Damaged and foreign files: a clear message naming the file, and not a byte changed.

HEADER = {"meta": {"1": {"app": "amazon-contact", "schema": SCHEMA_VERSION, "next_id": 2}}}
BAD_FILES = {
    "empty": (b"", "empty"),
    "blank": (b"  \n", "empty"),
    "not JSON": (b"hello, world", "not valid JSON"),
    "truncated": (json.dumps(HEADER).encode()[:-7], "not valid JSON"),
    "not UTF-8": (b'{"meta": "\xff\xfe"}', "not UTF-8"),
    "a list": (b"[1, 2, 3]", "expected an object of tables"),
    "table as list": (json.dumps({**HEADER, "attempts": [1]}).encode(), "not a set of records"),
    "foreign TinyDB file": (
        json.dumps({"_default": {"1": {"x": 1}}}).encode(),
        "not an amazon-contact data file",
    ),
    "newer schema": (
        json.dumps(
            {"meta": {"1": {"app": "amazon-contact", "schema": SCHEMA_VERSION + 1}}}
        ).encode(),
        "newer version",
    ),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_bad_file_is_reported_and_left_untouched(tmp_path, clock, name):
    content, message = BAD_FILES[name]
    path = tmp_path / "a.json"
    path.write_bytes(content)
    with pytest.raises(DataFileError, match=message) as raised:
        Session.begin(Store(path), clock=clock)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == content


def test_a_damaged_record_is_skipped_named_and_its_file_never_written(tmp_path, clock):
    path = tmp_path / "a.json"
    store = Store(path)
    session = Session.begin(store, clock=clock)
    kept = Session.begin(store, clock=clock, summary="still readable")
    data = json.loads(path.read_text())
    data["attempts"][str(session.attempt.id)]["configuration"] = ["website", "teleported"]
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    reader = Store(path)
    assert [a.summary for a in reader.unfinished()] == ["still readable"]
    (skipped,) = reader.skipped
    assert skipped.file == path and skipped.record == str(session.attempt.id)
    assert "'teleported'" in str(skipped)
    assert [s.summary for s in reader.summaries()] == ["still readable"]
    with pytest.raises(DataFileError, match="teleported") as raised:
        reader.get(session.attempt.id)
    assert str(path) in str(raised.value)
    with pytest.raises(DataFileError, match=r"Nothing is written to a\.json"):
        Session.resume(reader, kept.attempt.id, clock=clock).add_note("lost?")
    assert path.read_bytes() == before
    assert not reader.claim() and "damaged" in reader.read_only_reason


def test_an_unreadable_file_is_reported(tmp_path, clock, monkeypatch):
    path = tmp_path / "a.json"
    Session.begin(Store(path), clock=clock)
    before = path.read_bytes()
    real_open = open

    def refuse(file, *args, **kwargs):
        if Path(file) == path:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(StoreError, match="Permission denied") as raised:
        Store(path)
    assert str(path) in str(raised.value)
    monkeypatch.undo()
    assert path.read_bytes() == before


@posix_only("chmod(0) does not stop reading on Windows")
@pytest.mark.skipif(
    os.name != "nt" and os.geteuid() == 0, reason="root reads files whatever their mode"
)
def test_a_file_without_read_permission_is_reported(tmp_path, clock):
    path = tmp_path / "a.json"
    Session.begin(Store(path), clock=clock)
    path.chmod(0)
    with pytest.raises(StoreError, match="Permission denied"):
        Store(path)


def test_a_failed_write_keeps_the_old_file_and_can_be_retried(tmp_path, clock, monkeypatch):
    path = tmp_path / "a.json"
    session = Session.begin(Store(path), clock=clock)
    session.add_note("saved")
    before = {path: path.read_bytes()}

    def disk_full(descriptor):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    for name in ("fsync", "fdatasync"):
        monkeypatch.setattr(os, name, disk_full, raising=False)
    with pytest.raises(StoreError, match="No space left on device"):
        session.move("outcome_decided")
    assert {file: file.read_bytes() for file in before} == before
    assert not list(tmp_path.glob(".*.tmp"))
    monkeypatch.undo()
    session.save()
    assert Store(path).get(session.attempt.id).step == "gathering_facts"


def test_leftovers_of_a_crash_are_tidied(tmp_path, clock):
    path = tmp_path / "a.json"
    store = Store(path)
    attempt = finished_attempt(store, clock)
    # As if killed between writing the archive and removing the attempt from the open file.
    data = json.loads(path.read_text())
    data["attempts"][str(attempt.id)] = encode(attempt)
    atomic_write(path, json.dumps(data).encode())
    stale = tmp_path / ".a.json.x1y2.tmp"
    stale.write_text("half a file")
    fresh = Store(path)
    Session.begin(fresh, clock=clock)
    assert not stale.exists()
    assert str(attempt.id) not in parse_data_file(path)["attempts"]
    assert [a.id for a in fresh.all()].count(attempt.id) == 1


# Resume exactly: any walk, saved after every step, comes back identical.


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(choices=st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=30))
def test_random_walks_resume_exactly_after_every_step(tmp_path_factory, choices):
    path = tmp_path_factory.mktemp("walk") / "a.json"
    session = Session.begin(Store(path))
    for choice in choices:
        moves = session.moves()
        if not moves:
            break
        session.move(moves[choice % len(moves)].event)
        again = Session.resume(Store(path), session.attempt.id)
        assert again.attempt.configuration == session.attempt.configuration
        assert again.moves() == session.moves()
        assert again.attempt.timeline == session.attempt.timeline
        assert again.attempt == session.attempt


# Saving a step costs the same however long the history.


def fill_archive(path: Path, template: dict, count: int) -> None:
    folder = path.with_name(path.stem + ".archive")
    folder.mkdir(mode=0o700, exist_ok=True)
    for shard in range(0, count, ARCHIVE_SHARD_SIZE):
        records = {
            str(i): {**template, "id": i}
            for i in range(shard + 1000, min(shard + ARCHIVE_SHARD_SIZE, count) + 1000)
        }
        data = {**HEADER, "attempts": records}
        atomic_write(
            folder / f"{(shard + 1000) // ARCHIVE_SHARD_SIZE:04d}.json", json.dumps(data).encode()
        )


@pytest.mark.parametrize("history", [10, 10_000])
def test_saving_a_step_writes_the_same_bytes_whatever_the_history(tmp_path, clock, history):
    path = tmp_path / "a.json"
    template = encode(finished_attempt(Store(path), clock))
    fill_archive(path, template, history)
    store = Store(path)
    assert len(store.all()) == history + 1
    session = Session.begin(store, clock=clock)
    before = store.bytes_written
    session.move("outcome_decided")
    written = store.bytes_written - before
    assert 0 < written < 4_000, written


def test_beginning_and_saving_touch_no_more_than_the_newest_archive_file(
    tmp_path, clock, monkeypatch
):
    # With years of history, handling every archive file on each save costs time per file.
    import flows.store as store_module

    path = tmp_path / "a.json"
    fill_archive(path, encode(finished_attempt(Store(path), clock)), 1_000)
    opened: list[Path] = []
    real_data_file = store_module.DataFile

    def data_file(file, *args):
        opened.append(file)
        return real_data_file(file, *args)

    monkeypatch.setattr(store_module, "DataFile", data_file)
    store = Store(path)
    session = Session.begin(store, clock=clock)
    for event in ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"]:
        session.move(event)
    archive_files = {file for file in opened if file.parent.name == "a.archive"}
    assert len(archive_files) <= 2, archive_files  # the newest one, and the attempt's own


# A second writer in another process loses nothing.

WRITER = textwrap.dedent(
    """
    import sys
    from flows.session import Session
    from flows.store import Store
    store = Store(sys.argv[1])
    for n in range(int(sys.argv[2])):
        session = Session.begin(store, summary=sys.argv[3] + str(n))
        session.move("outcome_decided")
        session.add_note("note " + str(n))
    """
)


def test_two_processes_saving_at_once_lose_nothing(tmp_path):
    path = tmp_path / "a.json"
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), "25", tag], cwd=PROJECT)
        for tag in ("first-", "second-")
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    attempts = Store(path).all()
    assert sorted(a.summary for a in attempts) == sorted(
        f"{t}{n}" for t in ("first-", "second-") for n in range(25)
    )
    assert len({a.id for a in attempts}) == 50
    assert all(a.step == "gathering_facts" and len(a.notes) == 1 for a in attempts)


# Killed in the middle of writing: the file holds the last acknowledged save or the next one.

SAVER = textwrap.dedent(
    """
    import sys
    from flows.session import Session
    from flows.store import Store
    store = Store(sys.argv[1])
    unfinished = store.unfinished()
    session = Session.resume(store, unfinished[0].id) if unfinished else Session.begin(store)
    while True:
        session.add_note("기록 " * 400)
        print(len(session.attempt.notes), flush=True)
    """
)


def test_killed_mid_write_the_file_is_never_garbage(tmp_path):
    import random
    import signal

    path = tmp_path / "a.json"
    rng = random.Random(2026)
    acknowledged = 0
    for _ in range(30):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path)], cwd=PROJECT, stdout=subprocess.PIPE, text=True
        )
        for _ in range(rng.randint(1, 25)):
            acknowledged = int(child.stdout.readline())
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        # The child may have confirmed more saves than we had read before the kill landed.
        confirmed = max(
            [acknowledged, *(int(line) for line in child.stdout.read().split() if line.isdigit())]
        )
        child.stdout.close()
        (attempt,) = Store(path).unfinished()
        assert confirmed <= len(attempt.notes) <= confirmed + 1
        acknowledged = len(attempt.notes)
    # Whatever temporary files the kills left behind, the next writer clears them.
    store = Store(path)
    Session.resume(store, store.unfinished()[0].id).add_note("after the kills")
    assert not list(tmp_path.glob(".a.json.*.tmp"))


def test_no_final_state_stays_in_the_open_file(tmp_path, clock):
    store = Store(tmp_path / "a.json")
    finished_attempt(store, clock)
    open_records = parse_data_file(tmp_path / "a.json")["attempts"].values()
    assert all(r["configuration"][-1] not in FINAL_STATE_IDS for r in open_records)


def test_every_write_leaves_a_complete_file(tmp_path, clock, monkeypatch):
    # Each write is a moment a crash can freeze: every one must hold a readable data file.
    import flows.datafile as datafile

    path = tmp_path / "a.json"
    written: list[bytes] = []
    real_atomic_write = datafile.atomic_write

    def replacing(target, payload):
        written.append(payload)
        return real_atomic_write(target, payload)

    monkeypatch.setattr(datafile, "atomic_write", replacing)
    store = Store(path)
    session = walk(Session.begin(store, clock=clock), ["outcome_decided", "give_up"])
    Session.begin(store, clock=clock)
    assert written
    for payload in written:
        data = json.loads(payload)
        assert data["meta"]["1"]["app"] == "amazon-contact"
    # header, 2 x (id + first save), a move, and the finish (archive header, archive, open file)
    assert len(written) <= 9, f"{len(written)} writes for two new attempts, a move and a finish"
    assert Store(path).get(session.attempt.id).outcome == "gave_up"


def test_a_long_lived_reader_follows_appends_and_folds(tmp_path, clock):
    path = tmp_path / "a.json"
    writer, reader = Store(path), Store(path)
    session = Session.begin(writer, clock=clock)
    for text in ["one", "two"]:
        session.add_note(text)
        assert reader.get(session.attempt.id).notes[-1].text == text
    session.add_note("three")
    assert reader.get(session.attempt.id).notes[-1].text == "three"


@posix_only("mode bits say nothing on Windows, so they are left alone there")
def test_loose_permissions_are_tightened_on_open(tmp_path, clock):
    path = tmp_path / "a.json"
    finished_attempt(Store(path), clock)
    archive = tmp_path / "a.archive"
    path.chmod(0o644)
    archive.chmod(0o755)
    (archive / "0000.json").chmod(0o666)
    Store(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(archive.stat().st_mode) == 0o700
    assert stat.S_IMODE((archive / "0000.json").stat().st_mode) == 0o600


def test_one_interactive_writer_at_a_time(tmp_path, clock):
    path = tmp_path / "a.json"
    first, second = Store(path), Store(path)
    assert first.claim() and not second.claim()
    assert second.read_only
    with pytest.raises(StoreError, match="read-only"):
        Session.begin(second, clock=clock)
    assert second.all() == [] and Session.begin(first, clock=clock).attempt.id == 1
    assert len(second.all()) == 1, "a read-only store still reads"
    first.release()
    assert Store(path).claim()


def test_a_file_replaced_underneath_is_read_again_before_the_next_write(tmp_path, clock):
    path, elsewhere = tmp_path / "a.json", tmp_path / "backup.json"
    session = Session.begin(Store(path), clock=clock, summary="mine")
    other = Store(elsewhere)
    for _ in range(4):
        Session.begin(other, clock=clock)
    kept = Session.begin(other, clock=clock, summary="from the backup")
    # Someone restores a backup over the file while this store has it cached.
    atomic_write(path, elsewhere.read_bytes())
    session.add_note("still mine")
    summaries = {a.summary for a in Store(path).all()}
    assert {"mine", "from the backup"} <= summaries
    assert Store(path).get(kept.attempt.id).summary == "from the backup"


def test_killed_between_archiving_and_leaving_the_open_file_the_finished_copy_wins(
    tmp_path, clock, monkeypatch
):
    from tinydb.table import Table

    path = tmp_path / "a.json"
    session = walk(Session.begin(Store(path), clock=clock), ["outcome_decided"])
    session.add_note("written before the end")

    def killed(self, *args, **kwargs):
        raise OSError(errno.EIO, "killed here")

    monkeypatch.setattr(Table, "remove", killed)
    with pytest.raises(StoreError, match="Input/output error"):
        session.move("give_up")
    monkeypatch.undo()
    assert str(session.attempt.id) in parse_data_file(path)["attempts"], (
        "the crash left the open copy"
    )
    store = Store(path)
    assert store.unfinished() == []
    assert store.get(session.attempt.id).outcome == "gave_up"
    assert [a.outcome for a in store.all()] == ["gave_up"]
    assert [s.outcome for s in store.summaries()] == ["gave_up"]
    Session.begin(store, clock=clock)  # the next write tidies the stale open copy away
    assert str(session.attempt.id) not in parse_data_file(path)["attempts"]


def test_a_restored_older_file_does_not_hand_out_ids_in_use(tmp_path, clock):
    path = tmp_path / "a.json"
    store = Store(path)
    Session.begin(store, clock=clock)
    backup = path.read_bytes()  # its counter says the next id is 2
    finished = walk(Session.begin(store, clock=clock, summary="archived"), ["give_up"])
    atomic_write(path, backup)
    fresh = Session.begin(Store(path), clock=clock)
    assert fresh.attempt.id > finished.attempt.id
    assert Store(path).get(finished.attempt.id).summary == "archived"


def test_a_lock_that_cannot_be_made_is_reported_not_raised(tmp_path, clock):
    path = tmp_path / "a.json"
    (tmp_path / "a.json.lock").mkdir()
    (tmp_path / "a.json.app.lock").mkdir()
    store = Store(path)
    assert store.claim() is False and store.read_only
    writer = Store(path)
    with pytest.raises(StoreError, match="could not be saved"):
        Session.begin(writer, clock=clock)


def test_refused_details_leave_no_attempt_behind(tmp_path, clock):
    path = tmp_path / "a.json"
    store = Store(path)
    earlier = walk(Session.begin(store, clock=clock, order_number="111"), ["give_up"]).attempt
    for _ in range(2):
        with pytest.raises(ValueError, match="too long"):
            Session.begin(store, clock=clock, earlier=earlier, summary="x" * 5_000)
        with pytest.raises(ValueError, match="too long"):
            Session.begin(store, clock=clock, evidence="x" * 5_000)
    assert [a.id for a in Store(path).all()] == [earlier.id]
    follow = Session.begin(store, clock=clock, earlier=earlier, summary="again")
    assert (follow.attempt.order_number, follow.attempt.summary) == ("111", "again")
    assert follow.attempt.id == earlier.id + 1


@posix_only("symbolic links need a privilege on Windows")
def test_a_linked_data_file_is_written_through_the_link(tmp_path, clock):
    real = tmp_path / "synced" / "attempts.json"
    real.parent.mkdir()
    link = tmp_path / "attempts.json"
    Session.begin(Store(real), clock=clock)
    link.symlink_to(real)
    Session.begin(Store(link), clock=clock, summary="through the link")
    assert link.is_symlink()
    assert "through the link" in real.read_text("utf-8")


def test_a_backup_put_back_after_a_crash_shows_the_backup(tmp_path, clock):
    path = tmp_path / "a.json"
    first = Store(path)
    assert first.claim()
    session = Session.begin(first, clock=clock, summary="in the backup")
    first.release()  # the app closed normally
    backup = path.read_bytes()
    second = Store(path)
    assert second.claim()  # the next session
    Session.resume(second, session.attempt.id, clock=clock).add_note("after the backup")
    # ...and it crashes: no release. The backup is put back.
    atomic_write(path, backup)
    second.release()
    restored = Store(path).get(session.attempt.id)
    assert restored.summary == "in the backup" and restored.notes == []


def test_every_folder_made_on_the_way_is_private_whatever_the_umask(tmp_path, clock):
    path = tmp_path / "new" / "sub" / "attempts.json"
    old = os.umask(0)
    try:
        Session.begin(Store(path), clock=clock)
    finally:
        os.umask(old)
    for folder in (tmp_path / "new", tmp_path / "new" / "sub"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_the_history_reads_archive_files_whole_and_agrees_with_reading_record_by_record(
    tmp_path, clock, monkeypatch
):
    import flows.store as store_module
    from flows.summary import AttemptSummary

    path = tmp_path / "a.json"
    store = Store(path)
    for number in range(3):
        session = Session.begin(store, clock=clock, summary=f"attempt {number} 환불")
        for event in ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"]:
            session.move(event)
        session.record(agent_name="Mina", case_number=f"CASE-{number}")
        note = session.add_note(f"note {number}")
        if number == 1:
            session.edit_note(note.id, "corrected")
        session.move("problem_solved" if number else "give_up")
    Session.begin(store, clock=clock, summary="still open")
    fresh = Store(path)
    opened: list[Path] = []
    real_data_file = store_module.DataFile
    monkeypatch.setattr(
        store_module, "DataFile", lambda file, *a: opened.append(file) or real_data_file(file, *a)
    )
    whole = fresh.summaries()
    assert not [f for f in opened if f.parent.name == "a.archive"], "read whole, not one by one"
    monkeypatch.undo()
    one_by_one = sorted(
        (AttemptSummary.of(a) for a in fresh.all()), key=lambda s: s.created_at, reverse=True
    )
    assert whole == one_by_one and len(whole) == 4
    assert "corrected" in whole[2].typed_words and "note 1" not in whole[2].typed_words


def test_an_attempt_handed_out_is_never_the_stores_own_copy(tmp_path, clock):
    path = tmp_path / "a.json"
    store = Store(path)
    session = Session.begin(store, clock=clock)
    first, second = store.get(session.attempt.id), store.get(session.attempt.id)
    assert first == second and first is not second
    first.summary = "changed in memory only"
    assert store.get(session.attempt.id).summary == ""
    assert store.unfinished()[0] is not store.unfinished()[0]


def test_a_durable_replace_syncs_the_new_file_renames_it_then_syncs_the_folder(
    tmp_path, monkeypatch
):
    # A rename not followed by a sync of its folder can be undone by a power cut; a file renamed
    # before its own bytes are synced can come back empty. The order is the guarantee.
    import flows.datafile as datafile

    calls: list[str] = []
    real_open, real_fsync, real_replace = os.open, os.fsync, os.replace
    kinds: dict[int, str] = {}

    def opening(path, flags, *args, **kwargs):
        descriptor = real_open(path, flags, *args, **kwargs)
        kinds[descriptor] = "folder" if Path(path).is_dir() else "file"
        return descriptor

    def syncing(descriptor):
        calls.append(f"fsync {kinds.get(descriptor, '?')}")
        return real_fsync(descriptor)

    def replacing(source, target):
        calls.append("rename")
        return real_replace(source, target)

    monkeypatch.setattr(os, "open", opening)
    monkeypatch.setattr(os, "fsync", syncing)
    monkeypatch.setattr(os, "replace", replacing)
    datafile.atomic_write(tmp_path / "a.json", b"{}")
    assert calls == ["fsync file", "rename", "fsync folder"]
    assert (tmp_path / "a.json").read_bytes() == b"{}"
