"""What each screen shows, pinned: in English and Korean, at 80x24 and at a large size."""

from __future__ import annotations

import pytest

from flows.session import Session
from flows.store import Store
from tests.conftest import FakeClock, refuse_syncs_as_if_the_disk_were_full
from tests.tui.conftest import TO_CONTACT_US, make_app, seed, walk

SIZES = {"small": (80, 24), "large": (120, 40)}


@pytest.fixture(autouse=True)
def cursors_held_on(monkeypatch):
    """A blinking cursor is caught on or off as the picture is taken (off now and then, on a
    loaded machine): held on from the box's start, so every picture shows where typing goes."""
    from textual.widgets import Input, TextArea

    for box in (Input, TextArea):
        monkeypatch.setattr(box.cursor_blink, "_default", False)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def website_step_store(path) -> Store:
    store = Store(path)
    walk(
        Session.begin(store, clock=FakeClock(), goal="refund", order_number="112-9999999-0000009"),
        TO_CONTACT_US,
    )
    return store


def assistant_store(path) -> Store:
    """Today's Contact Us, as more recent guides describe it: the assistant, asked for a person."""
    store = Store(path)
    walk(
        Session.begin(store, clock=FakeClock(), goal="refund", order_number="112-9999999-0000009"),
        [*TO_CONTACT_US[:-1], "see_an_assistant", "ask_for_a_person"],
    )
    return store


def app_route_store(path) -> Store:
    """The way in through Amazon's app."""
    store = Store(path)
    walk(
        Session.begin(store, clock=FakeClock(), goal="return"),
        ["outcome_decided", "facts_gathered", "use_the_app"],
    )
    return store


def a_to_z_store(path) -> Store:
    """Another seller's item: the seller did not help, so an A-to-z claim."""
    store = Store(path)
    walk(
        Session.begin(store, clock=FakeClock(), goal="refund"),
        ["outcome_decided", "facts_gathered", "ask_the_seller", "seller_did_not_help"],
    )
    return store


def consumer_agency_store(path) -> Store:
    """When Amazon says no, for a reader in Korea: the consumer agency's portal."""
    store = Store(path)
    walk(
        Session.begin(store, clock=FakeClock(), goal="refund"),
        ["outcome_decided", "facts_gathered", "call_directly", "agent_answered", "not_solved"],
    )
    walk(Session.resume(store, 1, clock=FakeClock()), ["ask_consumer_agency"])
    return store


SCREENS = {
    # name: (how the data is made, keys pressed after launch)
    "start": (seed, []),
    "step": (website_step_store, ["enter"]),
    "record": (seed, ["enter"]),
    "history": (seed, ["h"]),
    "detail": (seed, ["h", "down", "down", "down", "enter"]),  # search, then the list
    "assistant": (assistant_store, ["enter"]),
    "app_route": (app_route_store, ["enter"]),
    "a_to_z_claim": (a_to_z_store, ["enter"]),
    "consumer_agency": (consumer_agency_store, ["enter"]),
}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, data_file, screen, lang, size):
    make_store, keys = SCREENS[screen]
    app = make_app(make_store(data_file), lang=lang)

    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


def test_prepare_screen(snap_compare, data_file):
    assert snap_compare(make_app(Store(data_file), lang="ko"), terminal_size=(80, 24))


def test_promise_dialog(snap_compare, data_file):
    app = make_app(seed(data_file, with_history=False), lang="en")

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        moves = [m.event for m in pilot.app.screen.session.moves()]
        await pilot.press(str(moves.index("promise_made") + 1))
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def one_attempt(path) -> Store:
    return seed(path, with_history=False)


def korean_record_store(path) -> Store:
    """A record written in Korean, on a chat with an agent: its messages to Amazon need English."""
    store = Store(path)
    session = walk(
        Session.begin(
            store,
            clock=FakeClock(),
            goal="refund",
            summary="상자가 비어 있었음",
            evidence="사진 두 장",
        ),
        [
            *TO_CONTACT_US[:-1],
            "see_an_assistant",
            "ask_for_a_person",
            "passed_to_a_person",
            "agent_answered",
        ],
    )
    session.record(agent_name="Mina", promise="5일 안에 환불")
    return store


PASTE_CHAT = object()  # a key list entry: paste the sample chat, as the terminal delivers a paste

# The screens and dialogs a person opens from a step or the start screen: how to get there.
TOOLS = {
    "phrases": (one_attempt, ["enter", "p"]),
    "drafts": (seed, ["enter", "d"]),
    "transcript": (one_attempt, ["enter", "t", PASTE_CHAT, "ctrl+s"]),
    "stats": (seed, ["s"]),
    "site_different": (website_step_store, ["enter", "s"]),
    "agency_letter": (consumer_agency_store, ["enter", "d"]),
    "english_wording": (korean_record_store, ["enter", "d", "f6"]),
}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("tool", list(TOOLS))
def test_tool(snap_compare, data_file, tool, lang):
    from textual import events

    from tests.flows.test_transcripts import CHAT

    make_store, keys = TOOLS[tool]
    app = make_app(make_store(data_file), lang=lang)

    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            if key is PASTE_CHAT:
                pilot.app.post_message(events.Paste(CHAT))
            else:
                await pilot.press(key)
            await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


_HELD: list[Store] = []  # stores that keep a claim for the length of a test


def claimed_by_another_window(path) -> Store:
    store = seed(path)
    other = Store(path)
    assert other.claim()
    _HELD.append(other)
    return store


async def press_move(pilot, event: str) -> None:
    moves = [m.event for m in pilot.app.screen.session.moves()]
    await pilot.press(str(moves.index(event) + 1))


# The screens that had no picture: how to get there (data, keys or a step of its own).
STATES = {
    "map": (one_attempt, ["enter", "m"]),
    "confirm": (one_attempt, ["enter", ("move", "give_up")]),
    "direct_line": (one_attempt, ["f3"]),
    "read_only": (claimed_by_another_window, []),
    # The toast names the temporary data file: cleared, so the picture is of the banner.
    "not_saved": (one_attempt, ["enter", "disk full", "n", *"a note", "enter", "no toasts"]),
}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("state", list(STATES))
def test_state(snap_compare, data_file, monkeypatch, state, lang):

    make_store, keys = STATES[state]
    app = make_app(make_store(data_file), lang=lang)

    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            if isinstance(key, tuple):
                await press_move(pilot, key[1])
            elif key == "disk full":
                refuse_syncs_as_if_the_disk_were_full(monkeypatch)
                continue
            elif key == "no toasts":
                pilot.app.clear_notifications()
            else:
                await pilot.press(key)
            await settle(pilot)

    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
    finally:
        while _HELD:
            _HELD.pop().release()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_too_small(snap_compare, data_file, lang):
    app = make_app(one_attempt(data_file), lang=lang)
    assert snap_compare(app, terminal_size=(50, 15), run_before=settle)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_copy_by_hand(snap_compare, data_file, lang):
    """No clipboard tool, in a terminal that drops OSC 52: the number, selected, and why."""
    from tui.clipboard import Environment

    mac_terminal = Environment({"TERM_PROGRAM": "Apple_Terminal", "PATH": "/nonexistent"}, "darwin")
    app = make_app(one_attempt(data_file), lang=lang, clipboard_environment=mac_terminal)

    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in ("f3", "c"):
            await pilot.press(key)
            await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
