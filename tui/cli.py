"""The ``amazon-contact`` command: the full-screen app, and quick looks for scripts.

Start-up cost matters here (a person is often mid-call), so the Textual app is imported only when
it is about to run, and the subcommands never import it.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING

from flows.store import DataFileError, Store, StoreError, UnknownAttempt
from tui.cli_parser import EXIT_DATA_FILE, EXIT_USAGE, chosen_language, parse

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from flows.attempt import Attempt
    from flows.errors import DomainError
    from flows.followups import FollowUp
    from flows.words import Words
    from tui.report import HistoryRow  # imported when a report is printed


def main(argv: list[str] | None = None) -> int:
    from flows.words import words_for

    argv = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        _speak_unicode(stream)
    config_problems: list[DomainError] = []
    lang = chosen_language(argv, lambda: _language_without_flag(config_problems))
    words = words_for(lang)
    args = parse(argv, words)
    if args.command is not None:  # the full screen says them itself, as notices
        for problem in config_problems:
            print(f"amazon-contact: {words.error(problem)}", file=sys.stderr)
    db = getattr(args, "db", None)
    try:
        if args.command is None:
            if not _has_terminal():
                # Textual would fail or hang without one: say so before anything is created.
                print(f"amazon-contact: {words('cli.no_terminal')}", file=sys.stderr)
                return EXIT_USAGE
            return _run_app(db, lang, resume=args.resume)
        gc.enable()  # off only while the app loads (see tui/__main__.py)
        code = _command(args, words)
        sys.stdout.flush()  # a reader gone away (`| head`) is found here, not at exit
        return code
    except UnknownAttempt as error:
        print(f"amazon-contact: {words('unknown_attempt', id=error.attempt_id)}", file=sys.stderr)
        return EXIT_USAGE
    except DataFileError as error:
        print(
            f"amazon-contact: {words.error(error)} ({words('check_with_doctor')}{_db_hint(db)})",
            file=sys.stderr,
        )
        return EXIT_DATA_FILE
    except StoreError as error:
        print(f"amazon-contact: {words.error(error)}", file=sys.stderr)
        return EXIT_DATA_FILE
    except BrokenPipeError:
        # Piped into `head` and the reader went away: what it wanted, it has.
        _silence_stdout()
        return 0
    except Exception:
        import traceback

        from tui import crash

        return crash.report(traceback.format_exc(), words)


def _language_without_flag(problems: list[DomainError]) -> str:
    """``$AMAZON_CONTACT_LANG``, the config file's, or the locale's (``flows.preferences``)."""
    from flows.preferences import language_without_flag

    lang, found = language_without_flag()
    problems += found
    return lang


def _command(args: argparse.Namespace, words: Words) -> int:
    db = getattr(args, "db", None)
    if args.command == "flow":
        from flows import process_chart

        chart = process_chart.mermaid if args.format == "mermaid" else process_chart.markdown
        sys.stdout.write(chart(words))
        return 0
    if args.command == "completion":
        from tui.completion import completion_script

        sys.stdout.write(completion_script(args.shell, words))
        return 0
    if args.command == "doctor":
        return _doctor(db, args.salvage, words)
    if args.command == "stats":
        return _stats(Store(db), words, as_json=args.json)
    if args.command == "due":
        return _due(Store(db), words, output=args.format)
    return _report(args, Store(db), words)


def _speak_unicode(stream: object) -> None:
    """Every character reaches a pipe or a file, whatever the console's code page says.

    Redirected output is read by programs, and UTF-8 is what they expect (Windows' cp1252 would
    fail on the first Korean word). A terminal that cannot show a character gets "?" in its
    place rather than a crash; on Windows, Python 3.11 writes to a console in UTF-16 anyway
    (``WriteConsoleW``), so this is for consoles that ask for legacy I/O, or a ``C`` locale."""
    import codecs
    import io

    if not isinstance(stream, io.TextIOWrapper) or codecs.lookup(stream.encoding).name == "utf-8":
        return  # already UTF-8, or replaced by something that is not a real stream (a test's)
    if stream.isatty():
        stream.reconfigure(errors="replace")
    else:
        stream.reconfigure(encoding="utf-8", errors="strict")


def _silence_stdout() -> None:
    """After a broken pipe: stdout goes to devnull, so the flush at exit has no pipe to break
    again (what Python's documentation advises, in the note on SIGPIPE)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _has_terminal() -> bool:
    """Whether the full screen has a terminal to draw on and read keys from."""
    return all(s is not None and s.isatty() for s in (sys.stdin, sys.stdout))


def _doctor(db: str | None, salvage_to: str | None, words: Words) -> int:
    """Exit 0 when the data is healthy, 1 when problems were found (and reported)."""
    from pathlib import Path

    from flows.doctor import examine, salvage
    from flows.store import default_path

    path = Path(db).expanduser() if db else default_path()
    checkup = examine(path)
    shown = (
        words("doctor_link", path=path, real=checkup.real_path)
        if checkup.real_path not in (None, path)
        else f"{path}"
    )
    if checkup.fresh:
        print(words("doctor_fresh", shown=shown))
        return 0
    for problem in checkup.problems:
        print(words("doctor_problem", problem=words.error(problem)))
    finished = sum(a.is_finished for a in checkup.readable.values())
    summary = words(
        "doctor_summary",
        shown=shown,
        files=words.plural("doctor_files", len(checkup.files)),
        attempts=words.plural("doctor_attempts", len(checkup.readable)),
        finished=finished,
        problems=words.plural("doctor_problems", len(checkup.problems)),
    )
    print(summary)
    if checkup.legacy_journal:
        print(words("doctor_journal", name=path.name))
    if salvage_to:
        result = salvage(checkup, Path(salvage_to).expanduser())
        if not result.saved:
            print(words("salvage_nothing", shown=shown))
        else:
            print(words.plural("salvage_saved", result.saved, path=salvage_to))
        for problem in result.left_out:
            print(words("salvage_left_out", problem=words.error(problem)))
    return 0 if checkup.healthy else 1


def _run_app(db: str | None, lang: str, *, resume: bool = False) -> int:
    store = Store(db)
    store.unfinished()  # Reports a damaged file before the screen takes over the terminal.
    from tui.app import AmazonContactApp

    # What is loaded by now lives as long as the process: out of the collector's sight, it no
    # longer costs a full pass (~15 ms here) in the middle of drawing the first screen.
    gc.freeze()
    gc.enable()
    app = AmazonContactApp(store, lang=lang, resume=resume)
    # Textual prints a failure's traceback, with the values it held (the person's records), to
    # its error console when the app has stopped: catch it, to keep it privately instead.
    import io

    from rich.console import Console

    failure = io.StringIO()
    app.error_console = Console(file=failure, width=120, markup=False, highlight=False)
    app.run()
    if app.return_code:
        from tui import crash

        return crash.report(failure.getvalue() or f"exit status {app.return_code}", app.words)
    return 0


EXIT_OVERDUE = 1


def _stats(store: Store, words: Words, *, as_json: bool) -> int:
    from dataclasses import asdict

    from flows.attempt import local_now
    from flows.stats import stats
    from tui import report

    figures = stats(store.summaries(), local_now().date())
    _say_what_was_skipped(store, words)
    if as_json:
        data = asdict(figures)
        median = figures.median_to_resolution
        data["median_to_resolution"] = median.total_seconds() if median is not None else None
        print(report.to_json(data))
        return 0
    if not figures.attempts:
        print(words("no_attempts"))
        return 0
    from rich.console import Console

    from tui.stats_view import summary_renderables

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            """Rich's own exits with status 1; a reader that has seen enough is no failure."""
            self.quiet = True
            raise BrokenPipeError

    console = _Console(highlight=False, soft_wrap=False)
    for renderable in summary_renderables(figures, words):
        console.print(renderable)
    return 0


def _due(store: Store, words: Words, *, output: str) -> int:
    """Print what is due, the earliest first; exit 1 when something is overdue."""
    from flows.attempt import local_now
    from flows.followups import follow_ups

    today = local_now().date()
    due = follow_ups(store.unfinished())
    _say_what_was_skipped(store, words)
    status = EXIT_OVERDUE if any(f.is_overdue(today) for f in due) else 0
    try:
        _print_due(due, today, words, output)
        sys.stdout.flush()
    except BrokenPipeError:  # `due | head -1`: the reader has seen enough; overdue is still so
        _silence_stdout()
    return status


def _print_due(due: list[FollowUp], today: date, words: Words, output: str) -> None:
    from tui import report

    if output == "ics":
        from flows.reminders import calendar

        if not due:  # a calendar file must hold at least one event: say so instead
            print(words("none_due"), file=sys.stderr)
            return
        sys.stdout.write(calendar(due, words).decode())
    elif output == "json":
        print(
            report.to_json(
                [
                    {
                        "id": f.attempt.id,
                        "due": f.due.isoformat(),
                        "overdue": f.is_overdue(today),
                        "days_overdue": f.days_overdue(today),
                        "promise": f.promise,
                        "goal": f.attempt.goal,
                        "order_number": f.attempt.order_number,
                        "summary": f.attempt.summary,
                    }
                    for f in due
                ]
            )
        )
    elif not due:
        print(words("none_due"))
    for follow_up in due if output == "text" else []:
        late = (
            f"  {words.plural('overdue_by', follow_up.days_overdue(today))}"
            if follow_up.is_overdue(today)
            else ""
        )
        promise = f"  “{report.one_line(follow_up.promise, 60)}”" if follow_up.promise else ""
        about = report.printable(report.about(follow_up.attempt, words))
        print(
            f"#{follow_up.attempt.id}  {words('due_on', day=follow_up.due.isoformat())}{late}  {about}{promise}"
        )


def _db_hint(db: str | None) -> str:
    """The ``--db`` to repeat in a hint, so that it checks the very file that was read."""
    import shlex

    return f" --db {shlex.quote(db)}" if db else ""


def _say_what_was_skipped(store: Store, words: Words) -> None:
    """Damaged records are left out of a listing: say which, and where to look."""
    for damage in store.skipped:
        print(
            f"amazon-contact: {words('skipped', damage=words.error(damage.as_error()))}",
            file=sys.stderr,
        )
    if store.skipped:
        hint = _db_hint(str(store.path))
        print(f"amazon-contact: {words('check_with_doctor')}{hint}", file=sys.stderr)


def _earlier_attempts(store: Store, attempt: Attempt, words: Words) -> list[Attempt]:
    """The attempts a follow-on continues, newest first: their agents and numbers are hidden
    too. One that cannot be read ends the chain, and the person is told what that means."""
    found: list[Attempt] = []
    seen = {attempt.id}
    earlier = attempt.continues
    while earlier is not None and earlier not in seen:
        seen.add(earlier)
        try:
            found.append(store.get(earlier))
        except StoreError:  # gone, or damaged
            print(f"amazon-contact: {words('redact_earlier_unread', id=earlier)}", file=sys.stderr)
            break
        earlier = found[-1].continues
    return found


def _report(args: argparse.Namespace, store: Store, words: Words) -> int:
    from tui import report

    if args.command == "history":
        if args.json:
            print(report.to_json([report.attempt_json(a) for a in store.all()]))
        else:
            print(_table([report.history_row(a, words) for a in store.summaries()], words))
        _say_what_was_skipped(store, words)
        return 0
    attempt = store.get(args.id)
    if getattr(args, "redact", False):
        from flows.privacy import redacted

        attempt = redacted(attempt, words, earlier=_earlier_attempts(store, attempt, words))
    if args.command == "show":
        print(report.attempt_text(attempt, words))
    elif args.format == "ics":
        from flows.followups import follow_ups
        from flows.reminders import calendar

        due = follow_ups([attempt])
        if not due:
            print(f"amazon-contact: {words('no_dated_promise', id=attempt.id)}", file=sys.stderr)
            return EXIT_USAGE
        sys.stdout.write(calendar(due, words).decode())
    elif args.format == "json":
        print(report.to_json(report.attempt_json(attempt)))
    else:
        from tui.markdown_report import attempt_markdown

        print(attempt_markdown(attempt, words), end="")
    return 0


def _table(rows: list[HistoryRow], words: Words) -> str:
    from rich.cells import cell_len

    if not rows:
        return words("no_attempts")
    header = [
        words(k)
        for k in ("col_id", "col_started", "col_status", "col_route", "col_cases", "col_about")
    ]
    body = [[str(r.id), r.started, r.status, r.route, r.cases, r.about] for r in rows]
    widths = [max(cell_len(line[i]) for line in [header, *body]) for i in range(len(header) - 1)]

    def line(cells: list[str]) -> str:
        padded = [cell + " " * (w - cell_len(cell)) for cell, w in zip(cells, widths, strict=False)]
        return "  ".join([*padded, cells[-1]]).rstrip()

    return "\n".join(line(cells) for cells in [header, *body])


if __name__ == "__main__":
    sys.exit(main())
