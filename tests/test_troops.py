"""Troop figures through the spaCy component (blank base: tokens only, no parser)."""

from __future__ import annotations

import pytest

FIELDS = ("count", "count_max", "qualifier", "unit", "unit_count", "actor", "kind")


def fields(fig: dict) -> dict:
    return {k: fig[k] for k in FIELDS}


# Every row of the spec's example table.
SPEC_ROWS = [
    ("Nordkorea hat 1.500 Soldaten nach Russland verlegt.",
     [dict(count=1500, count_max=None, qualifier="exact", unit="personnel", unit_count=None, actor="KP",
           kind="strength")]),
    ("Pjöngjang plant, vier Brigaden mit 12.000 Soldaten zu schicken.",
     [dict(count=12000, count_max=None, qualifier="exact", unit="brigade", unit_count=4, actor="KP",
           kind="strength")]),
    ("Tausende russische Soldaten", [dict(count=1000, count_max=None, qualifier="vague", unit="personnel",
                                          unit_count=None, actor="RU", kind="strength")]),
    ("Bei dem Angriff wurden zwölf ukrainische Soldaten getötet.",
     [dict(count=12, count_max=None, qualifier="exact", unit="personnel", unit_count=None, actor="UA",
           kind="casualties")]),
]


@pytest.mark.parametrize("text,expected", SPEC_ROWS)
def test_spec_examples(troops, text, expected):
    assert [fields(f) for f in troops(text)] == expected


def test_spec_ellipsis_example(troops):
    figs = troops("Rund 6.400 Soldaten sollen zurückgeholt werden, weitere 5.600 verlegt.")
    assert [(f["count"], f["qualifier"]) for f in figs] == [(6400, "approx"), (5600, "exact")]


def test_spec_range_example(troops):
    (f,) = troops("Geplant ist eine Brigade mit 3000 bis 5000 Soldaten.")
    assert (f["count"], f["count_max"], f["qualifier"], f["unit"], f["unit_count"]) == (3000, 5000, "range",
                                                                                        "brigade", 1)


@pytest.mark.parametrize("text", [
    "Die 10. Panzerdivision rückt vor.",
    "Sie schicken zwei Bataillone mit je 40 Kampfpanzern.",
    "Bei dem Beben sind mehr als 400 Menschen starben.",
    "Die 6. Jägerbrigade und die Panzerbrigade 45 üben.",
    "Berlin liefert ein Bataillon an Leopard-2-Panzern.",
    "Die Regierung gab 5.000 Euro für 90 Abrams-Kampfpanzer und 100 Raketen aus.",
    "Im Jahr 2022 stieg der Anteil auf 30 Prozent.",
    "Der 45 Jahre alte Kommandeur wurde am 24. Februar 2022 befördert.",
])
def test_not_figures(troops, text):
    assert troops(text) == []


@pytest.mark.parametrize("text,count,actor", [
    ("Dort sind knapp 10.000 in Deutschland stationierten Soldaten.", 10000, None),
    ("Die USA haben 37 500 US-Soldaten in Südkorea.", 37500, "US"),
    ("Rund 3700 Bundeswehrsoldaten sind im Einsatz.", 3700, "DE"),
    ("Es kommen 90.000 Soldatinnen und Soldaten zusammen.", 90000, None),
    ("Die NATO will 300.000 Eingreifkräfte in hoher Bereitschaft halten.", 300000, "NATO"),
    ("Das Land hat 1,1 Millionen Soldaten.", 1100000, None),
    ("Moskau will 5.000 Mann an die Grenze schicken.", 5000, "RU"),
])
def test_constructions(troops, text, count, actor):
    (f,) = troops(text)
    assert (f["count"], f["actor"]) == (count, actor)


def test_formation_with_personnel_is_one_figure(troops):
    (f,) = troops("Deutschland stationiert eine Kampfbrigade mit 4800 Soldaten in Litauen.")
    assert (f["unit"], f["unit_count"], f["count"], f["actor"]) == ("brigade", 1, 4800, "DE")
    assert f["text"] == "eine Kampfbrigade mit 4800 Soldaten"


def test_ellipsis_across_countries(troops):
    figs = troops("In Korea stehen 300.000 Soldaten aus Südkorea und 17.000 aus den USA.")
    assert [(f["count"], f["actor"]) for f in figs] == [(300000, "KR"), (17000, "US")]


def test_darunter_subfigures_inherit(troops):
    figs = troops("Es sind 12.000 nordkoreanische Soldaten, darunter 500 Offiziere und drei Generäle.")
    assert [(f["count"], f["actor"]) for f in figs] == [(12000, "KP"), (500, "KP"), (3, "KP")]


def test_casualties_and_partitive(troops):
    figs = troops("Dem türkischen Militär zufolge wurden zwei Soldaten getötet. "
                  "31 weitere wurden verletzt, vier von ihnen schwer.")
    assert [(f["count"], f["kind"], f["actor"]) for f in figs] == [
        (2, "casualties", "TR"), (31, "casualties", "TR"), (4, "casualties", "TR")]


def test_article_as_number(troops):
    (f,) = troops("Bei dem Angriff wurde ein Soldat verletzt.")
    assert (f["count"], f["kind"]) == (1, "casualties")


def test_fighters_count_for_their_side(troops):
    (f,) = troops("Seit 2014 sind 81 Italiener für den IS in den Krieg gezogen.")
    assert (f["count"], f["actor"]) == (81, "IS")


def test_vague_and_genitive(troops):
    figs = troops("Der Abzug Tausender US-Soldaten aus Deutschland. Hunderte Wagner-Söldner kämpfen.")
    assert [(f["count"], f["qualifier"], f["actor"]) for f in figs] == [(1000, "vague", "US"),
                                                                       (100, "vague", "Wagner")]


def test_offsets_are_true(blank_nlp):
    from geonews_nlp.components.extensions import doc_troops

    text = "Laut Berichten plant Pjöngjang,  vier Brigaden mit 12.000 Soldaten\nzu schicken; rund 1 500 Mann folgen."
    figs = doc_troops(blank_nlp(text))
    assert len(figs) == 2
    for f in figs:
        assert text[f["start"]:f["end"]] == f["text"]


# --- linear time and plausible bounds (issue 23) -----------------------------------------------------

def _grammar_seconds(phrase: str, repeats: int) -> float:
    import time

    from geonews_nlp.lang.de.troops import figures_of_words

    words = []
    for _ in range(repeats):
        words += phrase.split()
    start = time.process_time()  # this process's CPU time: other work on a shared machine does not count
    figs = figures_of_words([words])
    assert len(figs) >= repeats // 2
    return time.process_time() - start


@pytest.mark.parametrize("phrase", ["zwei Bataillone mit 500 Soldaten ,",  # formation partner, actor scan
                                    "500 Soldaten , davon 20 ,",  # ellipses: the last figure with an actor
                                    "81 Italiener kämpfen für den IS , 14 Aufständische ,",  # armed group
                                    "der Russland 300 Soldaten des türkischen Militärs ,",  # force, names
                                    "Russland verlegt seine Truppen mit 300 Soldaten und"])  # possessive owner
