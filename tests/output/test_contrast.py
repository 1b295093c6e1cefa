"""WCAG 2.x contrast, computed from the colour values themselves: the theme in .streamlit/config.toml and the
one palette in guide/output/palette.py, over every colour a chart, the board or a PDF draws. Text ≥ 4.5:1
(1.4.3), graphics ≥ 3:1 against white (1.4.11)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from guide.advice import charts
from guide.output import palette

THEME = tomllib.loads((Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text("utf-8"))["theme"]


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    assert len(h) == 6, hex_colour
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def luminance(c: tuple[int, int, int]) -> float:
    """WCAG relative luminance (sRGB)."""
    def lin(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(v) for v in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def over(fg: tuple[int, int, int], alpha: float, bg: tuple[int, int, int]) -> tuple[int, int, int]:
    """`fg` drawn at `alpha` opacity over `bg`."""
    r, g, b = (round(alpha * f + (1 - alpha) * k) for f, k in zip(fg, bg, strict=True))
    return r, g, b


WHITE = (255, 255, 255)


def test_the_formula_matches_known_pairs() -> None:
    assert ratio((0, 0, 0), WHITE) == pytest.approx(21.0)
    assert ratio(WHITE, WHITE) == pytest.approx(1.0)
    assert ratio(rgb("#767676"), WHITE) == pytest.approx(4.54, abs=0.01)  # the classic 4.5:1 grey
    assert ratio(rgb("#E69F00"), WHITE) < 3  # Okabe–Ito orange is too light for marks on white


def test_theme_text_on_both_backgrounds() -> None:
    text = rgb(THEME["textColor"])
    for bg in (THEME["backgroundColor"], THEME["secondaryBackgroundColor"]):
        assert ratio(text, rgb(bg)) >= 4.5, bg


def test_captions_are_readable() -> None:
    """Streamlit draws st.caption in the text colour at 60 % opacity (its fadedText60)."""
    text = rgb(THEME["textColor"])
    for bg in (THEME["backgroundColor"], THEME["secondaryBackgroundColor"]):
        assert ratio(over(text, 0.6, rgb(bg)), rgb(bg)) >= 4.5, bg


def test_primary_colour_as_text_and_as_a_button() -> None:
    primary = rgb(THEME["primaryColor"])
    assert ratio(primary, rgb(THEME["backgroundColor"])) >= 4.5  # links and active labels
    assert ratio(WHITE, primary) >= 4.5  # white text on a primary button


def test_chart_text_is_the_theme_text() -> None:
    assert charts.TEXT == THEME["textColor"]
    from guide.output.charts import config

    cfg = config("normal")
    for colour in (cfg["axis"]["labelColor"], cfg["axis"]["titleColor"], cfg["legend"]["labelColor"],
                   cfg["title"]["color"], cfg["text"]["color"], charts.HERE):
        assert ratio(rgb(colour), rgb(charts.BACKGROUND)) >= 4.5, colour


@pytest.mark.parametrize("name,colour", sorted(palette.marks().items()))
def test_every_mark_colour_reaches_3_to_1_on_white(name: str, colour: str) -> None:
    assert ratio(rgb(colour), WHITE) >= 3.0, name


def test_every_text_colour_reaches_4_5_to_1_on_white() -> None:
    from guide.workshop import board
    for colour in (palette.TEXT, board.TEXT, charts.TEXT, palette.HERE):
        assert ratio(rgb(colour), WHITE) >= 4.5, colour


def test_every_colour_in_use_comes_from_the_palette() -> None:
    """The charts, the results report, the shortlist chart, the board and the PDF greys draw only palette colours."""
    from guide.creators import charts as creator_charts
    from guide.output import pdf
    from guide.results import report
    from guide.workshop import board
    allowed = set(palette.marks().values()) | {palette.TEXT, palette.BACKGROUND, palette.GRID}
    used = {*charts.PALETTE_STRATEGY.values(), *charts.PALETTE_KIND.values(), charts.TEXT, charts.AXIS_LINE,
            *report.STATUS_COLORS.values(), report.ACTUAL, report.PLAN, *report.PHASE_FILL,
            creator_charts.PICKED, creator_charts.OTHER, *board.STRATEGY_COLORS.values(), board.TEXT,
            *(board.palette(i) for i in range(10)), *pdf.GREYS}
    assert used <= allowed, used - allowed


def test_one_colour_per_strategy_on_every_chart() -> None:
    """KOL is vermillion and influencer blue on the recommendation charts and on the workshop board alike."""
    from guide.workshop import board
    assert board.STRATEGY_COLORS == dict(charts.PALETTE_STRATEGY)
    assert board.STRATEGY_COLORS["kol"] == "#D55E00"
    assert board.STRATEGY_COLORS["influencer"] == "#0072B2"
    assert charts.PALETTE_KIND["kol"] == "#D55E00"
    assert len(set(palette.STRATEGY.values())) == len(palette.STRATEGY)


def test_the_board_series_colours_are_distinct() -> None:
    from guide.workshop import board
    assert len({board.palette(i) for i in range(len(palette.SERIES))}) == len(palette.SERIES)


def test_the_you_are_here_mark_stands_out_from_every_strategy_colour() -> None:
    for colour in charts.PALETTE_STRATEGY.values():
        assert ratio(rgb(charts.HERE), rgb(colour)) >= 3.0, colour
