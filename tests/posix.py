"""Tests of what only POSIX systems have (FIFOs, mode bits, /dev/zero, links anyone may make):
skipped on Windows, each with its reason. (No Windows machine runs them here: the skip is
what keeps a run there honest rather than red for reasons that are not faults.)"""

from __future__ import annotations

import os

import pytest


def posix_only(why: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(os.name == "nt", reason=f"POSIX only: {why}")
