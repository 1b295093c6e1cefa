"""Reports to forward: the recommendation as a PDF one-pager, the shortlist and briefs as a PDF, and the plan
and shortlist as an Excel workbook with rupiah number formats and a totals row.

PDFs are built with guide.output.pdf (fpdf2, embedded DejaVu font, A4, black-and-white legible); charts are the
Vega-Lite specs of guide.advice.charts rendered to PNG by vl-convert (no browser). All text is plain.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pandas as pd

from guide.advice.assumptions import figure_changes
from guide.advice.knowledge import Figures, knowledge
from guide.advice.models import Recommendation
from guide.creators.briefs import CreatorBrief
from guide.creators.shortlist import Shortlist
from guide.output.pdf import Document, PdfError, chart_png
from guide.text.i18n import fmt_decimal, fmt_idr, fmt_int, fmt_pct, fmt_range, t

IDR_FORMAT = '"Rp" #,##0'  # Excel shows the grouping of the user's locale: Rp 50.000.000 under Indonesian settings
PCT_FORMAT = "0.00"


def _brief_pairs(rec: Recommendation, lang: str) -> list[tuple[str, str]]:
    b = rec.brief
    pairs = [(t(lang, "field.goal"), t(lang, f"goal.{b.goal}"))]
    if b.secondary_goal:
        pairs.append((t(lang, "field.secondary_goal"), t(lang, f"goal.{b.secondary_goal}")))
    pairs += [
        (t(lang, "field.budget_idr"), fmt_idr(b.budget_idr, lang)),
        (t(lang, "field.audience"), t(lang, f"audience.{b.audience}")),
        (t(lang, "field.industry"), t(lang, f"industry.{b.industry}")),
    ]
    if b.platforms:
        pairs.append((t(lang, "field.platforms"), ", ".join(t(lang, f"platform.{p}") for p in b.platforms)))
    if b.content:
        pairs.append((t(lang, "field.content"), t(lang, f"content.{b.content}")))
    pairs.append((t(lang, "field.duration_weeks"), str(b.duration_weeks)))
    pairs.append((t(lang, "field.brand_stage"), t(lang, f"brand_stage.{b.brand_stage}")))
    if b.product_value_idr:
        pairs.append((t(lang, "field.product_value_idr"), fmt_idr(b.product_value_idr, lang)))
    return pairs


def brief_in_words(rec: Recommendation, lang: str) -> str:
    b = rec.brief
    platforms = ", ".join(t(lang, f"platform.{p}") for p in b.platforms) or t(lang, "creators.report.any_platform")
    return t(lang, "creators.report.brief_words", goal=t(lang, f"goal.{b.goal}").lower(),
             budget=fmt_idr(b.budget_idr, lang), audience=t(lang, f"audience.{b.audience}").lower(),
             industry=t(lang, f"industry.{b.industry}"), platforms=platforms, weeks=b.duration_weeks)


def plan_table(rec: Recommendation, lang: str) -> tuple[list[str], list[list[str]], list[str]]:
    header = [t(lang, "plan.phase"), t(lang, "plan.kind"), t(lang, "plan.count"), t(lang, "plan.unit_cost"),
              t(lang, "plan.cost"), t(lang, "plan.reach"), t(lang, "plan.engagements"), t(lang, "plan.weeks")]
    rows = [[str(ln.phase), t(lang, f"kind.{ln.kind}"), fmt_int(ln.count, lang), fmt_idr(ln.unit_cost_idr, lang),
             fmt_idr(ln.cost_idr, lang), fmt_range(ln.reach.low, ln.reach.high, lang),
             fmt_range(ln.engagements.low, ln.engagements.high, lang), f"{ln.start_week}–{ln.end_week}"]
            for ln in rec.plan]
    reach = (sum(ln.reach.low for ln in rec.plan), sum(ln.reach.high for ln in rec.plan))
    eng = (sum(ln.engagements.low for ln in rec.plan), sum(ln.engagements.high for ln in rec.plan))
    totals = [t(lang, "plan.total"), "", fmt_int(sum(ln.count for ln in rec.plan), lang), "",
              fmt_idr(rec.total_cost_idr, lang), fmt_range(*reach, lang), fmt_range(*eng, lang), ""]
    return header, rows, totals


def edited_assumptions(figures: Figures | None, lang: str) -> list[str]:
    """Each figure the user changed, as 'kind — column: shipped → edited' (guide.advice.assumptions.figure_changes,
    the one definition the Recommendation page uses too)."""
    return figure_changes(knowledge().figures, figures, lang)


def source_titles(rec: Recommendation, extra: Sequence[str] = ()) -> list[str]:
    """Titles of every source the recommendation cites (reasons, warnings, plan figures), in first-use order."""
    k = knowledge()
    ids: list[str] = []
    for r in rec.reasons:
        ids.append(r.source.id)
    for w in rec.warnings:
        if w.source:
            ids.append(w.source.id)
    for ln in rec.plan:
        for basis in ln.basis:
            ids.append(basis.split(":", 1)[1])
    ids.extend(extra)
    known = k.sources.ids()
    seen: dict[str, None] = {}
    for sid in ids:
        if sid in known:
            seen.setdefault(sid, None)
    out = []
    for sid in seen:
        src = k.sources.get(sid)
        out.append(f"{src.title(rec.lang)} — {src.publisher}" + (f" ({src.url})" if src.url else ""))
    return out


def _chart(doc: Document, spec: dict[str, Any], width_mm: float | None = None) -> None:
    try:
        doc.image_png(chart_png(spec, scale=2.0), width_mm=width_mm)
    except PdfError:
        doc.paragraph("[chart]")


def recommendation_pdf(rec: Recommendation, lang: str, figures_edited: Figures | None = None,
                       charts: bool = True, appendix: bool = False) -> bytes:
    """The recommendation for a boss: one A4 page (guide.reports.onepage), and an appendix (every reason and
    warning, edited assumptions, charts, next steps, full sources) only when `appendix` is asked for."""
    from guide.reports.onepage import one_page_pdf

    return one_page_pdf(rec, lang, figures_edited=figures_edited, appendix=appendix, charts=charts)


def shortlist_rows(s: Shortlist, lang: str) -> tuple[list[str], list[list[str]], list[str]]:
    header = [t(lang, "creators.col.name"), t(lang, "creators.col.handle"), t(lang, "creators.col.platform"),
              t(lang, "plan.kind"), t(lang, "creators.col.followers"), "ER", t(lang, "creators.col.fee_idr"),
              t(lang, f"creators.report.value_{s.objective}")]
    rows = []
    for p in s.selected:
        fee = fmt_idr(p.fee_idr, lang) + (" *" if p.fee_estimated else "")
        value = p.expected_reach if s.objective == "reach" else p.expected_engagements
        rows.append([p.name, "@" + p.handle if p.handle else "", t(lang, f"platform.{p.platform}"),
                     t(lang, f"kind.{p.line_kind}"), fmt_int(p.followers, lang), fmt_pct(p.engagement_rate, lang, 2),
                     fee, fmt_int(value, lang)])
    totals = [t(lang, "plan.total"), "", "", fmt_int(len(s.selected), lang), "", "", fmt_idr(s.total_fee_idr, lang),
              fmt_int(s.total_value, lang)]
    return header, rows, totals


def shortlist_pdf(rec: Recommendation, s: Shortlist, briefs: Sequence[CreatorBrief], lang: str,
                  chart_spec: dict[str, Any] | None = None) -> bytes:
    """The shortlist (per line, the picks with totals, what is missing) and then one brief per page."""
    b = rec.brief
    title = t(lang, "creators.report.shortlist_title") + (f": {b.name}" if b.name else "")
    doc = Document(title, lang)
    doc.heading(title, 1)
    doc.paragraph(brief_in_words(rec, lang), size=9)
    doc.paragraph(s.message)
    if s.lines:
        doc.table([t(lang, "plan.kind"), t(lang, "creators.report.planned"), t(lang, "creators.report.filled"),
                   t(lang, "plan.cost"), t(lang, "creators.report.spent")],
                  [[t(lang, f"kind.{ln.kind}"), fmt_int(ln.planned, lang), fmt_int(ln.filled, lang),
                    fmt_idr(ln.planned_cost_idr, lang), fmt_idr(ln.cost_idr, lang)] for ln in s.lines],
                  totals=[t(lang, "plan.total"), fmt_int(sum(ln.planned for ln in s.lines), lang),
                          fmt_int(len(s.selected), lang), fmt_idr(rec.total_cost_idr, lang),
                          fmt_idr(s.total_fee_idr, lang)],
                  align=["L", "R", "R", "R", "R"])
    if s.selected:
        header, rows, totals = shortlist_rows(s, lang)
        doc.table(header, rows, totals=totals, align=["L", "L", "L", "L", "R", "R", "R", "R"],
                  widths=[21, 29, 13, 20, 12, 9, 20, 13], size=7.5)
        if any(p.fee_estimated for p in s.selected):
            doc.paragraph(t(lang, "creators.report.estimated_note"), size=8)
    missing = [ln for ln in s.lines if ln.missing > 0]
    if missing:
        doc.heading(t(lang, "creators.report.missing"), 2)
        for ln in missing:
            doc.paragraph(t(lang, "creators.report.missing_line", kind=t(lang, f"kind.{ln.kind}"),
                            n=fmt_int(ln.missing, lang)), size=9, bold=True)
            doc.bullets(list(ln.relax), size=8.5)
    if chart_spec is not None:
        _chart(doc, chart_spec, width_mm=150)
    for cb in briefs:
        doc.add_page()
        doc.heading(cb.title, 1)
        for sec in cb.sections:
            doc.heading(sec.heading, 3)
            doc.paragraph(sec.text, size=9.5)
    return doc.to_bytes()


# --- Excel ------------------------------------------------------------------------------------------------------


def _sheet(ws: Any, header: Sequence[str], rows: Sequence[Sequence[object]], totals: Sequence[object],
           formats: dict[int, str], widths: Sequence[int]) -> None:
    from openpyxl.styles import Font  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    from guide.reports.exports import csv_safe

    ws.append(list(header))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append([csv_safe(v) for v in r])  # text that looks like a formula is stored as text
    ws.append(list(totals))
    last = ws.max_row
    for cell in ws[last]:
        cell.font = Font(bold=True)
    for col, fmt in formats.items():
        for row in ws.iter_rows(min_row=2, max_row=last, min_col=col, max_col=col):
            for cell in row:
                cell.number_format = fmt
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"


def plan_xlsx(rec: Recommendation, lang: str, shortlist: Shortlist | None = None) -> bytes:
    """The plan (and the shortlist when given) as .xlsx: whole-rupiah number format, a bold totals row."""
    import openpyxl  # type: ignore[import-untyped]

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = t(lang, "creators.report.sheet_plan")
    header = [t(lang, "plan.phase"), t(lang, "plan.kind"), t(lang, "plan.count"), t(lang, "plan.unit_cost"),
              t(lang, "plan.cost"), t(lang, "creators.report.cost_low"), t(lang, "creators.report.cost_high"),
              t(lang, "creators.report.reach_low"), t(lang, "creators.report.reach_high"),
              t(lang, "creators.report.eng_low"), t(lang, "creators.report.eng_high"), t(lang, "plan.weeks")]
    rows = [[ln.phase, t(lang, f"kind.{ln.kind}"), ln.count, ln.unit_cost_idr, ln.cost_idr, ln.cost_band.low,
             ln.cost_band.high, ln.reach.low, ln.reach.high, ln.engagements.low, ln.engagements.high,
             f"{ln.start_week}–{ln.end_week}"] for ln in rec.plan]
    totals: list[object] = [t(lang, "plan.total"), "", sum(ln.count for ln in rec.plan), None, rec.total_cost_idr,
                            sum(ln.cost_band.low for ln in rec.plan), sum(ln.cost_band.high for ln in rec.plan),
                            sum(ln.reach.low for ln in rec.plan), sum(ln.reach.high for ln in rec.plan),
                            sum(ln.engagements.low for ln in rec.plan), sum(ln.engagements.high for ln in rec.plan), ""]
    _sheet(ws, header, rows, totals, {4: IDR_FORMAT, 5: IDR_FORMAT, 6: IDR_FORMAT, 7: IDR_FORMAT,
                                      3: "#,##0", 8: "#,##0", 9: "#,##0", 10: "#,##0", 11: "#,##0"},
           [8, 26, 9, 16, 18, 18, 18, 14, 14, 14, 14, 9])
    if shortlist is not None:
        ws2 = wb.create_sheet(t(lang, "creators.report.sheet_shortlist"))
        header2 = ["row", t(lang, "creators.col.name"), t(lang, "creators.col.handle"), t(lang, "creators.col.platform"),
                   t(lang, "plan.kind"), t(lang, "creators.col.followers"), t(lang, "creators.col.engagement_rate"),
                   t(lang, "creators.col.fee_idr"), t(lang, "creators.report.fee_estimated"),
                   t(lang, "creators.report.value_engagements"), t(lang, "creators.report.value_reach")]
        rows2 = [[p.row, p.name, p.handle, p.platform, t(lang, f"kind.{p.line_kind}"), p.followers,
                  round(p.engagement_rate, 2), p.fee_idr, t(lang, "creators.report.yes_word") if p.fee_estimated else "",
                  p.expected_engagements, p.expected_reach] for p in shortlist.selected]
        totals2: list[object] = [t(lang, "plan.total"), len(shortlist.selected), "", "", "", None, None,
                                 shortlist.total_fee_idr, "", sum(p.expected_engagements for p in shortlist.selected),
                                 sum(p.expected_reach for p in shortlist.selected)]
        _sheet(ws2, header2, rows2, totals2, {8: IDR_FORMAT, 6: "#,##0", 7: PCT_FORMAT, 10: "#,##0", 11: "#,##0"},
               [6, 26, 24, 11, 22, 12, 12, 16, 10, 14, 14])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def shortlist_frame(s: Shortlist, lang: str) -> pd.DataFrame:
    """The shortlist as a table (for the page and the CSV export)."""
    return pd.DataFrame([{
        "row": p.row, "name": p.name, "handle": p.handle, "platform": p.platform, "kind": p.line_kind,
        "followers": p.followers, "engagement_rate": round(p.engagement_rate, 2), "fee_idr": p.fee_idr,
        "fee_estimated": p.fee_estimated, "expected_engagements": p.expected_engagements,
        "expected_reach": p.expected_reach, "why": " ".join(p.reasons),
    } for p in s.selected])


def recommendation_markdown(rec: Recommendation, lang: str) -> str:
    from guide.reports.exports import to_markdown

    return to_markdown(rec, lang)
