"""The discourse model of forces (lang/discourse.py) and the German grammar's use of it.

The German sentences are written for these tests (docs/troop-figures.md, "Actors from the discourse"),
not taken from any dev text.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from geonews_nlp.lang.acronyms import acronym_mentions, acronym_uses
from geonews_nlp.lang.de.troops import _relative_asides, figures_of_words, force_mentions, topic_country
from geonews_nlp.lang.discourse import TOPIC, WINDOW, Discourse


def actors_of(text: str) -> list[str | None]:
    sentences = [s.split() for s in text.split(" | ")]
    return [f.actor for f in figures_of_words(sentences)]


# --- the pure model ---------------------------------------------------------------------------------

def test_recent_takes_the_latest_owner_before_the_figure():
    d = Discourse()
    d.add(0, 1, "US")
    d.add(1, 4, "DE")
    d.add(2, 9, "FR")  # after the figure: not yet said
    assert d.recent(2, 3) == "DE"
    assert d.recent(2, 3, banned={"DE"}) == "US"


def test_recent_forgets_beyond_the_window():
    d = Discourse(window=2)
    d.add(0, 0, "US")
    assert d.recent(2, 0) == "US"
    assert d.recent(3, 0) is None


def test_only_alliances_for_a_multinational_total():
    d = Discourse()
    d.add(0, 0, "NATO")
    d.add(0, 5, "DE")
    assert d.recent(1, 0, only={"NATO", "UN"}) == "NATO"


def test_dominant_needs_a_clear_majority():
    d = Discourse()
    for actor in ("DE", "DE", "US"):
        d.add(0, len(d.mentions), actor)
    assert d.dominant() == "DE"
    d.add(1, 0, "US")
    assert d.dominant() is None  # two against two: the document is about both
    d.add(1, 1, TOPIC)
    assert d.dominant() is None  # an unnamed institution is not counted for anyone


mentions = st.lists(st.tuples(st.integers(0, 20), st.integers(0, 30),
                              st.sampled_from(["US", "DE", "RU", "NATO", TOPIC])), max_size=40)


@given(mentions, st.integers(0, 25), st.integers(0, 30), st.sets(st.sampled_from(["US", "DE", "RU", "NATO"])))
def test_recent_is_a_mention_before_within_the_window_and_allowed(ms, sent, pos, banned):
    d = Discourse()
    for s, p, a in ms:
        d.add(s, p, a)
    found = d.recent(sent, pos, banned)
    if found is not None:
        assert found not in banned
        assert any(a == found and (s, p) < (sent, pos) and s >= sent - WINDOW for s, p, a in ms)
    else:
        # nothing allowed among the latest mentions before the figure within the window
        before = sorted((s, p, a) for s, p, a in ms if (s, p) < (sent, pos) and s >= sent - WINDOW)
        assert not before or before[-1][2] in banned


# --- the German grammar -----------------------------------------------------------------------------

def test_a_later_sentence_inherits_the_owner_named_before():
    assert actors_of("Die Marine Kanadas entsendet 400 Soldaten nach Lettland . | "
                     "Weitere Einheiten folgen , sodass bald rund 900 Soldaten vor Ort sind .") == ["CA", "CA"]


def test_a_force_word_with_its_owner_names_the_actor_of_the_next_sentence():
    assert actors_of("Die Zahl der US-Soldaten im Land steigt . | Rund 2000 Soldaten machten sich auf den Weg .") \
        == ["US"]


def test_a_place_compound_names_no_owner():
    # "Syrien-Mission" is a mission in Syria, not Syria's force
    assert force_mentions("Die Syrien-Mission wird verlängert .".split()) == []
    assert force_mentions("Die US-Truppen bleiben .".split()) == [(1, "US")]


def test_troops_in_a_country_are_its_guests_but_its_army_is_its_own():
    assert force_mentions("Der Abzug der Truppen in Afghanistan beginnt .".split()) == []
    assert force_mentions("Bei einem Angriff auf die Armee in Niger starben Soldaten .".split()) == [(5, "NE")]


def test_a_multinational_total_has_no_state_actor():
    assert actors_of("Die Bundeswehr verlegt Panzer . | Insgesamt üben 9000 Soldaten aus 14 Ländern .") == [None]
    assert actors_of("Die Nato plant eine Übung . | Insgesamt üben 9000 Soldaten aus 14 Ländern .") == ["NATO"]


def test_several_states_in_one_count_take_their_common_organisation():
    assert actors_of("Dabei wurden 30 polnische und spanische Nato-Soldaten verletzt .") == ["NATO"]
    assert actors_of("Dabei wurden 30 polnische und spanische Soldaten verletzt .") == [None]


def test_a_statement_of_what_is_usual_belongs_to_no_force():
    assert actors_of("Die Bundeswehr verlegt eine Brigade . | "
                     "Ein Bataillon hat normalerweise 800 Soldaten .") == ["DE", None, None]


def test_an_unnamed_army_is_the_army_of_the_country_the_text_is_about():
    text = ("In Burkina Faso gab es neue Kämpfe . | Burkina Faso meldet Verluste . | "
            "Nach Angaben der Armee starben dabei 12 Soldaten .")
    assert actors_of(text) == ["BF"]


def test_topic_country_needs_a_majority():
    assert topic_country([["Peru", "und", "Peru", "und", "Chile"]]) == "PE"
    assert topic_country([["Peru", "und", "Chile"]]) is None


def test_an_aside_in_parentheses_does_not_change_whose_troops_follow():
    text = ("Kanada hat 5000 Soldaten . ( | Dänemark 3000 ) . | Davon dienen 4000 im Heer .")
    assert actors_of(text) == ["CA", "DK", "CA"]


def test_a_bare_number_before_a_genitive_figure_is_part_of_it():
    assert actors_of("Er will 4000 der rund 12.000 US-Soldaten abziehen .") == ["US", "US"]


def test_an_ellipsis_after_a_figure_without_actor_shares_its_reading():
    text = "Bei einem Angriff von Taliban-Kämpfern starben 20 Soldaten . | Mindestens 30 seien verletzt worden ."
    assert actors_of(text) == [None, None]  # the attackers are never the side that lost them


# --- the English grammar ----------------------------------------------------------------------------

def en_actors_of(text: str) -> list[str | None]:
    from geonews_nlp.lang.en.troops import figures_of_words as en_figures

    return [f.actor for f in en_figures([s.split() for s in text.split(" | ")])]


def test_english_a_later_sentence_inherits_the_owner_named_before():
    assert en_actors_of("Canadian troops arrived in Latvia on Monday . | "
                        "About 900 soldiers will stay until spring .") == ["CA"]


def test_english_a_force_name_from_the_table_names_its_owner():
    assert en_actors_of("The National Guard was called in . | Some 2,000 soldiers patrolled the city .") == ["US"]


def test_english_peacekeepers_serve_the_mission_named_before():
    text = ("The UN mission in the country was set up in 2013 . | French troops left in 2022 . | "
            "Since then , more than 50 peacekeepers have died .")
    assert en_actors_of(text) == ["UN"]


def test_english_a_multinational_total_has_no_state_actor():
    assert en_actors_of("British troops arrived . | In all , 9,000 soldiers from 14 countries took part .") == [None]


def test_english_an_unnamed_army_is_the_country_the_text_is_about():
    text = ("Fighting flared in Chad on Sunday . | Chad has closed its border . | "
            "The army said 12 soldiers were killed .")
    assert en_actors_of(text) == ["TD"]


def test_the_country_troops_leave_is_not_their_owner():
    assert actors_of("Kanada zieht 300 Soldaten aus Mali ab .") == ["CA"]
    assert actors_of("Dort dienen 300 Soldaten aus Kanada .") == ["CA"]


def test_fighters_take_an_armed_group_from_the_discourse_never_the_state():
    text = "Die Armee Perus meldet neue Kämpfe in Peru . | Dabei wurden 25 Kämpfer getötet ."
    assert actors_of(text) == [None]
    text = "Die Hamas-Kämpfer griffen an . | Dabei wurden 25 Kämpfer getötet ."
    assert actors_of(text) == ["Hamas"]


def test_names_coordinated_after_a_place_preposition_are_places():
    text = ("Die kanadische Armee plant mehr Präsenz . | "
            "Sie stationiert in den drei baltischen Staaten sowie Polen rund 4000 Soldaten .")
    assert actors_of(text) == ["CA"]  # "Sie": the army of the sentence before, not the place
    assert actors_of("Polen stationiert in Litauen 300 Soldaten .") == ["PL"]


def test_soldiers_killed_with_no_owner_named_are_the_army_of_the_country_reported_on():
    text = "In Peru gab es erneut Anschläge . | Dabei kamen zwölf Soldaten ums Leben ."
    assert actors_of(text) == ["PE"]
    # a strength figure is not given the host country: the troops may be guests there
    assert actors_of("In Peru gab es erneut Anschläge . | Dort stehen 500 Soldaten .") == [None]


def test_an_armed_group_named_in_a_compound_owns_its_fighters():
    assert actors_of("In Somalia wurden 80 Al-Shabaab-Kämpfer getötet .") == ["al-Shabaab"]
    assert actors_of("Im Sudan wurden 20 RSF-Kämpfer getötet .") == ["RSF"]


def test_english_troops_placed_in_several_countries_keep_their_owner():
    assert en_actors_of("France has 5,000 troops in several countries of the Sahel .") == ["FR"]
    assert en_actors_of("Canada said 400 troops from several countries would join .") == [None]


def test_english_an_adjective_before_a_table_force_names_its_owner():
    assert en_actors_of("Britain sent British Marines to Norway . | About 300 soldiers take part .") == ["GB"]


# --- findings of the independent review (sentences written by the reviewer and the lead) -------------

def test_a_subject_after_an_opening_place_or_time_phrase_is_the_owner():
    assert actors_of("Am Montag haben die USA 3000 Soldaten nach Polen geschickt .") == ["US"]
    assert actors_of("In Mali haben Frankreich und Deutschland 3000 Soldaten stationiert .") != ["ML"]


def test_a_national_contingent_of_a_mission_takes_its_country():
    assert actors_of("Im Libanon sind 300 deutsche UN-Soldaten im Einsatz .") == ["DE"]
    assert actors_of("Dabei wurden 70 ungarische und italienische KFOR-Soldaten verletzt .") == ["KFOR"]


def test_troops_placed_in_several_countries_are_not_a_multinational_total():
    assert actors_of("Frankreich hat 5000 Soldaten in mehreren Ländern der Sahelzone stationiert .") == ["FR"]


def test_only_a_withdrawal_verb_makes_aus_a_place():
    assert actors_of("Rund 200 Soldaten aus Frankreich sollen bei der Evakuierung helfen .") == ["FR"]
    assert actors_of("Ab Mittwoch ziehen 300 Soldaten aus Kanada in das Lager ein .") == ["CA"]


def test_an_institution_quoted_as_a_source_is_no_owner():
    text = ("In Niger sind französische Truppen stationiert . | Niger fordert ihren Abzug . | "
            "Nach Angaben des Militärs sind noch 1500 Soldaten im Land .")
    assert actors_of(text) == ["FR"]


def test_an_adjective_before_a_table_force_names_its_owner():
    assert force_mentions("Die britischen Marines üben .".split()) == [(2, "GB")]


def test_a_force_named_in_an_aside_does_not_change_whose_troops_follow():
    text = ("Die US-Truppen verstärken ihre Präsenz in Polen ( dort übt auch die Bundeswehr ) . | "
            "Rund 2000 Soldaten kommen im Mai an .")
    assert actors_of(text) == ["US"]


def test_the_state_that_sends_troops_owns_those_of_the_next_sentence():
    text = "Großbritannien entsendet Truppen nach Estland . | Rund 2000 Soldaten machten sich auf den Weg ."
    assert actors_of(text) == ["GB"]
    # the destination is a place, not an owner
    assert force_mentions("Großbritannien entsendet Truppen nach Estland .".split()) == [(0, "GB")]


def test_attackers_named_in_an_earlier_sentence_are_not_the_side_that_lost_soldiers():
    text = ("Russische Truppen haben in der Nacht Charkiw beschossen . | Russland setzte Raketen ein . | "
            "Dabei kamen zwölf Soldaten ums Leben .")
    assert actors_of(text) == [None]
    # in a passive the agent is the attacker, the subject the side that lost them
    text = ("Ukrainische Stellungen wurden von russischen Truppen beschossen . | "
            "Dabei kamen zwölf ukrainische Soldaten ums Leben .")
    assert actors_of(text) == ["UA"]


# --- acronyms and proper names of forces (sentences written for these tests) ---------------------------

def test_a_bracketed_acronym_names_its_force_again_later():
    # without the acronym, the British troops named last would own them
    assert actors_of("Die Afghanische Nationalarmee ( ANA ) rückte vor . | Britische Truppen blieben in Kabul . | "
                     "Nach Angaben der ANA waren rund 3000 Soldaten beteiligt .") == ["AF"]
    assert actors_of("Die Afghanische Nationalarmee rückte vor . | Britische Truppen blieben in Kabul . | "
                     "Nach Angaben der ANA waren rund 3000 Soldaten beteiligt .") == ["GB"]
    assert en_actors_of("The Somali National Army ( SNA ) moved north . | Kenyan troops stayed in the south . | "
                        "Two days later the SNA sent about 300 soldiers to the town .") == ["SO"]


def test_an_acronym_that_does_not_abbreviate_the_name_defines_nothing():
    assert acronym_mentions([["the", "Somali", "National", "Army", "(", "AMISOM", ")"], ["AMISOM", "said"]],
                            [[(1, "SO")], []]) == [[], []]


def test_acronym_uses_skip_the_definition_and_remember_it():
    defined: dict[str, str] = {}
    assert acronym_uses(["Die", "Syrische", "Nationalarmee", "(", "SNA", ")", "und", "die", "SNA"],
                        [(2, "SNA")], defined) == [(8, "SNA")]
    assert defined == {"SNA": "SNA"}


def test_a_militia_named_like_a_states_army_is_the_militia():
    assert actors_of("Kämpfer der Syrischen Nationalarmee griffen an . | Rund 2000 Soldaten seien unterwegs .") == \
        ["SNA"]
    assert actors_of("Die Afghanische Nationalarmee griff an . | Rund 2000 Soldaten seien unterwegs .") == ["AF"]


def test_english_a_states_force_by_its_proper_name():
    assert en_actors_of("The Somali National Army moved north . | About 300 soldiers reached the town .") == ["SO"]
    assert en_actors_of("The Uganda People 's Defence Force moved north . | "
                        "About 300 soldiers reached the town .") == ["UG"]


def test_english_no_militia_or_headline_is_a_states_proper_force_name():
    assert en_actors_of("The Sudanese Rapid Support Forces seized the town . | "
                        "About 500 soldiers were killed .") == [None]
    assert en_actors_of("Russia Says Ukrainian Forces Attacked Kursk . | About 500 soldiers were killed .") != ["RU"]


def test_a_leader_stands_for_the_forces_they_lead():
    assert actors_of("Putin hat 10.000 Soldaten an die Grenze geschickt .") == ["RU"]
    assert actors_of("Haftars Truppen verloren 200 Kämpfer .") == ["LNA"]
    assert actors_of("Bush schickte im vergangenen Jahr 30.000 zusätzliche Soldaten in den Irak .") == ["US"]
    # the full name, two words, is one mention
    assert actors_of("Wladimir Putin hat 10.000 Soldaten an die Grenze geschickt .") == ["RU"]


def test_a_relative_clause_aside_owns_none_of_the_main_clauses_troops():
    assert actors_of("Die Nato , die seit 1999 das Kosovo sichert , schickt 700 weitere Soldaten .") == ["NATO"]
    # a list after a comma is no relative clause: its names stay (several states, no one owner)
    listed = "Frankreich , die USA und Großbritannien , schicken je 700 Soldaten".split()
    assert _relative_asides(listed, [w.lower() for w in listed]) == []
    aside = "Die Nato , die seit 1999 das Kosovo sichert , schickt".split()
    assert _relative_asides(aside, [w.lower() for w in aside]) == [(3, 9)]


def test_a_force_named_by_its_owner_in_the_genitive():
    assert actors_of("Dabei starben 20 Kämpfer der Armee Assads .") == ["SY"]


def test_a_partitive_of_the_last_sentences_figure_shares_its_kind():
    troops = figures_of_words([s.split() for s in (
        "Bei dem Angriff wurden acht Soldaten getötet .", "Sechs von ihnen sei die Kehle durchschnitten worden .")])
    assert [f.kind for f in troops] == ["casualties", "casualties"]
    troops = figures_of_words([s.split() for s in ("Die Armee schickte 500 Soldaten .", "Zwei von ihnen sind Offiziere .")])
    assert [f.kind for f in troops] == ["strength", "strength"]


def test_a_state_with_its_own_forces_by_a_possessive_owns_them():
    words = "Einem Bericht zufolge werden die Vereinigten Staaten ihre Truppenpräsenz in Taiwan verstärken .".split()
    assert force_mentions(words) == [(5, "US")]
    assert actors_of("Die Vereinigten Staaten verstärken ihre Truppenpräsenz in Taiwan . | "
                     "Es ist geplant , 200 Soldaten zur Ausbildung der taiwanischen Streitkräfte zu entsenden .") == ["US"]
    # a place before the possessive is no owner
    assert force_mentions("In Polen hat die Regierung ihre Armee verstärkt .".split()) == [(6, "<topic>")]
