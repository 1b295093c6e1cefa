"""ui.frame.fragment_frame: a page part that reruns on its own (st.fragment) gets the frame's error handling
too, since app.py's does not run around a fragment's own rerun."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _script() -> None:
    import streamlit as st

    from ui.frame import fragment_frame

    st.title("Brief")

    @st.fragment
    def part() -> None:
        with fragment_frame():
            st.write("before the fault")
            raise ValueError("a fault in the part")

    part()
    st.caption("after the part")


def test_a_fault_in_a_part_is_our_message_and_the_page_goes_on() -> None:
    at = AppTest.from_function(_script, default_timeout=30)
    at.run()
    assert not at.exception  # no traceback on screen
    assert [e.value for e in at.error] == [
        "Maaf, halaman ini mengalami masalah. Jawaban Anda tetap tersimpan; coba muat ulang atau buka halaman lain."
    ]
    assert at.title[0].value == "Brief"
    assert at.caption[0].value == "after the part"
