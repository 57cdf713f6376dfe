"""Cleaning and sentence splitting on the real seed articles and an English/German set."""

from __future__ import annotations

from claimcheck.ingest.ingest import read_documents
from claimcheck.models import Document
from claimcheck.segment.segment import segment_document
from tests.conftest import CORPUS, MULTILINGUAL


def _segmented(folder=CORPUS):
    return {d.id[:3] if folder == CORPUS else d.id: segment_document(d, d.language or "id")
            for d in read_documents([folder]).documents}


def _texts(segmented):
    return [s.text for s in segmented.sentences]


def test_link_farms_and_sidebar_headlines_are_dropped_but_kept_visible():
    seg = _segmented()["003"]
    kept = " ".join(_texts(seg))
    for furniture in ("Baca Juga", "Saham DIGI", "Piala AFF", "Mobil Nissan", "Terpopuler"):
        assert furniture not in kept
    dropped = " ".join(d.text for d in seg.dropped)
    assert "Saham DIGI" in dropped and "Mobil Nissan" in dropped
    assert _texts(seg)[-1].startswith("Dia menolak mengatakan berapa banyak")


def test_the_author_blurb_is_dropped():
    seg = _segmented()["002"]
    assert not any("Ninja perjalanan" in text for text in _texts(seg))
    assert any(d.reason == "author blurb" for d in seg.dropped)


def test_a_repeated_pull_quote_collapses_to_one_sentence():
    texts = _texts(_segmented()["004"])
    assert sum("tidak dapat berbuat apa-apa dengan dukungan AS" in t for t in texts) == 1
    assert not any("Eks Pimpinan Ulama" in t for t in texts)
    assert any("amnesti" in t and t.startswith("Taliban telah menyatakan") for t in texts)


def test_datelines_breadcrumbs_photo_credits_and_editor_tags_are_removed():
    segmented = _segmented()
    assert _texts(segmented["000"])[0].startswith("Pasukan Taliban mengklaim")
    assert not _texts(segmented["000"])[-1].endswith("[ham]")
    assert _texts(segmented["001"])[0] == \
        "Taliban akhirnya merebut kota terbesar kedua di Afghanistan, Kandahar."
    assert any(d.reason == "breadcrumb" for d in segmented["001"].dropped)
    assert any(d.reason == "photo credit" and "Foto:" in d.text for d in segmented["004"].dropped)


def test_numbers_dates_quotes_and_abbreviations_do_not_split_sentences():
    texts = _texts(_segmented()["000"]) + _texts(_segmented()["003"])
    assert ("Menanggapi kemajuan cepat dan kekerasan Taliban, Pentagon mengatakan akan mengirim "
            "sekitar 3.000 tentara tambahan dalam waktu 48 jam untuk membantu mengevakuasi staf "
            "kedutaan.") in texts
    assert any(t.endswith("pada Senin (16/8/2021).") for t in texts)
    assert any(t.startswith('"Kami berharap untuk menarik') and t.endswith("tidak ditutup.")
               for t in texts)
    sentences = segment_document(Document(
        "x", "x", "Dr. Smith met U.S. officials on Aug. 3. The rate rose to 2.5 percent."
        " He left.", "x"), "en").sentences
    assert [s.text for s in sentences] == [
        "Dr. Smith met U.S. officials on Aug. 3.", "The rate rose to 2.5 percent.", "He left."]


def test_a_day_written_as_an_ordinal_before_its_month_ends_no_sentence():
    sentences = segment_document(Document(
        "x", "x", "Die Fähre lief am 14. Oktober aus. Sie sank am 2. Nov. vor der Küste. "
        "Am Ende zählte die Crew 12. Danach kam Hilfe.", "x"), "de").sentences
    assert [s.text for s in sentences] == [
        "Die Fähre lief am 14. Oktober aus.", "Sie sank am 2. Nov. vor der Küste.",
        "Am Ende zählte die Crew 12.", "Danach kam Hilfe."]


