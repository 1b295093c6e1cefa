"""Pydantic models of the public contract: the campaign brief in, the recommendation out."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from guide.text.i18n import LANGS as LANGS
from guide.text.i18n import Lang as Lang
from guide.text.safetext import plain_text

Goal = Literal[
    "awareness", "engagement", "sales", "credibility", "launch", "testimonials", "reputation", "education"
]
Audience = Literal["niche", "broad"]
Industry = Literal[
    "health", "finance", "beauty", "fashion", "fitness", "travel", "lifestyle", "food", "parenting",
    "tech", "education", "other",
]
Platform = Literal["instagram", "tiktok", "youtube", "facebook", "x", "linkedin", "podcast", "offline"]
BrandStage = Literal["new", "established"]
Content = Literal["polished", "authentic", "expert"]
Strategy = Literal["kol", "influencer", "koc", "combined"]
Tier = Literal["nano", "micro", "mid", "macro", "mega"]
Kind = Literal["kol", Tier, "koc"]
AgeBand = Literal["13_17", "18_24", "25_34", "35_44", "45_54", "55_up"]
Gender = Literal["women", "men", "all"]

# The allowed values, in their order, read from the types above (each list is written once).
GOALS: tuple[Goal, ...] = get_args(Goal)
AUDIENCES: tuple[Audience, ...] = get_args(Audience)
INDUSTRIES: tuple[Industry, ...] = get_args(Industry)
PLATFORMS: tuple[Platform, ...] = get_args(Platform)
BRAND_STAGES: tuple[BrandStage, ...] = get_args(BrandStage)
CONTENTS: tuple[Content, ...] = get_args(Content)
STRATEGIES: tuple[Strategy, ...] = get_args(Strategy)
KINDS: tuple[Kind, ...] = get_args(Kind)
TIERS: tuple[Tier, ...] = get_args(Tier)

# Plausible bounds (the app's inputs and the CLI share them).
MAX_BUDGET_IDR = 1_000_000_000_000  # Rp 1 triliun
MAX_PRODUCT_VALUE_IDR = 100_000_000
MAX_NAME_CHARS = 80
AGE_BANDS: tuple[AgeBand, ...] = get_args(AgeBand)
GENDERS: tuple[Gender, ...] = get_args(Gender)
MAX_REGION_CHARS = 80
MAX_PRODUCT_CHARS = 160
MAX_DURATION_WEEKS = 104  # two years


class CampaignBrief(BaseModel):
    """What the marketer tells the guide. Frozen and strict: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    goal: Goal
    budget_idr: int = Field(ge=0, le=MAX_BUDGET_IDR, strict=False)
    audience: Audience
    industry: Industry
    platforms: tuple[Platform, ...] = ()
    brand_stage: BrandStage = "established"
    content: Content | None = None
    duration_weeks: int = Field(default=4, ge=1, le=MAX_DURATION_WEEKS)
    secondary_goal: Goal | None = None
    product_value_idr: int | None = Field(default=None, ge=0, le=MAX_PRODUCT_VALUE_IDR)
    name: str | None = Field(default=None, max_length=MAX_NAME_CHARS)
    # Optional audience descriptors: carried into the plan, the exports and the creator briefs; they do
    # not change the scores (no source says they should).
    age_bands: tuple[AgeBand, ...] = ()
    gender: Gender | None = None
    region: str | None = Field(default=None, max_length=MAX_REGION_CHARS)
    product_description: str | None = Field(default=None, max_length=MAX_PRODUCT_CHARS)

    @field_validator("budget_idr", "duration_weeks", "product_value_idr", mode="before")
    @classmethod
    def _whole_number(cls, v: object) -> object:
        # Whole rupiah / whole weeks: accept 5e7 or "50000000" but never 1.5 or True.
        if isinstance(v, bool):
            raise ValueError("must be a whole number")
        if isinstance(v, float):
            if not v.is_integer():
                raise ValueError("must be a whole number")
            return int(v)
        return v

    @field_validator("name", "region", "product_description")
    @classmethod
    def _name(cls, v: str | None) -> str | None:
        # Free text is plain text on one line: control and bidi-override characters are dropped, runs of
        # whitespace become one space, blank means none.
        if v is None:
            return None
        return plain_text(v) or None

    @field_validator("platforms", "age_bands", mode="before")
    @classmethod
    def _platforms(cls, v: object) -> object:
        if isinstance(v, str):
            raise ValueError("must be a list")
        return v

    @field_validator("platforms")
    @classmethod
    def _dedupe(cls, v: tuple[Platform, ...]) -> tuple[Platform, ...]:
        # Keep a canonical order so equal briefs compare (and share) equal.
        return tuple(p for p in PLATFORMS if p in set(v))

    @field_validator("age_bands")
    @classmethod
    def _dedupe_ages(cls, v: tuple[AgeBand, ...]) -> tuple[AgeBand, ...]:
        return tuple(a for a in AGE_BANDS if a in set(v))

    @model_validator(mode="after")
    def _secondary_differs(self) -> CampaignBrief:
        if self.secondary_goal is not None and self.secondary_goal == self.goal:
            raise ValueError("secondary_goal must differ from goal")
        return self


