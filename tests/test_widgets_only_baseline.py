"""The start-up baseline (``benchmarks/widgets_only.py``) is the real step screen drawn by Textual
alone: the same widget tree (classes by name, ids, what each shows) and the very same screen.

Start-up is judged against it, so a baseline that drifted from what it mirrors (a widget added
to the step screen and not to it, a box that became another kind) would judge nothing.
"""

from __future__ import annotations

import difflib
import json
import re

from benchmarks.data import with_one_open_attempt
from benchmarks.step_words import SIZE, screen_words, widget_tree
from benchmarks.widgets_only import WidgetsOnly
from flows.store import Store
from tui.app import AmazonContactApp


def drawn_lines(svg: str) -> list[str]:
    """The text of a screenshot, for a readable difference."""
    return [re.sub(r"<[^>]+>", "", line) for line in re.findall(r"<text[^>]*>[^<]*</text>", svg)]


async def real_step_screen(tmp_path) -> tuple[dict, list, str]:
    path = tmp_path / "attempts.json"
    with_one_open_attempt(path)
    app = AmazonContactApp(Store(path), lang="en", resume=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # All at one moment: the contact's timer moves on each second.
        shown = screen_words(app.screen), widget_tree(app.screen), app.export_screenshot()
        app.store.release()
    return shown


async def test_the_baseline_has_the_step_screens_tree_and_draws_the_same_screen(tmp_path):
    words, real_tree, real_screen = await real_step_screen(tmp_path)
    # As the suite hands them over: through a JSON file.
    baseline = WidgetsOnly(json.loads(json.dumps(words)))
    async with baseline.run_test(size=SIZE) as pilot:
        await pilot.pause()
        baseline_tree = widget_tree(baseline.screen)
        baseline_screen = baseline.export_screenshot()
    assert baseline_tree == real_tree, "\n".join(
        difflib.unified_diff(
            list(map(repr, real_tree)), list(map(repr, baseline_tree)), lineterm=""
        )
    )
    assert baseline_screen == real_screen, "\n".join(
        difflib.unified_diff(drawn_lines(real_screen), drawn_lines(baseline_screen), lineterm="")
    )
