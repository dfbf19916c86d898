"""The process as a structure: every step reachable, none a dead end, every end in reach.

The graph walked here is built from ``Session.moves()``, the same question the app asks, so these
proofs hold for the machine as the person sees it.
"""

from collections import deque

import pytest
from statemachine.exceptions import TransitionNotAllowed

from flows.amazon import AmazonContact, configuration_of
from flows.attempt import Attempt, local_now
from flows.session import Session
from flows.steps import FINAL_STATE_IDS, is_valid_configuration

STEPS = [s.id for s in AmazonContact.states_map.values() if s.is_atomic]
INITIAL_STEP = "deciding_outcome"


def session_at(step: str) -> Session:
    now = local_now()
    return Session(Attempt(1, now, now, configuration=configuration_of(step)))


def graph() -> dict[str, set[str]]:
    """Every step's ways on: its moves, and discarding (a command offered apart from them)."""
    edges = {}
    for step in STEPS:
        session = session_at(step)
        edges[step] = {m.target for m in session.moves()} | (
            {"discarded"} if session.can_discard else set()
        )
    return edges


@pytest.mark.parametrize("step", [s for s in STEPS if s not in FINAL_STATE_IDS])
def test_any_open_attempt_can_be_discarded_and_it_is_not_among_the_moves(step):
    session = session_at(step)
    assert session.can_discard and "discard" not in [m.event for m in session.moves()]
    session.discard()
    assert session.attempt.outcome == "discarded" and session.is_finished


def reachable_from(start: str, edges: dict[str, set[str]]) -> set[str]:
    seen, queue = {start}, deque([start])
    while queue:
        for nxt in edges[queue.popleft()] - seen:
            seen.add(nxt)
            queue.append(nxt)
    return seen


def test_a_new_attempt_starts_by_deciding_the_outcome():
    assert Session.begin().step == INITIAL_STEP


def test_every_step_is_reachable_from_the_start():
    assert reachable_from(INITIAL_STEP, graph()) == set(STEPS)


@pytest.mark.parametrize("step", [s for s in STEPS if s not in FINAL_STATE_IDS])
def test_every_open_step_has_a_way_forward_besides_giving_up(step):
    forward = [m for m in session_at(step).moves() if m.event not in ("give_up", "go_back")]
    assert forward, f"{step} offers only going back or giving up"


@pytest.mark.parametrize("step", STEPS)
def test_every_end_is_reachable_from_every_step(step):
    edges = graph()
    if step in FINAL_STATE_IDS:
        assert not edges[step], "a finished attempt offers no moves"
    else:
        assert reachable_from(step, edges) >= FINAL_STATE_IDS


@pytest.mark.parametrize("step", STEPS)
def test_each_move_lands_where_it_says(step):
    for move in session_at(step).moves():
        session = session_at(step)
        session.move(move.event)
        assert session.step == move.target
        assert is_valid_configuration(session.attempt.configuration)


@pytest.mark.parametrize("step", [s.id for s in AmazonContact.website.states])
def test_the_phone_line_is_open_from_every_website_screen(step):
    events = [m.event for m in session_at(step).moves()]
    assert "call_instead" in events and "give_up" in events


def test_going_back_is_offered_on_the_website_and_while_preparing():
    for step in [
        "gathering_facts",
        "choosing_route",
        "on_help_page",
        "on_contact_us",
        "choosing_channel",
    ]:
        assert "go_back" in [m.event for m in session_at(step).moves()]
    for step in ["talking_with_agent", "waiting_on_promise"]:
        assert "go_back" not in [m.event for m in session_at(step).moves()]


def test_moves_are_ordered_forward_first_back_and_stop_last():
    events = [m.event for m in session_at("on_contact_us").moves()]
    assert events[-3:] == ["call_instead", "go_back", "give_up"]
    assert events[0] == "clicked_issue_button"


def test_the_source_route_to_a_channel_is_walkable():
    session = session_at("choosing_route")
    for event in [
        "take_website_route",
        "signed_in",
        "opened_help",
        "opened_need_more_help",
        "asked_to_sign_in_again",
        "signed_in_again",
        "see_tabs_and_buttons",
        "chose_service_tab",
        "chose_tell_us_more",
        "issue_described",
        "chose_phone",
    ]:
        session.move(event)
    assert session.attempt.configuration == ["in_contact", "awaiting_callback"]


def test_a_move_the_step_does_not_offer_is_refused():
    session = session_at("signing_in")
    with pytest.raises(TransitionNotAllowed):
        session.move("problem_solved")
    with pytest.raises(TransitionNotAllowed):
        session.move("no_such_event")
    assert session.step == "signing_in" and not session.attempt.timeline


def test_restoring_enters_no_state_again():
    entered = []

    class Spy:
        def on_enter_state(self, state):
            entered.append(state.id)

    now = local_now()
    attempt = Attempt(
        id=1, created_at=now, updated_at=now, configuration=configuration_of("talking_with_agent")
    )
    from flows.recorder import AttemptModel
    from flows.session import Session

    machine = AmazonContact(model=AttemptModel(Session(attempt)), listeners=[Spy()])
    assert entered == []
    assert [s.id for s in machine.configuration] == ["in_contact", "talking_with_agent"]
    assert {e.id for e in machine.allowed_events} >= {"problem_solved", "ask_for_supervisor"}


def test_configuration_validity():
    assert is_valid_configuration(["website", "on_contact_us"])
    assert is_valid_configuration(["resolved"])
    assert not is_valid_configuration(["on_contact_us"])
    assert not is_valid_configuration(["website"])
    assert not is_valid_configuration(["in_contact", "on_contact_us"])
    assert not is_valid_configuration(["nowhere"])
    assert not is_valid_configuration([])


def test_the_process_renders_as_a_mermaid_diagram():
    text = f"{AmazonContact():mermaid}"
    assert text.startswith("stateDiagram-v2") and "on_contact_us" in text


def test_another_sellers_item_goes_through_the_seller_then_an_a_to_z_claim():
    session = session_at("choosing_route")
    for event in ["ask_the_seller", "seller_did_not_help", "claim_filed"]:
        session.move(event)
    assert session.step == "waiting_on_claim"
    assert not session.attempt.contacts, "a claim is not a contact with an agent"
    session.move("claim_denied")
    assert session.step == "no_fix_yet"
    assert "contact_again" in [m.event for m in session.moves()], "Amazon itself is next"
    assert session.attempt.route == "seller"


def test_when_amazon_says_no_the_card_issuer_or_the_consumer_agency_is_next():
    session = session_at("no_fix_yet")
    events = [m.event for m in session.moves()]
    assert {"dispute_the_charge", "ask_consumer_agency", "contact_again"} <= set(events)
    session.move("ask_consumer_agency")
    assert session.step == "asking_consumer_agency" and not session.attempt.contacts
    session.move("no_help_outside_amazon")
    session.move("dispute_the_charge")
    session.move("refunded_outside_amazon")
    assert session.attempt.outcome == "resolved"
