"""Every catalog key the code uses exists in both catalogs (Indonesian and English), found statically.

A deleted or misspelt key shows the raw key to the user (guide.text.i18n.t falls back to it), and no page test
notices unless it happens to render that exact text. This scan reads the source with `ast`:

- literal keys: `t(lang, "plan.total")`, `tr("nav.brief")`, `t_list(lang, "learn.diffs")`, and any string
  constant shaped like a key whose first part is a catalog section (`key = "engine.warn.x"; t(lg, key)`);
- f-string keys such as `f"strategy.{s}.name"` (and keys built with `+`, read as the same f-string): the
  placeholder is expanded over its values, never accepted as "anything": from the code when it is a literal
  tuple the placeholder loops over or indexes (`for key in ("kol", ...)`, `STEPS[step]`), else from DOMAINS
  below, which names the `Literal` type, the constant, or the call arguments / returned codes a key family
  is indexed by; PATTERNS holds the few whole patterns whose placeholders depend on each other. Values the
  code only spells as scattered literals are listed with `_listed(file, ...)` and must still occur in that
  file. A new key family with no known values fails this test until its values are declared here.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_type_hints

import pytest
import yaml

from guide.advice import models, planner

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "data" / "locales"
LANGS = ("id", "en")
CALLS = {"t": 1, "t_list": 1, "tr": 0}  # function name -> position of the key argument
KEYLIKE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
FILE_SUFFIXES = {"json", "yaml", "yml", "csv", "md", "py", "pdf", "png", "xlsx", "txt", "toml"}


def _string_args(path: str, func: str, pos: int) -> tuple[str, ...]:
    """The string constants passed as positional argument `pos` of calls to `func` in one source file."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    out = set()
    for n in ast.walk(tree):
        if isinstance(n, ast.Call) and _func_name(n) == func and len(n.args) > pos:
            a = n.args[pos]
            if isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value:
                out.add(a.value)
    return tuple(sorted(out))


def _returned_codes(path: str, *funcs: str) -> tuple[str, ...]:
    """The code-shaped string constants (`not_number`) in the return statements of functions in one file."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    out = set()
    for f in ast.walk(tree):
        if isinstance(f, ast.FunctionDef) and f.name in funcs:
            for r in ast.walk(f):
                if isinstance(r, ast.Return) and r.value is not None:
                    out.update(n.value for n in ast.walk(r.value) if isinstance(n, ast.Constant)
                               and isinstance(n.value, str) and re.fullmatch(r"[a-z][a-z_]*", n.value))
    missing = set(funcs) - {f.name for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)}
    assert not missing, f"no function {missing} in {path}"
    return tuple(sorted(out))


def _local_literal(path: str, name: str) -> tuple[str, ...]:
    """The literal list/tuple of strings assigned to `name` (at any depth) in one source file."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    for n in ast.walk(tree):
        if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in n.targets):
            values = _literal_strings(n.value)
            if values:
                return values
    raise AssertionError(f"no literal {name} in {path}")


def _listed(path: str, *values: str) -> Callable[[], tuple[str, ...]]:
    """Values that are only literal strings in the code, listed here; each must still be a string constant in
    `path`, so a value renamed there fails this test instead of leaving its key family unscanned."""

    def get() -> tuple[str, ...]:
        tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
        constants = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
        stale = [v for v in values if v not in constants]
        assert not stale, f"listed in DOMAINS but no longer in {path}: {stale}"
        return values

    return get


def _assumption_codes(attr: int) -> tuple[str, ...]:
    """String constants passed as the `column` (1) or `code` (2) argument of EditProblem in guide/advice/assumptions.py."""
    return _string_args("guide/advice/assumptions.py", "EditProblem", attr)


def _editable_columns() -> tuple[str, ...]:
    from guide.advice.assumptions import EDITABLE

    return (*EDITABLE, *_assumption_codes(1))


def _scenarios() -> tuple[str, ...]:
    from guide.advice.brief_io import DEFAULT_BRIEF
    from guide.advice.whatif import scenario_briefs

    return tuple(scenario_briefs(DEFAULT_BRIEF, "awareness"))


def _hint(cls: Any, attr: str) -> tuple[str, ...]:
    """The string values of a `Literal` annotation on a field or a return (None dropped from `X | None`)."""
    tp = get_type_hints(cls)[attr]
    args = get_args(tp)
    out: list[str] = []
    for a in args:
        out.extend(str(x) for x in (get_args(a) or (a,)) if isinstance(x, str))
    return tuple(out)


