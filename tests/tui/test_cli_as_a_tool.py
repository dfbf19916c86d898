"""The command line used by other programs: pipes, code pages, no terminal, exit codes.

Each runs the real command in a fresh interpreter, since what is tested is how the process meets
its streams (their encoding, a closed pipe, no terminal) and what status it leaves.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tui.conftest import seed
from tui.cli import _speak_unicode

PROJECT = Path(__file__).resolve().parents[2]


def amazon_contact(
    *args: str,
    env: dict[str, str] | None = None,
    stdin: int | None = None,
    stdout: int = subprocess.PIPE,
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=PROJECT,
        env={**os.environ, **(env or {})},
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=60,
        check=False,
    )


@pytest.fixture
def seeded(data_file):
    seed(data_file).release()
    return str(data_file)


@pytest.mark.parametrize(
    "command",
    [["show", "2"], ["stats"], ["history"], ["history", "--json"], ["due"], ["--help"]],
)
def test_output_to_a_pipe_is_utf8_whatever_the_code_page(seeded, command):
    # What a Windows console set to cp1252 hands a program whose output is redirected.
    result = amazon_contact(
        *command, "--db", seeded, "--lang", "ko", env={"PYTHONIOENCODING": "cp1252"}
    )
    assert result.returncode in (0, 1), result.stderr.decode("utf-8", "replace")
    said = result.stdout.decode("utf-8")  # strict: every byte is UTF-8
    assert any("\uac00" <= c <= "\ud7a3" for c in said), "the Korean arrived as Korean"
    assert b"Traceback" not in result.stderr


class _Console(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def test_a_console_that_cannot_show_a_character_gets_a_question_mark_not_a_crash():
    console = _Console(io.BytesIO(), encoding="cp1252")
    _speak_unicode(console)
    console.write("상담원 Kim\n")
    console.flush()
    assert console.buffer.getvalue() == b"??? Kim\n"  # type: ignore[attr-defined]


def test_a_pipe_with_a_utf8_encoding_is_left_as_it_is():
    piped = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    _speak_unicode(piped)
    assert (piped.encoding, piped.errors) == ("utf-8", "strict")


@pytest.mark.parametrize(
    ("command", "status"),
    [
        (["stats"], 0),
        (["stats", "--json"], 0),
        (["history"], 0),
        (["history", "--json"], 0),
        (["show", "2"], 0),
        (["export", "2"], 0),
        (["flow"], 0),
        (["due"], 1),  # overdue, as ever: the pipe changes nothing
    ],
)
def test_a_reader_that_stops_early_is_no_failure(seeded, command, status):
    # `amazon-contact stats | head -1`, made certain: the reading end is closed before the
    # command writes a byte, so its very first write meets a broken pipe.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = amazon_contact(*command, "--db", seeded, "--lang", "ko", stdout=write_end)
    finally:
        os.close(write_end)
    assert result.returncode == status, result.stderr.decode()
    assert result.stderr == b""


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_full_screen_without_a_terminal_says_so_and_creates_nothing(tmp_path, lang):
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "AMAZON_CONTACT_DB": "",
    }
    result = amazon_contact("--lang", lang, env=env, stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    message = result.stderr.decode()
    assert message.startswith("amazon-contact: ") and len(message.strip().splitlines()) == 1
    assert ("terminal" if lang == "en" else "터미널") in message
    assert list(home.iterdir()) == [], "no data file, no folders"


def test_a_damaged_data_file_exits_3_a_usage_mistake_2(tmp_path, seeded):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    assert amazon_contact("history", "--db", str(broken)).returncode == 3
    assert amazon_contact("show", "x", "--db", seeded).returncode == 2


def _keys(value: object, at: str = "") -> set[str]:
    """Every key in a JSON value, by its path: what a script reading it relies on."""
    if isinstance(value, dict):
        return {f"{at}.{k}" for k in value} | {
            p for k, v in value.items() for p in _keys(v, f"{at}.{k}")
        }
    if isinstance(value, list):
        return {p for item in value for p in _keys(item, f"{at}[]")}
    return set()


@pytest.mark.parametrize(
    "command",
    [
        ["history", "--json"],
        ["export", "2", "--format", "json"],
        ["due", "--json"],
        ["stats", "--json"],
    ],
)
def test_json_keys_are_the_same_in_every_language(seeded, command):
    said = {
        lang: json.loads(amazon_contact(*command, "--db", seeded, "--lang", lang).stdout)
        for lang in ("en", "ko")
    }
    assert _keys(said["en"]) and _keys(said["en"]) == _keys(said["ko"])
