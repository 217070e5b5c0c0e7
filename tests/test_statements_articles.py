"""Statements on composed multi-paragraph articles (tests/data/articles/*.yaml, see its README).

Each annotated statement is one test (found, speaker, intent, direct, channel, relay); each article
also checks precision (no statement outside the annotation) and that headlines, scare quotes and
titles of works give none. The loaders and matchers here are shared with
``tests/test_figures_articles.py`` and ``benchmarks/bench_statements.py``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from sitrep.analyze import Analysis, analyze
from sitrep.model import Document, Figure, Statement

ARTICLES = Path(__file__).parent / "data" / "articles"
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})


@lru_cache(maxsize=1)
def load_articles() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(ARTICLES.glob("*.yaml")):
        art = yaml.safe_load(path.read_text(encoding="utf-8"))
        art["name"] = path.stem
        for key in (
            "statements",
            "optional_statements",
            "not_statements",
            "figures",
            "optional_figures",
            "not_figures",
        ):
            art[key] = art.get(key) or []
        art["xfail"] = art.get("xfail") or {}
        out[path.stem] = art
    return out


@cache
def analysis(name: str) -> Analysis:
    art = load_articles()[name]
    doc = Document(id=name, text=art["text"], published=art.get("published"))
    return next(analyze([doc]))


def norm(s: str) -> str:
    return " ".join(s.translate(_QUOTES).lower().split())


def who(st: Statement) -> str:
    s = st.speaker
    return norm(" ".join(x for x in (s.name, s.role, s.organization) if x))


def span_of(text: str, fragment: str) -> tuple[int, int]:
    i = text.find(fragment)
    if i < 0:
        i = norm(text).find(norm(fragment))  # same length after norm unless spaces collapse
    assert i >= 0, f"fragment not in article: {fragment!r}"
    return i, i + len(fragment)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# ---------------------------------------------------------------- statements


def statement_for(sts: list[Statement], q: str) -> Statement | None:
    key = norm(q)
    return next((st for st in sts if key in norm(st.quote)), None)


def statement_fields(exp: dict[str, Any], st: Statement | None) -> dict[str, bool]:
    """Which annotated fields the extracted statement gets right (found, speaker, intent, ...)."""
    if st is None:
        return {"found": False}
    out = {
        "found": True,
        "speaker": any(norm(s) in who(st) for s in exp["speaker"]),
        "intent": st.intent in exp["intent"],
    }
    if "direct" in exp:
        out["direct"] = st.direct is exp["direct"]
    if "form" in exp:
        out["form"] = st.quote_form == exp["form"]
    if "channel" in exp:
        out["channel"] = st.channel == exp["channel"]
    if "reported_by" in exp:
        out["reported_by"] = exp["reported_by"] in st.reported_by
    return out


def unexpected_statements(art: dict[str, Any], sts: list[Statement]) -> list[str]:
    keys = [norm(e["q"]) for e in art["statements"]] + [norm(q) for q in art["optional_statements"]]
    return [st.quote for st in sts if not any(k in norm(st.quote) for k in keys)]


def forbidden_statements(art: dict[str, Any], sts: list[Statement]) -> list[str]:
    text = art["text"]
    bad: list[str] = []
    for frag in art["not_statements"]:
        sp = span_of(text, frag)
        if any(overlaps(sp, (m.start, m.end)) for st in sts for m in st.mentions):
            bad.append(frag)
    return bad


# ---------------------------------------------------------------- figures


def figure_for(text: str, figs: list[Figure], exp: dict[str, Any]) -> Figure | None:
    sp = span_of(text, exp["text"])
    for f in figs:
        if abs(f.value - float(exp["value"])) <= max(0.05, abs(float(exp["value"])) * 1e-3) and any(
            overlaps(sp, (m.start, m.end)) for m in f.mentions
        ):
            return f
    return None


def figure_fields(exp: dict[str, Any], f: Figure | None) -> dict[str, bool]:
    if f is None:
        return {"found": False}
    out = {"found": True, "value": True, "measure": f.measure in exp["measure"]}
    for key in ("qualifier", "unit"):
        if key in exp:
            out[key] = getattr(f, key) == exp[key]
    if exp.get("subject"):
        out["subject"] = (f.subject or "").lower() == exp["subject"].lower()
    return out


def figure_spans(art: dict[str, Any], key: str) -> list[tuple[int, int]]:
    return [span_of(art["text"], e["text"] if isinstance(e, dict) else e) for e in art[key]]


def unexpected_figures(art: dict[str, Any], figs: list[Figure]) -> list[str]:
    ok = figure_spans(art, "figures") + figure_spans(art, "optional_figures")
    return [
        f.mentions[0].text
        for f in figs
        if not any(overlaps(sp, (m.start, m.end)) for sp in ok for m in f.mentions)
    ]


def forbidden_figures(art: dict[str, Any], figs: list[Figure]) -> list[str]:
    bad = []
    for frag, sp in zip(art["not_figures"], figure_spans(art, "not_figures"), strict=True):
        if any(overlaps(sp, (m.start, m.end)) for f in figs for m in f.mentions):
            bad.append(frag)
    return bad


# ---------------------------------------------------------------- parametrization


def _slug(s: str) -> str:
    return re.sub(r"\W+", "_", s.lower()).strip("_")[:40]


def cases(kind: str) -> list[Any]:
    """(article name, expectation) params, strict-xfail where the article's ``xfail`` says so."""
    out = []
    field = "q" if kind == "statements" else "text"
    prefix = "s:" if kind == "statements" else "f:"
    for name, art in load_articles().items():
        for exp in art[kind]:
            marks = []
            reason = art["xfail"].get(prefix + exp[field])
            if reason:
                marks.append(pytest.mark.xfail(reason=reason, strict=True))
            out.append(pytest.param(name, exp, id=f"{name}-{_slug(exp[field])}", marks=marks))
    return out


