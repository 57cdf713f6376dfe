"""Sentence representations: a semantic channel (sentence-transformers) and a lexical one.

The default model is the multilingual e5 (``claimcheck.embed.model_loader``), trusted on every
language. Measured on the Indonesian seeds (../shared/NOTES.md), the English
all-MiniLM-L6-v2 (the fallback where e5 is unavailable) ranks the right partner
sentence at median 30 of ~100; character n-grams at 4, because names, numbers and
cognates survive translation. The ``hybrid`` embedder therefore weights the semantic
channel only on text in a language its model was trained on (a weight above zero
elsewhere measured worse than n-grams alone: ``benchmarks/partner_rank.py``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np
from scipy import sparse

from claimcheck.embed.cache import EmbeddingCache
from claimcheck.embed.char_ngrams import char_wb_counts
from claimcheck.embed.model_loader import (
    UNKNOWN,
    LoadedModel,
    ModelIdentity,
    identify_model,
    load_sentence_transformer,
)
from claimcheck.embed.threads import Background
from claimcheck.errors import ConfigError

Matrix = np.ndarray | sparse.csr_matrix

# Thousands separators differ by locale ("3.000" / "3,000" / "3 000"); the lexical
# channel compares digits, not conventions.
_GROUPED_NUMBER = re.compile(r"(?<=\d)[.,  ](?=\d{3}\b)")


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns sentences into rows whose dot products are similarities."""

    name: str

    def embed(self, texts: Sequence[str], languages: Sequence[str] | None = None) -> Matrix:
        """One L2-normalised row per text (dense array or CSR matrix)."""
        ...


class LexicalEmbedder:
    """Character n-gram TF-IDF (as scikit-learn's): names, numbers and cognates; no torch."""

    name = "lexical (char 3-5-gram TF-IDF)"

    def __init__(self, ngram_range: tuple[int, int] = (3, 5)) -> None:
        self.ngram_range = ngram_range

    def embed(self, texts: Sequence[str], languages: Sequence[str] | None = None) -> Matrix:
        if not texts:
            return sparse.csr_matrix((0, 0), dtype=np.float32)
        # TfidfVectorizer(analyzer="char_wb", sublinear_tf=True), its counting done once
        # per distinct word (claimcheck.embed.char_ngrams).
        counts, _ = char_wb_counts([_GROUPED_NUMBER.sub("", text) for text in texts],
                                   self.ngram_range)
        if counts.shape[1] == 0:  # nothing but whitespace: no feature to weigh
            return sparse.csr_matrix((len(texts), 0), dtype=np.float32)
        matrix = sublinear_tfidf(counts)
        # Ordered columns let the similarity search use the matrix as it is (no copy).
        matrix.sort_indices()
        return matrix


