""" "Press again to go ahead": the one shape of every warning before losing something.

The first try warns and stops; a second try goes ahead; new work since the warning earns a
warning of its own. One instance per thing to warn about (leaving, starting a draft again...).
"""

from __future__ import annotations


class WarnOnce:
    def __init__(self) -> None:
        self._warned = False

    def should_warn(self, at_stake: bool) -> bool:
        """Whether to warn now (and stop): something is at stake and nobody has been told yet."""
        if at_stake and not self._warned:
            self._warned = True
            return True
        return False

    def rearm(self) -> None:
        """Something new is at stake: the next try warns again."""
        self._warned = False
