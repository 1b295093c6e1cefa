"""guide.text.safetext: user text in Markdown shows as typed, never as a link, formula, icon or HTML.

The checks are independent of the helper: a CommonMark renderer (markdown-it-py) must give back exactly the
typed text inside one paragraph, and the GFM autolink-literal rules, the remark-math `$` rule and the
Streamlit icon / emoji shortcode rule (written out here from their specifications) must find nothing in
what that renderer produced."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from guide.text.safetext import WORD_JOINER, plain_md, plain_text, shown

MD = MarkdownIt("commonmark")
# GFM spec, "Autolinks (extension)": www. / http(s):// / e-mail, matched on the text after escapes resolve.
GFM_WWW = re.compile(r"(?:^|[\s*_~(])www\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*", re.I)
GFM_URL = re.compile(r"(?:https?|ftp)://[A-Za-z0-9_-]+", re.I)
GFM_MAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+")
SHORTCODE = re.compile(r":[A-Za-z0-9_+/-]+:")  # :material/edit:, :smile:, :+1:
DIRECTIVE = re.compile(r":[a-z-]+\[")  # :red[...], :blue-background[...]

HOSTILE = [
    "Promo www.evil.example/reset",
    "help@evil.example",
    "https://evil.example/login?x=1",
    "http://evil.example",
    "ftp://evil.example",
    "www.evil-login.example/reset=1",
    "[klik](javascript:alert(1))",
    "![img](https://evil.example/x.png)",
    "<https://evil.example>",
    "<a href='https://evil.example'>x</a>",
    "<script>alert(1)</script>",
    "$x^2$ and $$y$$",
    "Harga $5 dan $10",
    ":material/lock: Login",
    ":smile: :+1: :red[merah] :blue-background[biru]",
    "# Judul",
    "1. satu",
    "- butir",
    "> kutipan",
    "**tebal** _miring_ ~~coret~~ `kode`",
    "| a | b |",
    "&lt;b&gt; &amp; &#x41;",
    "a\\*b\\",
    "Toko A.B. @ Jl. Sudirman: 10.000",
    "a\u202eevil\u202c txt",
    "baris\nkedua\r\nketiga\tke\x00empat",
    "mail: x@y.co.id, web: www.toko.co.id",
    "WWW.EVIL.EXAMPLE",
]


def rendered_text(md: str) -> str:
    out = MD.render(md).strip()
    assert out.startswith("<p>") and out.endswith("</p>"), out
    inner = out[3:-4]
    assert "<" not in inner, f"a tag was rendered: {out}"
    return html.unescape(inner)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_typed_and_nothing_else(text):
    md = plain_md(text)
    seen = rendered_text(md)
    assert seen.replace(WORD_JOINER, "") == plain_text(text)
    assert shown(md) == plain_text(text)
    for rule in (GFM_WWW, GFM_URL, GFM_MAIL, SHORTCODE, DIRECTIVE):
        assert not rule.search(seen), (rule.pattern, seen)
    assert not re.search(r"(?<!\\)\$", md), "an unescaped $ starts a formula"


def test_plain_text_drops_controls_and_bidi_overrides_and_cuts():
    assert plain_text("a\u202eb\u2066c\x07d") == "abcd"
    assert plain_text("  two\n\nlines  ") == "two lines"
    assert plain_text("x" * 50, max_chars=10) == "x" * 9 + "…"
    assert plain_text(123) == "123"


def test_ordinary_text_looks_the_same():
    for text in ("Promo Lebaran 2026", "Kampanye ramadan — toko kopi", "Skincare 100% alami"):
        assert shown(plain_md(text)) == text
        assert rendered_text(plain_md(text)).replace(WORD_JOINER, "") == text


@given(st.text(max_size=80))
def test_any_text_renders_as_one_plain_paragraph(text):
    md = plain_md(text)
    expected = plain_text(text)
    if not expected:
        assert md == ""
        return
    seen = rendered_text(md)
    # CommonMark maps U+0000 to U+FFFD and trims; everything else must come back as typed.
    assert seen.replace(WORD_JOINER, "") == expected
    for rule in (GFM_WWW, GFM_URL, GFM_MAIL, SHORTCODE, DIRECTIVE):
        assert not rule.search(seen)
