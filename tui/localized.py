"""Footer labels and screen texts that follow the app's language as it changes.

A screen reads every text through ``self.words``, the catalog's lookup bound to the app's current
language (:mod:`flows.words`). Our bindings' descriptions are keys of the catalog: the screen's
``active_bindings`` (what the footer and the keys panel read) hands them out translated.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from textual.binding import ActiveBinding
from textual.screen import ModalScreen, Screen

from flows.words import Words, words_for

if TYPE_CHECKING:
    from tui.app import AmazonContactApp

    # The mixin only ever sits in front of a screen: let the type checker know what it has.
    _ScreenBase = Screen[Any]
else:
    _ScreenBase = object


class LocalizedMixin(_ScreenBase):
    """For screens: call :meth:`update_texts` now and whenever the language changes."""

    @property
    def contact_app(self) -> AmazonContactApp:
        """The app, with its own attributes typed (Textual types ``self.app`` as any app)."""
        return cast("AmazonContactApp", self.app)

    @property
    def lang(self) -> str:
        return self.contact_app.lang

    def may_leave(self) -> bool:
        """Whether the person may leave this screen now (a screen with unsaved work may warn)."""
        return True

    @property
    def words(self) -> Words:
        """Everything this screen says, in the language it is in now."""
        return words_for(self.lang)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys in force here, each labelled in the screen's language."""
        words = self.words

        def labelled(active: ActiveBinding) -> ActiveBinding:
            key = active.binding.description
            if not words.has(key):
                return active
            return active._replace(binding=replace(active.binding, description=words(key)))

        return {key: labelled(active) for key, active in super().active_bindings.items()}

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._language_changed)

    def _language_changed(self) -> None:
        self.update_texts()
        self.refresh_bindings()

    def update_texts(self) -> None:
        """Put every text of this screen in the current language."""


ResultType = TypeVar("ResultType")


class LocalizedScreen(LocalizedMixin, Screen[ResultType], Generic[ResultType]):
    pass


class LocalizedModal(LocalizedMixin, ModalScreen[ResultType], Generic[ResultType]):
    pass
