"""The app's one policy for a change that saves: a failure or a refusal is told, never raised.

Screens hand their changes to :func:`run_change` (through ``app.run_change``) instead of each
catching store errors in its own way: a failed save is "not saved yet" (the change stays in
memory and goes to disk with the next save), a refused entry says why, and a save that had to do
more than write (merge with another window, find the file changed) says what it did.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from flows.attempt import TextTooLong
from flows.session import NoContactYet, Session
from flows.store import SaveReport, StoreError
from tui.strings import STRINGS, t

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
    was told already (retries); ``session`` is the one the change saves, to tell what its save
    did besides writing."""
    lang = app.lang
    try:
        change()
    except StoreError as error:
        if not quiet:
            message = t("not_saved", lang, error=str(error))
            app.notify(message, severity="error", timeout=10, markup=False)
        return False
    except TextTooLong as error:
        key = f"field_{error.field_name}"
        field = t(key, lang) if key in STRINGS else error.field_name
        message = t(
            "too_long", lang, field=field, length=f"{error.length:,}", limit=f"{error.limit:,}"
        )
        app.notify(message, severity="warning", markup=False)
        return False
    except NoContactYet:
        app.notify(t("nothing_to_record_on", lang), severity="warning", markup=False)
        return False
    if session is not None and session.last_save is not None:
        report, session.last_save = session.last_save, None  # told once
        _tell(app, report)
    return True


def _tell(app: AmazonContactApp, report: SaveReport) -> None:
    lang = app.lang

    def warn(message: str) -> None:
        app.notify(message, severity="warning", timeout=15, markup=False)

    if report.set_aside is not None:
        warn(t("set_aside", lang, path=str(report.set_aside)))
    if report.renumbered_from is not None:
        warn(t("renumbered", lang, old=report.renumbered_from, new=report.attempt.id))
    if report.file_recreated:
        warn(t("file_recreated", lang, path=str(app.store.path)))
    if report.merged:
        app.notify(t("merged_with_other_window", lang), timeout=8, markup=False)
    if report.conflicts:
        fields = ", ".join(dict.fromkeys(c.rsplit(".", 1)[-1] for c in report.conflicts))
        warn(t("merge_conflicts", lang, fields=fields))
