"""Charts drawn straight into a PDF with fpdf2's own vector primitives (lines, rectangles, polygons), in greys
and shapes that stay distinct on a black-and-white printer.

Why not vl-convert here: rendering a Vega-Lite spec to PNG starts a JavaScript engine, which took 0.63 s of
a cold 2.1 s Results PDF (cProfile, 2026-12-04); these charts take milliseconds and are sharper in print.
The page keeps its interactive Altair charts; the PDF draws the same frames (the same numbers) here.

Marks: the plan as a light-grey band, the actual as a black mark; statuses as shapes (circle, diamond,
triangle) in three greys, named in the legend, so no colour word is needed to read them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from guide.output.charts import round_step
from guide.output.pdf import FONT_FAMILY, Document

Shape = str  # "circle" | "diamond" | "triangle-down" | "square"
BLACK = (0, 0, 0)
DARK = (60, 60, 60)
MID = (130, 130, 130)
LIGHT = (205, 205, 205)
FAINT = (235, 235, 235)
LABEL_PT = 7.0
TITLE_PT = 9.0


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """About `n` round tick values covering [lo, hi] (1, 2, 2.5 or 5 × a power of ten apart, the screen charts'
    steps: guide.output.charts.round_step)."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        hi = lo + 1
    step = round_step((hi - lo) / max(n - 1, 1))
    start = math.floor(lo / step) * step
    out: list[float] = []
    v = start
    while (not out or out[-1] < hi) and len(out) < 20:
        out.append(round(v, 10))
        v += step
    return out


@dataclass
class Frame:
    """A plot area at (x, y) of size (w, h) in mm, mapping data ranges onto it."""

    doc: Document
    x: float
    y: float
    w: float
    h: float
    x_lo: float
    x_hi: float
    y_lo: float
    y_hi: float

    def px(self, v: float) -> float:
        return self.x + (v - self.x_lo) / (self.x_hi - self.x_lo or 1) * self.w

    def py(self, v: float) -> float:
        return self.y + self.h - (v - self.y_lo) / (self.y_hi - self.y_lo or 1) * self.h


def _text(doc: Document, x: float, y: float, text: str, size: float = LABEL_PT, align: str = "L",
          bold: bool = False) -> None:
    doc.set_font(FONT_FAMILY, "B" if bold else "", size)
    s = doc.printable(text)
    w = doc.get_string_width(s)
    if align == "R":
        x -= w
    elif align == "C":
        x -= w / 2
    doc.text(x, y, s)


def mark(doc: Document, x: float, y: float, shape: Shape, grey: tuple[int, int, int], r: float = 1.3) -> None:
    doc.set_fill_color(*grey)
    doc.set_draw_color(*BLACK)
    doc.set_line_width(0.15)
    if shape == "circle":
        doc.ellipse(x - r, y - r, 2 * r, 2 * r, style="DF")
    elif shape == "diamond":
        doc.polygon([(x, y - r * 1.3), (x + r * 1.3, y), (x, y + r * 1.3), (x - r * 1.3, y)], style="DF")
    elif shape == "triangle-down":
        doc.polygon([(x - r * 1.2, y - r), (x + r * 1.2, y - r), (x, y + r * 1.2)], style="DF")
    else:
        doc.rect(x - r, y - r, 2 * r, 2 * r, style="DF")


def _start(doc: Document, title: str, height: float) -> tuple[float, float]:
    """Room for a chart of `height` mm (a new page if needed), its title; returns the top-left of the plot."""
    if doc.get_y() + height + 12 > doc.h - doc.b_margin:
        doc.add_page()
    y0 = doc.get_y() + 1
    _text(doc, doc.l_margin, y0 + 3.5, title, TITLE_PT, bold=True)
    return doc.l_margin, y0 + 7


