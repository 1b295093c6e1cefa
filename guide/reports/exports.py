"""Downloads: the plan as a one-page Markdown brief, as CSV, and the brief as JSON (loadable again)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from guide.advice.brief_io import brief_to_json
from guide.advice.models import CampaignBrief, Recommendation
from guide.reports.onepage import money_lines, short_sources, signed_points
from guide.text.i18n import fmt_idr, fmt_int, fmt_range, t
from guide.text.safetext import plain_md

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def md_escape(text: str) -> str:
    """User text for Markdown, shown as typed: no links or autolinks, formulas, icon shortcodes, HTML,
    emphasis or headings can come through (guide.text.safetext.plain_md; this name is kept for callers)."""
    return plain_md(text)


def audience_lines(b: CampaignBrief, lang: str) -> list[tuple[str, str]]:
    """The optional audience descriptors that were given, as (label, Markdown-safe value) pairs."""
    out: list[tuple[str, str]] = []
    if b.age_bands:
        out.append((t(lang, "input.field.age_bands"), ", ".join(t(lang, f"input.age_band.{a}") for a in b.age_bands)))
    if b.gender:
        out.append((t(lang, "input.field.gender"), t(lang, f"input.gender.{b.gender}")))
    if b.region:
        out.append((t(lang, "input.field.region"), plain_md(b.region)))
    if b.product_description:
        out.append((t(lang, "input.field.product_description"), plain_md(b.product_description)))
    return out


def csv_safe(value: object) -> object:
    """Neutralise spreadsheet formula injection in text cells; numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_markdown(rec: Recommendation, lang: str) -> str:
    b = rec.brief
    title = t(lang, "export.title")
    if b.name:
        title += f": {md_escape(b.name)}"
    lines = [f"# {title}", ""]
    lines.append(f"**{t(lang, 'export.strategy')}:** {t(lang, f'strategy.{rec.strategy}.long')}  ")
    lines.append(rec.summary)
    lines.append("")
    lines.append(f"## {t(lang, 'export.brief')}")
    lines.append(f"- {t(lang, 'field.goal')}: {t(lang, f'goal.{b.goal}')}")
    if b.secondary_goal:
        lines.append(f"- {t(lang, 'field.secondary_goal')}: {t(lang, f'goal.{b.secondary_goal}')}")
    lines.append(f"- {t(lang, 'field.budget_idr')}: {fmt_idr(b.budget_idr, lang)}")
    lines.append(f"- {t(lang, 'field.audience')}: {t(lang, f'audience.{b.audience}')}")
    for label, value in audience_lines(b, lang):
        lines.append(f"- {label}: {value}")
    lines.append(f"- {t(lang, 'field.industry')}: {t(lang, f'industry.{b.industry}')}")
    if b.platforms:
        lines.append(f"- {t(lang, 'field.platforms')}: " + ", ".join(t(lang, f'platform.{p}') for p in b.platforms))
    if b.content:
        lines.append(f"- {t(lang, 'field.content')}: {t(lang, f'content.{b.content}')}")
    lines.append(f"- {t(lang, 'field.duration_weeks')}: {b.duration_weeks}")
    lines.append(f"- {t(lang, 'field.brand_stage')}: {t(lang, f'brand_stage.{b.brand_stage}')}")
    lines.append("")

    score = fmt_int(round(rec.scores.get(rec.strategy, 0.0)), lang)
    strategy = t(lang, f"strategy.{rec.strategy}.long")
    lines.append(f"**{t(lang, 'deliver.pdf.strategy_score', strategy=strategy, score=score)}**")
    lines.append("")
    for key in ("for", "against", "neutral"):
        group = [r for r in rec.reasons if r.direction == key]
        if key == "neutral" and not group:
            continue
        lines.append(f"## {t(lang, f'deliver.pdf.{key}')}")
        if not group:
            lines.append(f"- {t(lang, f'deliver.pdf.none_{key}')}")
        for r in group:
            lines.append(f"- **{r.label}** ({signed_points(r.points, lang)}): {r.text} "
                         f"_({t(lang, 'export.source')}: {r.source.title})_")
        lines.append("")
    lines.append(f"## {t(lang, 'export.plan')}")
    if rec.planned_strategy and rec.planned_strategy != rec.strategy:
        lines.append(f"_{t(lang, 'export.planned_as', strategy=t(lang, f'strategy.{rec.planned_strategy}.name'))}_")
        lines.append("")
    if rec.plan:
        lines.append(f"| {t(lang, 'plan.phase')} | {t(lang, 'plan.kind')} | {t(lang, 'plan.count')} | "
                     f"{t(lang, 'plan.cost')} | {t(lang, 'plan.reach')} | {t(lang, 'plan.engagements')} | "
                     f"{t(lang, 'plan.weeks')} |")
        lines.append("|---|---|---:|---:|---:|---:|---|")
        for ln in rec.plan:
            lines.append(
                f"| {ln.phase} | {t(lang, f'kind.{ln.kind}')} | {fmt_int(ln.count, lang)} | "
                f"{fmt_idr(ln.cost_idr, lang)} | {fmt_range(ln.reach.low, ln.reach.high, lang)} | "
                f"{fmt_range(ln.engagements.low, ln.engagements.high, lang)} | {ln.start_week}–{ln.end_week} |")
        lines.append(f"| **{t(lang, 'plan.total')}** | | **{fmt_int(sum(ln.count for ln in rec.plan), lang)}** | "
                     f"**{fmt_idr(rec.total_cost_idr, lang)}** | "
                     f"**{fmt_range(rec.reach_total.low, rec.reach_total.high, lang)}** | "
                     f"**{fmt_range(rec.engagements_total.low, rec.engagements_total.high, lang)}** | |")
        lines.append("")
    else:
        lines.append(t(lang, "plan.empty"))
        lines.append("")

    for label, value in money_lines(rec, lang):
        lines.append(f"- **{label}:** {value}")
    lines.append("")
    lines.append(f"## {t(lang, 'export.warnings')}")
    for w in rec.warnings:
        lines.append(f"- {w.text}" + (f" _({t(lang, 'export.source')}: {w.source.title})_" if w.source else ""))
    lines.append("")
    lines.append(f"## {t(lang, 'export.next')}")
    for i, s in enumerate(rec.next_steps, 1):
        lines.append(f"{i}. {s}")
    lines.append("")

    lines.append(f"## {t(lang, 'deliver.pdf.sources')}")
    for title in short_sources(rec):
        lines.append(f"- {title}")
    lines.append("")
    lines.append(f"_{t(lang, 'export.footer')}_")
    return "\n".join(lines) + "\n"


