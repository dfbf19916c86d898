"""One attempt in Markdown, to keep or to send (``amazon-contact export``).

It reads as well as plain text (a file kept, a summary pasted into an e-mail) as rendered:
headings, short bullet lists, plain sentences; no tables. Every text in it is escaped by
:mod:`tui.markdown_text`, so what a person typed renders as typed, never as formatting or a
link. A long timeline is summarised; the contacts, people, promises, outcome, notes and drafts
are always there in full.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from itertools import groupby

from flows.attempt import Attempt, TimelineEntry
from flows.steps import phase_of
from flows.words import Words
from tui.markdown_text import Code, Part, escaped_line, escaped_paragraph, needs_escaping
from tui.report import (
    TimelineItem,
    contact_details,
    draft_title,
    facts,
    one_line,
    person_details,
    step_title,
    timeline,
    when,
)

# Up to this many moves the timeline lists every one. Past it (the website alone is eight
# screens or more) each stretch of getting there, the preparing and then Amazon's site, is one
# line: what a reader needs of those screens is that they were gone through, and when. Every
# move from the first contact on stays, since each (an answer, a transfer, a supervisor, a
# promise, the end) is part of what happened with Amazon.
TIMELINE_IN_FULL_UP_TO = 8
ON_THE_WAY = ("preparing", "website")
# Between the parts of a contact's line: reads the same in either language, and is no table.
BETWEEN = " · "


def attempt_markdown(attempt: Attempt, words: Words) -> str:
    """The attempt as Markdown: what it is about, what happened, with whom, and what was kept."""
    identifiers = {one_line(attempt.order_number), *(one_line(c) for c in attempt.case_numbers)}
    lines = [_heading(1, words("attempt_no", id=attempt.id)), ""]
    for label, value in facts(attempt, words):
        first, *more = value.split("\n")
        head = [f"{label}: ", _identifier(first, identifiers)] if label else [first]
        lines += _bullet(head, more)
    lines += _section(words("timeline"))
    lines += [line for text in _timeline_lines(attempt, words) for line in _bullet([text])]
    if attempt.contacts:
        lines += _section(words("contacts"))
    for contact in attempt.contacts:
        lines += _bullet(_line_of([detail] for detail in contact_details(contact, words)))
        for person in contact.people:
            details = person_details(contact, person, words)
            pieces: list[list[Part]] = [[value] for label, value in details if not label]  # when
            pieces += [
                [f"{label}: ", _identifier(value, identifiers)] for label, value in details if label
            ]
            lines += _bullet(_line_of(pieces), depth=1)
    if attempt.notes:
        lines += _section(words("notes"))
    for note in attempt.notes:
        first, *more = note.text.split("\n")
        lines += _bullet([f"{when(note.at)}: {first}"], more)
    for saved in attempt.drafts:
        lines += _section(f"{draft_title(saved.kind, words)} ({when(saved.at)})")
        lines += _quote(saved.text)
    if attempt.site_reports:
        lines += _section(words("site_reports"))
    for report in attempt.site_reports:
        first, *more = (report.text or "-").split("\n")
        lines += _bullet([f"{when(report.at)} {step_title(report.step, words)}: {first}"], more)
    for kept in attempt.transcripts:
        lines += _section(f"{words('transcript_kept')} ({when(kept.at)})")
        lines += _quote(kept.text)
    return "\n".join(lines) + "\n"


def _timeline_lines(attempt: Attempt, words: Words) -> list[str]:
    """Each move as a line; in a long timeline, each stretch of getting there as one."""
    items = timeline(attempt, words)
    if len(attempt.timeline) <= TIMELINE_IN_FULL_UP_TO:
        return [_item(item) for item in items]
    lines = [_item(items[0])]  # the attempt's start
    moves = list(zip(attempt.timeline, items[1:], strict=True))
    for _, run in groupby(moves, key=lambda move: _stretch_of(move[0])):
        stretch = list(run)
        if len(stretch) == 1:
            lines.append(_item(stretch[0][1]))
            continue
        first, last = stretch[0][0], stretch[-1][0]
        text = words(
            "timeline_stretch",
            phase=step_title(phase_of(first.target), words),
            first=step_title(first.target, words),
            last=step_title(last.target, words),
            steps=words.plural("timeline_steps", len(stretch)),
        )
        lines.append(f"{_span(first.at, last.at, words)} {text}")
    return lines


def _stretch_of(entry: TimelineEntry) -> str:
    """What a move is grouped by: its phase on the way to Amazon, or itself."""
    phase = phase_of(entry.target)
    return phase if phase in ON_THE_WAY else entry.id


def _item(item: TimelineItem) -> str:
    return f"{item.at} {item.text}" + (f" (+{item.took})" if item.took else "")


def _span(start: datetime, end: datetime, words: Words) -> str:
    if start.date() == end.date():
        return words("time_span", start=when(start), end=f"{end:%H:%M}")
    return words("time_span_days", start=when(start), end=when(end))


def _line_of(pieces: Iterable[Sequence[Part]]) -> list[Part]:
    """The pieces of one line, one after the other with :data:`BETWEEN` between them."""
    line: list[Part] = []
    for piece in pieces:
        line += [BETWEEN, *piece] if line else piece
    return line


def _identifier(value: str, identifiers: set[str]) -> Part:
    """An order or case number as it reads: as code only where plain it would need backslashes
    (a masked ``***-*******-****001``), since code needs none."""
    return Code(value) if value in identifiers and needs_escaping(value) else value


def _heading(level: int, text: str) -> str:
    line = escaped_line(text)
    if line.rstrip(" \t").endswith("#"):  # "... #" would close the heading: drop out of sight
        head, _, tail = line.rstrip(" \t").rpartition(" ")
        line = f"{head} \\{tail}" if head else f"\\{tail}"
    return f"{'#' * level} {line}"


def _section(title: str) -> list[str]:
    return ["", _heading(2, title), ""]


def _paragraphs(lines: Iterable[Sequence[Part]]) -> Iterator[list[Sequence[Part]]]:
    """Lines grouped into paragraphs, at each blank line (several count as one)."""
    paragraph: list[Sequence[Part]] = []
    for line in lines:
        if all(isinstance(p, str) and not p.strip() for p in line):
            if paragraph:
                yield paragraph
            paragraph = []
        else:
            paragraph.append(line)
    if paragraph:
        yield paragraph


def _bullet(first: Sequence[Part], more: Iterable[str] = (), depth: int = 0) -> list[str]:
    """A list item: ``first`` after its marker, each of ``more`` under it, indented to stay in
    it (a blank line among them starts another paragraph, still in the item)."""
    marker, indent = "  " * depth + "- ", "  " * (depth + 1)
    out: list[str] = []
    for paragraph in _paragraphs([first, *([line] for line in more)]):
        if out:
            out.append("")
        out += [indent + line for line in escaped_paragraph(paragraph)]
    if not out:
        return [marker.rstrip()]
    out[0] = marker + out[0][len(indent) :]
    return out


def _quote(text: str) -> list[str]:
    """A text kept as written (a draft, a transcript): quoted, its lines kept apart when
    rendered too (two spaces at a line's end break it there)."""
    out: list[str] = []
    for paragraph in _paragraphs([line] for line in text.split("\n")):
        if out:
            out.append(">")
        escaped = escaped_paragraph(paragraph)
        out += [f"> {line}  " for line in escaped[:-1]] + [f"> {escaped[-1]}"]
    return out or [">"]