def test_troop_grammar_is_linear_in_sentence_length(phrase):
    """One sentence of 2,000 figures took 27 s (a scan of the sentence a figure): 4 times the figures
    must take about 4 times as long, not 16 (a ratio of CPU times in one process, which a busy machine
    disturbs little; absolute times belong in bench/)."""
    small = min(_grammar_seconds(phrase, 500) for _ in range(2))
    large = min(_grammar_seconds(phrase, 2000) for _ in range(2))
    assert large < 8 * max(small, 0.01)


def test_linear_grammar_keeps_the_nearest_subject(blank_nlp):
    from geonews_nlp.lang.de.troops import figures_of_words

    words = "Russland sagt , Kiew habe 300 Soldaten , meldet Polen .".split()
    # the nearest subject naming an actor wins; equally near: the first in the set's order (as sorted() had it)
    assert figures_of_words([words], [{0, 3, 10}])[0].actor == "UA"
    assert figures_of_words([words], [{0}])[0].actor == "RU"
    assert figures_of_words([words], [set()])[0].actor == "UA"  # no subject: the nearest name before


@pytest.mark.parametrize("text", [
    "Seite 7777777777777777777777777777777777777777 Soldaten wurden verlegt.",  # 40 digits
    "Die Armee hat 1000000000000000 Soldaten.",  # 10^15
    "Die Armee hat 2,75 Millionen Brigaden.",
    "Die Armee hat 200 Millionen Soldaten.",
    "Die Armee hat 20.000 Kompanien.",
    "Die Armee hat zwischen 5 und 200.000.000 Soldaten.",
])
def test_implausible_counts_are_dropped(troops, text):
    assert troops(text) == []


@pytest.mark.parametrize("text,count,unit_count", [
    ("Im Zweiten Weltkrieg dienten 17 Millionen Soldaten in der Wehrmacht.", 17_000_000, None),
    ("Die Armee hat 10.000 Kompanien.", None, 10_000),
    ("Russland hat 1,5 Millionen Soldaten.", 1_500_000, None),
])
def test_plausible_counts_pass(troops, text, count, unit_count):
    (fig,) = troops(text)
    assert (fig["count"], fig["unit_count"]) == (count, unit_count)


def test_every_count_that_passes_fits_int64(blank_nlp):
    from geonews_nlp.components.troops import MAX_FORMATIONS, MAX_PERSONNEL

    assert max(MAX_PERSONNEL, MAX_FORMATIONS) < 2 ** 63


# --- issue 21: troop attributes that hold on any text -------------------------------------------------

@pytest.mark.parametrize("text,kinds", [
    # a casualty word in another clause does not make a strength figure a casualty figure
    ("Russland hat 2000 Soldaten in die Region verlegt, seit dort im Januar drei Soldaten getötet wurden.",
     ["strength", "casualties"]),
    ("Die Armee verlegte 300 Soldaten, 50 wurden verletzt.", ["strength", "casualties"]),
    ("Frankreich hat 400 Soldaten verlegt, aber es gab Tote.", ["strength"]),
    # the figure's own relative clause is its clause
    ("Die 300 Soldaten, die bei dem Gefecht verwundet wurden, kehren heim.", ["casualties"]),
    # a list of figures shares the verb at its end
    ("Dabei wurden zwei Offiziere, drei Rekruten und ein Soldat getötet.",
     ["casualties", "casualties", "casualties"]),
    # a zu-infinitive is a clause of its own: the losses after its comma are the main clause's
    ("Seit Nordkorea begann, bis zu 12 000 Soldaten nach Russland zu schicken, gibt es hohe Verluste.",
     ["strength"]),
    # "davon" after the dead of its clause: a part of them; after a deployment: a part of the deployed
    ("Insgesamt wurden sieben Menschen getötet, davon vier Soldaten und drei Rebellen.", ["casualties"] * 2),
    ("Die Armee hat 300 Soldaten in den Norden geschickt, davon 100 Reservisten.", ["strength"] * 2),
])
def test_kind_follows_own_clause(troops, text, kinds):
    assert [f["kind"] for f in troops(text)] == kinds


@pytest.mark.parametrize("text,kind", [
    ("Die Ukraine hat in der Schlacht 300 Soldaten verloren.", "casualties"),
    ("Die Armee verliert jeden Monat Hunderte Soldaten.", "casualties"),
    ("Eine Granate tötete drei ukrainische Soldaten.", "casualties"),
    ("Die Regierung meldete, dass Rebellen vier Soldaten töteten.", "casualties"),
    ("In den Kämpfen fielen 300 russische Soldaten.", "casualties"),
    ("Ein Soldat fiel bei dem Einsatz.", "casualties"),
    # the figure as the subject of "töten", "einfallen": strength
    ("Die 300 Soldaten töteten zwei Zivilisten.", "strength"),
    ("Im Frühjahr fielen 3000 Soldaten in das Nachbarland ein.", "strength"),
    # released from captivity ("freikommen", separable) and surrendered: captured before
    ("Bei dem Austausch kamen 230 ukrainische Soldaten frei.", "casualties"),
    ("Die Kapitulation der 127 Soldaten war die größte des Krieges.", "casualties"),
    ("Im Frühjahr kamen 3000 Soldaten in das Land.", "strength"),
])
def test_kind_verbs(troops, text, kind):
    (f,) = troops(text)
    assert f["kind"] == kind


@pytest.mark.parametrize("text,actor", [
    ("Bei einem russischen Angriff wurden zwölf ukrainische Soldaten getötet.", "UA"),
    ("Bei einem russischen Angriff wurden zwölf Soldaten getötet.", None),
    ("Durch türkischen Beschuss starben vier Soldaten.", None),
    ("Bei einem Angriff Russlands wurden zwölf Soldaten getötet.", None),
    ("Zwölf Soldaten wurden von russischen Truppen getötet.", None),
    ("Russland tötete bei dem Angriff zwölf Soldaten.", None),
    ("Russische Truppen haben zwölf Soldaten getötet.", None),
    # the side that lost them, where the sentence names it
    ("Die Ukraine hat bei einem russischen Angriff zwölf Soldaten verloren.", "UA"),
    ("Die Ukraine meldete, bei einem Angriff Russlands seien zwölf Soldaten getötet worden.", "UA"),
    ("Durch russischen Beschuss wurden zwölf US-Soldaten verletzt.", "US"),
    # a strength figure keeps the sentence's actor
    ("Russland verlegte nach dem Angriff 500 Soldaten.", "RU"),
])
def test_casualty_actor_is_the_side_that_lost(troops, text, actor):
    (f,) = troops(text)
    assert f["actor"] == actor


def test_casualty_actor_not_the_document_attacker(troops):
    figs = troops("Russland hat 5000 Soldaten an die Grenze verlegt. "
                  "Bei einem russischen Angriff wurden 20 Soldaten getötet.")
    assert [(f["count"], f["actor"]) for f in figs] == [(5000, "RU"), (20, None)]


