"""Dates as people and agents say them, read into calendar days: one reader for the chat
transcripts and the promise dialog, so both understand the same phrases."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
# A bare "5/5" is as often a rating as a date: only one with a dating word just before counts.
_US_DATE = re.compile(
    r"\b(?:by|on|before|until|till|due|around|expect(?:ed)?|arrive[sd]?|deliver(?:ed|y)?)\s+"
    r"(?:\w+\s+){0,2}?(\d{1,2})/(\d{1,2})(?:/(20\d{2}|\d{2}))?\b",
    re.IGNORECASE,
)
_KO_DATE = re.compile(r"(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_WORD_DATE = re.compile(
    r"\b("
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(20\d{2}))?\b",
    re.IGNORECASE,
)
_WITHIN = re.compile(
    r"\b(?:within|in)\s+(\d{1,2})(?:\s*(?:-|~|to)\s*(\d{1,2}))?\s+(business\s+|working\s+)?days?\b",
    re.IGNORECASE,
)
_KO_WITHIN = re.compile(r"(\d{1,2})\s*(?:[~\-]\s*(\d{1,2}))?\s*(영업일|일)\s*(?:이내|안에|내)")
# Only when the text is nothing but the date (the promise dialog's field):
_BARE_US_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})(?:/(20\d{2}|\d{2}))?\s*$")
_BARE_DAYS = re.compile(
    r"^\s*(\d{1,2})(?:\s*(?:-|~|to)\s*(\d{1,2}))?\s+(business\s+|working\s+)?days?\s*$",
    re.IGNORECASE,
)
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("mon", "monday", "월"),
            ("tue", "tues", "tuesday", "화"),
            ("wed", "wednesday", "수"),
            ("thu", "thur", "thurs", "thursday", "목"),
            ("fri", "friday", "금"),
            ("sat", "saturday", "토"),
            ("sun", "sunday", "일"),
        ]
    )
    for name in names
}
_ENGLISH_WEEKDAYS = "|".join(sorted((w for w in WEEKDAYS if w.isascii()), key=len, reverse=True))
_WEEKDAY = re.compile(
    rf"\b(?:by|on|before|until|till|this|due)\s+({_ENGLISH_WEEKDAYS})\b\.?"
    r"|([월화수목금토일])요일\s*(?:까지|에|전|안에|중)",
    re.IGNORECASE,
)
_BARE_WEEKDAY = re.compile(
    rf"^\s*(?:({_ENGLISH_WEEKDAYS})\.?|([월화수목금토일])요일)\s*$", re.IGNORECASE
)
_TOMORROW = re.compile(r"\btomorrow\b|내일|모레", re.IGNORECASE)


def dates_in(text: str, received: date, *, whole: bool = False) -> Iterator[tuple[date, int, int]]:
    """Every date ``text`` names, with where it stands: ISO dates, "12/8", "Dec 8", "12월 8일",
    "by Friday", "금요일까지", "tomorrow", "within 3-5 business days", "3~5영업일 이내".

    ``received`` is the day it was said: counts of days run from it, and a date without a year
    is the nearest such day. ``whole``: the text is nothing but a date (the promise dialog's
    field), so a bare "12/8" or "Friday" counts; in a chat only one after a dating word does
    (a bare "5/5" is as often a rating).
    """
    for match in _ISO_DATE.finditer(text):
        day = _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if day:
            yield day, *match.span()
    # "12/8" after a dating word in a chat; alone as the whole text in the promise dialog.
    us_dates = list(_US_DATE.finditer(text))
    bare = _BARE_US_DATE.match(text) if whole else None
    for match in [*us_dates, *([bare] if bare else [])]:
        year = match.group(3)
        day = _upcoming(
            received,
            int(match.group(1)),
            int(match.group(2)),
            int(year) + (2000 if year and len(year) == 2 else 0) if year else None,
        )
        if day:
            yield day, *match.span()
    for match in _WORD_DATE.finditer(text):
        day = _upcoming(
            received,
            MONTHS[match.group(1).lower()],
            int(match.group(2)),
            int(match.group(3)) if match.group(3) else None,
        )
        if day:
            yield day, *match.span()
    korean_dates = list(_KO_DATE.finditer(text))
    for match in korean_dates:
        day = _upcoming(received, int(match.group(1)), int(match.group(2)), None)
        if day:
            yield day, *match.span()
    for pattern in (_WEEKDAY, *([_BARE_WEEKDAY] if whole else [])):
        for match in pattern.finditer(text):
            weekday = WEEKDAYS[(match.group(1) or match.group(2)).lower()]
            # The next such day: "by Friday" said on a Friday means the one a week on.
            yield (
                received + timedelta(days=(weekday - received.weekday() - 1) % 7 + 1),
                *match.span(),
            )
    for match in _TOMORROW.finditer(text):
        yield received + timedelta(days=2 if match.group() == "모레" else 1), *match.span()
    for pattern in (_WITHIN, _KO_WITHIN, *([_BARE_DAYS] if whole else [])):
        for match in pattern.finditer(text):
            if any(k.start() <= match.start() < k.end() for k in korean_dates):
                continue  # the "20일" of "11월 20일 내로" is a day of the month, not a count of days
            days = int(match.group(2) or match.group(1))  # "3-5 days": the later end is the promise
            unit = (match.group(3) or "").lower()
            business = any(word in unit for word in ("business", "working", "영업"))
            yield _after(received, days, business), *match.span()


def _after(start: date, days: int, business: bool) -> date:
    if not business:
        return start + timedelta(days=days)
    day = start
    while days:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def _upcoming(received: date, month: int, day: int, year: int | None) -> date | None:
    """The date meant: with no year, the one nearest the chat (a December date read in January
    is last month's, a January date read in December is next month's)."""
    if year is not None:
        return _safe_date(year, month, day)
    candidates = [
        d
        for y in (received.year - 1, received.year, received.year + 1)
        if (d := _safe_date(y, month, day))
    ]
    return min(candidates, key=lambda d: abs((d - received).days), default=None)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def promised_date(text: str, today: date) -> date | None:
    """The date a promise's "by when" names (as an agent says it, or as the person writes it),
    counted from ``today``; None when it names none."""
    found = sorted(dates_in(text, today, whole=True), key=lambda found: found[1])
    return found[0][0] if found else None
