"""Chat transcripts kept as evidence, and what can be read out of them for the record.

Amazon's chat window cannot be reopened once closed, so the person pastes what it said. We keep
the text as it was and suggest agent names, case numbers and promised dates found in it; each
is only a suggestion, recorded when the person confirms it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
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

_NAME = r"([A-Z][a-z]+(?: [A-Z][a-z]*\.?)?)"
_AGENT_PATTERNS = [
    re.compile(r"(?:connected (?:to|with)|transferred (?:to|you to)|now chatting with)\s+" + _NAME),
    re.compile(r"\b(?:[Mm]y name is|[Tt]his is|I am|I'm)\s+" + _NAME + r"(?=[\s,.!])"),
    re.compile(
        r"^\s*(?:\[?\d{1,2}:\d{2}(?:\s?[AP]M)?\]?\s*)?"
        + _NAME
        + r"(?:\s*\((?:Amazon|Customer Service)\))?:",
        re.MULTILINE,
    ),
    re.compile(r"상담원\s*([가-힣A-Za-z]{2,10})(?:입니다|이라고|라고|님)"),
]
_NOT_NAMES = {
    "You",
    "Me",
    "Customer",
    "Amazon",
    "Messaging",
    "Hello",
    "Hi",
    "Thanks",
    "Thank",
    "Sorry",
    "Okay",
    "Sure",
    "Please",
    "Yes",
    "No",
    "Great",
    "Happy",
    "Glad",
    "Here",
    "Going",
    "Just",
    "Sending",
}
_CASE = re.compile(
    r"(?:case|reference|ticket|contact)\s*(?:id|number|no\.?|#)?\s*(?:is|:|#)?\s*([A-Z0-9][A-Z0-9-]{5,24})"
    r"|(?:케이스|접수|사례)\s*(?:번호|ID)?\s*(?:는|은|:)?\s*([A-Z0-9][A-Z0-9-]{5,24})",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"\b(20\d{2})-(\d{1,2})-(\d{1,2})\b")
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
    r"\bwithin\s+(\d{1,2})(?:\s*(?:-|to)\s*(\d{1,2}))?\s+(business\s+|working\s+)?days?\b",
    re.IGNORECASE,
)
_KO_WITHIN = re.compile(r"(\d{1,2})\s*(?:~\s*(\d{1,2}))?\s*(영업일|일)\s*(?:이내|안에|내)")


@dataclass(frozen=True)
class Suggestion:
    """Something read out of a transcript: ``agent_name``, ``case_number`` or ``promise_due``."""

    kind: str
    value: str
    context: str  # the words around it, so the person can judge

    @property
    def day(self) -> date | None:
        return date.fromisoformat(self.value) if self.kind == "promise_due" else None


def suggestions(transcript: str, received: date) -> list[Suggestion]:
    """Agent names, case numbers and promised dates found in ``transcript``, each once, in order.

    ``received`` is the day of the chat: "within 5 business days" is counted from it, and a date
    written without a year is taken as the next such day on or after it.
    """
    found: list[Suggestion] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, value: str, start: int, end: int) -> None:
        if (kind, value) not in seen:
            seen.add((kind, value))
            found.append(Suggestion(kind, value, _context(transcript, start, end)))

    for pattern in _AGENT_PATTERNS:
        for match in pattern.finditer(transcript):
            name = match.group(1).strip()
            if name.split()[0] not in _NOT_NAMES:
                add("agent_name", name, *match.span())
    for match in _CASE.finditer(transcript):
        value = (match.group(1) or match.group(2)).upper()
        if any(ch.isdigit() for ch in value):
            add("case_number", value, *match.span())
    for day, start, end in _dates(transcript, received):
        add("promise_due", day.isoformat(), start, end)
    order = {"agent_name": 0, "case_number": 1, "promise_due": 2}
    return sorted(found, key=lambda s: order[s.kind])


def _dates(text: str, received: date) -> Iterator[tuple[date, int, int]]:
    for match in _ISO_DATE.finditer(text):
        day = _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if day:
            yield day, *match.span()
    for match in _US_DATE.finditer(text):
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
    for pattern in (_WITHIN, _KO_WITHIN):
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


_SPEAKER = re.compile(r"\s*(?:\[?\d{1,2}:\d{2}(?:\s?[AP]M)?\]?\s*)?[^:\n]{1,40}:\s+")


def _context(text: str, start: int, end: int) -> str:
    """The sentence the finding sits in, without the chat's time and speaker in front."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    speaker = _SPEAKER.match(text, line_start, line_end)
    begin = speaker.end() if speaker and speaker.end() <= start else line_start
    for mark in (". ", "! ", "? ", "다. ", "요. "):
        cut = text.rfind(mark, begin, start)
        if cut != -1:
            begin = max(begin, cut + len(mark))
    finish = line_end
    for mark in (". ", "! ", "? "):
        cut = text.find(mark, end, line_end)
        if cut != -1:
            finish = min(finish, cut + 1)
    return " ".join(text[begin:finish].split())
