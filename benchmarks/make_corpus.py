"""Generate a synthetic corpus of news-like pages for throughput benchmarks.

The texts are assembled from composed sentence templates (no third-party data): varied
actors, places, numbers and dates, with scrape-style boilerplate lines around the body.
Good for measuring speed, useless for measuring accuracy.

Articles are news-length by default: a headline, a publication line, a datelined lead and
paragraphs of one to three sentences until the article reaches a target length drawn from
400-900 words (like wire copy). Most sentences are background, reaction and analysis prose,
not event reports, as in real coverage. ``--short`` gives the old ~130-word pages.
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

# -- the news-length generator ----------------------------------------------------------------
MORE_ACTORS = ACTORS + [
    "Al-Shabaab militants", "Houthi rebels", "Boko Haram fighters", "Islamic State militants", "Army troops",
    "Armed men on motorcycles", "Separatist fighters", "Pro-government militia", "Federal police",
    "Border guards", "Paramilitary forces", "Jihadist fighters",
]
MORE_PLACES = PLACES + [
    "Kabul", "Ghazni", "Helmand", "Jalalabad", "Sanaa", "Taiz", "Marib", "Donetsk", "Mariupol", "Kismayo",
    "Baidoa", "Timbuktu", "Mopti", "Bamako", "Kano", "Borno", "Goma", "Beni", "Idlib", "Aleppo", "Mosul",
    "Tripoli", "Benghazi", "Juba", "Khartoum", "El Fasher",
]
COUNTRIES = ["Afghanistan", "Nigeria", "Yemen", "Ukraine", "Somalia", "Mali", "Myanmar", "Syria", "Iraq", "Libya",
             "Sudan", "South Sudan", "Congo"]
WEAPONS = ["a roadside bomb", "a car bomb", "mortar fire", "rocket fire", "a suicide bomber", "heavy machine guns",
           "drones", "artillery shells", "grenades", "small arms"]
PEOPLE = ["civilians", "soldiers", "police officers", "children", "villagers", "fighters", "aid workers",
          "worshippers", "traders", "students"]
NAMED = [("Ahmad Zia", "a spokesman for the provincial governor"), ("Mohammed Yusuf", "the district police chief"),
         ("Amina Bello", "a local councillor"), ("Abdi Hassan", "a resident"), ("Olena Kovalenko", "a regional official"),
         ("Ibrahim Traore", "a military spokesman"), ("Fatima Ali", "a nurse at the main hospital"),
         ("Tun Aung", "a community leader"), ("Sara Haddad", "an analyst at a research institute"),
         ("John Mercer", "a United Nations envoy"), ("Hamid Karimi", "an interior ministry official"),
         ("Grace Okafor", "a humanitarian coordinator")]
FIRST = ["Ahmad", "Mohammed", "Amina", "Abdi", "Olena", "Ibrahim", "Fatima", "Tun", "Sara", "John", "Hamid",
         "Grace", "Yusuf", "Maryam", "Oleksandr", "Khadija", "Aung", "Nour", "Peter", "Halima"]
LAST = ["Zia", "Yusuf", "Bello", "Hassan", "Kovalenko", "Traore", "Ali", "Aung", "Haddad", "Mercer", "Karimi",
        "Okafor", "Rahimi", "Diallo", "Shevchenko", "Osman", "Naing", "Khalil", "Brennan", "Abubakar"]
ROLES = [role for _, role in NAMED] + ["a shopkeeper", "a teacher who fled with her family", "a farmer",
                                       "the head of a local aid group", "a former army officer", "a journalist"]
Q_OPEN = ["We", "People here", "Families", "The authorities", "Our forces", "The fighters", "Many of us", "The children"]
Q_VERB = ["cannot sleep because of", "have lost everything in", "will not accept", "are still counting the dead after",
          "were not warned about", "have been abandoned during", "will respond firmly to", "did not expect",
          "are trying to survive", "want answers about"]
Q_OBJ = ["the shelling", "the attack on {place}", "the siege", "the curfew", "the airstrikes", "the fighting",
         "what happened on {day}", "the blockade", "the raids", "the collapse of {topic}"]
Q_TAIL = ["", " We need help now.", " Nobody is listening to us.", " This must stop.", " The world has forgotten us.",
          " We will hold them responsible.", " It is getting worse every day."]
ORGS = ["the United Nations", "the Red Cross", "the African Union", "the European Union", "Human Rights Watch",
        "Amnesty International", "the World Food Programme", "Doctors Without Borders", "the UN refugee agency",
        "the health ministry", "the defence ministry", "the foreign ministry"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WHEN = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
        "late on Monday", "early on Friday", "overnight", "last week", "on Sunday morning", "on Thursday evening"]
VERB_ATTACK = ["attacked", "stormed", "ambushed", "shelled", "raided", "opened fire on", "overran", "targeted"]
TOPICS = ["the ceasefire", "the peace talks", "the humanitarian situation", "the security situation",
          "the elections", "the prisoner exchange", "food prices", "the curfew", "the evacuation", "the blockade"]
ADJ = ["fragile", "tense", "worsening", "uncertain", "volatile", "dire", "calm", "precarious"]

LEAD = [
    "{actor} {attack} {target} in {place} {when}, killing at least {n} {people}, {speaker} said.",
    "At least {n} {people} were killed when {weapon} hit {target} in {place} {when}, officials said.",
    "{actor} seized control of {target} near {place} {when} after days of heavy fighting, {speaker} said.",
    "Thousands of people fled {place} {when} as {actor_l} advanced on the town, residents said.",
    "Protesters took to the streets of {place} {when} to demand an end to {topic}, witnesses said.",
]
EVENT = [
    "{actor} {attack} {target} in {place} {when}, killing {n} {people} and wounding {m} others, {speaker} said.",
    "{weapon_c} struck {target} on the outskirts of {place} {when}, {speaker} said, adding that {n} {people} had died.",
    "In a separate incident, {actor_l} {attack} {target} near {place}, but no casualties were reported.",
    "{actor} clashed with {actor_l} in {place} {when}; the fighting lasted several hours.",
    "The attack in {place} was the {ord} such incident in the province this month.",
    "Security forces arrested {n} suspects in {place} {when} in connection with the attack.",
    "{actor} said they had repelled an assault on {target} in {place}, killing {n} attackers.",
]
QUOTE = [
    "{named}, {role}, said: \"{q_open} {q_verb} {q_obj}.{q_tail}\"",
    "\"{q_open} {q_verb} {q_obj},\" {named}, {role}, told Example Wire by telephone.",
    "\"{q_open} {q_verb} {q_obj},\" {speaker} said {when}.",

    "\"We heard a huge explosion and then gunfire that went on for an hour,\" said {named}, {role}.",
    "\"The situation in {place} is {adj}, and we are doing everything we can to protect {people},\" {named} told reporters.",
    "\"We will not allow {actor_l} to take {place},\" {speaker} said in a statement {when}.",
    "\"There is no food, no water and no electricity,\" said {named}, {role}. \"People are afraid to leave their homes.\"",
    "\"This is a clear violation of international law,\" {org_l} said in a statement, calling for an investigation.",
    "\"We call on all parties to respect {topic} and to protect {people},\" {named}, {role}, said {when}.",
    "{named}, {role}, said the attackers had arrived in pickup trucks and \"fired at anyone they saw.\"",
]
FIGURE = [
    "More than {big} people have fled the fighting since {since}, according to UN figures.",
    "According to {org_l}, at least {big} people have been displaced in {country} this year.",
    "The conflict has killed an estimated {big} people since it began in {year}, according to monitoring groups.",
    "Some {big} people in {place} are in need of humanitarian assistance, {org_l} said.",
    "Prices of staple foods in {place} have risen by {pct} percent since {since}, traders said.",
]
BACKGROUND = [
    "{country} has been gripped by violence since {year}, when {actor_l} launched an insurgency against the central government{clause}.",
    "The region around {place} has changed hands several times over the past {k} years, and many of its residents have already fled at least once.",
    "Analysts in {place2} say the {adj} security situation around {place} has been made worse by {cause}{clause}.",
    "Talks on {topic} have stalled in recent months, with each side accusing the other of {accusation}.",
    "Aid agencies have repeatedly warned that access to {place} is limited, and that convoys carrying {goods} are often turned back at checkpoints{clause}.",
    "The government in {country} has promised to restore order, but officials privately acknowledge that {share} of the countryside around {place} is beyond their control.",
    "{org} has documented {k} attacks on {facilities} in the province since {since}, many of them in areas where no security forces are present.",
    "Diplomats in {place2} say regional powers are backing rival factions in {country}, which makes a settlement of {topic} harder to reach.",
    "The road between {place} and {place2} is one of the main supply routes in the area and has been the scene of frequent ambushes{clause}.",
    "Residents said markets had reopened in parts of {place}, although {share} of the shops remained shuttered and few people ventured out after dark.",
    "It was not possible to independently verify the casualty figures from {place}, and communications with the area have been intermittent since {since}.",
    "{named}, {role}, said elders from {place} had tried to mediate between {actor_l} and the authorities but that their efforts had so far failed.",
    "Farmers in the districts around {place} said they had been unable to plant {crop} for a {ord} season because of the fighting.",
    "{topic_c} was agreed in {month} under pressure from {org_l} but has been violated {k} times since then, according to {org_l2}.",
    "Hospitals in {place} are struggling to cope with the number of wounded, and doctors say they are running short of {supplies}{clause}.",
    "Many of those displaced from {place} are living in makeshift camps near {place2}, where they depend on irregular food distributions.",
]
CLAUSE = ["", "", "", ", according to residents", ", officials say", " in recent weeks", ", a trend aid groups have long feared",
          " despite repeated appeals", ", analysts say", " since the start of the year"]
CAUSES = ["economic hardship", "a drought", "the collapse of the currency", "rivalries between local commanders",
          "the departure of foreign troops", "rising food prices", "a wave of kidnappings", "disputes over land"]
ACCUSATIONS = ["bad faith", "preparing a new offensive", "violating the truce", "blocking aid", "holding prisoners illegally",
               "recruiting children"]
GOODS = ["food and medicine", "fuel", "vaccines", "tents and blankets", "seed and fertiliser", "water-purification kits"]
SHARES = ["large parts", "a third", "much", "half", "most", "a growing share"]
FACILITIES = ["schools and clinics", "water points", "mosques and churches", "markets", "aid warehouses", "power stations"]
CROPS = ["their fields", "wheat", "maize", "rice", "sorghum", "vegetables"]
SUPPLIES = ["blood and anaesthetics", "antibiotics", "fuel for generators", "surgical supplies", "insulin", "oxygen"]
REACTION = [
    "{org} condemned the violence and urged {actor_l} to allow humanitarian access to {place}.",
    "The {ministry} said it had sent reinforcements to {place} and that the area was now under control.",
    "No group has claimed responsibility for the attack, but officials blamed {actor_l}.",
    "{actor} denied any involvement and accused the government of spreading propaganda.",
    "The governor of {place} declared three days of mourning and ordered flags to fly at half-mast.",
    "{org} said it was deeply concerned by reports of attacks on civilians and called for restraint.",
]
SECTION = ["Fighting spreads", "Humanitarian crisis", "Reaction", "Background", "Talks stall", "Fear in the city"]
CREDIT = ["Photo: Reuters / Example Photographer", "Reporting by Example Wire staff; editing by the desk",
          "This story has been updated with the latest casualty figures.", "Read more: Inside the battle for {place}",
          "Advertisement", "Most read", "Follow us on social media"]
ORD = ["second", "third", "fourth", "fifth", "latest"]
MINISTRIES = ["interior ministry", "defence ministry", "army", "provincial government", "police"]


def _lower(actor: str) -> str:
    """'Rebels' -> 'rebels' but 'Houthi rebels' stays: proper names keep their capitals."""
    first, _, rest = actor.partition(" ")
    generic = first in {"Government", "Unidentified", "Police", "Rebels", "Militants", "Security", "Protesters",
                        "Soldiers", "Insurgents", "Army", "Armed", "Separatist", "Pro-government", "Federal",
                        "Border", "Paramilitary", "Jihadist"}
    return (first.lower() + (" " + rest if rest else "")) if generic else actor


def _fill(rng: random.Random, template: str, place: str, when: str) -> str:
    named, role = f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(ROLES)
    actor = rng.choice(MORE_ACTORS)
    weapon = rng.choice(WEAPONS)
    org = rng.choice(ORGS)
    year = rng.randint(2001, 2022)
    topic = rng.choice(TOPICS)
    return template.format(
        actor=actor, actor_l=_lower(rng.choice(MORE_ACTORS)), attack=rng.choice(VERB_ATTACK),
        target=rng.choice(TARGETS), place=place, place2=rng.choice(MORE_PLACES), when=when,
        n=rng.randint(1, 40), m=rng.randint(2, 60), people=rng.choice(PEOPLE), speaker=rng.choice(SPEAKERS),
        weapon=weapon, weapon_c=weapon[0].upper() + weapon[1:], named=named, role=role,
        adj=rng.choice(ADJ), org=org[0].upper() + org[1:], org_l=org, topic=topic, topic_c=topic[0].upper() + topic[1:],
        big=f"{rng.randint(2, 900) * 100:,}", since=rng.choice(MONTHS + ["last year", "the start of the month"]),
        country=rng.choice(COUNTRIES), year=year, k=rng.randint(2, 12), pct=rng.randint(5, 300),
        month=rng.choice(MONTHS), ord=rng.choice(ORD), ministry=rng.choice(MINISTRIES),
        clause=rng.choice(CLAUSE), cause=rng.choice(CAUSES), accusation=rng.choice(ACCUSATIONS),
        goods=rng.choice(GOODS), share=rng.choice(SHARES), facilities=rng.choice(FACILITIES), crop=rng.choice(CROPS),
        supplies=rng.choice(SUPPLIES), org_l2=rng.choice(ORGS),
        q_open=rng.choice(Q_OPEN), q_verb=rng.choice(Q_VERB), q_tail=rng.choice(Q_TAIL),
        q_obj=rng.choice(Q_OBJ).format(place=place, day=rng.choice(DAYS), topic=topic),
    )


def long_article(rng: random.Random, i: int) -> str:
    """One news-length page: 400-900 words of body (mode ~600) plus boilerplate lines."""
    place = rng.choice(MORE_PLACES)
    country = rng.choice(COUNTRIES)
    target_words = int(rng.triangular(400, 900, 600))
    month = rng.choice(MONTHS)
    day = rng.randint(1, 28)
    year = rng.randint(2015, 2024)
    lines = [rng.choice(BOILER)]
    if rng.random() < 0.5:
        lines.append(rng.choice(BOILER))
    lines += [
        "",
        f"{rng.choice(MORE_ACTORS)} {rng.choice(['attack', 'advance on', 'shell', 'besiege'])} "
        f"{rng.choice(TARGETS).split(' ', 1)[1]} near {place} as {rng.choice(TOPICS).split(' ', 1)[1]} falters",
        "",
        f"Published: {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} GMT {month} {day}, {year}",
        "",
    ]
    lead = _fill(rng, rng.choice(LEAD), place, rng.choice(WHEN))
    dateline = f"{place.upper()}, {country} (Example Wire) - " if rng.random() < 0.7 else ""
    lines += [dateline + lead, ""]
    words = len(lead.split())
    kinds = [(EVENT, 0.18), (QUOTE, 0.2), (FIGURE, 0.1), (BACKGROUND, 0.4), (REACTION, 0.12)]
    while words < target_words:
        if rng.random() < 0.06:
            lines += [rng.choice(SECTION), ""]
        if rng.random() < 0.05:
            lines += [rng.choice(CREDIT).format(place=place), ""]
        sents = []
        for _ in range(rng.choices([1, 2, 3], weights=[3, 4, 2])[0]):
            pool = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
            where = place if rng.random() < 0.6 else rng.choice(MORE_PLACES)
            sents.append(_fill(rng, rng.choice(pool), where, rng.choice(WHEN)))
        para = " ".join(sents)
        words += len(para.split())
        lines += [para, ""]
    lines += [f"Tags: {country}, {place}, conflict", rng.choice(BOILER)]
    return "\n".join(lines) + f"\nStory {i}\n"


# -- the old short generator (--short) -------------------------------------------------------
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
    ap.add_argument("--short", action="store_true", help="the old ~130-word pages instead of news-length ones")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    make = article if a.short else long_article
    a.out.mkdir(parents=True, exist_ok=True)
    if a.jsonl:
        with (a.out / "corpus.jsonl").open("w", encoding="utf-8") as f:
            for i in range(a.n):
                f.write(json.dumps({"id": f"gen{i:06d}", "text": make(rng, i)}) + "\n")
    else:
        for i in range(a.n):
            (a.out / f"gen{i:06d}.txt").write_text(make(rng, i), encoding="utf-8")


if __name__ == "__main__":
    main()
