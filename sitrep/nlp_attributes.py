"""The model's attribute rules (tag map, lemma and POS exceptions) matched by table, not Matcher.

spaCy's ``AttributeRuler`` runs a ``Matcher`` of all its patterns (179 in the English models)
at every token: about a tenth of sitrep's parsing time. Its patterns only test a token's TAG,
LOWER, DEP and IS_SPACE, so whether a pattern's token matches depends on those four values
alone; ``fast_match`` decides that once per distinct combination and remembers it. It returns
the matches ``AttributeRuler.match`` returns, in its order, so the ruler's own
``set_annotations`` gives every token the same attributes (a test compares both on parsed text).
A model whose rules test anything else keeps the Matcher.
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

_COLUMNS: list[int | str] = ["TAG", "LOWER", "DEP", "IS_SPACE"]  # the token values a rule may test, as Doc.to_array reads them
_MAX_REMEMBERED = 200_000  # distinct (tag, lower, dep, is_space) combinations; a safety bound


def _predicate(attr: str, spec: Any) -> Callable[[tuple[Any, ...]], bool] | None:
    """A test of a token's value of ``attr`` as the Matcher reads ``spec`` (None: unsupported)."""
    pos = _COLUMNS.index(attr)
    if not isinstance(spec, dict):
        return lambda v: v[pos] == spec
    if len(spec) != 1:
        return None
    (op, arg), = spec.items()
    if op == "IN":
        values = set(arg)
        return lambda v: v[pos] in values
    if op == "NOT_IN":
        values = set(arg)
        return lambda v: v[pos] not in values
    if op == "REGEX":
        rx = re.compile(arg)
        return lambda v: rx.search(v[pos]) is not None
    return None


def _token_test(token_spec: dict[str, Any]) -> Callable[[tuple[Any, ...]], bool] | None:
    tests = []
    for attr, spec in token_spec.items():
        test = _predicate(attr, spec) if attr in _COLUMNS else None
        if test is None:
            return None
        tests.append(test)
    return lambda v: all(t(v) for t in tests)


def install(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler the table match; False when its rules need the Matcher."""
    if name not in nlp.pipe_names:
        return False
    ruler = cast("AttributeRuler", nlp.get_pipe(name))
    # per attribute id, its patterns as lists of token tests
    rules: list[tuple[int, int, list[list[Callable[[tuple[Any, ...]], bool]]]]] = []
    for attr_id in range(len(ruler.attrs)):
        match_id = ruler.vocab.strings.add(str(attr_id))
        _, patterns = ruler.matcher.get(match_id)
        compiled = []
        for pattern in patterns:
            if any("OP" in tok for tok in pattern):
                return False
            token_tests = [_token_test(tok) for tok in pattern]
            supported = [t for t in token_tests if t is not None]
            if not token_tests or len(supported) != len(token_tests):
                return False
            compiled.append(supported)
        rules.append((attr_id, match_id, compiled))
    # the token tests in one list; what a token passes depends on its four values only
    tests: list[Callable[[tuple[Any, ...]], bool]] = []
    firsts: list[tuple[int, int, int, int]] = []  # (attr id, match id, index of its first test, width)
    for attr_id, match_id, compiled in rules:
        for pattern_tests in compiled:
            firsts.append((attr_id, match_id, len(tests), len(pattern_tests)))
            tests.extend(pattern_tests)
    remembered: dict[tuple[int, ...], tuple[frozenset[int], tuple[tuple[int, int, int, int], ...]]] = {}
    strings = ruler.vocab.strings

    def passed(ids: tuple[int, ...]) -> tuple[frozenset[int], tuple[tuple[int, int, int, int], ...]]:
        """The tests a token with these values passes, and the patterns it can start."""
        known = remembered.get(ids)
        if known is None:
            if len(remembered) >= _MAX_REMEMBERED:
                remembered.clear()
            tag, lower, dep, space = ids
            values = (strings[tag] if tag else "", strings[lower], strings[dep] if dep else "", bool(space))
            hits = frozenset(i for i, t in enumerate(tests) if t(values))
            known = remembered[ids] = (hits, tuple(f for f in firsts if f[2] in hits))
        return known

    def fast_match(self: Any, doc: Doc) -> list[tuple[int, int, int, int]]:
        tokens = [passed(tuple(row)) for row in doc.to_array(_COLUMNS).tolist()]
        n = len(tokens)
        matches = set()
        for start, (_, starts) in enumerate(tokens):
            for attr_id, match_id, first, width in starts:
                if start + width <= n and all(first + k in tokens[start + k][0] for k in range(1, width)):
                    matches.add((attr_id, match_id, start, start + width))
        return sorted(matches)

    ruler.match = types.MethodType(fast_match, ruler)  # type: ignore[method-assign]
    return True
