"""The one lookup of everything said to a person, bound to one language.

    >>> say = words_for("ko")
    >>> say("quit")                          # the app's own words: [ui]
    '종료'
    >>> say("goals.refund")                  # a dotted key names any other table
    '환불'
    >>> say.plural("stats_attempts", 1)      # plural forms by CLDR's rules
    '시도 1건:'

A screen holds the ``Words`` of its language; nothing below it is handed a language code.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from flows import catalog
from flows.errors import DomainError, Term

if TYPE_CHECKING:
    from flows import (
        guidance,
    )  # imported by the methods that shape guidance: not every command does


@dataclass(frozen=True)
class Words:
    lang: str

    def __call__(self, key: str, /, **values: object) -> str:
        """The text at ``key``, filled in with ``values``."""
        entry = self._entry(key)
        if not isinstance(entry, str):
            raise TypeError(f"{key!r} is not a single text (a plural? use .plural)")
        return entry.format(**values) if values else entry

    def plural(self, key: str, count: int, /, **values: object) -> str:
        """The form of ``key`` for ``count`` (``{count}`` in it is the number)."""
        forms = self._entry(key)
        if not isinstance(forms, dict):
            raise TypeError(f"{key!r} has no plural forms")
        text: str = forms[catalog.plural_category(self.lang, count)]
        return text.format(count=count, **values)

    def has(self, key: str) -> bool:
        try:
            self._entry(key)
        except KeyError:
            return False
        return True

    def table(self, name: str) -> dict[str, str]:
        """Every text of a table, by key (``goals``, ``channels``, ...)."""
        first, *rest = name.split(".")
        table: Any = catalog.table(self.lang, first)
        for part in rest:
            table = table[part]
        return dict(table)

    def error(self, problem: DomainError) -> str:
        """A domain error, in this language; an OS error inside it is named in this language too."""
        return self(
            f"errors.{problem.code}", **{k: self.error_value(v) for k, v in problem.values.items()}
        )

    def error_value(self, value: object) -> object:
        """A value inside an error (an error, a system's refusal, a term), as this language says it."""
        if isinstance(value, DomainError):
            return self.error(value)
        if isinstance(value, OSError):
            return self.os_reason(value)
        if isinstance(value, Term):
            key = f"{value.table}.{value.key}"
            return self(key) if self.has(key) else value.key
        return value

    def os_reason(self, error: OSError) -> str:
        """Why the system refused, e.g. "No space left on device", in this language."""
        name = errno.errorcode.get(error.errno or 0, "")
        key = f"errors.os.{name}"
        if name and self.has(key):
            return self(key)
        return os.strerror(error.errno) if error.errno else self("errors.os.unknown")

    def day(self, day: date) -> str:
        """A day as people of this language write it: "3 Dec 2026", "2026년 12월 3일"."""
        months: list[str] = self._entry("days.months")
        return self("days.long", day=day.day, month=months[day.month - 1], year=day.year)

    def day_and_weekday(self, day: date) -> str:
        """A day with its weekday, to confirm one read from "by Friday": "Fri 4 Dec 2026"."""
        weekdays: list[str] = self._entry("days.weekdays")
        return self("days.with_weekday", long=self.day(day), weekday=weekdays[day.weekday()])

    # Guidance, built from the same file

    def step(self, state_id: str) -> guidance.StepGuidance:
        from flows import guidance

        return guidance.guidance(state_id, self.lang)

    def move(self, event_id: str) -> str:
        """How a move is offered, e.g. "I'm signed in"."""
        return self(f"events.{event_id}")

    def phrases(self, kind: str) -> tuple[str, ...]:
        from flows import guidance

        return guidance.phrases(kind, self.lang)

    def label(self, label_id: str) -> guidance.AmazonLabel:
        from flows import guidance

        return guidance.amazon_label(label_id, self.lang)

    def _entry(self, key: str) -> Any:
        first, *rest = key.split(".") if "." in key else ("ui", key)
        table: Any = catalog.table(self.lang, first)
        for name in rest:
            table = table[name]
        return table


@cache
def words_for(lang: str) -> Words:
    """The lookup for ``lang`` (one of :data:`flows.catalog.LANGUAGES`)."""
    if lang not in catalog.LANGUAGES:
        raise catalog.UnknownLanguage(lang)
    return Words(lang)
