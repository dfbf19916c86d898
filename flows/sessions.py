"""The one live :class:`Session` of each attempt, for every screen that works on it.

Two sessions on one attempt in one app would each hold their own copy: the store would merge
their saves, but each screen would show only its own. So screens never build sessions; they ask
this registry, which hands out the same session for the same attempt every time.
"""

from __future__ import annotations

from typing import Any

from flows.attempt import Attempt, Clock, local_now
from flows.session import Session
from flows.store import Store


class Sessions:
    def __init__(self, store: Store, *, clock: Clock = local_now):
        self.store = store
        self.clock = clock
        self._live: list[Session] = []

    def open(self, attempt_id: int) -> Session:
        """The attempt's live session, brought up to date with the file; read from the store
        the first time (``StoreError`` if it cannot be)."""
        live = self._find(attempt_id)
        if live is None:
            return self._keep(Session.resume(self.store, attempt_id, clock=self.clock))
        live.catch_up()
        return live

    def of(self, attempt: Attempt) -> Session:
        """The live session of ``attempt`` (already read by the caller): kept from now on."""
        live = self._find(attempt.id)
        if live is not None:
            live.catch_up()
            return live
        return self._keep(Session(attempt, self.store, clock=self.clock))

    def begin(self, **details: Any) -> Session:
        """A new attempt (see :meth:`Session.begin`), saved, and kept live."""
        return self._keep(Session.begin(self.store, clock=self.clock, **details))

    def _find(self, attempt_id: int) -> Session | None:
        # By the attempt's number now: a save may have given it a new one.
        return next((s for s in self._live if s.attempt.id == attempt_id), None)

    def _keep(self, session: Session) -> Session:
        self._live.append(session)
        return session
