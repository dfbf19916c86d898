"""The escalation ladder: each draft carries the attempt's facts, in either language, and is kept."""

from __future__ import annotations

from datetime import date

import pytest

from flows.attempt import DRAFT_KINDS as KINDS
from flows.attempt import TextTooLong
from flows.drafts import broken_promises, draft
from flows.privacy import redacted
from flows.session import Session
from flows.store import Store
from flows.words import words_for
from tests.tui.conftest import walk

TO_AGENT = ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"]
TODAY = date(2026, 11, 26)


def promised_then_let_down(clock, store=None) -> Session:
    session = walk(
        Session.begin(
            store,
            clock=clock,
            goal="refund",
            order_number="112-1234567-7654321",
            summary="Blender arrived cracked",
            evidence="two photos of the box",
        ),
        TO_AGENT,
    )
    session.record(
        agent_name="Mina",
        case_number="CASE-42",
        promise="refund within 5 days",
        promise_due=date(2026, 11, 20),
    )
    return walk(session, ["promise_made"])


def test_every_rung_names_the_order_the_outcome_and_the_broken_promise(clock):
    attempt = promised_then_let_down(clock).attempt
    for kind in KINDS:
        text = draft(attempt, kind, words_for("en"), TODAY)
        assert "112-1234567-7654321" in text and "refund" in text
        assert '"refund within 5 days" by 2026-11-20. That has not happened yet.' in text
        assert "two photos of the box" in text
    assert "supervisor" in draft(attempt, "supervisor", words_for("en"), TODAY)
    complaint = draft(attempt, "complaint", words_for("en"), TODAY)
    assert complaint.startswith("Subject: order 112-1234567-7654321: request for a refund")
    assert "- 2026-11-26: phone call with Mina, case CASE-42." in complaint


def test_korean_drafts_keep_the_facts_and_the_tone(clock):
    attempt = promised_then_let_down(clock).attempt
    complaint = draft(attempt, "complaint", words_for("ko"), TODAY)
    assert complaint.startswith("제목: 주문 112-1234567-7654321: 환불 요청")
    assert "상담원 Mina, 접수 번호 CASE-42" in complaint and "감사합니다." in complaint
    assert "상급자" in draft(attempt, "supervisor", words_for("ko"), TODAY)


def test_a_promise_is_broken_only_once_its_day_has_passed_and_nothing_was_fixed(clock):
    session = promised_then_let_down(clock)
    assert broken_promises(session.attempt, date(2026, 11, 20)) == []
    assert [c.case_number for c in broken_promises(session.attempt, TODAY)] == ["CASE-42"]
    walk(session, ["promise_kept"])
    assert broken_promises(session.attempt, TODAY) == []


def test_a_bare_attempt_still_gets_a_polite_draft(clock):
    bare = Session.begin(clock=clock).attempt
    for kind in KINDS:
        text = draft(bare, kind, words_for("en"), TODAY)
        assert "my order" in text and "put right" in text
    with pytest.raises(ValueError, match="unknown draft 'threat'"):
        draft(bare, "threat", words_for("en"), TODAY)


def test_saved_drafts_replace_their_kind_survive_a_reload_and_are_redacted(tmp_path, clock):
    store = Store(tmp_path / "a.json")
    session = promised_then_let_down(clock, store)
    session.save_draft("complaint", "first version, CASE-42")
    session.save_draft("agent", "hello")
    session.save_draft("complaint", "second version, CASE-42 and 112-1234567-7654321, Mina")
    stored = Store(tmp_path / "a.json").get(session.attempt.id)
    assert [(d.kind, d.text) for d in stored.drafts] == [
        ("agent", "hello"),
        ("complaint", "second version, CASE-42 and 112-1234567-7654321, Mina"),
    ]
    hidden = redacted(stored).drafts[1].text
    assert "CASE-42" not in hidden and "7654321" not in hidden and "Mina" not in hidden
    with pytest.raises(TextTooLong):
        session.save_draft("agent", "x" * 20_001)
    with pytest.raises(ValueError, match="unknown draft 'letter'"):
        session.save_draft("letter", "x")


def test_the_contact_count_is_for_the_message_being_written(clock):
    waiting = promised_then_let_down(clock).attempt  # one contact over: the next is the second
    assert "this is contact number 2" in draft(waiting, "agent", words_for("en"), TODAY)
    live = walk(
        Session.begin(clock=clock, goal="refund"), TO_AGENT
    ).attempt  # on the first call now
    assert "contact number" not in draft(live, "agent", words_for("en"), TODAY)
