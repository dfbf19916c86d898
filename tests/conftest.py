from datetime import datetime, timedelta, timezone

import pytest

SEOUL = timezone(timedelta(hours=9))


class FakeClock:
    """A clock that moves only when told to, one minute per reading by default."""

    def __init__(
        self,
        start: datetime = datetime(2026, 11, 26, 9, 0, tzinfo=SEOUL),
        step=timedelta(minutes=1),
    ):
        self.now = start
        self.step = step

    def __call__(self) -> datetime:
        self.now += self.step
        return self.now


class FrozenClock:
    """A clock that never moves: screens that show times and timers stay the same in snapshots."""

    def __init__(self, moment: datetime = datetime(2026, 11, 26, 10, 30, tzinfo=SEOUL)):
        self.now = moment

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
