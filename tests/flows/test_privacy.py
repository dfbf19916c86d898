"""What an export hides: every recorded name and number, however it was written, everywhere in
the attempt; and what it leaves alone."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from flows.privacy import mask, redacted
from flows.session import Session
from flows.words import words_for
from tests.conftest import FakeClock

TO_AGENT = ["outcome_decided", "facts_gathered", "call_directly", "agent_answered"]
ORDER = "112-7654321-0000001"


def with_agent(name: str, case: str = "CASE-123456", **facts) -> Session:
    session = Session.begin(clock=FakeClock(), order_number=ORDER, **facts)
    for event in TO_AGENT:
        session.move(event)
    session.record(agent_name=name, case_number=case)
    return session


def shared(session: Session, text: str, lang: str = "en", earlier=()) -> str:
    """``text`` as a note, as it reads in the redacted copy."""
    session.add_note(text)
    return redacted(session.attempt, words_for(lang), earlier=earlier).notes[-1].text


def test_mask_keeps_only_the_last_few_characters():
    assert mask("112-7654321-0000001") == "***-*******-****001"
    assert mask("KR-77") == "**-*7"
    assert mask("A1") == "**"


# (recorded agent, note as typed, what must not survive, what must stay)
NAMES = [
    ("Priya S.", "Priya said the refund was never issued", ["Priya"], ["said the refund"]),
    ("Priya S.", "Priya S. promised it", ["Priya", "S."], ["promised it"]),
    ("Priya S.", "it was Priya Sharma again", ["Priya", "Sharma"], ["it was", "again"]),
    ("Priya S.", "Priya S said so", ["Priya", " S "], ["said so"]),
    ("Priya S.", "Sam said on Sunday in Seattle", [], ["Sam said on Sunday in Seattle"]),
    ("Marcus (supervisor)", "Marcus issued the refund", ["Marcus"], ["issued the refund"]),
    ("John Smith", "john smith, JOHN SMITH", ["john", "smith", "JOHN", "SMITH"], []),
    ("John Smith", "Smith said so; John will refund", ["Smith", "John"], ["said so", "refund"]),
    ("Priya Sharma", "Priya가 환불해 준다고 했음", ["Priya"], ["환불해 준다고"]),
    ("John", "John이 그렇게 말했음", ["John"], ["그렇게 말했음"]),
    ("김지수", "김지수는 다시 연락 준다고 함", ["김지수"], ["다시 연락"]),
    ("김지수", "지수 씨가 확인해 줌", ["지수"], ["씨가 확인해 줌"]),
    ("Al", "Also, AL and al said no", [" AL ", " al "], ["Also,", "said no"]),
]


@pytest.mark.parametrize(("name", "note", "hidden", "kept"), NAMES)
def test_an_agents_name_is_hidden_however_it_is_written(name, note, hidden, kept):
    out = shared(with_agent(name), note)
    for secret in hidden:
        assert secret not in f" {out} ", f"{secret!r} survived in {out!r}"
    for word in kept:
        assert word in out, f"{word!r} lost from {out!r}"
    assert ("Agent 1" in out) == bool(hidden)


def test_a_korean_particle_after_a_hidden_name_fits_the_replacement():
    assert shared(with_agent("Priya"), "Priya가 말함", "ko") == "상담원 1이 말함"
    assert shared(with_agent("Priya"), "Priya는 Priya를 Priya와", "ko") == (
        "상담원 1은 상담원 1을 상담원 1과"
    )
    assert shared(with_agent("미나"), "미나로 연결", "ko") == "상담원 1로 연결", "일 ends in ㄹ"
    assert shared(with_agent("John"), "John이 말함") == "Agent 1이 말함"


# (note as typed, what must not survive, what must stay)
NUMBERS = [
    ("Order 112 7654321 0000001 never came", ["7654321"], ["Order", "never came"]),
    ("order #11276543210000001", ["76543210"], ["order #"]),
    ("1127654321 0000001 it was", ["1127654321"], ["it was"]),
    ("case-123456 was closed", ["123456"], ["was closed"]),
    ("case 123456, Case#123456, CASE 123456", ["123456"], []),
    ("ref 1234567 is a different one", ["1234567"], ["ref", "different"]),
    ("just 7654321 alone", ["7654321"], ["just", "alone"]),
    ("write to priya.sharma@amazon.com now", ["priya.sharma", "amazon.com"], ["write to"]),
    ("my number 010-1234-5678, or +1 206 555 0100", ["1234", "5678", "555"], ["my number"]),
    (
        "call 1 (888) 280-4331 on 2026-12-01 at 16:15",
        [],
        ["1 (888) 280-4331", "2026-12-01", "16:15"],
    ),
]


@pytest.mark.parametrize(("note", "hidden", "kept"), NUMBERS)
def test_numbers_and_addresses_are_hidden_however_they_are_written(note, hidden, kept):
    out = shared(with_agent("Mina"), note)
    for secret in hidden:
        assert secret not in out, f"{secret!r} survived in {out!r}"
    for word in kept:
        assert word in out, f"{word!r} lost from {out!r}"


def test_a_number_around_a_recorded_one_is_masked_whole_not_to_its_last_digits():
    out = shared(with_agent("Mina", case="12345"), "ref 123456 and 9123450")
    assert out == "ref ****** and *******"


def test_a_case_number_with_letters_is_hidden_in_any_case_and_spacing():
    out = shared(with_agent("Mina", case="D7-XQ9"), "see d7xq9, D7 XQ9 and d7-xq9")
    assert "xq" not in out.lower() and "see" in out


def test_everything_the_attempt_holds_is_scrubbed(clock):
    session = Session.begin(
        clock=FakeClock(),
        order_number=ORDER,
        summary="Priya said 112 7654321 0000001 was lost",
        evidence="e-mail from priya@amazon.com",
    )
    for event in ["outcome_decided", "facts_gathered", "take_website_route"]:
        session.move(event)
    session.report_site_difference("PRIYA's chat button")
    for event in ["call_instead", "agent_answered"]:
        session.move(event)
    session.record(agent_name="Priya Sharma", case_number="CASE-123456")
    session.record(promise="Priya: refund by Friday", promise_due=date(2026, 12, 4))
    session.add_note("Sharma again")
    session.save_draft("agent", "Hello Priya, about 11276543210000001")
    session.word_in_english("summary", "priya said it was lost")
    session.keep_unsent("note", "still typing about Priya")
    session.keep_transcript("Priya: hello\nPriya: your case is 998877")
    copy = redacted(session.attempt)
    texts = [
        copy.summary,
        copy.evidence,
        *(p.promise for p in copy.people),
        *(n.text for n in copy.notes),
        *(d.text for d in copy.drafts),
        *(r.text for r in copy.site_reports),
        *copy.english_wordings.values(),
        *(u.text for u in copy.unsent.values()),
        *(t.text for t in copy.transcripts),
    ]
    assert len(texts) == 9, texts
    for text in texts:
        assert not re.search("priya|sharma|7654321|998877|@", text, re.IGNORECASE), text
    assert copy.transcripts[0].text == "[chat transcript left out: 39 characters]"
    assert session.attempt.people[0].name == "Priya Sharma", "the original is untouched"


def test_a_follow_on_hides_the_agents_and_numbers_of_the_attempt_it_continues():
    earlier = with_agent("John Smith", case="CASE-4242").attempt
    later = Session.begin(clock=FakeClock(), earlier=earlier)
    later.add_note("John Smith had promised it; case 4242")
    out = redacted(later.attempt, earlier=[earlier]).notes[0].text
    assert "John" not in out and "Smith" not in out and "4242" not in out


LETTERS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10)
# Text around what was recorded: words, punctuation, Korean, but nothing that is itself a name
# or a number to hide.
AROUND = st.text(alphabet="abcdefgh xyz.,;:!?()'\"가나다는이를", max_size=30)
SEPARATOR = st.sampled_from([" ", ", ", ". ", "(", "\n", " - ", "가 ", "는 ", "이랑 "])


@given(
    name=LETTERS,
    spelled=st.sampled_from([str.title, str.upper, str.lower]),
    before=AROUND,
    after=AROUND,
    left=SEPARATOR,
    right=SEPARATOR,
)
def test_a_recorded_name_never_survives_in_any_case_inside_any_text(
    name, spelled, before, after, left, right
):
    assume(name not in ("agent", "mail") and not name.startswith("agent"))
    out = shared(with_agent(name.title()), f"{before}{left}{spelled(name)}{right}{after}")
    assert not re.search(rf"(?<![a-z0-9]){name}(?![a-z0-9])", out, re.IGNORECASE), out


@given(
    groups=st.tuples(
        st.from_regex(r"\d{3}", fullmatch=True),
        st.from_regex(r"\d{7}", fullmatch=True),
        st.from_regex(r"\d{7}", fullmatch=True),
    ),
    separator=st.sampled_from(["", " ", "-", ".", " - "]),
    before=AROUND,
    after=AROUND,
    left=SEPARATOR,
    right=SEPARATOR,
)
def test_a_recorded_order_number_never_survives_however_its_groups_are_joined(
    groups, separator, before, after, left, right
):
    session = Session.begin(clock=FakeClock(), order_number="-".join(groups))
    session.add_note(f"{before}{left}{separator.join(groups)}{right}{after}")
    out = redacted(session.attempt).notes[0].text
    assert len(re.sub(r"\D", "", out)) <= 3, f"more than the last three digits left: {out!r}"
