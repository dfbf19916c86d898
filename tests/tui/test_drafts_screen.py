"""Drafts on screen: d opens the ladder, edits are kept with ctrl+s, f5 copies, Esc guards edits."""

from __future__ import annotations

from flows.session import Session
from flows.store import Store
from tests.conftest import FakeClock
from tests.tui.conftest import TO_CHAT_AGENT, make_app, open_first_attempt, screen_text, walk
from tui.screens.drafts import DraftsScreen
from tui.screens.english_wording import EnglishWordingScreen
from tui.screens.step import StepScreen


async def open_drafts(pilot) -> DraftsScreen:
    await open_first_attempt(pilot)
    await pilot.press("d")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, DraftsScreen)
    return screen


async def test_edit_keep_copy_and_find_it_again(data_file, app):
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_drafts(pilot)
        box = screen.query_one("#draft-agent")
        assert "112-3333333-0000003" in box.text and "CASE-3003" in box.text
        await pilot.press("end", *" Thanks, Kim.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        attempt_id = screen.session.attempt.id
        assert "0000003. Thanks, Kim." in Store(data_file).get(attempt_id).drafts[0].text
        await pilot.press("f5")
        assert app.clipboard == box.text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        await pilot.press("d")
        await pilot.pause()
        assert "Thanks, Kim." in app.screen.query_one("#draft-agent").text, (
            "the kept draft comes back"
        )


async def test_the_complaint_tab_and_a_restart_from_the_facts(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_drafts(pilot)
        await pilot.click("#ladder Tab#--content-tab-tab-complaint")
        await pilot.pause()
        assert screen.current == "complaint"
        complaint = screen.query_one("#draft-complaint")
        assert complaint.text.startswith("Subject: order 112-3333333-0000003")
        complaint.load_text("scrap")
        await pilot.pause()
        await pilot.press("ctrl+r")
        assert complaint.text == "scrap", "an edit is not thrown away on the first ctrl+r"
        await pilot.press("ctrl+r")
        assert complaint.text.startswith("Subject:")


async def test_the_message_stays_in_english_with_its_korean_meaning_and_edits_are_kept(app):
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_drafts(pilot)
        await pilot.press("f2")
        await pilot.pause()
        agent = screen.query_one("#draft-agent")
        assert agent.text.startswith("Hello"), "the message to send stays in English"
        reading = " ".join(screen_text(screen.query_one("#reading-agent")).split())
        assert "안녕하세요" in reading, "its meaning, in Korean, to read"
        await pilot.press("end", *"!")
        await pilot.press("f2")
        await pilot.pause()
        assert "0000003.!" in agent.text, "an edit is never thrown away, nor redrafted"
        assert not screen.query_one("#reading-agent").display, "no Korean reading in English"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen, "warned first"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)


async def test_korean_parts_of_the_record_are_pointed_out_before_sending(data_file):
    store = Store(data_file)
    session = walk(
        Session.begin(store, clock=FakeClock(), goal="refund", summary="상자가 비어 있었음"),
        TO_CHAT_AGENT,
    )
    session.record(agent_name="Mina")
    app = make_app(Store(data_file), lang="ko", clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_drafts(pilot)
        agent = screen.query_one("#draft-agent").text
        assert agent.startswith("Hello") and "상자가 비어 있었음" in agent
        warning = " ".join(screen_text(screen.query_one("#korean-parts")).split())
        assert "문제 설명" in warning and "영어" in warning


async def test_ctrl_s_keeps_every_edited_draft_not_only_the_one_in_view(data_file, app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_drafts(pilot)
        await pilot.press("end", *" EDIT-A")
        await pilot.click("#ladder Tab#--content-tab-tab-supervisor")
        await pilot.pause()
        await pilot.press("f2")  # a language switch keeps the edit, and says it is not kept yet
        await pilot.pause()
        assert screen.query_one("#draft-agent").border_title == "고침, 아직 보관 안 됨"
        await pilot.press("ctrl+s")
        await pilot.pause()
        kept = {d.kind: d.text for d in Store(data_file).get(screen.session.attempt.id).drafts}
        assert set(kept) == {"agent", "supervisor"} and "EDIT-A" in kept["agent"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen, "nothing left unkept: no warning"


def korean_record(data_file, lang: str):
    """A record written in Korean (the snapshots' own), on a chat with an agent."""
    from tests.tui.test_snapshots import korean_record_store

    return make_app(korean_record_store(data_file), lang=lang, clock=FakeClock())


async def test_an_english_wording_given_with_f6_is_kept_and_goes_into_the_drafts(data_file):
    app = korean_record(data_file, "ko")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_drafts(pilot)
        await pilot.press("f6")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EnglishWordingScreen)
        shown = " ".join(" ".join(screen_text(s).split()) for s in dialog.query(".korean"))
        assert "상자가 비어 있었음" in shown and "5일 안에 환불" in shown
        await pilot.press(*"The box was empty", "enter")  # summary, then to the evidence
        await pilot.press("enter")  # evidence left in Korean, on to the promise
        await pilot.press(*"a refund within 5 days", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        agent = screen.query_one("#draft-agent").text
        assert "The problem: The box was empty." in agent, "the draft uses the English wording"
        warning = " ".join(screen_text(screen.query_one("#korean-parts")).split())
        assert "증거" in warning and "문제 설명" not in warning, "only what is still Korean"
        kept = Store(data_file).get(screen.session.attempt.id)
        assert kept.summary == "상자가 비어 있었음", "the record keeps the person's own words"
        assert sorted(kept.english_wordings.values()) == [
            "The box was empty",
            "a refund within 5 days",
        ]


async def test_esc_in_the_wording_dialog_warns_before_dropping_what_was_typed(data_file):
    app = korean_record(data_file, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_drafts(pilot)
        await pilot.press("f6", *"Empty box", "escape")
        await pilot.pause()
        assert isinstance(app.screen, EnglishWordingScreen), "warned first"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert Store(data_file).get(screen.session.attempt.id).english_wordings == {}


async def test_no_wording_key_when_nothing_is_in_korean(app):
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_drafts(pilot)
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen is screen
        f6 = screen.active_bindings["f6"]  # the text box's own, once ours steps aside
        assert f6.binding.action != "english_wording", "no key in the footer for it"


async def test_at_the_agency_step_the_letter_opens_in_korean_with_its_english_meaning(data_file):
    from tests.tui.test_snapshots import consumer_agency_store

    app = make_app(consumer_agency_store(data_file), lang="en", clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_drafts(pilot)
        assert screen.current == "consumer_agency", "the step's letter comes first into view"
        assert screen.query_one("#draft-consumer_agency").text.startswith("제목: 해외직구")
        reading = " ".join(screen_text(screen.query_one("#reading-consumer_agency")).split())
        assert "asking for advice on a purchase from Amazon, a shop abroad" in reading
        assert not screen.query_one("#korean-parts").display
        intro = " ".join(screen_text(screen.query_one("#drafts-intro")).split())
        assert "fill in the parts in [brackets] yourself" in intro, "shown, not read as markup"
        assert [t.id for t in screen.query("TabPane")] == [
            "tab-agent",
            "tab-supervisor",
            "tab-complaint",
            "tab-consumer_agency",
        ], "no card issuer's letter where the attempt never went to the card's issuer"


async def test_the_card_issuers_letter_follows_the_language_until_it_is_edited(data_file):
    store = Store(data_file)
    walk(
        Session.begin(store, clock=FakeClock(), goal="refund"),
        ["outcome_decided", "facts_gathered", "call_directly", "agent_answered", "not_solved"],
    )
    walk(Session.resume(store, 1, clock=FakeClock()), ["dispute_the_charge"])
    app = make_app(Store(data_file), lang="en", clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_drafts(pilot)
        letter = screen.query_one("#draft-card_issuer")
        assert screen.current == "card_issuer" and letter.text.startswith("Subject: dispute")
        await pilot.press("f2")
        await pilot.pause()
        assert letter.text.startswith("제목: 아마존(Amazon) 해외 결제 건"), (
            "the person's bank reads Korean"
        )
        assert not screen.query_one("#reading-card_issuer").display
        assert screen.query_one("#draft-agent").text.startswith("Hello"), "Amazon's stays English"
        await pilot.press("end", *" 추가")
        await pilot.press("f2")
        await pilot.pause()
        assert letter.text.startswith("제목:") and "추가" in letter.text, (
            "an edit is never redrafted"
        )
