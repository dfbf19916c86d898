"""What the current step says: where you are, the next screen and its labels, what to do, tips."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from flows.guidance import StepGuidance, source
from flows.sightings import Sighting
from flows.words import Words
from tui.report import one_line


class GuidancePanel(VerticalScroll):
    """Read-only; it is told what to show and never reaches for the session itself."""

    DEFAULT_CSS = """
    GuidancePanel {
        padding: 0 1;
    }
    GuidancePanel > Static {
        margin-bottom: 1;
    }
    GuidancePanel #step-title {
        color: $accent;
    }
    GuidancePanel #step-next {
        border: heavy $accent;
        border-title-style: bold;
        padding: 0 1;
    }
    GuidancePanel #step-phrases {
        border: round $success;
        border-title-style: bold;
        padding: 0 1;
    }
    """

    can_focus = False

    def compose(self) -> ComposeResult:
        yield Static(id="step-title")
        yield Static(id="step-where")
        yield Static(id="step-next")
        yield Static(id="step-origin")
        yield Static(id="step-do")
        yield Static(id="step-phrases")
        yield Static(id="step-tips")

    def show(
        self,
        step: StepGuidance,
        words: Words,
        *,
        sighting: Sighting | None = None,
        on_website: bool = True,
    ) -> None:
        """``sighting``: what the person last said of this step's screen, if anything;
        ``on_website``: whether c and s (matches, looks different) apply here."""
        self.query_one("#step-title", Static).update(Text(step.title, style="bold"))
        self.query_one("#step-where", Static).update(
            Text.assemble((words("where") + ": ", "bold"), step.where)
        )
        next_box = self.query_one("#step-next", Static)
        next_box.display = bool(step.next_screen or step.click)
        next_box.border_title = words("next")
        next_box.update(self._next(step, words))
        origin = self.query_one("#step-origin", Static)
        origin.display = bool(step.label_sources)
        if step.label_sources:
            origin.update(self._origin(step, words, sighting, on_website=on_website))
        do = self.query_one("#step-do", Static)
        do.display = bool(step.do)
        do.update(Text.assemble((words("what_to_do") + "\n", "bold"), step.do))
        phrases = self.query_one("#step-phrases", Static)
        phrases.display = bool(step.phrases)
        phrases.border_title = words("say_it")
        phrases.border_subtitle = words("phrases_hint")
        lines = Text()
        for phrase in step.phrases:
            if lines:
                lines.append("\n")
            lines.append(f'"{phrase.english}"', style="italic")
            if words.lang != "en":  # the English to say, with what it means
                lines.append(f"\n  {phrase.korean}", style="dim")
        phrases.update(lines)
        tips = self.query_one("#step-tips", Static)
        tips.display = bool(step.tips)
        tips.update(Text.assemble((words("tips"), "bold"), *(f"\n- {tip}" for tip in step.tips)))
        self.scroll_home(animate=False)

    @staticmethod
    def _origin(
        step: StepGuidance, words: Words, sighting: Sighting | None, *, on_website: bool
    ) -> Text:
        """Where the labels come from, and what the person saw themselves, if they said."""

        def named(ref: str) -> str:
            if ref.startswith("general:"):
                return words("site_different.from_general")
            found = source(ref)
            if found.kind == "article":
                return words("site_different.from_article")
            return words("site_different.from_page", title=found.title, day=words.day(found.read))

        origins = "; ".join(named(ref) for ref in step.label_sources)
        line = Text(words("site_different.labels_from", sources=origins), style="dim")
        if sighting is not None and sighting.matched_at is not None:
            said = words("site_different.you_matched", day=words.day(sighting.matched_at.date()))
            line.append("\n" + said, style="bold")
        if sighting is not None and sighting.different_at is not None:
            day = words.day(sighting.different_at.date())
            text = one_line(sighting.different, 120)
            line.append(
                "\n" + words("site_different.you_saw_instead", day=day, text=text), style="bold"
            )
        if on_website:
            line.append("\n" + words("site_hint"), style="dim")
        return line

    @staticmethod
    def _next(step: StepGuidance, words: Words) -> Text:
        text = Text(step.next_screen)
        if step.click:
            heading = words("click_one" if step.click_is_choice else "click")
            text.append(f"\n{heading}: ", style="bold")
            separator = " | " if step.click_is_choice else " > "
            for index, label in enumerate(step.click):
                if index:
                    text.append(separator)
                text.append(f' "{label.amazon}" ', style="bold reverse")
                if label.translation:
                    text.append(f" {label.translation}", style="italic")
        return text
