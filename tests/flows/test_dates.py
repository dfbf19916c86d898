"""Dates as agents say them: one reader for the promise dialog and the chat transcripts."""

from __future__ import annotations

from datetime import date

import pytest

from flows.dates import promised_date
from flows.transcripts import suggestions

TUESDAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("2026-12-08", date(2026, 12, 8)),
        ("12/8", date(2026, 12, 8)),
        ("12/8/2026", date(2026, 12, 8)),
        ("Dec 8", date(2026, 12, 8)),
        ("12월 8일", date(2026, 12, 8)),
        ("in 3-5 business days", date(2026, 12, 8)),  # the later end of the range
        ("within 5 days", date(2026, 12, 6)),
        ("5 business days", date(2026, 12, 8)),
        ("3~5영업일 이내", date(2026, 12, 8)),
        ("by Friday", date(2026, 12, 4)),
        ("Friday", date(2026, 12, 4)),
        ("금요일까지", date(2026, 12, 4)),
        ("by Tuesday", date(2026, 12, 8)),  # said on a Tuesday: the one a week on
        ("tomorrow", date(2026, 12, 2)),
        ("내일", date(2026, 12, 2)),
        ("soon", None),
        ("", None),
    ],
)
def test_the_promise_dialog_reads_what_agents_say(said, meant):
    assert promised_date(said, TUESDAY) == meant


def test_a_chat_needs_a_dating_word_before_a_bare_date_or_weekday():
    chat = "Agent: Rate me 5/5 please! Have a nice Friday.\nAgent: It will arrive by Friday."
    days = [s.value for s in suggestions(chat, TUESDAY) if s.kind == "promise_due"]
    assert days == ["2026-12-04"], "only the Friday after 'by'"
