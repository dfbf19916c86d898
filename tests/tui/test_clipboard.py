"""Copying: onto the system clipboard where there is one (for real: xclip on an X server of its
own), to the terminal's clipboard always, and said by how far it got; by hand when nothing is
known to take it. A hung or forking tool never holds the screen."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from flows.steps import DIRECT_NUMBER
from flows.store import Store
from flows.words import words_for
from tests.tui.conftest import make_app, open_first_attempt, seed
from tui import clipboard
from tui.clipboard import Environment, Outcome, Refusal
from tui.screens.copy_by_hand import CopyByHandScreen
from tui.screens.direct_line import DirectLineScreen
from tui.screens.start import StartScreen

SENT_NUMBER = (
    f"Sent {DIRECT_NUMBER} to the terminal's clipboard "
    "(if it doesn't paste, the terminal did not take it)."
)


def needs(*programs: str) -> None:
    """Skip without the programs, except in CI, where .ci/run installs them: there it fails."""
    missing = [program for program in programs if shutil.which(program) is None]
    if not missing:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI runs the clipboard tests for real, and {missing} are missing")
    pytest.skip(f"needs {', '.join(missing)} (Debian: apt-get install xvfb xclip xsel)")


@pytest.fixture
def x_display():
    """An X server of the test's own (Xvfb), on a display number it chose free: its name."""
    needs("Xvfb", "xclip")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as told:
        number = told.readline().strip()  # written once the server takes connections
    if not number:
        server.kill()
        pytest.fail("Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def x_clipboard(display: str) -> str:
    """What the X server's clipboard holds. xclip's parent exits as soon as it has read the text,
    a moment before its child owns the selection: asked again until an owner answers (5 s)."""
    deadline = time.monotonic() + 5
    while True:
        asked = subprocess.run(
            ["xclip", "-o", "-selection", "clipboard"],
            capture_output=True,
            env={**os.environ, "DISPLAY": display},
            timeout=5,
            check=False,
        )
        if asked.returncode == 0 or time.monotonic() > deadline:
            return asked.stdout.decode()


def fake_tool(folder: Path, name: str, script: str) -> Path:
    """A stand-in for a clipboard tool: a shell script (its PATH holds only these: absolute
    paths for anything else)."""
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(0o755)
    return path


async def copy_the_number(pilot) -> None:
    """f3, then c: the direct line's copy key; and wait for the copy to finish."""
    await pilot.press("f3")
    await pilot.pause()
    await pilot.press("c")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


# For real: an X server and xclip


async def test_the_number_lands_on_a_real_x_clipboard_and_only_then_says_copied(
    data_file, x_display
):
    seed(data_file, with_history=False)
    here = Environment({"DISPLAY": x_display, "PATH": os.environ["PATH"]}, "linux")
    app = make_app(Store(data_file), clipboard_environment=here)
    async with app.run_test(size=(100, 30)) as pilot:
        await copy_the_number(pilot)
        assert app.told[-1] == f"Copied {DIRECT_NUMBER}"
        assert isinstance(app.screen, DirectLineScreen)
    assert x_clipboard(x_display) == DIRECT_NUMBER


async def test_a_phrase_lands_on_a_real_x_clipboard(data_file, x_display):
    seed(data_file, with_history=False)
    here = Environment({"DISPLAY": x_display, "PATH": os.environ["PATH"]}, "linux")
    app = make_app(Store(data_file), lang="ko", clipboard_environment=here)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_attempt(pilot)
        await pilot.press("p")
        await pilot.pause()
        english = app.screen.phrases[0].english
        await pilot.press("1")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.told[-1].endswith(" 복사됨") and app.told[-1].startswith(english[:20])
    assert x_clipboard(x_display) == english


def test_korean_text_reaches_the_x_clipboard_as_written(x_display):
    text = "상자가 비어 있었음 — 1 (888) 280-4331\n둘째 줄"
    here = Environment({"DISPLAY": x_display, "PATH": os.environ["PATH"]}, "linux")
    started = time.monotonic()
    outcome = clipboard.copy(text, here)
    # xclip's child stays behind to serve the selection: the copy did not wait for it.
    assert time.monotonic() - started < clipboard.TIMEOUT_SECONDS
    assert outcome == Outcome("xclip", (), ("xclip", "xsel"))
    assert x_clipboard(x_display) == text


def test_xsel_takes_it_where_there_is_no_xclip(x_display, tmp_path):
    needs("xsel")
    only_xsel = tmp_path / "bin"
    only_xsel.mkdir()
    (only_xsel / "xsel").symlink_to(shutil.which("xsel"))
    # xsel will not start without a HOME (for its log): a real session has one.
    here = Environment(
        {"DISPLAY": x_display, "PATH": str(only_xsel), "HOME": str(tmp_path)}, "linux"
    )
    assert clipboard.copy("by xsel", here).copied_by == "xsel"
    assert x_clipboard(x_display) == "by xsel"


def test_with_no_x_server_xclip_refuses_in_its_own_words(tmp_path):
    needs("xclip")
    here = Environment({"DISPLAY": ":999", "PATH": os.environ["PATH"]}, "linux")
    outcome = clipboard.copy("text", here)
    assert outcome.copied_by is None
    assert outcome.refusals[0].tool == "xclip" and "display" in outcome.refusals[0].said.lower()


# Which tool, by environment


@pytest.mark.parametrize(
    ("variables", "platform", "tools"),
    [
        ({}, "darwin", ["pbcopy"]),
        ({"SSH_CONNECTION": "10.0.0.2 5 10.0.0.1 22"}, "darwin", []),
        ({}, "win32", ["clip.exe"]),
        ({"SSH_TTY": "/dev/pts/1"}, "win32", []),
        ({}, "linux", []),
        ({"DISPLAY": ":0"}, "linux", ["xclip", "xsel"]),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", ["wl-copy"]),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", ["wl-copy", "xclip", "xsel"]),
        ({"DISPLAY": ":0", "SSH_CONNECTION": "x"}, "linux", ["xclip", "xsel"]),  # X forwarding
        ({"WSL_DISTRO_NAME": "Debian"}, "linux", ["clip.exe"]),
        (
            {"WSL_INTEROP": "/run/WSL/1_interop", "DISPLAY": ":0"},
            "linux",
            ["xclip", "xsel", "clip.exe"],
        ),
        ({"WSL_DISTRO_NAME": "Debian", "SSH_CONNECTION": "x"}, "linux", []),
        ({"DISPLAY": ""}, "freebsd14", []),
        ({"DISPLAY": ":0"}, "freebsd14", ["xclip", "xsel"]),
    ],
)
def test_the_tools_tried_follow_the_environment(variables, platform, tools):
    assert [t.name for t in clipboard.tools_for(Environment(variables, platform))] == tools


