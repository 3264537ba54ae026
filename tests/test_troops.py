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
    start = time.perf_counter()
    figs = figures_of_words([words])
    assert len(figs) >= repeats // 2
    return time.perf_counter() - start


@pytest.mark.parametrize("phrase", ["zwei Bataillone mit 500 Soldaten ,",  # formation partner, actor scan
                                    "500 Soldaten , davon 20 ,",  # ellipses: the last figure with an actor
                                    "81 Italiener kämpfen für den IS , 14 Aufständische ,",  # armed group
                                    "der Russland 300 Soldaten des türkischen Militärs ,"])  # force, names
def test_troop_grammar_is_linear_in_sentence_length(phrase):
    """One sentence of 2,000 figures took 27 s (a scan of the sentence a figure); now well under 2 s,
    and 4 times the figures take about 4 times as long, not 16."""
    small = min(_grammar_seconds(phrase, 500) for _ in range(2))
    large = _grammar_seconds(phrase, 2000)
    assert large < 2.0
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
