"""Nearest neighbours over sentence rows without ever holding an n x n matrix."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from scipy import sparse

# Rows per block: a block of similarities is BLOCK x n float32 (40 MB at n = 10,000).
BLOCK = 1024


def similarity_blocks(matrix, block: int = BLOCK) -> Iterator[tuple[int, np.ndarray]]:
    """Yield ``(first_row, rows @ matrix.T)`` as dense float32 blocks."""
    transposed = matrix.T.tocsc() if sparse.issparse(matrix) else matrix.T
    for start in range(0, matrix.shape[0], block):
        rows = matrix[start:start + block]
        product = rows @ transposed
        if sparse.issparse(product):
            product = product.toarray()
        yield start, np.asarray(product, dtype=np.float32)


def top_neighbours(matrix, k: int, exclude_group: np.ndarray | None = None
                   ) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` most similar other rows of each row: (indices, similarities), best first.

    Rows sharing ``exclude_group[i]`` with row i (the same outlet) are never neighbours.
    Missing neighbours are -1 with similarity -inf.
    """
    count = matrix.shape[0]
    k = max(0, min(k, count - 1))
    indices = np.full((count, k), -1, dtype=np.int64)
    similarities = np.full((count, k), -np.inf, dtype=np.float32)
    if k == 0:
        return indices, similarities
    for start, block in similarity_blocks(matrix):
        rows = np.arange(start, start + block.shape[0])
        block[np.arange(block.shape[0]), rows] = -np.inf
        if exclude_group is not None:
            block[exclude_group[rows][:, None] == exclude_group[None, :]] = -np.inf
        part = np.argpartition(-block, k - 1, axis=1)[:, :k]
        values = np.take_along_axis(block, part, axis=1)
        order = np.argsort(-values, axis=1)
        part = np.take_along_axis(part, order, axis=1)
        values = np.take_along_axis(values, order, axis=1)
        part[~np.isfinite(values)] = -1
        indices[rows] = part
        similarities[rows] = values
    return indices, similarities


def pair_similarity(matrix, a: int, b: int) -> float:
    product = matrix[a] @ matrix[b].T
    if sparse.issparse(product):
        product = product.toarray()
    return float(np.asarray(product).ravel()[0])
