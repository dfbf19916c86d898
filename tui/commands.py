"""The step screen's commands in the command palette (ctrl+p), in the screen's language.

As Posting does it: a ``Provider`` the screen names in its ``COMMANDS``, so the app's own list of
palette entries never has to know which screen it is on.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider


class StepCommands(Provider):
    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        from tui.screens.step import StepScreen  # which names this provider: imported once it runs

        step = self.screen
        if not isinstance(step, StepScreen):
            return []
        words, attempt_id = step.words, step.session.attempt.id
        commands: list[tuple[str, str, Callable[[], object]]] = [
            (words("map"), words("map_help"), step.action_map),
            (words("phrases_title"), words("phrases_help"), step.action_phrases),
            (words("drafts_title", id=attempt_id), words("drafts_help"), step.action_drafts),
            (
                words("transcript_title", id=attempt_id),
                words("transcript_help"),
                step.action_transcript,
            ),
        ]
        if step.session.on_website:
            title = words("site_different.title")
            commands.append((title, words("site_help"), step.action_site_different))
            commands.append(
                (words("cmd_matches"), words("cmd_matches_help"), step.action_matches_my_screen)
            )
        commands += [
            (words("details"), words("details_help"), step.action_details),
            (words("record"), words("agent_name"), step.action_record),
            (words("note"), words("note_placeholder"), step.action_note),
            (words("notes_title", id=attempt_id), words("notes_help"), step.action_notes),
        ]
        if step.session.can_discard:
            commands.append(
                (words.move("discard"), words("discard_attempt_help"), step.action_discard)
            )
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
