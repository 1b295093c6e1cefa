"""Reports to forward: the recommendation as a one-page PDF (guide/reports/onepage.py, an appendix on request),
the shortlist and the creator briefs as PDFs, and the plan workbook (Summary, Plan, Creators with a roster,
Assumptions, Sources) through the one sheet writer (guide/output/xlsx.py).

PDFs are built with guide.output.pdf (fpdf2, embedded DejaVu font, A4, black-and-white legible); the appendix's
and the shortlist's charts are the Vega-Lite specs of guide.advice / guide.creators rendered to PNG by
vl-convert (no browser). All text is plain. Every figure is the Recommendation's own (never recomputed here).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from guide.advice.knowledge import Figures, knowledge
from guide.advice.models import Recommendation
from guide.creators.briefs import CreatorBrief
from guide.creators.shortlist import Shortlist
from guide.output.pdf import Document, PdfError, chart_png
from guide.output.xlsx import (
    DECIMAL_FORMAT,
    IDR_FORMAT,
    INT_FORMAT,
    new_workbook,
    put,
    to_bytes,
    write_pairs,
    write_table,
)
from guide.reports.exports import csv_text, to_markdown
from guide.reports.onepage import (
    brief_lines,
    one_page_pdf,
    short_sources,
    title_block,
    top_warnings,
)
from guide.text.i18n import fmt_idr, fmt_int, fmt_pct, t


def brief_in_words(rec: Recommendation, lang: str) -> str:
    b = rec.brief
    platforms = ", ".join(t(lang, f"platform.{p}") for p in b.platforms) or t(lang, "creators.report.any_platform")
    return t(lang, "creators.report.brief_words", goal=t(lang, f"goal.{b.goal}").lower(),
             budget=fmt_idr(b.budget_idr, lang), audience=t(lang, f"audience.{b.audience}").lower(),
             industry=t(lang, f"industry.{b.industry}"), platforms=platforms, weeks=b.duration_weeks)


def _chart(doc: Document, spec: dict[str, Any], width_mm: float | None = None) -> None:
    try:
        doc.image_png(chart_png(spec, scale=2.0), width_mm=width_mm)
    except PdfError:
        doc.paragraph("[chart]")


def recommendation_pdf(rec: Recommendation, lang: str, figures_edited: Figures | None = None,
                       charts: bool = True, appendix: bool = False) -> bytes:
    """The recommendation for a boss: one A4 page (guide.reports.onepage), and an appendix (every reason and
    warning, edited assumptions, charts, next steps, full sources) only when `appendix` is asked for."""

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


def briefs_pdf(briefs: Sequence[CreatorBrief], lang: str) -> bytes:
    """Each brief starts on its own page (a long one runs on to the next).
    The creator briefs to send, one per page (each page can be forwarded to its creator on its own)."""

    title = t(lang, "creators.page.briefs") if briefs else t(lang, "deliver.brief.none")
    doc = Document(title, lang)
    if not briefs:
        doc.paragraph(t(lang, "deliver.brief.none"))
    for i, cb in enumerate(briefs):
        if i:
            doc.add_page()
        title_block(doc, cb.title)
        for sec in cb.sections:
            doc.heading(sec.heading, 3)
            doc.paragraph(sec.text, size=9.5)
    return doc.to_bytes()


# --- Excel ------------------------------------------------------------------------------------------------------
# Every sheet goes through the one writer (guide/output/xlsx.py): numbers as numbers with a rupiah or
# whole-number format, text always as text (its one formula-injection defence), yes/no as words.


def _summary_pairs(rec: Recommendation, lang: str, shortlist: Shortlist | None) -> list[tuple[str, object, str | None]]:
    b = rec.brief
    pairs: list[tuple[str, object, str | None]] = [(t(lang, "deliver.xlsx.campaign"), b.name or "—", None)]

    pairs += [(label, value, None) for label, value in brief_lines(rec, lang)
              if label != t(lang, "field.budget_idr")]  # the budget follows as a number
    pairs += [
        (t(lang, "deliver.xlsx.strategy"), t(lang, f"strategy.{rec.strategy}.long"), None),
        (t(lang, "deliver.xlsx.planned"), t(lang, f"strategy.{rec.planned_strategy}.long") if rec.planned_strategy else "—",
         None),
        (t(lang, "deliver.xlsx.score"), round(rec.scores.get(rec.strategy, 0.0), 1), DECIMAL_FORMAT),
        (t(lang, "deliver.xlsx.runner"), t(lang, f"strategy.{rec.runner_up}.name"), None),
        (t(lang, "deliver.xlsx.margin"), round(rec.margin, 1), DECIMAL_FORMAT),
        (t(lang, "deliver.xlsx.budget"), b.budget_idr, IDR_FORMAT),
        (t(lang, "deliver.xlsx.plan_cost"), rec.total_cost_idr, IDR_FORMAT),
        (t(lang, "deliver.xlsx.agency_fee"), rec.agency_fee_idr, IDR_FORMAT),
        (t(lang, "deliver.xlsx.reserve"), rec.reserve_idr, IDR_FORMAT),
        (t(lang, "deliver.xlsx.left"), rec.unallocated_idr, IDR_FORMAT),
        (t(lang, "deliver.xlsx.creators_total"), sum(ln.count for ln in rec.plan), INT_FORMAT),
        (t(lang, "deliver.xlsx.reach_low"), rec.reach_total.low, INT_FORMAT),
        (t(lang, "deliver.xlsx.reach_high"), rec.reach_total.high, INT_FORMAT),
        (t(lang, "deliver.xlsx.eng_low"), rec.engagements_total.low, INT_FORMAT),
        (t(lang, "deliver.xlsx.eng_high"), rec.engagements_total.high, INT_FORMAT),
    ]

    for i, w in enumerate(top_warnings(rec), 1):
        pairs.append((t(lang, "deliver.xlsx.warning_n", n=i), w.text, None))
    return pairs


def _reason_rows(rec: Recommendation, lang: str) -> list[list[object]]:
    return [[t(lang, f"deliver.xlsx.dir_{r.direction}"), r.label, round(r.points, 1), r.text, r.source.title]
            for r in rec.reasons]


def _assumption_rows(figures: Figures, lang: str) -> tuple[list[str], list[list[object]], list[str | None]]:
    k = knowledge()
    col = "assumptions.col."
    header = [t(lang, col + c) for c in ("kind", "rate_low", "rate_high", "followers_low", "followers_high",
                                          "er_low", "er_high", "reach_low", "reach_high", "rate_source",
                                          "followers_source", "er_source", "reach_source")]
    rows: list[list[object]] = []
    for kind, f in figures.kinds.items():
        rows.append([t(lang, f"kind.{kind}"), f.rate_low, f.rate_high, f.followers_low, f.followers_high,
                     f.er_low, f.er_high, f.reach_low, f.reach_high,
                     *(k.sources.title(src, lang) + (" *" if star else "") if src in k.sources.ids() else src
                       for src, star in ((f.rate_source, f.rate_assumption), (f.followers_source, f.followers_assumption),
                                         (f.er_source, f.er_assumption), (f.reach_source, f.reach_assumption)))])
    formats: list[str | None] = [None, IDR_FORMAT, IDR_FORMAT, INT_FORMAT, INT_FORMAT, DECIMAL_FORMAT,
                                 DECIMAL_FORMAT, DECIMAL_FORMAT, DECIMAL_FORMAT, None, None, None, None]
    return header, rows, formats


def _factor_rows(figures: Figures, lang: str) -> list[list[object]]:
    k = knowledge()
    out: list[list[object]] = []
    for name, f in figures.factors().items():
        src = k.sources.title(f.source, lang) if f.source in k.sources.ids() else f.source
        out.append([t(lang, f"assumptions.col.{name}"), f.value, f.unit,
                    src + (" *" if f.assumption else "")])
    return out


def _source_rows(rec: Recommendation, lang: str) -> list[list[object]]:

    k = knowledge()
    by_title = {k.sources.get(sid).title(lang): k.sources.get(sid) for sid in k.sources.ids()}
    rows: list[list[object]] = []
    for title in short_sources(rec):
        src = by_title[title]
        rows.append([title, src.publisher, src.url or "—", src.as_of.isoformat() if src.as_of else "—"])
    return rows


def plan_xlsx(rec: Recommendation, lang: str, shortlist: Shortlist | None = None,
              figures_edited: Figures | None = None) -> bytes:
    """The plan workbook in the user's language: Summary (brief, strategy, score, reserve, money left, reasons),
    Plan, Creators (when a roster was used), Assumptions and Sources."""
    wb = new_workbook()
    write_pairs(wb, t(lang, "deliver.xlsx.summary"), _summary_pairs(rec, lang, shortlist),
                heading=t(lang, "deliver.pdf.title") + (f": {rec.brief.name}" if rec.brief.name else ""))
    ws = wb[wb.sheetnames[0]]
    start = ws.max_row + 2
    for c, h in enumerate((t(lang, "deliver.xlsx.direction"), t(lang, "deliver.xlsx.reason"), t(lang, "deliver.xlsx.points"),
                           t(lang, "deliver.xlsx.explanation"), t(lang, "deliver.xlsx.source")), 1):
        put(ws, start, c, h, bold=True)
    for r, row in enumerate(_reason_rows(rec, lang), start + 1):
        for c, v in enumerate(row, 1):
            put(ws, r, c, v, DECIMAL_FORMAT if c == 3 else None)

    header = [t(lang, "plan.phase"), t(lang, "plan.kind"), t(lang, "plan.count"), t(lang, "plan.unit_cost"),
              t(lang, "plan.cost"), t(lang, "creators.report.cost_low"), t(lang, "creators.report.cost_high"),
              t(lang, "creators.report.reach_low"), t(lang, "creators.report.reach_high"),
              t(lang, "creators.report.eng_low"), t(lang, "creators.report.eng_high"), t(lang, "plan.weeks")]
    rows = [[ln.phase, t(lang, f"kind.{ln.kind}"), ln.count, ln.unit_cost_idr, ln.cost_idr, ln.cost_band.low,
             ln.cost_band.high, ln.reach.low, ln.reach.high, ln.engagements.low, ln.engagements.high,
             f"{ln.start_week}–{ln.end_week}"] for ln in rec.plan]
    # Whole-plan reach and engagements are the Recommendation's (overlap discounted), never a sum of the lines.
    totals: list[object] = [t(lang, "plan.total"), "", sum(ln.count for ln in rec.plan), "", rec.total_cost_idr,
                            sum(ln.cost_band.low for ln in rec.plan), sum(ln.cost_band.high for ln in rec.plan),
                            rec.reach_total.low, rec.reach_total.high, rec.engagements_total.low,
                            rec.engagements_total.high, ""]
    write_table(wb, t(lang, "deliver.xlsx.plan"), header, rows,
                [INT_FORMAT, None, INT_FORMAT, IDR_FORMAT, IDR_FORMAT, IDR_FORMAT, IDR_FORMAT, INT_FORMAT,
                 INT_FORMAT, INT_FORMAT, INT_FORMAT, None], totals, [8, 26, 9, 16, 18, 18, 18, 14, 14, 14, 14, 9])
    if shortlist is not None:
        yes, no = t(lang, "deliver.xlsx.yes_word"), t(lang, "deliver.xlsx.no_word")
        header2 = [t(lang, "creators.col.name"), t(lang, "creators.col.handle"), t(lang, "creators.col.platform"),
                   t(lang, "plan.kind"), t(lang, "creators.col.followers"), t(lang, "creators.col.engagement_rate"),
                   t(lang, "creators.col.fee_idr"), t(lang, "creators.report.fee_estimated"),
                   t(lang, "creators.report.value_engagements"), t(lang, "creators.report.value_reach")]
        rows2 = [[p.name, p.handle, t(lang, f"platform.{p.platform}"), t(lang, f"kind.{p.line_kind}"), p.followers,
                  round(p.engagement_rate, 2), p.fee_idr, yes if p.fee_estimated else no,
                  p.expected_engagements, p.expected_reach] for p in shortlist.selected]
        totals2: list[object] = [t(lang, "plan.total"), "", "", len(shortlist.selected), "", "",
                                 shortlist.total_fee_idr, "", sum(p.expected_engagements for p in shortlist.selected),
                                 sum(p.expected_reach for p in shortlist.selected)]
        write_table(wb, t(lang, "deliver.xlsx.creators"), header2, rows2,
                    [None, None, None, None, INT_FORMAT, DECIMAL_FORMAT, IDR_FORMAT, None, INT_FORMAT, INT_FORMAT],
                    totals2, [26, 24, 11, 22, 12, 12, 16, 10, 14, 14])
    figures = figures_edited or knowledge().figures
    header3, rows3, formats3 = _assumption_rows(figures, lang)
    ws3 = write_table(wb, t(lang, "deliver.xlsx.assumptions"), header3, rows3, formats3,
                      widths=[24, 14, 14, 14, 14, 12, 12, 12, 12, 30, 30, 30, 30])
    row = ws3.max_row + 2
    put(ws3, row, 1, t(lang, "assumptions.other_title"), bold=True)
    for i, vals in enumerate(_factor_rows(figures, lang), row + 1):
        put(ws3, i, 1, vals[0])
        put(ws3, i, 2, vals[1], DECIMAL_FORMAT)
        put(ws3, i, 3, vals[2])
        put(ws3, i, 4, vals[3])
    put(ws3, ws3.max_row + 2, 1, t(lang, "assumptions.star"))
    write_table(wb, t(lang, "deliver.xlsx.sources"),
                [t(lang, "deliver.xlsx.title"), t(lang, "deliver.xlsx.publisher"), t(lang, "deliver.xlsx.url"),
                 t(lang, "deliver.xlsx.as_of")], _source_rows(rec, lang), widths=[60, 36, 40, 12])
    return to_bytes(wb)


def shortlist_frame(s: Shortlist, lang: str) -> pd.DataFrame:
    """The shortlist as a table (for the page and the CSV export)."""
    return pd.DataFrame([{
        "row": p.row, "name": p.name, "handle": p.handle, "platform": p.platform, "kind": p.line_kind,
        "followers": p.followers, "engagement_rate": round(p.engagement_rate, 2), "fee_idr": p.fee_idr,
        "fee_estimated": p.fee_estimated, "expected_engagements": p.expected_engagements,
        "expected_reach": p.expected_reach, "why": " ".join(p.reasons),
    } for p in s.selected])


def shortlist_csv(s: Shortlist, lang: str) -> str:
    """The shortlist as CSV for Excel, headers and values in the user's language (platform, creator type and
    'estimated' as words, never `micro`, `koc` or `True`)."""

    header = [t(lang, "creators.col.name"), t(lang, "creators.col.handle"), t(lang, "creators.col.platform"),
              t(lang, "plan.kind"), t(lang, "creators.col.followers"), t(lang, "creators.col.engagement_rate"),
              t(lang, "creators.col.fee_idr"), t(lang, "creators.report.fee_estimated"),
              t(lang, "creators.report.value_engagements"), t(lang, "creators.report.value_reach"),
              t(lang, "creators.page.why")]
    header = [h[:1].upper() + h[1:] for h in header]  # one casing for every column, as a spreadsheet heading
    rows = [[p.name, p.handle, t(lang, f"platform.{p.platform}"), t(lang, f"kind.{p.line_kind}"), p.followers,
             round(p.engagement_rate, 2), p.fee_idr,
             t(lang, "deliver.xlsx.yes_word") if p.fee_estimated else t(lang, "deliver.xlsx.no_word"),
             p.expected_engagements, p.expected_reach, " ".join(p.reasons)] for p in s.selected]
    return csv_text(header, rows, lang)


def recommendation_markdown(rec: Recommendation, lang: str) -> str:

    return to_markdown(rec, lang)
