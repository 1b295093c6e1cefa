"""The product's one palette: every colour a chart, the workshop board or a PDF draws comes from here.

Okabe & Ito (2008), "Color Universal Design": hues told apart with the common colour-vision deficiencies. Each
colour has one meaning everywhere: vermillion is KOL, blue is influencer (its tiers are shades of that blue,
lighter = smaller), bluish green is KOC, reddish purple is the combination. Okabe–Ito orange, sky blue and yellow
fall below 3:1 on white, so where a chart needs them they are darkened to the same hue until they reach it.
Marks are ≥ 3:1 on white (WCAG 1.4.11), text ≥ 4.5:1 (1.4.3); tests/output/test_contrast.py checks every one.
"""

from __future__ import annotations

from collections.abc import Mapping

# The published Okabe–Ito values (for reference; only the ones that reach 3:1 on white are used as they are).
OKABE_ITO: Mapping[str, str] = {
    "black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7",
}
# The same hues darkened until they reach 3:1 on white.
DARK_ORANGE = "#A35E00"
DARK_SKY_BLUE = "#2B82BD"
DARK_YELLOW = "#8A7A00"

STRATEGY: Mapping[str, str] = {
    "kol": OKABE_ITO["vermillion"],
    "influencer": OKABE_ITO["blue"],
    "koc": OKABE_ITO["bluish_green"],
    "combined": OKABE_ITO["reddish_purple"],
}
# Influencer tiers: Okabe–Ito blue for micro (the usual tier), lighter for nano, darker for the bigger tiers.
KIND: Mapping[str, str] = {
    "kol": STRATEGY["kol"],
    "nano": "#3D87C4",
    "micro": STRATEGY["influencer"],
    "mid": "#005D92",
    "macro": "#004A75",
    "mega": "#003554",
    "koc": STRATEGY["koc"],
}
# Results: each creator's verdict (shape tells them apart too), the actual line and the plan's band.
STATUS: Mapping[str, str] = {"keep": OKABE_ITO["bluish_green"], "review": DARK_ORANGE, "drop": OKABE_ITO["vermillion"]}
ACTUAL = OKABE_ITO["blue"]
PLAN = "#767676"
# The campaign's phases on the results timeline (drawn as light backgrounds; the legend swatch is the colour).
PHASES: tuple[str, ...] = (DARK_SKY_BLUE, DARK_YELLOW, OKABE_ITO["reddish_purple"], DARK_ORANGE)
# The shortlist chart: picked creators solid in the theme's primary colour, the others outlined in grey.
PICKED = "#0B6E69"
NOT_PICKED = "#767676"
# Any other categorical series (the workshop board's goals and budgets), in order.
SERIES: tuple[str, ...] = (OKABE_ITO["blue"], OKABE_ITO["vermillion"], OKABE_ITO["bluish_green"],
                           OKABE_ITO["reddish_purple"], DARK_ORANGE, DARK_SKY_BLUE, DARK_YELLOW)

TEXT = "#0E1615"  # the theme's textColor (.streamlit/config.toml)
BACKGROUND = "#FFFFFF"
AXIS_LINE = "#4A5654"
GRID = "#D5DCDB"  # grid lines are decoration, not information (not held to 3:1)
HERE = "#000000"  # the "you are here" mark
# A chart in a PDF is printed in greys (distinct on a black-and-white printer), darkest first.
PRINT_GREYS: tuple[str, ...] = ("#1F1F1F", "#7A7A7A", "#4D4D4D", "#949494", "#363636", "#636363")


def series(i: int) -> str:
    """The i-th colour of a categorical series (cycling)."""
    return SERIES[i % len(SERIES)]


def marks() -> dict[str, str]:
    """Every colour drawn as a mark (bar, point, line, swatch), by name: each must reach 3:1 on white."""
    named = {**{f"strategy.{k}": v for k, v in STRATEGY.items()}, **{f"kind.{k}": v for k, v in KIND.items()},
             **{f"status.{k}": v for k, v in STATUS.items()},
             **{f"phase.{i}": v for i, v in enumerate(PHASES)}, **{f"series.{i}": v for i, v in enumerate(SERIES)},
             **{f"print.{i}": v for i, v in enumerate(PRINT_GREYS)}}
    named.update(actual=ACTUAL, plan=PLAN, picked=PICKED, not_picked=NOT_PICKED, axis=AXIS_LINE, here=HERE)
    return named
