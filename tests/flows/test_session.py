"""Walking an attempt: the timeline, the contacts and what a person records along the way."""

from datetime import date

import pytest

from flows.attempt import TextTooLong
from flows.session import NoContactYet, Session
from flows.store import Store

TO_CHAT = [
    "outcome_decided",
    "facts_gathered",
    "take_website_route",
    "signed_in",
    "opened_help",
    "opened_need_more_help",
    "opened_contact_us",
    "see_tabs_and_buttons",
    "chose_tell_us_more",
    "issue_described",
    "chose_chat",
]


def walk(session, events):
    for event in events:
        session.move(event)
    return session


def test_the_timeline_records_every_move_with_its_time(clock):
    session = walk(Session.begin(clock=clock), TO_CHAT[:3])
    timeline = session.attempt.timeline
    assert [(e.event, e.source, e.target) for e in timeline] == [
        ("outcome_decided", "deciding_outcome", "gathering_facts"),
        ("facts_gathered", "gathering_facts", "choosing_route"),
        ("take_website_route", "choosing_route", "signing_in"),
    ]
    assert all(e.at.tzinfo is not None for e in timeline)
    assert timeline[0].at < timeline[1].at < timeline[2].at
    assert session.attempt.route == "website"


def test_a_move_from_a_whole_phase_is_recorded_from_the_step_you_were_on(clock):
    session = walk(Session.begin(clock=clock), [*TO_CHAT[:5], "give_up"])
    last = session.attempt.timeline[-1]
    assert (last.event, last.source, last.target) == ("give_up", "on_help_page", "gave_up")
    assert session.attempt.outcome == "gave_up" and session.is_finished


def test_choosing_a_channel_opens_a_contact_on_that_channel(clock):
    session = walk(Session.begin(clock=clock), TO_CHAT)
    contact = session.attempt.current_contact
    assert contact.channel == "chat" and contact.reached_human is None
    session.move("agent_answered")
    assert contact.reached_human is True
    session.record(agent_name="Mina", case_number="12345678")
    session.move("problem_solved")
    assert contact.ended_at is not None and contact.duration.total_seconds() > 0
    assert session.attempt.agent_names == ["Mina"] and session.attempt.case_numbers == ["12345678"]


def test_a_call_is_one_contact_and_everyone_spoken_to_is_a_person_in_it(clock):
    session = walk(
        Session.begin(clock=clock), ["outcome_decided", "facts_gathered", "call_directly"]
    )
    session.move("agent_answered")
    session.record(agent_name="Agent One", case_number="C-1")
    walk(session, ["transferred", "agent_answered"])
    session.record(agent_name="Agent Two")
    walk(session, ["ask_for_supervisor", "supervisor_joined"])
    session.record(agent_name="Supervisor")
    (call,) = session.attempt.contacts
    assert call.channel == "direct_call" and call.ended_at is None
    people = [(p.role, p.name, p.case_number) for p in call.people]
    assert people == [
        ("agent", "Agent One", "C-1"),
        ("agent", "Agent Two", "C-1"),
        ("supervisor", "Supervisor", "C-1"),
    ]
    assert all(p.left_at for p in call.people[:-1]) and call.people[-1].left_at is None
    assert call.people[1].joined_at > call.people[0].left_at, "the transfer's wait is no one's"


def test_no_answer_is_recorded_as_not_reaching_anyone(clock):
    session = walk(Session.begin(clock=clock), [*TO_CHAT[:-1], "chose_phone", "no_answer"])
    contact = session.attempt.contacts[-1]
    assert contact.reached_human is False and contact.ended_at is not None
    assert session.step == "no_fix_yet"


def test_a_promise_sets_the_follow_up_and_the_case_number_carries_into_the_next_contact(clock):
    session = walk(Session.begin(clock=clock), [*TO_CHAT, "agent_answered"])
    session.record(
        case_number="CASE-9", promise="Refund within 5 days", promise_due=date(2026, 12, 1)
    )
    session.move("promise_made")
    assert session.attempt.outcome == "waiting"
    assert session.attempt.follow_up_due == date(2026, 12, 1)
    walk(session, ["contact_again", "call_directly", "agent_answered"])
    assert session.attempt.current_person.case_number == "CASE-9"
    assert session.attempt.current_contact.channel == "direct_call"
    assert len(session.attempt.contacts) == 2


def test_being_cut_off_and_called_back_is_a_new_contact_with_a_person(clock):
    session = walk(Session.begin(clock=clock), [*TO_CHAT, "agent_answered", "got_cut_off"])
    assert session.attempt.contacts[-1].ended_at is not None
    session.move("amazon_called_back")
    assert len(session.attempt.contacts) == 2
    assert session.attempt.current_contact.reached_human is True
    assert session.attempt.current_contact.channel == "chat"


