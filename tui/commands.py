"""The step screen's commands in the command palette (ctrl+p), in the screen's language.

As Posting does it: a ``Provider`` the screen names in its ``COMMANDS``, so the app's own list of
palette entries never has to know which screen it is on.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from flows import guidance
from tui.strings import t


class StepCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        from tui.screens.step import StepScreen  # which names this provider: imported once it runs

        step = self.screen
        if not isinstance(step, StepScreen):
            return []
        lang, attempt_id = step.lang, step.session.attempt.id
        commands: list[tuple[str, str, Callable[[], object]]] = [
            (t("map", lang), t("map_help", lang), step.action_map),
            (t("phrases_title", lang), t("phrases_help", lang), step.action_phrases),
            (t("drafts_title", lang, id=attempt_id), t("drafts_help", lang), step.action_drafts),
            (
                t("transcript_title", lang, id=attempt_id),
                t("transcript_help", lang),
                step.action_transcript,
            ),
        ]
        if step.session.on_website:
            title = guidance.term("site_different", "title", lang)
            commands.append((title, t("site_help", lang), step.action_site_different))
        commands += [
            (t("details", lang), t("details_help", lang), step.action_details),
            (t("record", lang), t("agent_name", lang), step.action_record),
            (t("note", lang), t("note_placeholder", lang), step.action_note),
        ]
        return commands

    async def discover(self) -> Hits:
        for title, help_text, run in self._commands():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, run in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=help_text)
