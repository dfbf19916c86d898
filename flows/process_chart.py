"""The contact process in the app's own words, for ``amazon-contact flow``.

Every step is named by the title the app shows for it and every move as the app offers it (the
catalog, in one language); the machine's ids stay out of sight, but for a Mermaid node's name,
which is syntax. The steps are grouped by the phases the app's map shows (``PHASES``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from statemachine import State

from flows.amazon import AmazonContact
from flows.steps import INITIAL_CONFIGURATION, PHASES
from flows.text import markdown_escaped
from flows.words import Words

STATES: dict[str, State] = AmazonContact.states_map


@dataclass(frozen=True)
class Move:
    """One way out of a step: ``event`` takes the attempt from ``source`` to ``target``."""

    source: str
    event: str
    target: str


def moves() -> list[Move]:
    """Every move of the machine, in the order it declares them, step by step."""
    return [
        Move(state.id, event.id, target.id)
        for state in STATES.values()
        for transition in state.transitions
        if not transition.initial  # a compound step's way into its first step: no move
        for event in transition.events
        for target in transition.targets
    ]


def phase_title(phase: str, words: Words) -> str:
    """A phase as the app's map names it: its compound step's title, or after and end."""
    if phase in ("after", "end"):
        return words(f"phase_{phase}")
    return words.step(phase).title


def landing_step(state_id: str) -> str:
    """The step a move into ``state_id`` shows: a compound step opens on its first step."""
    state = STATES[state_id]
    while not state.is_atomic:
        state = next(child for child in state.states if child.initial)
    return state.id


# Mermaid

# Mermaid reads ``#123;`` as a character before anything else (in every kind of diagram): the way
# to write the few that would end a label (a quote, a colon, a semicolon), start a comment (``%%``)
# or be read as markup. https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters
_MERMAID_SPECIAL = re.compile(r'[#":;%<>&]')


def mermaid_label(text: str) -> str:
    """``text`` written so that Mermaid shows it as it is, in any language."""
    return _MERMAID_SPECIAL.sub(lambda m: f"#{ord(m.group())};", " ".join(text.split()))


def mermaid(words: Words) -> str:
    """The process as a Mermaid state diagram (``stateDiagram-v2``), in ``words``' language."""
    lines = ["stateDiagram-v2", "    direction LR", f"    [*] --> {INITIAL_CONFIGURATION[0]}"]
    by_scope: dict[str | None, list[Move]] = {}
    for move in moves():
        by_scope.setdefault(_innermost_common_parent(move), []).append(move)

    def block(state: State, depth: int) -> None:
        pad = "    " * depth
        name = f'state "{mermaid_label(words.step(state.id).title)}" as {state.id}'
        if state.is_atomic:
            lines.append(f"{pad}{name}")
            return
        lines.append(f"{pad}{name} {{")
        first = next(child for child in state.states if child.initial)
        lines.append(f"{pad}    [*] --> {first.id}")
        for child in state.states:
            block(child, depth + 1)
        arrows(by_scope.get(state.id, []), depth + 1)
        lines.append(f"{pad}}}")

    def arrows(scoped: list[Move], depth: int) -> None:
        pad = "    " * depth
        for move in scoped:
            label = mermaid_label(words.move(move.event))
            lines.append(f"{pad}{move.source} --> {move.target} : {label}")

    for state in STATES.values():
        if state.parent is None:
            block(state, 1)
    lines += [f"    {state.id} --> [*]" for state in STATES.values() if state.final]
    arrows(by_scope.get(None, []), 1)
    return "\n".join(lines) + "\n"


def _innermost_common_parent(move: Move) -> str | None:
    """The compound step a move stays inside (Mermaid draws it in that step's box), or None
    for a move that leaves it (drawn at the top, across the boxes' borders)."""

    def parents(state_id: str) -> list[str]:
        chain, parent = [], STATES[state_id].parent
        while parent is not None:
            chain.append(parent.id)
            parent = parent.parent
        return chain

    around_target = set(parents(move.target))
    return next((p for p in parents(move.source) if p in around_target), None)


# Markdown


def markdown(words: Words) -> str:
    """The process as a Markdown list: phase by phase, each step with its moves and where each
    leads (a move offered on every step of a phase is listed once, under the phase)."""
    md = markdown_escaped
    from_state: dict[str, list[Move]] = {}
    for move in moves():
        from_state.setdefault(move.source, []).append(move)

    def listed(state_id: str, indent: str) -> list[str]:
        return [
            f"{indent}- {md(words.move(m.event))} → {md(words.step(landing_step(m.target)).title)}"
            for m in from_state.get(state_id, [])
        ]

    lines = [f"# {md(words('map_title'))}"]
    for phase, steps in PHASES:
        lines += ["", f"## {md(phase_title(phase, words))}", ""]
        for step in steps:
            title = f"**{md(words.step(step).title)}**"
            if step == INITIAL_CONFIGURATION[-1]:
                title += f" ({md(words('cli.flow_start'))})"
            if STATES[step].final:
                title += f" ({md(words('cli.flow_end'))})"
            lines.append(f"- {title}")
            lines += listed(step, "  ")
        if phase in STATES and from_state.get(phase):
            lines.append(f"- {md(words('cli.flow_every_step', phase=phase_title(phase, words)))}")
            lines += listed(phase, "  ")
    return "\n".join(lines) + "\n"