def sublinear_tfidf(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """scikit-learn's ``TfidfTransformer(sublinear_tf=True).fit_transform(counts)``, bit for
    bit (tested): ``1 + log(tf)`` times the smoothed idf, rows scaled to unit length.

    Written out because importing scikit-learn for it took 0.73 s, more than the
    transform of 10,000 sentences (0.2 s), and the large batches that need the time use
    nothing else of it (their topics are graph components).
    """
    matrix = sparse.csr_matrix(counts, copy=True)
    rows, width = matrix.shape
    kind = matrix.dtype if matrix.dtype in (np.float32, np.float64) else np.float64
    matrix = matrix.astype(kind, copy=False)
    document_frequency = np.bincount(matrix.indices, minlength=width).astype(kind) + 1.0
    idf = np.full_like(document_frequency, rows + 1)
    idf /= document_frequency
    np.log(idf, out=idf)
    idf += 1.0
    np.log(matrix.data, out=matrix.data)
    matrix.data += 1.0
    matrix.data *= idf[matrix.indices]
    # Each row's sum of squares in double precision, term by term, as scikit-learn's
    # normaliser adds them.
    lengths = np.diff(matrix.indptr)
    filled = lengths > 0
    sums = np.zeros(rows)
    sums[filled] = np.add.reduceat((matrix.data * matrix.data).astype(np.float64),
                                   matrix.indptr[:-1][filled])
    norms = np.sqrt(sums)
    norms[norms == 0] = 1.0
    matrix.data = (matrix.data / np.repeat(norms, lengths)).astype(kind)
    return matrix


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, from a local folder, the local cache or a wheel.

    The model is loaded only when something must be encoded: sentences found in the
    embedding cache need nothing but the model's identity (its folder's digest).
    """

    def __init__(self, model: str | None = None, cache: EmbeddingCache | None = None,
                 batch_size: int = 32, backend: str | None = None) -> None:
        self.model_name = model
        self.cache = cache
        self.batch_size = batch_size
        self.backend = backend
        self._identity: ModelIdentity | None = None
        self._loaded: LoadedModel | None = None
        self._loading = threading.RLock()

    @property
    def identity(self) -> ModelIdentity:
        if self._identity is None:
            self._identify()
        return self._identity

    def _identify(self) -> None:
        with self._loading:  # ``prepare`` may be reading it on another thread
            if self._identity is None:
                # The converted default model lives beside the embedding cache (a store
                # used as a cache has no folder: the default cache directory then).
                self._identity = identify_model(self.model_name, self.backend,
                                                getattr(self.cache, "directory", None))

    @property
    def loaded(self) -> LoadedModel:
        if self._loaded is None:
            identity = self.identity
            with self._loading:  # ``prepare`` may be loading it on another thread
                if self._loaded is None:
                    self._loaded = load_sentence_transformer(identity=identity)
        return self._loaded

    def prepare(self, texts: Sequence[str], languages: Sequence[str] | None = None) -> None:
        """Load the model now if embedding ``texts`` will need it (one is not cached)."""
        found = self.cache.get_many(self.identity.key, texts) if self.cache else {}
        if any(text not in found for text in texts):
            _ = self.loaded

    @property
    def name(self) -> str:
        identity = self.identity
        return identity.name if identity.backend == "torch" else \
            f"{identity.name}, {identity.backend}"

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the user should hear once: the default model had to fall back."""
        return (self.identity.warning,) if self.identity.warning else ()

    @property
    def languages(self) -> frozenset[str] | None:
        """Languages the model was trained on; ``None`` means many (multilingual)."""
        known = self.identity.languages
        return self.loaded.languages if known == UNKNOWN else known

    def embed(self, texts: Sequence[str], languages: Sequence[str] | None = None) -> Matrix:
        if not texts:
            return np.zeros((0, self.loaded.dimension), dtype=np.float32)
        key = self.identity.key
        found = self.cache.get_many(key, texts) if self.cache else {}
        missing = list(dict.fromkeys(text for text in texts if text not in found))
        if missing:
            vectors = self.loaded.model.encode(missing, batch_size=self.batch_size,
                                               normalize_embeddings=True,
                                               convert_to_numpy=True,
                                               show_progress_bar=False).astype(np.float32)
            fresh = dict(zip(missing, vectors, strict=True))
            if self.cache:
                self.cache.put_many(key, fresh)
            found = {**found, **fresh}
        return np.vstack([found[text] for text in texts]).astype(np.float32)


