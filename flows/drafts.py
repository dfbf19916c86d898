"""Messages to send, drafted from the attempt's own facts, for the person to edit first.

The escalation ladder to Amazon (a calm request to an agent, a polite request for a
supervisor, a written complaint with the timeline) is written in English, the language Amazon's
agents read; where the record holds Korean, the person can give an English wording of it, kept
with the attempt. The letters to those outside Amazon who can still help (the card's issuer, the
Korea Consumer Agency) are written in the language their reader uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from flows.attempt import DRAFT_KINDS, LADDER, Attempt, Contact, Person
from flows.text import has_hangul
from flows.words import Words

# Each letter outside Amazon, and the step whose guidance calls for it.
LETTER_STEPS: dict[str, str] = {
    "card_issuer": "disputing_the_charge",
    "consumer_agency": "asking_consumer_agency",
}
# The reply date a letter asks for: the writer's request, which the person changes as they
# like, not a time limit any rule sets.
REPLY_WITHIN = timedelta(days=14)


def letter_language(kind: str, lang: str) -> str:
    """The language a draft is written in, for a person using the app in ``lang``."""
    if kind in LADDER:
        return "en"  # Amazon's agents read English
    if kind == "consumer_agency":
        return "ko"  # the Korean agency reads Korean
    return lang  # the card's issuer is the person's own bank


def kinds_for(attempt: Attempt) -> list[str]:
    """The drafts to offer: the ladder always; a letter outside Amazon once the attempt has
    reached the step that calls for it, or one is kept."""
    reached = {entry.target for entry in attempt.timeline} | {attempt.step}
    kept = {d.kind for d in attempt.drafts}
    return [*LADDER, *(k for k, step in LETTER_STEPS.items() if step in reached or k in kept)]


@dataclass(frozen=True)
class Wordable:
    """A text of the record that goes into a message, with its English wording if one is kept."""

    of: str  # what its English wording is kept under
    field: str  # its name, in the catalog's [fields]
    text: str
    english: str = ""


def wordables(attempt: Attempt) -> list[Wordable]:
    """Every text of the record that goes into a message to Amazon, in the order shown."""
    english = attempt.english_wordings
    items = [("summary", "summary", attempt.summary), ("evidence", "evidence", attempt.evidence)]
    for person in attempt.people:
        items += [
            (f"name:{person.id}", "agent_name", person.name),
            (f"case:{person.id}", "case_number", person.case_number),
            (f"promise:{person.id}", "promise", person.promise),
        ]
    return [Wordable(of, field, text, english.get(of, "")) for of, field, text in items if text]


def in_korean(attempt: Attempt) -> list[Wordable]:
    """The texts written in Korean, which an English message would carry: the person may
    give each an English wording."""
    return [w for w in wordables(attempt) if has_hangul(w.text)]


def korean_parts(attempt: Attempt) -> list[str]:
    """The fields still in Korean in an English message (no English wording given for them):
    the agents read English, so the person is told before sending."""
    fields = (w.field for w in in_korean(attempt) if has_hangul(w.english or w.text))
    return list(dict.fromkeys(fields))


def broken_promises(attempt: Attempt, today: date) -> list[Person]:
    """People whose promised date has passed while the problem is still not solved."""
    if attempt.outcome == "resolved":
        return []
    return [p for p in attempt.people if p.promise and p.promise_due and p.promise_due < today]


def draft(attempt: Attempt, kind: str, words: Words, today: date) -> str:
    """The draft of ``kind``, written with ``words`` (English for a message to send to Amazon;
    another language to read what it says)."""
    if kind not in DRAFT_KINDS:
        raise ValueError(f"unknown draft {kind!r}; choose one of {', '.join(DRAFT_KINDS)}")
    facts = _Facts(attempt, words, today)
    if kind in LADDER:
        return facts.ladder(kind)
    return facts.letter(kind)


class _Facts:
    """The attempt's facts, put in words: the parts every draft is made of."""

    def __init__(self, attempt: Attempt, words: Words, today: date) -> None:
        self.attempt, self.words, self.today = attempt, words, today
        english = attempt.english_wordings if words.lang == "en" else {}
        # A text as it goes into the message: its English wording, where one is kept.
        self.said: Callable[[str, str], str] = lambda of, text: english.get(of) or text
        self.order = (
            self.text("order", order=attempt.order_number)
            if attempt.order_number
            else self.text("no_order")
        )
        # "Something else" names no outcome to ask for: the request then stays general.
        named = attempt.goal not in ("", "other")
        self.goal = words(f"drafts.subject_goals.{attempt.goal}") if named else ""
        self.wanted = words(f"drafts.wanted.{attempt.goal}") if named else self.text("no_goal")
        summary = self.said("summary", attempt.summary)
        self.problem = self.text("problem", summary=_sentence(summary)) if summary else ""
        self.broken = broken_promises(attempt, today)
        self.evidence = " ".join(self.said("evidence", attempt.evidence).split()).rstrip(".")

    def day(self, day: date) -> str:
        """A date as a letter in this language writes it: in English the ISO form, which reads
        the same in every English-speaking country (12/10 does not); in Korean, 2026년 12월 10일."""
        return day.isoformat() if self.words.lang == "en" else self.words.day(day)

    def text(self, key: str, **values: object) -> str:
        return self.words(f"drafts.{key}", **values)

    def ladder(self, kind: str) -> str:
        attempt, text = self.attempt, self.text
        facts = [p for p in (self.problem, self.wanted) if p]
        history = []
        spoken = [c for c in attempt.contacts if c.reached_human is not False]
        # The message is for the contact going on now, or else for the next one. A contact is
        # one call, chat or e-mail thread, however many people were in it.
        count = len(spoken) if attempt.current_contact is not None else len(spoken) + 1
        if spoken and count >= 2:
            history.append(
                text("first_contact", day=self.day(spoken[0].started_at.date()), count=count)
            )
        cases = list(dict.fromkeys([*attempt.earlier_case_numbers, *self._case_numbers()]))
        if cases and kind != "complaint":  # the complaint's timeline names each case already
            history.append(self.words.plural("drafts.cases", len(cases), cases=", ".join(cases)))
        if kind != "complaint":  # the complaint's timeline marks each broken promise
            history.extend(self._broken_promises())
        if self.evidence:
            history.append(text("evidence", evidence=self.evidence))

        if kind in ("agent", "supervisor"):
            return "\n\n".join(
                [
                    text(f"{kind}_open", order=self.order),
                    " ".join(facts + history),
                    text(f"{kind}_close"),
                ]
            )
        subject = (
            text("complaint_subject", order=self.order, goal=self.goal)
            if self.goal
            else text("complaint_subject_no_goal", order=self.order)
        )
        parts = [subject, text("complaint_open", order=self.order), " ".join(facts)]
        entries = list(self._timeline())
        if entries:
            parts.append("\n".join([text("complaint_timeline"), *entries]))
        if history:
            parts.append(" ".join(history))
        parts.append(text("complaint_close"))
        return "\n\n".join(parts)

    def letter(self, kind: str) -> str:
        """A letter outside Amazon: what was bought, what went wrong, everything done to settle
        it with Amazon, the evidence, and the date a reply is asked for. Blanks in brackets are
        what only the person's own papers show (the card account, the charge)."""
        text = self.text
        entries = list(self._timeline()) or [text("letter_no_contacts")]
        evidence = [f"- {line}" for line in self._evidence_lines()] or [text("letter_no_evidence")]
        number = self.attempt.order_number or text("letter_no_order_number")
        return "\n\n".join(
            [
                text(f"{kind}_subject", order=self.order, number=self.attempt.order_number)
                if self.attempt.order_number
                else text(f"{kind}_subject_no_order"),
                text(f"{kind}_open", order=self.order),
                text(f"{kind}_details", number=number),
                "\n".join(p for p in (self.problem, self.wanted) if p),
                "\n".join([text("letter_timeline"), *entries]),
                text("letter_answer"),
                "\n".join([text("letter_evidence"), *evidence]),
                text(f"{kind}_close", reply_by=self.day(self.today + REPLY_WITHIN)),
            ]
        )

    def _case_numbers(self) -> list[str]:
        return [
            self.said(f"case:{p.id}", p.case_number) for p in self.attempt.people if p.case_number
        ]

    def _broken_promises(self) -> Iterator[str]:
        for person in self.broken:
            yield self.text(
                "promise_broken",
                day=self.day(person.joined_at.date()),
                promise=self.said(f"promise:{person.id}", person.promise),
                due=self.day(person.promise_due) if person.promise_due else "",
            )

    def _evidence_lines(self) -> list[str]:
        """The evidence, one item a line: as the person listed it, by line or by comma."""
        listed = self.said("evidence", self.attempt.evidence)
        items = listed.splitlines() if "\n" in listed else listed.split(",")
        return [" ".join(item.split()).rstrip(".") for item in items if item.strip()]

    def _timeline(self) -> Iterator[str]:
        """One line per contact, and per person in it: when, how, with whom, what was promised."""
        for contact in self.attempt.contacts:
            for person in _people_or_none(contact):
                yield self._entry(contact, person)

    def _entry(self, contact: Contact, person: Person | None) -> str:
        text, said = self.text, self.said
        channel = self.words(f"drafts.channels.{contact.channel}")
        with_whom = case = promise = ""
        if person is not None and person.name:
            key = "complaint_with_supervisor" if person.role == "supervisor" else "complaint_with"
            with_whom = text(key, name=said(f"name:{person.id}", person.name))
        if person is not None and person.case_number:
            case = text("complaint_case", case=said(f"case:{person.id}", person.case_number))
        if person is not None and person.promise:
            due = (
                text("complaint_due", due=self.day(person.promise_due))
                if person.promise_due
                else ""
            )
            promise = text(
                "complaint_promise", promise=said(f"promise:{person.id}", person.promise), due=due
            )
            if person in self.broken:
                promise += text("complaint_promise_not_kept")
        started = person.joined_at if person is not None else contact.started_at
        return text(
            "complaint_entry",
            day=self.day(started.date()),
            channel=channel,
            with_whom=with_whom,
            case=case,
            promise=promise,
        )


def _people_or_none(contact: Contact) -> list[Person | None]:
    """The people in a contact, or one "nobody" for a contact no one answered."""
    return [*contact.people] or [None]


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text[-1:] in ".!?。" else text + "."