def test_a_paragraph_cut_short_keeps_its_whole_sentence():
    # Scraped text often stops mid-sentence: the line is prose, not a subheading.
    sentences = segment_document(Document(
        "x", "x", "The ferry Marisol left Port Caldera on Monday with 212 passengers aboard."
        "\n\nThe harbour master said the ferry waited in port for two hours before it sailed. "
        "It "
        "then", "x"), "en").sentences
    assert "The harbour master said the ferry waited in port for two hours before it sailed." in \
        [s.text for s in sentences]


def test_every_sentence_keeps_its_source_line():
    seg = _segmented()["001"]
    price = next(s for s in seg.sentences if s.text.startswith('"Kedutaan kami tetap buka'))
    lines = (CORPUS / "001_eb8b64be02c2e535.txt").read_text(encoding="utf-8").splitlines()
    assert lines[price.line - 1].startswith('"Kedutaan kami tetap buka')


def test_english_and_german_furniture_is_dropped():
    segmented = _segmented(MULTILINGUAL)
    wire = segmented["wire-report"]
    assert not any("Read more" in t or "Reporting by" in t for t in _texts(wire))
    assert {d.reason for d in wire.dropped} >= {"related link", "byline"}
    ledger = segmented["daily-ledger"]
    assert not any("Stocks slip" in t for t in _texts(ledger))
    assert _texts(ledger)[0].startswith("The United States will send roughly 5,000")
    german = segmented["nachrichten"]
    assert not any("Bundeswehr bereitet" in t for t in _texts(german))
    assert _texts(german)[0].startswith("Das Pentagon kündigte an")


def test_agency_sign_offs_and_rights_notices_are_dropped():
    text = ("A bus fell into a gorge in Peru on Monday, killing 30 people, police said.\n\n"
            "Copyright lawsuits rose 20% last year, the study said.\n\n"
            "Associated Press writer Maria Lopez contributed to this report.\n\n"
            "Copyright 2024 The Associated Press. All rights reserved. This material may not "
            "be published, broadcast, rewritten or redistributed.\n\n"
            "Our Standards: The Thomson Reuters Trust Principles.\n\n"
            "© 2024 Kompas.com. Hak cipta dilindungi undang-undang.\n")
    segmented = segment_document(Document("ap", "ap.txt", text, "AP"), "en")
    assert _texts(segmented) == [
        "A bus fell into a gorge in Peru on Monday, killing 30 people, police said.",
        "Copyright lawsuits rose 20% last year, the study said."]
    assert [d.reason for d in segmented.dropped] == ["byline"] + ["copyright notice"] * 3


def _invented_sentence(rng, number: int) -> str:
    syllables = ("ka", "ra", "ban", "dar", "mi", "lo", "sen", "tu", "we", "gor", "hal", "ni")
    words = ["".join(rng.choice(syllables) for _ in range(3)) for _ in range(12)]
    return f"{words[0].capitalize()} {' '.join(words[1:6])} {number} {' '.join(words[6:])}."


def test_a_pull_quote_far_from_its_first_appearance_is_still_a_repeat():
    import random

    rng = random.Random(3)
    quote = "Kami tidak akan meninggalkan kota ini sebelum semua warga selamat, kata dia."
    body = [quote] + [_invented_sentence(rng, n) for n in range(400)]
    body.insert(300, quote.replace(", kata dia.", ", katanya."))  # reworded a little
    segmented = segment_document(Document("a", "a.txt", " ".join(body), "A"), "id")
    texts = [sentence.text for sentence in segmented.sentences]
    assert texts.count(quote) == 1 and len(texts) == 401
    assert [d.reason for d in segmented.dropped] == ["repeated sentence"]


def test_a_one_line_article_keeps_every_sentence_and_its_line():
    import random

    rng = random.Random(5)
    body = [_invented_sentence(rng, n) for n in range(600)]  # about 50 KB on one line
    document = Document("a", "a.txt", " ".join(body), "A", first_line=4)
    segmented = segment_document(document, "id")
    assert [sentence.text for sentence in segmented.sentences] == body
    assert {sentence.line for sentence in segmented.sentences} == {4}
