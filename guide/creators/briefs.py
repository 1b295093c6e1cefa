"""Briefs to send creators: one per shortlisted creator (or, without a roster, one per line of the plan), in
Indonesian or English, that a creator can act on, editable before download (Markdown or PDF).

Each brief names the product the marketer typed (never the campaign name as the product), the audience, what to
deliver (posts and formats per creator), the fee or the product's value, the timeline (real dates when a start
date is given, else the campaign's weeks) and the disclosure line. It never reveals internal counts (how many
other creators are invited).

What each brief contains follows the seed articles (titles in data/sources.yaml):
- influencers (nano to mega), "Micro-influencers vs KOCs": a clear narrative, the visual, the call to action,
  and flexible guidelines that leave room for the creator's own style;
- KOCs, the same article: the product is sent to try, the creator shares an honest experience, voluntarily,
  with no script and no contract beyond the disclosure;
- KOLs, "KOL vs influencer" and "Key opinion leaders and KOL management": the topic of their expertise; their
  impartiality is respected (the brand does not dictate conclusions).
Every brief carries the disclosure (#iklan / #ad, paid or gifted; Etika Pariwara Indonesia first, the US FTC
as practice abroad) and the claims creators must not make: one line per Indonesian rule the engine's
advisories name for this industry and audience (BPOM cosmetics, drugs, supplements, processed food; the
Ministry of Health for devices; halal; minors), and for a KOL of a health, beauty or fitness product what a
doctor may not do under the IDI ethics council (MKEK) fatwa.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from guide.advice.engine import compliance_codes
from guide.advice.models import TIERS, CampaignBrief, PlanLine, Recommendation
from guide.text.i18n import fmt_idr, t
from guide.text.safetext import plain_text

if TYPE_CHECKING:
    from guide.creators.shortlist import Pick, Shortlist

SECTION_KEYS: dict[str, tuple[str, ...]] = {
    "influencer": ("goal", "product_info", "audience", "narrative", "deliverables", "visual", "cta", "guidelines",
                   "fee", "timeline", "disclosure", "claims"),
    "koc": ("goal", "product", "audience", "experience", "deliverables", "no_script", "fee", "timeline",
            "disclosure", "claims"),
    "kol": ("goal", "product_info", "audience", "topic", "impartiality", "format", "deliverables", "fee",
            "timeline", "disclosure", "claims"),
}
# Sections whose heading is a deliverables heading (catalog deliver.brief.h.<key>); the others use
# creators.brief.h.<key>. Sections whose text is built here (not creators.brief.<family>.<key>): BUILT.
OWN_HEADINGS: tuple[str, ...] = ("product_info", "audience", "deliverables", "fee")
BUILT: tuple[str, ...] = ("claims", "cta", "narrative", "disclosure", "goal", "product_info", "product", "audience",
                          "deliverables", "fee", "timeline", "guidelines")
# The sources each brief draws on (ids in data/sources.yaml; shown by title).
SOURCES: tuple[str, ...] = ("004_b09fe85dff487976.txt", "003_2099007efe86bad4.txt", "epi-2020", "ftc-255",
                            "bpom-18-2024", "bpom-2-2021", "bpom-34-2022", "bpom-6-2021", "uu-33-2014-halal",
                            "kemenkes-76-2013", "epi-children", "idi-mkek-022-2020")
# compliance code -> the brief's line (catalog key); the traditional-medicine rule is about who appears in the
# ad, which the doctor line and the supplement line already cover for a creator.
BRIEF_LINES: dict[str, str] = {
    "compliance-bpom-cosmetics": "law.brief.cosmetics",
    "compliance-bpom-drug": "law.brief.prescription",
    "compliance-medical-device": "law.brief.medical_device",
    "compliance-supplement": "law.brief.supplement",
    "compliance-processed-food": "law.brief.processed_food",
    "compliance-halal": "law.brief.halal",
    "compliance-minors": "law.brief.minors",
    "compliance-doctor": "law.brief.doctor",
}
DRAFT_DAYS_BEFORE = 2
REPORT_DAYS_AFTER = 7


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    text: str


@dataclass(frozen=True)
class CreatorBrief:
    kind: str  # the plan line's kind: kol, nano..mega, koc
    title: str
    count: int  # creators this brief is for (1 per shortlisted creator); never printed in the brief
    sections: tuple[Section, ...]
    recipient: str = ""  # the creator's name (with a roster), else ""
    key: str = ""  # unique per brief: the kind, or kind + roster row

    def with_text(self, key: str, text: str) -> CreatorBrief:
        """The same brief with one section's text replaced (what the user edited on the page)."""
        return replace(self, sections=tuple(replace(s, text=text) if s.key == key else s for s in self.sections))

    def as_text(self) -> str:
        parts = [self.title, "=" * min(len(self.title), 60), ""]
        for s in self.sections:
            parts += [s.heading, s.text, ""]
        return "\n".join(parts)


def family(kind: str) -> str:
    return "influencer" if kind in TIERS else kind


