"""Nobody here can open Amazon's site, so no text may say its labels were checked there: the only
first-hand word is the person's own, kept with their attempts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).parents[2]
CLAIMS = re.compile(
    r"last checked|verified|as amazon shows|amazon's english site shows|exactly as amazon"
    r"|compared with (the )?(live )?site|마지막 확인|확인된 화면|직접 확인했",
    re.IGNORECASE,
)
TEXTS = [
    *sorted((PROJECT / "flows" / "catalog").glob("*.toml")),
    *sorted((PROJECT / "flows" / "guidance").glob("*.toml")),
    *sorted((PROJECT / "flows").rglob("*.py")),
    *sorted((PROJECT / "tui").rglob("*.py")),
    PROJECT / "README.md",
]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(PROJECT)))
def test_no_text_claims_a_check_of_amazons_site(path):
    found = [
        f"{number}: {line.strip()}"
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if CLAIMS.search(line)
    ]
    assert not found, "\n".join(found)


def test_the_check_finds_a_claim():
    assert CLAIMS.search("Labels as last checked: 2026-11-26")
    assert CLAIMS.search("라벨 마지막 확인: 2026-11-26")
