"""Figures on composed multi-paragraph articles (tests/data/articles/*.yaml, see its README).

Each annotated figure is one test (found by value at its words, measure, qualifier, unit, subject);
each article also checks precision (no figure outside the annotation) and that years, dates,
times, ages, ordinals, phone numbers and resolution numbers give none.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_statements_articles import (
    analysis,
    article_params,
    cases,
    figure_fields,
    figure_for,
    forbidden_figures,
    load_articles,
    unexpected_figures,
)


def test_at_least_fifteen_articles_with_figures() -> None:
    arts = load_articles()
    assert len(arts) >= 15
    assert sum(len(a["figures"]) for a in arts.values()) >= 60


@pytest.mark.parametrize(("name", "exp"), cases("figures"))
def test_figure(name: str, exp: dict[str, Any]) -> None:
    art = load_articles()[name]
    figs = analysis(name).figures
    f = figure_for(art["text"], figs, exp)
    listing = [(g.measure, g.value, g.mentions[0].text) for g in figs]
    assert f is not None, f"no figure {exp['value']} at {exp['text']!r}: {listing}"
    got = figure_fields(exp, f)
    wrong = sorted(k for k, v in got.items() if not v)
    detail = {"measure": f.measure, "qualifier": f.qualifier, "unit": f.unit, "subject": f.subject}
    assert not wrong, f"{wrong} wrong: {detail}"


@pytest.mark.parametrize("name", article_params("figure_precision"))
def test_figure_precision(name: str) -> None:
    extra = unexpected_figures(load_articles()[name], analysis(name).figures)
    assert not extra, extra


@pytest.mark.parametrize("name", article_params("not_figures"))
def test_no_figures_from_years_dates_times_ages_ids(name: str) -> None:
    bad = forbidden_figures(load_articles()[name], analysis(name).figures)
    assert not bad, bad