def test_recording_before_any_contact_says_why_it_cannot(clock):
    session = Session.begin(clock=clock)
    with pytest.raises(NoContactYet, match="no contact"):
        session.record(agent_name="Kim")


def test_overlong_text_is_refused_with_its_limit_and_nothing_changes(clock):
    session = Session.begin(clock=clock)
    with pytest.raises(TextTooLong, match="20,000"):
        session.add_note("x" * 20_001)
    with pytest.raises(TextTooLong):
        session.describe(order_number="1" * 65, summary="kept?")
    assert session.attempt.notes == [] and session.attempt.summary == ""


def test_text_is_kept_exactly_as_typed(clock):
    odd = "[bold]x[/] [@click=app.quit] \x1b[31mred\x00 مرحبا 환불 🙂"
    session = Session.begin(clock=clock, summary=odd)
    session.add_note(odd)
    assert session.attempt.summary == odd and session.attempt.notes[0].text == odd


def test_an_unknown_goal_is_refused(clock):
    with pytest.raises(ValueError, match="unknown goal"):
        Session.begin(clock=clock, goal="revenge")


def test_a_follow_on_attempt_carries_the_order_and_case_numbers_over(clock):
    first = walk(
        Session.begin(clock=clock, goal="refund", order_number="111-1"),
        [*TO_CHAT, "agent_answered"],
    )
    first.record(case_number="CASE-1")
    first.move("give_up")
    second = Session.begin(None, clock=clock, earlier=first.attempt)
    assert second.attempt.continues == first.attempt.id
    assert (second.attempt.goal, second.attempt.order_number) == ("refund", "111-1")
    assert second.attempt.earlier_case_numbers == ["CASE-1"]
    assert second.step == "deciding_outcome"
    walk(second, ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"])
    assert second.attempt.current_person.case_number == "CASE-1"


def test_a_note_can_be_corrected_and_deleted_and_the_timeline_keeps_that_it_was(tmp_path, clock):
    store = Store(tmp_path / "a.json")
    session = Session.begin(store, clock=clock)
    note = session.add_note("Agent said 5 days")
    session.edit_note(note.id, "Agent said 3-5 business days")
    assert [n.text for n in session.attempt.notes] == ["Agent said 3-5 business days"]
    session.delete_note(note.id)
    stored = Store(tmp_path / "a.json").get(session.attempt.id)
    assert stored.notes == []
    assert [type(e).__name__ for e in stored.entries] == ["Note", "NoteEdit", "Deletion"]
    assert "5 days" not in (tmp_path / "a.json").read_text("utf-8"), "its words left the file"
    with pytest.raises(ValueError, match="no note"):
        session.edit_note(note.id, "again")


def test_typed_but_unconfirmed_text_is_kept_apart_and_offered_back_at_its_step(tmp_path, clock):
    store = Store(tmp_path / "a.json")
    session = walk(Session.begin(store, clock=clock), [*TO_CHAT, "agent_answered"])
    session.keep_unsent("agent_name", "Pri")
    session.keep_unsent("note", "they said")
    again = Session.resume(Store(tmp_path / "a.json"), session.attempt.id, clock=clock)
    assert (again.unsent("agent_name"), again.unsent("note")) == ("Pri", "they said")
    assert again.attempt.agent_names == [], "never a fact until confirmed"
    again.record(agent_name="Priya")
    again.add_note("they said yes")
    assert (again.unsent("agent_name"), again.unsent("note")) == ("", "")
    again.keep_unsent("case_number", "CAS")
    again.move("transferred")
    assert again.unsent("case_number") == "", "offered back at the same step only"


def test_a_website_step_can_be_confirmed_and_a_wording_given_in_english(clock):
    session = walk(Session.begin(clock=clock, summary="상자가 찌그러짐"), TO_CHAT[:4])
    session.confirm_screen()
    assert [c.step for c in session.attempt.confirmations] == [session.step]
    session.word_in_english("summary", "The box arrived crushed")
    assert session.attempt.english_wordings == {"summary": "The box arrived crushed"}
    with pytest.raises(ValueError, match="nothing called"):
        session.word_in_english("nonsense", "x")


def test_a_prepared_start_begins_on_its_route_in_one_save(tmp_path, clock):
    store = Store(tmp_path / "a.json")
    session = Session.begin(store, clock=clock, goal="refund", prepared_route="direct")
    assert session.step == "calling_amazon"
    assert [e.event for e in session.attempt.timeline] == [
        "outcome_decided",
        "facts_gathered",
        "call_directly",
    ]
    assert session.saves == 1 and store.get(session.attempt.id).revision == 1
    website = Session.begin(store, clock=clock, prepared_route="website")
    assert website.step == "signing_in"
