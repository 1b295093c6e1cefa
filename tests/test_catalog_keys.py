"""Every catalog key the code uses exists in both catalogs (Indonesian and English), found statically.

A deleted or misspelt key shows the raw key to the user (guide.i18n.t falls back to it), and no page test
notices unless it happens to render that exact text. This scan reads the source with `ast`:

- literal keys: `t(lang, "plan.total")`, `tr("nav.brief")`, `t_list(lang, "learn.diffs")`, and any string
  constant shaped like a key whose first part is a catalog section (`key = "engine.warn.x"; t(lg, key)`);
- f-string keys such as `f"strategy.{s}.name"`: the placeholder is expanded over its values, never
  accepted as "anything": from the code when it is a literal tuple the placeholder loops over or indexes
  (`for key in ("kol", ...)`, `STEPS[step]`), else from DOMAINS below, which names the `Literal` type
  (guide.models) or the constant that a key family is indexed by. A new key family with no known values
  fails this test until its values are declared here.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml

from guide import models
from guide.briefio import SHARE_KEYS

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "data" / "locales"
LANGS = ("id", "en")
CALLS = {"t": 1, "t_list": 1, "tr": 0}  # function name -> position of the key argument
KEYLIKE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
FILE_SUFFIXES = {"json", "yaml", "yml", "csv", "md", "py", "pdf", "png", "xlsx", "txt", "toml"}


def _assumption_codes(attr: int) -> tuple[str, ...]:
    """String constants passed as the `column` (1) or `code` (2) argument of EditProblem in guide/assumptions.py."""
    tree = ast.parse((ROOT / "guide" / "assumptions.py").read_text(encoding="utf-8"))
    out = set()
    for n in ast.walk(tree):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "EditProblem" and len(n.args) > attr:
            a = n.args[attr]
            if isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value:
                out.add(a.value)
    return tuple(sorted(out))


def _editable_columns() -> tuple[str, ...]:
    from guide.assumptions import EDITABLE

    return (*EDITABLE, *_assumption_codes(1))


def _scenarios() -> tuple[str, ...]:
    from guide.briefio import DEFAULT_BRIEF
    from guide.whatif import scenario_briefs

    return tuple(scenario_briefs(DEFAULT_BRIEF, "awareness"))


# Key family (the literal text before the placeholder) -> the values the placeholder takes.
DOMAINS: dict[str, Any] = {
    "strategy.": models.Strategy,
    "engine.summary.": models.Strategy,
    "kind.": models.Kind,
    "goal.": models.Goal,
    "goal_help.": models.Goal,
    "audience.": models.Audience,
    "audience_help.": models.Audience,
    "industry.": models.Industry,
    "platform.": models.Platform,
    "content.": models.Content,
    "content_help.": models.Content,
    "brand_stage.": models.BrandStage,
    "brand_stage_help.": models.BrandStage,
    "field.": SHARE_KEYS,  # pages/_common.problem_text looks up field.<name> only for these
    "compare.scenario.": _scenarios,
    "assumptions.problem.": lambda: _assumption_codes(2),
    "assumptions.col.": _editable_columns,
}


def domain_values(prefix: str) -> tuple[str, ...] | None:
    d = DOMAINS.get(prefix)
    if d is None:
        return None
    if isinstance(d, tuple):
        return d
    args = get_args(d)
    if args:
        return tuple(str(a) for a in args)
    return tuple(d())


def load_catalog(lang: str) -> dict[str, Any]:
    """data/locales/<lang>.yaml merged with every data/locales/<lang>/*.yaml, flattened to dotted keys."""
    out: dict[str, Any] = {}

    def flatten(d: dict[str, Any], prefix: str = "") -> None:
        for k, v in d.items():
            if isinstance(v, dict):
                flatten(v, f"{prefix}{k}.")
            else:
                out[f"{prefix}{k}"] = v

    for path in [LOCALES / f"{lang}.yaml", *sorted((LOCALES / lang).glob("*.yaml"))]:
        flatten(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    return out


@dataclass(frozen=True)
class Use:
    where: str  # file:line
    key: str


@dataclass(frozen=True)
class Unknown:
    where: str
    pattern: str


def _func_name(node: ast.Call) -> str | None:
    f = node.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def _literal_strings(node: ast.AST) -> tuple[str, ...] | None:
    try:
        v = ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError):
        return None
    if isinstance(v, (tuple, list, set, frozenset)) and v and all(isinstance(x, str) for x in v):
        return tuple(v)
    return None


def _resolve_from_code(
    expr: ast.expr, tree: ast.Module, parents: dict[ast.AST, ast.AST], node: ast.AST,
) -> tuple[str, ...] | None:
    """The values of a placeholder when the code spells them out: `NAME[...]` or `NAME` where NAME is a
    module-level literal tuple, or a loop variable over a literal tuple (directly or via enumerate)."""
    target = expr.value if isinstance(expr, ast.Subscript) else expr
    if not isinstance(target, ast.Name):
        return None
    name = target.id
    # An enclosing for-loop / comprehension that binds the name over a literal.
    cur: ast.AST | None = node
    while cur is not None:
        loops: list[tuple[ast.expr, ast.expr]] = []
        if isinstance(cur, ast.For):
            loops.append((cur.target, cur.iter))
        if isinstance(cur, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            loops.extend((g.target, g.iter) for g in cur.generators)
        for tgt, it in loops:
            if isinstance(it, ast.Call) and _func_name(it) == "enumerate" and it.args and isinstance(tgt, ast.Tuple):
                it, tgt = it.args[0], tgt.elts[1]
            if isinstance(tgt, ast.Name) and tgt.id == name:
                return _literal_strings(it)
        cur = parents.get(cur)
    if isinstance(expr, ast.Subscript):
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in stmt.targets):
                return _literal_strings(stmt.value)
    return None


def _expand(js: ast.JoinedStr, tree: ast.Module, parents: dict[ast.AST, ast.AST]) -> tuple[list[str], str] | None:
    """All keys an f-string can produce, or None when a placeholder's values are unknown."""
    keys = [""]
    text = ""
    for part in js.values:
        if isinstance(part, ast.Constant):
            keys = [k + str(part.value) for k in keys]
            text += str(part.value)
            continue
        assert isinstance(part, ast.FormattedValue)
        text += "{" + ast.unparse(part.value) + "}"
        values = _resolve_from_code(part.value, tree, parents, js)
        if values is None and len(keys) == 1:  # the family is the literal text before the placeholder
            values = domain_values(keys[0])
        if values is None:
            return None
        keys = [k + v for k in keys for v in values]
    return keys, text


def scan_source(source: str, where: str, sections: set[str]) -> tuple[list[Use], list[Unknown]]:
    tree = ast.parse(source)
    parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
    uses: list[Use] = []
    unknown: list[Unknown] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _func_name(node) in CALLS:
            i = CALLS[_func_name(node) or ""]
            if len(node.args) <= i:
                continue
            arg = node.args[i]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                uses.append(Use(f"{where}:{node.lineno}", arg.value))
            elif isinstance(arg, ast.JoinedStr):
                expanded = _expand(arg, tree, parents)
                if expanded is None:
                    unknown.append(Unknown(f"{where}:{node.lineno}", ast.unparse(arg)))
                else:
                    uses.extend(Use(f"{where}:{node.lineno}", k) for k in expanded[0])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and KEYLIKE.match(node.value):
            parts = node.value.split(".")
            if parts[0] in sections and parts[-1] not in FILE_SUFFIXES:
                uses.append(Use(f"{where}:{node.lineno}", node.value))
    return uses, unknown


def code_files() -> Iterator[Path]:
    yield ROOT / "app.py"
    for folder in ("guide", "pages", "ui", "app"):
        if (ROOT / folder).is_dir():
            yield from sorted((ROOT / folder).rglob("*.py"))


def scan_tree(files: Iterable[Path], sections: set[str]) -> tuple[list[Use], list[Unknown]]:
    uses: list[Use] = []
    unknown: list[Unknown] = []
    for f in files:
        if f.is_file():
            u, k = scan_source(f.read_text(encoding="utf-8"), str(f.relative_to(ROOT)), sections)
            uses += u
            unknown += k
    return uses, unknown


@pytest.fixture(scope="module")
def catalogs() -> dict[str, dict[str, Any]]:
    return {lang: load_catalog(lang) for lang in LANGS}


def _sections(catalogs: dict[str, dict[str, Any]]) -> set[str]:
    return {k.split(".")[0] for cat in catalogs.values() for k in cat}


def test_every_key_the_code_uses_is_in_both_catalogs(catalogs):
    uses, unknown = scan_tree(code_files(), _sections(catalogs))
    assert not unknown, "f-string keys whose values are not known (declare them in DOMAINS): " + "; ".join(
        f"{u.where} {u.pattern}" for u in unknown)
    keys = {u.key for u in uses}
    # Keys the scan must see, or the scan itself is broken (each is used by a page or guide/ today).
    assert {"strategy.koc.name", "kind.micro", "goal.education", "industry.fitness", "nav.brief",
            "engine.warn.compliance_doctor", "brief.step.review"} <= keys
    missing = sorted({f"{lang}: {u.key} ({u.where})" for u in uses for lang in LANGS if u.key not in catalogs[lang]})
    assert missing == []


def test_the_scan_finds_a_missing_key_and_an_unknown_family():
    source = (
        "from guide.i18n import t\n"
        "STEPS = ('goal', 'lost_step')\n"
        "def f(lang, s, step, x):\n"
        "    t(lang, 'plan.total')\n"
        "    t(lang, 'plan.no_such_key')\n"
        "    t(lang, f'strategy.{s}.name')\n"
        "    t(lang, f'brief.step.{STEPS[step]}')\n"
        "    for k in ('kol', 'ghost'):\n"
        "        t(lang, f'learn.who.{k}')\n"
        "    t(lang, f'mystery.{x}')\n"
        "    key = 'engine.warn.gone'\n"
    )
    uses, unknown = scan_source(source, "x.py", {"plan", "engine", "strategy", "brief", "learn"})
    keys = {u.key for u in uses}
    assert {"plan.total", "plan.no_such_key", "engine.warn.gone", "brief.step.goal", "brief.step.lost_step",
            "learn.who.kol", "learn.who.ghost"} <= keys
    assert {f"strategy.{s}.name" for s in ("kol", "influencer", "koc", "combined")} <= keys
    assert [u.pattern for u in unknown] == ["f'mystery.{x}'"]
    # File names that look like keys are not keys.
    uses, _ = scan_source("p = 'plan.yaml'\nq = 'brief.json'\n", "y.py", {"plan", "brief"})
    assert uses == []