class Range(BaseModel):
    model_config = ConfigDict(frozen=True)
    low: int
    high: int


class SourceRef(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str
    title: str  # in the recommendation's language
    passage: str = ""
    publisher: str | None = None
    url: str | None = None


Direction = Literal["for", "against", "neutral"]


class Reason(BaseModel):
    model_config = ConfigDict(frozen=True)
    rule_id: str
    label: str
    effects: dict[Strategy, float]
    weight: float
    text: str
    source: SourceRef
    # Relative to the planned strategy (the winner when funded, else the fallback; the winner when nothing is
    # funded): points = its effect on that strategy minus its largest effect on any other (× weight).
    # "for" > 0, "against" < 0 (it argues for another strategy, `favours`), "neutral" = 0 — or a reason for
    # the winner when nothing is planned (it is about creators not in the plan).
    direction: Direction = "neutral"
    points: float = 0.0
    favours: Strategy | None = None


class PlanLine(BaseModel):
    model_config = ConfigDict(frozen=True)
    kind: Kind
    count: int
    cost_idr: int
    unit_cost_idr: int
    cost_band: Range
    reach: Range
    engagements: Range
    phase: int
    start_week: int
    end_week: int
    basis: tuple[str, ...] = ()
    # What `reach` counts: unique accounts reached by one post per creator (reach rate × followers ×
    # completion), overlap between this line's creators discounted (figures.yaml overlap_share).
    reach_basis: str = "unique-accounts"
    posts: int = 0  # posts the line buys: one per creator plus repeat posts (planner: max_posts_per_creator)


class Advisory(BaseModel):
    model_config = ConfigDict(frozen=True)
    code: str
    text: str
    source: SourceRef | None = None


class Recommendation(BaseModel):
    model_config = ConfigDict(frozen=True)
    brief: CampaignBrief
    lang: Lang
    strategy: Strategy
    planned_strategy: Strategy | None
    runner_up: Strategy
    margin: float
    scores: dict[Strategy, float]
    raw_scores: dict[Strategy, float]
    summary: str
    reasons: tuple[Reason, ...]
    plan: tuple[PlanLine, ...]
    total_cost_idr: int
    warnings: tuple[Advisory, ...]
    next_steps: tuple[str, ...]
    headline: str = ""  # one sentence, what is planned first (the fallback said before the best fit)
    reserve_idr: int = 0  # held back for shipping, fees and boosting (figures.yaml reserve_share)
    unallocated_idr: int = 0  # budget − reserve − total_cost_idr: what the next creator would not fit into
    reach_total: Range = Range(low=0, high=0)  # unique accounts over the whole plan, overlap discounted
    engagements_total: Range = Range(low=0, high=0)
    tie_break: Literal["cheaper", "lower-risk"] | None = None  # set when the raw scores tie exactly
    capped: bool = False  # more creators than one team manages (team_capacity): an agency is planned and costed
    # ---- One number everywhere (issue 23): every total a view shows, computed once in the engine. ----
    budget_idr: int = 0  # the brief's budget
    agency_fee_idr: int = 0  # KOL-management agency fee (figures.yaml agency_fee_share, ANA), 0 without one
    spend_idr: int = 0  # total_cost_idr + agency_fee_idr: what the plan spends besides the reserve
    unallocated_share: float = 0.0  # unallocated_idr ÷ budget_idr (0–1)
    unallocated_reason: Literal["below-one-creator", "capacity", "shape-rule", "agency-fee"] | None = None
    unallocated_text: str = ""  # the reason in the recommendation's language ("" when under 5 % of the budget)
    objective: Literal["reach", "engagements", "expert-voices", "honest-voices"] | None = None
    objective_value: float = 0.0  # the optimum the planner reached, in the objective's units (middle of ranges)
    objective_text: str = ""  # what the plan maximises, in the recommendation's language
    creators_total: int = 0  # creators in the plan
    posts_total: int = 0  # posts in the plan (creators + repeat posts)
    kol_count: int = 0
    koc_count: int = 0
    koc_parcels: int = 0  # KOC parcels shipped = KOC creators (product + shipping each; no fee)
    agency_advised: bool = False  # a KOL-management agency is advised (and, when capped, costed)
