"""A generated corpus of German news-like sentences (made here, so anyone can run the benchmarks)."""

from __future__ import annotations

import random

SUBJECTS = ["Nordkorea", "Russland", "Die Bundeswehr", "Polen", "Die NATO", "Die Ukraine", "Frankreich",
            "Die Regierung in Berlin", "Das Verteidigungsministerium", "Die Türkei", "Israel", "Die USA"]
VERBS = ["hat", "will", "soll", "plant,", "kündigte an,"]
FIGURES = ["1.500 Soldaten", "rund 12.000 Soldaten", "vier Brigaden mit 12.000 Soldaten", "Tausende Reservisten",
           "bis zu 10.000 Soldaten", "mehr als 300 Kämpfer", "eine Kampfbrigade mit 4800 Soldaten",
           "etwa 200 Offiziere", "zwischen 3.000 und 4.000 Soldaten", "zwei Bataillone"]
PLACES = ["nach Russland", "an die Grenze zu Belarus", "in die Region Kursk", "nach Litauen", "in den Kosovo",
          "an die Ostflanke", "in den Nahen Osten"]
ENDINGS = ["verlegen.", "schicken.", "stationieren.", "abziehen.", "verstärken."]
FILLER = [
    "Der Bundestag debattierte am Donnerstag über den Haushalt für das kommende Jahr.",
    "Die Inflation stieg im Oktober auf 2,4 Prozent, teilte das Statistische Bundesamt mit.",
    "In München kamen am Wochenende mehr als 50.000 Menschen zu einem Konzert.",
    "Bundeskanzler Olaf Scholz traf in Paris den französischen Präsidenten Emmanuel Macron.",
    "Die Deutsche Bahn kündigte für 2025 neue Verbindungen zwischen Hamburg und Kopenhagen an.",
    "Der Vorstand von Siemens legte am Mittwoch die Zahlen für das dritte Quartal vor.",
    "Nach dem Sturm waren in Niedersachsen rund 20.000 Haushalte ohne Strom.",
    "Die Verhandlungen in Genf sollen nach Angaben der Vereinten Nationen im Januar weitergehen.",
]


def sentences(n: int, seed: int = 0) -> list[str]:
    """``n`` sentences, about one in three with a troop figure."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        if i % 3 == 0:
            out.append(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(FIGURES)} "
                       f"{rng.choice(PLACES)} zu {rng.choice(ENDINGS)}".replace(" zu stationieren", " zu stationieren"))
        else:
            out.append(rng.choice(FILLER))
    return out


def documents(n_docs: int, sentences_per_doc: int = 8, seed: int = 0) -> list[str]:
    sents = sentences(n_docs * sentences_per_doc, seed)
    return [" ".join(sents[i:i + sentences_per_doc]) for i in range(0, len(sents), sentences_per_doc)]
