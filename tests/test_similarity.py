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
    wide = similarity.top_neighbours(matrix, 10, exclude_group=outlets)
    narrow = similarity.top_neighbours(matrix, 1, exclude_group=outlets.copy())
    assert (narrow[0][:, 0] == wide[0][:, 0]).all()
    other = similarity.top_neighbours(matrix, 1)  # no outlet exclusion: a new search
    assert other[0].shape == (matrix.shape[0], 1)


def test_pair_similarities_round_alike_both_ways(corpus_rows):
    _, matrix, _ = corpus_rows
    first, second = np.triu_indices(matrix.shape[0], k=1)
    assert (similarity.pair_similarities(matrix, first, second)
            == similarity.pair_similarities(matrix, second, first)).all()


def test_each_rows_best_entries_are_kept_ties_first_come():
    rng = np.random.default_rng(0)
    for _ in range(50):
        rows = np.sort(rng.integers(0, 30, 2000))
        values = rng.integers(0, 6, rows.size).astype(np.float32)  # many ties
        limit = int(rng.integers(1, 40))
        kept = similarity._top_of_runs(rows, values, limit, cells=int(rng.integers(1, 3000)))
        order = np.argsort(rows * 10.0 - values, kind="stable")
        expected = np.zeros(rows.size, dtype=bool)
        expected[order[similarity._rank_within_rows(rows[order]) < limit]] = True
        assert (kept == expected).all()


def _with_semantic_columns(matrix):
    """Lexical rows beside 64 dense signed columns, weighted like the hybrid embedder."""
    semantic = np.random.default_rng(1).standard_normal((matrix.shape[0], 64))
    semantic /= np.linalg.norm(semantic, axis=1, keepdims=True)
    return sparse.hstack([matrix * np.sqrt(0.3), sparse.csr_matrix(semantic * np.sqrt(0.7))],
                         format="csr", dtype=np.float32)


def test_only_a_semantic_channel_is_searched_as_dense_columns(corpus_rows):
    _, matrix, _ = corpus_rows
    assert similarity._dense_columns(matrix) is None  # common n-grams carry little weight
    hybrid = _with_semantic_columns(matrix)
    assert set(range(matrix.shape[1], hybrid.shape[1])) <= set(similarity._dense_columns(hybrid))


def test_blocks_over_dense_columns_are_the_full_products(corpus_rows):
    _, matrix, _ = corpus_rows
    hybrid = _with_semantic_columns(matrix)
    expected = (hybrid @ hybrid.T).toarray()
    for start, block in similarity.similarity_blocks(hybrid, block=32):
        assert block == pytest.approx(expected[start:start + block.shape[0]], abs=1e-5)


def test_hybrid_rows_are_rescored_exactly_and_duplicates_tie(corpus_rows, monkeypatch):
    claims, matrix, outlets = corpus_rows
    hybrid = _with_semantic_columns(matrix)
    # The same sentence from three more outlets: equal rows must score equally with
    # every other row, whichever row of the matrix they are.
    copies = sparse.vstack([hybrid, hybrid[[0, 0, 0]]], format="csr")
    groups = np.r_[outlets, [outlets.max() + 1, outlets.max() + 2, outlets.max() + 3]]
    monkeypatch.setattr(similarity, "EXACT_LIMIT", 10)
    indices, values = similarity.top_neighbours(copies, 5, exclude_group=groups)
    expected = (copies @ copies.T).toarray()
    found = indices >= 0
    rows = np.repeat(np.arange(copies.shape[0]), 5).reshape(-1, 5)
    assert values[found] == pytest.approx(expected[rows[found], indices[found]], abs=1e-5)
    last = copies.shape[0] - 3
    assert values[last].tolist() == values[last + 1].tolist() == values[last + 2].tolist()


def test_dense_pair_similarities_round_alike_both_ways():
    dense = np.random.default_rng(2).standard_normal((300, 384)).astype(np.float32)
    first, second = np.triu_indices(300, k=1)
    forward = similarity._dense_pair_similarities(dense, first, second)
    assert (forward == similarity._dense_pair_similarities(dense, second, first)).all()
    assert forward == pytest.approx(np.einsum("ij,ij->i", dense[first], dense[second]),
                                    abs=1e-5)