def _objective() -> tuple[str, ...]:
    from guide.creators.shortlist import Shortlist

    return _hint(Shortlist, "objective")  # Literal["engagements", "reach"]


def _metric() -> tuple[str, ...]:
    from guide.results.analysis import Metric

    return get_args(Metric)


def _compliance() -> tuple[str, ...]:
    from guide.advice.engine import COMPLIANCE_RULES  # every code _advisories can emit indexes this dict

    return tuple(key.removeprefix("engine.warn.") for key, _ in COMPLIANCE_RULES.values() if key.startswith("engine.warn."))


def _tie_breaks() -> tuple[str, ...]:
    return tuple(x.replace("-", "_") for x in _hint(models.Recommendation, "tie_break"))


def _amount_units() -> tuple[str, ...]:
    from guide.text.numbers import _WORDS

    return tuple(str(p) for p in _WORDS)


def _figure_problems() -> tuple[str, ...]:
    # guide/briefio.problem_message looks up input.problem.<code> directly only for codes starting "figure_".
    return tuple(c for c in _string_args("guide/advice/brief_io.py", "Problem", 1) if c.startswith("figure_"))


def _section_headings() -> tuple[str, ...]:
    from guide.creators.briefs import OWN_HEADINGS, SECTION_KEYS

    return tuple(sorted({k for keys in SECTION_KEYS.values() for k in keys} - set(OWN_HEADINGS)))


def _families() -> tuple[str, ...]:
    from guide.creators.briefs import SECTION_KEYS

    return tuple(SECTION_KEYS)


def _brief_sections() -> tuple[str, ...]:
    # guide/creators/briefs.py: sections other than BUILT are creators.brief.<fam>.<key>.
    from guide.creators.briefs import BUILT, SECTION_KEYS

    return tuple(f"creators.brief.{fam}.{k}" for fam, keys in SECTION_KEYS.items() for k in keys if k not in BUILT)


def _results_reasons() -> tuple[str, ...]:
    # guide/results/analysis.py creator_table(): reason = f"no_data_{metric}" (metric = GOAL_METRIC[goal]), or one of four.
    from guide.results.analysis import GOAL_METRIC

    listed = _listed("guide/results/analysis.py", "too_few", "keep", "review", "drop")()
    return (*sorted({f"no_data_{m}" for m in GOAL_METRIC.values()}), *listed)


def _er_basis() -> tuple[str, ...]:
    from guide.results.analysis import Metrics

    return _hint(vars(Metrics)["er_basis"].fget, "return")  # Literal["reach", "followers"] | None


def _results_headers() -> tuple[str, ...]:
    from guide.results.report import METRIC_COLUMNS

    return tuple(sorted({
        *METRIC_COLUMNS, *_metric(),  # pages/results.py: results.table.<goal metric>
        *_string_args("guide/results/report.py", "header", 1),
        *_local_literal("guide/results/report.py", "plan_head"),
        *_string_args("pages/results.py", "breakdown_rows", 1),
    }))


def _results_formulas() -> tuple[str, ...]:
    from guide.results.analysis import FORMULAS

    return (*FORMULAS, "matched", "reach_note")  # pages/results.py: for key in (*FORMULAS, "matched", "reach_note")


def _results_columns() -> tuple[str, ...]:
    from guide.results.analysis import COLUMNS

    return COLUMNS


def _results_problems() -> tuple[str, ...]:
    # _p(row, column, code) with a literal code, or the code a cell parser returned instead of a value.
    return (*_string_args("guide/results/analysis.py", "_p", 2),
            *_returned_codes("guide/results/analysis.py", "_parse_whole", "_parse_date"))


def _roster_problems() -> tuple[str, ...]:
    # _p(row, column, code) or validate_frame's report(mask, column, code) with a literal code, or the code a
    # number parser returned (_numbers: `code or "not_number"`).
    return tuple(sorted({*_string_args("guide/creators/roster.py", "_p", 2),
                         *_string_args("guide/creators/roster.py", "report", 2),
                         *_returned_codes("guide/creators/roster.py", "parse_count", "parse_percent", "parse_decimal")}))


def _roster_columns() -> tuple[str, ...]:
    from guide.creators.roster import COLUMNS

    return (*COLUMNS, *_string_args("guide/creators/roster.py", "_p", 1))


