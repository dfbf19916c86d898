"""Every text the UI shows comes from the catalog: a literal handed straight to the screen, the
terminal or a binding's footer label would be left untranslated on a Korean screen."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from flows.words import words_for

TUI = Path(__file__).parents[2] / "tui"
WORDY = re.compile(r"[A-Za-z\uac00-\ud7a3]{2,}")
# Calls that put text in front of the person, and attributes a widget shows.
SHOWN_BY_CALL = {
    "notify",
    "update",
    "Static",
    "Label",
    "Button",
    "Option",
    "SystemCommand",
    "DiscoveryHit",
    "Hit",
    "Text",
    "append",
    "TabPane",
    "Tab",
    "RadioButton",
    "MarkedRadioButton",
    "Checkbox",
    "Input",
    "TextArea",
    "print",
    "write",
    "ListItem",
    "add_row",
    "add_column",
    "add_option",
    "_problem",
    "_section",
    "Panel",
    "Table",
}
SHOWN_KEYWORDS = {None, "placeholder", "title", "help", "description", "label", "tooltip"}
# The command line's parsers: their first arguments are what is typed (flags, commands), their
# help and description what is shown.
SHOWN_BY_KEYWORD = {"add_argument", "add_parser", "add_subparsers", "ArgumentParser", "_Parser"}
SHOWN_ATTRIBUTES = {"border_title", "border_subtitle", "sub_title", "title", "label", "placeholder"}
# Not words to translate: the app's name, and CSS selectors.
NOT_WORDS = re.compile(r"^(amazon-contact|[#.][\w-]+)")


def literal_text(node: ast.AST) -> str | None:
    """The words a literal (or an f-string's fixed parts) holds; None for anything computed."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " ".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    if isinstance(node, ast.BinOp):
        return f"{literal_text(node.left) or ''} {literal_text(node.right) or ''}"
    if isinstance(node, ast.Tuple | ast.List):
        return " ".join(literal_text(e) or "" for e in node.elts)
    return None


def untranslated(text: str) -> bool:
    english = words_for("en")
    words = [w for w in re.split(r"\s+", NOT_WORDS.sub("", text.strip())) if WORDY.search(w)]
    # A catalog key handed on (to be looked up further down) is not a text.
    return bool(words) and not english.has(text.strip())


def literals_shown(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        shown: list[ast.AST] = []
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in SHOWN_BY_CALL:
                shown += node.args
                shown += [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
            elif name in SHOWN_BY_KEYWORD:
                shown += [k.value for k in node.keywords if k.arg in {"help", "description"}]
        elif isinstance(node, ast.Assign) and any(
            getattr(t, "attr", None) in SHOWN_ATTRIBUTES for t in node.targets
        ):
            shown.append(node.value)
        for value in shown:
            text = literal_text(value)
            if text and untranslated(text):
                found.append((node.lineno, text))
    return found


def binding_labels(source: str) -> list[tuple[int, str]]:
    """Footer labels of ``Binding(key, action, label)`` that are not catalog keys."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Binding":
            label = node.args[2] if len(node.args) > 2 else None
            label = next((k.value for k in node.keywords if k.arg == "description"), label)
            if (
                isinstance(label, ast.Constant)
                and label.value
                and not words_for("en").has(label.value)
            ):
                found.append((node.lineno, label.value))
    return found


def test_no_text_reaches_the_screen_without_the_catalog():
    problems = [
        f"{path.relative_to(TUI.parent)}:{line}: {text!r}"
        for path in sorted(TUI.rglob("*.py"))
        for line, text in literals_shown(path.read_text()) + binding_labels(path.read_text())
    ]
    assert not problems, "\n".join(problems)


def test_the_check_sees_a_literal_message():
    # The check itself must catch what it is there for.
    assert literals_shown('self.notify("Saved now.")') == [(1, "Saved now.")]
    assert literals_shown('widget.border_title = f"Attempt {n}"') == [(1, "Attempt ")]
    assert literals_shown('self.notify(self.words("saved_now"))') == []
    assert binding_labels('Binding("n", "new", "Start a new one")') == [(1, "Start a new one")]
    assert literals_shown('show.add_argument("--json", help="print JSON")') == [(1, "print JSON")]
    assert literals_shown('show.add_argument("--json", help=say("json"))') == []
    assert binding_labels('Binding("n", "new", "new")') == []
