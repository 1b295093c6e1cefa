"""Room codes and participant text, as typed by anyone: properties that hold for every input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from guide.workshop import rooms as ws

codes = st.text(alphabet=ws.CODE_ALPHABET, min_size=ws.CODE_LENGTH, max_size=ws.CODE_LENGTH)


@given(st.text(max_size=300))
def test_a_reason_is_one_short_line_whatever_is_typed(raw: str) -> None:
    out = ws.clean_reason(raw)
    assert len(out) <= ws.MAX_REASON_CHARS
    assert out == out.strip()
    assert all(ch.isprintable() for ch in out)  # no newlines, tabs, control or bidi-override characters
    assert "  " not in out


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_anything_that_is_not_a_code_is_refused(raw: str) -> None:
    code = ws.normalise_code(raw)
    if code is not None:
        assert len(code) == ws.CODE_LENGTH and set(code) <= set(ws.CODE_ALPHABET)


@given(codes)
def test_a_code_survives_the_projector_and_a_phone_keyboard(code: str) -> None:
    shown = ws.format_code(code)
    assert ws.normalise_code(shown) == code
    assert ws.normalise_code(shown.lower()) == code
    assert ws.normalise_code(f"  {shown.replace('-', ' ')} ") == code


def test_misreadable_characters_are_not_in_codes() -> None:
    assert not set("01OI") & set(ws.CODE_ALPHABET)
    assert ws.normalise_code("O" * ws.CODE_LENGTH) is None
    assert len(ws.CODE_ALPHABET) ** ws.CODE_LENGTH >= 2**50


def test_tokens_are_random_and_long() -> None:
    tokens = {ws.new_token() for _ in range(200)}
    assert len(tokens) == 200 and all(len(x) >= 24 for x in tokens)


def test_board_bars_read_on_a_projector() -> None:
    from guide.workshop.board import STRATEGY_COLORS, bars

    rows = [("KOL", 7, STRATEGY_COLORS["kol"]), ("KOC", 0, STRATEGY_COLORS["koc"])]
    spec, height = bars(rows, "Votes")
    bar, label = spec["layer"]
    assert bar["mark"]["type"] == "bar" and label["mark"]["type"] == "text"
    assert label["encoding"]["text"]["field"] == "count"  # the count is written at the end of every bar
    assert label["mark"]["fontSize"] >= 24 and bar["encoding"]["y"]["axis"]["labelFontSize"] >= 24
    assert [v["count"] for v in spec["data"]["values"]] == [7, 0]
    # KOL vermillion and KOC bluish green, as on every other chart (it was blue here once)
    assert [v["color"] for v in spec["data"]["values"]] == ["#D55E00", "#009E73"]
    assert height >= 2 * 60


def test_each_count_on_the_board_is_written_just_after_its_bar_not_over_it() -> None:
    """Rendered as the projector shows it: the vote count starts 10 px past the bar's end (mutation testing found
    that the count could be centred on the bar's end, half over the bar, without a test noticing)."""
    import re

    import vl_convert as vlc

    from guide.workshop.board import bars

    spec, _ = bars([("KOL", 3, "#D55E00"), ("KOC", 12, "#009E73")])
    spec["width"] = 400
    svg = vlc.vegalite_to_svg(spec)
    counts = re.findall(r'<text[^>]*text-anchor="(\w+)" transform="translate\(([\d.]+),[\d.]+\)"[^>]*>(\d+)</text>', svg)
    # 3 of a scale running to 12 x 1.18 = 14.16 on 400 px ends at 84.7 px; the count starts 10 px later.
    assert [(anchor, round(float(x)), text) for anchor, x, text in counts] == [("start", 95, "3"), ("start", 349, "12")]
    # two rows of 64 px each: the drawing is 128 px of bars plus its 10 px of padding, so the projector's bars are
    # thick enough to read from the back of the room (Vega-Lite's default would squeeze them into 58 px)
    assert re.search(r'<svg[^>]*height="([\d.]+)"', svg).group(1) == "138"
