"""Data files written by amazon-contact 0.1 (today's main before record v2) open and carry over."""

import shutil
from pathlib import Path

import pytest

from flows.datafile import journal_of, parse_data_file
from flows.doctor import examine
from flows.store import Store

FILES = Path(__file__).parent / "files_from_v0.1"


@pytest.fixture
def copy_of(tmp_path):
    def copy(name: str) -> Path:
        shutil.copytree(FILES / name, tmp_path / name)
        return tmp_path / name / "attempts.json"

    return copy


@pytest.mark.parametrize("name", ["plain", "journal", "schema1"])
def test_every_attempt_of_a_file_from_0_1_opens(copy_of, name):
    store = Store(copy_of(name))
    by_id = {a.id: a for a in store.all()}
    assert sorted(by_id) == [1, 2, 3, 4]
    assert by_id[1].outcome == "resolved" and by_id[1].agent_names == ["John Smith"]
    assert by_id[2].outcome == "waiting" and by_id[2].summary == "배송이 늦어짐"
    assert by_id[2].agent_names == ["Priya", "Maria", "Sam Lee"]
    assert [d.kind for d in by_id[2].drafts] == ["complaint"]
    assert by_id[3].site_reports[0].text.startswith("There is no Need More Help?")
    assert by_id[4].continues == 1 and by_id[4].earlier_case_numbers == ["CASE-12345678"]
    assert [s.id for s in store.summaries()] == [4, 3, 2, 1]


def test_the_saves_a_crash_left_in_a_journal_are_read_with_the_file(copy_of):
    path = copy_of("journal")
    attempt = Store(path).get(3)
    assert attempt.notes[-1].text == "only in the journal"
    assert attempt.step == "on_contact_us"
    assert examine(path).legacy_journal


def test_claiming_the_file_writes_the_journal_into_it_and_removes_the_journal(copy_of):
    path = copy_of("journal")
    store = Store(path)
    assert store.claim()
    assert not journal_of(path).exists()
    assert "only in the journal" in path.read_text("utf-8")
    store.release()
    again = Store(path)
    assert again.get(3).step == "on_contact_us"
    assert not examine(path).legacy_journal and examine(path).healthy


def test_a_journal_line_cut_short_by_a_crash_falls_back_to_the_line_before(copy_of):
    path = copy_of("journal")
    journal = journal_of(path)
    journal.write_bytes(journal.read_bytes()[:-40])
    attempt = Store(path).get(3)
    assert attempt.notes[-1].text == "only in the journal", "the first of the two saves is whole"
    assert attempt.step == "on_need_more_help", "the second, cut short, was never confirmed"


def test_a_journal_no_longer_extends_a_file_rewritten_since(copy_of):
    # A backup put back, or the file rewritten by anything else: its journal no longer applies.
    path = copy_of("journal")
    path.write_bytes(path.read_bytes().replace(b'"next_id":5', b'"next_id":6'))
    attempt = Store(path).get(3)
    assert [n.text for n in attempt.notes] == ["looking for the help link"]
    assert parse_data_file(path)["meta"]["1"]["next_id"] == 6


def test_a_0_1_chat_with_a_transfer_and_a_supervisor_becomes_one_contact_with_three_people(
    copy_of,
):
    (chat,) = Store(copy_of("plain")).get(2).contacts
    assert chat.channel == "chat" and chat.reached_human is True
    assert [(p.role, p.name) for p in chat.people] == [
        ("agent", "Priya"),
        ("agent", "Maria"),
        ("supervisor", "Sam Lee"),
    ]
    assert chat.people[-1].promise == "refund in 3-5 days"


def test_the_first_save_writes_the_file_as_record_v2(copy_of):
    path = copy_of("schema1")
    store = Store(path)
    assert store.claim()
    from flows.session import Session

    Session.resume(store, 3).add_note("written as v2")
    data = parse_data_file(path)
    assert data["meta"]["1"]["schema"] == 3 and "snapshot" not in data["meta"]["1"]
    assert all("entries" in r or "notes" not in r for r in data["attempts"].values())
    assert [n.text for n in Store(path).get(3).notes][-1] == "written as v2"
    store.release()
