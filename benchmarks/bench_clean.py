"""HTML body extraction: sitrep's spans vs bare trafilatura, on the composed pages.

Pages and their expected body live in ``tests/data/html/`` (``pages.json``). For each page the
body sitrep keeps is ``Document.text`` minus the boilerplate spans; the baseline is bare
``trafilatura.extract(html)``. Both are compared with the expected body paragraphs as bags of
lowercased word tokens (micro-averaged precision/recall/F1). Strings the expectation marks
``optional`` (standfirsts, bylines, update times: either answer is defensible) and the title
are cut out of both outputs (first occurrence) before counting. Published dates are compared too.

    .venv/bin/python benchmarks/bench_clean.py [-v]
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from sitrep.clean import clean
from sitrep.clean.html import visible_text
from sitrep.ingest import decode_html
from sitrep.model import Document

PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "html"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN.findall(text))


def without(text: str, strings: list[str]) -> str:
    """``text`` with the first whitespace-tolerant occurrence of each string removed."""
    for s in strings:
        words = s.split()
        if words:
            text = re.sub(r"\s+".join(map(re.escape, words)), " ", text, count=1)
    return text


def score(got: Counter[str], want: Counter[str]) -> tuple[int, int, int]:
    hit = sum((got & want).values())
    return hit, sum(got.values()), sum(want.values())


def prf(hit: int, got: int, want: int) -> tuple[float, float, float]:
    p = hit / got if got else 0.0
    r = hit / want if want else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(verbose: bool = False) -> None:
    spec = json.loads((PAGES / "pages.json").read_text("utf-8"))
    totals = {"sitrep": [0, 0, 0], "trafilatura": [0, 0, 0]}
    dates = {"sitrep": 0, "trafilatura": 0}
    elapsed = 0.0
    print(f"{'page':24} {'sitrep P/R':>13} {'trafilatura P/R':>16}  published (sitrep / trafilatura / expected)")
    for name, exp in spec.items():
        html = decode_html((PAGES / f"{name}.html").read_bytes())
        text = visible_text(html)
        t0 = time.perf_counter()
        cleaned = clean(Document(id=name, text=text, raw_html=html, url=exp.get("url")))
        elapsed += time.perf_counter() - t0
        kept = "\n".join(text[a:b] for a, b in cleaned.body_ranges(len(text)))
        base = trafilatura.extract(html, url=exp.get("url")) or ""
        base_meta = trafilatura.extract_metadata(html, default_url=exp.get("url"))
        base_date = base_meta.date if base_meta else None
        want = tokens("\n".join(exp["body"]))
        ignore = [*exp.get("optional", []), exp.get("title") or ""]
        kept, base = without(kept, ignore), without(base, ignore)
        row = []
        for key, got in (("sitrep", tokens(kept)), ("trafilatura", tokens(base))):
            s = score(got, want)
            totals[key] = [a + b for a, b in zip(totals[key], s, strict=True)]
            p, r, _ = prf(*s)
            row.append(f"{p:6.1%}/{r:6.1%}")
        dates["sitrep"] += cleaned.published == exp["published"]
        dates["trafilatura"] += base_date == exp["published"]
        print(f"{name:24} {row[0]:>13} {row[1]:>16}  {cleaned.published} / {base_date} / {exp['published']}")
        if verbose:
            extra = tokens(kept) - want
            missing = want - tokens(kept)
            if extra:
                print("    sitrep extra:", " ".join(sorted(extra.elements()))[:300])
            if missing:
                print("    sitrep missing:", " ".join(sorted(missing.elements()))[:300])
    print()
    n = len(spec)
    for key, (hit, got, want) in totals.items():
        p, r, f = prf(hit, got, want)
        print(f"{key:12} precision {p:6.1%}  recall {r:6.1%}  F1 {f:6.1%}  published {dates[key]}/{n}")
    print(f"sitrep clean time: {elapsed:.2f}s for {n} pages")


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
