"""Nearest neighbours: exact on small corpora, through the rare-feature index on large ones."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from claimcheck.embed.embed import LexicalEmbedder
from claimcheck.ingest.ingest import read_documents
from claimcheck.models import Claim
from claimcheck.neighbours import rare_features, similarity
from claimcheck.neighbours import search as neighbour_search
from claimcheck.pipeline import _outlet_ids
from claimcheck.segment.segment import segment_document
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
    monkeypatch.setattr(neighbour_search, "EXACT_LIMIT", 10**9 if request.param == "exact" else 10)
    return request.param


def test_neighbours_never_come_from_the_same_outlet_or_the_row_itself(corpus_rows, search):
    _, matrix, outlets = corpus_rows
    indices, values = neighbour_search.top_neighbours(matrix, 5, exclude_group=outlets)
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
    indices, _ = neighbour_search.top_neighbours(matrix, 10, exclude_group=outlets)
    assert troops_001 in indices[troops_000]


def test_indexed_similarities_are_the_exact_dot_products(corpus_rows, monkeypatch):
    _, matrix, outlets = corpus_rows
    monkeypatch.setattr(neighbour_search, "EXACT_LIMIT", 10)
    indices, values = neighbour_search.top_neighbours(matrix, 3, exclude_group=outlets)
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
    wide = neighbour_search.top_neighbours(matrix, 10, exclude_group=outlets)
    narrow = neighbour_search.top_neighbours(matrix, 1, exclude_group=outlets.copy())
    assert (narrow[0][:, 0] == wide[0][:, 0]).all()
    other = neighbour_search.top_neighbours(matrix, 1)  # no outlet exclusion: a new search
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
        kept = rare_features._top_of_runs(rows, values, limit, cells=int(rng.integers(1, 3000)))
        order = np.argsort(rows * 10.0 - values, kind="stable")
        expected = np.zeros(rows.size, dtype=bool)
        expected[order[rare_features._rank_within_rows(rows[order]) < limit]] = True
        assert (kept == expected).all()


def _with_semantic_columns(matrix):
    """Lexical rows beside 64 dense signed columns, weighted like the hybrid embedder."""
    semantic = np.random.default_rng(1).standard_normal((matrix.shape[0], 64))
    semantic /= np.linalg.norm(semantic, axis=1, keepdims=True)
    return sparse.hstack([matrix * np.sqrt(0.3), sparse.csr_matrix(semantic * np.sqrt(0.7))],
                         format="csr", dtype=np.float32)


def test_only_a_semantic_channel_is_searched_as_dense_columns(corpus_rows):
    _, matrix, _ = corpus_rows
    assert similarity.dense_channel(matrix) is None  # common n-grams carry little weight
    hybrid = _with_semantic_columns(matrix)
    assert set(range(matrix.shape[1], hybrid.shape[1])) <= set(similarity.dense_channel(hybrid))


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
    monkeypatch.setattr(neighbour_search, "EXACT_LIMIT", 10)
    indices, values = neighbour_search.top_neighbours(copies, 5, exclude_group=groups)
    expected = (copies @ copies.T).toarray()
    found = indices >= 0
    rows = np.repeat(np.arange(copies.shape[0]), 5).reshape(-1, 5)
    assert values[found] == pytest.approx(expected[rows[found], indices[found]], abs=1e-5)
    last = copies.shape[0] - 3
    assert values[last].tolist() == values[last + 1].tolist() == values[last + 2].tolist()


def test_dense_pair_similarities_round_alike_both_ways():
    dense = np.random.default_rng(2).standard_normal((300, 384)).astype(np.float32)
    first, second = np.triu_indices(300, k=1)
    forward = similarity.dense_pair_similarities(dense, first, second)
    assert (forward == similarity.dense_pair_similarities(dense, second, first)).all()
    assert forward == pytest.approx(np.einsum("ij,ij->i", dense[first], dense[second]),
                                    abs=1e-5)


# --- Neighbours by language --------------------------------------------------------------


def _two_language_rows(stories: int = 12, seed: int = 3):
    """A story told once in English and once in German, each by its own outlet.

    Every row leans on its language's direction (0.8) more than on its story's (0.6):
    any English row is nearer (about 0.64) to every other English row than to the German
    telling of its own story (about 0.36), as sentence models place translations.
    """
    rng = np.random.default_rng(seed)
    width = 2 + stories
    rows, languages = [], []
    for language, axis in (("en", 0), ("de", 1)):
        for story in range(stories):
            row = np.zeros(width)
            row[axis], row[2 + story] = 0.8, 0.6
            rows.append(row + rng.normal(0, 0.02, width))
            languages.append(language)
    matrix = np.array(rows, dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix, np.arange(2 * stories), languages


def test_by_language_a_row_finds_its_translation_behind_nearer_same_language_rows():
    matrix, outlets, languages = _two_language_rows()
    one_list, _ = neighbour_search.top_neighbours(matrix, 4, exclude_group=outlets)
    assert not any(languages[j] != languages[i] for i, row in enumerate(one_list) for j in row)
    indices, values = neighbour_search.top_neighbours(matrix, 4, exclude_group=outlets,
                                                languages=languages)
    assert indices.shape == (24, 4 + neighbour_search.other_language_neighbours(4))
    for row in range(12):
        assert row + 12 in indices[row] and row in indices[row + 12]
    assert (np.diff(values, axis=1) <= 0).all()  # one list, best first


def test_each_language_gives_its_share_of_neighbours(corpus_rows, search):
    _, matrix, outlets = corpus_rows
    # The seed articles are Indonesian: three made-up languages, an outlet each, make
    # the lists as a batch in three languages would.
    languages = np.array(["xa", "xb", "xc"])[outlets % 3]
    indices, _ = neighbour_search.top_neighbours(matrix, 6, exclude_group=outlets,
                                           languages=languages.tolist())
    share = neighbour_search.other_language_neighbours(6)
    assert 0 < share < 6
    assert indices.shape[1] == 6 + 2 * share
    for row, found in enumerate(indices):
        found = found[found >= 0]
        assert not (outlets[found] == outlets[row]).any()
        own = languages[found] == languages[row]
        assert own.sum() <= 6
        for language in set(languages[found[~own]]):
            assert (languages[found] == language).sum() <= share


def test_language_lists_are_the_exact_best_of_each_language(corpus_rows, search):
    _, matrix, outlets = corpus_rows
    languages = np.array(["xa", "xb"])[outlets % 2]
    indices, values = neighbour_search.top_neighbours(matrix, 4, exclude_group=outlets,
                                                languages=languages.tolist())
    products = (matrix @ matrix.T).toarray()
    np.fill_diagonal(products, -np.inf)
    products[outlets[:, None] == outlets[None, :]] = -np.inf
    for row in range(matrix.shape[0]):
        for language, wanted in (("xa", 4 if languages[row] == "xa" else 2),
                                 ("xb", 4 if languages[row] == "xb" else 2)):
            eligible = np.flatnonzero((languages == language) & np.isfinite(products[row]))
            best = np.sort(products[row, eligible])[::-1][:wanted]
            found = values[row][(indices[row] >= 0) & (languages[indices[row]] == language)]
            assert np.sort(found)[::-1] == pytest.approx(best, abs=1e-5)


def test_one_language_is_searched_as_without_languages(corpus_rows, search):
    _, matrix, outlets = corpus_rows
    plain = neighbour_search.top_neighbours(matrix, 10, exclude_group=outlets)
    one = neighbour_search.top_neighbours(matrix, 10, exclude_group=outlets,
                                    languages=["id"] * matrix.shape[0])
    assert (one[0] == plain[0]).all() and (one[1] == plain[1]).all()


def test_lists_by_language_are_not_answered_from_a_plain_search(corpus_rows):
    _, matrix, outlets = corpus_rows
    languages = np.array(["xa", "xb"])[outlets % 2].tolist()
    plain = neighbour_search.top_neighbours(matrix, 10, exclude_group=outlets)
    by_language = neighbour_search.top_neighbours(matrix, 10, exclude_group=outlets,
                                            languages=languages)
    assert by_language[0].shape[1] == 10 + neighbour_search.other_language_neighbours(10)
    assert plain[0].shape[1] == 10
    again = neighbour_search.top_neighbours(matrix, 10, exclude_group=outlets, languages=languages)
    assert (again[0] == by_language[0]).all()
    assert neighbour_search.top_neighbours(matrix, 10, exclude_group=outlets)[0].shape[1] == 10


def test_hybrid_lists_by_language_through_the_index_are_the_exact_ones(corpus_rows, monkeypatch):
    _, matrix, outlets = corpus_rows
    hybrid = _with_semantic_columns(matrix)
    languages = np.array(["xa", "xb", "xc"])[outlets % 3].tolist()
    exact = neighbour_search.top_neighbours(hybrid, 4, exclude_group=outlets, languages=languages)
    monkeypatch.setattr(neighbour_search, "EXACT_LIMIT", 10)
    indexed = neighbour_search.top_neighbours(hybrid, 4, exclude_group=outlets, languages=languages)
    assert indexed[1] == pytest.approx(exact[1], abs=1e-5)
