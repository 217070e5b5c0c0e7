"""Fatalities stated in an event's clause: killed counts, never wounded or "killed or injured".

Quantities come from ``find_quantities``; which quantities are deaths is read from the words
around them ("killing at least 20", "25 members ... and five civilians were killed", "left 12
dead"), so parse errors around numbers do not lose counts. Groups joined by "and" before one
kill word are summed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..dates.patterns import MONTH
from ..numbers import Quantity, find_quantities
from .lexicon import lexicon

_KILL = (
    r"(?:killed|killing|kills|kill|dead|died|dies|die|slain|perished|massacred|executed|beheaded|murdered|assassinated|lynched|neutrali[sz]ed|martyred|(?:gunned|mowed)\s+down|lost\s+(?:their|his|her)\s+lives|fatalities|fatality|deaths|bodies"
    # "four people were burned to death" (not "sentenced to death": no harm done yet)
    r"|(?:stabbed|hacked|beaten|burned|burnt|stoned|clubbed|tortured|strangled|trampled|crushed)\s+to\s+death)"
)
_WOUND = r"(?:wounded|wounding|injured|injuring|injuries|hurt|casualties|maimed)"
#: killing told by shooting before its victims: "shot dead", "shooting dead", "gunned down", "mowing down"
_SHOT_DOWN = r"shot\s+dead|shooting\s+dead|(?:gunn|mow)(?:ed|ing)\s+down"
_WORD = re.compile(rf"\b(?:(?P<kill>{_KILL})|(?P<wound>{_WOUND}))\b", re.I)
_BEFORE_KILL = re.compile(
    rf"\b(?:killing|killed|kill|kills|slew|{_SHOT_DOWN}"
    r"|(?:massacr|execut|behead|murder|lynch|slaughter|neutrali[sz]|martyr)(?:ed|ing)"
    r"|(?:stabb|hack|beat|burn|ston|club)\w*\s+to\s+death"
    # "killed a family of five": the family's number
    r"|(?:killing|killed|kill|kills|massacred|wiped\s+out)\s+(?:an?|the|one)\s+(?:[\w-]+\s+)?family\s+of|death\s+toll\s+(?:\w+\s+){0,2}(?:to|at|of)|claimed\s+the\s+lives\s+of|deaths\s+of|bodies\s+of)"
    r"(?:\s+all)?(?:\s+the)?\s*$",  # "killed all six attackers", "killing the four attackers"
    re.I,
)
#: a harm verb before its victims' count and "to death" after it: "hacked four villagers to death"
_HARM_BEFORE = re.compile(r"\b(?:stabb|hack|beat|burn|burnt|ston|club|tortur|strangl)\w*\s+(?:at\s+least\s+)?$", re.I)
_TO_DEATH_AFTER = re.compile(r"\s{1,3}(?:[\w'’-]+\s{1,3}){0,2}to\s{1,3}death\b", re.I)  # bounded: linear time
_BEFORE_WOUND = re.compile(rf"\b{_WOUND}\s*$", re.I)
_CASUALTY = re.compile(rf"^\s*(?:or|and|/)\s+{_WOUND}\b", re.I)
_KILLED_AND_WOUNDED = re.compile(rf"\b(?:killing|killed)\s+(?:or|and)\s+{_WOUND}\s*$", re.I)
_EXCLUDE_BEFORE = re.compile(
    # ("in 2019", "in 3 attacks"; but "resulting in 3 soldiers killed" is a toll)
    r"\b(?:including|among\s+them|of\s+whom|of\s+them|among\s+whom|aged|age|since|(?<!resulting\s)(?<!resulted\s)in|than)\s*$",
    re.I,
)
_MONTH_BEFORE = re.compile(rf"{MONTH}\s+$", re.I)  # "March 3 - ...": a day of the month
_UNIT_AFTER = re.compile(
    r"^\s*(?:%|percent|per\s?cent|km|kilomet|miles?\b|metres?|meters?|years?\b|-\s*years?\b|days?\b|hours?\b|months?\b|weeks?\b|"
    r"am\b|pm\b|gmt|january|february|march|april|may\b|june|july|august|september|october|november|december|"
    r"dollars?|usd|tonnes?|tons?|kg|districts?|provinces?|villages?|towns?|houses?|homes?|vehicles?|schools?|"
    # animals and goods taken or destroyed beside the killing ("stole 30 goats ..., before killing a farmer")
    r"sheep|goats?|cattle|cows?|camels?|donkeys?|horses?|livestock|animals?|heads?\s+of|shops?|cars?|motorcycles?|"
    r"rounds|bullets|weapons|rifles|guns|"
    # weapons made harmless ("neutralised 12 explosive devices", "downed 30 drones")
    r"explosive\s+devices?|explosives|ieds?|(?:land)?mines|bombs|drones|missiles|rockets|shells|grenades|mortars)\b",
    re.I,
)
#: a time of day: "at around 10 a.m., a resident who helped bury the dead said" counts no dead
_CLOCK_AFTER = re.compile(r"\s{0,2}(?:[ap]\.\s?m\.|o['’]clock\b|[:.]\d\d\b|h\d\d\b|hrs\b|GMT\b|local\s{1,3}time\b)", re.I)
_CLOCK_BEFORE = re.compile(r"\d[:.]$")
#: one victim: "killing a man", "assassinated a colonel", "a local leader of the party was stabbed
#: to death", "shot the owner dead", "resulting in the death of a bystander", "led to another death"
_DEATH_PASSIVE = (
    r"(?:killed|shot\s+dead|found\s+dead|murdered|executed|lynched|assassinated|beheaded|shot\s+and\s+(?:killed|died)"
    r"|(?:shot|stabbed|beaten|hacked|burned|burnt|strangled|stoned|tortured)\s+to\s+death)"
)
#: another act told before the killing: "was beaten and stabbed to death"
_AND_FIRST = r"(?:[a-z]+\s+and\s+)?"
_VICTIM = r"(?:victim|man|woman|boy|girl|officer|policeman|soldier|driver|child|teenager|farmer|trader|leader|suspect|owner|person)"
#: "a group of men", "a number of fighters": not one person
_NOT_ONE = r"(?!(?:group|number|couple|few|dozen|lot|family|crowd|total|handful|rest|majority|remainder|bulk)\b)"
_SINGLE = re.compile(
    # (not an aim: "tried to kill a commander"; not a plural after the article, though "a
    # notorious leader", "the boss", "a crisis" end in -s and are none)
    rf"(?<!\bto\s)\b(?:(?:killing|killed|kill|{_SHOT_DOWN}|murdered|assassinated|assassinating|lynched|lynching|beheaded|executed)\s+(?:an?|one|the)\s+(?!\w*[^siu\W]s\b)\w+"
    r"|(?:stabbed|stabbing|beat|beating|beaten|hacked|hacking|burned|burnt|shot|strangled|stoned|tortured)\s+(?:an?|one|the)\s+(?:[\w-]+\s+){0,3}to\s+death"
    # "a mob beat to death a man suspected of theft"
    r"|(?:stabbed|beat|beaten|hacked|burned|burnt|strangled|stoned|clubbed|tortured)\s+to\s+death\s+(?:an?|one|the)\s+(?!\w*[^siu\W]s\b)\w+"
    r"|fatally\s+(?:shot|stabbed|wounded|injured)\s+(?:an?|one|the)\s+(?!\w*[^siu\W]s\b)\w+"
    r"|an?\s+\w+['’]s\s+(?:body|corpse)|(?:in|to)\s+(?:his|her)\s+death"
    r"|shot\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}dead"
    # one person told by a pronoun: "intercepted the mayor's car and shot him dead"
    r"|(?:killed|killing|murdered|assassinated|executed|lynched|beheaded)\s+(?:him|her)\b|shot\s+(?:him|her)\s+dead"
    r"|(?:stabbed|beat|beaten|hacked|burned|strangled|stoned)\s+(?:him|her)\s+to\s+death"
    # ("a man, 19, was shot dead": an age in apposition)
    rf"|an?\s+{_NOT_ONE}(?:[\w'’-]+,?\s+){{0,8}}(?:was|has\s+been)\s+(?:later\s+)?{_AND_FIRST}{_DEATH_PASSIVE}"
    rf"|an?\s+{_NOT_ONE}(?:[\w-]+\s+){{0,6}}died|(?:the\s+)?(?:body|corpse)\s+of\s+an?\s+\w+"
    r"|(?:in|to)\s+the\s+(?:death|killing)\s+of\s+(?:an?|one|the)\s+(?!\w*[^siu\W]s\b)\w+|(?:to|in)\s+another\s+death"
    # one person named before ("... shot a police officer. The officer died."), also by the
    # place or body they head ("The police chief of Gao was shot dead")
    rf"|^\s*the\s+{_NOT_ONE}(?:[\w-]+\s+){{0,2}}(?:of\s+(?:the\s+)?[\w-]+\s+)?(?:was|has\s+been)\s+(?:later\s+)?{_AND_FIRST}{_DEATH_PASSIVE}"
    rf"|(?:^\s*|,?\s+and\s+)the\s+(?:[\w-]+\s+){{0,2}}{_VICTIM}\s+(?:later\s+)?died)\b",
    re.I,
)
#: victims listed one by one, three or more, or two with a comma: "a man, a woman and a child
#: were killed", "two men, a woman and three children were killed"
_ITEM = r"(?:an?|one|his|her|their|its|\d+|[a-z]+)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+"
_LIST = re.compile(
    rf"\b{_ITEM}(?:,\s+{_ITEM})+,?\s+and\s+{_ITEM}"
    rf"(?=\s+(?:were|have\s+been)\s+(?:all\s+)?(?:later\s+)?{_DEATH_PASSIVE})",
    re.I,
)
#: victims listed after the kill verb: "killing five soldiers and a civilian", "killed a policeman
#: and two civilians", "killed four children and their teacher"
_ONE_ITEM = rf"(?:(?:an?|one|his|her|their|its)\s+{_NOT_ONE}(?!(?:day|week|month|year|time|while|half)\b)|\d+\s+|(?!(?:an?|one|his|her|their|its)\s)[a-z]+\s+)(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+"
_KILLED_LIST = re.compile(
    rf"\b(?:killing|killed|kills|kill|{_SHOT_DOWN}|massacred|executed|murdered)"
    rf"\s+(?P<list>(?:at\s+least\s+)?{_ONE_ITEM}(?:,\s+{_ONE_ITEM})*,?\s+and\s+(?:at\s+least\s+)?{_ONE_ITEM})\b",
    re.I,
)
#: a count and one more person, or two counts, before the passive kill verb: "four rebels and a
#: police constable were killed", "5 soldiers and 1 officer were killed"
_COUNT_PAIR = re.compile(
    r"\b(?:\d+|[a-z]+)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s+and\s+(?:an?|one|\d+|[a-z]+)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+"
    rf"(?=\s+(?:were|have\s+been)\s+(?:both\s+|all\s+)?(?:later\s+)?{_DEATH_PASSIVE})",
    re.I,
)
_AND = re.compile(r"\band\b", re.I)
_AT_LEAST = re.compile(r"^at\s+least\s+", re.I)
_ONE_OF = re.compile(r"(?:an?|one|his|her|their|its)\s", re.I)
#: two victims named one by one: "a man and a woman were shot dead", "killing a woman and her son"
_PAIR = re.compile(
    r"\b(?:an?|one)\s+(?:[\w-]+\s+){1,4}and\s+(?:an?|his|her|their|its|one)\s+(?:[\w-]+\s+){0,3}?[\w-]+"
    rf"\s+(?:were|have\s+been)\s+(?:both\s+)?(?:later\s+)?(?:{_DEATH_PASSIVE}|shot\s+and\s+killed)"
    # (the first told with what they belong to: "killed a senior commander of a Yazidi militia and
    # his driver")
    r"|\b(?:killing|killed|murdered|assassinated|lynched)\s+(?:an?|one)\s+(?:[\w-]+\s+){1,3}?"
    r"(?:of\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){1,4}?)?and\s+(?:an?|his|her|their)\s+[\w-]+",
    re.I,
)
_NONE = re.compile(
    r"\bno\s+(?:one|casualties|fatalities|deaths|injuries|one\s+was\s+(?:killed|hurt|injured))\b|\bwithout\s+casualties\b",
    re.I,
)
#: A running total the event adds to ("killed six, bringing the death toll to 40"): not its own dead.
_RUNNING_TOTAL = re.compile(
    r"\b(?:bring|brought|rais|tak|took|push|lift)\w*\s{1,3}(?:the\s{1,3})?(?:[\w-]+\s{1,3}){0,2}"
    r"(?:death\s{1,3})?tolls?\s{1,3}(?:[\w-]+\s{1,3}){0,4}(?:to|past|above|over)\s{1,3}(?:at\s{1,3}least\s{1,3})?$",
    re.I,
)
#: Effects other than death: "killed 12 and displaced 300" joins no second count to the toll.
_OTHER_EFFECT = re.compile(
    r"\b(?:displac\w*|uproot\w*|forced|left|arrest\w*|detain\w*|abduct\w*|kidnap\w*|captur\w*|"
    r"rescu\w*|evacuat\w*|freed|releas\w*|affect\w*|destroy\w*|damag\w*|burn\w*|flee\w*|fled|"
    r"made|rendered|sent|driven|trapped|missing|homeless|tak\w*|took|seiz\w*|recover\w*|confiscat\w*|impound\w*)\b",
    re.I,
)
#: between a count and its kill word, the kill told as what the people are held or blamed for
_FOR_THE_ACT = re.compile(
    r"\b(?:in\s{1,3}connection\s{1,3}with|(?:suspected|accused)\s{1,3}of|charged\s{1,3}with|over|for)"
    r"\s{1,3}(?:(?:the|a|an|his|her|their|its)\s{1,3})?\Z",
    re.I,
)
_QUOTES_AS_SPACE = str.maketrans({c: " " for c in "\"“”‘’'"})
_QUAL_MAP = {"nearly": "about", "just over": "more than", "less than": "up to", "exact": "exact"}
MAX_GAP_WORDS = 9
_APPOSITION = re.compile(r",\s{1,3}(?:an?|the)\s[^,]{1,80},")
#: a name of several capitalised words (with "of the", "for the" between), and its acronym in brackets
_NAME_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*+(?:\s{1,3}(?:(?:of|for|and)\s{1,3})?(?:the\s{1,3})?[A-Z][\w'’-]*+){1,8}(?:\s{1,3}\([A-Z]{2,8}\))?")


def _gap_words(gap: str) -> list[str]:
    """The words between a count and its kill word, an apposition set off by commas and a
    many-word name each counting as none or one ("20 members of the Volunteers for the Defence
    of the Homeland (VDP), a militia that fights beside the army, were killed")."""
    return _NAME_RUN.sub("N", _APPOSITION.sub(" ", gap)).split()


#: ACLED's codebook convention for vague tolls ("Reported Fatalities"): a vague plural is coded
#: as a fixed conservative number. Applied to ACLED-coded events only.
ACLED_VAGUE_TOLL = {"several": 10, "many": 10, "dozens": 12, "scores": 20, "hundreds": 100}


@dataclass
class Fatalities:
    value: int | None
    qualifier: str | None
    stated: bool  # the clause says something about deaths
    vague: str | None = None  # "dozens" when the toll is only a vague plural
    spans: tuple[tuple[int, int], ...] = ()  # the words of the toll in ``text``: every number summed


def _norm_qual(q: str | None) -> str | None:
    if q is None:
        return None
    return _QUAL_MAP.get(q, q) if q not in ("at least", "more than", "about", "up to", "exact") else q


# no single event's death toll is stated above this: a larger number next to a killing is a
# war's or a population's total, or a garbled one ("seventy thousand million billion")
MAX_EVENT_DEATHS = 1_000_000


#: between a verb of killing and its object's number: "killing at least six", "killed over 20"
_OBJECT_GAP = re.compile(r"\s+(?:(?:at\s+least|more\s+than|over|some|about|around|nearly|almost|up\s+to)\s+)?", re.I)


#: a person's noun and the comma before an age in apposition ("the man, 19,", "Ahmed Saleh, 34,")
_AGE = re.compile(r"(?:\b[a-z]+|[A-Z][a-z]+)\s*,\s*$")


def _is_count(text: str, q: Quantity) -> bool:
    if q.percent:
        return False
    if q.value is not None and q.value > MAX_EVENT_DEATHS:
        return False
    after = text[q.end : q.end + 20]
    if _UNIT_AFTER.match(after) or _CLOCK_AFTER.match(after):
        return False
    if (q.value is not None and q.value != int(q.value)) or _CLOCK_BEFORE.search(text, max(0, q.start - 3), q.start):
        return False  # "at 6.45", the minutes of "06:45": no one counted
    if q.value is not None and q.qualifier == "exact" and 1900 <= q.value <= 2100 and "," not in q.text:
        return False
    if q.start >= 2 and text[q.start - 1] == "-" and text[q.start - 2].isalpha():
        return False  # "MS-13", "Su-25", "B-18": a number in a name
    if _MONTH_BEFORE.search(text[max(0, q.start - 12) : q.start]):
        return False  # "MOGADISHU, March 3 - At least seven ...": a day of the month
    if _AGE.search(text[max(0, q.start - 24) : q.start]) and text[q.end : q.end + 1] == ",":
        return False  # "the man, 19, was killed": an age set off after a person
    return not _EXCLUDE_BEFORE.search(text[max(0, q.start - 20) : q.start])


def _listed(text: str) -> tuple[int, tuple[int, int]] | None:
    """The dead of a list whose every item is one person ("a woman") or a count ("three
    children"), and its span; None when an item is neither. A list that opens on other words
    ("On 4 March 2024, a man, a woman and ...") is read again from its next item."""
    at = 0
    while (m := _LIST.search(text, at)) is not None:
        total = _list_total(m.group())
        if total is not None:
            return total, m.span()
        at = m.start() + m.group().index(",") + 1
    return None


_SAID_AFTER = re.compile(r"(?:\s{1,3}[\w'’-]+){0,2}?\s{1,3}(?:said|say|says|told|reported|added|confirmed)\b(?!\s+to\b)", re.I)


def _killed_list(text: str) -> tuple[int, tuple[int, int]] | None:
    """The dead of a list after a kill verb whose every item is one person or a count."""
    m = _KILLED_LIST.search(text)
    if m is None or _SAID_AFTER.match(text, m.end()):
        # ("killing 12 worshippers, a security source and a local resident said": the last items
        # are who told it)
        return None
    total = _list_total(m.group("list"))
    return (total, m.span("list")) if total is not None else None


def _count_pair(text: str) -> tuple[int, tuple[int, int]] | None:
    """The dead of a count and one more person (or count) told before "were killed"."""
    for m in _COUNT_PAIR.finditer(text):
        if not find_quantities(m.group()):
            continue  # two people, each "a": the pair rule's
        total = _list_total(m.group())
        if total is not None:
            return total, m.span()
    return None


def _list_total(listed: str) -> int | None:
    counts: list[int] = []
    # ("a commander and at least eight other people": nine, as the toll is read)
    items = [_AT_LEAST.sub("", i) for i in (piece.strip() for part in listed.split(",") for piece in _AND.split(part)) if i]
    for item in items:
        counted = [q for q in find_quantities(item) if q.value is not None]
        one = _ONE_OF.match(item)
        owned = [q for q in counted if one is not None and q.start == one.end()]
        if counted and counted[0].start == 0:
            counts.append(int(counted[0].value or 0))
        elif owned and item.split()[0].lower() in ("his", "her", "their", "its"):
            counts.append(int(owned[0].value or 0))  # "a woman and her two children": three
        elif one:
            counts.append(1)
        else:
            return None
    # "two civilians, a man and a woman": the items after the first say who its count is
    if len(counts) > 2 and sum(counts[1:]) == counts[0] and all(_who_by_kind(i) for i in items[1:]):
        return counts[0]
    return sum(counts)


def _who_by_kind(item: str) -> bool:
    """Whether a listed victim is told by sex, age or kin ("a woman", "two children", "his son")."""
    return item.split()[-1].lower().strip(".") in lexicon().breakdown_nouns


_RANGE_OPEN = re.compile(r"\bbetween\s*$", re.I)
_RANGE_JOIN = re.compile(r"\s{0,3}(?:to|-|–|or)\s{0,3}|\s{1,3}and\s{1,3}", re.I)  # bounded: linear time


def _lowest_of_ranges(text: str, quants: list[Quantity]) -> list[Quantity]:
    """ "between 2 and 4 soldiers", "2 to 4", "3-5": ACLED codes the lowest number of a range, as
    at least that many ("and" makes a range only after "between")."""
    out: list[Quantity] = []
    skip = False
    for a, b in zip(quants, [*quants[1:], None], strict=False):
        if skip:
            skip = False
            continue
        join = _RANGE_JOIN.fullmatch(text, a.end, b.start) if b is not None else None
        opened = bool(_RANGE_OPEN.search(text[max(0, a.start - 10) : a.start]))
        if join is not None and a.value is not None and (opened or "and" not in join.group().lower()):
            out.append(replace(a, qualifier="at least"))
            skip = True
            continue
        out.append(a)
    return out


def count(text: str) -> Fatalities:
    """Deaths stated in ``text`` (one event's clause)."""
    if none := _NONE.search(text):
        return Fatalities(0, "exact", True, spans=(none.span(),))
    quants = _lowest_of_ranges(text, [q for q in find_quantities(text) if _is_count(text, q)])
    groups: dict[int, list[Quantity]] = {}
    last: tuple[int, int] | None = None  # (group key, end of its last quantity)
    for q in quants:
        # (a kill word in quotation marks is still one: 'had "neutralised" about 30 fighters')
        before = _RANGE_OPEN.sub("", text[max(0, q.start - 45) : q.start].translate(_QUOTES_AS_SPACE))
        if _RUNNING_TOTAL.search(before):
            continue
        if last is not None:
            gap = text[last[1] : q.start]
            if (
                re.search(r"\band\b", gap)
                and not _WORD.search(gap)
                and not _OTHER_EFFECT.search(gap)
                and len(gap.split()) <= 8
            ):
                groups[last[0]].append(q)  # "killing 25 soldiers and five civilians"
                last = (last[0], q.end)
                continue
        if _BEFORE_KILL.search(before):
            groups.setdefault(-q.start - 1, []).append(q)  # own group: "killing 20"
            last = (-q.start - 1, q.end)
            continue
        last = None
        if _KILLED_AND_WOUNDED.search(before):
            continue
        if _HARM_BEFORE.search(before) and _TO_DEATH_AFTER.match(text, q.end):
            groups.setdefault(-q.start - 1, []).append(q)  # "hacked four villagers to death"
            continue
        if _BEFORE_WOUND.search(before):
            continue
        after = text[q.end : q.end + 200]
        cut = re.search(r";", after)
        if cut:
            after = after[: cut.start()]
        m = _WORD.search(after)
        # (an apposition set off by commas is no distance: "20 members of the VDP, a militia that
        # fights beside the army, were killed")
        if m is None or len(_gap_words(after[: m.start()])) > MAX_GAP_WORDS:
            continue
        if m.group("wound") or _CASUALTY.match(after[m.end() :]):
            continue
        if _FOR_THE_ACT.search(after[: m.start()]):
            continue  # "arrested 40 people in connection with the killing": what they are held for
        if m.group().lower().endswith("ing") and "," in after[: m.start()]:
            continue  # "carried out 12 air strikes, killing a woman": the act's count, not the dead
        verb_end = q.end + m.end()
        if any(o.start > verb_end and _OBJECT_GAP.fullmatch(text, verb_end, o.start) for o in quants):
            continue  # "two clans clashed, killing six people": the doers, the toll comes after
        groups.setdefault(q.end + m.start(), []).append(q)
    listed = _listed(text) or _killed_list(text) or _count_pair(text)
    if not groups:
        if listed is not None:  # "a man, a woman and a child were killed"
            return Fatalities(listed[0], "exact", True, spans=(listed[1],))
        if (pair := _PAIR.search(text)) and "," not in pair.group():
            return Fatalities(2, "exact", True, spans=(pair.span(),))
        if single := _SINGLE.search(text):
            return Fatalities(1, "exact", True, spans=(single.span(),))
        return Fatalities(None, None, bool(re.search(rf"(?<!\bto\s)\b{_KILL}\b", text, re.I)))
    total = 0
    qualifier = "exact"
    vague = False
    vague_word: str | None = None
    for qs in groups.values():
        for q in qs:
            if q.value is None:
                vague = True
                vague_word = vague_word or (q.vague or "").lower() or None
                continue
            total += int(q.value)
            qq = _norm_qual(q.qualifier)
            if qq and qq != "exact" and qualifier == "exact":
                qualifier = qq
    if listed is not None:  # "two men, a woman and three children": the counts and the ones between
        inside = [q for qs in groups.values() for q in qs if listed[1][0] < q.end and q.start < listed[1][1]]
        if inside and all(q.value is not None for q in inside):
            total += listed[0] - sum(int(q.value or 0) for q in inside)
    spans = tuple((q.start, q.end) for qs in groups.values() for q in qs)
    if vague and total == 0:
        return Fatalities(None, "at least", True, vague_word, spans)
    if vague:
        qualifier = "at least"
    return Fatalities(total, qualifier, True, spans=spans)
