"""The layout of guide/ (README "How the code is laid out"): no import circle among its modules, counting
imports inside functions too; at most 6 modules directly in guide/; no importlib (every import is plain)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "guide"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(GUIDE.rglob("*.py"))}


def imports_of(source: str, name: str, is_package: bool, known: set[str]) -> set[str]:
    """The guide modules `source` imports anywhere in it (top level, functions, TYPE_CHECKING blocks)."""
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            targets = [mod] + [f"{mod}.{a.name}" for a in node.names]
        for target in targets:
            # the longest known module the target names (`guide.advice.charts.config` -> guide.advice.charts)
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {n: imports_of(p.read_text("utf-8"), n, p.name == "__init__.py", known) for n, p in mods.items()}


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), as sorted lists."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in g.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def test_the_import_scan_sees_every_form() -> None:
    known = {"guide", "guide.a", "guide.b", "guide.b.c"}
    src = ("import guide.a\nfrom guide.b import c\nfrom . import a\n"
           "def f():\n    from guide.b.c import thing\n")
    assert imports_of(src, "guide.x", False, known) == {"guide", "guide.a", "guide.b", "guide.b.c"}


def test_the_cycle_finder_finds_a_circle_through_a_function_level_import() -> None:
    known = {"guide.p", "guide.q", "guide.r"}
    g = {"guide.p": imports_of("import guide.q\n", "guide.p", False, known),
         "guide.q": imports_of("def late():\n    from guide.p import x\n", "guide.q", False, known),
         "guide.r": set()}
    assert cycles(g) == [["guide.p", "guide.q"]]


def test_no_import_circle_among_guide_modules() -> None:
    g = graph()
    assert len(g) > 20  # the scan found the modules
    assert g["guide.advice.charts"] >= {"guide.advice.models", "guide.output.palette"}
    assert cycles(g) == []


def test_at_most_six_modules_directly_in_guide() -> None:
    direct = sorted(p.name for p in GUIDE.glob("*.py"))
    assert len(direct) <= 6, direct


@pytest.mark.parametrize("path", sorted(GUIDE.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_importlib_in_guide(path: Path) -> None:
    """Subcommands and features are imported plainly, so the import graph above is the real one."""
    tree = ast.parse(path.read_text("utf-8"))
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not {m for m in names if m == "importlib" or m.startswith("importlib.")}
    assert "__import__" not in {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
