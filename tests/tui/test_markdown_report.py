"""The Markdown export: it reads as plain text and rendered, what was typed renders as typed,
and a long timeline is summarised while every contact, person, promise and note stays."""

from __future__ import annotations

import re
from datetime import date

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from flows.privacy import redacted
from flows.session import Session
from flows.store import Store
from flows.words import words_for
from tests.conftest import FakeClock
from tests.tui.conftest import TO_CHAT_AGENT, TO_CONTACT_US, seed, walk
from tui.markdown_report import TIMELINE_IN_FULL_UP_TO, attempt_markdown

RENDERERS = {
    "commonmark": MarkdownIt("commonmark"),
    "gfm": MarkdownIt("gfm-like").disable("linkify"),
}
# All the export is made of: headings, bullet lists, paragraphs, quotes; plain text, line
# breaks, and code for a masked number.
EXPORT_TOKENS = {
    "heading_open",
    "heading_close",
    "bullet_list_open",
    "bullet_list_close",
    "list_item_open",
    "list_item_close",
    "paragraph_open",
    "paragraph_close",
    "blockquote_open",
    "blockquote_close",
    "inline",
    "text",
    "softbreak",
    "hardbreak",
    "code_inline",
}
HOSTILE = [
    "**bold** _em_ ~~gone~~",
    "[click](http://evil.example) ![img](x.png)",
    "<script>alert(1)</script> <b>x</b> <http://x.example>",
    "# heading",
    "1. first",
    "`code` &amp; &#65;",
    "> quote",
    "---",
]
NOTE = "1. first\n2. second\n- third\n\n# after a blank line\n    indented\n| a | b |\n|---|---|"


def tokens_of(markdown: str, renderer: MarkdownIt) -> list[Token]:
    """Every token, the inline ones too, in order."""
    out = []
    for token in renderer.parse(markdown):
        out.append(token)
        out += token.children or []
    return out


def text_of(tokens: list[Token]) -> str:
    return "".join(
        "\n" if t.type in ("softbreak", "hardbreak") else t.content
        for t in tokens
        if t.type in ("text", "softbreak", "hardbreak", "code_inline")
    )


@pytest.fixture
def hostile(tmp_path):
    """An attempt with Markdown in everything a person can type."""
    store = Store(tmp_path / "a.json")
    session = Session.begin(
        store,
        clock=FakeClock(),
        goal="refund",
        order_number="*112*-[x](y)",
        summary="\n".join(HOSTILE),
        evidence="- photo\n* receipt",
    )
    walk(session, TO_CONTACT_US)
    session.report_site_difference("[the button](javascript:x) is **gone**")
    walk(session, TO_CHAT_AGENT[len(TO_CONTACT_US) :])
    session.record(agent_name="**Mina**", case_number="`CASE`<1>", promise="_a refund_")
    session.add_note(NOTE)
    for text in HOSTILE:
        session.add_note(text)
    session.save_draft("complaint", "Subject: order\n\n" + "\n".join(HOSTILE))
    session.keep_transcript("Agent: " + "\nMe: ".join(HOSTILE))
    return store.get(session.attempt.id)


@pytest.mark.parametrize("renderer", RENDERERS.values(), ids=RENDERERS)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_what_was_typed_renders_as_typed_everywhere(hostile, renderer, lang):
    words = words_for(lang)
    tokens = tokens_of(attempt_markdown(hostile, words), renderer)
    assert {t.type for t in tokens} <= EXPORT_TOKENS, {t.type for t in tokens} - EXPORT_TOKENS
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == words("attempt_no", id=hostile.id)
    assert words("notes") in headings and words("contacts") in headings
    shown = text_of(tokens)
    for line in [*HOSTILE, *NOTE.split("\n"), "_a refund_", "**Mina**", "`CASE`<1>"]:
        assert line.strip() in shown, line
    # An order or case number that would need backslashes is shown as code: literal either way.
    assert [t.content for t in tokens if t.type == "code_inline"] == ["*112*-[x](y)", "`CASE`<1>"]


def test_a_note_of_several_lines_stays_in_its_bullet(hostile):
    tokens = RENDERERS["commonmark"].parse(attempt_markdown(hostile, words_for("en")))
    items, depth, current = [], 0, []
    for token in tokens:
        if token.type == "list_item_open":
            depth += 1
        elif token.type == "list_item_close":
            depth -= 1
            if depth == 0:
                items.append(text_of(current))
                current = []
        elif depth:
            current += [token, *(token.children or [])]
    (note,) = [item for item in items if "2. second" in item]
    assert all(line.strip() in note for line in NOTE.split("\n"))


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("attempt_id", [1, 2, 3])
def test_ordinary_text_reads_without_backslashes(data_file, lang, attempt_id):
    seed(data_file)
    out = attempt_markdown(Store(data_file).get(attempt_id), words_for(lang))
    # The only backslash: the note's escape character, shown as the text "\x1b".
    assert re.findall(r"\\.", out) == (["\\x"] if attempt_id == 1 else [])
    assert "-0000001" in out or "-0000002" in out or "-0000003" in out
    assert "(+" in out and "|" not in out
    assert not any(line.startswith("|") for line in out.splitlines())


