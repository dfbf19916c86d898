"""The escalation ladder: the next message to send, drafted from the attempt's own facts.

Three rungs: a calm request to an agent, a polite request for a supervisor, and a written
complaint that lists what has happened. Courteous and factual, in the person's language; the
person edits it before it goes anywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flows import guidance
from flows.attempt import DRAFT_KINDS, Attempt, Contact

KINDS = DRAFT_KINDS


def broken_promises(attempt: Attempt, today: date) -> list[Contact]:
    """Contacts whose promised date has passed while the problem is still not solved."""
    if attempt.outcome == "resolved":
        return []
    return [c for c in attempt.contacts if c.promise and c.promise_due and c.promise_due < today]


def draft(attempt: Attempt, kind: str, lang: str, today: date) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown draft {kind!r}; choose one of {', '.join(KINDS)}")

    def text(key: str, **values: object) -> str:
        return guidance.term("drafts", key, lang).format(**values)

    order = text("order", order=attempt.order_number) if attempt.order_number else text("no_order")
    # "Something else" names no outcome to ask for: the request then stays general.
    goal = (
        guidance.term("goals", attempt.goal, lang).lower()
        if attempt.goal not in ("", "other")
        else ""
    )
    wanted = text("goal", goal=goal) if goal else text("no_goal")
    facts = [text("problem", summary=_sentence(attempt.summary))] if attempt.summary else []
    facts.append(wanted)
    cases = list(
        dict.fromkeys(
            [
                *attempt.earlier_case_numbers,
                *(c.case_number for c in attempt.contacts if c.case_number),
            ]
        )
    )
    history = []
    spoken = [c for c in attempt.contacts if c.reached_human is not False]
    # The message is for the contact going on now, or else for the next one.
    count = len(spoken) if attempt.current_contact is not None else len(spoken) + 1
    if spoken and count >= 2:
        history.append(text("first_contact", day=_day(spoken[0].started_at.date()), count=count))
    if cases and kind != "complaint":  # the complaint's timeline names each case already
        history.append(text("cases", cases=", ".join(cases)))
    history.extend(
        text(
            "promise_broken",
            day=_day(contact.started_at.date()),
            promise=contact.promise,
            due=_day(contact.promise_due),  # type: ignore[arg-type]
        )
        for contact in broken_promises(attempt, today)
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
    entries = [_entry(contact, text, lang) for contact in attempt.contacts]
    parts = [subject, text("complaint_open", order=order), " ".join(facts)]
    if entries:
        parts.append("\n".join([text("complaint_timeline"), *entries]))
    if history:
        parts.append(" ".join(history))
    parts.append(text("complaint_close"))
    return "\n\n".join(parts)


def _entry(contact: Contact, text: Callable[..., str], lang: str) -> str:
    channel = guidance.term("drafts.channels", contact.channel, lang) if contact.channel else ""
    if contact.agent_name:
        key = "complaint_with_supervisor" if contact.role == "supervisor" else "complaint_with"
        with_whom = text(key, name=contact.agent_name)
    else:
        with_whom = ""
    case = text("complaint_case", case=contact.case_number) if contact.case_number else ""
    promise = ""
    if contact.promise:
        due = text("complaint_due", due=_day(contact.promise_due)) if contact.promise_due else ""
        promise = text("complaint_promise", promise=contact.promise, due=due)
    return text(
        "complaint_entry",
        day=_day(contact.started_at.date()),
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
