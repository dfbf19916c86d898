"""The attempt record (v2): it survives a round trip, and a broken record says what is broken."""

import copy
from datetime import datetime

import pytest

from flows.attempt import Attempt, InvalidRecord, decode, encode
from flows.session import Session


def sample(clock) -> Attempt:
    session = Session.begin(
        clock=clock, goal="refund", order_number="111-2223334-5556667", summary="상자가 찌그러짐"
    )
    for event in ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"]:
        session.move(event)
    session.record(agent_name="김민수", case_number="A1")
    session.add_note("환불 약속 받음")
    session.save_draft("agent", "Hello")
    return session.attempt


def test_round_trip_keeps_everything(clock):
    attempt = sample(clock)
    again = decode(encode(attempt))
    assert again == attempt
    assert encode(again) == encode(attempt)


def test_times_keep_their_offset(clock):
    data = encode(sample(clock))
    assert data["created_at"].endswith("+09:00")


def test_a_call_is_one_contact_with_the_person_in_it(clock):
    attempt = sample(clock)
    assert [c.channel for c in attempt.contacts] == ["direct_call"]
    (person,) = attempt.contacts[0].people
    assert (person.name, person.case_number, person.role) == ("김민수", "A1", "agent")


# Every kind of damage the reliability review fed the readers, and what the message names.
DAMAGE = {
    "no configuration": (
        lambda d: d.pop("configuration"),
        "missing required field `configuration`",
    ),
    "a step that is not one": (
        lambda d: d.update(configuration=["website", "nowhere"]),
        "Invalid enum value 'nowhere'",
    ),
    "a configuration the machine cannot be in": (
        lambda d: d.update(configuration=["on_contact_us"]),
        "impossible step",
    ),
    "a time that is no time": (lambda d: d.update(created_at="yesterday"), "created_at"),
    "a time without its offset": (
        lambda d: d.update(created_at="2026-11-26T09:00:00"),
        "timezone",
    ),
    "an id that is text": (lambda d: d.update(id="7"), "Expected `int`, got `str` - at `$.id`"),
    "an id that is true": (lambda d: d.update(id=True), "got `bool`"),
    "an id out of range": (lambda d: d.update(id=2**64 - 1), "<= 999999999"),
    "a revision below zero": (lambda d: d.update(revision=-1), "$.revision"),
    "a goal from elsewhere": (lambda d: d.update(goal="bribe"), "'bribe' - at `$.goal`"),
    "a channel from elsewhere": (
        lambda d: d["contacts"][0].update(channel="pigeon"),
        "$.contacts[0].channel",
    ),
    "a contact that is text": (
        lambda d: d.update(contacts=["oops"]),
        "got `str` - at `$.contacts[0]`",
    ),
    "an event that is not one": (
        lambda d: d["timeline"][0].update(event="teleport"),
        "'teleport' - at `$.timeline[0].event`",
    ),
    "a draft of a kind we do not write": (
        lambda d: d["entries"][1].update(kind="threat"),
        "'threat' - at `$.entries[1].kind`",
    ),
    "an entry of a type we do not know": (
        lambda d: d["entries"].append({"type": "spell", "id": "x"}),
        "'spell' - at `$.entries[2].type`",
    ),
    "a field we do not know": (lambda d: d.update(colour="blue"), "unknown field `colour`"),
    "deep nesting inside it": (
        lambda d: d.update(colour=[[[[[[[[]]]]]]]] * 3),
        "unknown field `colour`",
    ),
    "reached_human that is text": (
        lambda d: d["contacts"][0].update(reached_human="yes"),
        "$.contacts[0].reached_human",
    ),
    "a summary that is a number": (lambda d: d.update(summary=5), "got `int` - at `$.summary`"),
    "a site note at a step off the website": (
        lambda d: d["entries"].append(
            {"type": "site_note", "id": "s", "at": d["created_at"], "step": "resolved", "text": ""}
        ),
        "'resolved' - at `$.entries[2].step`",
    ),
}


@pytest.mark.parametrize("name", list(DAMAGE))
def test_a_broken_record_says_what_is_wrong_and_where(clock, name):
    change, message = DAMAGE[name]
    data = copy.deepcopy(encode(sample(clock)))
    change(data)
    with pytest.raises(InvalidRecord) as refused:
        decode(data)
    assert message in str(refused.value)


def test_not_an_object_is_refused():
    with pytest.raises(InvalidRecord, match="Expected `object`, got `array`"):
        decode(["not", "a", "record"])


def test_outcome_and_finish_time_follow_the_step(clock):
    attempt = sample(clock)
    assert attempt.outcome == "in_progress" and attempt.finished_at is None
    attempt.configuration = ["resolved"]
    assert attempt.outcome == "resolved" and isinstance(attempt.finished_at, datetime)
