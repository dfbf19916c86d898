"""Errors the person may see, raised as a code and values, and worded by the catalog.

The domain never writes the sentence itself: a screen says ``words.error(problem)`` in its own
language, and ``str(problem)`` (for logs and the command line's English) is the English entry.
"""

from __future__ import annotations

from typing import NamedTuple


class Term(NamedTuple):
    """A value that is itself a word of the catalog, e.g. a field's name: ``Term("fields", "note")``."""

    table: str
    key: str


class DomainError(Exception):
    """A refusal or a failure the person is told about: ``[errors].<code>`` with ``values``."""

    def __init__(self, code: str, **values: object) -> None:
        self.code = code
        self.values = values
        super().__init__(code)

    def __str__(self) -> str:
        from flows.words import words_for  # the catalog reads files: only once something is said

        return words_for("en").error(self)
