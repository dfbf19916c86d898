"""One attempt in full: what it was about, every step with its time, contacts, notes, outcome."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from flows.attempt import TEXT_LIMITS, Attempt
from flows.session import Session
from flows.store import StoreError
from tui import report
from tui.localized import LocalizedScreen
from tui.widgets.keys_footer import KeysFooter

SECTIONS = ("timeline", "contacts", "notes", "drafts", "site_reports", "transcripts")
# Shown only when the attempt has some: most never will.
OPTIONAL_SECTIONS = ("drafts", "site_reports", "transcripts")


class DetailScreen(LocalizedScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "continue", "continue", id="detail.continue"),
        Binding("a", "again", "again", id="detail.again"),
        Binding("d", "drafts", "drafts_key", id="detail.drafts"),
        Binding("t", "transcript", "transcript_key", show=False, id="detail.transcript"),
        Binding("escape", "back", "back", id="detail.back"),
    ]

    def __init__(self, attempt: Attempt) -> None:
        super().__init__()
        self.attempt = attempt

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail"):
            yield Static(classes="heading", id="title")
            yield Static(id="facts")
            for name in SECTIONS:
                yield Static(classes="heading", id=f"{name}-heading")
                yield Static(id=name)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#detail", VerticalScroll).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        read_only = self.contact_app.store.read_only
        if action == "continue":
            return not self.attempt.is_finished and not read_only
        if action in ("again", "drafts", "transcript"):
            return not read_only
        return True

    def update_texts(self) -> None:
        attempt, words = self.attempt, self.words
        title = Text(
            f"{self.words('attempt_no', id=attempt.id)}  ({report.when(attempt.created_at)})"
        )
        if self.contact_app.store.read_only:
            title.append("\n" + self.contact_app.read_only_text(line=True), style="not bold")
        self.query_one("#title", Static).update(title)
        facts = Text()
        for key, value in report.facts(attempt, words):
            if facts:
                facts.append("\n")
            if key:
                facts.append(f"{key}: ", style="bold")
            facts.append(value)
        self.query_one("#facts", Static).update(facts)
        self.query_one("#timeline-heading", Static).update(self.words("timeline"))
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=False)
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True, justify="right", style="dim")
        # Fold, not the default ellipsis: at some widths Rich cut a Korean word short ("연결되 …").
        table.add_column(overflow="fold")
        for item in report.timeline(attempt, words):
            table.add_row(item.at, f"+{item.took}" if item.took else "", item.text)
        self.query_one("#timeline", Static).update(table)
        self._section("contacts", report.contact_lines(attempt, words))

        def shown(text: str, field: str = "note") -> str:
            return report.excerpt(text, TEXT_LIMITS[field], words, attempt.id)

        self._section("notes", [f"{report.when(n.at)}  {shown(n.text)}" for n in attempt.notes])
        kept = [
            f"{report.draft_title(d.kind, words)} ({report.when(d.at)})\n{shown(d.text)}\n"
            for d in attempt.drafts
        ]
        self._section("drafts", kept)
        self._section(
            "site_reports",
            [
                f"{report.when(r.at)}  {report.step_title(r.step, words)}: {shown(r.text, 'site_report')}"
                for r in attempt.site_reports
            ],
        )
        self._section(
            "transcripts",
            [f"{report.when(x.at)}\n{shown(x.text, 'transcript')}\n" for x in attempt.transcripts],
        )

    def _section(self, name: str, lines: list[str]) -> None:
        heading, body = (
            self.query_one(f"#{name}-heading", Static),
            self.query_one(f"#{name}", Static),
        )
        heading.update(self.words(name))
        body.update(Text("\n".join(lines)) if lines else Text(self.words("none"), style="dim"))
        if name in OPTIONAL_SECTIONS:
            heading.display = body.display = bool(lines)

    def action_continue(self) -> None:
        app = self.contact_app
        try:
            session = app.sessions.open(self.attempt.id)
        except StoreError as error:
            self.notify(self.words.error(error), severity="error", markup=False)
            return
        app.open_session(session)

    def action_drafts(self) -> None:
        from tui.screens.drafts import DraftsScreen

        self.app.push_screen(DraftsScreen(self._session()), lambda _: self.update_texts())

    def _session(self) -> Session:
        """The attempt's one live session (shared with a step screen that has it open)."""
        session = self.contact_app.sessions.of(self.attempt)
        self.attempt = session.attempt
        return session

    def action_transcript(self) -> None:
        from tui.screens.transcript import TranscriptScreen

        self.app.push_screen(TranscriptScreen(self._session()), lambda _: self.update_texts())

    def action_again(self) -> None:
        self.contact_app.action_new_attempt(follow_on=self.attempt)

    def action_back(self) -> None:
        self.dismiss()