def _axes(f: Frame, x_ticks: Sequence[float], y_ticks: Sequence[float], fx: Callable[[float], str],
          fy: Callable[[float], str], x_title: str, y_title: str) -> None:
    doc = f.doc
    doc.set_draw_color(*LIGHT)
    doc.set_line_width(0.1)
    for v in y_ticks:
        yy = f.py(v)
        doc.line(f.x, yy, f.x + f.w, yy)
        _text(doc, f.x - 1.2, yy + 1.0, fy(v), align="R")
    for v in x_ticks:
        xx = f.px(v)
        _text(doc, xx, f.y + f.h + 3.5, fx(v), align="C")
    doc.set_draw_color(*BLACK)
    doc.set_line_width(0.25)
    doc.line(f.x, f.y + f.h, f.x + f.w, f.y + f.h)
    doc.line(f.x, f.y, f.x, f.y + f.h)
    if x_title:
        _text(doc, f.x + f.w / 2, f.y + f.h + 7.5, x_title, align="C")
    if y_title:
        _text(doc, f.x, f.y - 1.5, y_title)


Swatch = Callable[[float, float], None]


def box(doc: Document, grey: tuple[int, int, int], outline: bool = False) -> Swatch:
    """A legend swatch: a small filled square centred on (x, y)."""
    def draw(x: float, y: float) -> None:
        doc.set_fill_color(*grey)
        doc.set_draw_color(*MID)
        doc.rect(x - 1.5, y - 1.5, 3, 3, style="DF" if outline else "F")
    return draw


def shape_swatch(doc: Document, shape: Shape, grey: tuple[int, int, int], r: float = 1.1) -> Swatch:
    def draw(x: float, y: float) -> None:
        mark(doc, x, y, shape, grey, r)
    return draw


def _legend(doc: Document, x: float, y: float, items: Sequence[tuple[str, Swatch]]) -> float:
    """Legend entries in a row from (x, y); each draws its own swatch. Returns the y below it."""
    cx = x
    for label, swatch in items:
        doc.set_font(FONT_FAMILY, "", LABEL_PT)
        w = doc.get_string_width(doc.printable(label))
        if cx + w + 8 > doc.w - doc.r_margin:
            cx = x
            y += 4.5
        swatch(cx + 1.5, y - 1.0)
        _text(doc, cx + 4, y, label)
        cx += w + 10
    return y + 3


def range_bars(doc: Document, title: str, labels: Sequence[str], lows: Sequence[float | None],
               highs: Sequence[float | None], actuals: Sequence[float], fmt: Callable[[float], str],
               x_title: str, plan_label: str, actual_label: str) -> None:
    """One row per line: the planned range as a light band, the actual as a black diamond."""
    row_h = 7.0
    height = row_h * len(labels) + 20
    x0, y0 = _start(doc, title, height)
    doc.set_font(FONT_FAMILY, "", LABEL_PT)
    label_w = min(max((doc.get_string_width(doc.printable(s)) for s in labels), default=10) + 3, 60)
    values = [v for v in (*lows, *highs, *actuals) if v is not None]
    hi = max(values, default=1) or 1
    ticks = nice_ticks(0, hi)
    f = Frame(doc, x0 + label_w, y0 + 3, doc.content_width - label_w - 2, row_h * len(labels), 0, ticks[-1], 0, 1)
    _axes(f, ticks, [], fmt, lambda v: "", x_title, "")
    for i, label in enumerate(labels):
        cy = f.y + row_h * (i + 0.5)
        _text(doc, f.x - 1.5, cy + 1.0, label, align="R")
        lo, high = lows[i], highs[i]
        if lo is not None and high is not None:
            doc.set_fill_color(*LIGHT)
            doc.set_draw_color(*MID)
            doc.set_line_width(0.1)
            doc.rect(f.px(lo), cy - 2.2, max(f.px(high) - f.px(lo), 0.4), 4.4, style="DF")
        mark(doc, f.px(actuals[i]), cy, "diamond", BLACK, 1.2)
    y = _legend(doc, f.x, f.y + f.h + 12, [(plan_label, box(doc, LIGHT)),
                                            (actual_label, shape_swatch(doc, "diamond", BLACK))])
    doc.set_xy(doc.l_margin, y + 2)
    doc.set_font(FONT_FAMILY, "", 10)


