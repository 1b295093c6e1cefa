import sys, time, io, statistics
root = sys.argv[1]; sys.path.insert(0, root)
import pandas as pd
from bench.shortlist import roster_csv
from guide import CampaignBrief, knowledge, recommend
from guide.creators.roster import derive, parse_roster
from guide.creators.shortlist import make_shortlist
data = roster_csv(); fig = knowledge().figures
out = {}
ref = min(time.perf_counter() - t0 for t0 in [time.perf_counter()] if pd.read_csv(io.BytesIO(data)) is not None)
refs=[]
for _ in range(3):
    t0=time.perf_counter(); pd.read_csv(io.BytesIO(data)); refs.append(time.perf_counter()-t0)
for budget in (50_000_000, 500_000_000):
    brief = CampaignBrief(goal="sales", budget_idr=budget, audience="broad", industry="beauty", platforms=("instagram","tiktok"))
    rec = recommend(brief, "en")
    best = None
    for _ in range(3):
        t0=time.perf_counter(); p = parse_roster(data, "b.csv"); t1=time.perf_counter(); df = derive(p, fig, brief); t2=time.perf_counter(); s = make_shortlist(df, rec, "en"); t3=time.perf_counter()
        run = (t1-t0, t2-t1, t3-t2)
        if best is None or sum(run) < sum(best): best = run
    print(root.split('/')[-1], budget, "parse %.3f derive %.3f shortlist %.3f total %.3f read_csv %.3f ratio %.1f fee %d" % (*best, sum(best), min(refs), sum(best)/min(refs), s.total_fee_idr))
