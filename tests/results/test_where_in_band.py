"""'dalam rentang' says where in a wide planned range the actual fell (issue 21, item 10)."""

import pytest

from guide.results.report import where_in_band


@pytest.mark.parametrize("actual,band,lang,text", [
    (60_000, "within", "id", "dalam rentang, sepertiga bawah (8% dari rendah ke tinggi)"),
    (250_000, "within", "id", "dalam rentang, sepertiga tengah (46% dari rendah ke tinggi)"),
    (500_000, "within", "en", "within range, upper third (95% of the way from low to high)"),
    (8_784, "below", "id", "di bawah: 50% dari batas rendah"),
    (1_054_080, "above", "id", "di atas: 2,0× batas tinggi"),
    (None, "unknown", "id", "—"),
])
def test_where_the_actual_falls_in_17568_to_527040(actual, band, lang, text):
    assert where_in_band(actual, 17_568, 527_040, band, lang) == text
