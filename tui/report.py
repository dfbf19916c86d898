"""Attempts as text: the rows of the history, one attempt's story, and its exports.

Shared by the command line and the screens, so both tell the same story. Nothing here draws; it
returns strings. Text a person typed passes through :func:`printable` before it reaches a terminal.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from flows.attempt import Attempt, Contact, Person, encode
from flows.text import printable as printable  # the screens reach it through here too
from flows.words import Words

if TYPE_CHECKING:
    from flows.summary import AttemptSummary


def excerpt(text: str, limit: int, words: Words, attempt_id: int) -> str:
    """``text`` made printable, cut at ``limit`` characters (its field's own limit) with a note
    saying so: only a record made elsewhere goes past it, and a crafted 50 MB note must not
    freeze the screen that draws it."""
    if len(text) <= limit:
        return printable(text)
    more = f"{len(text) - limit:,}"
    return printable(text[:limit]) + words("text_cut", more=more, id=attempt_id)


def one_line(text: str, width: int | None = None) -> str:
    flat = " ".join(printable(text).split())
    if width is not None and len(flat) > width:
        return flat[: max(width - 3, 0)] + "..."
    return flat


def when(moment: datetime) -> str:
    """A time as the person lived it: in the offset it was recorded with."""
    return moment.strftime("%Y-%m-%d %H:%M")


def duration(span: timedelta, words: Words) -> str:
    seconds = max(int(span.total_seconds()), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return words("duration_hours", hours=hours, minutes=minutes)
    if minutes:
        return words("duration_minutes", minutes=minutes, seconds=seconds)
    return words("duration_seconds", seconds=seconds)


def step_title(state_id: str, words: Words) -> str:
    return words.step(state_id).title


def status(attempt: Attempt | AttemptSummary, words: Words) -> str:
    """How the attempt stands: its ending, or the step it is at."""
    if attempt.is_finished:
        return words(f"outcomes.{attempt.outcome}")
    title = step_title(attempt.step, words)
    if attempt.outcome == "waiting" and attempt.follow_up_due:
        return f"{title} ({words('due_on', day=attempt.follow_up_due.isoformat())})"
    return title


def about(attempt: Attempt | AttemptSummary, words: Words) -> str:
    parts = []
    if attempt.goal:
        parts.append(words(f"goals.{attempt.goal}"))
    if attempt.order_number:
        parts.append(attempt.order_number)
    if attempt.summary:
        parts.append(attempt.summary)
    return one_line(" - ".join(parts) or words("new_attempt"))


def route(attempt: Attempt | AttemptSummary, words: Words) -> str:
    if attempt.channels:
        return ", ".join(words(f"channels.{c}") for c in attempt.channels)
    return words(attempt.route) if attempt.route else ""


@dataclass(frozen=True)
class HistoryRow:
    id: int
    started: str
    about: str
    route: str
    status: str
    cases: str


def history_row(attempt: Attempt | AttemptSummary, words: Words) -> HistoryRow:
    return HistoryRow(
        id=attempt.id,
        started=when(attempt.created_at),
        about=about(attempt, words),
        route=route(attempt, words),
        status=status(attempt, words),
        cases=", ".join(one_line(c) for c in attempt.case_numbers),
    )


def search_labels(attempt: AttemptSummary, words: Words) -> str:
    """What a search may match besides the typed words: the goal, status and route as shown in
    ``words``, in one folded string (see :func:`matches`)."""
    goal = words(f"goals.{attempt.goal}") if attempt.goal else ""
    return f"{goal} {status(attempt, words)} {route(attempt, words)}".casefold()


def matches(attempt: AttemptSummary, labels: str, terms: list[str]) -> bool:
    """True when every folded term is in the attempt's typed words or its ``labels``. Terms hold
    no spaces, so no term can match across the two."""
    words = attempt.typed_words
    return all(term in words or term in labels for term in terms)


@dataclass(frozen=True)
class TimelineItem:
    at: str
    text: str
    took: str


def timeline(attempt: Attempt, words: Words) -> list[TimelineItem]:
    """Every step taken, with how long the person spent on the step before it."""
    items = [TimelineItem(when(attempt.created_at), words("began"), "")]
    previous = attempt.created_at
    for entry in attempt.timeline:
        label, title = words.move(entry.event), step_title(entry.target, words)
        text = title if label == title else f"{title} ({label})"
        items.append(TimelineItem(when(entry.at), text, duration(entry.at - previous, words)))
        previous = entry.at
    return items


def contact_lines(attempt: Attempt, words: Words) -> list[str]:
    """A line for each contact, then one for each person in it."""
    lines = []
    for contact in attempt.contacts:
        lines.append(" | ".join(contact_details(contact, words)))
        lines += [f"  - {person_line(contact, person, words)}" for person in contact.people]
    return lines


def contact_details(contact: Contact, words: Words) -> list[str]:
    """When a contact began, how, how long it took, and whether anyone answered."""
    parts = [when(contact.started_at), words(f"channels.{contact.channel}")]
    if contact.duration is not None:
        parts.append(duration(contact.duration, words))
    if contact.reached_human is not None:
        parts.append(words("reached" if contact.reached_human else "not_reached"))
    return parts


def person_line(contact: Contact, person: Person, words: Words) -> str:
    return " | ".join(f"{k}: {v}" if k else v for k, v in person_details(contact, person, words))


def person_details(contact: Contact, person: Person, words: Words) -> list[tuple[str, str]]:
    """What is known of a person, as (label, value): their name, when they joined (a value
    without a label, only when it was not the contact's start), case number, promise."""
    role = "supervisor_name" if person.role == "supervisor" else "agent_name"
    details = [(words(role), one_line(person.name) or "-")]
    if person.joined_at != contact.started_at:
        details.append(("", when(person.joined_at)))
    if person.case_number:
        details.append((words("case_number"), one_line(person.case_number)))
    if person.promise:
        due = f" ({words('by')} {person.promise_due.isoformat()})" if person.promise_due else ""
        details.append((words("promised"), f"{one_line(person.promise)}{due}"))
    return details


def facts(attempt: Attempt, words: Words) -> list[tuple[str, str]]:
    pairs = [
        (words("goal"), words(f"goals.{attempt.goal}") if attempt.goal else ""),
        (words("order"), one_line(attempt.order_number)),
        (words("summary"), printable(attempt.summary)),
        (words("evidence"), printable(attempt.evidence)),
        (words("route_label"), route(attempt, words)),
        (words("outcome" if attempt.is_finished else "col_status"), status(attempt, words)),
    ]
    if attempt.continues is not None:
        pairs.append(("", words("continues", id=attempt.continues)))
    return [(k, v) for k, v in pairs if v]


def attempt_text(attempt: Attempt, words: Words) -> str:
    """One attempt as plain text, for ``amazon-contact show``."""
    lines = [words("attempt_no", id=attempt.id) + f"  ({when(attempt.created_at)})", ""]
    lines += [f"{k}: {v}" if k else v for k, v in facts(attempt, words)]
    lines += ["", words("timeline")]
    lines += [
        f"  {i.at}  {i.text}" + (f"  (+{i.took})" if i.took else "")
        for i in timeline(attempt, words)
    ]
    if attempt.contacts:
        lines += ["", words("contacts")] + [f"  {line}" for line in contact_lines(attempt, words)]
    if attempt.notes:
        lines += ["", words("notes")]
        for note in attempt.notes:
            # A note of several lines keeps them, each under the first, clear of the times.
            first, *more = printable(note.text).split("\n") or [""]
            stamp = f"  {when(note.at)}  "
            lines += [stamp + first, *(" " * len(stamp) + line for line in more)]
    for saved in attempt.drafts:
        lines += ["", f"{draft_title(saved.kind, words)} ({when(saved.at)})"]
        lines += [f"  {printable(line)}" for line in saved.text.splitlines()]
    if attempt.site_reports:
        lines += ["", words("site_reports")]
        lines += [
            f"  {when(r.at)}  {step_title(r.step, words)}: {printable(r.text) or '-'}"
            for r in attempt.site_reports
        ]
    for kept in attempt.transcripts:
        lines += ["", f"{words('transcript_kept')} ({when(kept.at)})"]
        lines += [f"  {printable(line)}" for line in kept.text.splitlines()]
    return "\n".join(lines)


def draft_title(kind: str, words: Words) -> str:
    return words(f"drafts.{kind}_title")


def attempt_json(attempt: Attempt) -> dict[str, Any]:
    """The record exactly as stored, plus what is derived from it."""
    return encode(attempt) | {
        "step": attempt.step,
        "outcome": attempt.outcome,
        "route": attempt.route,
        "case_numbers": attempt.case_numbers,
    }


def to_json(value: Any) -> str:
    """Readable JSON (Hangul as is) that is still safe to print: C1 controls and bidi overrides,
    which JSON leaves raw, are written as \\u escapes (the same text once parsed)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return re.sub(
        r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]", lambda m: f"\\u{ord(m.group()):04x}", text
    )
