"""Rules, figures and sources loaded from data/ and validated with pydantic.

A broken data file fails at load with a message that names the file, the rule (or row) and the field.
Everything here is immutable, so one loaded copy can be shared by every user of the app.
"""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from guide.advice.models import (
    KINDS,
    TIERS,
    Audience,
    BrandStage,
    CampaignBrief,
    Content,
    Goal,
    Industry,
    Kind,
    Platform,
    Strategy,
)

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
# Sources the engine's advisories cite (checked against sources.yaml when the knowledge loads).
ADVISORY_SOURCES = ("idi-mkek-022-2020", "ftc-255", "epi-2020", "epi-children", "bpom-18-2024", "bpom-2-2021",
                    "bpom-34-2022", "bpom-6-2021", "uu-33-2014-halal", "kemenkes-76-2013", "no-kol-ratecard",
                    "000_11d1de50b13a0c2a.txt", "002_335bf9447ff5f52e.txt", "003_2099007efe86bad4.txt",
                    "004_b09fe85dff487976.txt")


class KnowledgeError(ValueError):
    """A data file is broken; the message names the file, the item and the field."""


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BudgetTest(_Frozen):
    """`count` units of `kind` at the planner's planning cost (the middle of the rate band, or the brief's
    product value for a KOC), grossed up by the reserve: the very budget the plan needs to book them."""

    kind: Kind
    count: int = Field(default=1, ge=1)


class Condition(_Frozen):
    """All present fields must hold; a list means any of its values."""

    goal: tuple[Goal, ...] | None = None
    secondary_goal: tuple[Goal, ...] | None = None
    audience: Audience | None = None
    industry: tuple[Industry, ...] | None = None
    platforms_any: tuple[Platform, ...] | None = None
    content: tuple[Content, ...] | None = None
    content_not: tuple[Content, ...] | None = None  # holds when the content is none of these (or not given)
    brand_stage: BrandStage | None = None
    duration_weeks_min: int | None = Field(default=None, ge=1)
    duration_weeks_max: int | None = Field(default=None, ge=1)
    budget_below: BudgetTest | None = None
    budget_at_least: BudgetTest | None = None

    def weight(self, brief: CampaignBrief, figures: Figures) -> float:
        """1.0 when the condition holds, 0.5 when only the secondary goal satisfies `goal`, else 0.

        The one definition of a condition: the answers part (`answers_weight`) and the budget part
        (`budget_window`). The what-if map calls the same two methods, once per goal × audience."""
        w = self.answers_weight(brief)
        if w == 0.0:
            return 0.0
        lo, hi = self.budget_window(brief, figures)
        return w if lo <= brief.budget_idr < hi else 0.0

    def answers_weight(self, brief: CampaignBrief) -> float:
        """The weight from every test except the budget (1.0, 0.5 via the secondary goal, or 0)."""
        w = 1.0
        if self.goal is not None:
            if brief.goal in self.goal:
                pass
            elif brief.secondary_goal is not None and brief.secondary_goal in self.goal and \
                    self.secondary_goal is None:
                w = 0.5
            else:
                return 0.0
        if self.secondary_goal is not None and brief.secondary_goal not in self.secondary_goal:
            return 0.0
        if self.audience is not None and brief.audience != self.audience:
            return 0.0
        if self.industry is not None and brief.industry not in self.industry:
            return 0.0
        if self.platforms_any is not None and not set(self.platforms_any) & set(brief.platforms):
            return 0.0
        if self.content is not None and brief.content not in self.content:
            return 0.0
        if self.content_not is not None and brief.content in self.content_not:
            return 0.0
        if self.brand_stage is not None and brief.brand_stage != self.brand_stage:
            return 0.0
        if self.duration_weeks_min is not None and brief.duration_weeks < self.duration_weeks_min:
            return 0.0
        if self.duration_weeks_max is not None and brief.duration_weeks > self.duration_weeks_max:
            return 0.0
        return w

    def budget_window(self, brief: CampaignBrief, figures: Figures) -> tuple[float, float]:
        """[low, high): the budgets for which the budget tests hold. Money comes from the planner's own
        figure, the planning cost of a unit (`Figures.units_cost`), so a rule and the plan cannot disagree."""
        lo = float(figures.units_cost(self.budget_at_least, brief)) if self.budget_at_least is not None else 0.0
        hi = float(figures.units_cost(self.budget_below, brief)) if self.budget_below is not None else math.inf
        return lo, hi


