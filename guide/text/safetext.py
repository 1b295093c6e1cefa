"""User text made safe for Markdown: shown exactly as typed, never as a link, formula, icon or HTML.

Streamlit renders `st.markdown`, `st.info`/`st.warning`/`st.error`, `st.table` cells, captions and widget
labels as GitHub-flavoured Markdown plus extensions. Escaping the usual punctuation is not enough there:

* GFM *autolink literals* (`www.example.com`, `https://…`, `help@example.com`) are found in the text after
  escapes are resolved, so `www\\.evil\\.example` still becomes a link;
* `$…$` renders as a formula (remark-math), `:material/edit:` as an icon and `:smile:` as an emoji;
* `:red[…]` colours text, `<b>` is HTML, `[x](javascript:…)` a link, `# x` a heading, `1. x` a list.

`plain_md` backslash-escapes every ASCII punctuation character that Markdown gives a meaning to (so
emphasis, links, headings, lists, tables, HTML, entities and `$` math cannot start) and puts an invisible
WORD JOINER (U+2060) before every `.` and `@` and around every `:`. Every autolink literal needs one of those
characters next to ASCII letters (`www.`, `://`, `x@y.z`), and every icon or emoji shortcode and colour
directive needs a colon next to its name; the joiner breaks each of them, and it has no width, so the text
looks the same. Control characters and bidirectional overrides are dropped (they can make one text read as
another), runs of whitespace become one space.

Use `plain_md` for user or link text inside Markdown, `plain_text` where the text is shown by `st.text`,
`st.code`, a dataframe cell or a file that is not Markdown.
"""

from __future__ import annotations

import unicodedata

WORD_JOINER = "\u2060"
# Every ASCII punctuation character CommonMark allows to be backslash-escaped, minus the three handled by the
# joiner alone ('.', '@' and ':' are escaped too where Markdown gives them a meaning: '.' after a digit
# starts an ordered list, so it is escaped as well).
_ESCAPE = set("\\`*_{}[]()<>#+-.!|~$&^=\"'")
_JOIN_BEFORE = set(".@:")
_JOIN_AFTER = set(":")
# Bidirectional embeddings, overrides and isolates: they reorder what a reader sees.
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)}
ELLIPSIS = "…"


def plain_text(text: object, max_chars: int | None = None) -> str:
    """One line of printable text: control and bidi-override characters dropped, whitespace collapsed,
    cut to `max_chars` (with '…') when given. Not Markdown-safe by itself: see `plain_md`."""
    s = text if isinstance(text, str) else str(text)
    kept = []
    for ch in s:
        if ch in _BIDI or ch == WORD_JOINER:
            continue
        cat = unicodedata.category(ch)
        if ch.isspace() or cat in ("Zl", "Zp"):
            kept.append(" ")
        elif cat in ("Cc", "Cs", "Co", "Cn"):
            continue
        else:
            kept.append(ch)
    out = " ".join("".join(kept).split())
    if max_chars is not None and len(out) > max_chars:
        out = out[: max(max_chars - 1, 0)].rstrip() + ELLIPSIS
    return out


def plain_md(text: object, max_chars: int | None = None) -> str:
    """`text` as Markdown that renders as exactly that text: no link, autolink, formula, icon, emoji,
    colour, HTML, heading, list or emphasis. One line; cut to `max_chars` visible characters when given."""
    out = []
    for ch in plain_text(text, max_chars):
        if ch in _JOIN_BEFORE:
            out.append(WORD_JOINER)
        if ch in _ESCAPE:
            out.append("\\")
        out.append(ch)
        if ch in _JOIN_AFTER:
            out.append(WORD_JOINER)
    return "".join(out)


def shown(md: str) -> str:
    """What a reader sees of `plain_md` output (escapes resolved, joiners invisible): for tests and for
    comparing a rendered text with what was typed."""
    out = []
    escaped = False
    for ch in md:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch != WORD_JOINER:
            out.append(ch)
    return "".join(out)
