"""Every word amazon-contact says to a person: one TOML file per language, read once.

``en.toml`` and ``ko.toml`` hold the same keys: each step's guidance and each move (keyed by the
ids in :mod:`flows.amazon`), the named terms, the lines to say, drafts, reminders, errors, and the
app's own words (``[ui]``). Amazon's labels sit in ``labels.toml``, once for every language. Read
them through :class:`flows.words.Words`, the one lookup bound to a language.
"""

from __future__ import annotations

import os
import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES: tuple[str, ...] = ("en", "ko")
DEFAULT_LANGUAGE = "en"


class UnknownLanguage(ValueError):
    def __init__(self, lang: str) -> None:
        self.lang = lang
        super().__init__(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")


@cache
def entries(lang: str) -> dict[str, Any]:
    """The whole catalog of one language, as its file has it."""
    return {name: table(lang, name) for name in _tables_of(lang)}


@cache
def table(lang: str, name: str) -> Any:
    """One top-level table of a language's catalog (``ui``, ``cli``, ``states``...).

    Each table is parsed when first asked for, from its own part of the file: a command like
    ``amazon-contact due``, run at every shell prompt, needs three tables of fifteen, and parsing
    the whole file would cost it more than all the rest of its work.
    """
    return tomllib.loads(_tables_of(lang)[name])[name]


# A top-level table's header at the start of a line: ``[ui]``, ``[states.signing_in]``. The
# catalog holds no multi-line strings, so no line of a text starts like one; a test checks that
# the catalog parsed table by table is the catalog parsed whole.
_TABLE_HEADER = re.compile(r"^\[([A-Za-z0-9_-]+)[.\]]", re.MULTILINE)


@cache
def _tables_of(lang: str) -> dict[str, str]:
    """The text of each top-level table of a language's catalog, by the table's name."""
    if lang not in LANGUAGES:
        raise UnknownLanguage(lang)
    text = _text(f"{lang}.toml")
    headers = list(_TABLE_HEADER.finditer(text))
    parts: dict[str, list[str]] = {}
    for header, following in zip(headers, [*headers[1:], None], strict=True):
        end = following.start() if following else len(text)
        parts.setdefault(header.group(1), []).append(text[header.start() : end])
    return {name: "".join(texts) for name, texts in parts.items()}


@cache
def labels() -> dict[str, Any]:
    """Amazon's labels, the steps they belong to, and where they come from."""
    return tomllib.loads(_text("labels.toml"))


def _text(name: str) -> str:
    # Beside this module, as every install lays it out (importlib.resources would find it in a
    # zip too, which no install of ours makes, and costs two more imports at every start).
    return Path(__file__).with_name(name).read_text("utf-8")


def plural_category(lang: str, count: int) -> str:
    """The CLDR plural category of a whole number: English has "one" and "other", Korean only
    "other" (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).
    Two rules are all this app needs, which is why they are written out rather than loaded."""
    if lang == "en" and count == 1:
        return "one"
    return "other"


PLURAL_CATEGORIES: dict[str, frozenset[str]] = {
    "en": frozenset({"one", "other"}),
    "ko": frozenset({"other"}),
}


def language_from_environment() -> str:
    """``ko`` when the locale says Korean, else ``en``; the variables in gettext's order."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    import locale  # seldom needed: one of the variables is nearly always set

    code = (locale.getlocale()[0] or "").lower()
    return "ko" if code.startswith("ko") else "en"
