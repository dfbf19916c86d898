"""One live session per attempt: every screen that works on an attempt shares it."""

from flows.session import Session
from flows.sessions import Sessions
from flows.store import Store


def test_the_same_attempt_is_always_the_same_session(tmp_path, clock):
    sessions = Sessions(Store(tmp_path / "a.json"), clock=clock)
    begun = sessions.begin(summary="broken")
    assert sessions.open(begun.attempt.id) is begun
    assert sessions.of(Store(tmp_path / "a.json").get(begun.attempt.id)) is begun


def test_a_session_handed_out_again_shows_what_another_process_saved(tmp_path, clock):
    sessions = Sessions(Store(tmp_path / "a.json"), clock=clock)
    live = sessions.begin()
    elsewhere = Session.resume(Store(tmp_path / "a.json"), live.attempt.id, clock=clock)
    elsewhere.add_note("saved in another window")
    again = sessions.open(live.attempt.id)
    assert again is live and [n.text for n in live.attempt.notes] == ["saved in another window"]
    live.add_note("and here")
    stored = Store(tmp_path / "a.json").get(live.attempt.id)
    assert [n.text for n in stored.notes] == ["saved in another window", "and here"]