def test_tools_not_on_the_path_are_passed_over_and_named(tmp_path):
    fake_tool(tmp_path / "bin", "xsel", '/bin/cat > "$OUT"')
    out = tmp_path / "out"
    here = Environment({"DISPLAY": ":0", "PATH": str(tmp_path / "bin"), "OUT": str(out)}, "linux")
    assert clipboard.copy("via xsel", here) == Outcome("xsel", (), ("xclip", "xsel"))
    assert out.read_text() == "via xsel"


def test_pbcopy_is_told_its_input_is_utf8_and_clip_exe_gets_utf16(tmp_path):
    out = tmp_path / "out"
    fake_tool(tmp_path / "bin", "pbcopy", '/bin/cat > "$OUT"; echo "$LC_CTYPE" >> "$OUT"')
    mac = Environment({"PATH": str(tmp_path / "bin"), "OUT": str(out), "LANG": "C"}, "darwin")
    assert clipboard.copy("상자", mac).copied_by == "pbcopy"
    assert out.read_text(encoding="utf-8") == "상자UTF-8\n"
    fake_tool(tmp_path / "bin", "clip.exe", '/bin/cat > "$OUT"')
    windows = Environment({"PATH": str(tmp_path / "bin"), "OUT": str(out)}, "win32")
    assert clipboard.copy("상자", windows).copied_by == "clip.exe"
    assert out.read_bytes() == "상자".encode("utf-16-le")


