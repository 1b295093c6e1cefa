"""Generate data/sample_roster.csv: 300 FICTIONAL creators for demos (seeded, so the file is reproducible).

Run: `.venv/bin/python data/make_sample_roster.py`. Names are combinations of common Indonesian given names,
every handle ends in ".fiktif", and the file's first line says the roster is fictional. Follower counts,
engagement rates and fees are drawn around the bands in data/figures.yaml, with a few accounts far outside
them so the authenticity flag has something to show.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent / "sample_roster.csv"
FIRST = ["Sari", "Budi", "Dewi", "Agus", "Rina", "Andi", "Putri", "Rizky", "Ayu", "Dimas", "Nadia", "Fajar",
         "Intan", "Bayu", "Wulan", "Hendra", "Maya", "Yoga", "Citra", "Arief", "Laras", "Galih", "Nurul", "Eko",
         "Tiara", "Reza", "Indah", "Bagus", "Salsa", "Fikri", "Anisa", "Teguh", "Melati", "Rangga", "Dinda"]
LAST = ["Pratama", "Wijaya", "Saputra", "Lestari", "Hidayat", "Nugroho", "Kusuma", "Permata", "Santoso",
        "Rahayu", "Siregar", "Nasution", "Utami", "Setiawan", "Halim", "Maharani", "Purnama", "Anggraini",
        "Gunawan", "Wibowo", "Hasibuan", "Sitompul", "Tanjung", "Ramadhan", "Fitriani"]
CITIES = ["Jakarta", "Bandung", "Surabaya", "Medan", "Yogyakarta", "Semarang", "Makassar", "Denpasar",
          "Malang", "Bekasi", "Tangerang", "Depok", "Bogor", "Palembang", "Balikpapan"]
INDUSTRIES = ["lifestyle"] * 5 + ["beauty"] * 5 + ["food"] * 4 + ["fashion"] * 3 + ["parenting"] * 2 + \
    ["travel"] * 2 + ["fitness"] * 2 + ["tech"] * 2 + ["health", "finance", "education", "other"]
PLATFORMS = ["instagram"] * 10 + ["tiktok"] * 6 + ["youtube"] * 2 + ["facebook", "x"]
# tier: (count, followers low, high, er low, high, fee low, high) — around data/figures.yaml
TIERS = {
    "nano": (55, 1_000, 10_000, 2.78, 4.0, 100_000, 500_000),
    "micro": (60, 10_000, 50_000, 3.5, 3.86, 500_000, 2_500_000),
    "mid": (25, 50_000, 500_000, 1.0, 3.5, 2_500_000, 10_000_000),
    "macro": (12, 500_000, 1_000_000, 1.21, 3.5, 10_000_000, 50_000_000),
    "mega": (6, 1_000_000, 8_000_000, 1.0, 1.21, 50_000_000, 150_000_000),
}
EXPERTISE = [("dokter kulit", "health;beauty"), ("dokter umum", "health"), ("ahli gizi", "health;food;fitness"),
             ("psikolog", "health;parenting;education"), ("perencana keuangan", "finance"),
             ("chef", "food"), ("pelatih kebugaran", "fitness;health"), ("apoteker", "health"),
             ("dosen ekonomi", "finance;education"), ("bidan", "parenting;health"), ("ahli teknologi", "tech")]


def main() -> None:
    rnd = random.Random(20261202)  # noqa: S311 (reproducible demo data, not secrets)
    used: set[str] = set()
    rows: list[list[str]] = []

    def person() -> tuple[str, str]:
        while True:
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            handle = f"{first}.{last}{rnd.randint(1, 99)}".lower() + ".fiktif"
            if handle not in used:
                used.add(handle)
                return f"{first} {last}", "@" + handle

    def er_of(lo: float, hi: float) -> float:
        r = rnd.random()
        if r < 0.03:
            return round(rnd.uniform(0.1, lo * 0.4), 2)  # bought or inactive followers
        if r < 0.05:
            return round(rnd.uniform(max(hi * 2.2, 6.5), 14.0), 2)  # engagement pod
        return round(rnd.uniform(lo * 0.8, hi * 1.25), 2)

    def industries() -> str:
        picks = rnd.sample(INDUSTRIES, rnd.choice([1, 1, 2, 2, 3]))
        return ";".join(dict.fromkeys(picks))

    for _tier, (count, flo, fhi, elo, ehi, rlo, rhi) in TIERS.items():
        for _ in range(count):
            name, handle = person()
            followers = int(flo * (fhi / flo) ** rnd.random())
            er = er_of(elo, ehi)
            fee = int(rlo * (rhi / rlo) ** rnd.random() / 1000) * 1000
            with_avg = rnd.random() < 0.25
            rows.append([name, rnd.choice(PLATFORMS), str(followers), handle, "influencer",
                         "" if with_avg else f"{er}", str(int(followers * er / 100)) if with_avg else "",
                         "" if rnd.random() < 0.2 else str(fee), industries(), rnd.choice(CITIES), ""])
    for _ in range(30):
        name, handle = person()
        expertise, inds = rnd.choice(EXPERTISE)
        title = "dr. " if expertise.startswith("dokter") else ""
        followers = int(10_000 * 50 ** rnd.random())
        er = er_of(1.0, 3.86)
        fee = int(10_000_000 * 5 ** rnd.random() / 100_000) * 100_000
        platform = rnd.choice(["instagram", "instagram", "youtube", "tiktok", "linkedin" if "keuangan" in expertise
                               else "podcast"])
        rows.append([title + name, platform, str(followers), handle, "kol", f"{er}", "",
                     "" if rnd.random() < 0.4 else str(fee), inds, rnd.choice(CITIES), expertise])
    for _ in range(112):
        name, handle = person()
        followers = int(300 * 30 ** rnd.random())
        er = er_of(2.78, 4.0)
        rows.append([name, rnd.choice(["instagram", "tiktok", "tiktok", "instagram", "facebook"]), str(followers),
                     handle, "koc", f"{er}", "", "" if rnd.random() < 0.7 else str(rnd.choice([100_000, 150_000, 250_000])),
                     industries(), rnd.choice(CITIES), ""])
    rnd.shuffle(rows)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# FIKTIF / FICTIONAL: contoh roster untuk demo, bukan orang sungguhan / a demo roster, "
                "not real people (data/make_sample_roster.py)\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "platform", "followers", "handle", "kind", "engagement_rate", "avg_engagements",
                    "fee_idr", "industries", "city", "expertise"])
        w.writerows(rows)


if __name__ == "__main__":
    main()
