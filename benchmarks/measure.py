"""Timing helpers: several runs, median and spread."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Figure:
    name: str
    runs: list[float]  # seconds, or bytes for memory figures
    unit: str = "ms"

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def spread(self) -> float:
        """Half the range of the runs, relative to the median; with ten runs or more, of the middle
        80 % (10th to 90th percentile), so one hiccup of the machine does not swamp the figure."""
        ordered = sorted(self.runs)
        if len(ordered) >= 10:
            cut = len(ordered) // 10
            ordered = ordered[cut : len(ordered) - cut]
        return (ordered[-1] - ordered[0]) / 2 / self.median if self.median else 0.0

    def shown(self) -> str:
        if self.unit == "MB":
            return f"{self.median / 2**20:8.1f} MB ±{self.spread:4.0%}"
        return f"{self.median * 1000:8.2f} ms ±{self.spread:4.0%}"


def timed(
    name: str, action: Callable[[], object], runs: int, *, setup: Callable[[], object] | None = None
) -> Figure:
    seconds = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - start)
    return Figure(name, seconds)