@pytest.mark.parametrize("text,span,unit,unit_count", [
    ("Die Armee schickt zwei Bataillone und eine Panzerbrigade mit knapp 5000 Soldaten.",
     "zwei Bataillone und eine Panzerbrigade mit knapp 5000 Soldaten", "brigade", 1),
    ("Geplant sind eine Brigade, zwei Regimenter und drei Kompanien mit 8000 Soldaten.",
     "eine Brigade, zwei Regimenter und drei Kompanien mit 8000 Soldaten", "company", 3),
])
def test_one_figure_per_quantity(troops, text, span, unit, unit_count):
    (f,) = troops(text)
    assert (f["text"], f["unit"], f["unit_count"]) == (span, unit, unit_count)
    assert f["count"] in (5000, 8000)


def test_formation_list_without_count_stays_figures(troops):
    figs = troops("Die Nato verlegt zwei Bataillone und eine Brigade an die Ostflanke.")
    assert [(f["unit"], f["unit_count"]) for f in figs] == [("battalion", 2), ("brigade", 1)]


@pytest.mark.parametrize("text,count,unit,unit_count", [
    ("Eine 500-köpfige Einheit wurde verlegt.", 500, "unit", 1),
    ("Die 90-köpfige Kompanie ist im Einsatz.", 90, "company", 1),
    ("Zwei 500-köpfige Einheiten wurden verlegt.", 500, "unit", 2),
    ("Die rund 2.000-Mann-Truppe rückt vor.", 2000, "personnel", None),
    ("Das 2000-Mann-Kontingent der Bundeswehr bleibt.", 2000, "personnel", None),
    ("Eine fünfhundertköpfige Truppe wurde verlegt.", 500, "personnel", None),
    ("Es sind 5 Tsd. Soldaten im Land.", 5000, "personnel", None),
    ("Es sind 5 Tsd Soldaten im Land.", 5000, "personnel", None),
    ("Es sind 5 Tausend Soldaten im Land.", 5000, "personnel", None),
    ("Es sind 1,5 Tsd. Soldaten im Land.", 1500, "personnel", None),
    ("Dort sind 10\u202f000\u202fSoldaten stationiert.", 10000, "personnel", None),
    ("Dort sind 12\u00a0000 Soldaten stationiert.", 12000, "personnel", None),
    ("Dort sind 300\u00a0Soldaten stationiert.", 300, "personnel", None),
])
def test_missed_forms(troops, text, count, unit, unit_count):
    (f,) = troops(text)
    assert (f["count"], f["unit"], f["unit_count"]) == (count, unit, unit_count)


def test_no_break_space_span_maps_to_text(troops):
    text = "Dort sind 10\u202f000\u202fSoldaten stationiert."
    (f,) = troops(text)
    assert f["text"] == "10\u202f000\u202fSoldaten"


@pytest.mark.parametrize("text", [
    "Eine zehnköpfige Delegation reiste an.",
    "Die 30-köpfige Theatergruppe spielt.",
    "Das kostet 5 Tsd. Euro.",
])
def test_missed_forms_not_figures(troops, text):
    assert troops(text) == []


# --- issue 21: German forms the fresh news raised (sentences written for these tests) -----------------

@pytest.mark.parametrize("text,count,kind", [
    ("Bei dem Gefecht mit den Rebellen gab es auf Seiten der Armee 14 Tote.", 14, "casualties"),
    ("Die Truppe meldete nach dem Angriff auf die Kaserne 23 Verletzte.", 23, "casualties"),
    ("Das Militär zählte nach dem Gefecht dutzende Todesopfer.", 12, "casualties"),
    ("Die Armee will bis zu 200 000 Männer einberufen.", 200000, "strength"),
    ("Für das Manöver meldeten sich 40 Wehrdienstleistende.", 40, "strength"),
    ("An der Grenze stehen derzeit 150 Grundwehrdiener im Einsatz.", 150, "strength"),
    ("Die Armee verlor bei dem Gefecht drei Kommandeure.", 3, "casualties"),
    ("Die Militärs beklagen den Tod eines Soldaten.", 1, "casualties"),
    ("Die Entführung zweier Soldaten löste den Krieg aus.", 2, "strength"),
    ("Beim Austausch zwischen den Armeen kamen 90 Gefangene frei.", 90, "casualties"),
    ("Vier österreichische Militärberater sind vor Ort.", 4, "strength"),
])
def test_more_heads(troops, text, count, kind):
    (f,) = troops(text)
    assert (f["count"], f["unit"]) == (count, "personnel")
    if kind == "casualties":
        assert f["kind"] == kind


@pytest.mark.parametrize("text", [
    "Bei dem Erdbeben gab es 300 Tote.",  # no military context
    "Nach dem Angriff der Armee gab es 40 Tote, die meisten Zivilisten.",  # civilians
    "Zwei Züge fuhren am Morgen nach Hamburg.",  # trains, not platoons
    "Im Gefängnis der Stadt sitzen 300 Gefangene.",  # no military context
    "Die Zahl der Flüchtlinge stieg von 2000 auf 3000.",  # no military head
    "Bei dem Gefecht mit der Armee starben sieben Angreifer.",  # the men of an attack: no force
])
def test_more_heads_not_figures(troops, text):
    assert troops(text) == []


def test_platoons_in_military_context(troops):
    (f,) = troops("Das Bataillon verlegt zwei Züge an die Grenze.")
    assert (f["unit"], f["unit_count"], f["count"]) == ("platoon", 2, None)


def test_group_named_as_head(troops):
    (f,) = troops("Im Morgengrauen griffen rund 200 Taliban einen Kontrollposten an.")
    assert (f["count"], f["qualifier"], f["actor"]) == (200, "approx", "Taliban")


@pytest.mark.parametrize("text,counts", [
    # a change: the first number counts the second's head
    ("Die Regierung erhöhte das Kontingent von 1200 auf 1500 Soldaten.", [1200, 1500]),
    # head first: the head, then its numbers
    ("Die Armee will die Zahl der Reservisten von 80.000 auf 95.000 erhöhen.", [80000, 95000]),
    ("Der Plan sieht eine Truppenstärke von 150.000 vor.", [150000]),
    ("Die Zahl der Berufssoldaten soll bis 2030 auf 60.000 steigen.", [60000]),
])
def test_head_first_and_changes(troops, text, counts):
    assert [f["count"] for f in troops(text)] == counts


def test_head_first_formations(troops):
    figs = troops("Die Zahl der Brigaden soll von fünf auf acht steigen.")
    assert [(f["unit"], f["unit_count"], f["count"]) for f in figs] == [("brigade", 5, None), ("brigade", 8, None)]


def test_number_ending_a_sentence_the_splitter_missed():
    from geonews_nlp.lang.de.troops import figures_of_words

    words = ("Die Armee bezifferte die Zahl getöteter Soldaten mit über 9.000. "
             "Dazu kämen 4.000 Verletzte .").split()
    figs = figures_of_words([words])
    assert [(f.count, f.qualifier, f.kind) for f in figs] == [(9000, "min", "casualties"),
                                                              (4000, "exact", "casualties")]