def article_params(key: str) -> list[Any]:
    out = []
    for name, art in load_articles().items():
        reason = art["xfail"].get(key)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        out.append(pytest.param(name, id=name, marks=marks))
    return out


# ---------------------------------------------------------------- tests


def test_at_least_fifteen_articles_with_statements() -> None:
    arts = load_articles()
    assert len(arts) >= 15
    assert sum(len(a["statements"]) for a in arts.values()) >= 100


@pytest.mark.parametrize(("name", "exp"), cases("statements"))
def test_statement(name: str, exp: dict[str, Any]) -> None:
    sts = analysis(name).statements
    st = statement_for(sts, exp["q"])
    got = statement_fields(exp, st)
    assert got["found"], f"no statement with {exp['q']!r}: {[s.quote for s in sts]}"
    assert st is not None
    wrong = {k: v for k, v in got.items() if not v}
    detail = {
        "speaker": st.speaker.to_json(),
        "intent": st.intent,
        "direct": st.direct,
        "form": st.quote_form,
        "channel": st.channel,
        "reported_by": st.reported_by,
    }
    assert not wrong, f"{sorted(wrong)} wrong: {detail} for {st.quote!r}"


@pytest.mark.parametrize("name", article_params("precision"))
def test_statement_precision(name: str) -> None:
    extra = unexpected_statements(load_articles()[name], analysis(name).statements)
    assert not extra, extra


@pytest.mark.parametrize("name", article_params("not_statements"))
def test_no_statement_from_headlines_scare_quotes_titles(name: str) -> None:
    bad = forbidden_statements(load_articles()[name], analysis(name).statements)
    assert not bad, bad


def test_mentions_point_into_the_text() -> None:
    for name, art in load_articles().items():
        a = analysis(name)
        for rec in [*a.statements, *a.figures]:
            for m in rec.mentions:
                assert art["text"][m.start : m.end] == m.text
