"""Briefs to send creators: one per line of the plan, in Indonesian or English, editable before download.

What each brief contains follows the seed articles:
- influencers (nano to mega), article 004: a clear narrative, the visual, the call to action, and flexible
  guidelines that leave room for the creator's own style; plus the timeline of the plan line;
- KOCs, article 004: the product is sent to try, the creator shares an honest experience, with no script
  and no contract beyond the disclosure;
- KOLs, articles 000 and 003: the topic of their expertise; their impartiality is respected (the brand
  does not dictate conclusions).
Every brief carries the disclosure (#iklan / #ad, paid or gifted; US FTC 16 CFR 255 as the cited practice,
no explicit Indonesian rule found) and the claims creators must not make: BPOM rules where the industry is
health or beauty, and the IDI ethics council (MKEK) fatwa 022/2020 for doctors where the product is health,
beauty or fitness (the same industry sets the engine's advisories use).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from guide.advice.engine import compliance_codes
from guide.advice.models import TIERS, CampaignBrief, PlanLine, Recommendation
from guide.text.i18n import fmt_idr, fmt_int, t

SECTION_KEYS: dict[str, tuple[str, ...]] = {
    "influencer": ("goal", "narrative", "visual", "cta", "guidelines", "timeline", "disclosure", "claims"),
    "koc": ("goal", "product", "experience", "no_script", "timeline", "disclosure", "claims"),
    "kol": ("goal", "topic", "impartiality", "format", "timeline", "disclosure", "claims"),
}
SOURCES: tuple[str, ...] = ("004_b09fe85dff487976.txt", "003_2099007efe86bad4.txt", "ftc-255", "bpom-2021-2025",
                            "idi-mkek-022-2020")


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    text: str


@dataclass(frozen=True)
class CreatorBrief:
    kind: str  # the plan line's kind: kol, nano..mega, koc
    title: str
    count: int
    sections: tuple[Section, ...]

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
    return brief.name or t(lang, "creators.brief.campaign_default")


def _claims(brief: CampaignBrief, kind: str, lang: str) -> str:
    lines = [t(lang, "creators.brief.claims.general")]
    codes = compliance_codes(brief.industry, {kind})  # the engine's own choice of compliance advisories
    if any(c != "compliance-doctor" for c in codes):
        lines.append(t(lang, "creators.brief.claims.bpom"))
    if "compliance-doctor" in codes:
        lines.append(t(lang, "creators.brief.claims.mkek"))
    return "\n".join(f"- {x}" for x in lines)


def brief_for_line(line: PlanLine, brief: CampaignBrief, lang: str) -> CreatorBrief:
    fam = family(line.kind)
    platforms = ", ".join(t(lang, f"platform.{p}") for p in brief.platforms) or t(lang, "creators.brief.any_platform")
    params: dict[str, object] = {
        "campaign": _campaign(brief, lang),
        "industry": t(lang, f"industry.{brief.industry}"),
        "goal": t(lang, f"goal.{brief.goal}"),
        "kind": t(lang, f"kind.{line.kind}"),
        "count": fmt_int(line.count, lang),
        "start": line.start_week,
        "end": line.end_week,
        "platforms": platforms,
        "fee": fmt_idr(line.unit_cost_idr, lang),
        "product_value": fmt_idr(brief.product_value_idr or line.unit_cost_idr, lang),
    }
    sections: list[Section] = []
    for key in SECTION_KEYS[fam]:
        heading = t(lang, f"creators.brief.h.{key}")
        if key == "claims":
            text = _claims(brief, line.kind, lang)
        elif key == "cta":
            text = t(lang, f"creators.brief.cta.{brief.goal}", **params)
        elif key == "narrative":
            text = t(lang, f"creators.brief.narrative.{brief.goal}", **params)
        elif key == "disclosure":
            text = t(lang, "creators.brief.disclosure_gifted" if fam == "koc" else "creators.brief.disclosure_paid")
        else:
            text = t(lang, f"creators.brief.{fam}.{key}", **params)
        sections.append(Section(key=key, heading=heading, text=text))
    title = t(lang, "creators.brief.title", kind=t(lang, f"kind.{line.kind}"), campaign=_campaign(brief, lang))
    return CreatorBrief(kind=line.kind, title=title, count=line.count, sections=tuple(sections))


def creator_briefs(rec: Recommendation, lang: str) -> tuple[CreatorBrief, ...]:
    """One brief per line of the recommended plan (none when there is no plan)."""
    return tuple(brief_for_line(ln, rec.brief, lang) for ln in rec.plan)


def apply_edits(briefs: Sequence[CreatorBrief], edits: dict[tuple[str, str], str]) -> tuple[CreatorBrief, ...]:
    """Replace section texts by (kind, section key) -> text; blank edits keep the generated text."""
    out = []
    for b in briefs:
        for s in b.sections:
            text = edits.get((b.kind, s.key))
            if text is not None and text.strip():
                b = b.with_text(s.key, text)
        out.append(b)
    return tuple(out)
