"""Every label and every statement of the guidance names where it comes from: the source article,
a public page read on a given day, one of a short reviewed list of general-knowledge facts, or
nothing about Amazon at all ("own": orientation, or advice on keeping notes)."""

from __future__ import annotations

from datetime import date

import pytest

from flows import catalog
from flows.amazon import AmazonContact
from flows.guidance import sources

SOURCES = sources()
KINDS = {"article", "page"}


def resolves(ref: str) -> bool:
    if ref in ("article", "own"):
        return True
    if ref.startswith("general:"):
        return ref.removeprefix("general:") in SOURCES.get("general", {})
    return ref in SOURCES["sources"]


def test_every_source_says_what_it_is_and_when_it_was_read():
    assert SOURCES["sources"]["article"]["kind"] == "article"
    for source_id, entry in SOURCES["sources"].items():
        assert entry["kind"] in KINDS, source_id
        assert entry["title"].strip() and entry["supports"].strip(), source_id
        assert isinstance(entry["read"], date) and entry["read"] <= date(2026, 12, 31), source_id
        if entry["kind"] == "page":
            # As the page was found: some of Amazon's own help pages are held only at http.
            assert entry["address"].startswith(("https://", "http://")), source_id
    for fact_id, entry in SOURCES.get("general", {}).items():
        assert entry["fact"].strip(), fact_id


def test_every_label_names_its_source():
    labels = catalog.labels()["labels"]
    assert set(SOURCES["labels"]) == set(labels)
    for label_id, ref in SOURCES["labels"].items():
        assert ref != "own", f"a label is a claim about Amazon's screen: {label_id}"
        assert resolves(ref), (label_id, ref)


STATES = [
    state_id
    for state_id, entry in catalog.entries("en")["states"].items()
    if any(key in entry for key in ("where", "next_screen", "do", "tips"))
]


@pytest.mark.parametrize("state_id", STATES)
def test_every_statement_of_a_step_names_its_source(state_id):
    refs = SOURCES["steps"][state_id]
    for lang in catalog.LANGUAGES:
        entry = catalog.entries(lang)["states"][state_id]
        for key in ("where", "next_screen", "do"):
            assert (key in entry) == (key in refs), (lang, state_id, key)
        assert len(refs.get("tips", [])) == len(entry.get("tips", [])), (lang, state_id)
    for key, value in refs.items():
        for ref in value if isinstance(value, list) else [value]:
            assert ref != "unsupported", f"{state_id}.{key}: say less, or find a source"
            assert resolves(ref), (state_id, key, ref)


def test_the_steps_named_are_the_machines():
    assert set(SOURCES["steps"]) <= set(AmazonContact.states_map)