def _campaign(brief: CampaignBrief, lang: str) -> str:
    return brief.name or brief.product_description or t(lang, "creators.brief.campaign_default")


def _product(brief: CampaignBrief, lang: str) -> str:
    """The product as the marketer typed it (never the campaign name), else a neutral 'our product'."""
    return brief.product_description or t(lang, "creators.brief.campaign_default")


def _claims(brief: CampaignBrief, kind: str, lang: str) -> str:
    lines = [t(lang, "creators.brief.claims.general")]
    codes = compliance_codes(brief.industry, {kind}, brief.age_bands)  # the engine's own choice of advisories
    lines += [t(lang, BRIEF_LINES[c]) for c in codes if c in BRIEF_LINES]
    return "\n".join(f"- {x}" for x in lines)


def audience_words(brief: CampaignBrief, lang: str) -> str:
    parts = []
    if brief.gender and brief.gender != "all":
        parts.append(t(lang, f"input.gender.{brief.gender}").lower())
    if brief.age_bands:
        parts.append(", ".join(t(lang, f"input.age_band.{a}") for a in brief.age_bands))
    if brief.region:
        parts.append(brief.region)
    parts.append(t(lang, f"deliver.brief.audience_kind.{brief.audience}"))
    return " · ".join(parts)


def fmt_day(day: dt.date, lang: str) -> str:
    from babel.dates import format_date

    return format_date(day, format="d MMMM y", locale="id_ID" if lang == "id" else "en_GB")


def _dates(line: PlanLine, start: dt.date | None) -> tuple[dt.date, dt.date] | None:
    if start is None:
        return None
    first = start + dt.timedelta(weeks=line.start_week - 1)
    last = start + dt.timedelta(weeks=line.end_week) - dt.timedelta(days=1)
    return first, last


def _timeline(fam: str, line: PlanLine, start: dt.date | None, lang: str) -> str:
    dates = _dates(line, start)
    if dates is None:
        return t(lang, f"deliver.brief.timeline_weeks.{fam}", start=line.start_week, end=line.end_week)
    first, last = dates
    return t(lang, f"deliver.brief.timeline_dates.{fam}", start=line.start_week, end=line.end_week,
             first=fmt_day(first, lang), last=fmt_day(last, lang),
             draft=fmt_day(first - dt.timedelta(days=DRAFT_DAYS_BEFORE), lang),
             report=fmt_day(last + dt.timedelta(days=REPORT_DAYS_AFTER), lang))


def _formats(platforms: Sequence[str], lang: str) -> str:
    names = [t(lang, f"deliver.brief.format.{p}") for p in platforms]
    if not names:
        return t(lang, "deliver.brief.format.any")
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + t(lang, "deliver.brief.or") + names[-1]


