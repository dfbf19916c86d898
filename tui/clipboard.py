"""Copying text where the person can paste it, and knowing how far it got.

Every copy goes two ways at once. The terminal's clipboard, through OSC 52 (Textual's own
``copy_to_clipboard``): it reaches the person's machine even over ssh, but many terminals drop it
unasked (macOS Terminal; tmux unless told), and nothing comes back to say it arrived. And the
system's clipboard tool, where this machine has one the person sits at: pbcopy on macOS, wl-copy
on Wayland, xclip or xsel on X11, clip.exe on Windows and WSL; its exit status does say.

Why not ``pyperclip`` (1.11, the well-known library): its command-line paths never look at the
tool's exit status, so a failing xclip ("Can't open display") is reported as copied, the one
thing the notice must not do; the tool inherits our terminal and writes its errors over the full
screen; it waits without a time limit; it picks one way once per process, with no next one when
that fails, and no way to name WSL's; and on a desktop it may import Qt or AppKit into the app. What
the app needs is five commands tried in order, each with a time limit: that is this module.

xclip, xsel and wl-copy fork: the parent exits once it has read the text, a child stays behind to
serve the selection until something else takes it. So the tool's output goes nowhere we wait on
(a pipe would stay open in that child, and waiting for it to close would wait for the next copy),
its errors go to a file, and only the parent's exit is waited for.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field

from flows.words import Words

# Long enough for a tool that starts slowly on a busy machine; short enough that a hung one is
# given up while the person still remembers pressing the key.
TIMEOUT_SECONDS = 2.0


@dataclass(frozen=True)
class Tool:
    """A command that puts its standard input on a system clipboard."""

    name: str
    command: tuple[str, ...]
    encoding: str = "utf-8"
    # Set for the tool only: pbcopy reads its input in the locale's encoding, which is not UTF-8
    # when the app was started without one (from cron, ssh without LANG...).
    environment: tuple[tuple[str, str], ...] = ()


PBCOPY = Tool("pbcopy", ("pbcopy",), environment=(("LC_CTYPE", "UTF-8"),))
# Named as text: otherwise wl-copy guesses a type from the content, and may guess one that
# programs will not paste as text.
WL_COPY = Tool("wl-copy", ("wl-copy", "--type", "text/plain"))
XCLIP = Tool("xclip", ("xclip", "-selection", "clipboard", "-in"))
XSEL = Tool("xsel", ("xsel", "--clipboard", "--input"))
# clip.exe takes UTF-16 (what Windows' own text is); UTF-8 reaches the clipboard as mojibake.
CLIP_EXE = Tool("clip.exe", ("clip.exe",), encoding="utf-16-le")


@dataclass(frozen=True)
class Environment:
    """Where the app runs, as far as the clipboard is concerned: its variables and platform."""

    variables: Mapping[str, str]
    platform: str = sys.platform

    @classmethod
    def here(cls) -> Environment:
        return cls(dict(os.environ), sys.platform)

    def has(self, name: str) -> bool:
        return bool(self.variables.get(name))

    @property
    def over_ssh(self) -> bool:
        return self.has("SSH_CONNECTION") or self.has("SSH_TTY")


def tools_for(environment: Environment) -> tuple[Tool, ...]:
    """The clipboard tools worth trying here, in order (found on the PATH or not).

    Over ssh, pbcopy and clip.exe would fill the clipboard of the machine the app runs on, not the
    person's: they are left out, and OSC 52 carries the copy home. A display set over ssh is the
    person's own (X11 forwarding), so xclip and xsel stay.
    """
    if environment.platform == "darwin":
        return () if environment.over_ssh else (PBCOPY,)
    if environment.platform == "win32":
        return () if environment.over_ssh else (CLIP_EXE,)
    tools: list[Tool] = []
    if environment.has("WAYLAND_DISPLAY"):
        tools.append(WL_COPY)
    if environment.has("DISPLAY"):
        tools += [XCLIP, XSEL]
    # WSL: after WSLg's display (which hands its clipboard to Windows) when there is one.
    wsl = environment.has("WSL_DISTRO_NAME") or environment.has("WSL_INTEROP")
    if wsl and not environment.over_ssh:
        tools.append(CLIP_EXE)
    return tuple(tools)


@dataclass(frozen=True)
class Refusal:
    """A tool that was there and did not take the text: why, in its own words where it said."""

    tool: str
    said: str = ""  # the first line it wrote on its standard error
    status: int | None = None  # its exit status
    timed_out: bool = False
    error: OSError | None = None  # it could not be started


@dataclass(frozen=True)
class Outcome:
    """How far a copy got."""

    copied_by: str | None  # the system clipboard tool that took it, if one did
    refusals: tuple[Refusal, ...] = ()  # tools tried before, that did not
    looked_for: tuple[str, ...] = ()  # every tool this system would use, found or not
    # Between the app and the person, what is known to drop OSC 52 (see ``dropped_by``); None
    # when it may arrive, or when a system tool took the text and it was not asked.
    dropped_by: str | None = None
    timeout: float = field(default=TIMEOUT_SECONDS, compare=False)

    @property
    def by_hand(self) -> bool:
        """Nothing is known to have taken it: the person must copy it themselves."""
        return self.copied_by is None and self.dropped_by is not None


def copy(text: str, environment: Environment, *, timeout: float = TIMEOUT_SECONDS) -> Outcome:
    """Put ``text`` on the system clipboard, with the first tool here that takes it; if none
    does, find out whether OSC 52 (sent by the caller) can reach the person. Blocks for up to
    ``timeout`` seconds a tool (twice, with tmux): run it off the app's event loop."""
    tools = tools_for(environment)
    search_path = environment.variables.get("PATH", os.defpath)
    refusals: list[Refusal] = []
    for tool in tools:
        program = shutil.which(tool.command[0], path=search_path)
        if program is None:
            continue
        refusal = _run(tool, program, text, environment, timeout)
        if refusal is None:
            names = tuple(t.name for t in tools)
            return Outcome(tool.name, tuple(refusals), names, timeout=timeout)
        refusals.append(refusal)
    return Outcome(
        None,
        tuple(refusals),
        tuple(t.name for t in tools),
        dropped_by(environment, timeout=timeout),
        timeout=timeout,
    )


