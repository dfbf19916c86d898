"""The stats as Rich renderables: shared by the stats screen and `amazon-contact stats`."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from flows import guidance
from flows.stats import CHANNELS, ROUTES, Share, Stats
from tui.report import duration
from tui.strings import t

BAR_WIDTH = 24
SPARKS = "▁▂▃▄▅▆▇█"


def bar(share: Share, lang: str) -> Text:
    """A resolved-share bar: filled for resolved, shaded for the rest, then the figures."""
    text = Text()
    if not share.total:
        return text.append("-", style="dim")
    filled = round(BAR_WIDTH * share.resolved / share.total)
    text.append("█" * filled, style="green")
    text.append("░" * (BAR_WIDTH - filled), style="dim")
    text.append(f" {share.resolved / share.total:4.0%}  ", style="bold")
    return text.append(t("of_total", lang, resolved=share.resolved, total=share.total), style="dim")


def totals(figures: Stats, lang: str) -> Text:
    text = Text()
    text.append(t("stats_attempts", lang, count=figures.attempts), style="bold")
    for outcome, count in figures.outcomes.items():
        text.append(f"   {guidance.term('outcomes', outcome, lang)} {count}")
    text.append("\n" + t("stats_median", lang) + ": ", style="bold")
    median = figures.median_to_resolution
    text.append(duration(median, lang) if median is not None else "-")
    text.append(
        "\n" + t("stats_transfers", lang, total=figures.transfers, most=figures.most_transfers)
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


def charts(figures: Stats, lang: str) -> Group:
    """Resolved shares as bars: by route, by channel, and with or without escalation."""
    sections = [
        (
            t("stats_by_route", lang),
            [(t(route, lang), figures.by_route[route]) for route in ROUTES],
        ),
        (
            t("stats_by_channel", lang),
            [(guidance.term("channels", c, lang), figures.by_channel[c]) for c in CHANNELS],
        ),
        (
            t("stats_escalation", lang),
            [
                (t("stats_supervisor_joined", lang), figures.with_supervisor),
                (t("stats_asked_only", lang), figures.asked_no_supervisor),
                (t("stats_no_escalation", lang), figures.without_escalation),
            ],
        ),
    ]
    parts: list[RenderableType] = []
    for title, rows in sections:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 2))
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        for label, share in rows:
            table.add_row(label, bar(share, lang))
        parts += [Text(title, style="bold underline"), table]
    return Group(*parts)


def summary_renderables(figures: Stats, lang: str) -> list[RenderableType]:
    return [
        Text(t("stats_title", lang), style="bold"),
        totals(figures, lang),
        "",
        Text(t("stats_per_month", lang), style="bold"),
        sparkline(figures),
        months_axis(figures),
        "",
        charts(figures, lang),
    ]
