"""Every step and every move speaks both languages, completely."""

import re
import unicodedata

import pytest

from flows import catalog
from flows import guidance as g
from flows.amazon import AmazonContact
from flows.steps import DIRECT_NUMBER
from flows.words import words_for

STATES = AmazonContact.states_map
EVENTS = [event.id for event in AmazonContact.events]
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def ambiguous_width(text: str) -> set[str]:
    return {ch for ch in text if unicodedata.east_asian_width(ch) == "A"}


@pytest.mark.parametrize("lang", catalog.LANGUAGES)
@pytest.mark.parametrize("state_id", list(STATES))
def test_every_state_has_complete_guidance(state_id, lang):
    state = STATES[state_id]
    step = g.guidance(state_id, lang)
    assert step.title.strip() and step.where.strip()
    if state.final:
        assert step.do.strip()
    elif state.is_atomic:
        assert step.next_screen.strip(), "say which screen to reach next"
        assert step.do.strip(), "say what to do there"
        assert step.tips and all(tip.strip() for tip in step.tips)


# Where Amazon asks how to contact you, the article gives the channels only in Korean: no
# source holds the English words on those buttons, so the step describes the channels instead.
NO_LABELS_KNOWN = {"choosing_channel"}
# Today's Contact Us: a chat where the person types; guides give no buttons' words to click.
NO_LABELS_KNOWN |= {
    "which_contact_us",
    "talking_with_assistant",
    "asking_for_a_person",
    "assistant_going_in_circles",
}


@pytest.mark.parametrize(
    "state_id",
    [
        s.id
        for s in STATES.values()
        if s.parent and s.parent.id == "website" and s.id not in NO_LABELS_KNOWN
    ],
)
def test_every_website_step_names_the_labels_to_click(state_id):
    for lang in catalog.LANGUAGES:
        labels = g.guidance(state_id, lang).click
        assert labels and all(label.amazon.strip() for label in labels)


def test_the_source_labels_keep_their_korean_names():
    expected = {
        "Help": "도움말",
        "Browse Help topics": "도움말 항목 검색",
        "Need More Help?": "도움이 더 필요하십니까",
        "Contact Us": "연락처",
        "Tell us more about your issue": "문제에 대해 자세히 알려주십시오",
        "Fire and Kindle": "파이어 및 킨들",
    }
    labels = {
        entry["amazon"]: entry.get("article_ko", entry.get("ko"))
        for entry in catalog.labels()["labels"].values()
    }
    for amazon, korean in expected.items():
        assert labels.get(amazon) == korean
    assert "An Order I Placed" in labels


def test_labels_referenced_by_steps_exist():
    known = catalog.labels()["labels"]
    for table in ("clicks", "choices"):
        for state_id, label_ids in catalog.labels()[table].items():
            assert state_id in STATES
            assert all(label_id in known for label_id in label_ids)


def test_alternatives_are_offered_as_a_choice_and_unknown_button_words_are_not_shown():
    step = g.guidance("on_contact_us", "ko")
    assert step.click_is_choice
    assert [label.amazon for label in step.click] == [
        "An Order I Placed",
        "Fire and Kindle",
        "Tell us more about your issue",
    ]
    assert not g.guidance("signing_in", "en").click_is_choice
    channels = g.guidance("choosing_channel", "en")
    assert channels.click == () and "may differ" in channels.do


@pytest.mark.parametrize("lang", catalog.LANGUAGES)
def test_every_event_has_a_label_and_nothing_is_stale(lang):
    entries = catalog.entries(lang)
    assert set(entries["events"]) == set(EVENTS)
    assert set(entries["states"]) == set(STATES)
    for event_id in EVENTS:
        label = words_for(lang).move(event_id)
        assert label.strip() and len(label) <= 48


@pytest.mark.parametrize("lang", catalog.LANGUAGES)
def test_named_terms_and_phrases_exist(lang):
    assert set(words_for(lang).table("goals")) == {
        "return",
        "refund",
        "replacement",
        "credit",
        "other",
    }
    assert set(words_for(lang).table("channels")) == {"email", "phone", "chat", "direct_call"}
    assert set(words_for(lang).table("facts")) == {
        "order_number",
        "order_date",
        "item",
        "what_went_wrong",
        "evidence",
    }
    assert set(words_for(lang).table("outcomes")) >= {
        "resolved",
        "gave_up",
        "in_progress",
        "waiting",
    }
    for kind in ("calm", "framing", "supervisor", "thanks"):
        assert g.phrases(kind, lang)


@pytest.mark.parametrize("lang", catalog.LANGUAGES)
def test_titles_and_move_labels_avoid_ambiguous_width_symbols(lang):
    # They are drawn in lists and borders, where a 1-or-2-cell symbol breaks the alignment.
    for state_id in STATES:
        assert not ambiguous_width(g.guidance(state_id, lang).title), state_id
    for event_id in EVENTS:
        assert not ambiguous_width(words_for(lang).move(event_id)), event_id


def test_each_language_is_written_in_that_language():
    for state_id in STATES:
        assert HANGUL.search(g.guidance(state_id, "ko").title), state_id
        en = g.guidance(state_id, "en")
        assert not HANGUL.search(" ".join([en.title, en.where, en.next_screen, en.do, *en.tips]))


@pytest.mark.parametrize("lang", catalog.LANGUAGES)
def test_the_direct_route_gives_the_number(lang):
    step = g.guidance("calling_amazon", lang)
    assert DIRECT_NUMBER in step.do + step.next_screen + step.where


def test_unknown_language_is_refused_clearly():
    with pytest.raises(ValueError, match="unknown language"):
        g.guidance("signing_in", "fr")


@pytest.mark.parametrize("lang", catalog.LANGUAGES)
def test_steps_where_you_speak_offer_phrases_to_say(lang):
    said = g.guidance("asking_for_supervisor", lang).phrases
    # In either language, the English to say (agents read English) with its Korean meaning.
    assert [p.english for p in said] == list(g.phrases("supervisor", "en")[:2])
    assert [p.korean for p in said] == list(g.phrases("supervisor", "ko")[:2])
    assert len(g.guidance("talking_with_agent", lang).phrases) == 4
    assert g.guidance("signing_in", lang).phrases == ()
    assert set(g.PHRASES_AT_STEP) <= set(STATES)