# Tools that fail, hang or fork


def test_a_failing_tool_gives_way_to_the_next(tmp_path):
    bin_ = tmp_path / "bin"
    fake_tool(bin_, "xclip", 'echo "Error: Can\'t open display: :0" >&2; exit 1')
    fake_tool(bin_, "xsel", '/bin/cat > "$OUT"')
    out = tmp_path / "out"
    here = Environment({"DISPLAY": ":0", "PATH": str(bin_), "OUT": str(out)}, "linux")
    outcome = clipboard.copy("second try", here)
    assert outcome.copied_by == "xsel"
    assert outcome.refusals == (Refusal("xclip", said="Error: Can't open display: :0", status=1),)
    assert out.read_text() == "second try"


def test_a_tool_that_never_answers_is_given_up_on_time(tmp_path):
    fake_tool(tmp_path / "bin", "xclip", "exec /bin/sleep 60")
    here = Environment({"DISPLAY": ":0", "PATH": str(tmp_path / "bin")}, "linux")
    started = time.monotonic()
    outcome = clipboard.copy("text", here, timeout=0.3)
    assert time.monotonic() - started < 5
    assert outcome.refusals == (Refusal("xclip", timed_out=True),)
    words = words_for("en")
    assert clipboard.refused(outcome, words) == [
        "xclip could not copy it (no answer within 0.3 seconds)."
    ]


def test_a_tool_that_forks_a_server_is_not_waited_for(tmp_path):
    # As xclip, xsel and wl-copy do: the parent exits, a child keeps serving the selection with
    # the parent's standard output and error. Waiting for those to close would wait for it.
    pid_file = tmp_path / "child"
    fake_tool(
        tmp_path / "bin", "xclip", '/bin/cat > /dev/null; /bin/sleep 60 & echo $! > "$PID_FILE"'
    )
    here = Environment(
        {"DISPLAY": ":0", "PATH": str(tmp_path / "bin"), "PID_FILE": str(pid_file)}, "linux"
    )
    try:
        started = time.monotonic()
        outcome = clipboard.copy("text", here, timeout=5)
        assert time.monotonic() - started < 4
        assert outcome.copied_by == "xclip"
    finally:
        if pid_file.exists():
            os.kill(int(pid_file.read_text()), 15)


def test_a_tool_that_cannot_start_is_named_with_the_systems_reason(tmp_path):
    fake = tmp_path / "bin" / "xclip"
    fake.parent.mkdir()
    fake.write_text("not a program")
    fake.chmod(0o755)
    here = Environment({"DISPLAY": ":0", "PATH": str(fake.parent)}, "linux")
    outcome = clipboard.copy("text", here)
    assert outcome.copied_by is None and outcome.refusals[0].error is not None
    assert clipboard.refused(outcome, words_for("en")) == [
        f"xclip could not copy it ({os.strerror(outcome.refusals[0].error.errno)})."
    ]