@pytest.mark.parametrize("text,count,qualifier", [
    ("Geplant sind bis zu etwa 800 Soldaten.", 800, "max"),
    ("Das Parlament beschloss eine Obergrenze von 1.200 Soldaten.", 1200, "max"),
    ("Die Mandatsobergrenze von 900 Soldaten bleibt.", 900, "max"),
    ("Das Land hat mehr 3.000 Soldaten im Einsatz.", 3000, "min"),
    ("Das Heer will eine halbe Million Soldaten rekrutieren.", 500000, "exact"),
    ("Kiew braucht etwa eine halbe Million neue Soldaten.", 500000, "approx"),
])
def test_qualifier_forms(troops, text, count, qualifier):
    (f,) = troops(text)
    assert (f["count"], f["qualifier"]) == (count, qualifier)


@pytest.mark.parametrize("text,counts", [
    # ages after names, in parentheses or between commas
    ("Drei Soldaten wurden getötet: Jan Berger (24), Tim Roth (19) und Ole Falk (22).", [3]),
    ("Ein Soldat starb, der Unteroffizier Paul Winter, 31, aus Kiel.", [1]),
    # reference numbers and designations
    ("Der Bundestag stimmte dem Antrag (20/4711) über 500 Soldaten zu.", [500]),
    ("Gestützt auf die Resolution 2334 bleiben 800 Soldaten im Land.", [800]),
    # a time of day
    ("Für die Truppe ist es fünf vor zwölf, sagte der General.", []),
    # an ellipsis counts the last counted noun, here no soldiers
    ("Im Krieg mit der Armee wurden 5000 Häuser zerstört, 300 beschädigt.", []),
    ("Die Armee hat 900 Panzer (Nachbarland 700).", []),
])
def test_numbers_that_are_no_count(troops, text, counts):
    assert [f["count"] for f in troops(text)] == counts


@pytest.mark.parametrize("text,actors", [
    # rebels and fighters are no state's, whatever place their sentence names
    ("In Syrien wurden bei Kämpfen 40 Rebellen getötet.", [None]),
    # coordinated figures share the genitive after the last one
    ("Derzeit sind 300 Soldaten und 20 Soldatinnen des Bundesheeres im Einsatz.", ["AT", "AT"]),
    # a size adjective: the force it measures
    ("Sie verstärken die 4000 Soldaten starke Nato-Mission im Kosovo.", ["NATO"]),
    # a relative clause giving what its antecedent consists of
    ("Geplant ist eine Eingreiftruppe der Nato, die aus 5000 Soldaten bestehen soll.", ["NATO"]),
    # a definite article before the number refers back to the figure named before
    ("Frankreich hat zwölf Soldaten in den Libanon verlegt. Die zwölf Blauhelme sind in Tyros.", ["FR", "FR"]),
])
def test_actor_rules(troops, text, actors):
    assert [f["actor"] for f in troops(text)] == actors


def test_casualties_of_another_side_leave_the_document_actor(troops):
    text = ("Das Bundesheer ist im Libanon mit 180 Soldaten vertreten. Die Lage ist ruhig. "
            "Die Mission wurde 2006 nach der Entführung zweier israelischer Soldaten ausgeweitet.")
    figs = troops(text)
    assert [(f["count"], f["actor"]) for f in figs] == [(180, "AT"), (2, "IL")]


@pytest.mark.parametrize("text,counts", [
    # a designation only when no military head follows: "auf Seite 20 Todesopfer" counts
    ("Nach dem Gefecht gab es auf unserer Seite 20 Todesopfer.", [20]),
    ("Gestützt auf die UNO-Resolution 2334 bleiben 800 Soldaten.", [800]),
    # numbered unit names joined by "und" are names too
    ("Zur Brigade gehören die Jägerbataillone 291 und 292 sowie 4000 Soldaten.", [4000]),
    # "ein Drittel" counts no thing: the ellipses after it still count soldiers
    ("Die Armee hat 90 000 Soldaten, ein Drittel (30 000) dient im Heer, weitere 12 000 bei der Marine.",
     [90000, 30000, 12000]),
    # soldiers and civilians in one count are no figure
    ("Mehr als 300 Soldaten und Zivilisten kehrten aus der Gefangenschaft zurück.", []),
    # "von N die Rede": the number talked of
    ("Die Armee braucht mehr Soldaten. Bisher war von 15 000 die Rede.", [15000]),
])
def test_designations_and_mixed_counts(troops, text, counts):
    assert [f["count"] for f in troops(text)] == counts


def test_year_like_count_before_a_partitive(troops):
    figs = troops("Die Armee schickte 12.000 Soldaten an die Front. Rund 2000 von ihnen wurden verwundet.")
    assert [(f["count"], f["kind"]) for f in figs] == [(12000, "strength"), (2000, "casualties")]


@pytest.mark.parametrize("text,count,unit,unit_count", [
    ("Bei dem Anschlag wurde ein Major der Armee getötet.", 1, "personnel", None),
    ("Die Armee hat ein Truppenkontingent in den Süden verlegt.", None, "unit", 1),
    ("Mit zwei Kontingenten ist die Bundeswehr im Einsatz.", None, "unit", 2),
])
def test_ranks_and_contingents(troops, text, count, unit, unit_count):
    (f,) = troops(text)
    assert (f["count"], f["unit"], f["unit_count"]) == (count, unit, unit_count)


def test_contingent_outside_military_context_is_a_quota(troops):
    assert troops("Die Stadt erhielt ein Kontingent von Impfdosen.") == []


def test_last_digit_group_glued_to_a_full_stop():
    from geonews_nlp.lang.de.troops import figures_of_words

    words = "Die Armee schätzte die Zahl der Rekruten auf 140 000. Zudem soll ein Register kommen .".split()
    assert [f.count for f in figures_of_words([words])] == [140000]


def test_casualties_named_before_the_soldiers_they_were(troops):
    figs = troops("Ein Flugzeug mit acht Verletzten landete am Abend in Köln. Die Soldaten werden dort versorgt.")
    assert [(f["count"], f["kind"]) for f in figs] == [(8, "casualties")]
    assert troops("Ein Flugzeug mit acht Verletzten landete am Abend in Köln. Sie werden dort versorgt.") == []


# --- actors and kinds from German grammar and news writing (sentences written for these tests) ---------

def test_head_first_figure_reads_the_adjectives_before_its_head(troops):
    (f,) = troops("Die Zahl der getöteten israelischen Soldaten wird mit 326 angegeben.")
    assert (f["count"], f["actor"], f["kind"]) == (326, "IL", "casualties")
    assert f["text"].startswith("getöteten israelischen Soldaten")
    (f,) = troops("Moskau beziffert die Zahl getöteter georgischer Soldaten mit 900.")
    assert (f["count"], f["actor"]) == (900, "GE")


