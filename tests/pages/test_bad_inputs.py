"""Table-driven bad inputs through the real app (AppTest): each one shows a clear message in the user's
language, keeps what the user had, and never shows an exception.

Paths: share-link query parameters, an uploaded brief file, the budget and product-value boxes of the
wizard, and the campaign name. (Edited assumption tables: tests/advice/test_assumptions_table.py and the
two-session browser test.)"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")
GOOD_LINK = {"goal": "sales", "budget_idr": "60000000", "audience": "niche", "industry": "parenting"}
GOOD = {"goal": "sales", "budget_idr": 60_000_000, "audience": "niche", "industry": "parenting"}
DEFAULTS = {"goal": "awareness", "budget_idr": 50_000_000, "audience": "broad", "industry": "lifestyle"}
XSS = "<script>alert(1)</script>"
MD_LINK = "[klik](javascript:alert(1))"


@dataclass
class Case:
    id: str
    path: str  # link | upload | budget | product
    payload: Any
    message: str  # a fragment of the message the user must see (Indonesian unless lang=en)
    kept: dict[str, Any] = field(default_factory=dict)  # brief fields that must hold afterwards
    lang: str = "id"


def link(**kw: str) -> dict[str, str]:
    return {**GOOD_LINK, **kw}


NOTICE_ID = "Tautan ini berisi nilai yang tidak bisa dipakai; panduan memakai nilai bawaan untuk bagian tersebut:"
NOTICE_EN = "This link holds values that cannot be used; the guide uses defaults for those parts:"
REJECTED = "File tidak dipakai; brief Anda tidak berubah."
AMOUNT_BAD = "tidak terbaca sebagai jumlah rupiah"  # data/locales/id/input.yaml input.amount.unreadable
AMOUNT_NEGATIVE = "tidak boleh negatif"
AMOUNT_EMPTY = "Ketik jumlah dalam rupiah"
AMOUNT_TWO_WAYS = "bisa dibaca lebih dari satu cara"
AMOUNT_BIG_ID = "paling banyak"

CASES: list[Case] = [
    # --- share links: unknown, repeated, wrong types, out of range, empty, long, payloads, emoji, RTL
    Case("link-unknown-key", "link", link(utm_source="wa"), "utm\\_source", GOOD),
    Case("link-many-unknown", "link", {**GOOD_LINK, **{f"k{i}": "v" for i in range(50)}}, NOTICE_ID, GOOD),
    Case("link-goal-unknown", "link", link(goal="viral"), "Tujuan kampanye", {**GOOD, "goal": "awareness"}),
    Case("link-goal-empty", "link", link(goal=""), "Tujuan kampanye", {**GOOD, "goal": "awareness"}),
    Case("link-goal-xss", "link", link(goal=XSS), "Tujuan kampanye", {**GOOD, "goal": "awareness"}),
    Case("link-goal-uppercase", "link", link(goal="SALES"), "Tujuan kampanye", {**GOOD, "goal": "awareness"}),
    Case("link-budget-negative", "link", link(budget_idr="-5"), "Anggaran (Rp)",
         {**GOOD, "budget_idr": 50_000_000}),
    Case("link-budget-text", "link", link(budget_idr="banyak"), "Anggaran (Rp)",
         {**GOOD, "budget_idr": 50_000_000}),
    Case("link-budget-float", "link", link(budget_idr="1.5e7"), "Anggaran (Rp)",
         {**GOOD, "budget_idr": 50_000_000}),
    Case("link-budget-huge", "link", link(budget_idr="9" * 14), "Anggaran (Rp)",
         {**GOOD, "budget_idr": 50_000_000}),
    Case("link-budget-empty", "link", link(budget_idr=""), "Anggaran (Rp)",
         {**GOOD, "budget_idr": 50_000_000}),
    Case("link-budget-10kb", "link", link(budget_idr="1" * 10_000), "Anggaran (Rp)",
         {**GOOD, "budget_idr": 50_000_000}),
    Case("link-audience-bad", "link", link(audience="everyone"), "Audiens",
         {**GOOD, "audience": "broad"}),
    Case("link-industry-bad", "link", link(industry="crypto"), "Industri",
         {**GOOD, "industry": "lifestyle"}),
    Case("link-industry-markdown", "link", link(industry=MD_LINK), "Industri",
         {**GOOD, "industry": "lifestyle"}),
    Case("link-platforms-unknown", "link", link(platforms="instagram,orkut"), "Platform",
         {**GOOD, "platforms": ("instagram",)}),
    Case("link-platforms-emoji", "link", link(platforms="📸,tiktok"), "Platform",
         {**GOOD, "platforms": ("tiktok",)}),
    Case("link-duration-zero", "link", link(duration_weeks="0"), "Durasi (minggu)",
         {**GOOD, "duration_weeks": 4}),
    Case("link-duration-huge", "link", link(duration_weeks="1000"), "Durasi (minggu)",
         {**GOOD, "duration_weeks": 4}),
    Case("link-duration-negative", "link", link(duration_weeks="-3"), "Durasi (minggu)",
         {**GOOD, "duration_weeks": 4}),
    Case("link-content-bad", "link", link(content="viral"), "Gaya konten", {**GOOD, "content": None}),
    Case("link-stage-rtl", "link", link(brand_stage="\u202ewen"), "Tahap brand",
         {**GOOD, "brand_stage": "established"}),
    Case("link-secondary-equals-goal", "link", link(secondary_goal="sales"), "Tujuan kedua",
         {**GOOD, "secondary_goal": None}),
    Case("link-product-negative", "link", link(product_value_idr="-1"), "Nilai produk per KOC (Rp)",
         {**GOOD, "product_value_idr": None}),
    Case("link-name-too-long", "link", link(name="x" * 500), "Nama kampanye", {**GOOD, "name": None}),
    Case("link-name-html-kept-as-text", "link", link(name=XSS), "", {**GOOD, "name": XSS}),
    Case("link-lang-bad", "link", link(lang="fr"), "Bahasa", GOOD),
    Case("link-lang-en-bad-goal", "link", link(lang="en", goal="x"), NOTICE_EN, {**GOOD, "goal": "awareness"},
         lang="en"),
    Case("link-repeated-goal", "link", {**GOOD_LINK, "goal": ["sales", "education"]}, "Tujuan kampanye", GOOD),
    Case("link-only-junk", "link", {"a": "1", "b": "2"}, NOTICE_ID, DEFAULTS),
    Case("link-key-markdown", "link", {**GOOD_LINK, MD_LINK: "1"}, "\\[klik\\]", GOOD),
    # --- uploaded brief files
    Case("upload-empty", "upload", b"", "File kosong.", GOOD),
    Case("upload-whitespace", "upload", b"  \n\t", "File kosong.", GOOD),
    Case("upload-not-json", "upload", b"goal: sales", "File bukan JSON yang valid.", GOOD),
    Case("upload-binary", "upload", bytes(range(256)), "File bukan JSON yang valid.", GOOD),
    Case("upload-array", "upload", b"[1,2,3]", "Isi file harus berupa objek JSON (dengan kolom seperti goal dan budget_idr).", GOOD),
    Case("upload-string", "upload", b'"sales"', "Isi file harus berupa objek JSON (dengan kolom seperti goal dan budget_idr).", GOOD),
    Case("upload-null", "upload", b"null", "Isi file harus berupa objek JSON (dengan kolom seperti goal dan budget_idr).", GOOD),
    Case("upload-huge", "upload", b'{"x": "' + b"a" * 200_000 + b'"}', "File terlalu besar (maksimal 64 KB).", GOOD),
    Case("upload-deep", "upload", b"[" * 30_000 + b"]" * 30_000, "Struktur JSON terlalu dalam.", GOOD),
    Case("upload-missing-fields", "upload", b'{"goal": "sales"}', "Anggaran (Rp): wajib diisi.", GOOD),
    Case("upload-extra-field", "upload",
         json.dumps({**GOOD, "admin": True}).encode(), "admin: kolom ini tidak dikenal.", GOOD),
    Case("upload-extra-field-markdown", "upload",
         json.dumps({**GOOD, MD_LINK: 1}).encode(), "\\[klik\\]", GOOD),
    Case("upload-wrong-type-budget", "upload", json.dumps({**GOOD, "budget_idr": "lots"}).encode(),
         "Anggaran (Rp)", GOOD),
    Case("upload-fraction-budget", "upload", json.dumps({**GOOD, "budget_idr": 10.5}).encode(),
         "Anggaran (Rp)", GOOD),
    Case("upload-negative-budget", "upload", json.dumps({**GOOD, "budget_idr": -1}).encode(),
         "Anggaran (Rp): nilainya terlalu kecil (tidak boleh negatif).", GOOD),
    Case("upload-bool-budget", "upload", json.dumps({**GOOD, "budget_idr": True}).encode(),
         "Anggaran (Rp)", GOOD),
    Case("upload-goal-bad", "upload", json.dumps({**GOOD, "goal": "x"}).encode(), "Tujuan kampanye", GOOD),
    Case("upload-platforms-string", "upload", json.dumps({**GOOD, "platforms": "instagram"}).encode(),
         "Platform", GOOD),
    Case("upload-platforms-nested", "upload", json.dumps({**GOOD, "platforms": [["instagram"]]}).encode(),
         "Platform", GOOD),
    Case("upload-duration-zero", "upload", json.dumps({**GOOD, "duration_weeks": 0}).encode(),
         "Durasi (minggu)", GOOD),
    Case("upload-name-too-long", "upload", json.dumps({**GOOD, "name": "n" * 81}).encode(),
         "Nama kampanye", GOOD),
    Case("upload-utf16", "upload", json.dumps(GOOD).encode("utf-16"), "File bukan JSON yang valid.", GOOD),
    # --- wizard budget and product-value boxes
    Case("budget-words", "budget", "lima puluh juta", AMOUNT_BAD, GOOD),
    Case("budget-negative", "budget", "-50000", AMOUNT_NEGATIVE, GOOD),
    Case("budget-letters", "budget", "abc", AMOUNT_BAD, GOOD),
    Case("budget-empty", "budget", "", AMOUNT_EMPTY, GOOD),
    Case("budget-scientific", "budget", "5e7", AMOUNT_BAD, GOOD),
    Case("budget-html", "budget", XSS, AMOUNT_BAD, GOOD),
    Case("budget-emoji", "budget", "💰💰", AMOUNT_BAD, GOOD),
    Case("budget-too-big", "budget", "2.000.000.000.000", AMOUNT_BIG_ID, GOOD),
    Case("budget-too-big-words", "budget", "5 triliun", AMOUNT_BIG_ID, GOOD),
    Case("budget-two-dots-decimal", "budget", "1,2,3 juta", AMOUNT_TWO_WAYS, GOOD),
    Case("budget-dot-decimal-juta", "budget", "75.5 juta", "Rp 755.000.000", GOOD),
    Case("budget-decimal-cents", "budget", "Rp 1.000.000,50", "Rp 100.000.050", GOOD),
    Case("budget-1.2.3", "budget", "1.2.3", AMOUNT_TWO_WAYS, GOOD),
    Case("budget-en-comma-m", "budget", "1,5 M", "Rp 15,000,000", GOOD, lang="en"),
    Case("link-budget-decimal", "link", link(budget_idr="60000000.00"), "Rp 6.000.000.000",
         {**GOOD, "budget_idr": 50_000_000}),
    Case("link-empty-key", "link", {**GOOD_LINK, "": "x"}, "Tautan berisi parameter tanpa nama; diabaikan.", GOOD),
    Case("link-key-autolink", "link", {**GOOD_LINK, "www.evil-login.example/reset": "1"}, "evil\\-login", GOOD),
    Case("link-name-autolink", "link", link(name="Promo www.evil.example/reset"), "",
         {**GOOD, "name": "Promo www.evil.example/reset"}),
    Case("product-text", "product", "sample", AMOUNT_BAD, {**GOOD, "product_value_idr": None}),
    Case("product-too-big", "product", "500 juta", AMOUNT_BIG_ID, {**GOOD, "product_value_idr": None}),
    Case("product-negative", "product", "-1", AMOUNT_NEGATIVE, {**GOOD, "product_value_idr": None}),
    Case("upload-huge-integer", "upload", b'{"goal": "sales", "budget_idr": ' + b"9" * 5000 + b"}",
         "File berisi angka yang terlalu panjang (atau tak hingga); file tidak dipakai.", GOOD),
    Case("upload-infinite-number", "upload", json.dumps({**GOOD, "budget_idr": 1e400}).encode(),
         "File berisi angka yang terlalu panjang (atau tak hingga); file tidak dipakai.", GOOD),
]


def run_case(case: Case) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if case.path == "link":
        at.query_params.update(case.payload)
        at.run()
        return at
    at.query_params.update({**GOOD_LINK, "lang": case.lang})
    at.run()
    if case.path == "upload":
        at.session_state["brief_file_box"] = True  # the file box, opened
        at.switch_page("pages/brief.py").run()
        at.file_uploader(key="brief_upload").set_value(("brief.json", case.payload, "application/json")).run()
    else:
        at.session_state["wizard_step"] = 1
        at.switch_page("pages/brief.py").run()
        key = "w_budget_text" if case.path == "budget" else "w_product_text"
        at.text_input(key=key).input(case.payload).run()
    return at


def visible(at: AppTest) -> str:
    parts = [w.value for w in at.warning] + [e.value for e in at.error]
    return "\n".join(parts)


def test_suite_is_large_enough():
    assert len(CASES) >= 60
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case):
    at = run_case(case)
    assert not at.exception, [e.value for e in at.exception]
    shown = visible(at)
    if case.message:
        assert case.message in shown, shown
    else:
        assert not at.error
    if case.path == "upload":
        assert REJECTED in shown
    brief = at.session_state["brief"]
    for k, v in case.kept.items():
        assert getattr(brief, k) == v, (k, getattr(brief, k))
    # Nothing the user sent is rendered as raw HTML or an active link.
    for el in list(at.markdown) + list(at.warning) + list(at.error) + list(at.caption):
        assert "<script>" not in el.value or "\\<script\\>" in el.value
        assert "](javascript:" not in el.value
        assert "evil.example" not in el.value and "evil-login.example" not in el.value  # no autolink text
    # The app is still usable afterwards: the recommendation renders for the kept brief.
    at.switch_page("pages/recommendation.py").run()
    assert not at.exception and at.title


# ---- issue 15 point 1: the Assumptions page settles after an edit back to the shipped value ----------

def _count_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count script runs of the Assumptions page: it calls guide.advice.assumptions.figures_rows once per run."""
    import guide.advice.assumptions

    calls = [0]
    real = guide.advice.assumptions.figures_rows

    def counting(*a: Any, **kw: Any) -> Any:
        calls[0] += 1
        return real(*a, **kw)

    monkeypatch.setattr(guide.advice.assumptions, "figures_rows", counting)
    return calls


