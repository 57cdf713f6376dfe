"""split_sentences gives exactly what plain pysbd gives, on real paragraphs and generated ones."""

from __future__ import annotations

import random

import pysbd
import pytest

import claimcheck.segment as segment
from claimcheck.ingest import read_documents
from claimcheck.sentences import _is_one_sentence, split_sentences
from tests.conftest import CORPUS, MULTILINGUAL

_PYSBD = pysbd.Segmenter(language="en", clean=False)


def _paragraphs_fed_to_the_splitter(monkeypatch) -> list[str]:
    seen: list[str] = []

    def recording(text: str) -> list[str]:
        seen.append(text)
        return split_sentences(text)

    monkeypatch.setattr(segment, "split_sentences", recording)
    for folder in (CORPUS, MULTILINGUAL):
        for document in read_documents([folder]).documents:
            segment.segment_document(document, document.language or "id")
    return seen


def test_the_corpus_and_fixture_paragraphs_split_as_pysbd_splits_them(monkeypatch):
    paragraphs = _paragraphs_fed_to_the_splitter(monkeypatch)
    paragraphs += [line.strip() for folder in (CORPUS, MULTILINGUAL)
                   for path in sorted(folder.iterdir())
                   for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(paragraphs) > 200
    assert sum(map(_is_one_sentence, paragraphs)) > len(paragraphs) // 2  # the shortcut is used
    for text in paragraphs:
        assert split_sentences(text) == _PYSBD.segment(text), text


_TOKENS = (
    "a b c i ii iv v x xi A I U S KG Co Dr dr e.g etc Mr no p pp art U.S Yahoo the The He "
    "In kata Senin Taliban Bello 1 2 12 13 21 3.000 16/8/2021 2021 4,5 ( ) (a) (b) (i) (ii) "
    "1) 2) \" “ ” ‘ ’ ' - -- – — , : ; % / & . .. ... ! ? 's A.S. p.m a.m x. ,\" ,” \"\""
).split()


def _generated(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    while len(texts) < count:
        words = [rng.choice(_TOKENS) for _ in range(rng.randint(1, 12))]
        body = "".join(word + rng.choice(["", " ", " ", " ", "  "]) for word in words).strip()
        texts.append(rng.choice(["", "", "“", '"', "(", "'"]) + body
                     + rng.choice(["", ".", ".”", "”.", "."]))
    return texts


@pytest.mark.parametrize("seed", range(4))
def test_generated_text_splits_as_pysbd_splits_it(seed):
    texts = _generated(seed, 2000)
    shortcut = [text for text in texts if _is_one_sentence(text)]
    assert len(shortcut) > 100
    for text in shortcut:
        assert _PYSBD.segment(text) == [text], text
    for text in texts[:200]:
        assert split_sentences(text) == _PYSBD.segment(text), text


@pytest.mark.parametrize("text", [
    '"Siap" Kata dia.',  # an opening quote pysbd reads as a sentence of its own
    "“Kami siap” Taliban berkata.",
    "Ada dua pilihan (a) menyerah (b) bertahan",  # a lettered list
    "Langkah 1) dan 2) sudah selesai",
    'Dia berkata "ya" (pelan) "tidak" lagi.',  # parentheses between double quotes
    'kata anti-" Mereka',
    "Dia sudah pergi.”",  # a closing quote with no opening one
    "Dr. Bello datang. Dia pergi.",
])
def test_text_pysbd_may_split_takes_pysbd(text):
    assert not _is_one_sentence(text)
    assert split_sentences(text) == _PYSBD.segment(text)


def test_the_sentence_locating_step_matches_pysbd_on_repeated_sentences():
    text = "Ya. Ya. Tidak. Ya.  Ya."
    assert split_sentences(text) == _PYSBD.segment(text) == ["Ya. ", "Ya. ", "Tidak. ", "Ya.  ",
                                                              "Ya."]
