"""Every word amazon-contact says to a person: one TOML file per language, read once.

``en.toml`` and ``ko.toml`` hold the same keys: each step's guidance and each move (keyed by the
ids in :mod:`flows.amazon`), the named terms, the lines to say, drafts, reminders, errors, and the
app's own words (``[ui]``). Amazon's labels sit in ``labels.toml``, once for every language. Read
them through :class:`flows.words.Words`, the one lookup bound to a language.
"""

from __future__ import annotations

import locale
import os
import tomllib
from functools import cache
from importlib import resources
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
    if lang not in LANGUAGES:
        raise UnknownLanguage(lang)
    return _read(f"{lang}.toml")


@cache
def labels() -> dict[str, Any]:
    """Amazon's labels, the steps they belong to, and where they come from."""
    return _read("labels.toml")


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files(__name__).joinpath(name).read_text("utf-8"))


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
    code = (locale.getlocale()[0] or "").lower()
    return "ko" if code.startswith("ko") else "en"