def scatter(doc: Document, title: str, xs: Sequence[float], ys: Sequence[float], groups: Sequence[str],
            styles: dict[str, tuple[str, Shape, tuple[int, int, int]]], fx: Callable[[float], str],
            fy: Callable[[float], str], x_title: str, y_title: str, height: float = 62) -> None:
    """Dots at (x, y), one style (legend label, shape, grey) per group key."""
    x0, y0 = _start(doc, title, height + 18)
    xt = nice_ticks(0, max(xs, default=1) or 1)
    yt = nice_ticks(0, max(ys, default=1) or 1)
    doc.set_font(FONT_FAMILY, "", LABEL_PT)
    yw = max((doc.get_string_width(fy(v)) for v in yt), default=8) + 3
    f = Frame(doc, x0 + yw, y0 + 4, doc.content_width - yw - 4, height, 0, xt[-1], 0, yt[-1])
    _axes(f, xt, yt, fx, fy, x_title, y_title)
    for x, y, g in zip(xs, ys, groups, strict=True):
        _, shape, grey = styles[g]
        mark(doc, f.px(x), f.py(y), shape, grey)
    present = [g for g in styles if g in set(groups)]
    y = _legend(doc, f.x, f.y + f.h + 12,
                [(styles[g][0], shape_swatch(doc, styles[g][1], styles[g][2])) for g in present])
    doc.set_xy(doc.l_margin, y + 2)
    doc.set_font(FONT_FAMILY, "", 10)


def band_line(doc: Document, title: str, xs: Sequence[float], actual: Sequence[float],
              lows: Sequence[float] | None, highs: Sequence[float] | None,
              phases: Sequence[tuple[float, float, str]], fx: Callable[[float], str], fy: Callable[[float], str],
              x_title: str, y_title: str, plan_label: str, actual_label: str, height: float = 55) -> None:
    """A cumulative line (black, with points) over the planned band (light grey), phases as faint strips."""
    x0, y0 = _start(doc, title, height + 22)
    values = [*actual, *(highs or [])]
    yt = nice_ticks(0, max(values, default=1) or 1)
    x_lo = min([*xs, *(p[0] for p in phases)], default=0)
    x_hi = max([*xs, *(p[1] for p in phases)], default=1)
    doc.set_font(FONT_FAMILY, "", LABEL_PT)
    yw = max((doc.get_string_width(fy(v)) for v in yt), default=8) + 3
    f = Frame(doc, x0 + yw, y0 + 4, doc.content_width - yw - 4, height, x_lo - 0.5, x_hi + 0.5, 0, yt[-1])
    for i, (s, e, _) in enumerate(phases):
        doc.set_fill_color(*(FAINT if i % 2 == 0 else (222, 222, 222)))
        doc.rect(f.px(s), f.y, f.px(e) - f.px(s), f.h, style="F")
    xt = [float(w) for w in range(math.ceil(x_lo), math.floor(x_hi) + 1)]
    if len(xt) > 14:
        xt = xt[:: math.ceil(len(xt) / 14)]
    _axes(f, xt, yt, fx, fy, x_title, y_title)
    if lows is not None and highs is not None and xs:
        pts = [(f.px(x), f.py(v)) for x, v in zip(xs, highs, strict=True)]
        pts += [(f.px(x), f.py(v)) for x, v in reversed(list(zip(xs, lows, strict=True)))]
        doc.set_fill_color(*LIGHT)
        doc.polygon(pts, style="F")
    doc.set_draw_color(*BLACK)
    doc.set_line_width(0.6)
    line = [(f.px(x), f.py(v)) for x, v in zip(xs, actual, strict=True)]
    if len(line) > 1:
        doc.polyline(line)
    for x, y in line:
        mark(doc, x, y, "circle", BLACK, 0.9)
    items: list[tuple[str, Swatch]] = []
    if lows is not None:
        items.append((plan_label, box(doc, LIGHT)))
    items.append((actual_label, shape_swatch(doc, "circle", BLACK, 0.9)))
    items += [(p[2], box(doc, FAINT if i % 2 == 0 else (222, 222, 222), outline=True)) for i, p in enumerate(phases)]
    y = _legend(doc, f.x, f.y + f.h + 12, items)
    doc.set_xy(doc.l_margin, y + 2)
    doc.set_font(FONT_FAMILY, "", 10)
