"""Any text a person can type or paste: stored exactly, shown literally, never executed."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows import privacy
from flows.attempt import TEXT_LIMITS
from flows.session import Session
from flows.store import Store
from flows.words import words_for
from tests.conftest import FakeClock
from tests.tui.conftest import TO_CHAT_AGENT, make_app, open_history, walk
from tui import report
from tui.markdown_report import attempt_markdown

# Control characters (but tab and newline) and bidi overrides: what must never reach a terminal raw.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

CORPUS = [
    "[bold]loud[/]",
    "[/]",
    "[@click=app.quit]quit[/]",
    "\x1b[2J\x1b[31mred\x1b]0;title\x07",
    "nul\x00byte",
    "\u202eevil\u202c reversed",
    "مرحبا بالعالم",
    "환불 요청 🙂👍🏽",
    "tab\tand\nnewline",
]

text_of_any_kind = st.text(alphabet=st.characters(codec="utf-8"), max_size=200) | st.sampled_from(
    CORPUS
)


def fill(store: Store, text: str) -> int:
    session = Session.begin(
        store, clock=FakeClock(), summary=text[: TEXT_LIMITS["summary"]], evidence=text
    )
    walk(session, TO_CHAT_AGENT)
    session.record(agent_name=text[:120], case_number=text[:64], promise=text)
    session.add_note(text)
    return session.attempt.id


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=text_of_any_kind)
def test_any_text_survives_the_store_and_every_view(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("hostile") / "a.json"
    attempt_id = fill(Store(path), text)
    attempt = Store(path).get(attempt_id)
    assert attempt.notes[0].text == text and attempt.evidence == text
    assert attempt.people[0].name == text[:120]
    for lang in (words_for("en"), words_for("ko")):
        row = report.history_row(attempt, lang)
        for shown in (
            report.attempt_text(attempt, lang),
            attempt_markdown(attempt, lang),
            row.about,
            row.status,
            row.cases,
            row.route,
            *(item.text for item in report.timeline(attempt, lang)),
        ):
            assert not UNSAFE.search(shown), shown
        printed = report.to_json(report.attempt_json(attempt))
        notes = [e for e in json.loads(printed)["entries"] if e["type"] == "note"]
        assert notes[0]["text"] == text
        assert not UNSAFE.search(printed)
    redacted = privacy.redacted(attempt)
    assert not UNSAFE.search(report.attempt_text(redacted, words_for("en")))


async def test_hostile_text_on_every_screen_is_drawn_literally(data_file):
    store = Store(data_file)
    for text in CORPUS:
        fill(store, text)
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for position in range(3):
            await pilot.press(*["down"] * position, "enter")
            await pilot.pause()
            screen = app.export_screenshot()
            assert "\x1b" not in screen and "\x00" not in screen
            await pilot.press("escape")
            await pilot.pause()
        await open_history(pilot)
        await pilot.press(*"click=app", "enter", "enter")
        await pilot.pause()
        assert app.screen.attempt.summary == "[@click=app.quit]quit[/]"
        screen = app.export_screenshot()
        assert "\x1b" not in screen and "[@click=app.quit]quit[/]" in screen.replace("&#160;", " ")
        for term in ("red", "nul", "evil"):
            await pilot.press("escape")
            await pilot.pause()
            app.screen.query_one("#search").value = term
            await pilot.click("#search")
            await pilot.press("enter", "enter")
            await pilot.pause()
            assert term in app.screen.attempt.summary
            screen = app.export_screenshot()
            assert not UNSAFE.search(screen), term
        assert app.is_running


def test_a_hundred_thousand_character_paste_is_refused_with_its_limit(tmp_path):
    session = Session.begin(Store(tmp_path / "a.json"), clock=FakeClock())
    with pytest.raises(ValueError, match="100,000 characters") as refused:
        session.add_note("x" * 100_000)
    assert "20,000" in str(refused.value)
    assert Store(tmp_path / "a.json").get(session.attempt.id).notes == []


async def test_stored_escape_codes_reach_no_editor_raw(data_file):
    # The reliability review's F10: the details form and the drafts editor drew stored text raw,
    # so an OSC 52 in it wrote the clipboard and ESC[2J cleared the screen.
    store = Store(data_file)
    session = Session.begin(store, clock=FakeClock(), evidence="EVI \x1b]52;c;RVZJREVOQ0U=\x07 end")
    for event in ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"]:
        session.move(event)
    session.save_draft("agent", "DRAFT \x1b]52;c;RFJBRlQ=\x07 \x1b[2J done")
    session.keep_unsent("note", "typed \x1b[5;31mBLINK")
    app = make_app(Store(data_file), clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        offered = app.screen.query_one("#note").text
        assert "\x1b" not in offered and offered == "typed [5;31mBLINK"
        await pilot.press("e")
        await pilot.pause()
        values = [box.value for box in app.screen.query("Input")]
        assert any("EVI" in v for v in values) and not any(UNSAFE.search(v) for v in values)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        texts = [area.text for area in app.screen.query("TextArea")]
        assert any("DRAFT" in t for t in texts) and not any(UNSAFE.search(t) for t in texts)
        assert "\x1b" not in app.export_screenshot()
