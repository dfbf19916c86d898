"""The attempt record: it survives a round trip, and a broken record says what is broken."""

from datetime import datetime

import pytest

from flows.attempt import Attempt, InvalidRecord
from flows.session import Session


def sample(clock) -> Attempt:
    session = Session.begin(
        clock=clock, goal="refund", order_number="111-2223334-5556667", summary="상자가 찌그러짐"
    )
    for event in ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"]:
        session.move(event)
    session.record(agent_name="김민수", case_number="A1")
    session.add_note("환불 약속 받음")
    return session.attempt


def test_round_trip_keeps_everything(clock):
    attempt = sample(clock)
    again = Attempt.from_dict(attempt.to_dict())
    assert again == attempt
    assert again.to_dict() == attempt.to_dict()


def test_times_keep_their_offset(clock):
    data = sample(clock).to_dict()
    assert data["created_at"].endswith("+09:00")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("configuration"), "missing field"),
        (lambda d: d.update(configuration=["website", "nowhere"]), "impossible step"),
        (lambda d: d.update(configuration=["on_contact_us"]), "impossible step"),
        (lambda d: d.update(created_at="yesterday"), "yesterday"),
        (lambda d: d.update(created_at="2026-11-26T09:00:00"), "without a UTC offset"),
        (lambda d: d.update(id="7"), "whole number"),
        (lambda d: d["contacts"][0].update(reached_human="yes"), "reached_human"),
        (lambda d: d["timeline"][0].pop("event"), "missing 'event'"),
        (
            lambda d: (
                d.update(notes=[{"at": "2026-11-26T09:00:00+09:00", "text": None}])
                or d["notes"][0].pop("text")
            ),
            "missing 'text'",
        ),
        (lambda d: d.update(summary=5), "summary must be text"),
    ],
)
def test_a_broken_record_says_what_is_wrong(clock, change, message):
    data = sample(clock).to_dict()
    change(data)
    with pytest.raises(InvalidRecord, match=message):
        Attempt.from_dict(data)


def test_not_an_object_is_refused():
    with pytest.raises(InvalidRecord, match="must be an object"):
        Attempt.from_dict(["not", "a", "record"])


def test_extra_fields_from_elsewhere_are_ignored(clock):
    data = sample(clock).to_dict() | {"colour": "blue"}
    assert Attempt.from_dict(data).id == data["id"]


def test_outcome_and_finish_time_follow_the_step(clock):
    attempt = sample(clock)
    assert attempt.outcome == "in_progress" and attempt.finished_at is None
    attempt.configuration = ["resolved"]
    assert attempt.outcome == "resolved" and isinstance(attempt.finished_at, datetime)