async def test_a_hung_tool_never_holds_the_screen(data_file, tmp_path):
    seed(data_file, with_history=False)
    release = tmp_path / "release"
    os.mkfifo(release)
    fake_tool(tmp_path / "bin", "xclip", '/bin/cat > /dev/null; read go < "$RELEASE"')
    here = Environment(
        {"DISPLAY": ":0", "PATH": str(tmp_path / "bin"), "RELEASE": str(release)}, "linux"
    )
    app = make_app(Store(data_file), clipboard_environment=here)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert any(worker.is_running for worker in app.workers), "xclip is still at it"
        await pilot.press("escape")  # the screen answers meanwhile
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert any(worker.is_running for worker in app.workers)
        await asyncio.to_thread(release.write_text, "go\n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.told[-1] == f"Copied {DIRECT_NUMBER}"


# What the person is told


async def test_every_tool_failing_says_which_and_that_it_went_to_the_terminal(data_file, tmp_path):
    seed(data_file, with_history=False)
    fake_tool(tmp_path / "bin", "xclip", 'echo "Error: Can\'t open display: :0" >&2; exit 1')
    here = Environment({"DISPLAY": ":0", "PATH": str(tmp_path / "bin")}, "linux")
    app = make_app(Store(data_file), clipboard_environment=here)
    async with app.run_test(size=(100, 30)) as pilot:
        await copy_the_number(pilot)
        assert app.told[-1] == (
            f"xclip could not copy it (Error: Can't open display: :0).\n{SENT_NUMBER}"
        )
        assert app.clipboard == DIRECT_NUMBER  # and Textual's own, for its paste


async def test_no_tool_and_a_terminal_that_drops_osc52_shows_the_text_to_copy_by_hand(
    data_file, tmp_path
):
    seed(data_file, with_history=False)
    mac = Environment({"TERM_PROGRAM": "Apple_Terminal", "PATH": str(tmp_path)}, "darwin")
    app = make_app(Store(data_file), clipboard_environment=mac)
    async with app.run_test(size=(100, 30)) as pilot:
        await copy_the_number(pilot)
        screen = app.screen
        assert isinstance(screen, CopyByHandScreen)
        assert not any(told.startswith("Copied") for told in app.told)
        box = screen.query_one("#text")
        assert box.read_only and box.has_focus
        assert box.text == DIRECT_NUMBER and box.selected_text == DIRECT_NUMBER
        why = str(screen.query_one("#why").render())
        assert "(it looks for pbcopy)" in why and "macOS Terminal ignores" in why
        assert "hold shift" in str(screen.query_one("#hint").render())
        await pilot.press("f2")
        await pilot.pause()
        assert "macOS 터미널은" in str(screen.query_one("#why").render())
        assert "shift 키" in str(screen.query_one("#hint").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DirectLineScreen)


async def test_a_draft_shown_to_copy_by_hand_shows_its_control_characters(data_file):
    from tests.tui.test_drafts_screen import open_drafts

    seed(data_file)
    console = Environment({"TERM": "linux"}, "linux")
    app = make_app(Store(data_file), clipboard_environment=console)
    async with app.run_test(size=(100, 30)) as pilot:
        drafts = await open_drafts(pilot)
        drafts.query_one("#draft-agent").text = "Hello \x1b[2J there"
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CopyByHandScreen)
        assert app.screen.query_one("#text").text == "Hello \\x1b[2J there"
        assert "The Linux console has no clipboard." in str(app.screen.query_one("#why").render())


async def test_textuals_own_copies_reach_the_system_clipboard_quietly(data_file, tmp_path):
    from tests.tui.test_drafts_screen import open_drafts

    seed(data_file)
    out = tmp_path / "out"
    fake_tool(tmp_path / "bin", "xclip", '/bin/cat > "$OUT"')
    here = Environment({"DISPLAY": ":0", "PATH": str(tmp_path / "bin"), "OUT": str(out)}, "linux")
    app = make_app(Store(data_file), clipboard_environment=here)
    async with app.run_test(size=(100, 30)) as pilot:
        drafts = await open_drafts(pilot)
        box = drafts.query_one("#draft-agent")
        box.focus()
        box.select_all()
        told = len(app.told)
        await pilot.press("ctrl+c")  # the text box's own copy key
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert out.read_text() == box.text
        assert len(app.told) == told, "as quiet as Textual keeps it"


