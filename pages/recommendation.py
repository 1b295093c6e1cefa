"""Recommendation: the brief it answers, the strategy and its score, why (for / against), the costed plan,
warnings and next steps, share and downloads. The view: ui/recommendation.py; every figure: guide.recommend."""

from ui import page_guard

page_guard()

from ui.recommendation import show  # noqa: E402 (after the guard: a cold-start page URL runs app.py instead)

show()
