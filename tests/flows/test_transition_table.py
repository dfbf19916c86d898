"""The contact process, written out by hand: from each step, each move, and where it leads.

The table is the specification, read against the source article and today's route; the machine
must match it exactly. Dropping a move, adding one, or pointing one elsewhere fails here.
A compound step's row holds for every step inside it (``website``: any screen of the site).
"""

from __future__ import annotations

import pytest

from flows.amazon import AmazonContact, configuration_of
from flows.attempt import Attempt
from flows.recorder import entry_leaf
from flows.session import Session
from tests.conftest import FakeClock

# (from, move, to): "to" is the step a person lands on.
TABLE: set[tuple[str, str, str]] = {
    ("preparing", "give_up", "gave_up"),
    ("preparing", "discard", "discarded"),
    ("deciding_outcome", "outcome_decided", "gathering_facts"),
    ("gathering_facts", "facts_gathered", "choosing_route"),
    ("gathering_facts", "go_back", "deciding_outcome"),
    ("choosing_route", "take_website_route", "signing_in"),
    ("choosing_route", "call_directly", "calling_amazon"),
    ("choosing_route", "go_back", "gathering_facts"),
    ("website", "call_instead", "calling_amazon"),
    ("website", "give_up", "gave_up"),
    ("website", "discard", "discarded"),
    ("signing_in", "signed_in", "finding_help"),
    ("signing_in", "go_back", "choosing_route"),
    ("finding_help", "opened_help", "on_help_page"),
    ("finding_help", "go_back", "signing_in"),
    ("on_help_page", "opened_need_more_help", "on_need_more_help"),
    ("on_help_page", "go_back", "finding_help"),
    ("on_need_more_help", "asked_to_sign_in_again", "signing_in_again"),
    ("on_need_more_help", "go_back", "on_help_page"),
    ("signing_in_again", "go_back", "on_need_more_help"),
    ("on_contact_us", "clicked_issue_button", "trying_issue_button"),
    ("on_contact_us", "chose_service_tab", "on_service_tab"),
    ("on_contact_us", "chose_tell_us_more", "describing_issue"),
    ("trying_issue_button", "button_solved_it", "resolved"),
    ("trying_issue_button", "still_need_help", "describing_issue"),
    ("trying_issue_button", "go_back", "on_contact_us"),
    ("on_service_tab", "chose_tell_us_more", "describing_issue"),
    ("on_service_tab", "go_back", "on_contact_us"),
    ("describing_issue", "issue_described", "choosing_channel"),
    ("describing_issue", "go_back", "on_contact_us"),
    ("choosing_channel", "chose_email", "awaiting_email_reply"),
    ("choosing_channel", "chose_phone", "awaiting_callback"),
    ("choosing_channel", "chose_chat", "waiting_for_chat_agent"),
    ("choosing_channel", "go_back", "describing_issue"),
    ("in_contact", "give_up", "gave_up"),
    ("in_contact", "discard", "discarded"),
    ("awaiting_email_reply", "reply_arrived", "talking_with_agent"),
    ("awaiting_email_reply", "no_answer", "no_fix_yet"),
    ("awaiting_callback", "agent_answered", "talking_with_agent"),
    ("awaiting_callback", "no_answer", "no_fix_yet"),
    ("waiting_for_chat_agent", "agent_answered", "talking_with_agent"),
    ("waiting_for_chat_agent", "no_answer", "no_fix_yet"),
    ("waiting_for_chat_agent", "got_cut_off", "disconnected"),
    ("calling_amazon", "agent_answered", "talking_with_agent"),
    ("calling_amazon", "no_answer", "no_fix_yet"),
    ("calling_amazon", "got_cut_off", "disconnected"),
    ("talking_with_agent", "transferred", "being_transferred"),
    ("talking_with_agent", "ask_for_supervisor", "asking_for_supervisor"),
    ("talking_with_agent", "problem_solved", "resolved"),
    ("talking_with_agent", "promise_made", "waiting_on_promise"),
    ("talking_with_agent", "not_solved", "no_fix_yet"),
    ("talking_with_agent", "got_cut_off", "disconnected"),
    ("being_transferred", "agent_answered", "talking_with_agent"),
    ("being_transferred", "no_answer", "no_fix_yet"),
    ("being_transferred", "got_cut_off", "disconnected"),
    ("asking_for_supervisor", "supervisor_joined", "talking_with_supervisor"),
    ("asking_for_supervisor", "supervisor_unavailable", "talking_with_agent"),
    ("asking_for_supervisor", "got_cut_off", "disconnected"),
    ("talking_with_supervisor", "transferred", "being_transferred"),
    ("talking_with_supervisor", "problem_solved", "resolved"),
    ("talking_with_supervisor", "promise_made", "waiting_on_promise"),
    ("talking_with_supervisor", "not_solved", "no_fix_yet"),
    ("talking_with_supervisor", "got_cut_off", "disconnected"),
    ("disconnected", "amazon_called_back", "talking_with_agent"),
    ("disconnected", "contact_again", "choosing_route"),
    ("disconnected", "give_up", "gave_up"),
    ("disconnected", "discard", "discarded"),
    ("no_fix_yet", "contact_again", "choosing_route"),
    ("no_fix_yet", "give_up", "gave_up"),
    ("no_fix_yet", "discard", "discarded"),
    ("waiting_on_promise", "promise_kept", "resolved"),
    ("waiting_on_promise", "contact_again", "choosing_route"),
    ("waiting_on_promise", "give_up", "gave_up"),
    ("waiting_on_promise", "discard", "discarded"),
    # Contact Us, either way: the article's tabs and buttons, or today's assistant
    ("on_need_more_help", "opened_contact_us", "which_contact_us"),
    ("signing_in_again", "signed_in_again", "which_contact_us"),
    ("which_contact_us", "see_tabs_and_buttons", "on_contact_us"),
    ("which_contact_us", "see_an_assistant", "talking_with_assistant"),
    ("which_contact_us", "go_back", "on_need_more_help"),
    ("on_contact_us", "go_back", "which_contact_us"),
    # The assistant is not a person: it fixes it, hands over, or goes in circles
    ("talking_with_assistant", "assistant_solved_it", "resolved"),
    ("talking_with_assistant", "ask_for_a_person", "asking_for_a_person"),
    ("talking_with_assistant", "assistant_loops", "assistant_going_in_circles"),
    ("talking_with_assistant", "go_back", "which_contact_us"),
    ("asking_for_a_person", "passed_to_a_person", "waiting_for_chat_agent"),
    ("asking_for_a_person", "call_back_requested", "awaiting_callback"),
    ("asking_for_a_person", "assistant_loops", "assistant_going_in_circles"),
    ("asking_for_a_person", "go_back", "talking_with_assistant"),
    ("assistant_going_in_circles", "start_over", "talking_with_assistant"),
    ("assistant_going_in_circles", "go_back", "asking_for_a_person"),
    # Amazon's app: another way to the same Contact Us
    ("choosing_route", "use_the_app", "opening_app_customer_service"),
    ("opening_app_customer_service", "opened_app_customer_service", "which_contact_us"),
    ("opening_app_customer_service", "go_back", "choosing_route"),
    # Another seller's item: the seller first, then the A-to-z Guarantee
    ("choosing_route", "ask_the_seller", "asking_the_seller"),
    ("asking_the_seller", "seller_fixed_it", "resolved"),
    ("asking_the_seller", "seller_did_not_help", "filing_a_to_z_claim"),
    ("asking_the_seller", "go_back", "choosing_route"),
    ("filing_a_to_z_claim", "claim_filed", "waiting_on_claim"),
    ("filing_a_to_z_claim", "go_back", "asking_the_seller"),
    ("waiting_on_claim", "claim_granted", "resolved"),
    ("waiting_on_claim", "claim_denied", "no_fix_yet"),
    ("seller", "give_up", "gave_up"),
    ("seller", "discard", "discarded"),
    # Self-service first: the order's own buttons
    ("choosing_route", "try_order_buttons", "trying_your_orders"),
    ("trying_your_orders", "order_buttons_fixed_it", "resolved"),
    ("trying_your_orders", "order_buttons_did_not_help", "choosing_route"),
    # When Amazon says no: outside Amazon
    ("no_fix_yet", "dispute_the_charge", "disputing_the_charge"),
    ("no_fix_yet", "ask_consumer_agency", "asking_consumer_agency"),
    ("outside_amazon", "refunded_outside_amazon", "resolved"),
    ("outside_amazon", "no_help_outside_amazon", "no_fix_yet"),
    ("outside_amazon", "give_up", "gave_up"),
    ("outside_amazon", "discard", "discarded"),
}


def machine_rows() -> set[tuple[str, str, str]]:
    return {
        (state.id, event.id, entry_leaf(transition.target).id)
        for state in AmazonContact.states_map.values()
        for transition in state.transitions
        if not transition.initial
        for event in transition.events
    }


def test_the_machine_is_the_table_exactly():
    machine = machine_rows()
    assert machine - TABLE == set(), "moves the table does not have"
    assert TABLE - machine == set(), "moves the machine lost"


def at(step: str) -> Session:
    clock = FakeClock()
    now = clock()
    attempt = Attempt(id=1, created_at=now, updated_at=now, configuration=configuration_of(step))
    return Session(attempt, None, clock=clock)


ATOMIC = {s.id for s in AmazonContact.states_map.values() if s.is_atomic}


@pytest.mark.parametrize(
    ("source", "event", "target"), sorted(row for row in TABLE if row[0] in ATOMIC)
)
def test_taking_the_move_lands_on_the_step_the_table_names(source, event, target):
    session = at(source)
    session.move(event)
    assert session.step == target