class LocalText(_Frozen):
    id: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


class RuleSource(_Frozen):
    article: str
    passage: str = Field(min_length=1)


class Rule(_Frozen):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{2,60}$")
    label: LocalText
    description: str = Field(min_length=1)
    when: Condition
    effects: dict[Strategy, int]
    reason: LocalText
    source: RuleSource

    @field_validator("effects")
    @classmethod
    def _bounded(cls, v: dict[Strategy, int]) -> dict[Strategy, int]:
        for k, x in v.items():
            if not -50 <= x <= 50:
                raise ValueError(f"effect on {k} is {x}; each effect must lie between -50 and 50")
        return v


class FigureMeta(_Frozen):
    """Where one value comes from, openfisca-style: its unit and a dated reference."""

    unit: str = Field(min_length=1)
    reference: str
    as_of: date
    assumption: bool = False
    note: str = ""  # English
    note_id: str = ""  # Indonesian

    def note_text(self, lang: str = "id") -> str:
        return self.note_id if lang == "id" and self.note_id else self.note


NUMBERS = ("rate", "followers", "er", "reach")


class KindFigures(_Frozen):
    """Rate, audience size, engagement-rate and reach-rate bands of one kind of creator, with sources.

    In figures.yaml each value is written `{value, unit, reference, as_of, assumption?, note?}`; it is
    flattened here to the number (`rate_low`, …), its per-value `meta`, and per band a source, an assumption
    flag and a note (the first value's reference; flagged when either end is an assumption)."""

    rate_low: int = Field(ge=1)
    rate_high: int = Field(ge=1)
    rate_unit: Literal["post", "engagement", "creator"]
    rate_source: str
    rate_assumption: bool = False
    rate_note: str = ""
    followers_low: int = Field(ge=1)
    followers_high: int = Field(ge=1)
    followers_source: str
    followers_assumption: bool = False
    followers_note: str = ""
    er_low: float = Field(gt=0, le=100, allow_inf_nan=False)
    er_high: float = Field(gt=0, le=100, allow_inf_nan=False)
    er_source: str
    er_assumption: bool = False
    er_note: str = ""
    reach_low: float = Field(gt=0, le=100, allow_inf_nan=False)
    reach_high: float = Field(gt=0, le=100, allow_inf_nan=False)
    reach_source: str
    reach_assumption: bool = False
    reach_note: str = ""
    meta: dict[str, FigureMeta] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _flatten(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        out = dict(data)
        meta = dict(out.get("meta") or {})
        for name in NUMBERS:
            for end in ("low", "high"):
                key = f"{name}_{end}"
                v = out.get(key)
                if isinstance(v, dict):
                    body = dict(v)
                    out[key] = body.pop("value", None)
                    meta[key] = body
            lo, hi = meta.get(f"{name}_low"), meta.get(f"{name}_high")
            if isinstance(lo, dict):
                out.setdefault(f"{name}_source", lo.get("reference"))
                flags = [m.get("assumption", False) for m in (lo, hi) if isinstance(m, dict)]
                out.setdefault(f"{name}_assumption", any(flags))
                notes = [m.get("note", "") for m in (lo, hi) if isinstance(m, dict) and m.get("note")]
                out.setdefault(f"{name}_note", " ".join(notes))
        if "rate_unit" not in out and isinstance(meta.get("rate_low"), dict):
            unit = str(meta["rate_low"].get("unit", ""))
            out["rate_unit"] = unit.rsplit(" ", 1)[-1]
        out["meta"] = meta
        return out

    @model_validator(mode="after")
    def _ordered(self) -> KindFigures:
        for name in NUMBERS:
            lo, hi = getattr(self, f"{name}_low"), getattr(self, f"{name}_high")
            if isinstance(lo, float) and not (math.isfinite(lo) and math.isfinite(hi)):
                raise ValueError(f"{name}: must be a finite number")
            if lo > hi:
                raise ValueError(f"{name}_low ({lo}) is above {name}_high ({hi})")
        return self

    @property
    def rate_mid(self) -> int:
        return (self.rate_low + self.rate_high) // 2

    def sources(self) -> set[str]:
        return {getattr(self, f"{n}_source") for n in NUMBERS} | {m.reference for m in self.meta.values()}

    def note(self, name: str, lang: str = "id") -> str:
        """The notes on one band (`rate`, `followers`, `er`, `reach`) in the user's language."""
        parts = [m.note_text(lang) for end in ("low", "high") if (m := self.meta.get(f"{name}_{end}")) is not None]
        text = " ".join(p for p in parts if p)
        return text or getattr(self, f"{name}_note")


class Factor(_Frozen):
    """One scalar figure with its unit and dated reference (`reference` in the file, `source` here)."""

    value: float = Field(allow_inf_nan=False)
    unit: str = ""
    source: str = Field(validation_alias=AliasChoices("reference", "source"))
    as_of: date | None = None
    assumption: bool = False
    note: str = ""  # English
    note_id: str = ""  # Indonesian

    def note_text(self, lang: str = "id") -> str:
        return self.note_id if lang == "id" and self.note_id else self.note


class TierScheme(_Frozen):
    id: str
    name: str
    source: str
    note_id: str
    note_en: str
    other_schemes: tuple[dict[str, str], ...] = ()


class ERBand(_Frozen):
    low: float = Field(ge=0, le=100)
    high: float = Field(ge=0, le=100)
    assumption: bool = False
    note: str = ""


class PlatformBands(_Frozen):
    """Engagement-rate bands per kind on one platform (TikTok), with one dated reference."""

    reference: str
    as_of: date | None = None
    unit: str = ""
    kinds: dict[Kind, ERBand]


class Figures(_Frozen):
    """The editable assumptions: one row per kind, plus the plan-wide factors."""

    kinds: dict[Kind, KindFigures]
    completion_factor: Factor
    reserve_share: Factor
    overlap_share: Factor
    team_capacity: Factor
    management_threshold: Factor
    agency_threshold: Factor
    video_reach_factor: Factor
    tier_scheme: TierScheme
    tiktok_er_bands: PlatformBands | None = None  # results: TikTok posts against TikTok's own bands
    # Plan optimiser figures (issue 23): a KOC parcel's shipping, the agency fee, repeat posts.
    shipping_per_parcel: Factor
    agency_fee_share: Factor
    repeat_post_reach: Factor
    max_posts_per_creator: Factor

    @field_validator("kinds")
    @classmethod
    def _all_kinds(cls, v: dict[Kind, KindFigures]) -> dict[Kind, KindFigures]:
        missing = [k for k in KINDS if k not in v]
        if missing:
            raise ValueError(f"missing kinds: {', '.join(missing)}")
        return v

    @field_validator("completion_factor")
    @classmethod
    def _factor(cls, v: Factor) -> Factor:
        if not (math.isfinite(v.value) and 0 < v.value <= 1):
            raise ValueError("completion factor must be above 0 and at most 1")
        return v

    @field_validator("reserve_share", "overlap_share")
    @classmethod
    def _share(cls, v: Factor) -> Factor:
        if not 0 <= v.value < 1:
            raise ValueError("a share must be at least 0 and below 1")
        return v

    @field_validator("team_capacity", "management_threshold", "agency_threshold", "video_reach_factor")
    @classmethod
    def _at_least_one(cls, v: Factor) -> Factor:
        if v.value < 1:
            raise ValueError("must be at least 1")
        return v

    def factors(self) -> dict[str, Factor]:
        return {name: getattr(self, name) for name in (
            "completion_factor", "reserve_share", "overlap_share", "team_capacity", "management_threshold",
            "agency_threshold", "video_reach_factor")}

    def unit_band(self, kind: Kind, brief: CampaignBrief) -> tuple[int, int, int]:
        """(low, planning, high) cost of one unit; a KOC's product value from the brief replaces the band."""
        k = self.kinds[kind]
        if kind == "koc" and brief.product_value_idr:
            v = brief.product_value_idr
            return v, v, v
        return k.rate_low, k.rate_mid, k.rate_high

    def units_cost(self, test: BudgetTest, brief: CampaignBrief) -> int:
        """The budget that buys `test.count` units at the planning rate once the reserve is held back: the
        planner's own threshold (guide/advice/planner.py `minimum_budget` for one core line)."""
        return self.budget_for(test.count * self.unit_band(test.kind, brief)[1])

    def reserve_of(self, budget: int) -> int:
        """The reserve held back from a budget (shipping, fees, boosting), whole rupiah."""
        return int(budget * self.reserve_share.value)

    def budget_for(self, cost: int) -> int:
        """The smallest budget whose part after the reserve covers `cost`."""
        b = math.ceil(cost / (1 - self.reserve_share.value))
        while b > 0 and b - 1 - self.reserve_of(b - 1) >= cost:
            b -= 1
        while b - self.reserve_of(b) < cost:
            b += 1
        return b


class LineSpec(_Frozen):
    kind: Kind
    share: float = Field(ge=0, le=1)
    phase: int = Field(ge=1, le=4)
    core: bool = False


class ExpertLine(_Frozen):
    when: Condition
    line: LineSpec


class TrustLine(_Frozen):
    """A supporting line added to other strategies' plans when the brief's condition holds (a secondary
    trust goal puts KOCs in the plan)."""

    when: Condition
    line: LineSpec
    strategies: tuple[Strategy, ...]
    source: str
    shares_assumption: bool


class StrategySpec(_Frozen):
    source: str
    note: str
    shares_assumption: bool  # true when no article gives the split (the lines' order and phases may be sourced)
    lines: tuple[LineSpec, ...]
    expert_line: ExpertLine | None = None


class MixRow(_Frozen):
    id: str
    description: str
    when: Condition
    mix: dict[Kind, float]
    source: str
    shares_assumption: bool
    celebrity: bool = False  # used only when it beats the next row on reach and engagements at this budget

    @field_validator("mix")
    @classmethod
    def _tiers_only(cls, v: dict[Kind, float]) -> dict[Kind, float]:
        bad = [k for k in v if k not in TIERS]
        if bad:
            raise ValueError(f"a tier mix may only use influencer tiers, not {', '.join(bad)}")
        if abs(sum(v.values()) - 1.0) > 1e-6:
            raise ValueError(f"shares add up to {sum(v.values()):g}, not 1")
        return v


class PlanSpec(_Frozen):
    strategies: dict[Strategy, StrategySpec]
    tier_mix: tuple[MixRow, ...]
    trust_line: TrustLine | None = None

    @field_validator("tier_mix")
    @classmethod
    def _fallback_last(cls, v: tuple[MixRow, ...]) -> tuple[MixRow, ...]:
        if not v or v[-1].when != Condition() or v[-1].celebrity:
            raise ValueError("the last tier_mix row must have an empty condition (the fallback)")
        return v

    def mix_rows_for(self, brief: CampaignBrief, figures: Figures) -> list[MixRow]:
        """Every row whose condition holds fully, in file order (the last row always does)."""
        return [row for row in self.tier_mix if row.when.weight(brief, figures) == 1.0]

    def mix_for(self, brief: CampaignBrief, figures: Figures) -> MixRow:
        return self.mix_rows_for(brief, figures)[0]


class Source(_Frozen):
    """One article or reference: a title per language, its publisher, a URL where known, and its date."""

    id: str
    title_text: LocalText = Field(validation_alias=AliasChoices("title", "title_text"))
    publisher: str = Field(min_length=1)
    url: str | None = Field(default=None, pattern=r"^https://")
    as_of: date | None = None
    summary_id: str = ""
    summary_en: str = ""
    clause: str = ""  # the article or clause cited, where there is one
    quote: str = ""  # the passage a figure or an advisory rests on (short; quoted or in our words)
    verified_at: tuple[str, ...] = ()  # stored public pages where the rule or figure was checked
    unverified: str = ""  # what could not be confirmed, and why

    def title(self, lang: str = "id") -> str:
        return self.title_text.get(lang)

    def summary(self, lang: str = "id") -> str:
        return self.summary_en if lang == "en" else self.summary_id


class Sources(_Frozen):
    articles: tuple[Source, ...]
    references: tuple[Source, ...]

    @model_validator(mode="after")
    def _unique(self) -> Sources:
        ids = [x.id for x in (*self.articles, *self.references)]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"duplicate source id: {', '.join(dup)}")
        for a in self.articles:
            if not (a.summary_id and a.summary_en):
                raise ValueError(f"article '{a.id}' needs summary_id and summary_en")
        return self

    def get(self, source_id: str) -> Source:
        for x in (*self.articles, *self.references):
            if x.id == source_id:
                return x
        raise KeyError(source_id)

    def title(self, source_id: str, lang: str = "id") -> str:
        return self.get(source_id).title(lang)

    def ids(self) -> set[str]:
        return {a.id for a in self.articles} | {r.id for r in self.references}


