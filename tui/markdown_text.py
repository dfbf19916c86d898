"""Text made literal in Markdown, with a backslash only where one is needed.

The export is read two ways: as plain text (kept as a file, pasted into an e-mail) and rendered
(CommonMark, or GitHub's flavour with its tables, strikethrough and autolinks). A backslash
before every character Markdown knows makes the plain reading hard going ("112\\-7654321",
"\\(Refund\\)"), so a character is escaped only where it would start formatting at its place:

- at a line's start, what would open a block (``# ``, ``> ``, ``- ``, ``1. ``, a fence, a rule,
  an underline, a table's rule, a link's definition). Between the lines of one paragraph only what
  can break into a paragraph counts (``2.`` cannot; ``1.`` can);
- anywhere, what would open code, HTML, an autolink, an inline link, an entity, a hard break;
- ``*``, ``_`` and ``~`` only where CommonMark's flanking rules let them open emphasis (or
  strikethrough) that something after them could close: a closer alone changes nothing.

Text is made :func:`~flows.text.printable` here first: control characters are shown, not sent.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from flows.text import printable


@dataclass(frozen=True)
class Code:
    """Text shown as code: literal in both readings without a single backslash (for a number
    such as a masked ``***-*******-****001``, which would otherwise need several)."""

    text: str

    def fence(self) -> int:
        """How many backticks around it: one more than its longest run of them."""
        return max((len(run) for run in re.findall("`+", self.text)), default=0) + 1

    def markdown(self) -> str:
        ticks = "`" * self.fence()
        text = printable(self.text).replace("\n", " ")
        if text.startswith(("`", " ")) or text.endswith(("`", " ")):
            text = f" {text} "  # one space each side is taken off again
        return f"{ticks}{text}{ticks}"


Part = str | Code
# A code span stands in the flat text as one character no typed text holds (printable() has
# shown every control character as an escape).
_CODE = "\x00"
_ASCII_PUNCTUATION = frozenset(string.punctuation)

# What opens a block at a line's start (after any indentation).
_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_BULLET = re.compile(r"[-+*](?:[ \t]|$)")
_BULLET_WITH_TEXT = re.compile(r"[-+*][ \t]+\S")
_ORDERED = re.compile(r"\d{1,9}([.)])(?:[ \t]|$)")
_ORDERED_FROM_ONE = re.compile(r"0*1([.)])[ \t]+\S")  # the only list that breaks into a paragraph
_RULE = re.compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_UNDERLINE = re.compile(r"(?:=+|-+)[ \t]*$")
_FENCE = re.compile(r"`{3,}|~{3,}")
_TABLE_RULE = re.compile(r"(?=.*-)(?=.*[|:])[|:\- \t]+$")
# What opens something anywhere in a line.
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# An e-mail autolink's name may hold backticks, so a code span of ours (_CODE) can be part of it.
_TAG_OR_AUTOLINK = re.compile(r"<(?=[A-Za-z/!?]|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\x00-]+@)")


def escaped_paragraph(lines: Sequence[Sequence[Part]]) -> list[str]:
    """The lines of one paragraph as Markdown that renders exactly as they read. The first line
    starts the paragraph (block syntax there is read in full), the rest continue it."""
    return _Paragraph(lines).markdown()


def escaped_line(text: str) -> str:
    """One line of text that starts a paragraph (or a heading), escaped."""
    return escaped_paragraph([[text]])[0]


def needs_escaping(text: str) -> bool:
    return escaped_line(text) != text


class _Paragraph:
    def __init__(self, lines: Sequence[Sequence[Part]]) -> None:
        flat: list[str] = []
        self.starts: list[int] = []
        offset = 0
        for number, parts in enumerate(lines):
            text = "".join(printable(p) if isinstance(p, str) else _CODE for p in parts)
            if number == 0:
                text = text.lstrip()  # indented four spaces, a paragraph would be code
            text = text.rstrip()  # two spaces at a line's end make a hard break
            self.starts.append(offset)
            flat.append(text)
            offset += len(text) + 1
        self.text = "\n".join(flat)
        codes = iter([p for parts in lines for p in parts if isinstance(p, Code)])
        self.codes = {i: next(codes) for i, ch in enumerate(self.text) if ch == _CODE}
        self.escape: set[int] = set()

    def markdown(self) -> list[str]:
        for number, start in enumerate(self.starts):
            self._line_start(start, first=number == 0)
        self._anywhere()
        self._code_spans()
        for mark in "*_~":
            self._emphasis(mark)
        out = []
        for i, ch in enumerate(self.text):
            if ch == _CODE:
                out.append(self.codes[i].markdown())
            else:
                out.append(f"\\{ch}" if i in self.escape else ch)
        return "".join(out).split("\n")

    def _line_start(self, start: int, *, first: bool) -> None:
        end = self.text.find("\n", start)
        line = self.text[start : end if end >= 0 else len(self.text)]
        at = start + len(line) - len(line.lstrip(" \t"))
        rest = self.text[at : start + len(line)]
        if fence := _FENCE.match(rest):
            self.escape.update(range(at, at + fence.end()))
            return
        if _TABLE_RULE.match(rest):
            self.escape.update(at + i for i, ch in enumerate(rest) if ch == "|")
        opens_a_block = (
            _HEADING.match(rest)
            or rest.startswith(">")
            or _RULE.match(rest)
            or _TABLE_RULE.match(rest)
            or (_BULLET.match(rest) if first else _BULLET_WITH_TEXT.match(rest))
            or (self._defines_a_link(rest) if first else _UNDERLINE.match(rest))
        )
        if opens_a_block:
            self.escape.add(at)
        ordered = _ORDERED.match(rest) if first else _ORDERED_FROM_ONE.match(rest)
        if ordered:
            self.escape.add(at + ordered.start(1))

    def _defines_a_link(self, rest: str) -> bool:
        """``[label]: address`` starting a paragraph (its label may run on to the next lines)."""
        return rest.startswith("[") and "]:" in self.text

    def _anywhere(self) -> None:
        text = self.text
        for i, ch in enumerate(text):
            after = text[i + 1 : i + 2]
            if ch == "\\" and (after in _ASCII_PUNCTUATION or after in ("", "\n", _CODE)):
                self.escape.add(i)  # else it would escape what follows, or break the line
            elif ch == "]" and after == "(":
                self.escape.add(i)  # no inline link (nor image) without "](": none is made
        self.escape.update(m.start() for m in _ENTITY.finditer(text))
        self.escape.update(m.start() for m in _TAG_OR_AUTOLINK.finditer(text))

    def _code_spans(self) -> None:
        """A run of backticks opens code when a run as long comes after it, so of the typed runs
        each one with its like later on is escaped. What counts as later: every run not escaped,
        our own code spans (their fences and the runs inside them), and each escaped backtick
        too, as a run of one (a backslash does not stop code from closing)."""
        runs: list[tuple[int, int, bool]] = []  # (start, length, may be escaped)
        runs += [(start, end - start, True) for start, end in self._runs("`")]
        runs += [(i, 1, False) for i in self.escape if self.text[i] == "`"]
        for start, code in self.codes.items():
            inside = [len(run) for run in re.findall("`+", code.text)]
            runs += [(start, length, False) for length in [code.fence(), *inside]]
        later: set[int] = set()
        for start, length, typed in sorted(runs, reverse=True):
            touches_ours = _CODE in self.text[max(start - 1, 0) : start + length + 1]
            if typed and (length in later or touches_ours):  # touching, they would be one run
                self.escape.update(range(start, start + length))
                later.add(1)
            else:
                later.add(length)

    def _emphasis(self, mark: str) -> None:
        """Escape each run of ``mark`` that could open, when one after it could close."""
        text, closer_after = self.text, False
        for start, end in reversed(self._runs(mark)):
            before = text[start - 1] if start else ""
            after = text[end] if end < len(text) else ""
            opens, closes = _flanking(mark, before, after)
            if opens and closer_after:
                self.escape.update(range(start, end))
            elif closes:
                closer_after = True

    def _runs(self, mark: str) -> list[tuple[int, int]]:
        """The runs of ``mark`` not escaped yet, as (start, end): one escaped character (a rule's
        first) splits a run in two."""
        runs: list[tuple[int, int]] = []
        for i, ch in enumerate(self.text):
            if ch != mark or i in self.escape:
                continue
            if runs and runs[-1][1] == i:
                runs[-1] = (runs[-1][0], i + 1)
            else:
                runs.append((i, i + 1))
        return runs


def _flanking(mark: str, before: str, after: str) -> tuple[bool, bool]:
    """Whether a run of ``mark`` between ``before`` and ``after`` may open, and close (CommonMark's
    "left- and right-flanking delimiter runs"; GitHub's ``~`` as ``*``). Renderers differ on
    whether a symbol such as "€" counts as punctuation (CommonMark 0.31 says it does): a run
    that may open or close by either reading is taken to."""
    opens = closes = False
    for symbols in (False, True):
        b_space, a_space = _space(before), _space(after)
        b_punct, a_punct = _punctuation(before, symbols), _punctuation(after, symbols)
        left = not a_space and (not a_punct or b_space or b_punct)
        right = not b_space and (not b_punct or a_space or a_punct)
        if mark == "_":
            opens |= left and (not right or b_punct)
            closes |= right and (not left or a_punct)
        else:
            opens, closes = opens or left, closes or right
    return opens, closes


def _space(ch: str) -> bool:
    return ch == "" or ch.isspace()  # a line's start and end count as space


def _punctuation(ch: str, symbols: bool) -> bool:
    if ch in ("", " "):
        return False
    if ch == _CODE:
        return True  # a code span starts and ends with a backtick
    kinds = ("P", "S") if symbols else ("P",)
    return ch in _ASCII_PUNCTUATION or unicodedata.category(ch).startswith(kinds)
