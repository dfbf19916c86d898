"""The names in ``flows.steps`` are the machine's own: read off the statechart, they are the same."""

from statemachine import State

from flows import steps
from flows.amazon import AmazonContact, configuration_of

STATES = AmazonContact.states_map


def test_the_states_are_the_machines_in_its_order():
    assert tuple(STATES) == steps.STATE_IDS


def test_the_events_are_the_machines_in_its_order():
    events = tuple(
        dict.fromkeys(
            event.id
            for state in STATES.values()
            for transition in state.transitions
            if not transition.initial
            for event in transition.events
        )
    )
    assert events == steps.EVENT_IDS


def test_the_phases_are_the_machines_compound_states_then_the_loose_steps_then_the_ends():
    top = [state for state in STATES.values() if state.parent is None]
    phases = [(s.id, [child.id for child in s.states]) for s in top if not s.is_atomic]
    phases.append(("after", [s.id for s in top if s.is_atomic and not s.final]))
    phases.append(("end", [s.id for s in top if s.final]))
    assert phases == steps.PHASES


def test_the_ends_and_the_website_are_the_machines():
    assert {state.id for state in AmazonContact.final_states} == steps.FINAL_STATE_IDS
    assert tuple(s.id for s in STATES["website"].states) == steps.WEBSITE_STATE_IDS


def test_the_valid_configurations_are_those_of_the_machines_steps():
    atomic = [state for state in STATES.values() if state.is_atomic]
    for state in atomic:
        assert steps.is_valid_configuration(configuration_of(state.id)), state.id
    assert len(steps._VALID_CONFIGURATIONS) == len(atomic)
    compound = [state.id for state in STATES.values() if not state.is_atomic]
    assert not any(steps.is_valid_configuration([name]) for name in compound)


def test_an_attempt_begins_where_the_machine_does():
    state: State = STATES[AmazonContact.initial_state.id]
    while not state.is_atomic:
        state = next(child for child in state.states if child.initial)
    assert list(steps.INITIAL_CONFIGURATION) == configuration_of(state.id)


def test_each_channel_starts_at_a_step_of_a_contact():
    for step in steps.CHANNEL_OF_STATE:
        assert configuration_of(step)[0] == "in_contact"
