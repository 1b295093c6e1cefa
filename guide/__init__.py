"""Panduan Strategi Kreator — the pure domain: brief, rules, engine, planner, exports. No streamlit here."""

from guide.advice.engine import decide, recommend
from guide.advice.knowledge import Figures, Knowledge, KnowledgeError, knowledge, load_knowledge
from guide.advice.models import Advisory, CampaignBrief, PlanLine, Reason, Recommendation

__all__ = [
    "Advisory",
    "CampaignBrief",
    "Figures",
    "Knowledge",
    "KnowledgeError",
    "PlanLine",
    "Reason",
    "Recommendation",
    "decide",
    "knowledge",
    "load_knowledge",
    "recommend",
]
