"""The command line: each subcommand, and each way of getting it wrong."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from datetime import datetime
from pathlib import Path

import pytest

from flows.store import Store
from flows.words import words_for
from tests.posix import posix_only
from tests.tui.conftest import seed
from tui.cli import main

PROJECT = Path(__file__).resolve().parents[2]


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit:
        code = exit.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def seeded(data_file):
    seed(data_file)
    return str(data_file)


def test_help_describes_every_command():
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--help"],
        cwd=PROJECT,
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    for command in ("history", "show", "export", "flow", "--db", "--lang"):
        assert command in result.stdout


def test_history_lists_every_attempt_newest_first(capsys, seeded):
    code, out, _ = run(capsys, "history", "--db", seeded, "--lang", "en")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 4
    assert lines[0].split()[:2] == ["#", "Started"]
    assert [line.split()[0] for line in lines[1:]] == ["3", "2", "1"]
    assert "CASE-2001" in lines[3] and "Resolved" in lines[3]


def test_history_as_json_keeps_text_exactly(capsys, seeded):
    code, out, _ = run(capsys, "--db", seeded, "history", "--json")
    data = json.loads(out)
    assert code == 0 and [a["id"] for a in data] == [3, 2, 1]
    (note,) = [e for e in data[2]["entries"] if e["type"] == "note"]
    assert note["text"] == "[bold]Refund[/] confirmed by chat; \x1b[31mno red here"
    assert data[1]["summary"] == "상자가 비어 있었음"


def test_history_of_an_empty_file_says_so(capsys, tmp_path):
    code, out, _ = run(capsys, "history", "--db", str(tmp_path / "none.json"), "--lang", "en")
    assert code == 0 and out.strip() == "No attempts yet."


def test_show_prints_the_timeline_with_escapes_made_visible(capsys, seeded):
    code, out, _ = run(capsys, "show", "1", "--db", seeded, "--lang", "en")
    assert code == 0
    assert "Attempt #1" in out and "Timeline" in out and "Contacts" in out
    assert "Mina" in out and "CASE-2001" in out
    assert "\x1b" not in out and "\\x1b[31m" in out
    assert "[bold]Refund[/]" in out


def test_show_in_korean(capsys, seeded):
    code, out, _ = run(capsys, "show", "2", "--db", seeded, "--lang", "ko")
    assert code == 0 and "시도 #2" in out and "진행 기록" in out and "김지수" in out


def test_export_markdown_shows_typed_text_as_typed(capsys, seeded):
    code, out, _ = run(capsys, "export", "1", "--format", "md", "--db", seeded, "--lang", "en")
    assert code == 0 and out.startswith("# Attempt #1")
    # Rich's markup means nothing in Markdown: it needs no backslash; the escape code is shown.
    assert "- 2026-11-26 09:15: [bold]Refund[/] confirmed by chat; \\x1b[31mno red here" in out
    assert "\x1b" not in out


def test_export_json_is_the_record(capsys, seeded):
    code, out, _ = run(capsys, "export", "2", "--format", "json", "--db", seeded)
    record = json.loads(out)
    assert code == 0 and record["id"] == 2 and record["outcome"] == "waiting"
    assert record["contacts"][0]["people"][0]["promise_due"] == "2026-11-20"


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("mermaid", "on_need_more_help --> which_contact_us : #34;Contact Us#34; is open"),
        ("md", "- **Call Amazon**\n  - An agent is with me now → Talk with the agent"),
    ],
)
def test_flow_prints_the_process_in_the_app_s_words(capsys, fmt, expected):
    code, out, _ = run(capsys, "flow", "--format", fmt, "--lang", "en")
    assert code == 0 and expected in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "99"], "No attempt with id 99."),
        (["show", "abc"], "attempt id must be a whole number"),
        (["show", "0"], "attempt id must be 1 or more"),
        (["export", "1", "--format", "pdf"], "invalid choice: 'pdf'"),
        (["--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["--lang", "fr"], "invalid choice: 'fr'"),
        (["dance"], "invalid choice: 'dance'"),
    ],
)
def test_mistakes_get_one_line_and_status_2(capsys, seeded, args, message):
    code, out, err = run(capsys, *args, "--db", seeded, "--lang", "en")
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_a_damaged_data_file_is_one_line_and_status_3(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr("tui.cli._has_terminal", lambda: True)  # the app refuses before drawing
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    for args in (["history"], ["show", "1"], []):
        code, _, err = run(capsys, *args, "--db", str(broken))
        assert code == 3 and str(broken) in err and "not valid JSON" in err
        assert len(err.strip().splitlines()) == 1
    assert broken.read_text() == "{not json"


def test_the_environment_variable_chooses_the_file(capsys, seeded, monkeypatch):
    monkeypatch.setenv("AMAZON_CONTACT_DB", seeded)
    code, out, _ = run(capsys, "history", "--json")
    assert code == 0 and len(json.loads(out)) == 3


def test_doctor_reports_problems_with_status_1_and_salvages(capsys, tmp_path, seeded):
    code, out, _ = run(capsys, "doctor", "--db", seeded)
    assert code == 0 and "3 readable attempts" in out and "0 problems" in out
    assert "journal" not in out
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    code, out, _ = run(
        capsys, "doctor", "--db", str(broken), "--salvage", str(tmp_path / "new.json")
    )
    assert code == 1 and "problem:" in out and "not valid JSON" in out
    assert "nothing to salvage" in out and "nothing was written" in out
    assert not (tmp_path / "new.json").exists()
    assert broken.read_text() == "{not json"


def test_a_damaged_file_points_to_the_doctor(capsys, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("[]")
    code, _, err = run(capsys, "history", "--db", str(broken))
    assert code == 3 and "amazon-contact doctor" in err


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_export_can_hide_personal_details(capsys, seeded, fmt):
    code, out, _ = run(
        capsys, "export", "2", "--format", fmt, "--redact", "--db", seeded, "--lang", "en"
    )
    assert code == 0
    for secret in ("112-0000000-0000002", "김지수", "KR-77"):
        assert secret not in out
    assert "Agent 1" in out
    assert "상자가 비어 있었음" in out, "what happened stays readable"
    if fmt == "json":
        record = json.loads(out)
        assert record["order_number"] == "***-*******-****002"
        assert record["contacts"][0]["people"][0]["case_number"] == "**-*7"


def test_reading_commands_work_while_an_app_holds_the_file(capsys, seeded):

    holder = Store(seeded)
    assert holder.claim()
    try:
        for args in (["history"], ["show", "1"], ["export", "1"], ["doctor"]):
            code, out, err = run(capsys, *args, "--db", seeded)
            assert code == 0 and out and not err, args
    finally:
        holder.release()


def test_due_lists_promises_and_exits_1_when_one_is_overdue(capsys, seeded, monkeypatch):
    import flows.attempt

    monkeypatch.setattr(flows.attempt, "local_now", lambda: datetime(2026, 11, 26, 9, 0))
    code, out, _ = run(capsys, "due", "--db", seeded, "--lang", "en")
    assert code == 1
    assert out.strip() == (
        "#2  due 2026-11-20  OVERDUE by 6 days  Replacement - 112-0000000-0000002 - 상자가 비어 있었음"
        "  “새 상품 발송”"
    )
    code, out, _ = run(capsys, "due", "--db", seeded, "--lang", "ko")
    assert code == 1 and "2026-11-20까지  6일 지남" in out


def test_due_on_time_exits_0_and_json_says_the_same(capsys, seeded, monkeypatch):
    import flows.attempt

    monkeypatch.setattr(flows.attempt, "local_now", lambda: datetime(2026, 11, 20, 23, 0))
    code, out, _ = run(capsys, "due", "--db", seeded, "--lang", "en")
    assert code == 0 and "OVERDUE" not in out and out.startswith("#2  due 2026-11-20")
    code, out, _ = run(capsys, "due", "--json", "--db", seeded)
    assert code == 0
    assert json.loads(out) == [
        {
            "id": 2,
            "due": "2026-11-20",
            "overdue": False,
            "days_overdue": 0,
            "promise": "새 상품 발송",
            "goal": "replacement",
            "order_number": "112-0000000-0000002",
            "summary": "상자가 비어 있었음",
        }
    ]


def test_due_with_nothing_waiting_says_so(capsys, tmp_path):
    seed(tmp_path / "a.json", with_history=False)
    code, out, _ = run(capsys, "due", "--db", str(tmp_path / "a.json"), "--lang", "en")
    assert code == 0 and out.strip() == "No promises to check on."
    code, out, err = run(
        capsys, "due", "--format", "ics", "--db", str(tmp_path / "a.json"), "--lang", "en"
    )
    assert code == 0 and out == "" and err.strip() == "No promises to check on.", (
        "no empty (invalid) calendar"
    )


def test_due_prints_a_hostile_promise_harmlessly(capsys, tmp_path, monkeypatch):
    from datetime import date

    import flows.attempt
    from flows.session import Session
    from tests.tui.conftest import walk

    path = tmp_path / "a.json"
    session = walk(
        Session.begin(Store(path)),
        ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"],
    )
    session.record(promise="[bold]refund[/]\x1b[2J\u202e", promise_due=date(2026, 12, 1))
    session.move("promise_made")
    monkeypatch.setattr(flows.attempt, "local_now", lambda: datetime(2026, 11, 26, 9, 0))
    code, out, _ = run(capsys, "due", "--db", str(path), "--lang", "en")
    assert code == 0
    assert "\x1b" not in out and "\u202e" not in out
    assert "[bold]refund[/]\\x1b[2J\\u202e" in out


def test_due_and_export_write_calendar_reminders(capsys, seeded):
    from icalendar import Calendar

    code, out, _ = run(capsys, "due", "--format", "ics", "--db", seeded, "--lang", "en")
    (event,) = [c for c in Calendar.from_ical(out).walk() if c.name == "VEVENT"]
    assert code in (0, 1) and "새 상품 발송" in str(event["description"])
    code, out, _ = run(capsys, "export", "2", "--format", "ics", "--db", seeded, "--lang", "ko")
    assert code == 0 and "BEGIN:VEVENT" in out and "KR-77" in out


def test_export_ics_of_an_attempt_without_a_promise_says_so(capsys, seeded):
    code, out, err = run(capsys, "export", "1", "--format", "ics", "--db", seeded, "--lang", "en")
    assert code == 2 and out == ""
    assert err.strip() == (
        "amazon-contact: attempt #1 is not waiting on a promise with a date, so there is nothing to remind you of"
    )


def test_show_and_export_include_kept_drafts(capsys, tmp_path):
    from flows.session import Session

    path = tmp_path / "a.json"
    session = Session.begin(Store(path), order_number="112-1")
    session.save_draft("complaint", "Subject: order 112-1\n\n[bold]Hello[/]\x1b[31m")
    code, out, _ = run(capsys, "show", str(session.attempt.id), "--db", str(path), "--lang", "en")
    assert code == 0 and "In writing: a complaint with the timeline" in out
    assert "  Subject: order 112-1" in out and "\x1b" not in out
    code, out, _ = run(capsys, "export", str(session.attempt.id), "--db", str(path), "--lang", "en")
    assert "> Subject: order 112-1" in out and r"> [bold]Hello[/]\x1b[31m" in out


def test_show_keeps_a_note_of_several_lines_under_its_time(capsys, tmp_path):
    from flows.session import Session

    path = tmp_path / "a.json"
    session = Session.begin(Store(path), order_number="112-1")
    session.add_note("refund promised\nby Friday")
    code, out, _ = run(capsys, "show", str(session.attempt.id), "--db", str(path), "--lang", "en")
    first, second = next(
        (line, following)
        for line, following in zip(out.splitlines(), out.splitlines()[1:], strict=False)
        if line.endswith("refund promised")
    )
    assert code == 0 and second.strip() == "by Friday"
    assert second.index("by") == first.index("refund"), "the second line sits under the first"


def test_stats_as_text_and_json(capsys, seeded):
    code, out, _ = run(capsys, "stats", "--db", seeded, "--lang", "en")
    assert code == 0
    assert "3 attempts:   Resolved 1   Gave up 0   Waiting on Amazon 1   In progress 1" in out
    assert "Resolved, by route" in out and "100%  1 of 1" in out
    code, out, _ = run(capsys, "stats", "--json", "--db", seeded)
    data = json.loads(out)
    assert code == 0 and data["attempts"] == 3 and data["outcomes"]["resolved"] == 1
    assert data["by_route"]["website"] == {"total": 1, "resolved": 1}, "finished attempts only"


def test_stats_of_nothing_says_so(capsys, tmp_path):
    code, out, _ = run(capsys, "stats", "--db", str(tmp_path / "none.json"), "--lang", "ko")
    assert code == 0 and out.strip() == "아직 시도가 없습니다."


def test_show_and_export_include_a_kept_transcript_and_redact_leaves_it_out(capsys, tmp_path):
    from flows.session import Session

    path = tmp_path / "a.json"
    session = Session.begin(Store(path), order_number="112-1")
    session.keep_transcript("Sarah: case ID 12345678901\x1b[2J")
    code, out, _ = run(capsys, "show", str(session.attempt.id), "--db", str(path), "--lang", "ko")
    assert code == 0 and "채팅 기록" in out and "  Sarah: case ID 12345678901\\x1b[2J" in out
    code, out, _ = run(
        capsys, "export", str(session.attempt.id), "--redact", "--db", str(path), "--lang", "en"
    )
    assert (
        code == 0
        and "12345678901" not in out
        and "[chat transcript left out: 30 characters]" in out.replace("\\", "")
    )


@posix_only("Windows has no FIFOs")
def test_a_fifo_as_the_data_file_is_refused_at_once(tmp_path):
    # Reading a FIFO blocks until someone writes to it: the command must not even try.
    fifo = tmp_path / "attempts.json"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "history", "--db", str(fifo)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    assert result.returncode == 3 and "not a regular file" in result.stderr


def test_a_redacted_follow_on_hides_the_earlier_attempts_agents_in_korean_too(capsys, tmp_path):
    from flows.session import Session
    from tests.tui.conftest import TO_CHAT_AGENT, walk

    path = tmp_path / "a.json"
    first = walk(Session.begin(Store(path), goal="refund"), TO_CHAT_AGENT)
    first.record(agent_name="John Smith", case_number="CASE-4242")
    walk(first, ["not_solved"])
    later = Session.begin(Store(path), earlier=first.attempt)
    later.add_note("John이 약속했음, smith 씨 case 4242")
    code, out, err = run(
        capsys, "export", str(later.attempt.id), "--redact", "--db", str(path), "--lang", "ko"
    )
    assert code == 0 and "상담원 1이 약속했음" in out, out
    assert "John" not in out and "smith" not in out and "4242" not in out
    assert not err


def test_version_is_the_one_the_project_declares(capsys):
    declared = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]["version"]
    assert run(capsys, "--version") == (0, f"amazon-contact {declared}\n", "")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_version_of_a_copy_never_installed_says_so_without_a_traceback(capsys, monkeypatch, lang):
    import importlib.metadata

    def not_installed(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    unknown = words_for(lang)("cli.version_unknown")
    assert run(capsys, "--version", "--lang", lang) == (0, f"amazon-contact {unknown}\n", "")


def test_due_reads_no_package_metadata_unless_the_version_is_asked_for(tmp_path):
    # importlib.metadata costs a `due` in a shell prompt about 15 ms: only --version may load it.
    check = (
        "import sys\n"
        "from tui.cli import main\n"
        "for args in (['due', '--db', sys.argv[1]], ['--version']):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "    print('metadata loaded:', 'importlib.metadata' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", check, str(tmp_path / "attempts.json")],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = [line for line in result.stdout.splitlines() if line.startswith("metadata loaded")]
    assert loaded == ["metadata loaded: False", "metadata loaded: True"]


@pytest.mark.parametrize("columns", [50, 120])
def test_help_is_folded_to_the_width_columns_gives(capsys, monkeypatch, columns):
    # The formatter finds the width itself (not through shutil, whose import `due` should not
    # pay): COLUMNS first, as shutil.get_terminal_size has it.
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = run(capsys, "--help", "--lang", "en")
    widest = max(len(line) for line in out.splitlines())
    assert code == 0 and columns - 12 <= widest <= columns, out