def _run(
    tool: Tool, program: str, text: str, environment: Environment, timeout: float
) -> Refusal | None:
    """Run one tool on ``text``: None if it took it, else why not."""
    variables = {**environment.variables, **dict(tool.environment)}
    with tempfile.TemporaryFile() as errors:
        try:
            done = subprocess.run(
                [program, *tool.command[1:]],
                input=text.encode(tool.encoding, errors="replace"),
                stdout=subprocess.DEVNULL,
                stderr=errors,
                env=variables,
                timeout=timeout,
                # Its own session: the child that serves the selection outlives the app, and
                # closing the terminal does not take the copy with it.
                start_new_session=True,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return Refusal(tool.name, timed_out=True)
        except OSError as error:
            return Refusal(tool.name, error=error)
        if done.returncode == 0:
            return None
        errors.seek(0)
        lines = errors.read(2000).decode("utf-8", errors="replace").strip().splitlines()
    return Refusal(tool.name, said=lines[0][:120] if lines else "", status=done.returncode)


def dropped_by(environment: Environment, *, timeout: float = TIMEOUT_SECONDS) -> str | None:
    """What between the app and the person is known to drop OSC 52: ``"tmux"`` (unless its
    set-clipboard option is on), ``"screen"``, ``"apple_terminal"`` or ``"linux_console"``; None
    when nothing known does (it may still be dropped: we cannot tell, and say so)."""
    if environment.has("TMUX"):
        setting = tmux_set_clipboard(environment, timeout=timeout)
        # Unknown (tmux did not answer): nothing is known, so nothing is claimed.
        return "tmux" if setting is not None and setting != "on" else None
    if environment.has("STY"):
        return "screen"
    if environment.variables.get("TERM_PROGRAM") == "Apple_Terminal":
        return "apple_terminal"
    if environment.variables.get("TERM") == "linux":
        return "linux_console"
    return None


def tmux_set_clipboard(environment: Environment, *, timeout: float) -> str | None:
    """tmux's set-clipboard option ("on", "external", "off"), or None if tmux did not say.

    Only "on" lets an app's OSC 52 through to the terminal; "external", tmux's default, keeps
    the terminal's clipboard for tmux's own copies."""
    program = shutil.which("tmux", path=environment.variables.get("PATH", os.defpath))
    if program is None:
        return None
    try:
        done = subprocess.run(
            [program, "show-options", "-gv", "set-clipboard"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=dict(environment.variables),
            timeout=timeout,
            check=False,
        )
    except (subprocess.TimeoutExpired, OSError):
        return None
    setting = done.stdout.decode("utf-8", errors="replace").strip()
    return setting if done.returncode == 0 and setting else None


# What the person is told


def notice(outcome: Outcome, words: Words, what: str) -> str:
    """The notice after a copy the person need not finish by hand: "Copied" only when a system
    clipboard took it; otherwise sent to the terminal (which may drop it, unknown to us), after
    the tools that did not take it."""
    if outcome.copied_by is not None:
        return words("copied", what=what)
    return "\n".join([*refused(outcome, words), words("copy_sent", what=what)])


def why_by_hand(outcome: Outcome, words: Words) -> str:
    """Why the person must copy it themselves: what the system lacked or refused, and what
    drops the terminal's clipboard."""
    lines = refused(outcome, words)
    if not lines:
        tools = ", ".join(outcome.looked_for)
        lines = [words("copy_no_tool", tools=tools) if tools else words("copy_no_clipboard")]
    if outcome.dropped_by is not None:
        lines.append(words(f"copy_dropped_{outcome.dropped_by}"))
    return "\n".join(lines)


def refused(outcome: Outcome, words: Words) -> list[str]:
    """One line for each tool that was there and did not take the text."""
    lines = []
    for refusal in outcome.refusals:
        if refusal.timed_out:
            reason = words("copy_reason_timeout", seconds=f"{outcome.timeout:g}")
        elif refusal.error is not None:
            reason = words.os_reason(refusal.error)
        elif refusal.said:
            reason = refusal.said  # the tool's own words, e.g. "Error: Can't open display: :0"
        else:
            reason = words("copy_reason_status", status=refusal.status)
        lines.append(words("copy_refused", tool=refusal.tool, reason=reason))
    return lines
