"""The escalation ladder: each draft carries the attempt's facts, in either language, and is kept."""

from __future__ import annotations

from datetime import date

import pytest

from flows.attempt import DRAFT_KINDS as KINDS
from flows.attempt import LADDER, TextTooLong
from flows.drafts import (
    broken_promises,
    draft,
    in_korean,
    kinds_for,
    korean_parts,
    letter_language,
)
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
        assert "two photos of the box" in text
        if kind in ("agent", "supervisor"):
            assert '"refund within 5 days" by 2026-11-20. That has not happened yet.' in text
        else:  # the timeline marks the broken promise where it was made, once
            assert '"refund within 5 days" by 2026-11-20. Not done yet.' in text
            assert "That has not happened yet" not in text
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
    for kind in LADDER:
        text = draft(bare, kind, words_for("en"), TODAY)
        assert "my order" in text and "put right" in text
    for kind in ("card_issuer", "consumer_agency"):  # blanks where the record has nothing yet
        text = draft(bare, kind, words_for("en"), TODAY)
        assert "put right" in text and "[when and how you contacted Amazon" in text
        assert "[what you have: photos" in text
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


def test_the_korean_agencys_complaint_is_in_korean_with_timeline_reply_date_and_evidence(clock):
    attempt = promised_then_let_down(clock).attempt
    attempt.evidence = "two photos of the box, the delivery e-mail"
    letter = draft(attempt, "consumer_agency", words_for("ko"), TODAY)
    assert letter.startswith("제목: 해외직구 피해 상담 신청 (아마존 주문 번호 112-1234567-7654321)")
    assert "문제: Blender arrived cracked.\n요청 사항: 환불." in letter
    assert (
        "아마존에 해결을 요청한 경과:\n- 2026년 11월 26일: 전화, 상담원 Mina, 접수 번호 CASE-42."
        in letter
    )
    assert "제출 가능한 증빙 자료:\n- two photos of the box\n- the delivery e-mail" in letter
    assert "2026년 12월 10일까지" in letter, "a reply asked for two weeks on"
    assert "Hello" not in letter and "Thank you" not in letter
    assert [letter_language("consumer_agency", lang) for lang in ("en", "ko")] == ["ko", "ko"]
    assert [letter_language("card_issuer", lang) for lang in ("en", "ko")] == ["en", "ko"]
    assert {letter_language(kind, "ko") for kind in LADDER} == {"en"}, "Amazon reads English"


def test_the_card_issuers_letter_is_in_the_persons_language_with_blanks_for_the_charge(clock):
    attempt = promised_then_let_down(clock).attempt
    english = draft(attempt, "card_issuer", words_for("en"), TODAY)
    assert "dispute the payment I made with my card to Amazon for order 112" in english
    assert "Date and amount of the charge: [as your statement shows them]" in english
    assert "by 2026-12-10 how it will go ahead" in english
    korean = draft(attempt, "card_issuer", words_for("ko"), TODAY)
    assert "이의를 제기하고자 합니다" in korean and "결제일과 결제 금액: [카드 명세서" in korean


def test_the_letters_outside_amazon_are_offered_once_the_attempt_reaches_their_step(clock):
    session = walk(Session.begin(clock=clock, goal="refund"), [*TO_AGENT, "not_solved"])
    assert kinds_for(session.attempt) == list(LADDER)
    walk(session, ["dispute_the_charge", "no_help_outside_amazon"])
    assert kinds_for(session.attempt) == [*LADDER, "card_issuer"]
    session.save_draft("consumer_agency", "미리 써 둔 글")
    assert kinds_for(session.attempt) == [*LADDER, "card_issuer", "consumer_agency"]


def test_an_english_wording_of_korean_record_text_goes_into_the_english_draft(clock):
    session = walk(
        Session.begin(
            clock=clock, goal="refund", summary="상자가 비어 있었음", evidence="사진 두 장"
        ),
        TO_AGENT,
    )
    session.record(agent_name="Mina", promise="5일 안에 환불")
    assert korean_parts(session.attempt) == ["summary", "evidence", "promise"]
    person = session.attempt.people[0]
    session.word_in_english("summary", "The box was empty")
    session.word_in_english(f"promise:{person.id}", "a refund within 5 days")
    assert korean_parts(session.attempt) == ["evidence"], "only what has no English is left"
    assert [w.english for w in in_korean(session.attempt)] == [
        "The box was empty",
        "",
        "a refund within 5 days",
    ]
    english = draft(session.attempt, "complaint", words_for("en"), TODAY)
    assert "The problem: The box was empty." in english
    assert 'Promised: "a refund within 5 days"' in english and "사진 두 장" in english
    korean = draft(session.attempt, "complaint", words_for("ko"), TODAY)
    assert "상자가 비어 있었음" in korean, "what it says in Korean keeps the person's own words"
    with pytest.raises(ValueError, match="nothing called 'promise:nobody'"):
        session.word_in_english("promise:nobody", "x")
