"""Sharing an attempt without giving away who and what: people's names, order and case numbers,
e-mail addresses and phone numbers, however they were written.

What was recorded (agents' names, order and case numbers, also those of the earlier attempts a
follow-on continues) is looked for in every text of the attempt, written any way a person
writes it: in any case, a first name or surname alone, an initial, a Korean particle straight
after a name, numbers with dashes, spaces or nothing between their groups. Long numbers and
e-mail addresses are hidden whether recorded or not. When in doubt, it hides: a shared copy that
says too little can be explained, one that says too much cannot be taken back.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

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
from flows.steps import DIRECT_NUMBER
from flows.words import Words, words_for

# A number this long in free text is a phone, account or tracking number, recorded or not.
LONG_NUMBER_DIGITS = 9
# A run of digits this long that a recorded number contains gives part of it away.
PART_OF_A_NUMBER_DIGITS = 5

_LATIN = r"A-Za-z0-9\u00c0-\u024f"
_HANGUL = r"\uac00-\ud7a3"
# Names end where the script does: "Priya가" is Priya and a particle, "Also" is not "Al".
_NOT_AFTER = rf"(?<![{_LATIN}{_HANGUL}])"
_NOT_BEFORE_LATIN = rf"(?![{_LATIN}])"
# Korean particles that change with the word before them, as (after a final consonant, after a
# vowel): a replaced name takes the form its replacement needs.
_PARTICLES = (
    ("이랑", "랑"),
    ("으로", "로"),
    ("이", "가"),
    ("은", "는"),
    ("을", "를"),
    ("과", "와"),
)
_PARTICLE = "|".join(sorted({p for pair in _PARTICLES for p in pair}, key=len, reverse=True))
# Dates and times stay readable: they are not numbers to hide.
_DATE_OR_TIME = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?")
_DIGITS = re.compile(r"\+?\d(?:[ .\-/]?\(?\d\)?)*")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


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


def redacted(
    attempt: Attempt, words: Words | None = None, earlier: Iterable[Attempt] = ()
) -> Attempt:
    """A copy fit to share: people named only by their order, numbers masked, everywhere.

    ``earlier``: the attempts this one continues, whose agents and numbers it may mention.
    """
    words = words or words_for("en")
    copy = copy_of(attempt)
    scrub = Scrubber(attempt, words, list(earlier))
    copy.order_number = scrub(copy.order_number)
    copy.summary, copy.evidence = scrub(copy.summary), scrub(copy.evidence)
    copy.earlier_case_numbers = [scrub(c) for c in copy.earlier_case_numbers]
    for person in copy.people:
        person.name = scrub(person.name)
        person.case_number = scrub(person.case_number)
        person.promise = scrub(person.promise)
    copy.entries = [_scrubbed(entry, scrub, words) for entry in copy.entries]
    copy.unsent = {
        field: msgspec.structs.replace(kept, text=scrub(kept.text))
        for field, kept in copy.unsent.items()
    }
    return copy


class Scrubber:
    """Hides, in any text, what the attempt (and those it continues) recorded."""

    def __init__(self, attempt: Attempt, words: Words, earlier: list[Attempt]) -> None:
        attempts = [attempt, *earlier]
        names = list(dict.fromkeys(n for a in attempts for n in a.agent_names if n.strip()))
        self.words = words
        self._names = [(_name_pattern(name), number) for number, name in enumerate(names, 1)]
        # Longest first: a full name goes before a part of it that is some other agent's name.
        self._names.sort(key=lambda item: len(item[0].pattern), reverse=True)
        numbers = [
            value
            for a in attempts
            for value in (a.order_number, *a.case_numbers, *a.earlier_case_numbers)
            if value.strip()
        ]
        self._digits = {d for d in (re.sub(r"\D", "", n) for n in numbers) if len(d) >= 3}
        self._codes = [_code_pattern(n) for n in numbers if re.search(r"[^\W\d_]", n)]

    def __call__(self, text: str) -> str:
        if not text:
            return text
        text = _EMAIL.sub(lambda _: self.words("redacted_email"), text)
        for pattern in self._codes:
            text = pattern.sub(lambda m: mask(m.group()), text)
        text = self._numbers(text)
        for pattern, number in self._names:
            text = pattern.sub(functools.partial(self._agent, number), text)
        return text

    def _agent(self, number: int, match: re.Match[str]) -> str:
        label = self.words("redacted_agent", number=number)
        particle = match.group("particle")
        return label + (_particle_after(label, particle) if particle else "")

    def _numbers(self, text: str) -> str:
        kept = {DIRECT_NUMBER}  # Amazon's own line is public and worth keeping readable

        def hide(match: re.Match[str]) -> str:
            run = match.group()
            digits = re.sub(r"\D", "", run)
            if run.strip() in kept or not digits:
                return run
            if digits in self._digits:
                return mask(run)  # the recorded number itself: its last digits still tell which
            if len(digits) >= LONG_NUMBER_DIGITS or any(
                secret in digits or (len(digits) >= PART_OF_A_NUMBER_DIGITS and digits in secret)
                for secret in self._digits
            ):
                return re.sub(r"\d", "*", run)  # inside or around a recorded one: all of it
            return run

        # Dates and times are set aside first, so that a date and a number beside it do not
        # read as one long number.
        spans = [(m.start(), m.end()) for m in _DATE_OR_TIME.finditer(text)]
        out, last = [], 0
        for start, end in [*spans, (len(text), len(text))]:
            out.append(_DIGITS.sub(hide, text[last:start]))
            out.append(text[start:end])
            last = end
        return "".join(out)


def _name_pattern(name: str) -> re.Pattern[str]:
    """Every way ``name`` may be written in a note: whole, or any part of two letters or more
    alone; an initial stands for itself or any word it begins; in any case; a Korean particle
    straight after it is taken along, to fit the replacement."""
    name = re.sub(r"\(.*?\)", " ", name)  # "Marcus (supervisor)": the role is not the name
    tokens = re.findall(rf"[{_LATIN}{_HANGUL}]+", name)
    parts = [_token(t) for t in tokens]
    ways = []
    if len(parts) > 1:
        ways.append(r"[\s.\-]*".join(parts) + r"\.?")
    for token in tokens:
        if len(token) >= 2:
            ways.append(re.escape(token))
            if re.fullmatch(f"[{_HANGUL}]{{3}}", token):
                ways.append(re.escape(token[1:]))  # a Korean given name without the surname
    if not ways:
        ways.append(re.escape(name.strip()))
    either = "|".join(ways)
    return re.compile(
        rf"{_NOT_AFTER}(?:{either}){_NOT_BEFORE_LATIN}(?P<particle>{_PARTICLE})?", re.IGNORECASE
    )


def _token(token: str) -> str:
    if len(token) == 1 and token.isalpha():
        # An initial: the letter, with or without its dot, or a name it stands for ("S." for
        # "Sharma", not for "said"): a capital, then a word in lower or upper case. Only ever
        # within a whole name, never alone: "Sam" is not agent "Priya S.".
        capital, lower = re.escape(token.upper()), re.escape(token.lower())
        name = rf"(?-i:{capital}(?:[a-z\u00df-\u00ff]+|[A-Z\u00c0-\u00de]+))"
        return rf"(?:{name}|(?:{capital}|{lower})\.?)(?![{_LATIN}])"
    return re.escape(token)


def _code_pattern(code: str) -> re.Pattern[str]:
    """A case number with letters in it, in any case and with any separators between."""
    characters = [re.escape(ch) for ch in code if ch.isalnum()]
    return re.compile(
        rf"(?<![{_LATIN}])" + r"[\s.\-#/]?".join(characters) + rf"(?![{_LATIN}])", re.IGNORECASE
    )


def _particle_after(word: str, particle: str) -> str:
    """The form of a Korean particle that follows ``word`` as it is read aloud."""
    for after_consonant, after_vowel in _PARTICLES:
        if particle in (after_consonant, after_vowel):
            last = word.rstrip()[-1:]
            if last == "" or not _ends_in_consonant(last):
                return after_vowel
            if after_consonant == "으로" and _ends_in_rieul(last):
                return "로"  # ㄹ takes 로, as in 서울로
            return after_consonant
    return particle


# Digits as read in Korean (영, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구): which end in a consonant.
_DIGIT_ENDS_IN_CONSONANT = dict(zip("0123456789", "1101001110", strict=True))
_DIGIT_ENDS_IN_RIEUL = set("178")


def _ends_in_consonant(ch: str) -> bool:
    if ch in _DIGIT_ENDS_IN_CONSONANT:
        return _DIGIT_ENDS_IN_CONSONANT[ch] == "1"
    if "\uac00" <= ch <= "\ud7a3":
        return (ord(ch) - 0xAC00) % 28 != 0
    return False  # a Latin letter: read as its name, most of which end in a vowel sound


def _ends_in_rieul(ch: str) -> bool:
    if ch in _DIGIT_ENDS_IN_RIEUL:
        return True
    return "\uac00" <= ch <= "\ud7a3" and (ord(ch) - 0xAC00) % 28 == 8


def _scrubbed(entry: Entry, scrub: Callable[[str], str], words: Words) -> Entry:
    if isinstance(entry, Transcript):
        # A pasted chat names people and numbers we never recorded, so nothing reliable can
        # mask it: a redacted copy says it was left out.
        text = words("redacted_transcript", chars=f"{len(entry.text):,}")
        return msgspec.structs.replace(entry, text=text)
    if isinstance(entry, Note | NoteEdit | Draft | SiteReport | EnglishWording):
        return msgspec.structs.replace(entry, text=scrub(entry.text))
    return entry
