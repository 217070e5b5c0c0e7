"""Intent of a statement: the reporting verb's meaning weighed against cue phrases in the quote."""

from __future__ import annotations

from collections import defaultdict

from .lexicon import lexicon

_NO_QUOTES = str.maketrans("", "", '"\u201c\u201d\u201e\u00ab\u00bb')


def classify(verb_lemmas: list[str], content: str) -> str:
    """Score each intent from the verbs (weighted) and cue regexes; highest wins, ties by priority.

    Neutral verbs (said, added) weigh 0, so the words of the quote decide; strong verbs
    (warned, denied, accused) outweigh most cues because the reporter already interpreted.
    """
    lex = lexicon()
    content = content.translate(_NO_QUOTES).replace("\u00a0", " ").replace("\u2019", "'")
    score: dict[str, float] = defaultdict(float)
    for lemma in verb_lemmas:
        intent, weight = lex.verbs.get(lemma, ("other", 0.0))
        if weight > 0:
            score[intent] += weight
    for rx, intent, weight in lex.cues:
        if rx.search(content):
            score[intent] += weight
    if not score:
        return "other"
    return max(score, key=lambda k: (score[k], -lex.priority.get(k, 99)))


def cue_in(content: str, intent: str) -> tuple[int, int] | None:
    """Where in ``content`` the first cue of ``intent`` stands (the words that weighed for it)."""
    for rx, cue_intent, weight in lexicon().cues:
        if cue_intent == intent and weight > 0 and (m := rx.search(content)):
            return m.span()
    return None
