import re

from claimcheck.extract.word_tries import trie_alternation

WORDS = ["us", "usa", "u.s.", "uk", "indonesia", "india", "in", "inggris raya", "inggris"]


def _flat(words):
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def test_trie_matches_the_flat_longest_first_alternation():
    text = "usa and us, u.s. india indonesian inggris raya inggris rayah in indiana"
    for wrapper in (r"(?<!\w)({})(?!\w)", r"({})", r"({})\b"):
        flat = re.compile(wrapper.format(_flat(WORDS)))
        trie = re.compile(wrapper.format(trie_alternation(WORDS)))
        assert [m.span(1) for m in trie.finditer(text)] == \
            [m.span(1) for m in flat.finditer(text)]


def test_longest_word_that_lets_the_rest_match():
    pattern = re.compile(rf"({trie_alternation(['inggris', 'inggris raya'])})(?!\w)")
    assert pattern.search("Inggris raya".lower()).group(1) == "inggris raya"
    assert pattern.search("inggris rayah").group(1) == "inggris"


def test_special_characters_are_escaped():
    assert re.fullmatch(trie_alternation(["a.s.", "(x)"]), "a.s.")
    assert re.fullmatch(trie_alternation(["a.s.", "(x)"]), "abs.") is None
