"""When Amazon's site doesn't match the guide: note what you see, then a way around it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from flows.session import Move, Session
from tui.localized import LocalizedModal
from tui.warn_once import WarnOnce

# The machine's sideways moves from a website step: the person picks, the machine decides.


class SiteDifferentScreen(LocalizedModal[Move | None]):
    DEFAULT_CLASSES = "dialog site-different"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "close", id="site_different.close")
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.ways = session.ways_around_the_site()
        self._leaving = WarnOnce()  # with a note not kept

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(classes="heading", id="title")
            yield Static(id="intro")
            yield Input(id="seen")
            # The ways around come first: on a small terminal the tips are what scrolls away.
            yield Static(id="moves-heading")
            yield OptionList(id="ways")
            yield Static(id="around")
            yield Static(id="close-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        # Focusing the box scrolls it; start from the top, where the question is.
        box = self.query_one("#box")
        self.call_after_refresh(box.scroll_home, animate=False)

    def _term(self, key: str, **values: object) -> str:
        return self.words(f"site_different.{key}", **values)

    def update_texts(self) -> None:
        self.query_one("#title", Static).update(self._term("title"))
        self.query_one("#intro", Static).update(self._term("intro"))
        self.query_one(Input).placeholder = self._term("placeholder")
        self.query_one("#around", Static).update(
            "\n".join(f"- {self._term(key)}" for key in ("elsewhere", "any_problem", "chat"))
        )
        self.query_one("#moves-heading", Static).update(self._term("moves"))
        ways = self.query_one(OptionList)
        ways.clear_options()
        for move in self.ways:
            ways.add_option(Option(self.words.move(move.event), id=move.event))
        ways.display = self.query_one("#moves-heading").display = bool(self.ways)
        self.query_one("#close-hint", Static).update(self.words("close_hint"))
        if self.ways:
            ways.highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.notify(self.words("site_describe_first"), severity="warning", timeout=4)
            return
        if self.contact_app.run_change(
            lambda: self.session.report_site_difference(event.value), session=self.session
        ):
            self.notify(self.words("site_noted"), timeout=3)
            event.input.value = ""
            if self.ways:
                self.query_one(OptionList).focus()

    def action_close(self) -> None:
        if self._leaving.should_warn(bool(self.query_one(Input).value.strip())):
            self.notify(self.words("site_unsaved"), severity="warning", timeout=8)
            return
        self.dismiss(None)

    def on_input_changed(self) -> None:
        self._leaving.rearm()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(next(move for move in self.ways if move.event == event.option.id))
