"""The names of the process's steps and moves, without the machine that runs them.

Reading a record checks every step and move it names (:mod:`flows.attempt`), and what only
reads (``amazon-contact due`` in a shell prompt, a report) should not pay for building the
statechart: python-statemachine and the asyncio it brings cost more than all the rest of such a
command. So the names are written out here, in the order the machine declares them.

The machine (:class:`flows.amazon.AmazonContact`) stays the authority on the process: a test
(``tests/flows/test_steps.py``) reads every list below off the machine and requires the two to
be the same, so a step or a move added to one and not the other fails at once.
"""

from __future__ import annotations

# The phases of the process, each with its steps, in the order a person meets them: each
# compound state of the machine, then the steps after a contact ("after"), then the ends ("end").
# What the map and the progress line show.
PHASES: list[tuple[str, list[str]]] = [
    ("preparing", ["deciding_outcome", "gathering_facts", "choosing_route", "trying_your_orders"]),
    (
        "website",
        [
            "signing_in",
            "finding_help",
            "on_help_page",
            "on_need_more_help",
            "signing_in_again",
            "which_contact_us",
            "on_contact_us",
            "trying_issue_button",
            "on_service_tab",
            "describing_issue",
            "choosing_channel",
            "talking_with_assistant",
            "asking_for_a_person",
            "assistant_going_in_circles",
            "opening_app_customer_service",
        ],
    ),
    (
        "in_contact",
        [
            "awaiting_email_reply",
            "awaiting_callback",
            "waiting_for_chat_agent",
            "calling_amazon",
            "talking_with_agent",
            "being_transferred",
            "asking_for_supervisor",
            "talking_with_supervisor",
        ],
    ),
    ("seller", ["asking_the_seller", "filing_a_to_z_claim", "waiting_on_claim"]),
    ("outside_amazon", ["disputing_the_charge", "asking_consumer_agency"]),
    ("after", ["disconnected", "no_fix_yet", "waiting_on_promise"]),
    ("end", ["resolved", "gave_up", "discarded"]),
]
# Not states of the machine: the steps after a contact, and the ends, are top-level states.
_LOOSE_PHASES = ("after", "end")

# Every move, in the order the machine's states offer them.
EVENT_IDS: tuple[str, ...] = (
    "give_up",
    "discard",
    "outcome_decided",
    "facts_gathered",
    "go_back",
    "take_website_route",
    "use_the_app",
    "ask_the_seller",
    "try_order_buttons",
    "call_directly",
    "order_buttons_fixed_it",
    "order_buttons_did_not_help",
    "call_instead",
    "signed_in",
    "opened_help",
    "opened_need_more_help",
    "opened_contact_us",
    "asked_to_sign_in_again",
    "signed_in_again",
    "see_tabs_and_buttons",
    "see_an_assistant",
    "clicked_issue_button",
    "chose_service_tab",
    "chose_tell_us_more",
    "button_solved_it",
    "still_need_help",
    "issue_described",
    "chose_email",
    "chose_phone",
    "chose_chat",
    "assistant_solved_it",
    "ask_for_a_person",
    "assistant_loops",
    "passed_to_a_person",
    "call_back_requested",
    "start_over",
    "opened_app_customer_service",
    "reply_arrived",
    "no_answer",
    "agent_answered",
    "got_cut_off",
    "transferred",
    "ask_for_supervisor",
    "problem_solved",
    "promise_made",
    "not_solved",
    "supervisor_joined",
    "supervisor_unavailable",
    "seller_fixed_it",
    "seller_did_not_help",
    "claim_filed",
    "claim_granted",
    "claim_denied",
    "refunded_outside_amazon",
    "no_help_outside_amazon",
    "amazon_called_back",
    "contact_again",
    "dispute_the_charge",
    "ask_consumer_agency",
    "promise_kept",
)

# Every state a record may name, in the machine's own order: each compound state before its steps.
STATE_IDS: tuple[str, ...] = tuple(
    name
    for phase, steps in PHASES
    for name in (steps if phase in _LOOSE_PHASES else [phase, *steps])
)
FINAL_STATE_IDS: frozenset[str] = frozenset(dict(PHASES)["end"])
WEBSITE_STATE_IDS: tuple[str, ...] = tuple(dict(PHASES)["website"])

# Every configuration the machine can be in: one per step, outermost state first.
_CONFIGURATIONS: dict[str, tuple[str, ...]] = {
    step: (step,) if phase in _LOOSE_PHASES else (phase, step)
    for phase, steps in PHASES
    for step in steps
}
_VALID_CONFIGURATIONS: frozenset[tuple[str, ...]] = frozenset(_CONFIGURATIONS.values())

# Where every attempt begins.
INITIAL_CONFIGURATION: tuple[str, ...] = _CONFIGURATIONS["deciding_outcome"]

# A contact's channel is told by the state in which it starts.
CHANNEL_OF_STATE: dict[str, str] = {
    "awaiting_email_reply": "email",
    "awaiting_callback": "phone",
    "waiting_for_chat_agent": "chat",
    "calling_amazon": "direct_call",
}

DIRECT_NUMBER = "1 (888) 280-4331"


def is_valid_configuration(state_ids: list[str]) -> bool:
    """Whether ``state_ids`` is a configuration the machine can actually be in."""
    try:
        return tuple(state_ids) in _VALID_CONFIGURATIONS
    except TypeError:  # unhashable items: certainly not state ids
        return False


def phase_of(step: str) -> str:
    return next(phase for phase, steps in PHASES if step in steps)