def _run_bounded(at: AppTest) -> None:
    try:
        at.run(timeout=15)
    except RuntimeError:  # AppTest's timeout: the page kept rerunning
        pass


@pytest.mark.parametrize("edited,typed", [(0.5, "0,5"), (0.3, "0,3")])
def test_assumptions_page_settles_after_an_edit_back_to_the_shipped_value(monkeypatch, edited, typed):
    from guide import knowledge

    shipped = knowledge().figures.completion_factor.value
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/assumptions.py").run()
    calls = _count_runs(monkeypatch)
    at.text_input(key="completion_input_id").input(typed)
    _run_bounded(at)
    assert at.session_state["figures"].completion_factor.value == edited
    assert calls[0] <= 2, f"{calls[0]} script runs after the edit"
    calls[0] = 0
    at.text_input(key="completion_input_id").input("0,8")
    assert shipped == 0.8
    _run_bounded(at)
    assert calls[0] <= 2, f"{calls[0]} script runs after the edit back to the shipped value"
    assert at.session_state["figures"] is None  # the shipped figures again: no "edited" notice
    assert not at.exception
    assert "Anda sedang memakai angka yang diubah. Tombol reset mengembalikan angka bawaan." not in [i.value for i in at.info]
    # The next interaction runs once and nothing comes back.
    calls[0] = 0
    at.run()
    assert calls[0] == 1 and at.session_state["figures"] is None