@pytest.mark.parametrize("text,actor", [
    # the subject before the auxiliary killed them, however long the middle field
    ("Russische Truppen haben bei den schweren Gefechten im Osten des Landes am Montag 20 Soldaten getötet.", None),
    # an adverbial first: the subject follows the auxiliary
    ("Im Osten haben die Taliban bei Angriffen in zwei Provinzen mindestens 20 Soldaten getötet.", None),
    # an object of the first conjunct is no attacker
    ("Die Miliz hat russische Wagner-Söldner in Mali angegriffen und dabei mindestens sechs von ihnen getötet.",
     "Wagner"),
])
def test_attacker_before_the_auxiliary(troops, text, actor):
    figs = troops(text)
    assert figs[-1]["actor"] == actor and figs[-1]["kind"] == "casualties"


def test_zu_infinitive_takes_the_figure_as_object(troops):
    (f,) = troops("Die Armee erklärte, einen Angriff abgewehrt und Dutzende Kämpfer getötet zu haben.")
    assert f["kind"] == "casualties"
    (f,) = troops("Die Armee erklärte, 300 Soldaten an die Grenze verlegt zu haben.")
    assert f["kind"] == "strength"


def test_regional_adjective_names_the_country_reported_on(troops):
    (f,) = troops("Bei Gefechten sind in der südafghanischen Provinz Helmand Dutzende Soldaten getötet worden.")
    assert f["actor"] == "AF"


def test_compass_prefix_keeps_whole_state_adjectives():
    from geonews_nlp.lang.de.troops import state_adjective

    assert state_adjective("südafghanischen") == "AF"
    assert state_adjective("ostukrainische") == "UA"
    assert state_adjective("südkoreanische") == "KR"
    assert state_adjective("westafrikanischen") is None


def test_casualties_take_the_state_of_the_lead(troops):
    figs = troops("Bewaffnete haben in Niger eine Patrouille in einen Hinterhalt gelockt. Wie die Regierung "
                  "mitteilte, seien elf Soldaten getötet worden. Der Ort liegt nahe der Grenze zu Mali.")
    assert [(f["count"], f["actor"]) for f in figs] == [(11, "NE")]
    # a lead naming two states leaves the owner open
    figs = troops("Zwischen Peru und Chile kam es zu Gefechten an der Grenze. Dabei starben zwölf Soldaten.")
    assert [(f["count"], f["actor"]) for f in figs] == [(12, None)]


def test_dateline_is_a_place_not_an_owner(troops):
    figs = troops("OSLO – Nach Protesten der Bevölkerung sollen bis zu 900 Soldaten verlegt werden. "
                  "Die USA haben mit der Verlegung ihrer Marines begonnen.")
    assert figs[0]["actor"] != "NO"


@pytest.mark.parametrize("text,actor", [
    # the group fought against is not the fighters' own
    ("Die Peschmerga bezogen in der Stadt Stellung. Rund 150 Kämpfer sollen sie gegen den IS verteidigen.",
     "Peshmerga"),
    # a group's name of two words
    ("Nach einem Angriff der Gruppe Boko Haram hat die Armee 50 Aufständische getötet.", "Boko Haram"),
])
def test_fighters_side_not_their_enemy(troops, text, actor):
    assert troops(text)[-1]["actor"] == actor


def test_fighters_take_the_one_armed_group_of_the_report(troops):
    text = ("Die Islamistengruppe Boko Haram griff einen Stützpunkt an. Die Lage ist unklar. Es gab Schüsse. "
            "Der Ort ist abgelegen. Die Armee tötete 50 Aufständische.")
    assert [f["actor"] for f in troops(text)] == ["Boko Haram"]
    text = ("Die Gruppen Boko Haram und IS griffen einen Stützpunkt an. Die Lage ist unklar. Es gab Schüsse. "
            "Der Ort ist abgelegen. Die Armee tötete 50 Aufständische.")
    assert [f["actor"] for f in troops(text)] == [None]


def test_whole_with_a_part_named_by_origin_is_multinational(troops):
    figs = troops("Die Nato übt an der Ostsee. An dem Manöver sind 4000 Soldaten beteiligt, darunter 800 aus "
                  "der Bundeswehr.")
    assert [(f["count"], f["actor"]) for f in figs] == [(4000, "NATO"), (800, "DE")]
    figs = troops("Die Bundeswehr schickt 500 Soldaten in den Einsatz, darunter 20 Fallschirmjäger.")
    assert [(f["count"], f["actor"]) for f in figs] == [(500, "DE"), (20, "DE")]


@pytest.mark.parametrize("text,actors", [
    ("Zwei Soldaten aus Polen wurden getötet, acht weitere Soldaten beider Länder verletzt.", ["PL", None]),
    ("Russland und die Ukraine tauschten Gefangene aus: jeweils 90 Gefangene der Kriegsparteien kamen frei.",
     [None]),
    ("Russland und die Ukraine gaben als beide Seiten bekannt, dass jeweils 150 eigene Soldaten heimkehrten.",
     [None]),
])
def test_counts_of_both_sides_have_no_owner(troops, text, actors):
    assert [f["actor"] for f in troops(text)] == actors


def test_nationality_adjective_on_uncounted_soldiers_names_the_owner(troops):
    figs = troops("Unter deutschen Soldaten wächst die Sorge. Viele meldeten sich, wie 13 weitere Reservisten "
                  "aus ihrer Einheit.")
    assert [f["actor"] for f in figs] == ["DE"]
    # a fighter's nationality is where he comes from, not whom he fights for
    figs = troops("Russische Söldner der Gruppe Wagner kämpfen in Mali. Dabei starben sechs Kämpfer.")
    assert [f["actor"] for f in figs] == ["Wagner"]


def test_force_names_of_two_words_and_swisscoy(troops):
    assert [f["actor"] for f in troops("Die Schweizer Armee rekrutierte dafür 160 Armeeangehörige.")] == ["CH"]
    assert [f["actor"] for f in troops("Im Herbst nahmen die ersten 160 Swisscoy-Soldaten ihre Arbeit auf.")] == ["CH"]


def test_soldiers_killed_are_not_the_armed_group_that_reports_them(troops):
    figs = troops("Die Terrormiliz Al-Shabaab griff drei Stützpunkte an. Die Miliz berichtete von 71 getöteten "
                  "Soldaten.")
    assert [f["actor"] for f in figs] == [None]
    figs = troops("Die Terrormiliz Al-Shabaab griff drei Stützpunkte an. Die Armee meldete 40 getötete Kämpfer.")
    assert [f["actor"] for f in figs] == ["al-Shabaab"]


@pytest.mark.parametrize("text,actor", [
    ("Nach dem Gefecht an der Grenze hieß es, auf indischer Seite habe es 20 Todesopfer gegeben.", "IN"),
    ("Im Gefecht um die Stadt starben etwa 13.500 Soldaten aufseiten Russlands.", "RU"),
    # a side that is named but not by a name: no owner, not the group named before
    ("Die Kämpfer des IS griffen an. Aufseiten der Angreifer wurden bei den Kämpfen 15 Kämpfer getötet.", None),
])
def test_side_phrase_names_the_owner(troops, text, actor):
    assert troops(text)[-1]["actor"] == actor


