"""The stats as Rich renderables: shared by the stats screen and `amazon-contact stats`."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from flows.stats import CHANNELS, ROUTES, Share, Stats
from flows.words import Words
from tui.report import duration

BAR_WIDTH = 24
SPARKS = "▁▂▃▄▅▆▇█"


def bar(share: Share, words: Words) -> Text:
    """A resolved-share bar: filled for resolved, shaded for the rest, then the figures."""
    text = Text()
    if not share.total:
        return text.append("-", style="dim")
    filled = round(BAR_WIDTH * share.resolved / share.total)
    text.append("█" * filled, style="green")
    text.append("░" * (BAR_WIDTH - filled), style="dim")
    text.append(f" {share.resolved / share.total:4.0%}  ", style="bold")
    return text.append(words("of_total", resolved=share.resolved, total=share.total), style="dim")


def totals(figures: Stats, words: Words) -> Text:
    text = Text()
    text.append(words.plural("stats_attempts", figures.attempts), style="bold")
    for outcome, count in figures.outcomes.items():
        text.append(f"   {words('outcomes.' + outcome)} {count}")
    text.append("\n" + words("stats_median") + ": ", style="bold")
    median = figures.median_to_resolution
    text.append(duration(median, words) if median is not None else "-")
    text.append(
        "\n" + words("stats_transfers", total=figures.transfers, most=figures.most_transfers)
    )
    return text


def months_axis(figures: Stats) -> Text:
    first, last = figures.per_month[0][0], figures.per_month[-1][0]
    counts = " ".join(str(n) for _, n, _ in figures.per_month)
    return Text(f"{first} … {last}   ({counts})", style="dim")


def sparkline(figures: Stats) -> Text:
    """Attempts per month as one line of block characters (for text output; the screen draws its own)."""
    counts = [n for _, n, _ in figures.per_month]
    top = max(counts, default=0)
    return Text(
        "".join(SPARKS[round(n / top * (len(SPARKS) - 1))] if top else SPARKS[0] for n in counts),
        style="green",
    )


def charts(figures: Stats, words: Words) -> Group:
    """Resolved shares as bars: by route, by channel, and with or without escalation."""
    sections = [
        (
            words("stats_by_route"),
            [(words(route), figures.by_route[route]) for route in ROUTES],
        ),
        (
            words("stats_by_channel"),
            [(words(f"channels.{c}"), figures.by_channel[c]) for c in CHANNELS],
        ),
        (
            words("stats_escalation"),
            [
                (words("stats_supervisor_joined"), figures.with_supervisor),
                (words("stats_asked_only"), figures.asked_no_supervisor),
                (words("stats_no_escalation"), figures.without_escalation),
            ],
        ),
    ]
    parts: list[RenderableType] = []
    for title, rows in sections:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 2))
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        for label, share in rows:
            table.add_row(label, bar(share, words))
        parts += [Text(title, style="bold underline"), table]
    return Group(*parts)


def summary_renderables(figures: Stats, words: Words) -> list[RenderableType]:
    return [
        Text(words("stats_title"), style="bold"),
        totals(figures, words),
        "",
        Text(words("stats_per_month"), style="bold"),
        sparkline(figures),
        months_axis(figures),
        "",
        charts(figures, words),
    ]
