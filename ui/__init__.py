"""The app's shared page helpers, beside pages/ (pages import from here, never the other way round).

- ui.frame: the parts app.py assembles (page config, share-link sync, header, running a page, page_guard)
- ui.state: the session's brief and figures
- ui.text: language, catalog text, money, notices, user text as text
- ui.chart: drawing a chart from guide.advice.charts
"""

from ui.chart import chart, chart_size, draw
from ui.frame import page_guard
from ui.state import brief, figures, figures_edited, load_brief, projector, update_brief
from ui.text import lang, money, plain, problem_text, show_notices, source_title, tr, tr_first

__all__ = [
    "brief",
    "chart",
    "chart_size",
    "draw",
    "figures",
    "figures_edited",
    "lang",
    "load_brief",
    "money",
    "page_guard",
    "plain",
    "problem_text",
    "projector",
    "show_notices",
    "source_title",
    "tr",
    "tr_first",
    "update_brief",
]
