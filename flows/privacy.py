"""Sharing an attempt without giving away who and what: order and case numbers, people's names."""

from __future__ import annotations

from flows.attempt import Attempt


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
    copy = Attempt.from_dict(attempt.to_dict())
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
    for contact in copy.contacts:
        contact.agent_name = scrub(contact.agent_name)
        contact.case_number = scrub(contact.case_number)
        contact.promise = scrub(contact.promise)
    for note in copy.notes:
        note.text = scrub(note.text)
    for draft in copy.drafts:
        draft.text = scrub(draft.text)
    # A pasted chat names people and numbers we never recorded, so nothing reliable can mask
    # it: a redacted copy says it was left out.
    for transcript in copy.transcripts:
        transcript.text = f"[chat transcript left out: {len(transcript.text):,} characters]"
    for report in copy.site_reports:
        report.text = scrub(report.text)
    return copy
