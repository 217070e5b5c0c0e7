"""Generate a synthetic corpus of news-like pages for throughput benchmarks.

The texts are assembled from composed sentence templates (no third-party data): varied
actors, places, numbers and dates, with scrape-style boilerplate lines around the body.
Good for measuring speed, useless for measuring accuracy.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ACTORS = ["Taliban fighters", "Government forces", "Unidentified gunmen", "Police", "Rebels", "Militants",
          "Security forces", "Protesters", "Soldiers", "Insurgents"]
TARGETS = ["a police checkpoint", "an army base", "a market", "a convoy", "a village", "the district centre",
           "a border post", "a government office"]
PLACES = ["Kunduz", "Farah", "Herat", "Kandahar", "Maiduguri", "Aden", "Kharkiv", "Mogadishu", "Gao", "Sittwe"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SPEAKERS = ["a provincial spokesman", "the interior ministry", "a local official", "the army", "witnesses"]
BOILER = ["Home | World | Politics | Video", "Share this article", "Sign up for our newsletter",
          "Related stories", "Tags: conflict, security", "(c) 2024 Example Wire. All rights reserved."]


def article(rng: random.Random, i: int) -> str:
    lines = [rng.choice(BOILER), ""]
    place = rng.choice(PLACES)
    lines.append(f"{rng.choice(ACTORS)} attack {rng.choice(TARGETS)} near {place}")
    lines.append("")
    for _ in range(rng.randint(4, 9)):
        kind = rng.random()
        if kind < 0.4:
            lines.append(
                f"{rng.choice(ACTORS)} attacked {rng.choice(TARGETS)} in {rng.choice(PLACES)} on "
                f"{rng.choice(DAYS)}, killing at least {rng.randint(1, 40)} people, {rng.choice(SPEAKERS)} said."
            )
        elif kind < 0.7:
            lines.append(
                f"\"We will not allow {rng.choice(ACTORS).lower()} to take {place},\" {rng.choice(SPEAKERS)} "
                f"said in a statement on {rng.choice(DAYS)}."
            )
        else:
            lines.append(
                f"More than {rng.randint(2, 90) * 100:,} people have fled the fighting since "
                f"{rng.choice(['January', 'March', 'last year', 'the start of the month'])}, according to UN figures."
            )
        lines.append("")
    lines.append(rng.choice(BOILER))
    return "\n".join(lines) + f"\nStory {i}\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("-n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jsonl", action="store_true", help="write one JSONL file instead of .txt files")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    a.out.mkdir(parents=True, exist_ok=True)
    if a.jsonl:
        with (a.out / "corpus.jsonl").open("w", encoding="utf-8") as f:
            for i in range(a.n):
                f.write(json.dumps({"id": f"gen{i:06d}", "text": article(rng, i)}) + "\n")
    else:
        for i in range(a.n):
            (a.out / f"gen{i:06d}.txt").write_text(article(rng, i), encoding="utf-8")


if __name__ == "__main__":
    main()
