"""Table column widths whose headers never break inside a word ("Engageme nt"): each column is at least as
wide as the longest word of its header (bold, at the table's size) plus the cell padding; the rest of the
width is shared by the given weights. Pure layout over guide.output.pdf's Document (no font code of its own).
"""

from __future__ import annotations

from collections.abc import Sequence

from guide.output.pdf import FONT_FAMILY, Document

PADDING_MM = 1.2  # Document.table's cell padding on each side


def fit_widths(doc: Document, header: Sequence[str], weights: Sequence[float] | None, size: float,
               cells: Sequence[Sequence[object]] = ()) -> list[float]:
    """Widths in mm (summing to the text width) for `header` at font `size`, from relative `weights`.
    With `cells` (rows, totals), a column is also kept wide enough for its widest cell on one line (in bold,
    as a totals row prints) when all columns can have that."""
    n = len(header)
    w = list(weights) if weights else [1.0] * n
    total_w = doc.content_width
    doc.set_font(FONT_FAMILY, "B", size)
    pad = 2 * PADDING_MM + 0.8
    floor = [max((doc.get_string_width(doc.printable(word)) for word in (h.split() or [""])), default=0.0)
             + pad for h in header]
    if cells:  # widest cell on one line where all fit, else at least its longest word, else the header's
        def widest(i: int, words: bool) -> float:
            texts = [w for r in cells for w in (str(r[i]).split() if words else [str(r[i])])]
            return max([floor[i], *(doc.get_string_width(doc.printable(x)) + pad for x in texts)])

        whole = [widest(i, False) for i in range(n)]
        if sum(whole) <= total_w:
            floor = whole
        else:  # raise columns to their longest word, smallest raise first, while the table still fits
            words = [widest(i, True) for i in range(n)]
            for i in sorted(range(n), key=lambda i: words[i] - floor[i]):
                if sum(floor) - floor[i] + words[i] <= total_w:
                    floor[i] = words[i]
    doc.set_font(FONT_FAMILY, "", size)
    widths = [total_w * x / sum(w) for x in w]
    for _ in range(n):  # raise the narrow columns to their floor, take the difference from the others
        short = [i for i in range(n) if widths[i] < floor[i] - 1e-6]
        if not short:
            break
        for i in short:
            widths[i] = floor[i]
        free = [i for i in range(n) if widths[i] > floor[i] + 1e-6]
        excess = sum(widths) - total_w
        room = sum(widths[i] - floor[i] for i in free)
        if room <= 0:
            break
        for i in free:
            widths[i] -= excess * (widths[i] - floor[i]) / room
    return widths
