"""Your history at a glance: how attempts went, by route and channel, and what escalation did."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from flows.summary import AttemptSummary

ROUTES: tuple[str, ...] = ("website", "direct", "seller")
CHANNELS: tuple[str, ...] = ("email", "phone", "chat", "direct_call")


@dataclass(frozen=True)
class Share:
    """``resolved`` of ``total`` attempts."""

    total: int = 0
    resolved: int = 0


@dataclass(frozen=True)
class Stats:
    attempts: int
    outcomes: dict[str, int]  # resolved, gave_up, waiting, in_progress
    median_to_resolution: timedelta | None
    by_route: dict[str, Share]
    by_channel: dict[str, Share]
    with_supervisor: Share  # a supervisor joined
    asked_no_supervisor: Share  # asked for one, none joined
    without_escalation: Share
    transfers: int
    most_transfers: int
    per_month: list[tuple[str, int, int]] = field(
        default_factory=list
    )  # (YYYY-MM, attempts, resolved)


def _share(attempts: list[AttemptSummary]) -> Share:
    return Share(len(attempts), sum(a.outcome == "resolved" for a in attempts))


def stats(summaries: Iterable[AttemptSummary], today: date, months: int = 12) -> Stats:
    """Figures over every attempt; ``per_month`` covers the ``months`` up to ``today``, oldest first."""
    # A discarded attempt was opened by mistake: it is no part of how contacting Amazon went.
    attempts = [a for a in summaries if a.outcome != "discarded"]
    outcomes = Counter(a.outcome for a in attempts)
    took = [
        a.finished_at - a.created_at for a in attempts if a.outcome == "resolved" and a.finished_at
    ]
    # A clock set back between start and finish gives no length at all: leave it out.
    took = [length for length in took if length >= timedelta(0)]
    finished = [a for a in attempts if a.is_finished]
    month_keys = _last_months(today, months)
    per_month = {key: [0, 0] for key in month_keys}
    for attempt in attempts:
        key = attempt.created_at.strftime("%Y-%m")
        if key in per_month:
            per_month[key][0] += 1
            per_month[key][1] += attempt.outcome == "resolved"
    return Stats(
        attempts=len(attempts),
        outcomes={k: outcomes.get(k, 0) for k in ("resolved", "gave_up", "waiting", "in_progress")},
        median_to_resolution=(
            timedelta(seconds=statistics.median(t.total_seconds() for t in took)) if took else None
        ),
        # Shares count finished attempts only: one still going has not failed.
        by_route={r: _share([a for a in finished if a.route == r]) for r in ROUTES},
        by_channel={c: _share([a for a in finished if c in a.channels]) for c in CHANNELS},
        with_supervisor=_share([a for a in finished if a.supervisor_joined]),
        asked_no_supervisor=_share(
            [a for a in finished if a.asked_for_supervisor and not a.supervisor_joined]
        ),
        without_escalation=_share(
            [a for a in finished if not a.asked_for_supervisor and not a.supervisor_joined]
        ),
        transfers=sum(a.transfers for a in attempts),
        most_transfers=max((a.transfers for a in attempts), default=0),
        per_month=[(key, per_month[key][0], per_month[key][1]) for key in month_keys],
    )


def _last_months(today: date, count: int) -> list[str]:
    year, month = today.year, today.month
    keys = []
    for _ in range(count):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return keys[::-1]
