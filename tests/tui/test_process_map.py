"""The map is read off the machine: every step sits in exactly one phase."""

from flows.amazon import AmazonContact, configuration_of
from flows.attempt import Attempt, local_now
from flows.session import Session
from flows.steps import PHASES, phase_of
from flows.words import words_for
from tui.widgets.process_map import progress_line, render_map


def test_every_step_belongs_to_exactly_one_phase():
    steps = [s.id for s in AmazonContact.states_map.values() if s.is_atomic]
    placed = [step for _, members in PHASES for step in members]
    assert sorted(placed) == sorted(steps)


def test_the_map_marks_the_current_step_and_the_path_taken():
    now = local_now()
    attempt = Attempt(1, now, now, configuration=configuration_of("on_help_page"))
    text = render_map(attempt, words_for("en"), every_step=True).plain
    assert "> On the Help page" in text and "[>] Amazon site or app" in text
    assert phase_of("no_fix_yet") == "after"


def test_the_progress_line_counts_the_screens_of_this_phase_so_far():
    session = Session.begin(prepared_route="website")
    for event in ("signed_in", "opened_help"):
        session.move(event)
    assert progress_line(session.attempt, words_for("en")) == "Amazon site or app, step 3"
    session.move("go_back")  # a screen again is a screen more
    assert progress_line(session.attempt, words_for("ko")) == "아마존 웹사이트와 앱 4단계"
