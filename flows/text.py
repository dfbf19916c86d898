"""Characters in stored text that could steer a terminal or reorder what is read: one list.

Text a person typed (or a file from elsewhere) is stored exactly, and made safe only where it is
shown: the screens, the command line's output, a calendar file.
"""

from __future__ import annotations

import re

# C0 and C1 control characters, but tab and newline: a terminal obeys them.
TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Those, and the bidirectional overrides that make text read differently from how it is stored.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every unsafe character shown as a visible escape (``\\x1b``, ``\\u202e``)."""
    return UNSAFE.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


def blanked(text: str) -> str:
    """``text`` with every unsafe character replaced by a space (for a calendar's plain text)."""
    return UNSAFE.sub(" ", text)


HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def has_hangul(text: str) -> bool:
    """Whether ``text`` holds Korean letters (which an English-reading agent cannot read)."""
    return HANGUL.search(text) is not None


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def markdown_escaped(text: str) -> str:
    """``text`` as Markdown that renders it as written (and with unsafe characters made visible)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", printable(text))
