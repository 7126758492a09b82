"""A bar chart drawn on the server as SVG: no script, no chart library, nothing fetched from the internet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 40, 8, 16, 28
GRID_LINES = 4


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    label: str
    label_x: float


@dataclass(frozen=True, slots=True)
class GridLine:
    y: float
    value: int


@dataclass(frozen=True, slots=True)
class BarChart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    grid: tuple[GridLine, ...]
    plot_left: int
    plot_right: int
    baseline: float


def nice_ceiling(value: int, steps: int = GRID_LINES) -> int:
    """The smallest round maximum (a multiple of 1, 2 or 5 × 10ⁿ per step) that holds value."""
    if value <= steps:
        return steps
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if step * steps >= value:
                return step * steps
        magnitude *= 10


def bar_chart(values: Sequence[int], labels: Sequence[str]) -> BarChart:
    """Geometry for one bar per value, left to right, with a labelled grid of round numbers."""
    top = nice_ceiling(max(values, default=0))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / max(1, len(values))
    baseline = TOP + plot_height
    bars = tuple(
        Bar(x=LEFT + i * slot + slot * 0.15, y=baseline - value / top * plot_height, width=slot * 0.7,
            height=value / top * plot_height, value=value, label=label, label_x=LEFT + i * slot + slot / 2)
        for i, (value, label) in enumerate(zip(values, labels, strict=True))
    )
    grid = tuple(GridLine(baseline - step / GRID_LINES * plot_height, top * step // GRID_LINES)
                 for step in range(GRID_LINES + 1))
    return BarChart(WIDTH, HEIGHT, bars, grid, LEFT, WIDTH - RIGHT, baseline)
