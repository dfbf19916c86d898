"""The figures of the stats screen, computed from the history's summaries."""

from __future__ import annotations

from datetime import UTC, date, timedelta

from flows.session import Session
from flows.stats import stats
from flows.store import Store
from tests.tui.conftest import TO_CHAT_AGENT, walk

DIRECT = ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"]


def history(tmp_path, clock) -> Store:
    store = Store(tmp_path / "a.json")
    # Website and chat, escalated, resolved.
    walk(
        Session.begin(store, clock=clock),
        [*TO_CHAT_AGENT, "ask_for_supervisor", "supervisor_joined", "problem_solved"],
    )
    # Direct call, transferred twice, resolved.
    walk(
        Session.begin(store, clock=clock),
        [
            *DIRECT,
            "transferred",
            "agent_answered",
            "transferred",
            "agent_answered",
            "problem_solved",
        ],
    )
    # Direct call, asked for a supervisor, none came, gave up.
    walk(
        Session.begin(store, clock=clock),
        [*DIRECT, "ask_for_supervisor", "supervisor_unavailable", "give_up"],
    )
    # Still going.
    walk(Session.begin(store, clock=clock), DIRECT)
    return store


def test_outcomes_routes_channels_escalation_and_transfers(tmp_path, clock):
    figures = stats(history(tmp_path, clock).summaries(), date(2026, 11, 26))
    assert figures.attempts == 4
    assert figures.outcomes == {"resolved": 2, "gave_up": 1, "waiting": 0, "in_progress": 1}
    assert (figures.by_route["website"].total, figures.by_route["website"].resolved) == (1, 1)
    assert (figures.by_route["direct"].total, figures.by_route["direct"].resolved) == (2, 1), (
        "the open one left out"
    )
    assert figures.by_channel["chat"].resolved == figures.by_channel["chat"].total > 0
    assert figures.by_channel["email"].total == 0
    assert (figures.with_supervisor.total, figures.with_supervisor.resolved) == (1, 1)
    assert (figures.asked_no_supervisor.total, figures.asked_no_supervisor.resolved) == (1, 0)
    assert (figures.without_escalation.total, figures.without_escalation.resolved) == (1, 1), (
        "open ones left out"
    )
    assert (figures.transfers, figures.most_transfers) == (2, 2)


def test_median_time_to_resolution_and_months(tmp_path, clock):
    # The clock moves a minute per reading: the two resolved attempts took 14 and 11 readings.
    figures = stats(history(tmp_path, clock).summaries(), date(2026, 11, 26))
    assert timedelta(minutes=10) <= figures.median_to_resolution <= timedelta(minutes=15)
    assert [m for m, _, _ in figures.per_month][-2:] == ["2026-10", "2026-11"] and len(
        figures.per_month
    ) == 12
    assert figures.per_month[-1][1:] == (4, 2)
    assert stats([], date(2026, 1, 15)).per_month[0][0] == "2025-02"


def test_nothing_yet():
    figures = stats([], date(2026, 11, 26))
    assert (
        figures.attempts == 0
        and figures.median_to_resolution is None
        and figures.most_transfers == 0
    )


def test_the_median_is_the_middle_time_not_the_mean():
    from datetime import datetime

    from flows.summary import AttemptSummary

    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)

    def resolved(number: int, took: timedelta) -> AttemptSummary:
        return AttemptSummary(
            id=number,
            created_at=start,
            step="resolved",
            goal="",
            order_number="",
            summary="",
            follow_up_due=None,
            route="direct",
            channels=("direct_call",),
            case_numbers=(),
            agent_names=(),
            typed_words="",
            finished_at=start + took,
        )

    times = [timedelta(minutes=10), timedelta(hours=5), timedelta(minutes=20)]
    figures = stats(
        [resolved(n, took) for n, took in enumerate(times, start=1)], date(2026, 11, 26)
    )
    assert figures.median_to_resolution == timedelta(minutes=20)


def test_a_clock_set_back_gives_no_negative_time_to_resolve(clock):
    from flows.summary import AttemptSummary

    session = Session.begin(clock=clock)
    session.move("outcome_decided")
    clock.now -= timedelta(days=2)  # the machine's clock was set back before the finish
    session.move("give_up")
    session.attempt.configuration = ["resolved"]
    figures = stats([AttemptSummary.of(session.attempt)], date(2026, 11, 30))
    assert figures.median_to_resolution is None


def test_a_discarded_attempt_counts_in_no_figure(clock):
    from flows.summary import AttemptSummary

    given_up = Session.begin(clock=clock)
    given_up.move("give_up")
    junk = Session.begin(clock=clock)
    junk.discard()
    figures = stats(
        [AttemptSummary.of(given_up.attempt), AttemptSummary.of(junk.attempt)], date(2026, 11, 30)
    )
    assert figures.attempts == 1 and figures.outcomes["gave_up"] == 1
