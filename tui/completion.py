"""``amazon-contact completion SHELL``: a script that completes the command's words in a shell.

Written by shtab from the very parser that reads the command line, so it cannot drift from it;
the script is static (the shell runs no Python to complete), and shtab is imported only here,
never on the way to ``due`` in a shell prompt.
"""

from __future__ import annotations

import argparse

import shtab

from flows.words import Words
from tui.cli_parser import PROG, build_parser

# Options that take a path: the shell offers files for them.
_PATH_OPTIONS = ("db", "salvage")


def completion_script(shell: str, words: Words) -> str:
    """The completion script for ``shell``, with each command's help in ``words``' language."""
    parser = build_parser(words)
    for each in _parsers(parser):
        for action in each._actions:
            if action.dest in _PATH_OPTIONS:
                action.complete = shtab.FILE  # type: ignore[attr-defined]  # shtab's own hook
    return shtab.complete(parser, shell=shell, root_prefix=PROG.replace("-", "_"))


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """The parser and every command's (argparse keeps them in its subparsers action)."""
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.extend(action.choices.values())
    return found
