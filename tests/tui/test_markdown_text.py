"""Text made literal in Markdown: any text renders as itself, and a backslash appears only where
something would render as formatting without it."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tui.markdown_text import Code, escaped_line, escaped_paragraph

# CommonMark, and GitHub's flavour (tables, strikethrough). GitHub's autolinking of a typed
# address shows that very address, nothing hidden: it is left out here, where it would only
# make "a.aa" a link.
RENDERERS = {
    "commonmark": MarkdownIt("commonmark"),
    "gfm": MarkdownIt("gfm-like").disable("linkify"),
}


def rendered_text(markdown: str, renderer: MarkdownIt) -> str:
    """The text of a Markdown paragraph as rendered, one line a soft break; an AssertionError
    when it renders as anything but one paragraph of plain text."""
    tokens = renderer.parse(markdown)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], (
        markdown,
        [t.type for t in tokens],
    )
    children = tokens[1].children or []
    assert {c.type for c in children} <= {"text", "softbreak"}, (markdown, children)
    return "".join("\n" if c.type == "softbreak" else c.content for c in children)


def as_read(lines: list[str]) -> str:
    """What a paragraph of these lines reads as: Markdown drops each line's outer spaces."""
    return "\n".join(line.strip(" \t") for line in lines)


# Everything Markdown gives a meaning to, some letters, digits, spaces, and a few Unicode
# punctuation marks and symbols (which decide whether a "*" may open emphasis).
MARKDOWN_ALPHABET = "*_~`[]()<>!#&;:-+=.|\\/@\"' \tax1€·「」"
lines_of_markdown = st.lists(
    st.text(alphabet=MARKDOWN_ALPHABET, min_size=1, max_size=24).filter(lambda s: s.strip(" \t")),
    min_size=1,
    max_size=4,
)


@settings(max_examples=400, deadline=None)
@given(lines=lines_of_markdown)
@example(lines=["`", "``", "``"])  # an escaped backtick still closes code opened before it
@example(lines=["a*b", "c*d"])
def test_any_paragraph_renders_as_its_own_text(lines):
    markdown = "\n".join(escaped_paragraph([[line] for line in lines]))
    for renderer in RENDERERS.values():
        assert rendered_text(markdown, renderer) == as_read(lines)


@settings(max_examples=300, deadline=None)
@given(
    around=st.text(alphabet=MARKDOWN_ALPHABET, max_size=12),
    code=st.text(alphabet=MARKDOWN_ALPHABET + "``", min_size=1, max_size=12).filter(str.strip),
)
@example(around="`", code="1")  # two runs touching would be read as one
@example(around="`1", code="`")  # a typed run before closes on the runs inside
@example(around="\\", code="x")  # a backslash would escape the code's first backtick
@example(around="@1><", code="1")  # "<`1`@1>" is an e-mail autolink: code can be in its name
def test_a_code_span_shows_its_text_whatever_is_around_it(around, code):
    (line,) = escaped_paragraph([["x ", around, Code(code), around]])
    for renderer in RENDERERS.values():
        tokens = renderer.parse(line)
        assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], line
        children = tokens[1].children or []
        assert {c.type for c in children} <= {"text", "code_inline"}, line
        shown = "".join(
            f"<{c.content}>" if c.type == "code_inline" else c.content for c in children
        )
        assert shown == f"x {around}<{code}>{around}".rstrip(" \t"), line


@pytest.mark.parametrize(
    "text",
    [
        "112-7654321-0000001",
        "(+2 min 00 s)",
        "Refund (Refund), 2026-11-26 09:15.",
        "snake_case_name and 5 * 3 * 2",
        "C:\\Users\\me and \\x1b[31m",
        "**-*7 and ****-***1",
        "[bold]Refund[/] and [x] [y]",
        "x < y > z, a & b, 50% off!",
        "2. second",
        "# not a heading",  # not at a line's start: after the bullet's time
        "a | b | c",
        "상자가 비어 있었음 (#2)",
    ],
)
def test_ordinary_text_needs_no_backslash(text):
    (line,) = escaped_paragraph([["2026-11-26 09:15: ", text]])
    assert line == f"2026-11-26 09:15: {text}"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("**bold**", "\\*\\*bold**"),
        ("_em_ and __strong__", "\\_em_ and \\_\\_strong__"),
        ("~~gone~~", "\\~\\~gone~~"),
        ("[click](http://x)", "[click\\](http://x)"),
        ("![img](x.png)", "![img\\](x.png)"),
        ("<script>alert(1)</script>", "\\<script>alert(1)\\</script>"),
        ("<http://x> <me@x.org>", "\\<http://x> \\<me@x.org>"),
        ("`code`", "\\`code`"),
        # An escaped backtick still closes code opened before it: the one before goes too.
        ("`code` ``x``", "\\`code\\` \\`\\`x``"),
        ("&amp; &#65; &copy;", "\\&amp; \\&#65; \\&copy;"),
        ("***-*******-****001", "\\*\\*\\*-*******-****001"),
        ("a\\*b\\", "a\\\\*b\\\\"),
    ],
)
def test_what_would_render_is_escaped_and_nothing_else(text, escaped):
    assert escaped_line(text) == escaped


@pytest.mark.parametrize(
    ("lines", "escaped"),
    [
        (["# heading", "> quote"], ["\\# heading", "\\> quote"]),
        (["1. first", "1. again", "2. second"], ["1\\. first", "1\\. again", "2. second"]),
        (["- a", "+ b", "* c"], ["\\- a", "\\+ b", "\\* c"]),
        (["x", "---", "x", "==", "x", "***"], ["x", "\\---", "x", "\\==", "x", "\\***"]),
        (["x", "```py", "~~~"], ["x", "\\`\\`\\`py", "\\~\\~\\~"]),
        (["| a | b |", "|---|:-:|"], ["| a | b |", "\\|---\\|:-:\\|"]),
        (["[x]: http://y", "[x]"], ["\\[x]: http://y", "[x]"]),
        (["    indented", "  - sub"], ["indented", "  \\- sub"]),
    ],
)
def test_at_a_line_start_only_what_opens_a_block_is_escaped(lines, escaped):
    assert escaped_paragraph([[line] for line in lines]) == escaped


def test_a_control_character_is_shown_not_sent():
    assert escaped_line("red\x1b[31m\x00") == "red\\x1b[31m\\x00"


def test_a_backtick_before_a_code_span_is_not_closed_by_one_inside_it():
    (line,) = escaped_paragraph([["a ` b ", Code("x`y"), " c"]])
    for renderer in RENDERERS.values():
        children = renderer.parse(line)[1].children or []
        assert [(c.type, c.content) for c in children if c.content] == [
            ("text", "a ` b "),
            ("code_inline", "x`y"),
            ("text", " c"),
        ], line