class Knowledge(_Frozen):
    rules: tuple[Rule, ...]
    figures: Figures
    plan: PlanSpec
    sources: Sources


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as f:
            return yaml.safe_load(f)
    except OSError as e:
        raise KnowledgeError(f"{path.name}: cannot be read ({e.strerror})") from None
    except yaml.YAMLError as e:
        raise KnowledgeError(f"{path.name}: not valid YAML ({e})") from None


def _first_error(e: ValidationError) -> str:
    err = e.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "(root)"
    return f"field '{loc}': {err['msg']}"


def parse_rules(raw: Any, filename: str = "rules.yaml") -> tuple[Rule, ...]:
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), list):
        raise KnowledgeError(f"{filename}: expected a mapping with a 'rules' list")
    if raw.get("hit_policy") != "collect-sum":
        raise KnowledgeError(f"{filename}: hit_policy must be 'collect-sum'")
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, item in enumerate(raw["rules"]):
        rid = item.get("id") if isinstance(item, dict) else None
        label = f"rule '{rid}'" if rid else f"rule #{i + 1}"
        try:
            rule = Rule.model_validate(item)
        except ValidationError as e:
            raise KnowledgeError(f"{filename}: {label}: {_first_error(e)}") from None
        if rule.id in seen:
            raise KnowledgeError(f"{filename}: {label}: field 'id': duplicate rule id")
        seen.add(rule.id)
        rules.append(rule)
    return tuple(rules)


