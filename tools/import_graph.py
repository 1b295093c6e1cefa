"""Draw guide/'s folders and the imports between them as docs/layout.svg (README "How the code is laid out").

The imports come from tests/test_layout.py's ast scan (function-level imports included). Folders are placed
in rows by the longest chain of imports below them, so every arrow points down: features on top, the shared
rooms (text, output) at the bottom. No graphviz needed.

    .venv/bin/python -m tools.import_graph
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_layout import graph  # noqa: E402

OUT = ROOT / "docs" / "layout.svg"
W, H, GAP_X, GAP_Y, TOP = 150, 44, 36, 70, 20


def folder(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) >= 2 and (ROOT / parts[0] / parts[1]).is_dir() else "guide"


def folder_graph() -> dict[str, set[str]]:
    g: dict[str, set[str]] = {}
    for mod, deps in graph().items():
        a = folder(mod)
        g.setdefault(a, set())
        g[a] |= {folder(d) for d in deps} - {a}
    return g


def rows(g: dict[str, set[str]]) -> list[list[str]]:
    depth: dict[str, int] = {}

    def d(n: str) -> int:
        if n not in depth:
            depth[n] = 1 + max((d(m) for m in g[n]), default=-1)
        return depth[n]

    for n in g:
        d(n)
    top = max(depth.values())
    return [sorted(n for n in g if depth[n] == top - r) for r in range(top + 1)]


def svg(g: dict[str, set[str]]) -> str:
    layout = rows(g)
    width = max(len(r) for r in layout) * (W + GAP_X) + GAP_X + W
    height = len(layout) * (H + GAP_Y) + TOP
    pos: dict[str, tuple[float, float]] = {}
    for r, names in enumerate(layout):
        # odd rows half a box to the right, so an arrow that skips a row does not run through a box's middle
        x0 = (width - len(names) * (W + GAP_X) + GAP_X) / 2 + (W / 2 + GAP_X if r % 2 and len(names) == 1 else 0)
        for i, n in enumerate(names):
            pos[n] = (x0 + i * (W + GAP_X), TOP + r * (H + GAP_Y))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
           f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="sans-serif" font-size="15">',
           '<title>guide/ folders and their imports (an arrow: imports from)</title>',
           '<defs><marker id="a" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
           'orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#4A5654"/></marker></defs>',
           f'<rect width="{width:.0f}" height="{height:.0f}" fill="#FFFFFF"/>']
    for n, (x, y) in sorted(pos.items()):
        label = "guide/ (top)" if n == "guide" else f"{n}/"
        out.append(f'<rect x="{x:.0f}" y="{y:.0f}" width="{W}" height="{H}" rx="8" fill="#F1F5F4" '
                   'stroke="#0B6E69" stroke-width="2"/>')
        out.append(f'<text x="{x + W / 2:.0f}" y="{y + H / 2 + 5:.0f}" text-anchor="middle" fill="#0E1615">'
                   f'{escape(label)}</text>')
    for a in sorted(g):
        for b in sorted(g[a]):
            (x1, y1), (x2, y2) = pos[a], pos[b]
            out.append(f'<line x1="{x1 + W / 2:.0f}" y1="{y1 + H:.0f}" x2="{x2 + W / 2:.0f}" y2="{y2:.0f}" '
                       'stroke="#4A5654" stroke-width="1.4" marker-end="url(#a)"/>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main() -> None:
    OUT.write_text(svg(folder_graph()), encoding="utf-8")
    print(OUT.relative_to(ROOT))


if __name__ == "__main__":
    main()
