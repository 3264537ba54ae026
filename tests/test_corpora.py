"""Corpus readers: every format in ``../shared/data/ner`` becomes IOB2 over PER/ORG/LOC.

Fixtures are a few lines written here in each format; none needs ``../shared``."""

from __future__ import annotations

import gzip
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geonews_nlp.training.corpora import (
    COARSE,
    LER_MAP,
    MOBIE_MAP,
    NEISS_MAP,
    _map_tags,
    char_spans_to_sentences,
    json_stream,
    place_adjective,
    read_conll,
    read_germeval,
    read_hipe,
    read_smartdata_v1,
    read_unsegmented_bio,
)


def _whitespace_tokens(text):
    """A stand-in tokenizer: whitespace tokens, a sentence after '.'; keeps the tests free of spaCy."""
    out, prev = [], None
    for m in re.finditer(r"\S+", text):
        out.append((m.group(), m.start(), m.end(), prev is not None and prev.endswith(".")))
        prev = m.group()
    return out


def test_iob1_and_fine_labels_map_to_iob2():
    assert _map_tags(["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-MISC"], COARSE) == [
        "B-PER", "I-PER", "O", "B-LOC", "B-LOC", "O"]
    assert _map_tags(["B-RR", "I-RR", "B-GS", "B-LDS"], LER_MAP) == ["B-PER", "I-PER", "O", "B-LOC"]
    assert _map_tags(["B-location-city", "B-date", "I-organization-company"], MOBIE_MAP) == [
        "B-LOC", "O", "B-ORG"]
    assert _map_tags(["B-pers", "I-pers", "B-place", "B-date"], NEISS_MAP) == ["B-PER", "I-PER", "B-LOC", "O"]
    assert _map_tags(["B-LOCderiv", "B-ORGpart", "B-OTH"], COARSE) == ["O", "O", "O"]


def test_germeval_reads_the_outer_column(tmp_path):
    path = tmp_path / "ge.tsv"
    path.write_text("#\thttp://x\t[2009]\t\n1\tDie\tO\tO\n2\tKölner\tB-ORG\tB-LOCderiv\n"
                    "3\tPolizei\tI-ORG\tO\n\n#\thttp://y\t\n1\tdeutsche\tB-LOCderiv\tO\n", encoding="utf-8")
    assert list(read_germeval(path)) == [(["Die", "Kölner", "Polizei"], ["O", "B-ORG", "I-ORG"]),
                                         (["deutsche"], ["O"])]


def test_europarl_columns_and_iob1(tmp_path):
    path = tmp_path / "ep.tsv"
    path.write_text("Herr\tHerr\tNN\tI-NC\tO\nPöttering\tPöttering\tNE\tI-NC\tI-PER\n"
                    "aus\taus\tAPPR\tO\tO\nBayern\tBayern\tNE\tI-NC\tI-LOC\n", encoding="utf-8")
    assert list(read_conll(path, sep="\t")) == [(["Herr", "Pöttering", "aus", "Bayern"],
                                                 ["O", "B-PER", "O", "B-LOC"])]


def test_json_stream_reads_concatenated_pretty_objects():
    assert list(json_stream('{\n "a" : 1\n}\n{\n "a" : [2]\n}\n  ')) == [{"a": 1}, {"a": [2]}]


def test_char_spans_align_split_sentences_and_drop_compound_parts():
    text = "Peters leitet Euronews in Lyon.\nDie Vivantes-Kliniken streiken. Ende"
    mentions = [(0, 6, "PER"), (14, 22, "ORG"), (26, 30, "LOC"),  # "Lyon" is not the token "Lyon.": dropped
                (36, 44, "ORG"),  # "Vivantes" inside "Vivantes-Kliniken": GermEval's *part, so O
                (14, 25, "ORG")]  # "Euronews in" overlaps an earlier mention: dropped, not guessed at
    sentences = list(char_spans_to_sentences(text, mentions, _whitespace_tokens))
    assert sentences == [
        (["Peters", "leitet", "Euronews", "in", "Lyon."], ["B-PER", "O", "B-ORG", "O", "O"]),
        (["Die", "Vivantes-Kliniken", "streiken."], ["O", "O", "O"]),
        (["Ende"], ["O"]),
    ]


