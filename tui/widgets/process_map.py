"""How far along the process the attempt is: its phases, the current step, the path so far."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from flows.attempt import Attempt
from flows.process_chart import phase_title
from flows.steps import PHASES, phase_of
from flows.words import Words


def render_map(attempt: Attempt, words: Words, *, every_step: bool = False) -> Text:
    """Markers are plain ASCII, so the map reads the same without colour and in any terminal."""
    visited = (
        {attempt.configuration[0]}
        | {e.source for e in attempt.timeline}
        | {e.target for e in attempt.timeline}
    )
    current_phase = phase_of(attempt.step)
    text = Text()
    for phase, steps in PHASES:
        if phase == current_phase:
            marker, style = "[>]", "bold"
        elif visited & set(steps):
            marker, style = "[x]", ""
        else:
            marker, style = "[ ]", "dim"
        title = phase_title(phase, words)
        if text:
            text.append("\n")
        text.append(f"{marker} {title}", style=style)
        if phase == current_phase and phase != "end" and len(steps) > 1:
            text.append(f"  ({screens_into_phase(attempt)})", style="dim")
        if every_step or phase == current_phase:
            for step in steps:
                if not every_step and step != attempt.step:
                    continue
                mark = ">" if step == attempt.step else ("x" if step in visited else " ")
                step_style = (
                    "bold reverse" if step == attempt.step else ("" if step in visited else "dim")
                )
                text.append("\n    ")
                text.append(f"{mark} {words.step(step).title}", style=step_style)
    return text


def progress_line(attempt: Attempt, words: Words) -> str:
    """The current phase and how many screens into it, e.g. "Amazon website or app, step 6".

    A count of what the person went through, not a fraction: a phase with two routes (the
    article's Contact Us, today's assistant) has no one number of steps to go."""
    phase = phase_of(attempt.step)
    title = phase_title(phase, words)
    if phase == "end":
        return title
    return words("phase_step", phase=title, n=screens_into_phase(attempt))


def screens_into_phase(attempt: Attempt) -> int:
    """How many screens of its current phase the attempt has been through, this one included."""
    steps = set(dict(PHASES)[phase_of(attempt.step)])
    taken = 1
    for entry in reversed(attempt.timeline):
        if entry.source not in steps:
            break
        taken += 1
    return taken


class ProcessMap(Static):
    DEFAULT_CSS = """
    ProcessMap {
        height: auto;
        max-height: 12;
        border: round $primary-darken-2;
        padding: 0 1;
    }
    """

    def show(self, attempt: Attempt, words: Words) -> None:
        self.border_title = words("progress")
        self.update(render_map(attempt, words))
