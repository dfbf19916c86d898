"""What the person saw on Amazon's site, step by step, kept beside the attempts.

The guide's labels come from an article, not from Amazon: the only first-hand word on them is
the person's own. Each website step remembers the last time they said its labels matched their
screen, and the last difference they noted there, so that every later attempt can say so. It is
a small table in the open data file (one record, a few entries), so a redraw reads one entry
however many attempts are archived; it is derived from the attempts' own entries on each save,
so a save that failed half-way is made good by the next one.
"""

from __future__ import annotations

from typing import Any

import msgspec

from flows.attempt import Attempt, Moment

TABLE = "sightings"


class Sighting(msgspec.Struct, kw_only=True, omit_defaults=True):
    """One website step as the person last reported it."""

    matched_at: Moment | None = None
    different_at: Moment | None = None
    different: str = ""


def read_sightings(data: dict[str, Any]) -> dict[str, Sighting]:
    """The sightings a data file holds; an entry that cannot be read is left out, never fatal
    (it is a convenience derived from the attempts, which keep the same facts)."""
    table = data.get(TABLE, {}).get("1", {})
    sightings: dict[str, Sighting] = {}
    for step, raw in table.items() if isinstance(table, dict) else ():
        try:
            sightings[str(step)] = msgspec.convert(raw, Sighting)
        except msgspec.ValidationError:
            continue
    return sightings


def updated(sightings: dict[str, Sighting], attempt: Attempt) -> dict[str, Sighting] | None:
    """``sightings`` with what ``attempt`` adds (its newer confirmations and site notes), or
    None when it adds nothing."""
    changed = dict(sightings)
    for confirmation in attempt.confirmations:
        known = changed.get(confirmation.step, Sighting())
        if known.matched_at is None or confirmation.at > known.matched_at:
            changed[confirmation.step] = msgspec.structs.replace(known, matched_at=confirmation.at)
    for report in attempt.site_reports:
        known = changed.get(report.step, Sighting())
        if known.different_at is None or report.at > known.different_at:
            changed[report.step] = msgspec.structs.replace(
                known, different_at=report.at, different=report.text
            )
    return changed if changed != sightings else None


def encoded(sightings: dict[str, Sighting]) -> dict[str, Any]:
    return {step: msgspec.to_builtins(sighting) for step, sighting in sightings.items()}
