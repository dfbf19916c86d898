"""What ``amazon-contact`` accepts on its command line, said in the person's language.

The help, each command's help and every complaint about a mistake (argparse's own words too) come
from the catalog, in the language the app would speak: ``--lang`` wherever it is on the line, else
the locale's. The language is read before the rest, since the help is printed while parsing.
"""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from flows.catalog import LANGUAGES, language_from_environment
from flows.words import Words

EXIT_USAGE = 2  # argparse's own, for a mistake on the command line; also: no terminal
EXIT_DATA_FILE = 3  # the data file cannot be read or written (the doctor says more)
PROG = "amazon-contact"
SHELLS = ("bash", "zsh", "fish")  # the ones `completion` writes a script for


def chosen_language(
    argv: Sequence[str], otherwise: Callable[[], str] = language_from_environment
) -> str:
    """The language the command line asks for with ``--lang`` (before or after the command, in
    any form argparse takes), else ``otherwise()``'s (the locale's); an unknown one is left for the
    parser to refuse."""
    # It says nothing, so it needs none of argparse's words: and looking them up in gettext,
    # which searches the disk for a translation each time, costs more than the parsing.
    with _argparse_speaking({}):
        early = argparse.ArgumentParser(
            add_help=False, exit_on_error=False, formatter_class=_HelpFormatter
        )
        early.add_argument("--lang")
        try:
            found, _ = early.parse_known_args(list(argv))
        except argparse.ArgumentError:  # `--lang` with nothing after it: the parser will say so
            return otherwise()
    lang: str | None = found.lang
    return lang if lang in LANGUAGES else otherwise()


def parse(argv: Sequence[str], words: Words) -> argparse.Namespace:
    """The command line's meaning; help, or a mistake, is printed in ``words``' language and
    exits (status 0 for help, 2 for a mistake), as argparse does."""
    with _argparse_speaking(words.table("cli.argparse")):
        return build_parser(words).parse_args(list(argv))


@contextmanager
def _argparse_speaking(said: dict[str, str]) -> Iterator[None]:
    """argparse's own words ("usage:", "options", "invalid choice: ...") as ``said`` has them
    (the catalog's table of them, in the person's language).

    argparse asks gettext for each of them through the two functions it imports into its own
    module (``from gettext import gettext as _, ngettext``, in Python 3.11 to 3.13) and looks
    them up at every call. gettext's way in is a compiled ``.mo`` file for the whole process's
    default domain, which would also answer for every other library: instead, only those two
    names of argparse's are swapped, and only while the parser runs, for lookups in the
    catalog's table of argparse's texts. A text the table lacks stays as argparse has it."""

    def gettext(message: str) -> str:
        return said.get(message, message)

    def ngettext(singular: str, plural: str, count: int) -> str:
        message = singular if count == 1 else plural
        return said.get(message, message)

    module = vars(argparse)
    swapped: dict[str, Callable[..., str]] = {"_": gettext, "ngettext": ngettext}
    saved = {name: module[name] for name in swapped if name in module}
    module.update({name: swapped[name] for name in saved})
    try:
        yield
    finally:
        module.update(saved)


def _cells(text: str) -> int:
    """How many terminal columns ``text`` takes: a Korean syllable takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fold(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        longer = f"{line} {word}" if line else word
        if line and _cells(longer) > width:
            lines.append(line)
            line = word
        else:
            line = longer
    return [*lines, line] if line else lines


def _terminal_columns() -> int:
    """How wide the terminal is, found as :func:`shutil.get_terminal_size` finds it: ``COLUMNS``,
    else the terminal's own width, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's layout, with lines folded by the columns they take: it counts characters,
    and would let a line of Korean run twice as far as the terminal is wide. (These two methods
    are the ones argparse's own formatters override to fold text differently.)

    argparse makes a formatter for every argument it is given, to check its metavar, and one
    with no width asks :mod:`shutil` for the terminal's: an import (with the compression modules
    it brings, ~2 ms) that a command printing no help, like ``due`` in a shell prompt, should
    not pay. So the width is found here, the same way."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        width = _terminal_columns() - 2 if width is None else width  # argparse's own margin
        super().__init__(prog, indent_increment, max_help_position, width)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return _fold(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in _fold(text, width - len(indent)))


class _Parser(argparse.ArgumentParser):
    def __init__(self, *, words: Words, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(**kwargs)
        self.words = words

    def error(self, message: str) -> NoReturn:
        """One line, no usage dump: what is wrong and where to look."""
        self.exit(EXIT_USAGE, self.words("cli.see_help", prog=self.prog, message=message) + "\n")


def _attempt_id(words: Words) -> Callable[[str], int]:
    def attempt_id(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(words("cli.id_not_whole", text=repr(text))) from None
        if value < 1:
            raise argparse.ArgumentTypeError(words("cli.id_too_small", value=value))
        return value

    return attempt_id


class _ShowVersion(argparse.Action):
    """``--version``: what argparse's ``action="version"`` does, but with the version read from
    the installed package's metadata only when it is asked for. Reading it at every start would
    import ``importlib.metadata``, about 15 ms more for every ``due`` in a shell prompt."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        self.words: Words = kwargs.pop("words")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        from importlib.metadata import PackageNotFoundError, version

        try:
            shown = version(PROG)
        except PackageNotFoundError:  # run from a source tree that was never installed
            shown = self.words("cli.version_unknown")
        sys.stdout.write(f"{parser.prog} {shown}\n")
        parser.exit()


def build_parser(words: Words) -> argparse.ArgumentParser:
    def say(key: str) -> str:
        return words(f"cli.{key}")

    # Shared options are accepted before or after the command; SUPPRESS keeps a later absence
    # from overwriting an earlier value.
    common = _Parser(add_help=False, words=words)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=say("db"))
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=say("lang"))
    parser = _Parser(prog=PROG, description=say("description"), parents=[common], words=words)
    parser.add_argument("--resume", action="store_true", help=say("resume"))
    parser.add_argument("--version", action=_ShowVersion, words=words, help=say("version"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[common], help=say(name), words=words)

    attempt_id = _attempt_id(words)
    history = command("history")
    history.add_argument("--json", action="store_true", help=say("history_json"))

    show = command("show")
    show.add_argument("id", metavar="ID", type=attempt_id, help=say("attempt_id"))

    export = command("export")
    export.add_argument("id", metavar="ID", type=attempt_id, help=say("attempt_id"))
    export.add_argument(
        "--format", choices=["md", "json", "ics"], default="md", help=say("export_format")
    )
    export.add_argument("--redact", action="store_true", help=say("redact"))

    due = command("due")
    due.add_argument(
        "--format", choices=["text", "json", "ics"], default="text", help=say("due_format")
    )
    due.add_argument(
        "--json", action="store_const", const="json", dest="format", help=say("due_json")
    )

    stats = command("stats")
    stats.add_argument("--json", action="store_true", help=say("stats_json"))

    doctor = command("doctor")
    doctor.add_argument("--salvage", metavar="NEW_PATH", help=say("salvage"))

    flow = command("flow")
    flow.add_argument(
        "--format", choices=["mermaid", "md"], default="mermaid", help=say("flow_format")
    )

    completion = command("completion")
    completion.add_argument("shell", choices=SHELLS, help=say("completion_shell"))
    return parser
