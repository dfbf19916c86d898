"""The amazon-contact app: screens, global keys, the command palette and the language."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath
from typing import Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.geometry import Size
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import TextArea

from flows.attempt import Attempt, Clock, local_now
from flows.errors import DomainError
from flows.preferences import Preferences, remember
from flows.preferences import read as read_preferences
from flows.session import Session
from flows.sessions import Sessions
from flows.steps import DIRECT_NUMBER
from flows.store import Store, StoreError
from flows.words import Words, words_for
from tui import clipboard
from tui.localized import LocalizedMixin, LocalizedScreen
from tui.preferences import check_theme, not_remembered, usable_keymap
from tui.screens.too_small import TooSmallScreen, fits
from tui.theme import THEME

SCREEN_STYLES = Path(__file__).parent / "screens"
MAIN, TOO_SMALL = "main", "too_small"
CLAIM_RETRY_SECONDS = 3


class AmazonContactApp(App[None]):
    TITLE = "amazon-contact"
    # Every screen's styles, read once at start (Textual would re-parse the whole stylesheet
    # the first time each screen with styles of its own is shown). Absolute paths: a subclass
    # defined elsewhere (the tests') finds them too.
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        Path(__file__).parent / "app.tcss",
        *sorted(SCREEN_STYLES.glob("*.tcss")),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "quit", priority=True, id="app.quit"),
        # Priority: dialogs (modal screens) would otherwise never see them.
        Binding("f2", "toggle_language", "language", priority=True, id="app.toggle_language"),
        Binding("f3", "direct_line", "direct_line", priority=True, id="app.direct_line"),
    ]

    # "Too small" is a mode of its own: the screens of the app's own stack stay as they are
    # beneath it, and come back as they were once the terminal is large enough again.
    DEFAULT_MODE: ClassVar[str] = MAIN
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        MAIN: Screen,  # a blank base: the start screen (or a resumed step) goes on top
        TOO_SMALL: TooSmallScreen,
    }

    lang: reactive[str] = reactive("en", init=False)

    @property
    def words(self) -> Words:
        """Everything the app says, in its language now (screens have the same, ``self.words``)."""
        return words_for(self.lang)

    def __init__(
        self,
        store: Store,
        *,
        lang: str = "en",
        clock: Clock = local_now,
        resume: bool = False,
        clipboard_environment: clipboard.Environment | None = None,
        preferences: Preferences | None = None,
    ) -> None:
        super().__init__()
        self._remembering = False  # only what the person changes once the app runs
        # Offered in the palette's theme list beside Textual's own, which are as Textual made them.
        self.register_theme(THEME)
        # The config file's theme and keys (its language is the command line's to weigh).
        self.preferences = read_preferences() if preferences is None else preferences
        self.theme = check_theme(self.preferences, set(self.available_themes)) or THEME.name
        self.set_keymap(usable_keymap(self.preferences))
        self.store = store
        # What decides the clipboard tools and whether OSC 52 is dropped (tests give their own).
        self.clipboard_environment = clipboard_environment or clipboard.Environment.here()
        self.clock = clock
        self.sessions = Sessions(store, clock=clock)
        self.resume = resume
        self._screens_in_place = False
        self.set_reactive(AmazonContactApp.lang, lang)

    def on_mount(self) -> None:
        for problem in self.preferences.problems:
            self.notify(self.words.error(problem), severity="warning", timeout=20, markup=False)
        self._remembering = True
        if not self.store.claim():
            self.sub_title = self.words("read_only_short")
            self.notify(self.read_only_text(), severity="warning", timeout=20, markup=False)
            self._claim_retry = self.set_interval(CLAIM_RETRY_SECONDS, self.try_claim)
        try:
            unfinished = self.store.unfinished()
        except StoreError:
            unfinished = []  # The start screen reports it.
        if unfinished and self.resume and not self.store.read_only:
            # Straight to the step; the start screen is put in place when the person leaves it.
            self.push_screen(self._step_screen(self.sessions.of(unfinished[0])))
        else:
            from tui.screens.start import StartScreen

            self.push_screen(StartScreen())
            if not unfinished and not self.store.read_only:
                self.action_new_attempt()
        # Only once the screens above are in place: pushed later, they would land in the other
        # mode's stack.
        self._screens_in_place = True
        self.call_after_refresh(lambda: self._fit_to_size(self.size))

    def read_only_text(self, *, line: bool = False) -> str:
        """Why this window is read-only, in the person's language (``line``: the short form)."""
        why, problem = self.store.read_only_reason, self.store.read_only_problem
        detail = self.words.error(problem) if problem is not None else ""
        suffix = "_line" if line else ""
        if why == "cannot_lock":
            return self.words(f"read_only_cannot_lock{suffix}", reason=detail)
        if why == "damaged":
            return self.words(f"read_only_damaged{suffix}", damage=detail)
        return self.words("read_only_line" if line else "read_only")

    def try_claim(self) -> None:
        """While the file cannot be written here, keep asking for it: once it can, this one writes."""
        was = self.store.read_only_reason
        if not self.store.claim():
            return
        self._claim_retry.stop()
        self.sub_title = ""
        key = "writable_now" if was == "another_window" else "writable_again"
        self.notify(self.words(key), timeout=8)
        for screen in self.screen_stack:
            if isinstance(screen, LocalizedScreen):
                screen.update_texts()
            screen.refresh_bindings()

    def on_unmount(self) -> None:
        self.store.release()

    def on_resize(self, event: Resize) -> None:
        # Once Textual has finished resizing (a mode switched in the middle of it never ends);
        # the app's own size follows a moment later, the event has the new one.
        self.call_later(self._fit_to_size, event.size)

    def _fit_to_size(self, size: Size) -> None:
        """Below a usable size, say so (in a mode of its own) instead of drawing the screens."""
        if not self._screens_in_place:
            return
        too_small = not fits(*size)
        if too_small and self.current_mode != TOO_SMALL:
            self.switch_mode(TOO_SMALL)
        elif not too_small and self.current_mode == TOO_SMALL:
            self.switch_mode(self.DEFAULT_MODE)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.current_mode == TOO_SMALL and action in ("direct_line", "new_attempt"):
            return False  # nothing more is drawn until the terminal is large enough
        # A second window on the same file may look, not change.
        return not (action == "new_attempt" and self.store.read_only)

    def watch_lang(self) -> None:
        self.refresh_bindings()

    # Navigation

    def open_session(self, session: Session) -> None:
        """Show an attempt's current step (or, read-only, its record), over the start screen."""
        from tui.screens.detail import DetailScreen

        if not self._back_to_start():
            return
        self.push_screen(
            DetailScreen(session.attempt) if self.store.read_only else self._step_screen(session)
        )

    def _back_to_start(self) -> bool:
        """Leave every screen above the start screen, putting one in place if there is none yet
        (a --resume start); False, leaving nothing, if one of them has unsaved work."""
        from tui.screens.start import StartScreen

        stack = self.screen_stack
        starts = [i for i, screen in enumerate(stack) if isinstance(screen, StartScreen)]
        above = stack[starts[-1] + 1 :] if starts else stack[1:]
        if not all(s.may_leave() for s in above if isinstance(s, LocalizedMixin)):
            return False
        for _ in above:
            self.pop_screen()
        if not starts:
            self.push_screen(StartScreen())
        return True

    def _step_screen(self, session: Session) -> Screen[None]:
        from tui.screens.step import StepScreen

        return StepScreen(session)

    async def action_quit(self) -> None:
        """Quit, unless a change is still unsaved (then warn, once per change), on any screen of
        the app's own stack: a dialog above the step, or while the terminal is too small."""
        stack = self.get_screen_stack(self.DEFAULT_MODE)
        if all(s.may_leave() for s in reversed(stack) if isinstance(s, LocalizedMixin)):
            self.exit()

    def leave_step(self) -> None:
        """Back from a step to the start screen (which a --resume start has not shown yet)."""
        self._back_to_start()

    def action_new_attempt(self, follow_on: Attempt | None = None) -> None:
        from tui.screens.prepare import PrepareScreen

        self.push_screen(PrepareScreen(follow_on=follow_on), self._prepared)

    def _prepared(self, session: Session | None) -> None:
        if session is not None:
            self.open_session(session)

    def action_history(self) -> None:
        from tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen())

    def action_stats(self) -> None:
        from tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen())

    def action_toggle_language(self) -> None:
        self.lang = "ko" if self.lang == "en" else "en"
        self._remember(language=self.lang)

    def watch_theme(self, theme: str) -> None:
        if self._remembering:
            self._remember(theme=theme)

    def _remember(self, **settings: str) -> None:
        """Keep a choice in the config file; if it cannot be, say so quietly and go on."""
        refusal = not_remembered(self.preferences)
        if refusal is None:
            try:
                remember(self.preferences.path, **settings)
            except DomainError as error:
                refusal = error
        if refusal is not None:
            self.notify(self.words.error(refusal), timeout=6, markup=False)

    def action_direct_line(self) -> None:
        from tui.screens.direct_line import DirectLineScreen

        if not isinstance(self.screen, DirectLineScreen):
            self.push_screen(DirectLineScreen())

    def action_copy_number(self) -> None:
        self.copy_and_say(DIRECT_NUMBER, DIRECT_NUMBER)

    def run_change(
        self, change: Callable[[], object], *, session: Session | None = None, quiet: bool = False
    ) -> bool:
        """Run a change that saves, by the app's one policy (``tui.changes``)."""
        from tui.changes import run_change

        return run_change(self, change, session=session, quiet=quiet)

    def copy_and_say(self, text: str, what: str) -> None:
        """Put ``text`` on every clipboard there is, and tell the person how far it got, naming it
        ``what`` (the number, the phrase, "the draft"); if no clipboard is known to have taken
        it, show it to copy by hand. The one place the app's copies go through."""
        self._copy(text, what)

    def copy_to_clipboard(self, text: str) -> None:
        """Textual's own copies (ctrl+c in a text box, a selection made with the mouse) take the
        same way, and stay as quiet as Textual keeps them."""
        self._copy(text, None)

    def _copy(self, text: str, what: str | None) -> None:
        super().copy_to_clipboard(text)  # OSC 52, and Textual's own clipboard for its paste
        # In a thread: a tool may take its time, or hang, and the screen must not wait on it.
        copying = functools.partial(self._copy_to_system, text, what)
        self.run_worker(copying, thread=True, group="clipboard", exit_on_error=False)

    def _copy_to_system(self, text: str, what: str | None) -> None:
        outcome = clipboard.copy(text, self.clipboard_environment)
        if what is not None and self.is_running:
            self.call_from_thread(self._say_copied, text, what, outcome)

    def _say_copied(self, text: str, what: str, outcome: clipboard.Outcome) -> None:
        if outcome.by_hand:
            from tui.screens.copy_by_hand import CopyByHandScreen

            self.push_screen(CopyByHandScreen(text, outcome))
            return
        said = clipboard.notice(outcome, self.words, what)
        known = outcome.copied_by is not None and not outcome.refusals
        self.notify(said, timeout=3 if known else 8, markup=False)

    # The command palette offers every action, in the current language.

    def action_command_palette(self) -> None:
        """Textual's palette, with its own words in the app's language (``tui.palette``)."""
        from textual.command import CommandPalette

        from tui.palette import Palette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(Palette(placeholder=self.words("palette_placeholder")))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The app's own commands (the step screen adds its own: ``tui.commands``)."""
        words = self.words
        if not self.store.read_only:
            yield SystemCommand(words("new_attempt"), words("cmd_new"), self.action_new_attempt)
        yield SystemCommand(words("history"), words("cmd_history"), self.action_history)
        # Named as the footer names it, so the one action has one name.
        yield SystemCommand(words("stats"), words("stats_help"), self.action_stats)
        yield SystemCommand(words("direct_line"), DIRECT_NUMBER, self.action_direct_line)
        yield SystemCommand(words("cmd_copy_number"), DIRECT_NUMBER, self.action_copy_number)
        yield SystemCommand(words("cmd_language"), words("language"), self.action_toggle_language)
        # Textual's own entries, with the same actions as its list, worded by our catalog.
        yield SystemCommand(words("cmd_theme"), words("cmd_theme_help"), self.action_change_theme)
        yield SystemCommand(words("quit"), words("cmd_quit_help"), self.action_quit)
        if screen.query("HelpPanel"):
            yield SystemCommand(
                words("cmd_keys"), words("cmd_keys_hide"), self.action_hide_help_panel
            )
        else:
            yield SystemCommand(
                words("cmd_keys"), words("cmd_keys_show"), self.action_show_help_panel
            )
        if screen.maximized is not None:
            yield SystemCommand(
                words("cmd_minimize"), words("cmd_minimize_help"), screen.action_minimize
            )
        elif isinstance(screen.focused, TextArea):
            # A long letter is easier to edit full-screen; nothing else here needs it. (No
            # screenshot entry either: an SVG file of the screen is not for this app's people.)
            yield SystemCommand(
                words("cmd_maximize"), words("cmd_maximize_help"), screen.action_maximize
            )