def _posts(line: PlanLine) -> int:
    """Posts ONE creator of the line makes: the plan's `posts` counts the whole line (every creator's first post
    plus repeat posts), so it is shared out over its creators, the busiest creator's share rounded up."""
    if line.posts <= 0 or line.count <= 0:
        return 1
    return max(1, -(-line.posts // line.count))


def _fee_text(fam: str, line: PlanLine, brief: CampaignBrief, pick: Pick | None, lang: str) -> str:
    if fam == "koc":
        return t(lang, "deliver.brief.fee.koc", value=fmt_idr(brief.product_value_idr or line.unit_cost_idr, lang))
    # unit_cost_idr is the plan's price of one post; "for all the content above" pays every post asked for.
    fee = pick.fee_idr if pick is not None else line.unit_cost_idr * _posts(line)
    text = t(lang, f"deliver.brief.fee.{fam}", fee=fmt_idr(fee, lang))
    if pick is not None and pick.fee_estimated:
        text += " " + t(lang, "deliver.brief.fee.estimated")
    return text


def brief_for_line(line: PlanLine, brief: CampaignBrief, lang: str, pick: Pick | None = None,
                   start: dt.date | None = None) -> CreatorBrief:
    """The brief for one plan line (one creator of it when `pick` is a shortlisted creator)."""
    fam = family(line.kind)
    platforms: Sequence[str] = (pick.platform,) if pick is not None else brief.platforms
    platform_names = (", ".join(t(lang, f"platform.{p}") for p in platforms)
                      or t(lang, "creators.brief.any_platform"))
    product = _product(brief, lang)
    params: dict[str, object] = {
        "campaign": product,  # the seed texts say "{campaign}" where they mean the product
        "product": product,
        "name": brief.name or product,
        "industry": t(lang, f"industry.{brief.industry}"),
        "goal": t(lang, f"goal.{brief.goal}").lower(),
        "platforms": platform_names,
        "hello": t(lang, "deliver.brief.hello_name", name=pick.name) if pick else t(lang, "deliver.brief.hello"),
        "start": line.start_week,
        "end": line.end_week,
    }
    sections: list[Section] = []
    for key in SECTION_KEYS[fam]:
        if key in OWN_HEADINGS:
            heading = t(lang, f"deliver.brief.h.{key}")
        else:
            heading = t(lang, f"creators.brief.h.{key}")
        if key == "claims":
            text = _claims(brief, line.kind, lang)
        elif key == "goal":
            text = t(lang, f"deliver.brief.intro.{fam}", **params)
        elif key == "product_info":
            text = product if brief.product_description else t(lang, "deliver.brief.product_missing")
            if brief.product_value_idr:
                value = t(lang, "deliver.brief.product_value", value=fmt_idr(brief.product_value_idr, lang))
                text += ("" if text.endswith((".", "!", "?", "]")) else ".") + " " + value
        elif key == "product":
            text = t(lang, "deliver.brief.koc_product", product=product,
                     value=fmt_idr(brief.product_value_idr or line.unit_cost_idr, lang))
        elif key == "audience":
            text = t(lang, "deliver.brief.audience", audience=audience_words(brief, lang))
        elif key == "deliverables":
            text = t(lang, f"deliver.brief.deliverables.{fam}", n=_posts(line), formats=_formats(platforms, lang),
                     days=REPORT_DAYS_AFTER)
        elif key == "fee":
            text = _fee_text(fam, line, brief, pick, lang)
        elif key == "timeline":
            text = _timeline(fam, line, start, lang)
        elif key == "guidelines":
            text = t(lang, "deliver.brief.guidelines", days=DRAFT_DAYS_BEFORE)
        elif key == "cta":
            text = t(lang, f"creators.brief.cta.{brief.goal}", **params)
        elif key == "narrative":
            text = t(lang, f"creators.brief.narrative.{brief.goal}", **params)
        elif key == "disclosure":
            text = t(lang, "law.brief.disclosure_gifted" if fam == "koc" else "law.brief.disclosure_paid")
        else:
            text = t(lang, f"creators.brief.{fam}.{key}", **params)
        sections.append(Section(key=key, heading=heading, text=text))
    who = pick.name if pick is not None else t(lang, f"kind.{line.kind}")
    title = t(lang, "creators.brief.title", kind=who, campaign=_campaign(brief, lang))
    return CreatorBrief(kind=line.kind, title=title, count=1 if pick is not None else line.count,
                        sections=tuple(sections), recipient=pick.name if pick is not None else "",
                        key=f"{line.kind}-{pick.row}" if pick is not None else line.kind)


def creator_briefs(rec: Recommendation, lang: str, shortlist: Shortlist | None = None,
                   start: dt.date | None = None) -> tuple[CreatorBrief, ...]:
    """One brief per shortlisted creator when a shortlist with picks is given, else one per plan line (none when
    there is no plan). `start` (the campaign's first day) turns the plan's weeks into dates."""
    lines = {ln.kind: ln for ln in rec.plan}
    if shortlist is not None and shortlist.selected:
        return tuple(brief_for_line(lines[p.line_kind], rec.brief, lang, pick=p, start=start)
                     for p in shortlist.selected if p.line_kind in lines)
    return tuple(brief_for_line(ln, rec.brief, lang, start=start) for ln in rec.plan)


def apply_edits(briefs: Sequence[CreatorBrief], edits: dict[tuple[str, str], str]) -> tuple[CreatorBrief, ...]:
    """Replace section texts by (brief key or kind, section key) -> text; blank edits keep the generated text."""
    out = []
    for b in briefs:
        for s in b.sections:
            text = edits.get((b.key or b.kind, s.key))
            if text is None and b.key != b.kind:
                text = edits.get((b.kind, s.key))
            if text is not None and text.strip():
                b = b.with_text(s.key, text)
        out.append(b)
    return tuple(out)


_MD_SPECIAL = set("\\`*_[]<>|")


def md_line(text: str) -> str:
    """One line of text for a Markdown file a creator reads as plain text too: emphasis, links, HTML, tables and
    code cannot start (their characters are backslash-escaped), and a line cannot become a heading, quote or
    list by accident; everything else (colons, dots, brackets, #iklan) stays as typed."""
    line = plain_text(text)
    out = "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in line)
    if out[:1] in ("#", ">", "+", "=") or out[:2] == "- " or (out[:1].isdigit() and ". " in out[:6]):
        out = "\\" + out
    return out


def briefs_markdown(briefs: Sequence[CreatorBrief], lang: str) -> str:
    """Every brief as Markdown, one after another (user-edited text shown as typed, never as markup)."""
    if not briefs:
        return t(lang, "deliver.brief.none") + "\n"
    out: list[str] = []
    for b in briefs:
        out += [f"# {md_line(b.title)}", ""]
        for s in b.sections:
            out += [f"## {md_line(s.heading)}", ""]
            for line in s.text.splitlines():
                if not line.strip():
                    continue
                out.append("- " + md_line(line[2:]) if line.startswith("- ") else md_line(line))
            out.append("")
        out += ["---", ""]
    return "\n".join(out[:-3]) + "\n"
