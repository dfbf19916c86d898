"""A save from a stale copy never loses what another window saved (record v2's revisions)."""

import subprocess
import sys
import textwrap
from pathlib import Path

from flows.attempt import Note
from flows.datafile import parse_data_file
from flows.session import Session
from flows.store import Store

PROJECT = Path(__file__).resolve().parents[2]
TO_AGENT = ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"]


def walk(session, events):
    for event in events:
        session.move(event)
    return session


def two_windows(tmp_path, clock):
    """The same attempt opened twice, as a second window or an open detail screen has it."""
    path = tmp_path / "a.json"
    first = walk(Session.begin(Store(path), clock=clock, summary="broken"), TO_AGENT)
    second = Session.resume(Store(path), first.attempt.id, clock=clock)
    return path, first, second


def test_every_save_raises_the_revision(tmp_path, clock):
    session = Session.begin(Store(tmp_path / "a.json"), clock=clock)
    before = session.attempt.revision
    session.add_note("one")
    session.move("outcome_decided")
    assert session.attempt.revision == before + 2
    assert Store(tmp_path / "a.json").get(session.attempt.id).revision == before + 2


def test_a_stale_copy_keeps_the_notes_the_other_window_saved(tmp_path, clock):
    path, first, stale = two_windows(tmp_path, clock)
    first.add_note("A-late-1")
    first.add_note("A-late-2")
    stale.save_draft("agent", "from the stale window")
    stored = Store(path).get(first.attempt.id)
    assert [n.text for n in stored.notes] == ["A-late-1", "A-late-2"]
    assert [d.text for d in stored.drafts] == ["from the stale window"]
    assert stale.last_save is not None and stale.last_save.merged
    assert stale.last_save.conflicts == []
    assert [n.text for n in stale.attempt.notes] == ["A-late-1", "A-late-2"], (
        "the stale window now shows what the other one saved"
    )


def test_a_value_changed_in_both_keeps_the_later_and_says_so(tmp_path, clock):
    path, first, stale = two_windows(tmp_path, clock)
    first.describe(summary="changed first")
    stale.describe(summary="changed later")
    assert Store(path).get(first.attempt.id).summary == "changed later"
    assert stale.last_save.conflicts == ["summary"]


def test_a_step_taken_in_one_copy_and_a_name_in_the_other_both_stay(tmp_path, clock):
    path, first, stale = two_windows(tmp_path, clock)
    first.move("ask_for_supervisor")
    stale.record(agent_name="Mina")
    stored = Store(path).get(first.attempt.id)
    assert stored.step == "asking_for_supervisor" and stored.agent_names == ["Mina"]
    assert stale.step == "asking_for_supervisor", "the stale session follows the machine's step"


def test_a_note_deleted_in_one_copy_stays_deleted(tmp_path, clock):
    path, first, stale = two_windows(tmp_path, clock)
    note = first.add_note("a secret I typed by mistake")
    stale.attempt.entries.append(Note(id=note.id, at=note.at, text=note.text))  # as if it saw it
    first.delete_note(note.id)
    stale.add_note("something else")
    stored = Store(path).get(first.attempt.id)
    assert [n.text for n in stored.notes] == ["something else"]
    assert "a secret I typed by mistake" not in path.read_text("utf-8")


def test_a_finished_attempt_is_not_undone_by_a_stale_step(tmp_path, clock):
    path, first, stale = two_windows(tmp_path, clock)
    first.move("problem_solved")
    stale.move("ask_for_supervisor")
    stored = Store(path).get(first.attempt.id)
    assert stored.outcome == "resolved" and stale.is_finished
    assert str(first.attempt.id) not in parse_data_file(path)["attempts"], "not reopened"


def test_two_processes_writing_the_same_attempt_lose_nothing(tmp_path, clock):
    path = tmp_path / "a.json"
    attempt_id = walk(Session.begin(Store(path), clock=clock), TO_AGENT).attempt.id
    writer = textwrap.dedent(
        f"""
        import sys
        from flows.session import Session
        from flows.store import Store
        name = sys.argv[1]
        session = Session.resume(Store({str(path)!r}), {attempt_id})
        for number in range(25):
            session.add_note(f"{{name}}-{{number}}")
        """
    )
    processes = [
        subprocess.Popen([sys.executable, "-c", writer, name], cwd=PROJECT) for name in "AB"
    ]
    assert [p.wait(timeout=120) for p in processes] == [0, 0]
    texts = {n.text for n in Store(path).get(attempt_id).notes}
    assert texts == {f"{name}-{number}" for name in "AB" for number in range(25)}


def test_a_backup_put_back_wins_and_the_later_copy_is_set_aside(tmp_path, clock):
    path = tmp_path / "a.json"
    session = walk(Session.begin(Store(path), clock=clock, summary="in the backup"), TO_AGENT)
    backup = path.read_bytes()
    session.add_note("after the backup")
    path.write_bytes(backup)  # the person restores their copy while the app runs
    session.add_note("and another")
    report = session.last_save
    assert report is not None and report.set_aside is not None
    assert session.attempt.notes == [], "the session now holds the backup's copy"
    kept = report.set_aside.read_text("utf-8")
    assert "after the backup" in kept and "and another" in kept
    assert Store(path).get(session.attempt.id).notes == []


def test_a_data_file_deleted_underneath_is_started_again_and_said(tmp_path, clock):
    path = tmp_path / "a.json"
    session = Session.begin(Store(path), clock=clock)
    path.unlink()
    session.add_note("still here")
    assert session.last_save is not None and session.last_save.file_recreated
    assert [n.text for n in Store(path).get(session.attempt.id).notes] == ["still here"]
