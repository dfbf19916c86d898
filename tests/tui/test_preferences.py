"""Preferences remembered: the config file's language, theme and keys, and what a bad one does.

Every test has a config file of its own (``config_file``, tests/conftest.py), not there yet.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from flows.text import has_hangul
from tests.tui.conftest import make_app
from tui.cli import main
from tui.preferences import binding_ids, is_key_name
from tui.screens.history import HistoryScreen
from tui.screens.start import StartScreen

PROJECT = Path(__file__).resolve().parents[2]
LOCALE = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def speaks_korean(capsys, *args: str) -> bool:
    """Whether ``amazon-contact flow`` answers in Korean, with ``args`` on its line."""
    assert main(["flow", *args]) == 0
    return has_hangul(capsys.readouterr().out)


@pytest.fixture
def english_locale(monkeypatch):
    for variable in LOCALE:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


# Language: --lang, then AMAZON_CONTACT_LANG, then the config file, then the locale.


def test_the_flag_beats_the_variable(capsys, monkeypatch, english_locale):
    monkeypatch.setenv("AMAZON_CONTACT_LANG", "ko")
    assert speaks_korean(capsys)
    assert not speaks_korean(capsys, "--lang", "en")


def test_the_variable_beats_the_config_file(capsys, monkeypatch, config_file, english_locale):
    config_file.parent.mkdir()
    config_file.write_text('language = "ko"\n')
    assert speaks_korean(capsys)
    monkeypatch.setenv("AMAZON_CONTACT_LANG", "en")
    assert not speaks_korean(capsys)


def test_the_config_file_beats_the_locale(capsys, monkeypatch, config_file):
    for variable in LOCALE:
        monkeypatch.setenv(variable, "ko_KR.UTF-8")
    assert speaks_korean(capsys)
    config_file.parent.mkdir()
    config_file.write_text('language = "en"\n')
    assert not speaks_korean(capsys)


def test_the_locale_decides_when_nothing_else_does(capsys, english_locale, monkeypatch):
    assert not speaks_korean(capsys)
    monkeypatch.setenv("LANGUAGE", "ko")  # gettext's first
    assert speaks_korean(capsys)


def test_an_unknown_language_variable_is_said_and_left_out(capsys, monkeypatch, english_locale):
    monkeypatch.setenv("AMAZON_CONTACT_LANG", "fr")
    assert main(["flow"]) == 0
    out, err = capsys.readouterr()
    assert not has_hangul(out) and "AMAZON_CONTACT_LANG=fr" in err


# Remembered: f2, and the theme chosen from the palette.


def written(config_file: Path) -> dict[str, object]:
    return tomllib.loads(config_file.read_text("utf-8"))


async def test_the_language_switched_with_f2_is_remembered(store, config_file):
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert written(config_file) == {"language": "ko"}
        await pilot.press("f2")
        await pilot.pause()
    assert written(config_file) == {"language": "en"}


async def test_the_theme_chosen_from_the_palette_is_remembered(store, config_file):
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"nord")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord"
    assert written(config_file) == {"theme": "nord"}
    again = make_app(store)
    async with again.run_test(size=(100, 30)):
        assert again.theme == "nord"


async def test_remembering_keeps_what_else_the_file_holds(store, config_file):
    config_file.parent.mkdir()
    config_file.write_text('theme = "nord"\nmine = 1\n\n[keys]\n"start.history" = "y"\n')
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
    assert written(config_file) == {
        "theme": "nord",
        "mine": 1,
        "keys": {"start.history": "y"},
        "language": "ko",
    }


async def test_a_choice_that_cannot_be_saved_is_a_quiet_notice(store, tmp_path, monkeypatch):
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("AMAZON_CONTACT_CONFIG", str(tmp_path / "a-file" / "config.toml"))
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert app.lang == "ko"
        assert any("a-file" in told and "저장할 수 없습니다" in told for told in app.told)


# Keys: the config's [keys] through Textual's keymap.


async def test_a_remapped_key_works_and_the_old_one_does_not(store, config_file):
    config_file.parent.mkdir()
    config_file.write_text('[keys]\n"start.history" = "y"\n')
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


async def test_a_list_of_keys_gives_the_binding_every_one(store, config_file):
    config_file.parent.mkdir()
    config_file.write_text('[keys]\n"app.direct_line" = ["f9", "f10"]\n')
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("f10")
        await pilot.pause()
        assert type(app.screen).__name__ == "DirectLineScreen"


def test_every_binding_has_an_id_of_its_screen():
    source = "\n".join(p.read_text("utf-8") for p in (PROJECT / "tui").rglob("*.py"))
    calls = len(re.findall(r"\bBinding\(", source))
    with_ids = len(re.findall(r"\bBinding\([^()]*(?:\([^()]*\)[^()]*)*\bid=f?\"", source))
    assert calls == with_ids
    ids = binding_ids()
    assert all(re.fullmatch(r"[a-z_]+\.[a-z0-9_]+", binding_id) for binding_id in ids)
    assert {"app.quit", "app.toggle_language", "step.record", "note.save"} <= set(ids)


def test_the_readme_lists_every_binding_id():
    readme = (PROJECT / "README.md").read_text("utf-8")
    section = readme.split("## Preferences", 1)[1].split("\n## ", 1)[0]
    missing = [b for b in binding_ids() if f"`{b}`" not in section]
    assert not missing


@pytest.mark.parametrize("key", ["ctrl+x", "f9", "question_mark", "?", "shift+tab", "y", "space"])
def test_key_names_textual_knows(key):
    assert is_key_name(key)


@pytest.mark.parametrize("key", ["", "ctrl+", "cntrl+x", "nosuchkey", "f 9", " "])
def test_key_names_textual_does_not_know(key):
    assert not is_key_name(key)


# A bad config file: said, naming the file; the app starts with the defaults for what was bad.

BAD_FILES = {
    "broken TOML": ('language = "ko\n', "TOML", {}),
    "language not text": ("language = 3\n", "'language'", {}),
    "unknown setting": ('colour = "red"\nlanguage = "ko"\n', "'colour'", {"lang": "ko"}),
    "unknown language": ('language = "fr"\ntheme = "nord"\n', "'fr'", {"theme": "nord"}),
    "unknown theme": ('theme = "no-such-theme"\n', "'no-such-theme'", {}),
    "keys not a table": ('keys = "y"\n', "'keys'", {}),
    "unknown binding": ('[keys]\n"start.nothing" = "y"\n', "'start.nothing'", {}),
    "bad key name": ('[keys]\n"start.history" = "nosuchkey"\n', "'nosuchkey'", {}),
    "key not text": ('[keys]\n"start.history" = 5\n', "'start.history'", {}),
}


@pytest.mark.parametrize("bad", BAD_FILES.values(), ids=BAD_FILES.keys())
async def test_a_bad_config_file_is_said_and_the_app_starts(store, config_file, bad):
    content, named, kept = bad
    config_file.parent.mkdir()
    config_file.write_text(content)
    app = make_app(store, lang=kept.get("lang", "en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        said = [told for told in app.told if str(config_file) in told]
        assert len(said) == 1 and named in said[0]
        assert app.theme == kept.get("theme", "amazon-contact")
        await pilot.press("h")  # the default keys
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


def test_a_command_says_what_is_wrong_with_the_config_file_on_stderr(capsys, config_file):
    config_file.parent.mkdir()
    config_file.write_text("language = [\n")
    assert main(["flow"]) == 0
    out, err = capsys.readouterr()
    assert str(config_file) in err and "TOML" in err and "preparing" in out


async def test_an_unreadable_file_is_said_and_never_written_over(store, config_file):
    config_file.mkdir(parents=True)  # a folder where the file should be: read() fails
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert any(str(config_file) in told and "cannot be read" in told for told in app.told)
        await pilot.press("f2")
        await pilot.pause()
        assert any("덮어쓰지 않습니다" in told for told in app.told)
    assert config_file.is_dir()


async def test_a_broken_file_is_never_written_over(store, config_file):
    config_file.parent.mkdir()
    config_file.write_text('# mine\nlanguage = "ko\n')
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert app.lang == "ko"
        assert any("덮어쓰지 않습니다" in told for told in app.told)
    assert config_file.read_text() == '# mine\nlanguage = "ko\n'


def test_the_config_file_is_in_the_user_config_folder(monkeypatch, tmp_path):
    from flows.preferences import config_path

    monkeypatch.delenv("AMAZON_CONTACT_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # what platformdirs reads on Linux
    assert config_path() == tmp_path / "amazon-contact" / "config.toml"
