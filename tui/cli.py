"""The ``amazon-contact`` command."""

from __future__ import annotations

import argparse
import sys

DESCRIPTION = (
    "Walks you step by step through getting Amazon customer service to fix a problem with an "
    "order, and remembers every step, agent and case number."
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="amazon-contact", description=DESCRIPTION)
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="the data file to use (default: $AMAZON_CONTACT_DB, else your user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    flow = commands.add_parser("flow", help="print the contact process as a diagram")
    flow.add_argument("--format", choices=["mermaid", "md"], default="mermaid")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "flow":
        from flows.amazon import AmazonContact

        print(format(AmazonContact(), args.format))
        return 0
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
