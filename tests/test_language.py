"""Language detection over a small set, Malay folded into Indonesian."""

from __future__ import annotations

import pytest

from claimcheck.segment.language import detect_language


@pytest.mark.parametrize(("text", "code"), [
    ("Kedutaan kami tetap buka", "id"),
    ("Pasukan Taliban mengklaim telah menguasai dua kota terbesar Afghanistan.", "id"),
    ("The embassy remains open and our diplomatic mission will endure.", "en"),
    ("Die Botschaft bleibt geöffnet.", "de"),
])
def test_detects(text, code):
    assert detect_language(text) == code


def test_too_short_gives_the_default():
    assert detect_language("12", default="id") == "id"
    assert detect_language("", default="de") == "de"


def test_a_batch_reads_each_text_as_one_call_would():
    from claimcheck.ingest.ingest import read_documents
    from claimcheck.segment.language import detect_languages
    from tests.conftest import CORPUS, MULTILINGUAL

    texts = [d.text for d in read_documents([CORPUS, MULTILINGUAL]).documents]
    texts += ["Kedutaan kami tetap buka", "Die Botschaft bleibt geöffnet.", "12", ""]
    assert detect_languages(texts, default="id") == [detect_language(t, default="id")
                                                     for t in texts]
    assert detect_languages([]) == []
