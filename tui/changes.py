"""The app's one policy for a change that saves: a failure or a refusal is told, never raised.

Screens hand their changes to :func:`run_change` (through ``app.run_change``) instead of each
catching store errors in its own way: a failed save is "not saved yet" (the change stays in
memory and goes to disk with the next save), a refused entry says why, and a save that had to do
more than write (merge with another window, find the file changed) says what it did.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from flows.errors import DomainError, Term
from flows.session import Session
from flows.store import SaveReport, StoreError

if TYPE_CHECKING:
    from tui.app import AmazonContactApp


def run_change(
    app: AmazonContactApp,
    change: Callable[[], object],
    *,
    session: Session | None = None,
    quiet: bool = False,
) -> bool:
    """Run ``change``; True if it was made and saved. ``quiet`` does not repeat a failure that
    was told already, or is told elsewhere (retries, typing kept as unsent); ``session`` is the one the change saves, to tell what its save
    did besides writing."""
    words = app.words
    try:
        change()
    except StoreError as error:
        if not quiet:
            message = words("not_saved", error=words.error(error))
            app.notify(message, severity="error", timeout=10, markup=False)
        return False
    except DomainError as refused:  # too long, no contact yet...: said, and nothing is lost
        if not quiet:  # e.g. typing kept as unsent: the box itself says so on Enter
            app.notify(words.error(refused), severity="warning", markup=False)
        return False
    if session is not None and session.last_save is not None:
        report, session.last_save = session.last_save, None  # told once
        _tell(app, report)
    return True


def _tell(app: AmazonContactApp, report: SaveReport) -> None:
    words = app.words

    def warn(message: str) -> None:
        app.notify(message, severity="warning", timeout=15, markup=False)

    if report.set_aside is not None:
        warn(words("set_aside", path=str(report.set_aside)))
    if report.renumbered_from is not None:
        warn(words("renumbered", old=report.renumbered_from, new=report.attempt.id))
    if report.file_recreated:
        warn(words("file_recreated", path=str(app.store.path)))
    if report.merged:
        app.notify(words("merged_with_other_window"), timeout=8, markup=False)
    if report.conflicts:
        names = dict.fromkeys(c.rsplit(".", 1)[-1] for c in report.conflicts)
        fields = ", ".join(str(words.error_value(Term("fields", name))) for name in names)
        warn(words("merge_conflicts", fields=fields))
