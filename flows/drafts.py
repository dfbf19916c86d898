"""The escalation ladder: the next message to send, drafted from the attempt's own facts.

Three rungs: a calm request to an agent, a polite request for a supervisor, and a written
complaint that lists what has happened. Courteous and factual, in the person's language; the
person edits it before it goes anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flows.attempt import DRAFT_KINDS, Attempt, Contact, Person
from flows.text import has_hangul
from flows.words import Words


def broken_promises(attempt: Attempt, today: date) -> list[Person]:
    """People whose promised date has passed while the problem is still not solved."""
    if attempt.outcome == "resolved":
        return []
    return [p for p in attempt.people if p.promise and p.promise_due and p.promise_due < today]


def korean_parts(attempt: Attempt) -> list[str]:
    """The fields of the record, going into a message to Amazon, that are written in Korean:
    the agents read English, so the person is told before sending."""
    fields = {
        "summary": attempt.summary,
        "evidence": attempt.evidence,
        "agent_name": " ".join(p.name for p in attempt.people),
        "promise": " ".join(p.promise for p in attempt.people),
        "case_number": " ".join(attempt.case_numbers),
    }
    return [name for name, text in fields.items() if has_hangul(text)]


def draft(attempt: Attempt, kind: str, words: Words, today: date) -> str:
    if kind not in DRAFT_KINDS:
        raise ValueError(f"unknown draft {kind!r}; choose one of {', '.join(DRAFT_KINDS)}")

    def text(key: str, **values: object) -> str:
        return words(f"drafts.{key}", **values)

    order = text("order", order=attempt.order_number) if attempt.order_number else text("no_order")
    # "Something else" names no outcome to ask for: the request then stays general.
    # Each outcome is asked for in a sentence of its own ("a credit or points" is not English).
    named = attempt.goal not in ("", "other")
    goal = words(f"drafts.subject_goals.{attempt.goal}") if named else ""
    wanted = words(f"drafts.wanted.{attempt.goal}") if named else text("no_goal")
    facts = [text("problem", summary=_sentence(attempt.summary))] if attempt.summary else []
    facts.append(wanted)
    cases = list(
        dict.fromkeys(
            [
                *attempt.earlier_case_numbers,
                *attempt.case_numbers,
            ]
        )
    )
    history = []
    spoken = [c for c in attempt.contacts if c.reached_human is not False]
    # The message is for the contact going on now, or else for the next one. A contact is one
    # call, chat or e-mail thread, however many people were in it.
    count = len(spoken) if attempt.current_contact is not None else len(spoken) + 1
    if spoken and count >= 2:
        history.append(text("first_contact", day=_day(spoken[0].started_at.date()), count=count))
    if cases and kind != "complaint":  # the complaint's timeline names each case already
        history.append(words.plural("drafts.cases", len(cases), cases=", ".join(cases)))
    history.extend(
        text(
            "promise_broken",
            day=_day(person.joined_at.date()),
            promise=person.promise,
            due=_day(person.promise_due) if person.promise_due else "",
        )
        for person in broken_promises(attempt, today)
    )
    if attempt.evidence:
        history.append(text("evidence", evidence=" ".join(attempt.evidence.split()).rstrip(".")))

    if kind == "agent":
        return "\n\n".join(
            [text("agent_open", order=order), " ".join(facts + history), text("agent_close")]
        )
    if kind == "supervisor":
        return "\n\n".join(
            [
                text("supervisor_open", order=order),
                " ".join(facts + history),
                text("supervisor_close"),
            ]
        )
    subject = (
        text("complaint_subject", order=order, goal=goal)
        if goal
        else text("complaint_subject_no_goal", order=order)
    )
    entries = [
        _entry(contact, person, text, words)
        for contact in attempt.contacts
        for person in _people_or_none(contact)
    ]
    parts = [subject, text("complaint_open", order=order), " ".join(facts)]
    if entries:
        parts.append("\n".join([text("complaint_timeline"), *entries]))
    if history:
        parts.append(" ".join(history))
    parts.append(text("complaint_close"))
    return "\n\n".join(parts)


def _people_or_none(contact: Contact) -> list[Person | None]:
    """The people in a contact, or one "nobody" for a contact no one answered."""
    return [*contact.people] or [None]


def _entry(contact: Contact, person: Person | None, text: Callable[..., str], words: Words) -> str:
    """One line of the complaint's timeline: a contact, and someone in it."""
    channel = words(f"drafts.channels.{contact.channel}")
    with_whom = case = promise = ""
    if person is not None and person.name:
        key = "complaint_with_supervisor" if person.role == "supervisor" else "complaint_with"
        with_whom = text(key, name=person.name)
    if person is not None and person.case_number:
        case = text("complaint_case", case=person.case_number)
    if person is not None and person.promise:
        due = text("complaint_due", due=_day(person.promise_due)) if person.promise_due else ""
        promise = text("complaint_promise", promise=person.promise, due=due)
    started = person.joined_at if person is not None else contact.started_at
    return text(
        "complaint_entry",
        day=_day(started.date()),
        channel=channel,
        with_whom=with_whom,
        case=case,
        promise=promise,
    )


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text[-1:] in ".!?。" else text + "."


def _day(day: date) -> str:
    return day.isoformat()