def test_smartdata_v1_document(tmp_path):
    doc = {"id": "x", "text": {"string": "Bahn baut in Berlin.\nMehr dazu"},
           "conceptMentions": {"array": [
               {"span": {"start": 0, "end": 4}, "type": "organization-company"},
               {"span": {"start": 13, "end": 19}, "type": "location-city"},
               {"span": {"start": 5, "end": 9}, "type": "trigger"}]}}
    path = tmp_path / "train.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps(doc, indent=2) + "\n" + json.dumps({**doc, "conceptMentions": None}, indent=2))
    got = list(read_smartdata_v1(path, tokenize=_whitespace_tokens))
    assert got[0] == (["Bahn", "baut", "in", "Berlin."], ["B-ORG", "O", "O", "O"])  # "Berlin." is not "Berlin"
    assert got[1] == (["Mehr", "dazu"], ["O", "O"])
    assert all(tag == "O" for _, tags in got[2:] for tag in tags) and len(got) == 4


@pytest.mark.parametrize("text, span, expected", [
    ("die türkische Polizei", (4, 13), True),
    ("der Berliner Senat", (4, 12), True),
    ("in beiden Richtungen gesperrt", (3, 20), True),
    ("Messe in Hannover.", (9, 17), False),
    ("nach Hannover Messe", (5, 13), True),  # the rule's price: a city before a capitalised noun
    ("Bad Münster am Stein", (4, 11), False),
    ("Neue Berliner Zeitung", (0, 12), False),  # two words: a name, not an adjective
])
def test_place_adjectives_are_recognised(text, span, expected):
    assert place_adjective(text, *span) is expected


def _smartdata_entities(tmp_path, text, mentions):
    """The tagged tokens of one SmartData v1 document, read with spaCy's tokens."""
    doc = {"text": {"string": text}, "conceptMentions": {"array": [
        {"span": {"start": s, "end": e}, "type": kind} for s, e, kind in mentions]}}
    path = tmp_path / "v1.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps(doc))
    [(toks, tags)] = list(read_smartdata_v1(path))
    return [(t, g) for t, g in zip(toks, tags) if g != "O"]


def test_smartdata_place_adjectives_are_not_places(tmp_path):
    ents = _smartdata_entities(tmp_path, "Die türkische Regierung und der Kölner Dom in Köln.",
                               [(4, 13, "location"), (32, 38, "location-city"), (46, 50, "location-city")])
    assert ents == [("Köln", "B-LOC")]


def test_smartdata_with_spacy_tokens(tmp_path):
    ents = _smartdata_entities(tmp_path, "Michael Peters, CEO von Euronews, war in Cannes.",
                               [(0, 14, "person"), (24, 32, "organization"), (41, 47, "location-city")])
    assert ents == [("Michael", "B-PER"), ("Peters", "I-PER"), ("Euronews", "B-ORG"), ("Cannes", "B-LOC")]


def test_hipe_sentences_end_at_the_marker(tmp_path):
    path = tmp_path / "hipe.tsv"
    cols = "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tMISC\n"
    path.write_text(cols + "# hipe2022:document_id = 1\nDr\tO\t_\t_\nH\tB-PER\t_\tNoSpaceAfter\n.\tI-PER\t_\t_\n"
                    "Klee\tI-PER\t_\tEndOfSentence\nBerlin\tB-LOC\t_\t_\nLiebig\tB-HumanProd\t_\tEndOfSentence\n"
                    "Rest\tO\t_\t_\n", encoding="utf-8")
    assert list(read_hipe(path)) == [(["Dr", "H", ".", "Klee"], ["O", "B-PER", "I-PER", "I-PER"]),
                                     (["Berlin", "Liebig"], ["B-LOC", "O"]), (["Rest"], ["O"])]


def test_unsegmented_bio_is_cut_into_sentences(tmp_path):
    path = tmp_path / "enp.bio"
    path.write_text("# file: x\nDer O\nHerr B-PEr\nv. I-PER\n. I-PER\nMeier I-PER\nkam O\n. O\n"
                    "Nach O\nWien B-LOC\nohne\n! ???\n", encoding="utf-8")
    assert list(read_unsegmented_bio(path)) == [
        (["Der", "Herr", "v.", ".", "Meier", "kam", "."], ["O", "B-PER", "I-PER", "I-PER", "I-PER", "O", "O"]),
        (["Nach", "Wien", "!"], ["O", "B-LOC", "O"])]


@given(st.lists(st.text(alphabet="abc .", min_size=1, max_size=8), min_size=1, max_size=8),
       st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12), st.sampled_from(["PER", "ORG", "LOC"])),
                max_size=6))
def test_char_spans_give_well_formed_iob2(parts, raw_mentions):
    text = " ".join(parts)
    mentions = [(s, min(s + n, len(text)), label) for s, n, label in raw_mentions if s < len(text)]
    sentences = list(char_spans_to_sentences(text, mentions, _whitespace_tokens))
    assert [t for toks, _ in sentences for t in toks] == text.split()  # no token lost or added
    for toks, tags in sentences:
        assert len(toks) == len(tags) and toks
        for i, tag in enumerate(tags):
            if tag.startswith("I-"):
                assert i > 0 and tags[i - 1][2:] == tag[2:]  # never starts a sentence, never switches label


