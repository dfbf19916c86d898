"""What a person chose once and should not choose again: language, theme, key bindings.

They live in a small TOML file in the user config folder (``$AMAZON_CONTACT_CONFIG`` chooses
another)::

    language = "ko"
    theme = "amazon-contact"

    [keys]
    "app.quit" = "ctrl+x"
    "step.record" = ["r", "f9"]

A file that is wrong in part is used for what is right: each mistake is a :class:`DomainError`
for the screen (or stderr) to say, naming the file, and the default stands in for what was wrong.
A file that is not TOML at all is never written over: what the person wrote there stays theirs.
Whether a theme or a key binding exists is for the app to say (``tui.preferences``).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flows.catalog import LANGUAGES, language_from_environment
from flows.datafile import APP_NAME
from flows.errors import DomainError
from flows.text import printable

CONFIG_VARIABLE = "AMAZON_CONTACT_CONFIG"
LANGUAGE_VARIABLE = "AMAZON_CONTACT_LANG"
CONFIG_NAME = "config.toml"
SETTINGS = ("language", "theme", "keys")


@dataclass
class Preferences:
    """A config file as far as it could be used, and what was wrong with the rest."""

    path: Path
    language: str | None = None
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)  # binding id → keys, comma-separated
    problems: list[DomainError] = field(default_factory=list)
    broken: bool = False  # not TOML at all: never written over

    def problem(self, code: str, **values: object) -> None:
        self.problems.append(DomainError(code, path=self.path, **values))


def config_path() -> Path:
    """The config file: ``$AMAZON_CONTACT_CONFIG`` if set, else the user config folder's."""
    chosen = os.environ.get(CONFIG_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs  # only when no file is named: keeps a command's start lean

    return platformdirs.user_config_path(APP_NAME, appauthor=False) / CONFIG_NAME


def read(path: Path | None = None) -> Preferences:
    """The preferences in ``path`` (the config file by default); none if there is no file."""
    preferences = Preferences(config_path() if path is None else path)
    try:
        document = _parse(preferences.path)
    except (FileNotFoundError, NotADirectoryError):  # none yet (or none can be: said on a write)
        return preferences
    except OSError as error:  # there, but not to be read: not to be written over either
        preferences.broken = True
        preferences.problem("config_unreadable", reason=error)
        return preferences
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        preferences.broken = True
        preferences.problem("config_broken", detail=printable(str(error)))
        return preferences
    for name, value in document.items():
        if name not in SETTINGS:
            preferences.problem("config_unknown_setting", name=printable(name))
        elif name == "keys":
            _read_keys(preferences, value)
        elif not isinstance(value, str):
            preferences.problem("config_not_text", name=name)
        elif name == "language" and value not in LANGUAGES:
            preferences.problem(
                "config_unknown_language", value=printable(value), choices=", ".join(LANGUAGES)
            )
        elif name == "language":
            preferences.language = value
        else:
            preferences.theme = value
    return preferences


def _read_keys(preferences: Preferences, table: Any) -> None:
    if not isinstance(table, dict):
        preferences.problem("config_keys_not_table")
        return
    for binding_id, keys in table.items():
        if isinstance(keys, str) and keys.strip():
            preferences.keys[binding_id] = keys
        elif isinstance(keys, list) and keys and all(isinstance(k, str) and k for k in keys):
            preferences.keys[binding_id] = ",".join(keys)
        else:
            preferences.problem("config_keys_not_text", name=printable(binding_id))


def _parse(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_bytes().decode("utf-8"))


def remember(path: Path, **settings: str) -> None:
    """Write ``settings`` into the config file at ``path``, keeping everything else it holds.

    Read afresh, since the person may have edited it since the app started; a file that is not
    TOML is refused (``config_not_written``) rather than replaced. Comments are not kept (the
    TOML writer writes values only): the README says so.
    """
    import tomli_w  # only when something is remembered

    try:
        document = _parse(path)
    except (FileNotFoundError, NotADirectoryError):
        document = {}
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise DomainError("config_not_written", path=path) from error
    except OSError as error:
        raise DomainError("config_not_saved", path=path, reason=error) from error
    document.update(settings)
    from flows.datafile import atomic_write

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, tomli_w.dumps(document).encode("utf-8"))
    except OSError as error:
        raise DomainError("config_not_saved", path=path, reason=error) from error


def language_without_flag(read_preferences: Any = read) -> tuple[str, list[DomainError]]:
    """The language when ``--lang`` does not say: ``$AMAZON_CONTACT_LANG``, then the config file,
    then the locale; and what was wrong with the config file, if it was read."""
    chosen = os.environ.get(LANGUAGE_VARIABLE, "")
    if chosen in LANGUAGES:
        return chosen, []
    preferences: Preferences = read_preferences()
    problems = list(preferences.problems)
    if chosen:
        problems.insert(
            0,
            DomainError(
                "language_variable_unknown",
                variable=LANGUAGE_VARIABLE,
                value=printable(chosen),
                choices=", ".join(LANGUAGES),
            ),
        )
    return preferences.language or language_from_environment(), problems
