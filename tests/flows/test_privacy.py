"""What an export hides."""

from flows.privacy import mask, redacted
from flows.session import Session


def test_mask_keeps_only_the_last_few_characters():
    assert mask("112-7654321-0000001") == "***-*******-****001"
    assert mask("KR-77") == "**-*7"
    assert mask("A1") == "**"


def test_redacted_hides_numbers_and_names_also_inside_free_text(clock):
    session = Session.begin(
        clock=clock, order_number="112-7654321-0000001", summary="order 112-7654321-0000001 broke"
    )
    for event in ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"]:
        session.move(event)
    session.record(agent_name="김지수", case_number="CASE-123456")
    session.add_note("김지수 gave me CASE-123456")
    copy = redacted(session.attempt)
    assert copy.order_number == "***-*******-****001" and "7654321" not in copy.summary
    assert (
        copy.contacts[0].people[0].name == "Agent 1"
        and copy.notes[0].text == "Agent 1 gave me ****-***456"
    )
    assert session.attempt.people[0].name == "김지수", "the original is untouched"