def test_a_long_timeline_is_summarised_and_what_matters_stays(data_file):
    seed(data_file)
    out = attempt_markdown(Store(data_file).get(1), words_for("en"))
    timeline = out.split("## Timeline\n\n")[1].split("\n\n")[0].splitlines()
    assert timeline == [
        "- 2026-11-26 09:01 Attempt started",
        "- 2026-11-26 09:02\N{EN DASH}09:03 Get ready: Gather the facts → Choose how to reach Amazon (2 steps)",
        "- 2026-11-26 09:04\N{EN DASH}09:11 Amazon site or app: Sign in to Amazon → Choose a contact method (8 steps)",
        "- 2026-11-26 09:12 Wait for a chat agent (Chat with an agent) (+1 min 00 s)",
        "- 2026-11-26 09:13 Talk with the agent (An agent is with me now) (+1 min 00 s)",
        "- 2026-11-26 09:16 Ask for a supervisor (+3 min 00 s)",
        "- 2026-11-26 09:17 Talk with the supervisor (A supervisor is with me now) (+1 min 00 s)",
        "- 2026-11-26 09:18 Solved (It's fixed) (+1 min 00 s)",
    ]
    assert "- 2026-11-26 09:12 · Chat · 6 min 00 s · reached a person\n" in out
    assert "  - 2026-11-26 09:13 · Agent name: Mina · Case number: CASE-2001\n" in out
    assert "- Outcome: Resolved\n" in out
    korean = attempt_markdown(Store(data_file).get(1), words_for("ko"))
    assert (
        "- 2026-11-26 09:04~09:11 아마존 웹사이트와 앱: 아마존에 로그인하기 → 연락 방법 고르기 (단계 8개)"
        in korean
    )


DIRECT_CALL = [
    "outcome_decided",
    "facts_gathered",
    "call_directly",
    "agent_answered",
    "transferred",
    "agent_answered",
    "ask_for_supervisor",
    "supervisor_joined",
]


@pytest.mark.parametrize("more", [[], ["promise_made"]])
def test_up_to_its_limit_every_step_is_listed(tmp_path, more):
    assert len(DIRECT_CALL) == TIMELINE_IN_FULL_UP_TO
    session = walk(Session.begin(Store(tmp_path / "a.json"), clock=FakeClock()), DIRECT_CALL)
    session.record(promise="A refund", promise_due=date(2026, 12, 1))
    walk(session, more)
    out = attempt_markdown(session.attempt, words_for("en"))
    listed = out.split("## Timeline\n\n")[1].split("\n\n")[0].splitlines()
    folded = "Get ready: Gather the facts → Choose how to reach Amazon (2 steps)"
    if more:
        assert len(listed) == 1 + len(DIRECT_CALL) + len(more) - 1
        assert folded in listed[1] and "Waiting on a promise" in listed[-1]
    else:
        assert len(listed) == 1 + len(DIRECT_CALL) and not any(folded in x for x in listed)
    assert "promised: A refund (by 2026-12-01)" in out


def test_a_redacted_export_shows_a_masked_number_as_it_is(data_file):
    seed(data_file)
    attempt = Store(data_file).get(1)
    out = attempt_markdown(redacted(attempt, words_for("en")), words_for("en"))
    assert "- Order: `***-*******-****001`\n" in out
    assert "Case number: ****-***1" in out and "Mina" not in out
    tokens = tokens_of(out, RENDERERS["gfm"])
    assert [t.content for t in tokens if t.type == "code_inline"] == ["***-*******-****001"]
    assert {t.type for t in tokens} <= EXPORT_TOKENS


def test_a_kept_draft_is_quoted_line_by_line(tmp_path):
    session = Session.begin(Store(tmp_path / "a.json"), clock=FakeClock())
    session.save_draft("complaint", "Subject: order 112-1\n\nWhat happened:\n- one\n- two")
    out = attempt_markdown(session.attempt, words_for("en"))
    assert "> Subject: order 112-1\n>\n> What happened:  \n> \\- one  \n> \\- two\n" in out
    tokens = tokens_of(out, RENDERERS["commonmark"])
    assert "What happened:\n- one\n- two" in text_of(tokens)
