"""Hypothesis strategies shared by the property tests: every brief a user (or a link, or a file) can make."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from guide import CampaignBrief
from guide.advice.models import (
    AUDIENCES,
    BRAND_STAGES,
    CONTENTS,
    GOALS,
    INDUSTRIES,
    MAX_BUDGET_IDR,
    MAX_DURATION_WEEKS,
    MAX_PRODUCT_VALUE_IDR,
    PLATFORMS,
)

# Budgets: the whole legal range, plus extra weight on the range where strategies become affordable.
budgets = st.one_of(
    st.integers(min_value=0, max_value=MAX_BUDGET_IDR),
    st.integers(min_value=0, max_value=300_000_000),
    st.sampled_from([0, 1, 49_999, 50_000, 275_000, 1_499_999, 1_500_000, 1_775_000, 9_999_999, 10_000_000,
                     30_000_000, 149_999_999, 150_000_000, MAX_BUDGET_IDR]),
)


@st.composite
def briefs(draw: st.DrawFn, budget: st.SearchStrategy[int] = budgets) -> CampaignBrief:
    goal = draw(st.sampled_from(GOALS))
    fields: dict[str, Any] = {
        "goal": goal,
        "budget_idr": draw(budget),
        "audience": draw(st.sampled_from(AUDIENCES)),
        "industry": draw(st.sampled_from(INDUSTRIES)),
        "platforms": draw(st.lists(st.sampled_from(PLATFORMS), max_size=len(PLATFORMS) + 2)),
        "brand_stage": draw(st.sampled_from(BRAND_STAGES)),
        "content": draw(st.none() | st.sampled_from(CONTENTS)),
        "duration_weeks": draw(st.integers(min_value=1, max_value=MAX_DURATION_WEEKS)),
        "secondary_goal": draw(st.none() | st.sampled_from([g for g in GOALS if g != goal])),
        "product_value_idr": draw(st.none() | st.integers(min_value=0, max_value=MAX_PRODUCT_VALUE_IDR)),
    }
    if "name" in CampaignBrief.model_fields:  # optional campaign label, when the model has one
        fields["name"] = draw(st.none() | st.text(max_size=80))
    return CampaignBrief(**fields)
