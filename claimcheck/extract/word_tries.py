"""Literal word lists as regex alternations that share their prefixes.

re tries a flat alternation ("januari|january|...") one word at a time at every position
of the text; the same words as a trie ("janu(?:ari|ary)|...") try one branch per
character. On 10k sentences the country names went from 70 µs to 6 µs a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_alternation(words: Iterable[str]) -> str:
    """``words`` as one regex alternation that prefers the longest word.

    Where several words match at one position, continuing is tried before stopping, so
    with backtracking on what follows the match is the longest word that lets the rest of
    the pattern match: exactly as the flat alternation of the words sorted longest first.
    That holds for case-sensitive patterns; under IGNORECASE two branches ("J", "j") can
    both match, so use it there only where any match will do (a search for presence).
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def alternation(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + alternation(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return alternation(trie)
