"""split_sentences gives exactly what plain pysbd gives, on real paragraphs and generated ones."""

from __future__ import annotations

import random
import time

import pysbd
import pytest

import claimcheck.segment.segment as segment
import claimcheck.segment.sentences as sentences_module
from claimcheck.ingest.ingest import read_documents
from claimcheck.segment.sentences import _is_one_sentence, split_sentences
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


# --- Long text without line breaks, and reprints that differ only in their figures ---

_SYLLABLES = ("ka", "ra", "ban", "dar", "mi", "lo", "sen", "tu", "we", "gor", "hal", "ni")


def _one_line(size: int, seed: int = 0) -> str:
    """Made-up sentences on one line, none repeated: no split is a cache hit."""
    rng = random.Random(seed)
    sentences: list[str] = []
    length = 0
    while length < size:
        words = ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3)))
                 for _ in range(rng.randint(6, 18))]
        words[0] = words[0].capitalize()
        if rng.random() < 0.3:
            figure = f"{rng.randint(2, 999)}.{rng.randint(100, 999)}"
            words.insert(rng.randrange(1, len(words)), figure)
        if rng.random() < 0.2:
            words.insert(1, "Dr.")
        sentence = " ".join(words) + rng.choice([".", ".", ".", "?", "!"])
        if rng.random() < 0.15:
            sentence = f"“{sentence}” kata {rng.choice(_SYLLABLES).capitalize()}."
        sentences.append(sentence)
        length += len(sentence) + 1
    return " ".join(sentences)[:size]


def _pysbd_input_sizes(monkeypatch) -> list[int]:
    sizes: list[int] = []
    uncached = sentences_module._pysbd_spans.__wrapped__

    def counting(text: str):
        sizes.append(len(text))
        return uncached(text)

    monkeypatch.setattr(sentences_module, "_pysbd_spans", counting)
    return sizes


def test_a_long_line_is_split_in_time_linear_in_its_length(monkeypatch):
    sizes = _pysbd_input_sizes(monkeypatch)
    work, seconds = {}, {}
    for length in (50_000, 200_000):
        text = _one_line(length, seed=length)
        sizes.clear()
        started = time.perf_counter()
        pieces = split_sentences(text)
        seconds[length] = time.perf_counter() - started
        assert "".join(pieces).split() == text.split()  # nothing lost, nothing added
        assert max(sizes) <= sentences_module.WINDOW  # pysbd never sees more than a window
        work[length] = sum(sizes)
    # Characters given to pysbd grow as the text does (windows overlap by a margin);
    # one pysbd call on the whole line took 7.6 s at 100 KB and 93 s at 256 KB.
    assert work[200_000] / work[50_000] < 4.5
    assert all(total < 1.3 * length for length, total in work.items())
    assert seconds[200_000] / seconds[50_000] < 10  # quadratic: 16; linear: 4


def test_a_long_line_of_real_sentences_splits_as_pysbd_splits_the_whole_line():
    articles = [path.read_text(encoding="utf-8") for folder in (CORPUS, MULTILINGUAL)
                for path in sorted(folder.iterdir())]
    text = " ".join(" ".join(article.split()) for article in articles)
    assert len(text) > 3 * sentences_module.WINDOW
    assert split_sentences(text) == _PYSBD.segment(text)


def test_reprints_that_differ_only_in_figures_are_split_once():
    sentences_module._pysbd_spans.cache_clear()
    first = "Sebanyak 3.000 tentara tiba pada Kamis. Mereka membantu 45 pegawai kedutaan pulang."
    second = first.replace("3.000", "4.250").replace("45", "61")
    assert split_sentences(first) == _PYSBD.segment(first)
    assert split_sentences(second) == _PYSBD.segment(second)
    assert sentences_module._pysbd_spans.cache_info().misses == 1


@pytest.mark.parametrize("text", [
    "Ada tiga langkah: 1. Kami datang. 2. Kami pergi. 3. Kami pulang.",
    "Langkah 1) datang dan 2) pergi. Lalu 3) pulang.",
    "Ada tiga langkah: 1. Kami datang. 3. Kami pergi. 9. Kami pulang.",
])
def test_numbered_lists_keep_their_digits(text):
    # pysbd reads list numbers by value (1, 2, 3 is a list; 1, 3, 9 is not).
    assert split_sentences(text) == _PYSBD.segment(text)