def _module_attr(module: str, name: str) -> Callable[[], tuple[str, ...]]:
    def get() -> tuple[str, ...]:
        import importlib

        value = getattr(importlib.import_module(module), name)
        return tuple(get_args(value) or value)

    return get


def _brief_fields() -> tuple[str, ...]:
    # ui/recommendation.field_label: field.<name> for a brief field that is not an audience descriptor.
    from guide.advice.brief_io import BRIEF_FIELDS
    from ui.wizard import DESCRIPTORS

    return tuple(f for f in BRIEF_FIELDS if f not in DESCRIPTORS)


ER_BASES = _listed("guide/creators/roster.py", "given", "derived", "assumed")  # derive(): er_basis = np.full / er_basis[...] =


def _goal_objectives() -> tuple[str, ...]:
    from guide.creators.shortlist import GOAL_OBJECTIVE

    return tuple(sorted(set(GOAL_OBJECTIVE.values())))


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
    "field.": _brief_fields,
    "compare.scenario.": _scenarios,
    "assumptions.problem.": lambda: _assumption_codes(2),
    "assumptions.col.": _editable_columns,
    # input / engine / charts / brief
    "input.amount.unit.": _amount_units,
    "input.problem.": _figure_problems,
    "input.age_band.": models.AgeBand,
    "input.gender.": models.Gender,
    "engine.warn.": _compliance,
    "engine.warn.tie_": _tie_breaks,
    "charts.kind_short.": models.Tier,  # guide/advice/charts.py: for kind in TIERS
    "brief.step.": _module_attr("ui.wizard", "STEPS"),
    # creators (roster, shortlist, briefs)
    "creators.problem.": _roster_problems,
    "creators.col.": _roster_columns,
    "creators.brief.h.": _section_headings,
    "creators.brief.cta.": models.Goal,
    "creators.brief.narrative.": models.Goal,
    # deliverables (guide/creators/briefs.py, guide/reports/exports.py, guide/reports/recommendation.py)
    "deliver.brief.h.": _module_attr("guide.creators.briefs", "OWN_HEADINGS"),
    "deliver.brief.intro.": _families,
    "deliver.brief.fee.": _families,
    "deliver.brief.deliverables.": _families,
    "deliver.brief.timeline_weeks.": _families,
    "deliver.brief.timeline_dates.": _families,
    "deliver.brief.format.": models.Platform,
    "deliver.brief.audience_kind.": models.Audience,
    "deliver.csv.": _module_attr("guide.reports.exports", "CSV_COLUMNS"),
    "deliver.xlsx.dir_": models.Direction,
    "creators.report.value_": _objective,
    # the plan optimiser (guide/advice/planner.py's Literal types)
    "plan_model.objective.": planner.Objective,
    "plan_model.idle.": planner.IdleReason,
    "deliver.pdf.left_why.": planner.IdleReason,
    "creators.chart.y_": _objective,
    "creators.chart.sentence_": _objective,
    "creators.short.optimal_": _objective,
    "creators.why.rank_": _objective,
    "creators.why.cost_per_": _objective,
    "creators.page.method_": _objective,
    "downstream.short.objective_": _goal_objectives,
    "creators.why.er_": ER_BASES,
    "creators.page.er_": ER_BASES,
    "creators.relax.": _listed("guide/creators/shortlist.py", "platform", "industry", "city", "flagged"),  # _relax(): checks
    "creators.page.sev_": _module_attr("guide.creators.roster", "Severity"),
    "creators.page.source_": _listed("pages/creators.py", "sample", "upload"),  # the source radio's options
    "creators.page.auth_": _listed("guide/creators/roster.py", "ok", "low", "high", "unchecked"),  # derive(): auth[...] =
    "creators.page.fit_": _listed("guide/creators/roster.py", "yes", "no", "unknown"),  # derive(): industry_fit
    # results
    "results.kind.": models.Kind,
    "results.platform.": models.Platform,
    "results.goal.": models.Goal,
    "results.status.": _module_attr("guide.results.analysis", "Status"),
    "results.band.": _module_attr("guide.results.analysis", "Band"),
    "results.metric.": _metric,
    "results.reason.": _results_reasons,
    "results.basis.": _er_basis,
    "results.table.": _results_headers,
    "results.formula.": _results_formulas,
    "results.column_help.": _results_columns,
    "results.problem.": _results_problems,
    "results.chart.": _module_attr("guide.results.report", "Measure"),
    "results.chart.cum_": _module_attr("guide.results.report", "Measure"),
    "results.chart.plan_title_": _module_attr("guide.results.report", "Measure"),
    "results.chart.plan_lead_": _module_attr("guide.results.report", "Measure"),
    "results.chart.timeline_": _module_attr("guide.results.report", "Measure"),
    "results.chart.timeline_title_": _module_attr("guide.results.report", "Measure"),
    "results.xlsx.by_": _listed("guide/results/report.py", "kind", "platform"),  # to_xlsx(): for key, group, name
    "results.pdf.by_": _listed("guide/results/report.py", "kind", "platform"),  # to_pdf(): groups
    "results.page.source_": _listed("pages/results.py", "sample", "upload"),  # the source control's options
    "results.page.brief_": _listed("pages/results.py", "sample", "current", "link", "json", "none"),  # brief options
}

