"""Every chart builder's output for the default brief, to compare before and after a change to the charts.

Writes, into OUT: each builder's Vega-Lite spec (JSON) and its rendering by vl-convert (SVG, 600 px wide) for
the recommendation (five charts), compare, the three what-if maps (both sizes), the creators' shortlist, the
results (plan, efficiency, timeline) and the workshop board, in Indonesian and English; every chart's
sentence (sentences.json); the results PDF (its pages compare with `pdftoppm -png`, the file itself carries a
date). Run from the project folder:

    python -m tools.chart_dump /tmp/before   # ... change ...   python -m tools.chart_dump /tmp/after
    diff -r /tmp/before /tmp/after
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import vl_convert as vlc

from guide import recommend
from guide.advice import charts as ac
from guide.advice.brief_io import DEFAULT_BRIEF
from guide.advice.knowledge import knowledge
from guide.advice.models import AUDIENCES
from guide.advice.whatif import compare, scenario_briefs, whatif_map
from guide.creators import charts as cc
from guide.creators.roster import derive, parse_roster
from guide.creators.shortlist import Options, make_shortlist
from guide.output.charts import full_spec
from guide.results import report as rr
from guide.results.analysis import analyse, parse_results
from guide.workshop import board


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    root = Path(".")
    fig = knowledge().figures
    specs: dict[str, dict[str, Any]] = {}
    sentences: dict[str, str] = {}
    for lang in ("id", "en"):
        rec = recommend(DEFAULT_BRIEF, lang)
        for size in ("normal", "projector"):
            for name in ac.CHARTS:
                inputs = (fig, lang) if name == "tiers" else (rec, lang)
                specs[f"advice_{name}_{lang}_{size}"] = full_spec(*ac.chart_spec(name, *inputs, size=size))
                sentences[f"advice_{name}_{lang}"] = ac.describe(name, *inputs)
            briefs = scenario_briefs(DEFAULT_BRIEF, "sales")
            recs = compare(briefs, lang, fig)
            labels = {n: n.upper() for n in briefs}
            specs[f"compare_{lang}_{size}"] = full_spec(*ac.compare_spec(recs, labels, lang, size))
            sentences[f"compare_{lang}"] = ac.describe_compare(recs, labels, lang)
            cells = whatif_map(DEFAULT_BRIEF, fig)
            for aud in AUDIENCES:
                here = (DEFAULT_BRIEF.budget_idr, DEFAULT_BRIEF.goal, aud)
                specs[f"whatif_{aud}_{lang}_{size}"] = full_spec(*ac.whatif_spec(cells, lang, *here, size))
                sentences[f"whatif_{aud}_{lang}"] = ac.describe_whatif(cells, lang, *here)
        parsed = parse_roster((root / "data/sample_roster.csv").read_bytes(), "sample_roster.csv")
        df = derive(parsed, fig, DEFAULT_BRIEF)
        s = make_shortlist(df, rec, lang, Options())
        specs[f"creators_{lang}"] = cc.shortlist_chart(df, s, lang, Options()).to_dict(validate=False)
        sentences[f"creators_{lang}"] = cc.chart_sentence(df, s, lang, Options())
        results = parse_results((root / "data/sample_results.csv").read_bytes(), "sample_results.csv")
        a = analyse(results, DEFAULT_BRIEF, lang, fig)
        for m in ("reach", "engagements"):
            specs[f"results_plan_{m}_{lang}"] = rr.plan_chart(a, m, lang).to_dict(validate=False)
            specs[f"results_timeline_{m}_{lang}"] = rr.timeline_chart(a, m, lang).to_dict(validate=False)
            sentences[f"results_plan_{m}_{lang}"] = rr.plan_sentence(a, m, lang)
            sentences[f"results_timeline_{m}_{lang}"] = rr.timeline_sentence(a, m, lang)
        specs[f"results_eff_{lang}"] = rr.efficiency_chart(a, lang).to_dict(validate=False)
        sentences[f"results_eff_{lang}"] = rr.efficiency_sentence(a, lang)
        pdf = rr.to_pdf(a, lang)
        (out / f"results_{lang}.pdf").write_bytes(pdf)
    specs["board_title"] = board.bars([("KOL", 3, board.STRATEGY_COLORS["kol"]), ("KOC", 12, board.palette(2))], "Judul")[0]
    specs["board_plain"] = board.bars([("A", 0, board.palette(0))])[0]
    for k, v in specs.items():
        text = json.dumps(v, indent=1, sort_keys=True, ensure_ascii=False)
        (out / f"{k}.json").write_text(text)
        v = dict(v)
        if v.get("width") == "container":
            v["width"] = 600
        svg = vlc.vegalite_to_svg(v)
        (out / f"{k}.svg").write_text(svg)
    (out / "sentences.json").write_text(json.dumps(sentences, indent=1, ensure_ascii=False, sort_keys=True))
    print(len(specs), "specs")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
