"""Shared PDF machinery (fpdf2): A4 documents that print legibly in black and white.

- An embedded Unicode TrueType font shipped in data/fonts/ (DejaVu Sans, with its licence), so Indonesian
  text, "Rp", dashes and quotes render on any machine.
- Headings, paragraphs and bullet lists of plain text: nothing is read as markup, whatever the user typed.
- Tables with a header row (repeated on every page) and an optional bold totals row.
- A footer with the document's name and "page n of N" on every page.
- `chart_png`: a Vega-Lite spec (e.g. `guide.advice.charts.*(...).to_dict()`) rendered to PNG by vl-convert, with
  no browser, recoloured in greys so the marks stay distinct on a black-and-white printer.

Nothing here reads the text catalogs: callers pass the words; only the footer's "page n of N" is built in
(Indonesian and English), so the module can be shared unchanged.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from fpdf import FPDF
from fpdf.fonts import FontFace, TTFFont

from guide.output.palette import PRINT_GREYS
from guide.text.i18n import t

FONT_DIR = Path(__file__).resolve().parents[2] / "data" / "fonts"
FONT_FAMILY = "DejaVu"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
Align = Literal["L", "R", "C"]

BODY_PT = 10.0
SMALL_PT = 8.0
HEADING_PT = {1: 17.0, 2: 13.0, 3: 11.0}
_PAGE_LABEL = {"id": "Halaman {page} dari {pages}", "en": "Page {page} of {pages}"}
# Greys a black-and-white printer keeps apart, darkest first (each a distinct step of lightness).
GREYS = PRINT_GREYS  # guide/output/palette.py
MISSING = "□"  # U+25A1, in the shipped font: stands for a character the font cannot print
# Arabic, Syriac, Thaana, Hebrew and their presentation forms: letters that join or run right to left.
_NEEDS_SHAPING = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


class PdfError(ValueError):
    """A chart or document could not be produced; the message says which part."""


def plain(text: object) -> str:
    """Text as it will be printed: control and direction-override characters dropped, tabs as spaces."""
    s = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _CONTROL.sub("", s)


class Document(FPDF):
    """An A4 portrait document in millimetres with the shipped font and a page-number footer."""

    def __init__(self, title: str, lang: str = "id", footer: str = "Panduan Strategi Kreator") -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.doc_lang = "en" if lang == "en" else "id"
        self.footer_text = plain(footer)
        for style, name in FONT_FILES.items():
            path = FONT_DIR / name
            if not path.is_file():
                raise PdfError(f"font file missing: {path}")
            self.add_font(FONT_FAMILY, style, str(path))
        self.set_title(plain(title))
        self.set_creator("Panduan Strategi Kreator")
        self.set_lang("id-ID" if self.doc_lang == "id" else "en")
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(auto=True, margin=18)
        self.set_text_color(0, 0, 0)
        self.set_draw_color(0, 0, 0)
        self.add_page()
        self.set_font(FONT_FAMILY, "", BODY_PT)
        # Characters the font has; anything else (CJK, emoji) prints as MISSING, and the page says what the
        # box stands for (never "?", which reads as part of the name).
        font = self.fonts[FONT_FAMILY.lower()]
        self._glyphs: frozenset[int] = frozenset(font.cmap) if isinstance(font, TTFFont) else frozenset()
        self._replaced_on_page = False

    # fpdf2 calls footer() on every page.
    def footer(self) -> None:
        if self._replaced_on_page:
            self._replaced_on_page = False
            self.set_y(-18)
            self.set_font(FONT_FAMILY, "", SMALL_PT)
            self.multi_cell(0, 3.5, t(self.doc_lang, "pdf.missing_glyph_note", box=MISSING), align="L")
        self.set_y(-12)
        self.set_font(FONT_FAMILY, "", SMALL_PT)
        self.set_text_color(60, 60, 60)
        self.cell(0, 5, self.footer_text, align="L")
        self.set_x(self.l_margin)
        label = _PAGE_LABEL[self.doc_lang].format(page=self.page_no(), pages=self.alias_nb_pages_str())
        self.cell(0, 5, label, align="R")
        self.set_text_color(0, 0, 0)

    def alias_nb_pages_str(self) -> str:
        return str(self.str_alias_nb_pages)

    @property
    def content_width(self) -> float:
        return float(self.w - self.l_margin - self.r_margin)

    def printable(self, text: object) -> str:
        """The text as this font can print it: Arabic and other joined right-to-left scripts switch on fpdf2's
        text shaping (uharfbuzz: joined letters, right to left); a character the font lacks becomes MISSING
        and the page gets a note saying so."""
        out = []
        for ch in plain(text):
            if ord(ch) in self._glyphs or ch == "\n":
                out.append(ch)
            else:
                out.append(MISSING)
                self._replaced_on_page = True
        shown = "".join(out)
        if not self.text_shaping and _NEEDS_SHAPING.search(shown):
            self.set_text_shaping(True)
        return shown

    def heading(self, text: str, level: int = 1) -> None:
        size = HEADING_PT.get(level, HEADING_PT[3])
        if self.get_y() > self.h - 40:  # never leave a heading alone at the foot of a page
            self.add_page()
        self.ln(2 if level > 1 else 0)
        self.set_font(FONT_FAMILY, "B", size)
        self.multi_cell(0, size * 0.5, self.printable(text), new_x="LMARGIN", new_y="NEXT")
        if level == 1:
            self.set_line_width(0.4)
            self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
            self.ln(3)
        else:
            self.ln(1)
        self.set_font(FONT_FAMILY, "", BODY_PT)

    def paragraph(self, text: str, size: float = BODY_PT, bold: bool = False) -> None:
        self.set_font(FONT_FAMILY, "B" if bold else "", size)
        self.multi_cell(0, size * 0.5, self.printable(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)
        self.set_font(FONT_FAMILY, "", BODY_PT)

    def bullets(self, items: Sequence[str], size: float = BODY_PT, numbered: bool = False) -> None:
        self.set_font(FONT_FAMILY, "", size)
        indent = 6.0
        for i, item in enumerate(items, 1):
            mark = f"{i}." if numbered else "•"
            y = self.get_y()
            self.cell(indent, size * 0.5, mark)
            self.set_xy(self.l_margin + indent, y)
            self.multi_cell(self.content_width - indent, size * 0.5, self.printable(item),
                            new_x="LMARGIN", new_y="NEXT")
            self.ln(0.8)
        self.ln(1)

    def key_values(self, pairs: Sequence[tuple[str, str]], size: float = BODY_PT) -> None:
        """Label: value lines (the label in bold)."""
        for label, value in pairs:
            self.set_font(FONT_FAMILY, "B", size)
            self.write(size * 0.5, self.printable(label) + ": ")
            self.set_font(FONT_FAMILY, "", size)
            self.write(size * 0.5, self.printable(value))
            self.ln(size * 0.55)
        self.ln(1)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[object]],  # type: ignore[override]
              totals: Sequence[object] | None = None, align: Sequence[Align] | None = None,
              widths: Sequence[float] | None = None, size: float = 8.5) -> None:
        """A table: bold header row (repeated after a page break), plain rows, an optional bold totals row.

        `align` per column ("L", "R", "C"; numbers usually "R"); `widths` are relative column widths.
        """
        n = len(header)
        for r in (*rows, *([totals] if totals is not None else [])):
            if len(r) != n:
                raise PdfError(f"table row has {len(r)} cells, the header has {n}")
        aligns = tuple(align) if align is not None else ("L",) * n
        self.set_font(FONT_FAMILY, "", size)
        bold = FontFace(emphasis="BOLD", fill_color=(225, 225, 225))
        total_face = FontFace(emphasis="BOLD", fill_color=(240, 240, 240))
        with super().table(col_widths=tuple(widths) if widths else None, text_align=aligns,
                           headings_style=bold, line_height=size * 0.55, padding=1.2,
                           width=self.content_width, repeat_headings=1) as tbl:
            head = tbl.row()
            for h in header:
                head.cell(self.printable(h))
            for r in rows:
                row = tbl.row()
                for v in r:
                    row.cell(self.printable(v))
            if totals is not None:
                row = tbl.row()
                for v in totals:
                    row.cell(self.printable(v), style=total_face)
        self.ln(3)
        self.set_font(FONT_FAMILY, "", BODY_PT)

    def image_png(self, png: bytes, width_mm: float | None = None) -> None:
        """A PNG (e.g. from `chart_png`) at `width_mm` (default: the text width), on a new page if needed."""
        import io

        from PIL import Image

        with Image.open(io.BytesIO(png)) as im:
            px_w, px_h = im.size
        w = min(width_mm or self.content_width, self.content_width)
        h = w * px_h / max(px_w, 1)
        if self.get_y() + h > self.h - self.b_margin:
            self.add_page()
        self.image(io.BytesIO(png), x=self.l_margin, w=w, h=h)
        self.ln(2)

    def image_row(self, pngs: Sequence[bytes], gap_mm: float = 4.0, columns: int | None = None) -> None:
        """PNGs side by side across the text width in `columns` equal columns (default: one per image),
        on a new page if they do not fit."""
        import io

        from PIL import Image

        if not pngs:
            return
        cols = max(columns or len(pngs), len(pngs))
        w = (self.content_width - gap_mm * (cols - 1)) / cols
        heights = []
        for png in pngs:
            with Image.open(io.BytesIO(png)) as im:
                heights.append(w * im.size[1] / max(im.size[0], 1))
        if self.get_y() + max(heights) > self.h - self.b_margin:
            self.add_page()
        y = self.get_y()
        for i, png in enumerate(pngs):
            self.image(io.BytesIO(png), x=self.l_margin + i * (w + gap_mm), y=y, w=w, h=heights[i])
        self.set_y(y + max(heights) + 2)

    def to_bytes(self) -> bytes:
        return bytes(self.output())


def _fixed_width(node: Any, width: int) -> Any:
    """`width: "container"` needs a browser; give such views a fixed width in pixels."""
    if isinstance(node, dict):
        out = {k: _fixed_width(v, width) for k, v in node.items()}
        if out.get("width") == "container":
            out["width"] = width
        return out
    if isinstance(node, list):
        return [_fixed_width(v, width) for v in node]
    return node


def _to_greys(node: Any, mapping: dict[str, str]) -> Any:
    """Each distinct colour in the spec becomes a distinct grey, in order of first appearance."""
    if isinstance(node, dict):
        return {k: _to_greys(v, mapping) for k, v in node.items()}
    if isinstance(node, list):
        return [_to_greys(v, mapping) for v in node]
    if isinstance(node, str) and _HEX.match(node):
        key = node.lower()
        if key not in mapping:
            mapping[key] = GREYS[len(mapping) % len(GREYS)]
        return mapping[key]
    return node


def print_spec(spec: dict[str, Any], width: int = 520, greys: bool = True) -> dict[str, Any]:
    """The spec as it is printed: fixed width, white background, black text, greys instead of colours."""
    out: dict[str, Any] = _fixed_width(copy.deepcopy(spec), width)
    if greys:
        out = _to_greys(out, {})
    config = dict(out.get("config") or {})
    config["background"] = "#FFFFFF"
    config["font"] = "DejaVu Sans"
    for part in ("axis", "legend", "title", "header"):
        sub = dict(config.get(part) or {})
        colour_keys = {"axis": ("labelColor", "titleColor", "domainColor", "tickColor"),
                       "legend": ("labelColor", "titleColor"), "title": ("color", "subtitleColor"),
                       "header": ("labelColor", "titleColor")}[part]
        for key in colour_keys:
            sub[key] = "#000000"
        config[part] = sub
    config["text"] = {**dict(config.get("text") or {}), "color": "#000000"}
    out["config"] = config
    return out


_FONTS_REGISTERED = False


def _register_fonts() -> None:
    global _FONTS_REGISTERED
    if not _FONTS_REGISTERED:
        import vl_convert as vlc

        vlc.register_font_directory(str(FONT_DIR))
        _FONTS_REGISTERED = True


def chart_png(spec: dict[str, Any], scale: float = 2.0, width: int = 520, greys: bool = True) -> bytes:
    """Render a Vega-Lite spec to PNG bytes with vl-convert (no browser), ready for `Document.image_png`."""
    import vl_convert as vlc

    _register_fonts()
    try:
        png = vlc.vegalite_to_png(print_spec(spec, width=width, greys=greys), scale=scale)
    except Exception as e:  # vl-convert raises plain ValueError/RuntimeError with the Vega message
        raise PdfError(f"chart could not be rendered: {str(e).splitlines()[0][:200]}") from None
    return bytes(png)