def test_osc52_is_known_dropped_only_where_it_is(tmp_path):
    def tmux(setting: str | None) -> Environment:
        script = f"echo {setting}" if setting else "exit 1"
        fake_tool(tmp_path / "bin", "tmux", script)
        return Environment({"TMUX": "/tmp/tmux-0/default,1,0", "PATH": str(tmp_path / "bin")})

    assert clipboard.dropped_by(tmux("external")) == "tmux"
    assert clipboard.dropped_by(tmux("off")) == "tmux"
    assert clipboard.dropped_by(tmux("on")) is None
    assert clipboard.dropped_by(tmux(None)) is None, "tmux did not say: nothing is claimed"
    assert clipboard.dropped_by(Environment({"STY": "123.pts-0.host"})) == "screen"
    assert clipboard.dropped_by(Environment({"TERM_PROGRAM": "Apple_Terminal"})) == (
        "apple_terminal"
    )
    assert clipboard.dropped_by(Environment({"TERM": "linux"})) == "linux_console"
    assert clipboard.dropped_by(Environment({"TERM_PROGRAM": "iTerm.app"})) is None
    assert clipboard.dropped_by(Environment({"TERM": "xterm-256color"})) is None


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_each_outcome_is_worded_by_how_far_it_got(lang):
    words = words_for(lang)
    copied = Outcome("xclip", (Refusal("wl-copy", status=1),), ("wl-copy", "xclip"))
    sent = Outcome(None, (), ())
    refused = Outcome(None, (Refusal("xclip", said="Error: no", status=1),), ("xclip", "xsel"))
    timed_out = Outcome(None, (Refusal("pbcopy", timed_out=True),), ("pbcopy",), "apple_terminal")
    nothing = Outcome(None, (), (), "tmux")
    expected = {
        "en": [
            "Copied 1 (888)",
            "Sent 1 (888) to the terminal's clipboard (if it doesn't paste, the terminal did not take it).",
            "xclip could not copy it (Error: no).\nSent 1 (888) to the terminal's clipboard (if it doesn't paste, the terminal did not take it).",
            "pbcopy could not copy it (no answer within 2 seconds).\nmacOS Terminal ignores copies sent by apps.",
            "There is no system clipboard the app can reach from here.\ntmux passes copies from apps on to the terminal only when its set-clipboard option is on (add set -g set-clipboard on to ~/.tmux.conf).",
            "There is no clipboard tool here that the app can use (it looks for xclip, xsel).\nThe Linux console has no clipboard.",
        ],
        "ko": [
            "1 (888) 복사됨",
            "1 (888): 터미널 클립보드로 보냈습니다 (붙여 넣기가 안 되면 터미널이 받지 않은 것입니다).",
            "xclip: 복사하지 못했습니다 (Error: no).\n1 (888): 터미널 클립보드로 보냈습니다 (붙여 넣기가 안 되면 터미널이 받지 않은 것입니다).",
            "pbcopy: 복사하지 못했습니다 (2초 안에 응답 없음).\nmacOS 터미널은 앱이 복사한 내용을 받지 않습니다.",
            "여기서는 앱이 쓸 수 있는 시스템 클립보드가 없습니다.\ntmux는 set-clipboard 옵션이 on일 때만 앱이 복사한 내용을 터미널로 넘깁니다 (~/.tmux.conf에 set -g set-clipboard on 추가).",
            "앱이 쓸 수 있는 클립보드 도구가 없습니다 (찾아본 도구: xclip, xsel).\n리눅스 콘솔에는 클립보드가 없습니다.",
        ],
    }[lang]
    assert not copied.by_hand and not sent.by_hand and timed_out.by_hand and nothing.by_hand
    assert [
        clipboard.notice(copied, words, "1 (888)"),
        clipboard.notice(sent, words, "1 (888)"),
        clipboard.notice(refused, words, "1 (888)"),
        clipboard.why_by_hand(timed_out, words),
        clipboard.why_by_hand(nothing, words),
        clipboard.why_by_hand(Outcome(None, (), ("xclip", "xsel"), "linux_console"), words),
    ] == expected