def test_institution_in_a_capital_is_that_states(troops):
    figs = troops("Das Verteidigungsministerium in Moskau meldete, sieben Soldaten seien gefangen genommen worden.")
    assert [(f["actor"], f["kind"]) for f in figs] == [("RU", "casualties")]


def test_military_coalition_is_no_one_state(troops):
    figs = troops("Mindestens 30 Soldaten sind bei einem Angriff auf einen Stützpunkt der von Saudi-Arabien "
                  "angeführten Koalition im Jemen getötet worden.")
    assert [f["actor"] for f in figs] == [None]
    # a government's coalition leads no troops
    figs = troops("Deutschland will 300 Soldaten in den Einsatz schicken, beschloss die Koalition.")
    assert [f["actor"] for f in figs] == ["DE"]


@pytest.mark.parametrize("text,count,qualifier", [
    ("Insgesamt verfüge das Land über zwei Millionen Reservisten.", 2_000_000, "exact"),
    ("Die Armee verfügt über mehr als 5000 Soldaten.", 5000, "min"),
    ("Das Land hat über 5000 Soldaten.", 5000, "min"),
])
def test_verfuegen_ueber_is_no_qualifier(troops, text, count, qualifier):
    (f,) = troops(text)
    assert (f["count"], f["qualifier"]) == (count, qualifier)


@pytest.mark.parametrize("text,kinds", [
    ("Die Armee teilte mit, 17 weitere Soldaten seien an den Folgen ihrer Verletzungen gestorben.", ["casualties"]),
    ("Die russischen Ausfälle werden auf 30.000 bis 40.000 Soldaten geschätzt.", ["casualties"]),
    ("Freigelassen wurden demnach 114 Soldaten.", ["casualties"]),
    # coordinated noun phrases share their predicate
    ("Bei den Toten handele es sich um etwa 100 Soldaten und 80 Rebellen.", ["casualties", "casualties"]),
    ("Die Armee teilte mit, dass ein Offizier und fünf Soldaten bei einem Anschlag am Straßenrand in der "
     "Provinz während einer Patrouille nahe der Grenze getötet wurden.", ["casualties", "casualties"]),
    # a list of figures runs over an attribute after a figure
    ("14 Kämpfer von Al-Shabaab sowie ein Soldat seien getötet worden.", ["casualties", "casualties"]),
    # not across a verb of their own
    ("Die Armee verlegte 300 Soldaten der Brigade, 50 wurden verletzt.", ["strength", "casualties"]),
    # "X, aber auch Y" coordinates two figures under one predicate; a clause of its own after "aber" does not
    ("Die Armee meldete, dass 13 Kämpfer, aber auch zwei Soldaten bei den Gefechten getötet wurden.",
     ["casualties", "casualties"]),
    ("Die Armee verlegte 300 Soldaten, aber zwei Soldaten wurden verletzt.", ["strength", "casualties"]),
    # lives taken, bodies, dying of wounds, released from captivity, taken by force
    ("Der Angriff forderte das Leben von 18 Soldaten.", ["casualties"]),
    ("Die Leichen von 20 Soldaten wurden geborgen.", ["casualties"]),
    ("Sieben Soldaten erlagen später ihren Verletzungen.", ["casualties"]),
    ("Die Miliz ließ 12 Soldaten frei.", ["casualties"]),
    ("Bewaffnete hatten vier Soldaten entführt.", ["casualties"]),
    ("Drei Soldaten sind bei einem Manöver tödlich verunglückt.", ["casualties"]),  # accidents count
    ("Die Rebellen haben 20 Soldaten ermordet.", ["casualties"]),
    ("Die Bundeswehr hat 300 Soldaten in Litauen ausgetauscht.", ["strength"]),  # rotated, not prisoners
    ("Die Regierung lässt die 300 Soldaten frei entscheiden.", ["strength"]),  # "frei" not the particle
    ("Bei dem Angriff der Armee gab es 12 Schwerverletzte unter den Soldaten.", ["casualties"]),
    # "Leben" alone, and "frei" without "lassen", say nothing
    ("Das Leben von 300 Soldaten im Lager ist hart.", ["strength"]),
    ("Die Armee hält 500 Soldaten für den Einsatz frei.", ["strength"]),
])
def test_more_kind_cues(troops, text, kinds):
    assert [f["kind"] for f in troops(text)] == kinds


def test_prisoners_coming_home_were_captured(troops):
    figs = troops("Die Ukraine und Russland haben Kriegsgefangene ausgetauscht. Nach Angaben aus Kiew seien 95 "
                  "ukrainische Soldaten nach Hause zurückgekehrt. Unter ihnen seien 80 Soldaten sowie 15 Offiziere.")
    assert [(f["count"], f["kind"]) for f in figs] == [(95, "casualties"), (80, "casualties"), (15, "casualties")]
    # with no captivity near, coming back is strength
    figs = troops("Die Bundeswehr hat 300 Soldaten aus Mali zurückgeholt.")
    assert [(f["actor"], f["kind"]) for f in figs] == [("DE", "strength")]


@pytest.mark.parametrize("text,kind", [
    # the finite verb stands second, its object after a long middle field
    ("Rebellen im Norden töteten bei dreitägigen Kämpfen nach eigenen Angaben mehrere Dutzend Soldaten.",
     "casualties"),
    ("Dabei starben nach Angaben von Provinzrat Ahmad Khan Zadran am Montag zehn Soldaten.", "casualties"),
    # a partitive of casualties opening the clause
    ("Unter den Verletzten ist nach Angaben des belgischen Ministeriums auch ein belgischer Soldat.", "casualties"),
    # not a separable verb ("fielen ... ein": invaded), nor a death in a phrase before the clause's verb
    ("Im Frühjahr fielen nach Angaben aus Kiew mit schweren Waffen 3000 Soldaten in das Nachbarland ein.",
     "strength"),
])
def test_finite_verb_before_a_long_middle_field(troops, text, kind):
    assert troops(text)[-1]["kind"] == kind


def test_attackers_of_a_finite_kill_verb_far_before_the_figure(troops):
    figs = troops("Die indische Armee tötete am Montag nach eigenen Angaben an der Grenze sechs Soldaten.")
    assert [(f["actor"], f["kind"]) for f in figs] == [(None, "casualties")]


def test_one_count_of_two_nationalities_has_no_owner(troops):
    (f,) = troops("Rebellen töteten nach eigenen Angaben mehrere Dutzend malische Soldaten und russische Söldner.")
    assert (f["text"], f["count"], f["actor"]) == ("mehrere Dutzend malische Soldaten und russische Söldner", 12,
                                                   None)


def test_force_trained_or_supported_is_not_the_sender(troops):
    figs = troops("Die Bundeswehr ist am Einsatz beteiligt, der die Unterstützung der libanesischen Streitkräfte "
                  "vorsieht. Bis zu 300 Soldatinnen und Soldaten können dabei eingesetzt werden.")
    assert [f["actor"] for f in figs] == ["DE"]
    figs = troops("Geplant ist, 200 Soldaten zur Ausbildung der taiwanischen Streitkräfte zu entsenden.")
    assert [f["actor"] for f in figs] == [None]


