"""Persons of conflict news: German and English spellings of one person reach the same entry, and no
label is a surname alone (a surname is resolved by coreference from the full name in the same text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geonews_nlp.gazetteer.store import Gazetteer

PERSONS = Path(__file__).resolve().parent.parent / "data" / "gazetteers" / "curated" / "persons.jsonl"


def person(g: Gazetteer, mention: str) -> str | None:
    m = g.lookup(mention, "PER")
    return m.entry.name if m and m.entry.type == "person" else None


@pytest.mark.parametrize(("de_names", "en_names", "name"), [
    (["Wolodymyr Selenskyj", "Wolodimir Selenskij"], ["Volodymyr Zelensky", "Volodymyr Zelenskyy"],
     "Volodymyr Zelenskyy"),
    (["Sergej Schoigu", "Sergei Schoigu"], ["Sergei Shoigu", "Sergey Shoigu"], "Sergei Shoigu"),
    (["Andrij Jermak"], ["Andriy Yermak", "Andrii Yermak"], "Andriy Yermak"),
    (["Walerij Saluschnyj"], ["Valerii Zaluzhnyi", "Valery Zaluzhny"], "Valerii Zaluzhnyi"),
    (["Kyrylo Budanow"], ["Kyrylo Budanov"], "Kyrylo Budanov"),
    (["Abed Rabbo Mansur Hadi"], ["Abdrabbuh Mansur Hadi", "Abd Rabbu Mansour Hadi"], "Abdrabbuh Mansur Hadi"),
    (["Abdel Fattah Burhan"], ["Abdel Fattah al-Burhan"], "Abdel Fattah al-Burhan"),
    (["Mohammed Hamdan Daglo"], ["Mohamed Hamdan Dagalo", "Hemedti"], "Hemedti"),
    (["Ahmed al-Scharaa"], ["Ahmed al-Sharaa", "Abu Mohammad al-Jolani"], "Ahmed al-Sharaa"),
    (["Recep Tayyip Erdogan"], ["Recep Tayyip Erdoğan"], "Recep Tayyip Erdoğan"),
])
def test_german_and_english_spellings_reach_one_person(kb_de, kb_en, de_names, en_names, name):
    for mention in de_names:
        assert person(kb_de, mention) == name, mention
    for mention in en_names:
        assert person(kb_en, mention) == name, mention


def test_no_label_is_a_surname_alone():
    for n, line in enumerate(PERSONS.read_text(encoding="utf-8").splitlines(), 1):
        entry = json.loads(line)
        names = [entry["name"], *(x for labels in entry["labels"].values() for x in labels)]
        for label in (x for labels in entry["labels"].values() for x in labels):
            if " " in label:
                continue
            longer = [x for x in names if x != label and x.casefold().endswith(" " + label.casefold())]
            assert not longer, f"persons.jsonl:{n}: label {label!r} is the surname of {longer[0]!r}"


def test_person_entries_are_sorted_and_complete():
    ids = []
    for line in PERSONS.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        assert list(entry) == sorted(entry)
        assert entry["type"] == "person"
        assert entry["name"] in entry["labels"]["en"], entry["id"]
        ids.append(entry["id"])
    assert ids == sorted(ids) and len(set(ids)) == len(ids)


def test_a_surname_after_the_full_name_takes_its_link():
    import geonews_nlp

    r = geonews_nlp.extract("Wolodymyr Selenskyj traf Andrij Jermak in Kiew. Selenskyj sagte, Jermak bleibe.",
                            lang="de")
    links = {e.text: (e.canonical, e.link and e.link.name) for e in r.entities if e.label == "PER"}
    assert links.get("Selenskyj") == ("Wolodymyr Selenskyj", "Volodymyr Zelenskyy")
    assert links.get("Jermak") == ("Andrij Jermak", "Andriy Yermak")