def _validate(model: type[BaseModel], raw: Any, filename: str) -> Any:
    try:
        return model.model_validate(raw)
    except ValidationError as e:
        raise KnowledgeError(f"{filename}: {_first_error(e)}") from None


def _name_rows(e: KnowledgeError, raw: Any) -> KnowledgeError:
    """Replace a tier_mix row's position by its id in the message ('tier_mix.1.mix' -> row 'mix-x')."""
    import re

    m = re.search(r"field 'tier_mix\.(\d+)\.?([^']*)'", str(e))
    rows = raw.get("tier_mix") if isinstance(raw, dict) else None
    if m and isinstance(rows, list) and int(m.group(1)) < len(rows) and isinstance(rows[int(m.group(1))], dict):
        rid = rows[int(m.group(1))].get("id", f"#{int(m.group(1)) + 1}")
        return KnowledgeError(str(e).replace(m.group(0), f"tier_mix row '{rid}': field '{m.group(2) or '(row)'}'"))
    return e


def load_knowledge(data_dir: Path = DATA_DIR) -> Knowledge:
    sources = _validate(Sources, _read_yaml(data_dir / "sources.yaml"), "sources.yaml")
    rules = parse_rules(_read_yaml(data_dir / "rules.yaml"))
    figures = _validate(Figures, _read_yaml(data_dir / "figures.yaml"), "figures.yaml")
    raw_plan = _read_yaml(data_dir / "plan.yaml")
    try:
        plan = _validate(PlanSpec, raw_plan, "plan.yaml")
    except KnowledgeError as e:
        raise _name_rows(e, raw_plan) from None
    known = sources.ids()

    def check(sid: str, where: str) -> None:
        if sid not in known:
            raise KnowledgeError(f"{where}: unknown source '{sid}'")

    for r in rules:
        check(r.source.article, f"rules.yaml: rule '{r.id}': field 'source.article'")
    for kind, kf in figures.kinds.items():
        for name in NUMBERS:
            check(getattr(kf, f"{name}_source"), f"figures.yaml: kind '{kind}': field '{name}_source'")
        for key, m in kf.meta.items():
            check(m.reference, f"figures.yaml: kind '{kind}': field '{key}.reference'")
    check(figures.tier_scheme.source, "figures.yaml: field 'tier_scheme.source'")
    if figures.tiktok_er_bands is not None:
        check(figures.tiktok_er_bands.reference, "figures.yaml: field 'tiktok_er_bands.reference'")
    for name, factor in figures.factors().items():
        check(factor.source, f"figures.yaml: field '{name}.reference'")
    for name, spec in plan.strategies.items():
        check(spec.source, f"plan.yaml: strategy '{name}': field 'source'")
    for row in plan.tier_mix:
        check(row.source, f"plan.yaml: tier_mix row '{row.id}': field 'source'")
    if plan.trust_line is not None:
        check(plan.trust_line.source, "plan.yaml: field 'trust_line.source'")
    for sid in ADVISORY_SOURCES:
        check(sid, "advisory source (ADVISORY_SOURCES)")
    return Knowledge(rules=rules, figures=figures, plan=plan, sources=sources)


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The shipped knowledge, loaded once per process and shared (it is immutable)."""
    return load_knowledge()
