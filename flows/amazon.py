"""The Amazon customer-service contact process, as a statechart.

The structure follows the process a person actually goes through: prepare, then either call
Amazon directly or walk the website (Help → Need More Help? → Contact Us), where Contact Us is
either the source article's page (the order and its issue → a channel) or, as pages describe it
today, a chat assistant to ask for a person (Amazon's app leads to the same place); talk to an
agent, escalate politely if needed, and either get the problem fixed, wait on a promise and
follow up, or stop. The assistant is not a person: talking with it opens no contact.

This module holds the rules only. What each state and event *says* to a person lives in
``flows/guidance``; what happened in one attempt lives in ``flows.attempt``; the names of the
states and events, for what reads records without running the machine, in ``flows.steps``.
"""

from __future__ import annotations

from typing import Any

from statemachine import State, StateChart


class AmazonContact(StateChart[Any]):
    """One attempt at getting Amazon customer service to fix a problem."""

    # Bugs in callbacks must surface, and an event the current step does not offer is an error,
    # not a silent no-op: the UI only ever sends moves it was offered.
    catch_errors_as_events = False
    allow_event_without_transition = False
    # The model sees one write per transition, never the intermediate configurations.
    atomic_configuration_update = True

    class preparing(State.Compound):
        deciding_outcome = State(initial=True)
        gathering_facts = State()
        choosing_route = State()
        # Self-service first: the order's own buttons can settle it without anyone.
        trying_your_orders = State()

    class website(State.Compound):
        signing_in = State(initial=True)
        finding_help = State()
        on_help_page = State()
        on_need_more_help = State()
        signing_in_again = State()
        which_contact_us = State()
        on_contact_us = State()
        trying_issue_button = State()
        on_service_tab = State()
        describing_issue = State()
        choosing_channel = State()
        # Today's Contact Us, as public pages describe it: an automated chat assistant first.
        talking_with_assistant = State()
        asking_for_a_person = State()
        assistant_going_in_circles = State()
        # Amazon's app, another way to the same Contact Us.
        opening_app_customer_service = State()

    class in_contact(State.Compound):
        awaiting_email_reply = State(initial=True)
        awaiting_callback = State()
        waiting_for_chat_agent = State()
        calling_amazon = State()
        talking_with_agent = State()
        being_transferred = State()
        asking_for_supervisor = State()
        talking_with_supervisor = State()

    # Sold by another seller: the seller first, through the order; then Amazon's A-to-z
    # Guarantee, which Amazon's help pages describe as open once the seller has had time to answer.
    class seller(State.Compound):
        asking_the_seller = State(initial=True)
        filing_a_to_z_claim = State()
        waiting_on_claim = State()

    # When Amazon says no: the last ways, outside Amazon.
    class outside_amazon(State.Compound):
        disputing_the_charge = State(initial=True)
        asking_consumer_agency = State()

    disconnected = State()
    no_fix_yet = State()
    waiting_on_promise = State()
    resolved = State(final=True)
    gave_up = State(final=True)
    # An attempt opened by mistake (a test, a duplicate): set aside as its own end, which no
    # figure counts as the person giving up.
    discarded = State(final=True)

    # Preparing: know what you want and have the facts at hand before anyone answers.
    outcome_decided = preparing.deciding_outcome.to(preparing.gathering_facts)
    facts_gathered = preparing.gathering_facts.to(preparing.choosing_route)
    take_website_route = preparing.choosing_route.to(website)
    use_the_app = preparing.choosing_route.to(website.opening_app_customer_service)
    ask_the_seller = preparing.choosing_route.to(seller)
    try_order_buttons = preparing.choosing_route.to(preparing.trying_your_orders)
    order_buttons_fixed_it = preparing.trying_your_orders.to(resolved)
    order_buttons_did_not_help = preparing.trying_your_orders.to(preparing.choosing_route)

    # Another seller's item: ask them; if they don't put it right, claim under the A-to-z Guarantee.
    seller_fixed_it = seller.asking_the_seller.to(resolved)
    seller_did_not_help = seller.asking_the_seller.to(seller.filing_a_to_z_claim)
    claim_filed = seller.filing_a_to_z_claim.to(seller.waiting_on_claim)
    claim_granted = seller.waiting_on_claim.to(resolved)
    claim_denied = seller.waiting_on_claim.to(no_fix_yet)
    call_directly = preparing.choosing_route.to(in_contact.calling_amazon)

    # The website route, screen by screen.
    signed_in = website.signing_in.to(website.finding_help)
    opened_help = website.finding_help.to(website.on_help_page)
    opened_need_more_help = website.on_help_page.to(website.on_need_more_help)
    opened_contact_us = website.on_need_more_help.to(website.which_contact_us)
    asked_to_sign_in_again = website.on_need_more_help.to(website.signing_in_again)
    signed_in_again = website.signing_in_again.to(website.which_contact_us)
    opened_app_customer_service = website.opening_app_customer_service.to(website.which_contact_us)
    # Which Contact Us: the article's tabs and buttons, or today's assistant.
    see_tabs_and_buttons = website.which_contact_us.to(website.on_contact_us)
    see_an_assistant = website.which_contact_us.to(website.talking_with_assistant)
    clicked_issue_button = website.on_contact_us.to(website.trying_issue_button)
    button_solved_it = website.trying_issue_button.to(resolved)
    still_need_help = website.trying_issue_button.to(website.describing_issue)
    chose_service_tab = website.on_contact_us.to(website.on_service_tab)
    chose_tell_us_more = website.on_contact_us.to(website.describing_issue) | (
        website.on_service_tab.to(website.describing_issue)
    )
    issue_described = website.describing_issue.to(website.choosing_channel)
    chose_email = website.choosing_channel.to(in_contact.awaiting_email_reply)
    chose_phone = website.choosing_channel.to(in_contact.awaiting_callback)
    chose_chat = website.choosing_channel.to(in_contact.waiting_for_chat_agent)
    # The assistant: it may fix it; otherwise ask it for a person, and start over if it loops.
    assistant_solved_it = website.talking_with_assistant.to(resolved)
    ask_for_a_person = website.talking_with_assistant.to(website.asking_for_a_person)
    passed_to_a_person = website.asking_for_a_person.to(in_contact.waiting_for_chat_agent)
    call_back_requested = website.asking_for_a_person.to(in_contact.awaiting_callback)
    assistant_loops = website.talking_with_assistant.to(website.assistant_going_in_circles) | (
        website.asking_for_a_person.to(website.assistant_going_in_circles)
    )
    start_over = website.assistant_going_in_circles.to(website.talking_with_assistant)
    # The phone line handles anything, so it stays open from every screen of the website.
    call_instead = website.to(in_contact.calling_amazon)

    go_back = (
        preparing.gathering_facts.to(preparing.deciding_outcome)
        | preparing.choosing_route.to(preparing.gathering_facts)
        | website.signing_in.to(preparing.choosing_route)
        | website.finding_help.to(website.signing_in)
        | website.on_help_page.to(website.finding_help)
        | website.on_need_more_help.to(website.on_help_page)
        | website.signing_in_again.to(website.on_need_more_help)
        | website.which_contact_us.to(website.on_need_more_help)
        | website.on_contact_us.to(website.which_contact_us)
        | website.talking_with_assistant.to(website.which_contact_us)
        | website.asking_for_a_person.to(website.talking_with_assistant)
        | website.assistant_going_in_circles.to(website.asking_for_a_person)
        | website.opening_app_customer_service.to(preparing.choosing_route)
        | seller.asking_the_seller.to(preparing.choosing_route)
        | seller.filing_a_to_z_claim.to(seller.asking_the_seller)
        | website.trying_issue_button.to(website.on_contact_us)
        | website.on_service_tab.to(website.on_contact_us)
        | website.describing_issue.to(website.on_contact_us)
        | website.choosing_channel.to(website.describing_issue)
    )

    # In contact: reaching a person, talking, escalating.
    reply_arrived = in_contact.awaiting_email_reply.to(in_contact.talking_with_agent)
    agent_answered = (
        in_contact.awaiting_callback.to(in_contact.talking_with_agent)
        | in_contact.waiting_for_chat_agent.to(in_contact.talking_with_agent)
        | in_contact.calling_amazon.to(in_contact.talking_with_agent)
        | in_contact.being_transferred.to(in_contact.talking_with_agent)
    )
    no_answer = (
        in_contact.awaiting_email_reply.to(no_fix_yet)
        | in_contact.awaiting_callback.to(no_fix_yet)
        | in_contact.waiting_for_chat_agent.to(no_fix_yet)
        | in_contact.calling_amazon.to(no_fix_yet)
        | in_contact.being_transferred.to(no_fix_yet)
    )
    transferred = in_contact.talking_with_agent.to(in_contact.being_transferred) | (
        in_contact.talking_with_supervisor.to(in_contact.being_transferred)
    )
    ask_for_supervisor = in_contact.talking_with_agent.to(in_contact.asking_for_supervisor)
    supervisor_joined = in_contact.asking_for_supervisor.to(in_contact.talking_with_supervisor)
    supervisor_unavailable = in_contact.asking_for_supervisor.to(in_contact.talking_with_agent)
    problem_solved = in_contact.talking_with_agent.to(resolved) | (
        in_contact.talking_with_supervisor.to(resolved)
    )
    promise_made = in_contact.talking_with_agent.to(waiting_on_promise) | (
        in_contact.talking_with_supervisor.to(waiting_on_promise)
    )
    not_solved = in_contact.talking_with_agent.to(no_fix_yet) | (
        in_contact.talking_with_supervisor.to(no_fix_yet)
    )
    got_cut_off = (
        in_contact.calling_amazon.to(disconnected)
        | in_contact.waiting_for_chat_agent.to(disconnected)
        | in_contact.talking_with_agent.to(disconnected)
        | in_contact.being_transferred.to(disconnected)
        | in_contact.asking_for_supervisor.to(disconnected)
        | in_contact.talking_with_supervisor.to(disconnected)
    )

    # After a contact: wait for what was promised, or go again with the case number in hand.
    amazon_called_back = disconnected.to(in_contact.talking_with_agent)
    promise_kept = waiting_on_promise.to(resolved)
    # Outside Amazon: the card's issuer, or (for a purchase from Korea) the consumer agency.
    dispute_the_charge = no_fix_yet.to(outside_amazon.disputing_the_charge)
    ask_consumer_agency = no_fix_yet.to(outside_amazon.asking_consumer_agency)
    refunded_outside_amazon = outside_amazon.to(resolved)
    no_help_outside_amazon = outside_amazon.to(no_fix_yet)
    contact_again = (
        disconnected.to(preparing.choosing_route)
        | no_fix_yet.to(preparing.choosing_route)
        | waiting_on_promise.to(preparing.choosing_route)
    )

    # Every step still open can end in giving up, or be set aside as opened by mistake.
    _open = (
        preparing,
        website,
        seller,
        outside_amazon,
        in_contact,
        disconnected,
        no_fix_yet,
        waiting_on_promise,
    )
    give_up = gave_up.from_(*_open)
    discard = discarded.from_(*_open)
    del _open


def configuration_of(leaf_id: str) -> list[str]:
    """The full configuration (outermost first) that has ``leaf_id`` as its active leaf."""
    state: State | None = AmazonContact.states_map[leaf_id]
    chain = []
    while state is not None:
        chain.append(state.id)
        state = state.parent
    return chain[::-1]