def _fake_shared(root):
    """A GermEval dev file of 2,200 sentences, a MobIE zip and SmartData v1, laid out as in ``../shared/data``."""
    import zipfile

    ge = root / "ner" / "germeval2014"
    ge.mkdir(parents=True)
    lines = []
    for i in range(2200):
        words = ["Satz", f"Nummer{i}", "nennt", "Berlin", f"am{i}", "."]
        tags = ["O", "O", "O", "B-LOC", "O", "O"]
        lines.append("#\tsrc\t\n" + "".join(f"{j + 1}\t{w}\t{t}\tO\n" for j, (w, t) in enumerate(zip(words, tags))))
    (ge / "NER-de-dev.tsv").write_text("\n".join(lines), encoding="utf-8")
    mobie = root / "ner" / "mobie"
    mobie.mkdir(parents=True)
    rows = [
        "-DOCSTART- -1- O O", "",
        "Bahn-\tNN\tO\tB-organization-company", "Chef\tNN\tO\tO", "fährt\tV\tO\tO", "",
        "Bah\tNN\tO\tO", "n\tNN\tO\tO", "fährt\tV\tO\tO", "nicht\tA\tO\tO", "",
        # shares six tokens with held-out sentence 1550: must not be trained on
        "Satz\tX\tO\tO", "Nummer1550\tX\tO\tO", "nennt\tX\tO\tO", "Berlin\tX\tO\tB-location-city", "am1550\tX\tO\tO",
        ".\tX\tO\tO", "Ende\tX\tO\tO", "",
    ]
    with zipfile.ZipFile(mobie / "ner_conll03_formatted.zip", "w") as z:
        z.writestr("train.conll2003", "\n".join(rows) + "\n")
    smartdata = root / "ner" / "smartdata" / "v1_20180119"
    smartdata.mkdir(parents=True)
    for split, text in (("train", "Bahn-Chef fährt"), ("test", "Bahn fährt heute")):
        with gzip.open(smartdata / f"{split}.json.gz", "wt", encoding="utf-8") as f:
            f.write(json.dumps({"text": {"string": text}, "conceptMentions": None}))


def test_prepare_splits_germeval_and_keeps_held_out_sentences_out(tmp_path):
    import spacy
    from spacy.tokens import DocBin

    from geonews_nlp.training.prepare import prepare

    _fake_shared(tmp_path / "shared")
    counts = prepare(tmp_path / "shared", tmp_path / "out", {"germeval": None, "mobie": None, "smartdata": None},
                     germeval_repeat=2)
    assert counts == {"germeval": 1200, "mobie": 2, "smartdata": 1, "train": 2403, "tune": 300, "heldout": 700}
    vocab = spacy.blank("de").vocab
    train = list(DocBin().from_disk(tmp_path / "out" / "train.spacy").get_docs(vocab))
    heldout = list(DocBin().from_disk(tmp_path / "out" / "heldout.spacy").get_docs(vocab))
    assert heldout[0][1].text == "Nummer1500" and len(heldout) == 700
    trained = {d[1].text for d in train}
    assert "Nummer1199" in trained and not trained & {f"Nummer{i}" for i in range(1200, 2200)}
    # SmartData's "Bahn-Chef fährt" repeats MobIE's "Bahn- Chef fährt" under other tokens: dropped;
    # MobIE's own sentences are compared token by token, as when 0.3.0 was trained
    assert sorted(d.text for d in train if d[0].text.startswith("Bah")) == [
        "Bah n fährt nicht ", "Bahn fährt heute ", "Bahn- Chef fährt "]
    assert [(e.text, e.label_) for d in train for e in d.ents if e.text == "Bahn-"] == [("Bahn-", "ORG")]


@pytest.mark.parametrize("mix, message", [
    ({"germeval": None, "smartdta": None}, "unknown corpus smartdta"),
    ({"silver": -1}, "sentence count or null"),
    ({"silver": "all"}, "sentence count or null"),
])
def test_prepare_refuses_a_bad_mix_before_reading(tmp_path, mix, message):
    from geonews_nlp.training.prepare import prepare

    with pytest.raises(ValueError, match=message):
        prepare(tmp_path / "no-such-folder", tmp_path / "out", mix)
    assert not (tmp_path / "out").exists()  # nothing half-written


def test_prepare_names_a_missing_corpus_file(tmp_path):
    from geonews_nlp.training.prepare import prepare

    with pytest.raises(FileNotFoundError, match="NER-de-dev.tsv"):
        prepare(tmp_path, tmp_path / "out", {"germeval": None})