@pytest.mark.parametrize("edited_pct,typed", [(10.0, "10"), (22.5, "22,5"), (12.5, "12,5")])
def test_assumptions_page_settles_after_a_reserve_edit_back_to_the_shipped_value(monkeypatch, edited_pct, typed):
    from guide import knowledge

    shipped = knowledge().figures.reserve_share.value
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/assumptions.py").run()
    assert at.text_input(key="reserve_input_id").value == "15"  # the shipped 15%, typed in percent
    calls = _count_runs(monkeypatch)
    at.text_input(key="reserve_input_id").input(typed)  # "12,5" is 12.5%, never 125
    _run_bounded(at)
    assert at.session_state["figures"].reserve_share.value == edited_pct / 100
    assert calls[0] <= 2, f"{calls[0]} script runs after the edit"
    calls[0] = 0
    at.text_input(key="reserve_input_id").input("15")
    assert shipped == 0.15
    _run_bounded(at)
    assert calls[0] <= 2, f"{calls[0]} script runs after the edit back to the shipped value"
    assert at.session_state["figures"] is None
    assert not at.exception
    calls[0] = 0
    at.run()
    assert calls[0] == 1 and at.session_state["figures"] is None


def test_a_wizard_error_follows_the_language_switch():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({**GOOD_LINK, "lang": "en"})
    at.run()
    at.session_state["wizard_step"] = 1
    at.switch_page("pages/brief.py").run()
    at.text_input(key="w_budget_text").input("1,5 M").run()
    english = visible(at)
    assert "can be read more than one way" in english and "Rp 15,000,000" in english, english
    at.session_state["lang"] = "id"
    at.run()
    indonesian = visible(at)
    assert "bisa dibaca lebih dari satu cara" in indonesian and "Rp 15.000.000" in indonesian, indonesian
    assert "can be read" not in indonesian
    assert at.session_state["brief"].budget_idr == GOOD["budget_idr"]