# Whole f-string patterns whose placeholders depend on each other -> every key they produce.
PATTERNS: dict[str, Callable[[], tuple[str, ...]]] = {
    "creators.brief.{fam}.{key}": _brief_sections,
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
    pattern = "".join(str(p.value) if isinstance(p, ast.Constant) else "{" + ast.unparse(p.value) + "}"  # type: ignore[attr-defined]
                      for p in js.values)
    if pattern in PATTERNS:
        return list(PATTERNS[pattern]()), pattern
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


def _concatenation(expr: ast.BinOp) -> ast.JoinedStr | None:
    """A key built with `+` as the f-string it amounts to; None when no part is a string literal."""
    parts: list[ast.expr] = []

    def flatten(e: ast.expr) -> None:
        if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Add):
            flatten(e.left)
            flatten(e.right)
        elif isinstance(e, ast.JoinedStr):
            parts.extend(e.values)
        elif isinstance(e, ast.Constant) and isinstance(e.value, str):
            parts.append(e)
        else:
            parts.append(ast.FormattedValue(value=e, conversion=-1, format_spec=None))

    flatten(expr)
    if not any(isinstance(p, ast.Constant) for p in parts):
        return None
    return ast.JoinedStr(values=parts)


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
            elif isinstance(arg, (ast.JoinedStr, ast.BinOp)):
                if isinstance(arg, ast.BinOp):  # "results.basis." + m.er_basis reads as f"results.basis.{m.er_basis}"
                    js = _concatenation(arg)
                    if js is None:
                        continue
                    parents[js] = node
                    arg = js
                expanded = _expand(arg, tree, parents)
                if expanded is None:
                    unknown.append(Unknown(f"{where}:{node.lineno}", ast.unparse(arg)))
                else:
                    uses.extend(Use(f"{where}:{node.lineno}", k) for k in expanded[0])
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and KEYLIKE.match(node.value)
              and not isinstance(parents.get(node), ast.JoinedStr)):  # f-string parts are expanded above
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
        "from guide.text.i18n import t\n"
        "STEPS = ('goal', 'lost_step')\n"
        "def f(lang, s, step, x):\n"
        "    t(lang, 'plan.total')\n"
        "    t(lang, 'plan.no_such_key')\n"
        "    t(lang, f'strategy.{s}.name')\n"
        "    t(lang, f'brief.step.{STEPS[step]}')\n"
        "    for k in ('kol', 'ghost'):\n"
        "        t(lang, f'learn.who.{k}')\n"
        "    t(lang, f'mystery.{x}')\n"
        "    t(lang, 'kind.' + s)\n"
        "    t(lang, x + '_all')\n"
        "    key = 'engine.warn.gone'\n"
    )
    uses, unknown = scan_source(source, "x.py", {"plan", "engine", "strategy", "brief", "learn"})
    keys = {u.key for u in uses}
    assert {"plan.total", "plan.no_such_key", "engine.warn.gone", "brief.step.goal", "brief.step.lost_step",
            "learn.who.kol", "learn.who.ghost"} <= keys
    assert {f"strategy.{s}.name" for s in ("kol", "influencer", "koc", "combined")} <= keys
    assert {f"kind.{k}" for k in ("kol", "nano", "koc")} <= keys  # a concatenated key expands like an f-string
    assert [u.pattern for u in unknown] == ["f'mystery.{x}'", "f'{x}_all'"]
    # File names that look like keys are not keys.
    uses, _ = scan_source("p = 'plan.yaml'\nq = 'brief.json'\n", "y.py", {"plan", "brief"})
    assert uses == []