# The plan CSV's columns; each header is shown in the user's language (catalog deliver.csv.<column>), and so
# are its values (strategy and creator type as words, never codes such as `micro` or `koc`).
CSV_COLUMNS = (
    "campaign", "strategy", "phase", "kind", "count", "unit_cost_idr", "cost_idr",
    "cost_low_idr", "cost_high_idr", "reach_low", "reach_high", "engagements_low", "engagements_high",
    "start_week", "end_week",
)


def csv_header(lang: str) -> list[str]:
    return [t(lang, f"deliver.csv.{c}") for c in CSV_COLUMNS]


def csv_dialect(lang: str) -> tuple[str, str]:
    """(separator, decimal mark) for a CSV that opens in columns in Excel: Excel under Indonesian regional
    settings splits on ';' and reads ',' as the decimal mark; under English settings ',' and '.'."""
    return (";", ",") if lang == "id" else (",", ".")


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]], lang: str) -> str:
    """CSV with a UTF-8 byte-order mark (so Excel reads the text as UTF-8), the language's separator and
    decimal mark, and every text cell guarded against formula injection."""
    sep, dec = csv_dialect(lang)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    w.writerow(header)
    for row in rows:
        w.writerow([f"{v}".replace(".", dec) if isinstance(v, float) else csv_safe(v) for v in row])
    return "\ufeff" + buf.getvalue()


def to_csv(rec: Recommendation, lang: str) -> str:
    """The plan as CSV for Excel: UTF-8 BOM; ';' for lang=id (Indonesian Excel), ',' for en."""
    return csv_text(csv_header(lang), _plan_rows(rec, lang), lang)


def _plan_rows(rec: Recommendation, lang: str) -> list[list[object]]:
    out: list[list[object]] = []
    name = rec.brief.name or ""
    strategy = t(lang, f"strategy.{rec.planned_strategy}.name") if rec.planned_strategy else ""
    for ln in rec.plan:
        out.append([
            name, strategy, ln.phase, t(lang, f"kind.{ln.kind}"), ln.count,
            ln.unit_cost_idr, ln.cost_idr, ln.cost_band.low, ln.cost_band.high, ln.reach.low, ln.reach.high,
            ln.engagements.low, ln.engagements.high, ln.start_week, ln.end_week,
        ])
    return out


def to_json(rec: Recommendation) -> str:
    """The brief as JSON: loadable again on the Brief page and by `python -m guide recommend`."""
    return brief_to_json(rec.brief)
