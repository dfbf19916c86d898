"""What the current step says: where you are, the next screen and its labels, what to do, tips."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from flows.guidance import StepGuidance
from flows.words import Words


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
        yield Static(id="step-checked")
        yield Static(id="step-do")
        yield Static(id="step-phrases")
        yield Static(id="step-tips")

    def show(self, step: StepGuidance, words: Words, *, reported: date | None = None) -> None:
        """``reported``: when the person last noted that this step's screen looked different."""
        self.query_one("#step-title", Static).update(Text(step.title, style="bold"))
        self.query_one("#step-where", Static).update(
            Text.assemble((words("where") + ": ", "bold"), step.where)
        )
        next_box = self.query_one("#step-next", Static)
        next_box.display = bool(step.next_screen or step.click)
        next_box.border_title = words("next")
        next_box.update(self._next(step, words))
        checked = self.query_one("#step-checked", Static)
        checked.display = step.labels_checked is not None
        if step.labels_checked is not None:
            line = Text(
                words("site_different.checked", day=step.labels_checked.isoformat()),
                style="dim",
            )
            if reported is not None:
                line.append(
                    "  " + words("site_different.reported", day=reported.isoformat()),
                    style="bold",
                )
            line.append("  " + words("site_hint"), style="dim")
            checked.update(line)
        do = self.query_one("#step-do", Static)
        do.display = bool(step.do)
        do.update(Text.assemble((words("what_to_do") + "\n", "bold"), step.do))
        phrases = self.query_one("#step-phrases", Static)
        phrases.display = bool(step.phrases)
        phrases.border_title = words("say_it")
        phrases.border_subtitle = words("phrases_hint")
        phrases.update(Text("\n".join(f'"{line}"' for line in step.phrases), style="italic"))
        tips = self.query_one("#step-tips", Static)
        tips.display = bool(step.tips)
        tips.update(Text.assemble((words("tips"), "bold"), *(f"\n- {tip}" for tip in step.tips)))
        self.scroll_home(animate=False)

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