@pytest.mark.parametrize("text,actors", [
    ("Die Nato beschloss den Abzug. Deutschland stellt das zweitgrößte Kontingent in der etwa 10 000 Soldaten "
     "starken Truppe.", ["NATO"]),
    ("Die Bundeswehr stellt etwa 8000 Soldaten für die insgesamt rund 11.500 Soldaten zählende Truppe.",
     ["DE", None]),
    # the contributor's own force
    ("Deutschland stellt eine 5000 Soldaten starke Brigade.", ["DE"]),
])
def test_force_contributed_to_is_several_states(troops, text, actors):
    assert [f["actor"] for f in troops(text)] == actors


def test_capitalised_state_adjective_counts_only_where_german_capitalises_every_word():
    from geonews_nlp.lang.de.troops import topic_country

    # a sentence's first word: "Afghanische Spezialkräfte ..."
    assert topic_country([["Afghanische", "Spezialkräfte", "griffen", "an", "."]]) == "AF"
    # a name: "der Deutschen Presse-Agentur" names no state the report is about
    assert topic_country([["In", "Mali", "starben", "Soldaten", "."],
                          ["Das", "sagte", "er", "der", "Deutschen", "Presse-Agentur", "."]]) == "ML"


@pytest.mark.parametrize("text,actor", [
    # a government named by the capital it sits in
    ("Die Regierung in Warschau will 10.000 Soldaten an die Grenze schicken.", "PL"),
    # the Bundestag mandates every armed deployment of the Bundeswehr (forces.tsv)
    ("Der Bundestag stimmte dem Einsatz von bis zu 1000 Soldaten in Mali zu.", "DE"),
    ("Nach Angaben des Bundesverteidigungsministeriums sollen 300 Soldaten verlegt werden.", "DE"),
    # troops placed in a state are its guests
    ("Die Truppen in Polen sollen um 300 Soldaten wachsen.", None),
])
def test_owners_by_seat_and_mandate(troops, text, actor):
    assert [f["actor"] for f in troops(text)] == [actor]


def test_multinational_total_serves_the_mission_named_nearby(troops):
    figs = troops("Österreich beteiligt sich an der UNIFIL-Mission. Die Soldaten verwalten ein Lager von UNIFIL. "
                  "Aufgabe der rund 10.500 Soldaten aus 40 Nationen ist es, die Waffenruhe zu überwachen.")
    assert [(f["count"], f["actor"]) for f in figs] == [(10500, "UN")]
    # none named within the window: no one
    figs = troops("Aufgabe der rund 10.500 Soldaten aus 40 Nationen ist es, die Waffenruhe zu überwachen.")
    assert [f["actor"] for f in figs] == [None]


@pytest.mark.parametrize("text,actor", [
    # the agent of a passive of sending sends them
    ("Nach Estland wurden 3000 Soldaten durch Großbritannien verlegt.", "GB"),
    ("In Litauen sind 1000 Soldaten stationiert, die von Deutschland entsandt wurden.", "DE"),
    # a route's start is a place
    ("Die 3000 Soldaten wurden von Polen nach Litauen verlegt.", None),
])
def test_agent_of_a_sending_passive_owns_the_troops(troops, text, actor):
    assert [f["actor"] for f in troops(text)] == [actor]


def test_count_added_to_the_one_before_shares_its_owner(troops):
    figs = troops("Russland beziffert die Zahl getöteter georgischer Soldaten mit 9.000. Dazu kommen 1500 "
                  "Verletzte, sagte Russlands Minister.")
    assert [(f["count"], f["actor"], f["kind"]) for f in figs] == [(9000, "GE", "casualties"),
                                                                  (1500, "GE", "casualties")]


@pytest.mark.parametrize("text,kind", [
    ("Die Ukraine hatte die Todesopfer in den eigenen Reihen Ende August auf annähernd 9000 Soldaten beziffert.",
     "casualties"),
    ("Die Armee hat die Truppenstärke im Osten Ende August auf annähernd 9000 Soldaten erhöht.", "strength"),
])
def test_casualty_noun_put_at_a_number(troops, text, kind):
    assert [f["kind"] for f in troops(text)] == [kind]


@pytest.mark.parametrize("text,counts", [
    # a year-like number before a nationality adjective and its head counts, after a verb or at the start
    ("Russland hat 2000 ukrainische Kriegsgefangene freigelassen.", [2000]),
    ("2000 ukrainische Soldaten wurden verlegt.", [2000]),
    # after a preposition or a conjunction it is a year
    ("Seit 2014 russische Truppen die Krim besetzen, ist alles anders.", []),
    ("Er sagte, dass 2022 russische Soldaten einmarschierten.", []),
])
def test_year_like_count_before_a_nationality_adjective(troops, text, counts):
    assert [f["count"] for f in troops(text)] == counts


@pytest.mark.parametrize("text,kind", [
    # the sentence's first word is the subject of "hat ... getötet"; the figure its object
    ("Israel hat nach eigenen Angaben 300 Hamas-Kämpfer getötet.", "casualties"),
    # a preposition first: the figure may be the subject
    ("Bei dem Angriff hätten 300 Soldaten zwei Zivilisten getötet.", "strength"),
])
def test_sentence_initial_subject_of_an_active_kill(troops, text, kind):
    assert [f["kind"] for f in troops(text)] == [kind]


def test_armed_group_in_the_sentence_is_not_the_owner_of_soldiers_killed(troops):
    figs = troops("Im Sudan liefern sich die Armee und die RSF seit April Kämpfe, bei denen 300 Soldaten starben.")
    assert [(f["actor"], f["kind"]) for f in figs] == [("SD", "casualties")]
    figs = troops("Im Sudan kämpfen die Armee und die RSF, bei denen 300 RSF-Soldaten starben.")
    assert [f["actor"] for f in figs] == ["RSF"]


def test_armed_groups_from_the_pack_table(troops):
    # armed_groups.tsv: one-word names also as a compound's first part
    assert [f["actor"] for f in troops("Die Zahl der FARC-Kämpfer wird auf 10.000 geschätzt.")] == ["FARC"]
    assert [f["actor"] for f in troops("Der ELN gehören 2.300 Kämpfer der ELN an.")] == ["ELN"]


def test_soldiers_and_fighters_in_one_list_are_two_sides(troops):
    figs = troops("Die Terrorgruppe Al-Shabaab griff in Somalia einen Stützpunkt der Armee an. Getötet wurden "
                  "fünf somalische Soldaten und zehn Kämpfer der Miliz.")
    assert [f["actor"] for f in figs] == ["SO", "al-Shabaab"]


