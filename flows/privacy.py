"""Sharing an attempt without giving away who and what: order and case numbers, people's names."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from flows.attempt import (
    Attempt,
    Draft,
    EnglishWording,
    Entry,
    Note,
    NoteEdit,
    SiteReport,
    Transcript,
    copy_of,
)


def mask(text: str) -> str:
    """Hide all but the last few letters or digits: ``112-7654321-0000001`` -> ``***-*******-****001``."""
    letters = sum(ch.isalnum() for ch in text)
    keep = 3 if letters >= 9 else 1 if letters >= 4 else 0
    out, seen = [], 0
    for ch in text:
        if ch.isalnum():
            seen += 1
            out.append(ch if seen > letters - keep else "*")
        else:
            out.append(ch)
    return "".join(out)


def redacted(attempt: Attempt) -> Attempt:
    """A copy fit to share: order and case numbers masked, people named only by their order.

    The same values are also replaced wherever they appear in free text (notes, summaries,
    promises); other personal details a person typed there are theirs to check.
    """
    copy = copy_of(attempt)
    replacements: dict[str, str] = {}
    for number, name in enumerate(copy.agent_names, start=1):
        replacements[name] = f"Agent {number}"
    for value in [copy.order_number, *copy.case_numbers, *copy.earlier_case_numbers]:
        if value:
            replacements[value] = mask(value)

    def scrub(text: str) -> str:
        for secret in sorted(replacements, key=len, reverse=True):
            text = text.replace(secret, replacements[secret])
        return text

    copy.order_number = scrub(copy.order_number)
    copy.summary, copy.evidence = scrub(copy.summary), scrub(copy.evidence)
    copy.earlier_case_numbers = [scrub(c) for c in copy.earlier_case_numbers]
    for person in copy.people:
        person.name = scrub(person.name)
        person.case_number = scrub(person.case_number)
        person.promise = scrub(person.promise)
    # Everything the person wrote, except what is worded in English (``of`` names the source).
    copy.entries = [_scrubbed(entry, scrub) for entry in copy.entries]
    return copy


def _scrubbed(entry: Entry, scrub: Callable[[str], str]) -> Entry:
    if isinstance(entry, Transcript):
        # A pasted chat names people and numbers we never recorded, so nothing reliable can
        # mask it: a redacted copy says it was left out.
        text = f"[chat transcript left out: {len(entry.text):,} characters]"
        return msgspec.structs.replace(entry, text=text)
    if isinstance(entry, Note | NoteEdit | Draft | SiteReport | EnglishWording):
        return msgspec.structs.replace(entry, text=scrub(entry.text))
    return entry
