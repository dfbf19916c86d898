"""Seeded data files and a helper that presses the number shown next to a move."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len

from flows.session import Session
from flows.store import Store
from tests.conftest import FakeClock, FrozenClock
from tui import clipboard
from tui.app import AmazonContactApp

TO_CONTACT_US = [
    "outcome_decided",
    "facts_gathered",
    "take_website_route",
    "signed_in",
    "opened_help",
    "opened_need_more_help",
    "opened_contact_us",
    "see_tabs_and_buttons",
]
TO_CHAT_AGENT = [
    *TO_CONTACT_US,
    "chose_tell_us_more",
    "issue_described",
    "chose_chat",
    "agent_answered",
]


def walk(session: Session, events: list[str]) -> Session:
    for event in events:
        session.move(event)
    return session


def seed(path: Path, *, with_history: bool = True) -> Store:
    """A data file with one resolved, one waiting and one in-progress attempt (and a live contact)."""
    store = Store(path)
    clock = FakeClock()
    if with_history:
        resolved = walk(
            Session.begin(
                store,
                clock=clock,
                goal="refund",
                order_number="112-7654321-0000001",
                summary="Blender arrived cracked",
            ),
            TO_CHAT_AGENT,
        )
        resolved.record(agent_name="Mina", case_number="CASE-2001")
        resolved.add_note("[bold]Refund[/] confirmed by chat; \x1b[31mno red here")
        walk(resolved, ["ask_for_supervisor", "supervisor_joined", "problem_solved"])
        waiting = walk(
            Session.begin(
                store,
                clock=clock,
                goal="replacement",
                order_number="112-0000000-0000002",
                summary="상자가 비어 있었음",
            ),
            ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"],
        )
        waiting.record(
            agent_name="김지수",
            case_number="KR-77",
            promise="새 상품 발송",
            promise_due=date(2026, 11, 20),
        )
        waiting.move("promise_made")
    walk(
        Session.begin(
            store,
            clock=clock,
            goal="return",
            order_number="112-3333333-0000003",
            summary="Wrong size",
        ),
        TO_CHAT_AGENT,
    )
    live = store.unfinished()[0]
    session = Session.resume(store, live.id, clock=clock)
    session.record(agent_name="Alex", case_number="CASE-3003")
    return store


class AppUnderTest(AmazonContactApp):
    """The real app, which also keeps every message it showed the person, for tests to read
    (Textual keeps its own list private)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.told: list[str] = []

    def notify(self, message, *args, **kwargs) -> None:
        self.told.append(str(message))
        super().notify(message, *args, **kwargs)


# No display, no clipboard tool, no multiplexer: a copy goes to the terminal's clipboard only,
# whatever the machine running the tests has (and never onto the developer's own clipboard).
NO_SYSTEM_CLIPBOARD = clipboard.Environment({}, "linux")


def make_app(
    store: Store,
    lang: str = "en",
    clock=None,
    *,
    resume: bool = False,
    clipboard_environment: clipboard.Environment = NO_SYSTEM_CLIPBOARD,
) -> AppUnderTest:
    return AppUnderTest(
        store,
        lang=lang,
        clock=clock or FrozenClock(),
        resume=resume,
        clipboard_environment=clipboard_environment,
    )


@pytest.fixture
def store(data_file) -> Store:
    """The seeded data file (:func:`seed`): a resolved attempt, one waiting on a promise, and
    one in a live chat."""
    return seed(data_file)


@pytest.fixture
def app(store) -> AppUnderTest:
    """The app in English on ``store``, with a clock that moves on a minute a call."""
    return make_app(Store(store.path), clock=FakeClock())


@pytest.fixture
def live_store(data_file) -> Store:
    """A data file with one attempt only, in a live chat with an agent."""
    return seed(data_file, with_history=False)


@pytest.fixture
def live_app(live_store) -> AppUnderTest:
    """The app in English on ``live_store``, with a clock that moves on a minute a call."""
    return make_app(Store(live_store.path), clock=FakeClock())


async def choose(pilot, event: str) -> None:
    """Press the number the step screen shows next to ``event``, as a person reading it would."""
    screen = pilot.app.screen
    events = [move.event for move in screen.session.moves()]
    assert event in events, f"{event} is not offered at {screen.session.step}: {events}"
    await pilot.press(str(events.index(event) + 1))
    await pilot.pause()


async def open_first_attempt(pilot):
    """Press Enter on the start screen: open the attempt listed first, and return its screen."""
    await pilot.press("enter")
    await pilot.pause()
    return pilot.app.screen


async def end_attempt(pilot, event: str) -> None:
    """Take a move that ends the attempt, and answer yes when asked."""
    await choose(pilot, event)
    await pilot.press("y")
    await pilot.pause()


async def open_history(pilot) -> None:
    """Press h and wait for the history to load in its worker."""
    await pilot.press("h")
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def data_file(tmp_path) -> Path:
    return tmp_path / "attempts.json"


def screen_text(widget) -> str:
    """What a widget shows on screen, as plain text, line by line."""
    return "\n".join(strip.text for strip in widget.render_lines(widget.region.reset_offset))


# Textual's screenshot (SVG) puts each run of text at its cell: x = column * 12.2.
_SVG_TEXT = re.compile(r'<text[^>]* x="([0-9.]+)"[^>]*line-([0-9]+)\)">([^<]*)</text>')
_SVG_CELL = 12.2


def screen_lines(app) -> list[str]:
    """What the whole screen shows now, line by line, read from Textual's own screenshot: a
    wide (Korean) character stands for its two cells."""
    runs = [
        (round(float(x) / _SVG_CELL), int(line), html.unescape(text).replace("\xa0", " "))
        for x, line, text in _SVG_TEXT.findall(app.export_screenshot())
        if text != "\n"  # each line's end
    ]
    width = max((column + cell_len(text) for column, _, text in runs), default=0)
    cells = [[" "] * width for _ in range(max((line + 1 for _, line, _ in runs), default=0))]
    for start, line, text in runs:
        column = start
        for char in text:
            cells[line][column] = char
            for covered in range(1, cell_len(char)):
                cells[line][column + covered] = ""
            column += cell_len(char)
    return ["".join(row) for row in cells]
