"""Under ``--lang ko`` the command line speaks Korean: the help, each command's help, argparse's
own words, the mistakes, ``flow`` and every command's output. English is left only where it is
meant: Amazon's labels, the app's name, and what is typed on a command line (commands, flags,
metavars, format names)."""

from __future__ import annotations

import re

import pytest

from flows.catalog import labels
from flows.store import Store
from tests.tui.conftest import seed
from tests.tui.test_cli import run

COMMANDS = ("history", "show", "export", "due", "stats", "doctor", "flow", "completion")
# What a person types on a command line, and the names of formats and programs.
TYPED = {
    "amazon-contact",
    *COMMANDS,
    *("db", "lang", "resume", "version", "json", "format", "redact", "salvage", "help"),  # after --
    *("PATH", "NEW_PATH", "ID", "COMMAND", "AMAZON_CONTACT_DB"),
    *("md", "ics", "text", "mermaid", "en", "ko"),
    *("bash", "zsh", "fish", "README"),  # `completion`: the shells, and where it is explained
    *("Markdown", "Mermaid", "JSON", "iCalendar"),
}
AMAZONS = {
    word for label in labels()["labels"].values() for word in re.findall(r"\w+", label["amazon"])
} | {"Amazon", "A-to-z"}
ALLOWED = TYPED | AMAZONS
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_'-]*")


def english(text: str, also: set[str] = frozenset()) -> list[str]:
    """The English words of ``text`` that are not on the list (nor in ``also``)."""
    return [
        word
        for word in WORD.findall(text)
        if len(word) > 1 and word.rstrip("'-") not in ALLOWED | also
    ]


def test_the_check_finds_english():
    assert english("사용법: amazon-contact [-h] [--db PATH] show ID") == []
    assert english('"Contact Us" 화면이 열렸습니다') == []
    assert english("options: show this help message and exit") == [
        "options",
        "this",
        "message",
        "exit",
    ], "'and' is in Amazon's labels"


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_is_korean_wherever_lang_is_given(capsys, command, where):
    args = [command] if command else []
    args = ["--lang", "ko", *args, "--help"] if where == "before" else [*args, "--help"]
    if where == "after":
        args += ["--lang", "ko"]
    code, out, err = run(capsys, *args)
    assert code == 0 and err == ""
    assert "사용법:" in out and "옵션:" in out
    assert english(out) == [], out


def test_help_follows_the_locale_when_no_lang_is_given(capsys, monkeypatch):
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    code, out, _ = run(capsys, "export", "--help")
    assert code == 0 and "사용법:" in out and english(out) == []
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, out, _ = run(capsys, "export", "--help")
    assert code == 0 and "usage:" in out and "show this help message and exit" in out


def test_korean_help_fits_the_terminal(capsys):
    # argparse counts characters; a Korean syllable takes two columns.
    from tui.cli_parser import _cells

    for command in [None, *COMMANDS]:
        code, out, _ = run(capsys, *([command] if command else []), "--help", "--lang", "ko")
        assert code == 0
        assert max(_cells(line) for line in out.splitlines()) <= 80, out


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--frobnicate"], "알 수 없는 인자입니다: --frobnicate"),
        (["show", "abc"], "시도 번호는 1, 2, 3처럼 숫자로 적어야 합니다"),
        (["show", "0"], "시도 번호는 1 이상이어야 합니다"),
        (["show"], "다음 인자가 필요합니다: ID"),
        (["export", "1", "--format", "pdf"], "알 수 없는 값입니다: 'pdf'"),
        (["dance"], "알 수 없는 값입니다: 'dance'"),
        (["--lang", "fr"], "알 수 없는 값입니다: 'fr'"),
        (["--resume=yes"], "이 옵션에는 값을 붙일 수 없습니다"),
        (["show", "99"], "99번 시도가 없습니다"),
    ],
)
def test_mistakes_are_said_in_korean_in_one_line_with_status_2(
    capsys, monkeypatch, data_file, args, said
):
    seed(data_file, with_history=False)
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")  # for --lang fr, which is no language to speak
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    extra = [] if "--lang" in args else ["--lang", "ko"]
    code, out, err = run(capsys, *args, *extra, "--db", str(data_file))
    assert code == 2 and out == "" and "Traceback" not in err
    assert said in err and len(err.strip().splitlines()) == 1, err
    assert english(err, {"fr", "abc", "pdf", "dance", "yes", "frobnicate"}) == [], err


def mermaid_labels(chart: str) -> list[str]:
    """The texts a Mermaid state diagram shows: state names and arrows' labels."""
    return re.findall(r'state "([^"]*)" as', chart) + re.findall(r"--> \S+ : (.*)$", chart, re.M)


def test_flow_in_korean_shows_no_english(capsys):
    code, chart, _ = run(capsys, "flow", "--lang", "ko")
    assert code == 0
    shown = mermaid_labels(chart)
    assert len(shown) > 100
    assert english(" ".join(shown)) == [], shown
    code, listed, _ = run(capsys, "flow", "--format", "md", "--lang", "ko")
    assert code == 0 and english(listed) == [], listed


def test_every_command_s_output_is_korean(capsys, data_file):
    store = seed(data_file)
    # What the person typed is theirs, in whatever language they typed it.
    typed = {w for s in store.summaries() for w in WORD.findall(s.typed_words)}
    typed |= {w.capitalize() for w in typed} | {w.upper() for w in typed} | {"x1b"}
    typed |= set(WORD.findall(str(data_file)))  # doctor names the file
    db = ["--db", str(data_file), "--lang", "ko"]
    for args in (
        ["history"],
        ["show", "1"],
        ["show", "2"],
        ["export", "1"],
        ["export", "2", "--redact"],
        ["due"],
        ["stats"],
        ["doctor"],
    ):
        code, out, err = run(capsys, *args, *db)
        assert code in (0, 1), (args, err)
        assert out.strip(), args
        assert english(out + err, typed) == [], (args, out + err)
    assert Store(data_file).summaries(), "the seed is still there"


def test_a_damaged_data_file_is_reported_in_korean(capsys, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    for args in (["history"], ["doctor"]):
        code, out, err = run(capsys, *args, "--db", str(broken), "--lang", "ko")
        assert code in (1, 3)
        assert "JSON" in out + err
        assert english(out + err, set(WORD.findall(str(broken)))) == [], out + err
