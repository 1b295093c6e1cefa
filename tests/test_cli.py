"""`python -m guide recommend`: JSON in, JSON out; bad input exits 2 with one line, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(args: list[str], stdin: str | bytes = b"") -> subprocess.CompletedProcess[bytes]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run([sys.executable, "-m", "guide", *args], cwd=ROOT, input=data, capture_output=True,
                          timeout=60)


def test_recommend_from_stdin_in_both_languages():
    brief = {"goal": "testimonials", "budget_idr": 3_000_000, "audience": "niche", "industry": "beauty",
             "brand_stage": "new"}
    outs = {}
    for lang in ("id", "en"):
        p = run(["recommend", "-", "--lang", lang], json.dumps(brief))
        assert p.returncode == 0, p.stderr
        outs[lang] = json.loads(p.stdout)
    assert outs["id"]["strategy"] == outs["en"]["strategy"] == "koc"
    assert outs["id"]["summary"] != outs["en"]["summary"]
    assert sum(line["cost_idr"] for line in outs["en"]["plan"]) <= 3_000_000


@pytest.mark.parametrize("stdin,needle", [
    ('{"goal": "fame", "budget_idr": 1, "audience": "niche", "industry": "food"}', "'goal'"),
    ('{"goal": "sales", "budget_idr": -1, "audience": "niche", "industry": "food"}', "'budget_idr'"),
    ('{"goal": "sales", "audience": "niche", "industry": "food"}', "'budget_idr'"),
    ('{"goal": "sales", "budget_idr": 1, "audience": "niche", "industry": "food", "extra": 1}', "'extra'"),
    ("not json", "not valid JSON"),
    ("", "empty"),
])
def test_invalid_brief_exits_2_with_one_line(stdin, needle):
    p = run(["recommend", "-"], stdin)
    assert p.returncode == 2
    err = p.stderr.decode()
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err
    assert p.stdout == b""


def test_missing_file_and_bad_arguments_exit_2():
    p = run(["recommend", "/nonexistent/brief.json"])
    assert p.returncode == 2 and b"cannot read" in p.stderr and b"Traceback" not in p.stderr
    p = run(["recommend", "-", "--lang", "fr"])
    assert p.returncode == 2 and p.stderr.count(b"\n") == 1


# ---- issue 15 point 5: a CLI that cannot be choked --------------------------------------------------

GOOD_BRIEF = json.dumps({"goal": "sales", "budget_idr": 60_000_000, "audience": "niche", "industry": "food"})


def _limits() -> None:  # a run that reads without a cap must fail fast here, not fill the machine's memory
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))


def run_raw(args: list[str], **kw: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "guide", *args], cwd=ROOT, capture_output=True, timeout=30,
                          preexec_fn=_limits, **kw)  # type: ignore[call-overload]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_endless_input_is_refused_after_the_cap(device):
    p = run_raw(["recommend", device])
    err = p.stderr.decode()
    assert p.returncode == 2 and err.count("\n") == 1 and "64 KB" in err and "Traceback" not in err, err


def test_endless_stdin_is_refused_after_the_cap():
    with open("/dev/zero", "rb") as zero:
        p = run_raw(["recommend", "-"], stdin=zero)
    assert p.returncode == 2 and b"64 KB" in p.stderr and p.stderr.count(b"\n") == 1


def test_a_huge_integer_in_the_file_is_one_line_not_a_traceback(tmp_path):
    f = tmp_path / "big.json"
    f.write_text('{"goal": "sales", "budget_idr": ' + "9" * 5000 + ', "audience": "niche", "industry": "food"}')
    p = run_raw(["recommend", str(f)])
    err = p.stderr.decode()
    assert p.returncode == 2 and err.count("\n") == 1 and "Traceback" not in err, err


def test_a_full_disk_is_one_line_and_a_non_zero_exit():
    with open("/dev/full", "wb") as full:
        p = subprocess.run([sys.executable, "-m", "guide", "recommend", "-"], cwd=ROOT, input=GOOD_BRIEF.encode(),
                           stdout=full, stderr=subprocess.PIPE, timeout=30)
    err = p.stderr.decode()
    assert p.returncode not in (0, None) and err.count("\n") == 1 and "Traceback" not in err, err
    assert "guide:" in err


def test_a_closed_stdout_is_one_line_and_a_non_zero_exit():
    p = subprocess.run(f"{sys.executable} -m guide recommend - >&-", shell=True, cwd=ROOT,
                       input=GOOD_BRIEF.encode(), stderr=subprocess.PIPE, timeout=30)
    err = p.stderr.decode()
    assert p.returncode != 0 and err.count("\n") == 1 and "Traceback" not in err, err


def test_a_broken_pipe_is_one_line_and_a_non_zero_exit(tmp_path):
    # `| true`: the reader is gone before the guide writes (it takes a second to start), so the output meets a
    # closed pipe.
    err_file = tmp_path / "err.txt"
    p = subprocess.run(f"{sys.executable} -m guide recommend - 2>{err_file} | true; "
                       f"echo ${{PIPESTATUS[0]}}; cat {err_file}", shell=True, cwd=ROOT,
                       executable="/bin/bash", input=GOOD_BRIEF.encode(), capture_output=True, timeout=30)
    status, _, err = p.stdout.decode().partition("\n")
    assert int(status) != 0 and err.count("\n") == 1 and "Traceback" not in err, (status, err)


SERUM = {"goal": "launch", "budget_idr": 75_000_000, "audience": "broad", "industry": "beauty",
         "platforms": ["instagram", "tiktok"], "name": "Peluncuran Serum Glow",
         "product_description": "Serum wajah vitamin C 20 ml", "product_value_idr": 150_000, "duration_weeks": 6}


def test_briefs_markdown_on_stdout_pdf_to_a_file_and_a_bad_start_date(tmp_path):
    brief = tmp_path / "serum.json"
    brief.write_text(json.dumps(SERUM), encoding="utf-8")
    p = run(["briefs", str(brief), "--start", "2026-01-12"])
    assert p.returncode == 0, p.stderr
    md = p.stdout.decode("utf-8")
    assert md.startswith("# Brief untuk Mikro-influencer — Peluncuran Serum Glow\n")
    assert "Serum wajah vitamin C 20 ml. Nilai produk: Rp 150.000." in md
    assert "Tayang antara 12 Januari 2026 dan 1 Februari 2026" in md
    assert "#iklan" in md and ".txt" not in md and "pesan utama di atas" not in md
    en = run(["briefs", str(brief), "--lang", "en", "--roster", str(ROOT / "data" / "sample_roster.csv")])
    assert en.returncode == 0, en.stderr
    assert en.stdout.decode("utf-8").count("\n# Brief for ") >= 2  # one per shortlisted creator
    out = tmp_path / "briefs.pdf"
    p = run(["briefs", str(brief), "--format", "pdf", "--out", str(out)])
    assert p.returncode == 0 and out.read_bytes().startswith(b"%PDF")
    bad = run(["briefs", str(brief), "--start", "12/01/2026"])
    assert bad.returncode == 2
    assert bad.stderr.decode() == ("guide: --start: '12/01/2026' is not a date; write it as YYYY-MM-DD, "
                                   "e.g. 2026-01-15\n")
    nopdf = run(["briefs", str(brief), "--format", "pdf"])
    assert nopdf.returncode == 2 and b"--out" in nopdf.stderr


def test_report_pdf_is_one_page_and_appendix_adds_pages(tmp_path):
    import io

    import pypdf

    brief = tmp_path / "serum.json"
    brief.write_text(json.dumps({**SERUM, "name": "N" * 80}), encoding="utf-8")
    for lang in ("id", "en"):
        one, more = tmp_path / f"one-{lang}.pdf", tmp_path / f"more-{lang}.pdf"
        assert run(["report", str(brief), "--format", "pdf", "--lang", lang, "--out", str(one)]).returncode == 0
        assert run(["report", str(brief), "--format", "pdf", "--lang", lang, "--out", str(more),
                    "--appendix"]).returncode == 0
        assert len(pypdf.PdfReader(io.BytesIO(one.read_bytes())).pages) == 1
        assert len(pypdf.PdfReader(io.BytesIO(more.read_bytes())).pages) >= 2


def test_results_writes_a_pdf_and_a_workbook_and_needs_out_for_them(tmp_path):
    sample = str(ROOT / "data" / "sample_results.csv")
    pdf, xlsx = tmp_path / "hasil.pdf", tmp_path / "hasil.xlsx"
    assert run(["results", sample, "--format", "pdf", "--out", str(pdf)]).returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert run(["results", sample, "--format", "xlsx", "--out", str(xlsx), "--lang", "en"]).returncode == 0
    assert xlsx.read_bytes().startswith(b"PK")
    p = run(["results", sample, "--format", "pdf"])
    assert p.returncode == 2 and p.stderr.decode() == "guide: --format pdf needs --out FILE (or --out - for standard output)\n"
