"""CSV cells a spreadsheet would run as formulas are shown as text; the console's chart scale is round."""

from __future__ import annotations

import pytest

from bot.web.console.chart import bar_chart, nice_ceiling
from bot.web.console.downloads import safe_csv_rows


@pytest.mark.parametrize("cell", ["=1+1", "+33612345678", "-2", "@SUM(A1)", "\tcmd", "\rcmd", "=HYPERLINK(\"x\")"])
def test_formula_like_cells_are_prefixed_with_an_apostrophe(cell: str) -> None:
    assert list(safe_csv_rows([[cell]])) == [[f"'{cell}"]]


def test_other_cells_are_left_as_they_are() -> None:
    rows = [["P-1", "Ana María", "صالح", "a=b", "", None, 42, "LB-ABCDE-12345"]]
    assert list(safe_csv_rows(rows)) == [["P-1", "Ana María", "صالح", "a=b", "", "", 42, "LB-ABCDE-12345"]]


@pytest.mark.parametrize(("value", "ceiling"), [(0, 4), (3, 4), (5, 8), (9, 20), (21, 40), (41, 80), (101, 200)])
def test_the_chart_scale_ends_on_a_round_number(value: int, ceiling: int) -> None:
    assert nice_ceiling(value) == ceiling


def test_bars_grow_with_their_values_on_one_baseline() -> None:
    chart = bar_chart([0, 4, 8], ["a", "b", "c"])
    assert [bar.height for bar in chart.bars][0] == 0
    assert chart.bars[2].height == pytest.approx(2 * chart.bars[1].height)
    assert {round(bar.y + bar.height, 6) for bar in chart.bars} == {chart.baseline}
    assert [line.value for line in chart.grid] == [0, 2, 4, 6, 8]
