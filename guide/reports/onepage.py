"""The recommendation as ONE A4 page for a boss ("PDF untuk atasan"), with an appendix only when asked for.

The page holds, in this order: the brief, the strategy and its score, the reasons FOR and AGAINST (labelled as
such, each with its points and the short title of its source), the costed plan with the reserve and the money
left, the three most important warnings (order: `WARNING_ORDER`) and the sources as short titles.

Every figure comes from the Recommendation (`total_cost_idr`, `reserve_idr`, `unallocated_idr`, `reach_total`,
`engagements_total`, `reasons[].points`, the plan lines): nothing is recomputed here, so the page tells the
same numbers as the screen and `python -m guide recommend`.

One page every time: the page is laid out at a text size, and laid out again smaller (then with shorter
texts) until it fits; `fits_one_page` is checked by the tests over many briefs in both languages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from guide.advice.assumptions import figure_changes
from guide.advice.knowledge import Figures, knowledge
from guide.advice.models import Advisory, Reason, Recommendation
from guide.output.pdf import Document, PdfError, chart_png
from guide.output.pdf_fit import fit_widths
from guide.text.i18n import fmt_decimal, fmt_idr, fmt_int, fmt_range, t

# The three most important warnings: legal first (compliance rules, advertising to minors, the ad label), then
# money (too small a budget, money left idle, a cost band above the budget, an agency to pay), then the rest
# in the engine's order. A code not listed keeps its engine order after the listed ones; any code starting
# with "compliance" or naming minors counts as legal.
WARNING_ORDER: tuple[str, ...] = (
    "budget-too-small", "compliance-doctor", "compliance-bpom-drug", "compliance-traditional-medicine",
    "compliance-bpom-cosmetics", "minors", "disclosure", "capacity", "unallocated", "cost-band",
    "management-agency", "close-call", "trust-koc-missing", "kol-fee-assumption",
)


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



def _warning_rank(code: str) -> int:
    if code in WARNING_ORDER:
        return WARNING_ORDER.index(code)
    if code.startswith("compliance"):
        return WARNING_ORDER.index("compliance-bpom-cosmetics")
    if "minor" in code:
        return WARNING_ORDER.index("minors")
    return len(WARNING_ORDER)


def top_warnings(rec: Recommendation, n: int = 3) -> list[Advisory]:
    """The `n` most important warnings by WARNING_ORDER (ties keep the engine's order)."""
    ranked = sorted(enumerate(rec.warnings), key=lambda iw: (_warning_rank(iw[1].code), iw[0]))
    return [w for _, w in ranked[:n]]


def signed_points(points: float, lang: str) -> str:
    """'+35,0 poin' / '−10,0 points': the reason's own points, as the chart shows them."""
    sign = "+" if points > 0 else "−" if points < 0 else "±"
    return t(lang, "deliver.pdf.points", points=sign + fmt_decimal(abs(points), lang, 1))


def reason_line(r: Reason, lang: str, limit: int | None = None) -> str:
    """'Label (+35,0 poin): text [source title]' — the text shortened to `limit` characters, the source kept."""
    return f"{r.label} ({signed_points(r.points, lang)}): {_cut(r.text, limit)} [{r.source.title}]"


def warning_line(w: Advisory, limit: int | None = None) -> str:
    return _cut(w.text, limit) + (f" [{w.source.title}]" if w.source else "")


def brief_lines(rec: Recommendation, lang: str) -> list[tuple[str, str]]:
    """The brief as label → value pairs, plain text (product and audience descriptors included)."""
    b = rec.brief
    pairs: list[tuple[str, str]] = [
        (t(lang, "field.goal"), t(lang, f"goal.{b.goal}")
         + (f" + {t(lang, f'goal.{b.secondary_goal}')}" if b.secondary_goal else "")),
        (t(lang, "field.budget_idr"), fmt_idr(b.budget_idr, lang)),
        (t(lang, "field.industry"), t(lang, f"industry.{b.industry}")
         + f" · {t(lang, f'brand_stage.{b.brand_stage}')}"),
    ]
    if b.product_description or b.product_value_idr:
        product = b.product_description or ""
        if b.product_value_idr:
            product = (product + " · " if product else "") + fmt_idr(b.product_value_idr, lang)
        pairs.append((t(lang, "deliver.pdf.product"), product))
    audience = [t(lang, f"audience.{b.audience}")]
    if b.age_bands:
        audience.append(", ".join(t(lang, f"input.age_band.{a}") for a in b.age_bands))
    if b.gender:
        audience.append(t(lang, f"input.gender.{b.gender}"))
    if b.region:
        audience.append(b.region)
    pairs.append((t(lang, "deliver.pdf.audience_detail"), " · ".join(audience)))
    platforms = ", ".join(t(lang, f"platform.{p}") for p in b.platforms) or t(lang, "creators.report.any_platform")
    pairs.append((t(lang, "field.platforms"), platforms + f" · {b.duration_weeks} "
                  + ("minggu" if lang == "id" else "weeks")))
    return pairs


def plan_rows(rec: Recommendation, lang: str) -> tuple[list[str], list[list[str]], list[str]]:
    """The plan table: one row per line, and a totals row whose reach and engagements are the Recommendation's
    whole-plan figures (overlap discounted), never a sum of the lines."""
    header = [t(lang, "plan.phase"), t(lang, "plan.kind"), t(lang, "plan.count"), t(lang, "plan.unit_cost"),
              t(lang, "plan.cost"), t(lang, "plan.reach"), t(lang, "plan.engagements"), t(lang, "plan.weeks")]
    rows = [[str(ln.phase), t(lang, f"kind.{ln.kind}"), fmt_int(ln.count, lang), fmt_idr(ln.unit_cost_idr, lang),
             fmt_idr(ln.cost_idr, lang), fmt_range(ln.reach.low, ln.reach.high, lang),
             fmt_range(ln.engagements.low, ln.engagements.high, lang), f"{ln.start_week}–{ln.end_week}"]
            for ln in rec.plan]
    totals = [t(lang, "plan.total"), "", fmt_int(sum(ln.count for ln in rec.plan), lang), "",
              fmt_idr(rec.total_cost_idr, lang), fmt_range(rec.reach_total.low, rec.reach_total.high, lang),
              fmt_range(rec.engagements_total.low, rec.engagements_total.high, lang), ""]
    return header, rows, totals


def money_lines(rec: Recommendation, lang: str) -> list[tuple[str, str]]:
    """Budget, creator cost, agency fee, reserve and money left (with the plan's reason, when it gives one) — the
    Recommendation's own figures, never recomputed."""
    left = fmt_idr(rec.unallocated_idr, lang)
    if rec.unallocated_reason is not None and rec.unallocated_idr > 0:
        left += f" ({t(lang, f'deliver.pdf.left_why.{rec.unallocated_reason}')})"
    lines = [
        (t(lang, "deliver.pdf.budget"), fmt_idr(rec.brief.budget_idr, lang)),
        (t(lang, "deliver.pdf.plan_cost"), fmt_idr(rec.total_cost_idr, lang)),
    ]
    if rec.agency_fee_idr > 0:
        lines.append((t(lang, "deliver.pdf.agency_fee"), fmt_idr(rec.agency_fee_idr, lang)))
    return [*lines, (t(lang, "deliver.pdf.reserve"), fmt_idr(rec.reserve_idr, lang)), (t(lang, "deliver.pdf.left"), left)]


def short_sources(rec: Recommendation) -> list[str]:
    """Short titles of every source the recommendation cites (reasons, warnings, plan figures), first use first."""
    k = knowledge()
    known = k.sources.ids()
    ids: list[str] = [r.source.id for r in rec.reasons]
    ids += [w.source.id for w in rec.warnings if w.source]
    ids += [basis.split(":", 1)[1] for ln in rec.plan for basis in ln.basis if ":" in basis]
    seen: dict[str, None] = {}
    for sid in ids:
        if sid in known:
            seen.setdefault(sid, None)
    return [k.sources.get(sid).title(rec.lang) for sid in seen]


def _cut(text: str, limit: int | None) -> str:
    text = " ".join(text.split())
    if limit is None or len(text) <= limit:
        return text
    return text[: max(limit - 1, 1)].rstrip(" ,;:.") + "…"


# Layouts tried in turn until the page fits: (body size, table size, reason/warning text limit, reasons for,
# reasons against).
_LAYOUTS: tuple[tuple[float, float, int | None, int, int], ...] = (
    (8.6, 7.6, 300, 3, 3),
    (8.0, 7.2, 200, 3, 2),
    (7.4, 6.8, 160, 3, 2),
    (7.0, 6.4, 120, 2, 2),
    (6.6, 6.0, 90, 2, 1),
)


def _page(rec: Recommendation, lang: str, layout: tuple[float, float, int | None, int, int],
          edited: Sequence[str] = ()) -> Document:
    body, small, limit, n_for, n_against = layout
    b = rec.brief
    title = t(lang, "deliver.pdf.title") + (f": {b.name}" if b.name else "")
    doc = Document(title, lang, footer="Panduan Strategi Kreator · " + t(lang, "deliver.pdf.footer"))
    doc.set_auto_page_break(auto=True, margin=14)
    doc.set_top_margin(12)
    doc.set_y(12)
    title_block(doc, _cut(title, 110))

    doc.key_values([(k, _cut(v, 150)) for k, v in brief_lines(rec, lang)], size=body)

    score = rec.scores.get(rec.strategy, 0.0)
    doc.heading(t(lang, "deliver.pdf.strategy_score", strategy=t(lang, f"strategy.{rec.strategy}.long"),
                  score=fmt_int(round(score), lang)), 2)
    lead = [t(lang, "deliver.pdf.runner", runner=t(lang, f"strategy.{rec.runner_up}.name"),
              runner_score=fmt_int(round(rec.scores.get(rec.runner_up, 0.0)), lang),
              margin=fmt_decimal(rec.margin, lang, 1))]
    if rec.planned_strategy and rec.planned_strategy != rec.strategy:
        lead.append(t(lang, "deliver.pdf.planned_as", strategy=t(lang, f"strategy.{rec.planned_strategy}.name")))
    doc.paragraph(" ".join(lead), size=body)

    pro = [r for r in rec.reasons if r.direction == "for"]
    con = [r for r in rec.reasons if r.direction == "against"]
    doc.heading(t(lang, "deliver.pdf.for"), 3)
    doc.bullets([reason_line(r, lang, limit) for r in pro[:n_for]] or [t(lang, "deliver.pdf.none_for")],
                size=body)
    doc.heading(t(lang, "deliver.pdf.against"), 3)
    doc.bullets([reason_line(r, lang, limit) for r in con[:n_against]]
                or [t(lang, "deliver.pdf.none_against")], size=body)
    hidden = len(rec.reasons) - min(len(pro), n_for) - min(len(con), n_against)
    if hidden > 0:
        doc.paragraph(t(lang, "deliver.pdf.more_reasons", n=hidden), size=small)

    doc.heading(t(lang, "deliver.pdf.plan"), 2)
    if rec.plan:
        header, rows, totals = plan_rows(rec, lang)
        doc.table(header, rows, totals=totals, align=["C", "L", "R", "R", "R", "R", "R", "C"],
                  widths=fit_widths(doc, header, [8, 24, 10, 17, 18, 25, 22, 11], small, [*rows, totals]), size=small)
    else:
        doc.paragraph(t(lang, "deliver.pdf.no_plan"), size=body)
    doc.key_values(money_lines(rec, lang), size=body)

    if edited:  # figures the user changed: the boss must know the plan is not on the shipped figures
        doc.paragraph(t(lang, "deliver.pdf.assumptions") + ": " + "; ".join(edited), size=small, bold=True)

    doc.heading(t(lang, "deliver.pdf.warnings"), 2)
    top = top_warnings(rec)
    doc.bullets([warning_line(w, limit) for w in top]
                or [t(lang, "deliver.pdf.no_warnings")], size=body)
    more = len(rec.warnings) - len(top)
    tail = t(lang, "deliver.pdf.warnings_order")
    if more > 0:
        tail += " " + t(lang, "deliver.pdf.more_warnings", n=more)
    doc.paragraph(tail, size=small)

    doc.heading(t(lang, "deliver.pdf.sources"), 3)
    doc.paragraph(" · ".join(short_sources(rec)), size=small)
    return doc


def title_block(doc: Document, text: str) -> None:
    """The page title, left-aligned (a long campaign name wraps without stretched gaps), smaller when long."""
    from guide.output.pdf import FONT_FAMILY

    size = 16.0 if len(text) <= 60 else 13.0
    doc.set_font(FONT_FAMILY, "B", size)
    doc.multi_cell(0, size * 0.48, doc.printable(text), align="L", new_x="LMARGIN", new_y="NEXT")
    doc.set_line_width(0.4)
    doc.line(doc.l_margin, doc.get_y() + 1, doc.w - doc.r_margin, doc.get_y() + 1)
    doc.ln(3)


def fits_one_page(doc: Document) -> bool:
    return int(doc.page) == 1


def _appendix(doc: Document, rec: Recommendation, lang: str, figures_edited: Figures | None, charts: bool) -> None:

    doc.add_page()
    doc.heading(t(lang, "deliver.pdf.appendix"), 1)
    doc.heading(t(lang, "deliver.pdf.all_reasons"), 2)
    for key in ("for", "against", "neutral"):
        group = [r for r in rec.reasons if r.direction == key]
        if group:
            doc.heading(t(lang, f"deliver.pdf.{key}"), 3)
            doc.bullets([reason_line(r, lang) for r in group], size=8.5)
    doc.heading(t(lang, "deliver.pdf.all_warnings"), 2)
    doc.bullets([warning_line(w) for w in rec.warnings]
                or [t(lang, "deliver.pdf.no_warnings")], size=8.5)
    doc.heading(t(lang, "deliver.pdf.assumptions"), 2)
    doc.bullets(edited_assumptions(figures_edited, lang) or [t(lang, "deliver.pdf.no_edits")], size=8.5)
    if charts:
        from guide.advice.charts import allocation_chart, scores_chart, timeline_chart

        specs: list[dict[str, Any]] = [scores_chart(rec, lang)]
        if rec.plan:
            specs += [allocation_chart(rec, lang), timeline_chart(rec, lang)]
        pngs = []
        for spec in specs:
            try:
                pngs.append(chart_png(spec, scale=2.0, width=360))
            except PdfError:
                continue
        if pngs:
            if doc.get_y() > doc.h - 110:  # the heading goes with its charts
                doc.add_page()
            doc.heading(t(lang, "deliver.pdf.charts"), 2)
            doc.image_row(pngs[:2])
            doc.image_row(pngs[2:], columns=2)
    doc.heading(t(lang, "deliver.pdf.next"), 2)
    doc.bullets(list(rec.next_steps), size=8.5, numbered=True)
    doc.heading(t(lang, "deliver.pdf.sources_full"), 2)
    doc.bullets(source_titles(rec), size=8)


def one_page_pdf(rec: Recommendation, lang: str, figures_edited: Figures | None = None, appendix: bool = False,
                 charts: bool = True) -> bytes:
    """The one-pager (page 1 always, and only page 1 unless `appendix`); the appendix holds every reason and
    warning, the edited assumptions, the charts, the next steps and the full sources."""

    edited = edited_assumptions(figures_edited, lang)
    doc = None
    for layout in _LAYOUTS:
        doc = _page(rec, lang, layout, edited)
        if fits_one_page(doc):
            break
    assert doc is not None
    if not fits_one_page(doc):  # should not happen: the last layout is already very short
        raise PdfError("the one-page summary does not fit on one page")
    if appendix:
        _appendix(doc, rec, lang, figures_edited, charts)
    return doc.to_bytes()


def page_count(pdf: bytes) -> int:
    """Pages of a PDF (pypdf), for the tests and the bench."""
    import io

    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


__all__: Sequence[str] = (
    "WARNING_ORDER",
    "money_lines",
    "one_page_pdf",
    "page_count",
    "plan_rows",
    "short_sources",
    "signed_points",
    "top_warnings",
)
