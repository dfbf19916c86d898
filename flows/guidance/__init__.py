"""What each step of the contact process says to a person, in Korean and in English.

The texts live in the catalog (:mod:`flows.catalog`), one file per language, keyed by the
machine's state and event ids; Amazon's own on-screen labels live once in ``labels.toml`` because
they are the same whatever language the person reads. Screens read them through
:class:`flows.words.Words`; this module shapes a step's entries into :class:`StepGuidance`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from flows.catalog import labels, table

# The courteous lines worth having in front of you at each step where you speak with someone.
PHRASES_AT_STEP: dict[str, tuple[str, ...]] = {
    "talking_with_agent": ("framing", "calm"),
    "asking_for_supervisor": ("supervisor",),
    "talking_with_supervisor": ("calm", "thanks"),
    "being_transferred": ("calm",),
    "waiting_for_chat_agent": ("framing",),
}


@dataclass(frozen=True)
class AmazonLabel:
    """A label of Amazon's English site as a source gives it, with its translation where known."""

    amazon: str
    translation: str | None = None


@dataclass(frozen=True)
class StepGuidance:
    state_id: str
    title: str
    where: str
    next_screen: str
    click: tuple[AmazonLabel, ...]
    do: str
    tips: tuple[str, ...]
    # True when ``click`` lists alternatives (pick one) rather than labels to click in turn.
    click_is_choice: bool = False
    # Lines to say at this step, when it is one where you speak with someone: in English, which
    # is what Amazon's agents read, each with its Korean meaning.
    phrases: tuple[Phrase, ...] = ()
    # Where ``click``'s labels come from (source ids, see :func:`source`); nobody here can
    # compare them with Amazon's site, so this, and the person's own word, is all there is.
    label_sources: tuple[str, ...] = ()


def amazon_label(label_id: str, lang: str) -> AmazonLabel:
    entry = labels()["labels"][label_id]
    return AmazonLabel(entry["amazon"], entry.get(lang) if lang != "en" else None)


@cache
def guidance(state_id: str, lang: str) -> StepGuidance:
    """The guidance for one state (atomic, compound or final) in one language."""
    entry = table(lang, "states")[state_id]
    choice_ids = labels()["choices"].get(state_id, [])
    click_ids = choice_ids or labels()["clicks"].get(state_id, [])
    return StepGuidance(
        state_id=state_id,
        title=entry["title"],
        where=entry.get("where", ""),
        next_screen=entry.get("next_screen", ""),
        click=tuple(amazon_label(label_id, lang) for label_id in click_ids),
        do=entry.get("do", ""),
        tips=tuple(entry.get("tips", ())),
        click_is_choice=bool(choice_ids),
        phrases=tuple(
            phrase for kind in PHRASES_AT_STEP.get(state_id, ()) for phrase in _pairs(kind)[:2]
        ),
        label_sources=tuple(dict.fromkeys(label_source(label_id) for label_id in click_ids)),
    )


@cache
def sources() -> dict[str, Any]:
    """Where each label and statement comes from: ``sources.toml`` beside this module."""
    return tomllib.loads(resources.files(__name__).joinpath("sources.toml").read_text("utf-8"))


def label_source(label_id: str) -> str:
    """The source of an Amazon label: ``article``, ``general:<fact>`` or a page's id."""
    ref: str = sources()["labels"][label_id]
    return ref


@dataclass(frozen=True)
class Source:
    """A public page or the source article: what the app may name when it cites it."""

    id: str
    kind: str  # "article" or "page"
    title: str
    address: str
    read: date


def source(source_id: str) -> Source:
    entry = sources()["sources"][source_id]
    return Source(source_id, entry["kind"], entry["title"], entry.get("address", ""), entry["read"])


# Always at hand during a step, after the step's own: keeping calm, and asking to go higher.
PHRASES_AT_HAND: tuple[str, ...] = ("calm", "supervisor")


@dataclass(frozen=True)
class Phrase:
    """One line to say, in English (what Amazon's agents read) and its Korean meaning."""

    kind: str
    english: str
    korean: str


def _pairs(kind: str) -> list[Phrase]:
    """The lines of one kind, English and Korean side by side (written line for line)."""
    return [
        Phrase(kind, english, korean)
        for english, korean in zip(phrases(kind, "en"), phrases(kind, "ko"), strict=True)
    ]


def phrases_at_hand(state_id: str) -> list[Phrase]:
    """The lines worth having ready at this step: its own kinds first, then calm and escalation.

    The English and Korean lists are written line for line, so the n-th lines mean the same.
    """
    kinds = dict.fromkeys([*PHRASES_AT_STEP.get(state_id, ()), *PHRASES_AT_HAND])
    return [phrase for kind in kinds for phrase in _pairs(kind)]


def phrases(kind: str, lang: str) -> tuple[str, ...]:
    """Courteous lines to say: ``calm``, ``framing``, ``supervisor``, ``thanks``."""
    return tuple(table(lang, "phrases")[kind])
