"""What the current step says: where you are, the next screen and its labels, what to do, tips."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from flows.guidance import StepGuidance, term
from tui.strings import t


class GuidancePanel(VerticalScroll):
    """Read-only; it is told what to show and never reaches for the session itself."""

    can_focus = False

    def compose(self) -> ComposeResult:
        yield Static(id="step-title")
        yield Static(id="step-where")
        yield Static(id="step-next")
        yield Static(id="step-checked")
        yield Static(id="step-do")
        yield Static(id="step-phrases")
        yield Static(id="step-tips")

    def show(self, step: StepGuidance, lang: str, *, reported: date | None = None) -> None:
        """``reported``: when the person last noted that this step's screen looked different."""
        self.query_one("#step-title", Static).update(Text(step.title, style="bold"))
        self.query_one("#step-where", Static).update(
            Text.assemble((t("where", lang) + ": ", "bold"), step.where)
        )
        next_box = self.query_one("#step-next", Static)
        next_box.display = bool(step.next_screen or step.click)
        next_box.border_title = t("next", lang)
        next_box.update(self._next(step, lang))
        checked = self.query_one("#step-checked", Static)
        checked.display = step.labels_checked is not None
        if step.labels_checked is not None:
            line = Text(
                term("site_different", "checked", lang).format(day=step.labels_checked.isoformat()),
                style="dim",
            )
            if reported is not None:
                line.append(
                    "  "
                    + term("site_different", "reported", lang).format(day=reported.isoformat()),
                    style="bold",
                )
            line.append("  " + t("site_hint", lang), style="dim")
            checked.update(line)
        do = self.query_one("#step-do", Static)
        do.display = bool(step.do)
        do.update(Text.assemble((t("what_to_do", lang) + "\n", "bold"), step.do))
        phrases = self.query_one("#step-phrases", Static)
        phrases.display = bool(step.phrases)
        phrases.border_title = t("say_it", lang)
        phrases.border_subtitle = t("phrases_hint", lang)
        phrases.update(Text("\n".join(f'"{line}"' for line in step.phrases), style="italic"))
        tips = self.query_one("#step-tips", Static)
        tips.display = bool(step.tips)
        tips.update(Text.assemble((t("tips", lang), "bold"), *(f"\n- {tip}" for tip in step.tips)))
        self.scroll_home(animate=False)

    @staticmethod
    def _next(step: StepGuidance, lang: str) -> Text:
        text = Text(step.next_screen)
        if step.click:
            heading = t("click_one" if step.click_is_choice else "click", lang)
            text.append(f"\n{heading}: ", style="bold")
            separator = " | " if step.click_is_choice else " > "
            for index, label in enumerate(step.click):
                if index:
                    text.append(separator)
                text.append(f' "{label.amazon}" ', style="bold reverse")
                if label.translation:
                    text.append(f" {label.translation}", style="italic")
        return text
