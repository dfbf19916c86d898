"""The config file's theme and key bindings, checked against what the app has, and applied.

Every ``Binding`` in ``tui`` has an id, ``screen.action`` (``step.record``, ``app.quit``); the
config's ``[keys]`` table maps ids to keys, and Textual's own keymap (``App.set_keymap``) puts them
in place. An id the app does not have, or a key Textual has no name for, is said and left out.
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from collections.abc import Iterator

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import Keys

from flows.errors import DomainError
from flows.preferences import Preferences
from flows.text import printable

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_KEY_NAMES = frozenset(key.value for key in Keys)


def binding_ids() -> dict[str, Binding]:
    """Every binding of the app, by its id (every screen and widget module is imported: only
    asked for when the config remaps a key, or to list them)."""
    import tui.screens
    import tui.widgets
    from tui.app import AmazonContactApp

    for package in (tui.screens, tui.widgets):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    found: dict[str, Binding] = {}
    for node_class in (AmazonContactApp, *_subclasses(DOMNode)):
        if not node_class.__module__.startswith("tui."):
            continue
        for binding in node_class.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding) and binding.id:
                found[binding.id] = binding
    return found


def _subclasses(cls: type[DOMNode]) -> Iterator[type[DOMNode]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def is_key_name(key: str) -> bool:
    """Whether Textual knows ``key`` (``ctrl+x``, ``f9``, ``question_mark``, ``?``)."""
    *modifiers, name = key.strip().split("+")
    if not name or any(m not in MODIFIERS for m in modifiers):
        return False
    if len(name) == 1:
        return name.isprintable() and not name.isspace()
    if name in _KEY_NAMES:
        return True
    try:  # Textual names a character by its Unicode name: "question_mark", "full_stop"
        unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return False
    return True


def usable_keymap(preferences: Preferences) -> dict[str, str]:
    """The config's ``[keys]`` that name a binding and keys that exist; the rest is said."""
    if not preferences.keys:
        return {}
    known = binding_ids()
    keymap: dict[str, str] = {}
    for binding_id, keys in preferences.keys.items():
        if binding_id not in known:
            preferences.problem("config_unknown_binding", name=printable(binding_id))
            continue
        bad = [key for key in keys.split(",") if not is_key_name(key)]
        if bad:
            preferences.problem("config_bad_key", name=binding_id, value=printable(", ".join(bad)))
            continue
        keymap[binding_id] = ",".join(key.strip() for key in keys.split(","))
    return keymap


def check_theme(preferences: Preferences, themes: set[str]) -> str | None:
    """The config's theme if it exists, else None (and said)."""
    if preferences.theme is None or preferences.theme in themes:
        return preferences.theme
    preferences.problem("config_unknown_theme", value=printable(preferences.theme))
    return None


def not_remembered(preferences: Preferences) -> DomainError | None:
    """Why nothing may be written into the config file, if so: it could not be read as TOML."""
    if preferences.broken:
        return DomainError("config_not_written", path=preferences.path)
    return None
