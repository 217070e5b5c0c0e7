"""Scoring of PLOVER event coding on the composed sentences of tests/data/plover_cases.yaml.

Shared by benchmarks/bench_plover.py (prints the table) and tests/test_plover_bench.py (floors).
Per sentence, the coded event is the event of the expected type when sitrep gives one, else its
first event (or none). Per type: recall = sentences of the type coded with it; precision =
sentences coded with the type that have it; source = actor1 contains the expected substring,
over sentences of the type that were coded right and have a source to check.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CASES_PATH = Path(__file__).parent / "data" / "plover_cases.yaml"


def load_cases() -> list[dict[str, Any]]:
    return yaml.safe_load(CASES_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@dataclass
class Guess:
    plover: str | None
    source: str | None
    target: str | None = None
    status: str | None = None
    mode: str | None = None


@dataclass
class Score:
    n: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    detected: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    coded: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # sentences coded with type
    src: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    status: list[int] = field(default_factory=lambda: [0, 0])
    mode: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[str] = field(default_factory=list)

    def add(self, case: dict[str, Any], guess: Guess) -> None:
        want = case["type"]
        self.n[want] += 1
        if guess.plover is not None:
            self.detected[want] += 1
            self.coded[guess.plover] += 1
        if guess.plover == want:
            self.right[want] += 1
            if case.get("source"):
                ok = case["source"].lower() in (guess.source or "").lower()
                self.src[want][0] += int(ok)
                self.src[want][1] += 1
                if not ok:
                    self.misses.append(f"SOURCE {want}: {guess.source!r} want {case['source']!r}: {case['text']}")
            if case.get("mode"):
                self.mode[want][0] += int(guess.mode == case["mode"])
                self.mode[want][1] += 1
                if guess.mode != case["mode"]:
                    self.misses.append(f"MODE {want}: {guess.mode!r} want {case['mode']!r}: {case['text']}")
            if case.get("status") and guess.status is not None:
                self.status[0] += int(guess.status == case["status"])
                self.status[1] += 1
        else:
            self.misses.append(f"TYPE {want}: got {guess.plover}: {case['text']}")

    def recall(self, t: str | None = None) -> float:
        if t is None:
            return sum(self.right.values()) / max(1, sum(self.n.values()))
        return self.right[t] / max(1, self.n[t])

    def precision(self, t: str | None = None) -> float:
        if t is None:
            return sum(self.right.values()) / max(1, sum(self.coded.values()))
        return self.right[t] / self.coded[t] if self.coded[t] else 0.0

    def detection(self, t: str | None = None) -> float:
        if t is None:
            return sum(self.detected.values()) / max(1, sum(self.n.values()))
        return self.detected[t] / max(1, self.n[t])

    def modes(self, t: str | None = None) -> tuple[int, int]:
        """Mode right, over type-correct sentences that give a mode."""
        pairs = [self.mode[t]] if t is not None else list(self.mode.values())
        return sum(p[0] for p in pairs), sum(p[1] for p in pairs)

    def source(self, t: str | None = None) -> float:
        pairs = [self.src[t]] if t is not None else list(self.src.values())
        right, of = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
        return right / of if of else 0.0


def sitrep_guesses(cases: list[dict[str, Any]]) -> list[Guess]:
    from sitrep.analyze import analyze
    from sitrep.model import Document

    docs = [Document(id=f"p{i}", text=c["text"], published="2023-06-01") for i, c in enumerate(cases)]
    out = []
    for case, analysis in zip(cases, analyze(docs), strict=True):
        events = sorted(analysis.events, key=lambda e: e.mentions[0].start)
        ev = next((e for e in events if e.plover_type == case["type"]), events[0] if events else None)
        if ev is None:
            out.append(Guess(None, None))
            continue
        out.append(
            Guess(
                ev.plover_type,
                ev.actor1.name if ev.actor1 else None,
                ev.actor2.name if ev.actor2 else None,
                ev.status,
                ev.plover_mode,
            )
        )
    return out


#: the trivial baseline: the first of these words in the sentence decides the type
BASELINE_WORDS = {
    "agree": "AGREE", "pledge": "AGREE", "offer": "AGREE", "promise": "AGREE", "deal": "AGREE",
    "met": "CONSULT", "meet": "CONSULT", "talks": "CONSULT", "visit": "CONSULT", "host": "CONSULT",
    "praise": "SUPPORT", "endorse": "SUPPORT", "support": "SUPPORT", "welcome": "SUPPORT",
    "lift": "CONCEDE", "pardon": "CONCEDE", "apolog": "CONCEDE", "amnesty": "CONCEDE", "ease": "CONCEDE",
    "joint": "COOPERATE", "extradit": "COOPERATE", "cooperat": "COOPERATE",
    "aid": "AID", "donat": "AID", "assistance": "AID", "asylum": "AID",
    "withdr": "RETREAT", "releas": "RETREAT", "resign": "RETREAT", "retreat": "RETREAT", "surrender": "RETREAT",
    "call": "REQUEST", "urge": "REQUEST", "appeal": "REQUEST", "demand": "REQUEST", "ask": "REQUEST",
    "accus": "ACCUSE", "condemn": "ACCUSE", "criticiz": "ACCUSE", "blame": "ACCUSE", "charg": "ACCUSE",
    "reject": "REJECT", "refus": "REJECT", "den": "REJECT", "veto": "REJECT",
    "threat": "THREATEN", "warn": "THREATEN", "vow": "THREATEN",
    "protest": "PROTEST", "demonstrat": "PROTEST", "strike": "PROTEST", "rall": "PROTEST",
    "sanction": "SANCTION", "expel": "SANCTION", "suspend": "SANCTION", "freez": "SANCTION",
    "deploy": "MOBILIZE", "mobiliz": "MOBILIZE", "troops": "MOBILIZE", "alert": "MOBILIZE",
    "arrest": "COERCE", "detain": "COERCE", "curfew": "COERCE", "ban": "COERCE",
    "attack": "ASSAULT", "kill": "ASSAULT", "shell": "ASSAULT", "clash": "ASSAULT", "bomb": "ASSAULT",
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z][\w-]*")
_NAME = re.compile(r"(?:[A-Z][\w-]*\s?)+")


def baseline_guesses(cases: list[dict[str, Any]]) -> list[Guess]:
    out = []
    for case in cases:
        text = case["text"]
        plover = None
        for m in _WORD.finditer(text):
            w = m.group(0).lower()
            plover = next((t for k, t in BASELINE_WORDS.items() if w.startswith(k)), None)
            if plover:
                break
        name = _NAME.search(text)
        out.append(Guess(plover, name.group(0).strip() if name else None))
    return out


def score(cases: list[dict[str, Any]], guesses: list[Guess]) -> Score:
    s = Score()
    for case, guess in zip(cases, guesses, strict=True):
        s.add(case, guess)
    return s
