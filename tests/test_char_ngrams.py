"""Word-by-word n-gram counting gives scikit-learn's char_wb matrix, cell for cell."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import CountVectorizer

from claimcheck.embed.char_ngrams import char_wb_counts

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _sklearn(texts, ngram_range=(3, 5)):
    vectorizer = CountVectorizer(analyzer="char_wb", ngram_range=ngram_range,
                                 lowercase=True, dtype=np.float32)
    matrix = vectorizer.fit_transform(texts).tocsr()
    matrix.sort_indices()
    return matrix, vectorizer.get_feature_names_out().tolist()


def _assert_same(texts, ngram_range=(3, 5)):
    expected, expected_terms = _sklearn(texts, ngram_range)
    counts, terms = char_wb_counts(texts, ngram_range)
    assert terms == expected_terms
    assert counts.shape == expected.shape
    assert counts.dtype == expected.dtype
    assert np.array_equal(counts.indptr, expected.indptr)
    assert np.array_equal(counts.indices, expected.indices)
    assert np.array_equal(counts.data, expected.data)


def test_the_sample_articles_count_as_scikit_learn_counts_them():
    lines = [line for path in sorted(CORPUS.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 100
    _assert_same(lines)


@pytest.mark.parametrize("ngram_range", [(3, 5), (1, 1), (2, 4), (5, 5)])
def test_short_words_repeated_words_and_odd_whitespace(ngram_range):
    _assert_same(["a ab abc abcd abcdef", "  Ab\tab\n\nAB  ", "ẞ İstanbul ﬁne", "x\u2028y \u00a0 z",
                  "3.000 tentara, 3.000 tentara", "", "ab ab ab"], ngram_range)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("abAB İẞ1.,\t\n\u00a0\u2028-"), max_size=30),
                min_size=1, max_size=8).filter(lambda texts: any(len(t.split()) for t in texts)))
def test_any_texts_count_alike(texts):
    _assert_same(texts)


def test_rows_counted_in_slices_join_up(monkeypatch):
    monkeypatch.setattr("claimcheck.embed.char_ngrams._ROWS_PER_SLICE", 3)
    _assert_same(["satu dua tiga", "", "empat lima", "enam", "  ", "tujuh delapan sembilan",
                  "sepuluh"])


def _tfidf_same(counts):
    from sklearn.feature_extraction.text import TfidfTransformer

    from claimcheck.embed.embed import sublinear_tfidf

    expected = TfidfTransformer(sublinear_tf=True).fit_transform(counts).tocsr()
    expected.sort_indices()
    weighted = sublinear_tfidf(counts)
    weighted.sort_indices()
    assert weighted.dtype == expected.dtype
    assert np.array_equal(weighted.indptr, expected.indptr)
    assert np.array_equal(weighted.indices, expected.indices)
    assert np.array_equal(weighted.data, expected.data)  # bit for bit, not approximately


def test_the_sample_articles_weigh_as_scikit_learn_weighs_them():
    lines = [line for path in sorted(CORPUS.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    counts, _ = char_wb_counts(lines)  # blank lines give empty rows: left as they are
    assert any(np.diff(counts.indptr) == 0)
    _tfidf_same(counts)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abc xyz 12", max_size=30), min_size=1, max_size=12))
def test_any_batch_weighs_as_scikit_learn_weighs_it(texts):
    counts, _ = char_wb_counts(texts)
    if counts.shape[1]:
        _tfidf_same(counts)
