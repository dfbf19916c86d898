"""How far along the process the attempt is: its phases, the current step, the path so far."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from flows.amazon import AmazonContact
from flows.attempt import Attempt
from flows.guidance import guidance
from tui.strings import t

# The phases a person goes through, and the steps in each, in the order they are usually met.
PHASES: list[tuple[str, list[str]]] = [
    ("preparing", [s.id for s in AmazonContact.preparing.states]),
    ("website", [s.id for s in AmazonContact.website.states]),
    ("in_contact", [s.id for s in AmazonContact.in_contact.states]),
    ("waiting_on_promise", ["disconnected", "no_fix_yet", "waiting_on_promise"]),
    ("resolved", ["resolved", "gave_up"]),
]


def phase_of(step: str) -> str:
    return next(phase for phase, steps in PHASES if step in steps)


def render_map(attempt: Attempt, lang: str, *, every_step: bool = False) -> Text:
    """Markers are plain ASCII, so the map reads the same without colour and in any terminal."""
    visited = {attempt.configuration[0]} | {e.source for e in attempt.timeline} | {e.target for e in attempt.timeline}
    current_phase = phase_of(attempt.step)
    text = Text()
    for phase, steps in PHASES:
        if phase == current_phase:
            marker, style = "[>]", "bold"
        elif visited & set(steps):
            marker, style = "[x]", ""
        else:
            marker, style = "[ ]", "dim"
        title = guidance(phase, lang).title if phase not in ("waiting_on_promise", "resolved") else _phase_title(phase, lang)
        if text:
            text.append("\n")
        text.append(f"{marker} {title}", style=style)
        if phase == current_phase and phase != "resolved" and len(steps) > 1:
            text.append(f"  {steps.index(attempt.step) + 1}/{len(steps)}", style="dim")
        if every_step or phase == current_phase:
            for step in steps:
                if not every_step and step != attempt.step:
                    continue
                mark = ">" if step == attempt.step else ("x" if step in visited else " ")
                step_style = "bold reverse" if step == attempt.step else ("" if step in visited else "dim")
                text.append("\n    ")
                text.append(f"{mark} {guidance(step, lang).title}", style=step_style)
    return text


def progress_line(attempt: Attempt, lang: str) -> str:
    """The current phase and how far into it, e.g. "Amazon website 6/10"."""
    phase = phase_of(attempt.step)
    steps = dict(PHASES)[phase]
    title = guidance(phase, lang).title if phase not in ("waiting_on_promise", "resolved") else _phase_title(phase, lang)
    if phase == "resolved":
        return title
    return f"{title} {steps.index(attempt.step) + 1}/{len(steps)}"


def _phase_title(phase: str, lang: str) -> str:
    return t("phase_after" if phase == "waiting_on_promise" else "phase_end", lang)


class ProcessMap(Static):
    def show(self, attempt: Attempt, lang: str) -> None:
        self.border_title = t("progress", lang)
        self.update(render_map(attempt, lang))
