"""Nearest neighbours: exact on small corpora, through the rare-feature index on large ones."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from claimcheck import similarity
from claimcheck.embed import LexicalEmbedder
from claimcheck.ingest import read_documents
from claimcheck.models import Claim
from claimcheck.pipeline import _outlet_ids
from claimcheck.segment import segment_document
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def corpus_rows():
    """The seed sentences, their lexical rows and outlet ids."""
    claims = [Claim(sentence, segmented.document.outlet)
              for document in read_documents([CORPUS]).documents
              for segmented in [segment_document(document, "id")]
              for sentence in segmented.sentences]
    matrix = LexicalEmbedder().embed([claim.sentence.text for claim in claims])
    return claims, matrix, _outlet_ids(claims)


def _row(claims, fragment: str) -> int:
    return next(i for i, claim in enumerate(claims) if fragment in claim.sentence.text)


@pytest.fixture(params=["exact", "indexed"])
def search(request, monkeypatch):
    """Run a test through the exact search and through the rare-feature index."""
    monkeypatch.setattr(similarity, "EXACT_LIMIT", 10**9 if request.param == "exact" else 10)
    similarity._RECENT.clear()
    return request.param


def test_neighbours_never_come_from_the_same_outlet_or_the_row_itself(corpus_rows, search):
    _, matrix, outlets = corpus_rows
    indices, values = similarity.top_neighbours(matrix, 5, exclude_group=outlets)
    rows = np.repeat(np.arange(len(outlets)), 5).reshape(-1, 5)
    found = indices >= 0
    assert found.any()
    assert not (indices[found] == rows[found]).any()
    assert not (outlets[indices[found]] == outlets[rows[found]]).any()
    assert (np.diff(values, axis=1) <= 1e-6)[np.isfinite(values[:, 1:])].all()  # best first


def test_the_3000_troops_sentence_finds_the_650_troops_sentence_of_another_outlet(corpus_rows,
                                                                                 search):
    claims, matrix, outlets = corpus_rows
    troops_000 = _row(claims, "sekitar 3.000 tentara tambahan")
    troops_001 = _row(claims, "sekitar 650 tentara di Afghanistan")
    indices, _ = similarity.top_neighbours(matrix, 10, exclude_group=outlets)
    assert troops_001 in indices[troops_000]


def test_indexed_similarities_are_the_exact_dot_products(corpus_rows, monkeypatch):
    _, matrix, outlets = corpus_rows
    monkeypatch.setattr(similarity, "EXACT_LIMIT", 10)
    similarity._RECENT.clear()
    indices, values = similarity.top_neighbours(matrix, 3, exclude_group=outlets)
    row = int(np.flatnonzero(indices[:, 0] >= 0)[0])
    assert values[row, 0] == pytest.approx(similarity.pair_similarity(matrix, row,
                                                                      int(indices[row, 0])))


def test_pair_similarities_match_one_pair_at_a_time(corpus_rows):
    _, matrix, _ = corpus_rows
    first, second = np.array([0, 3, 7]), np.array([5, 3, 1])
    expected = [similarity.pair_similarity(matrix, a, b) 
                for a, b in zip(first, second, strict=True)]
    assert similarity.pair_similarities(matrix, first, second) == pytest.approx(expected)
    dense = matrix.toarray()
    assert similarity.pair_similarities(dense, first, second) == pytest.approx(expected)


def test_blocks_stay_bounded_whatever_the_corpus_size():
    matrix = sparse.identity(20_000, format="csr", dtype=np.float32)
    start, block = next(similarity.similarity_blocks(matrix))
    assert start == 0
    assert block.shape == (similarity.BLOCK_CELLS // 20_000, 20_000)


def test_a_repeated_search_on_the_same_matrix_is_answered_from_the_last_one(corpus_rows):
    _, matrix, outlets = corpus_rows
    similarity._RECENT.clear()
    wide = similarity.top_neighbours(matrix, 10, exclude_group=outlets)
    narrow = similarity.top_neighbours(matrix, 1, exclude_group=outlets.copy())
    assert (narrow[0][:, 0] == wide[0][:, 0]).all()
    other = similarity.top_neighbours(matrix, 1)  # no outlet exclusion: a new search
    assert other[0].shape == (matrix.shape[0], 1)
