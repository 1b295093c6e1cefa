"""Creator names in scripts the PDF font may not hold: Arabic prints shaped right to left, CJK and emoji
print as a visible box with a note saying what it stands for, and no PDF ever prints "?" for a character."""

from __future__ import annotations

import subprocess

import pytest

from guide.output.pdf import Document


def text_of(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("lang,note", [
    ("id", "□ = huruf yang tidak dapat dicetak oleh font PDF ini (misalnya aksara Tionghoa, Jepang, Korea "
           "atau emoji); lihat nama aslinya di file XLSX atau CSV."),
    ("en", "□ = a character this PDF's font cannot print (for example Chinese, Japanese or Korean script, or "
           "an emoji); see the original name in the XLSX or CSV file."),
])
def test_cjk_and_emoji_never_print_a_question_mark(tmp_path, lang: str, note: str) -> None:
    doc = Document("t", lang)
    doc.paragraph("Kreator: 王芳 dan Dewi 😀 (50%)")
    text = text_of(doc.to_bytes(), tmp_path)
    assert "?" not in text
    assert "Kreator: □□ dan Dewi 😀 (50%)" in text  # the emoji is in the font; the CJK letters are not
    assert " ".join(note.split()) in " ".join(text.split())


def test_arabic_prints_shaped_right_to_left(tmp_path) -> None:
    doc = Document("t", "id")
    doc.paragraph("سارة")
    assert doc.text_shaping  # fpdf2's shaping (uharfbuzz): joined letters, right to left
    text = text_of(doc.to_bytes(), tmp_path)
    assert "?" not in text and "□" not in text
    # pdftotext reads the shaped run back as one right-to-left embedding (RLE … PDF) in logical order.
    assert "\u202bسارة\u202c" in text