class HybridEmbedder:
    """Semantic and lexical channels side by side, weighted by language coverage.

    The dot product of two rows is ``sqrt(l_i l_j) * lexical + sqrt(s_i s_j) * semantic``
    with ``s = semantic_weight`` where the model knows the sentence's language and
    ``foreign_weight`` elsewhere (``l = 1 - s``).
    """

    def __init__(self, semantic: SentenceTransformerEmbedder,
                 lexical: LexicalEmbedder | None = None, semantic_weight: float = 0.7,
                 foreign_weight: float = 0.0) -> None:
        if not 0 <= foreign_weight <= 1 or not 0 <= semantic_weight <= 1:
            raise ConfigError("embedding channel weights must lie between 0 and 1")
        self.semantic = semantic
        self.lexical = lexical or LexicalEmbedder()
        self.semantic_weight = semantic_weight
        self.foreign_weight = foreign_weight

    @property
    def name(self) -> str:
        return f"hybrid ({self.semantic.name} + {self.lexical.name})"

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.semantic.warnings

    def _weights(self, texts: Sequence[str], languages: Sequence[str] | None) -> np.ndarray:
        known = self.semantic.languages
        return np.array([
            self.semantic_weight if (known is None or (lang or "en") in known)
            else self.foreign_weight
            for lang in (languages or ["en"] * len(texts))
        ], dtype=np.float32)

    def prepare(self, texts: Sequence[str], languages: Sequence[str] | None = None) -> None:
        """Load the model now if embedding ``texts`` will need it."""
        used = np.flatnonzero(self._weights(texts, languages) > 0)
        self.semantic.prepare([texts[i] for i in used])

    def embed(self, texts: Sequence[str], languages: Sequence[str] | None = None) -> Matrix:
        if not texts:
            return self.lexical.embed(texts, languages)
        known = self.semantic.languages
        weights = self._weights(texts, languages)
        used = np.flatnonzero(weights > 0)
        if not used.size:
            # No sentence in a language the model knows: its columns would all be zero,
            # and the model is not even loaded (an Indonesian batch with English MiniLM).
            return self.lexical.embed(texts, languages)
        # The model encodes on its own thread while the n-grams are counted here.
        semantic_rows = Background(lambda: self.semantic.embed([texts[i] for i in used]),
                                   name="claimcheck-semantic")
        lexical = self.lexical.embed(texts, languages)
        vectors = np.asarray(semantic_rows.result(), dtype=np.float32)
        # Centring removes the component every sentence shares, which otherwise gives
        # unrelated sentences cosines of 0.5 and more (an English model on the seeds). A
        # multilingual model's shared component carries what a sentence and its
        # translation have in common: centring it away cost the multilingual e5 model 11
        # of the development set's 121 cross-language gold pairs among the candidates
        # (90 -> 101 without it; same-language 42 of 46 either way;
        # benchmarks/partner_rank.py).
        if used.size > 1 and known is not None:
            vectors = vectors - vectors.mean(axis=0, keepdims=True)
        semantic = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
        semantic[used] = _normalise_rows(vectors)
        # Each row scaled in place of a diagonal product, which leaves the columns of a
        # row out of order and cost a sort of the whole matrix (0.1 s at 10,000).
        lexical = sparse.csr_matrix(lexical)
        lexical_part = sparse.csr_matrix(
            (lexical.data * np.repeat(np.sqrt(1 - weights), np.diff(lexical.indptr)),
             lexical.indices, lexical.indptr), shape=lexical.shape)
        semantic_part = sparse.csr_matrix(semantic * np.sqrt(weights)[:, None])
        matrix = sparse.hstack([lexical_part, semantic_part], format="csr", dtype=np.float32)
        matrix.sort_indices()
        return matrix


def _normalise_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


# The built-in embedders' factories, registered as ``claimcheck.embedders`` entry points
# (``claimcheck.plugins``): each is called with the configuration and an embedding cache.


def lexical(config, cache: EmbeddingCache | None = None) -> LexicalEmbedder:
    """Character n-grams only: no model, no torch."""
    return LexicalEmbedder()


def semantic(config, cache: EmbeddingCache | None = None) -> SentenceTransformerEmbedder:
    """The sentence-transformers model alone."""
    return SentenceTransformerEmbedder(config.model, cache)


def hybrid(config, cache: EmbeddingCache | None = None) -> HybridEmbedder:
    """The model and character n-grams, weighted by the model's languages."""
    return HybridEmbedder(SentenceTransformerEmbedder(config.model, cache))


def make_embedder(kind: str = "hybrid", model: str | None = None,
                  cache: EmbeddingCache | None = None, backend: str | None = None) -> Embedder:
    """Build the embedder registered as ``kind`` (the ``--embedder`` choices).

    ``backend`` (``torch``, ``onnx``, ``onnx-int8``) runs the model; ``None`` reads
    ``$CLAIMCHECK_BACKEND``, else picks int8 ONNX for the default multilingual e5 model and
    torch for any other.
    """
    if backend is not None and kind in ("semantic", "hybrid"):
        semantic_part = SentenceTransformerEmbedder(model, cache, backend=backend)
        return semantic_part if kind == "semantic" else HybridEmbedder(semantic_part)
    from claimcheck.config import CheckConfig
    from claimcheck.plugins import EMBEDDERS

    return EMBEDDERS.factory(kind)(CheckConfig(embedder=kind, model=model), cache)
