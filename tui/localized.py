"""Footer labels and screen texts that follow the app's language as it changes.

A screen reads every text through ``self.words``, the catalog's lookup bound to the app's current
language (:mod:`flows.words`). Textual bindings carry a fixed description; ours carry a key of the
catalog instead, and on every language change each screen swaps in the translated descriptions.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

from flows.words import Words, words_for

if TYPE_CHECKING:
    from tui.app import AmazonContactApp

    # The mixin only ever sits in front of a screen: let the type checker know what it has.
    _ScreenBase = Screen[Any]
else:
    _ScreenBase = object


def localize_bindings(node: DOMNode, lang: str) -> None:
    originals: dict[str, list[str]] = node.__dict__.setdefault("_binding_string_keys", {})
    words = words_for(lang)
    key_to_bindings = node._bindings.key_to_bindings
    for key, bindings in list(key_to_bindings.items()):
        string_keys = originals.setdefault(key, [b.description for b in bindings])
        key_to_bindings[key] = [
            replace(binding, description=words(k) if words.has(k) else k)
            for binding, k in zip(bindings, string_keys, strict=False)
        ]


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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Translated before the footer is first drawn, so it need not be drawn again on mount.
        self._bindings_lang = self.lang
        localize_bindings(self, self._bindings_lang)

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._language_changed)

    def _language_changed(self, lang: str) -> None:
        self.update_texts()
        if lang != self._bindings_lang:
            self._bindings_lang = lang
            localize_bindings(self, lang)
            self.refresh_bindings()

    def update_texts(self) -> None:
        """Put every text of this screen in the current language."""


ResultType = TypeVar("ResultType")


class LocalizedScreen(LocalizedMixin, Screen[ResultType], Generic[ResultType]):
    pass


class LocalizedModal(LocalizedMixin, ModalScreen[ResultType], Generic[ResultType]):
    pass
