"""Reading a pasted chat: agent names, case numbers and promised dates, each found once."""

from __future__ import annotations

from datetime import date

import pytest

from flows.attempt import TextTooLong
from flows.privacy import redacted
from flows.session import Session
from flows.store import Store
from flows.transcripts import suggestions

CHAT = """Messaging Assistant: You are now connected to Sarah from Amazon customer service.
10:32 AM Sarah: Hello, my name is Sarah. I'm sorry to hear the blender arrived cracked.
Me: Thanks. Order 112-1234567-7654321.
10:35 AM Sarah: I've created case ID 12345678901 for this. Your refund will be issued within 3-5 business days.
Sarah: If it hasn't arrived by December 2, please contact us with that case number.
You: Great, thank you!
10:40 AM Sarah: I'm transferring you to Mike.
Mike: Hi, this is Mike from the returns team. Reference number: R-99881.
"""
THURSDAY = date(2026, 11, 26)


def found(text: str, day: date = THURSDAY) -> list[tuple[str, str]]:
    return [(s.kind, s.value) for s in suggestions(text, day)]


def test_an_english_chat_gives_names_cases_and_dates_once_each_in_order():
    assert found(CHAT) == [
        ("agent_name", "Sarah"),
        ("agent_name", "Mike"),
        ("case_number", "12345678901"),
        ("case_number", "R-99881"),
        ("promise_due", "2026-12-02"),
        ("promise_due", "2026-12-03"),  # five business days after a Thursday: the next Thursday
    ]
    (first,) = [s for s in suggestions(CHAT, THURSDAY) if s.value == "2026-12-02"]
    assert (
        first.context
        == "If it hasn't arrived by December 2, please contact us with that case number."
    )
    assert first.day == date(2026, 12, 2), "the sentence itself, without the time and the speaker"


def test_a_korean_chat_and_the_usual_date_forms():
    assert found(
        "상담원 지수입니다. 케이스 번호는 98765432101입니다. 환불은 3~5영업일 이내에 처리됩니다."
    ) == [("agent_name", "지수"), ("case_number", "98765432101"), ("promise_due", "2026-12-03")]
    assert found("by 2026-12-24, or by 12/1, or Jan 5") == [
        ("promise_due", "2026-12-24"),
        ("promise_due", "2026-12-01"),
        ("promise_due", "2027-01-05"),
    ]
    assert found("환불은 12월 2일까지, 교환품은 11월 20일 내로") == [
        ("promise_due", "2026-12-02"),
        ("promise_due", "2026-11-20"),
    ], "a day of the month, not a count of days"
    assert found("within 10 days") == [("promise_due", "2026-12-06")]


def test_ordinary_words_and_bad_dates_are_not_suggested():
    assert found("Thanks: I'm happy. Hello: sure. case closed. 13/45 and 2026-02-30") == []
    assert found("I'd rate this chat 5/5 and 1/2 of the items arrived") == [], (
        "no dating word: not a date"
    )


def test_a_date_without_a_year_is_the_nearest_one():
    assert found("it was delivered on November 20", date(2026, 11, 26)) == [
        ("promise_due", "2026-11-20")
    ]
    assert found("expect it by Jan 3", date(2026, 12, 28)) == [("promise_due", "2027-01-03")]
    assert found("ordered on Dec 30", date(2027, 1, 2)) == [("promise_due", "2026-12-30")]


def test_a_kept_transcript_is_stored_as_pasted_and_redacted_on_export(tmp_path, clock):
    store = Store(tmp_path / "a.json")
    session = Session.begin(store, clock=clock, order_number="112-1234567-7654321")
    session.keep_transcript(CHAT + "\x1b[31m")
    (kept,) = Store(tmp_path / "a.json").get(session.attempt.id).transcripts
    assert kept.text == CHAT + "\x1b[31m"
    hidden = redacted(session.attempt).transcripts[0].text
    assert hidden == f"[chat transcript left out: {len(CHAT) + 5:,} characters]", (
        "names in it were never recorded"
    )
    with pytest.raises(ValueError, match="the transcript is empty"):
        session.keep_transcript("   ")
    with pytest.raises(TextTooLong):
        session.keep_transcript("x" * 200_001)