def test_among_the_dead_of_the_last_sentence(troops):
    figs = troops("Bei dem Angriff sind mindestens 15 Menschen getötet worden. Darunter seien fünf Soldaten.")
    assert [(f["count"], f["kind"]) for f in figs] == [(5, "casualties")]
    figs = troops("Die Armee hat neue Stellungen bezogen. Darunter seien fünf Soldaten der Garde.")
    assert [(f["count"], f["kind"]) for f in figs] == [(5, "strength")]


def test_a_part_of_the_dead_of_its_sentence_is_a_casualty_figure(troops):
    for text in ("Bei dem Angriff wurden zwölf Menschen getötet, darunter sieben Soldaten.",
                 "Bei dem Angriff wurden zwölf Menschen getötet, unter ihnen sieben Soldaten."):
        (f,) = troops(text)
        assert (f["count"], f["kind"]) == (7, "casualties")
    assert [f["kind"] for f in troops("Die Armee hat 3000 Soldaten im Land, darunter 300 Fallschirmjäger.")] == [
        "strength", "strength"]
    # a death named by a noun, not a predicate of the clause: no part of any dead
    (f,) = troops("Nach dem Tod des Präsidenten marschierten Truppen auf, unter ihnen 500 Soldaten der Garde.")
    assert f["kind"] == "strength"


def test_soldiers_lost_with_no_state_named_belong_to_the_state_of_the_places(troops):
    # no state named in the words: the places say it (the linker's document country)
    (f,) = troops("Bei einem Anschlag in Kidal und Gao wurden sieben Soldaten getötet.")
    assert f["actor"] == "ML" and f["actor_link"]["name"] == "Mali"
    # a news agency says nothing of where they fell
    (h,) = troops("Bei einem Anschlag in Gao wurden sieben Soldaten getötet, meldete AFP unter Berufung auf AFP.")
    assert h["actor"] == "ML"
    (g,) = troops("Bei einem Anschlag wurden sieben Soldaten getötet.")
    assert g["actor"] is None  # no place either
    assert "open_owner" not in g


def test_the_dead_of_an_opening_subordinate_clause_are_not_the_figures(troops):
    (f,) = troops("Nachdem zwei Zivilisten getötet wurden, schickte die Regierung 3000 Soldaten in die Region.")
    assert f["kind"] == "strength"
    (g,) = troops("Als die Armee angriff, starben 30 Soldaten.")
    assert g["kind"] == "casualties"  # the main clause's own verb


@pytest.mark.parametrize("text,actor", [
    # several states' count, no shares: their organisation where the sentence names one, else no one
    ("Hunderte Soldaten aus Saudi-Arabien und dem Sudan trafen ein.", None),
    ("Rund 2000 Soldaten aus Russland, Armenien, Tadschikistan und Belarus trafen ein.", None),
    ("Die Nato-Truppe hat 4000 Soldaten aus Deutschland, Polen und Frankreich.", "NATO"),
    ("Im Libanon sind Frankreich, Italien und Spanien mit jeweils mehr als 1.600 Soldaten vertreten.", None),
    ("Die USA und Großbritannien schicken 3000 Soldaten nach Polen.", None),
    # one state: its count
    ("Rund 2000 Soldaten aus Russland trafen ein.", "RU"),
    ("Frankreich schickt 500 Soldaten nach Mali und Niger.", "FR"),
])
def test_a_list_of_states_owns_no_count_alone(troops, text, actor):
    assert [f["actor"] for f in troops(text)] == [actor]


@pytest.mark.parametrize("text,actor", [
    # a sender named before them owns fighters from elsewhere
    ("Die Türkei hat bereits 2400 Kämpfer aus Syrien nach Libyen geschickt.", "TR"),
    ("Die Nato verlegt 300 Soldaten aus Polen nach Litauen.", "NATO"),
    # no sending: the origin owns them
    ("Rund 500 Soldaten aus Österreich wurden in den Kosovo verlegt.", "AT"),
    ("Deutschland hat 40 Soldaten aus Frankreich in einem Lager ausgebildet.", "FR"),
])
def test_a_sender_owns_fighters_from_elsewhere(troops, text, actor):
    assert [f["actor"] for f in troops(text)] == [actor]


def test_an_attack_named_first_bans_its_attacker_for_the_sentences_after(troops):
    figs = troops("Bei dem Angriff der Taliban auf eine Militärbasis in der Provinz Balch sind mindestens "
                  "140 Soldaten der afghanischen Armee getötet worden. Die Taliban sprachen von mehr als 500 Toten.")
    assert [(f["count"], f["actor"]) for f in figs] == [(140, "AF"), (500, "AF")]


def test_a_mission_named_again_by_its_kind_owns_its_figures(troops):
    figs = troops("Die EU-Mission Eufor Althea soll den Frieden sichern. Die Mission umfasst 3500 Angehörige. "
                  "Damit erhöht sich die Truppenstärke der Eufor in Bosnien auf 1100.")
    assert [(f["count"], f["actor"]) for f in figs] == [(3500, "EUFOR"), (1100, "EUFOR")]
    # no mission named before: no one
    assert [f["actor"] for f in troops("Die Mission umfasst 3500 Angehörige.")] == [None]


def test_a_list_of_origins_outweighs_the_sentences_force(troops):
    figs = troops("Das jemenitische Militär gab bekannt, dass Hunderte Soldaten aus Saudi-Arabien und dem Sudan "
                  "eingetroffen seien.")
    assert [f["actor"] for f in figs] == [None]


@pytest.mark.parametrize("text,actor", [
    ("Im Kongo kämpfen Rebellen der M23 gegen die Armee. Die UN-Blauhelme schützen Goma. Ein UN-Kontingent kam "
     "an. Bei den Kämpfen im Kongo starben 23 Regierungssoldaten.", "CD"),
    ("In Mali griffen Dschihadisten an. Frankreich schickte Truppen nach Mali. Dabei wurden zwölf einheimische "
     "Sicherheitskräfte getötet.", "ML"),
])
def test_government_and_local_forces_are_the_reports_countrys(troops, text, actor):
    figs = [f for f in troops(text) if f["kind"] == "casualties"]
    assert [f["actor"] for f in figs] == [actor]


def test_soldiers_facing_each_other_are_no_ones_alone(troops):
    figs = troops("Zwischen Indien und China gibt es Spannungen. Tausende Soldaten stehen sich an der Grenze gegenüber.")
    assert [f["actor"] for f in figs] == [None]
    figs = troops("Zwischen Indien und China gibt es Spannungen. Tausende indische Soldaten stehen sich an der Grenze "
                  "gegenüber.")
    assert [f["actor"] for f in figs] == ["IN"]


@pytest.mark.parametrize("text,actor", [
    # a relative clause about the name before its comma: what it has or sends, whose soldiers
    ("Äthiopien gewann dank Unterstützung aus Eritrea, das Zehntausende Soldaten im Einsatz haben soll.", "ER"),
    ("Die Regierung lobte Ruanda, dessen 1000 Soldaten in Mosambik kämpfen.", "RW"),
])
def test_a_relative_clause_names_its_antecedents_troops(troops, text, actor):
    (f,) = troops(text)
    assert f["actor"] == actor
