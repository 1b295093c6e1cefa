"""The wizard's amount boxes commit as they are typed (issue 21 item 5): each half-typed prefix reaches the
server, so an entry that cannot be read falls back to the amount from before the typing began, never to a
half-typed prefix such as "1" of "1,5 M"."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def budget_step() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["wizard_step"] = 1
    at.run()
    at.switch_page("pages/brief.py")
    at.run()
    assert not at.exception
    return at


def test_a_half_typed_budget_that_cannot_be_read_keeps_the_amount_from_before_the_typing() -> None:
    at = budget_step()
    box = "w_budget_text"
    at.text_input(key=box).input("1").run()  # "1,5 M" typed key by key
    assert at.session_state["brief"].budget_idr == 1  # the reading shown live: Rp 1
    at.text_input(key=box).input("1,").run()
    assert any("“1,” tidak terbaca sebagai jumlah rupiah" in e.value for e in at.error)
    assert at.session_state["brief"].budget_idr == 50_000_000  # not Rp 1: the amount before the typing
    assert any("Anggaran: **Rp 50.000.000**" in m.value for m in at.markdown)
    at.text_input(key=box).input("1,5 M").run()
    assert at.session_state["brief"].budget_idr == 1_500_000_000
    assert not at.error


def test_after_the_typing_stops_a_new_unreadable_entry_keeps_the_last_amount_read() -> None:
    at = budget_step()
    box = "w_budget_text"
    at.text_input(key=box).input("75 jt").run()
    at.run()  # another interaction: the stretch of typing is over
    at.text_input(key=box).input("75 jtx").run()
    assert at.session_state["brief"].budget_idr == 75_000_000
    assert any("Anggaran: **Rp 75.000.000**" in m.value for m in at.markdown)
