"""Chat transcripts kept as evidence, and what can be read out of them for the record.

Amazon's chat window cannot be reopened once closed, so the person pastes what it said. We keep
the text as it was and suggest agent names, case numbers and promised dates found in it; each
is only a suggestion, recorded when the person confirms it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from flows.dates import dates_in

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
    for day, start, end in dates_in(transcript, received):
        add("promise_due", day.isoformat(), start, end)
    order = {"agent_name": 0, "case_number": 1, "promise_due": 2}
    return sorted(found, key=lambda s: order[s.kind])


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
