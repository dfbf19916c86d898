"""`amazon-contact flow`: the process in the app's own words (each step's title, each move as the
app offers it), in either language, as a Mermaid diagram Mermaid can read and as a Markdown list."""

from __future__ import annotations

import html
import re

import pytest

from flows.catalog import LANGUAGES
from flows.process_chart import landing_step, markdown, mermaid, mermaid_label, moves
from flows.steps import EVENT_IDS, PHASES, STATE_IDS
from flows.words import words_for

NODE = r"[a-z_]+"
# Every kind of line the diagram may hold, as Mermaid's stateDiagram grammar reads it
# (mermaid-js/mermaid, packages/mermaid/src/diagrams/state/parser/stateDiagram.jison): a label in
# quotes holds no quote; an arrow's label (after " : ") holds no colon, semicolon or newline, but
# in the ``#34;`` Mermaid reads as a character before parsing.
LINES = {
    "header": re.compile(r"stateDiagram-v2"),
    "direction": re.compile(r" {4}direction LR"),
    "state": re.compile(rf' +state "(?P<label>[^"]+)" as (?P<id>{NODE})(?P<open> \{{)?'),
    "close": re.compile(r" +\}"),
    "start": re.compile(rf" +\[\*\] --> (?P<id>{NODE})"),
    "end": re.compile(rf" +(?P<id>{NODE}) --> \[\*\]"),
    "arrow": re.compile(
        rf" +(?P<source>{NODE}) --> (?P<target>{NODE}) : (?P<label>(?:[^:;#\n]|#\d+;)+)"
    ),
}


def shown(label: str) -> str:
    """A label as Mermaid shows it: ``#34;`` is a quote."""
    return html.unescape(re.sub(r"#(\d+);", r"&#\1;", label))


def parsed(chart: str) -> list[tuple[str, re.Match[str]]]:
    found = []
    for number, line in enumerate(chart.splitlines(), 1):
        kind = next((k for k, pattern in LINES.items() if pattern.fullmatch(line)), None)
        assert kind is not None, f"line {number} is no Mermaid this diagram uses: {line!r}"
        match = LINES[kind].fullmatch(line)
        assert match is not None
        found.append((kind, match))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_diagram_is_mermaid_line_by_line_with_balanced_boxes(lang):
    chart = mermaid(words_for(lang))
    lines = parsed(chart)
    assert [kind for kind, _ in lines[:2]] == ["header", "direction"]
    depth = 0
    for kind, match in lines:
        depth += 1 if kind == "state" and match["open"] else -1 if kind == "close" else 0
        assert depth >= 0
    assert depth == 0
    named = {m["id"] for kind, m in lines if kind == "state"}
    assert named == set(STATE_IDS), "every step drawn once"
    used = {m[g] for kind, m in lines if kind == "arrow" for g in ("source", "target")}
    assert used <= named
    # Mermaid's own pre-pass rewrites `style ...:...#...;` lines: none may look like one.
    assert not re.search(r"style|classDef", chart)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_diagram_speaks_the_app_s_words_not_its_ids(lang):
    words = words_for(lang)
    lines = parsed(mermaid(words))
    for kind, match in lines:
        if kind == "state":
            assert shown(match["label"]) == words.step(match["id"]).title
    arrows = [(m["source"], shown(m["label"]), m["target"]) for k, m in lines if k == "arrow"]
    expected = [(m.source, words.move(m.event), m.target) for m in moves()]
    assert sorted(arrows) == sorted(expected)
    labels = {label for _, label, _ in arrows} | {
        shown(m["label"]) for k, m in lines if k == "state"
    }
    # (python-statemachine's own diagram showed "Calling amazon", "Opened need more help".)
    assert not labels & (set(STATE_IDS) | set(EVENT_IDS)) and not any("_" in t for t in labels)


def test_a_label_with_quotes_colons_and_markup_reads_back_as_written():
    text = 'Sold by "X": ask; #1 at 100% <b> & more'
    label = mermaid_label(text)
    assert not re.search(r'[":;%<>&]', re.sub(r"#\d+;", "", label))
    assert shown(label) == text
    assert mermaid_label("다른 판매자 상품: 먼저") == "다른 판매자 상품#58; 먼저"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_list_has_every_phase_and_step_and_every_move_says_where_it_leads(lang):
    words = words_for(lang)
    listed = markdown(words)
    lines = listed.splitlines()
    assert lines[0] == f"# {words('map_title')}"
    headings = [line[3:] for line in lines if line.startswith("## ")]
    assert len(headings) == len(PHASES)
    for line in lines:
        if line.strip().startswith("- ") and "→" in line:
            move, target = line.strip()[2:].split(" → ")
            assert move.strip() and target.strip(), line
    for state_id in (s for _, steps in PHASES for s in steps):
        assert f"- **{words.step(state_id).title}**" in listed
    for move in moves():
        target = words.step(landing_step(move.target)).title
        assert f"- {words.move(move.event)} → {target}" in listed
    assert "|" not in listed, "a list, not a table"
    two_words = [i for i in STATE_IDS + EVENT_IDS if "_" in i]  # "website" is a word too
    assert not re.search(r"\b(" + "|".join(two_words) + r")\b", listed)


def test_a_move_into_a_phase_leads_to_its_first_step():
    assert landing_step("website") == "signing_in"
    assert landing_step("signing_in") == "signing_in"
