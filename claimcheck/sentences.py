"""pysbd's sentence splitting, without its per-call costs where they buy nothing.

pysbd has no Indonesian model; its English rules split Indonesian and German news well
(quotes stay with their sentence; "Dr.", "A.S.", "3.000", "16/8/2021"). It costs about
0.6 ms a paragraph, most of a 10k-sentence run, so two things are cut without changing
a single split (tests/test_sentences.py checks both against plain pysbd):

- A paragraph pysbd cannot split is returned whole. ``_ONE_SENTENCE`` is that set: no
  sentence punctuation but a final period (or a final '.”' closing a “...” pair; other
  dots only inside numbers, "3.000"), no line breaks, no doubled spaces, and no
  character pysbd uses as a placeholder. pysbd hides dots inside numbers and quotes
  behind placeholders before splitting, so only the final period is left to split on;
  the rules that split text without one are checked directly: an opening quote or
  bracket closed before a capital ('"Siap" Kata ...'), a closing quote after a hyphen
  before a capital, parentheses between double quotes, and two list markers ("(a) ...
  (b)", "1) ... 2)"). 94% of the benchmark's paragraphs and 59% of corpus/'s lines and
  paragraphs take this path.
- pysbd locates each sentence with a regex built from it; ``str.find`` finds the same.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Latin letters (with Latin-1 and Extended-A accents) and digits: none is a pysbd
# placeholder (those are Extended-B letters such as "ȸ" and "ƪ", and symbols).
_WORD_CHAR = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f"
_ONE_SENTENCE = re.compile(
    rf"[{_WORD_CHAR}\"“”‘’'(]"
    rf"(?:[{_WORD_CHAR},:;%/&'\"“”‘’()\u2013\u2014-]|(?<=\d)\.(?=\d)| (?=[^ ]))*"
    r"(?P<end>\.”?)?")
# pysbd's boundary regex reads a quote or bracket that opens the text up to its closer
# as a sentence of its own when a capital follows ('"Siap" Kata ...'). For double quotes
# its own alternatives decide (no rule adds, drops or moves a quote or comma); single
# quotes and brackets can be rewritten first, so any such closer sends the text to pysbd.
_OPENING_QUOTE_SENTENCE = re.compile(r'\"(?:[^\"])*[^,]\"(?=\s[A-Z])|\“(?:[^\”])*[^,]\”(?=\s[A-Z])')
_CLOSER_BEFORE_CAPITAL = re.compile(r"[')](?=\s[A-Z])")
# pysbd's own patterns (pysbd/lang/common/common.py, lists_item_replacer.py) for the
# rules that split text without sentence punctuation.
_QUOTE_BEFORE_CAPITAL = re.compile(r"[!?\.-][\"\'“”]\s{1}[A-Z]")
_PARENS_BETWEEN_QUOTES = re.compile(r"[\"”]\s\(.*\)\s[\"“]")
_LETTER_LIST_MARKER = re.compile(r"(?<=\()[a-z]+(?=\))|(?<=^)[a-z]+(?=\))|(?<=\s)[a-z]+(?=\))")
_NUMBER_LIST_MARKER = re.compile(r"\d{1,2}(?=\)\s)")
_LIST_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz") | frozenset(
    "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split())
_SPACES = re.compile(r"\s*")


def split_sentences(text: str) -> list[str]:
    """What ``pysbd.Segmenter(language="en", clean=False).segment(text)`` returns."""
    if _is_one_sentence(text):
        return [text]
    return list(_split_with_pysbd(text))


@lru_cache(maxsize=4096)
def _split_with_pysbd(text: str) -> tuple[str, ...]:
    # Outlets running the same wire copy repeat whole paragraphs: 58% of the 10k
    # benchmark's paragraphs that reach pysbd are repeats.
    return tuple(_segmenter().segment(text))


def _is_one_sentence(text: str) -> bool:
    match = _ONE_SENTENCE.fullmatch(text)
    if not match:
        return False
    if match["end"] == ".”":
        # pysbd keeps a closing '.”' only when the period is inside a “...” pair.
        body = text[:-2]
        if body.rfind("“") <= body.rfind("”"):
            return False
    if text[0] in "\"“" and _OPENING_QUOTE_SENTENCE.match(text):
        return False
    if text[0] in "'(" and _CLOSER_BEFORE_CAPITAL.search(text):
        return False
    if _QUOTE_BEFORE_CAPITAL.search(text) or _PARENS_BETWEEN_QUOTES.search(text):
        return False
    if ")" in text:
        markers = [m for m in _LETTER_LIST_MARKER.findall(text) if m in _LIST_LETTERS]
        if len(markers) > 1 or len(_NUMBER_LIST_MARKER.findall(text)) > 1:
            return False
    return True


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd
    from pysbd.utils import TextSpan

    class Segmenter(pysbd.Segmenter):
        """pysbd with its sentence-locating step done by ``str.find``, same spans.

        pysbd finds each sentence in the input with a regex built from the sentence
        (``re.escape(sentence) + r"\\s*"``): one compile per sentence, and each evicts an
        entry from ``re``'s 512-pattern cache, so pysbd's own patterns are compiled
        again and again. That was 40% of segmenting 10k sentences (9,769 compiles).
        """

        def sentences_with_char_spans(self, sentences):
            if not all(sentences):  # "" matches everywhere: leave that to pysbd's loop
                return super().sentences_with_char_spans(sentences)
            spans = []
            prior_end = 0
            text = self.original_text
            for sentence in sentences:
                position = 0
                while (start := text.find(sentence, position)) >= 0:
                    end = _SPACES.match(text, start + len(sentence)).end()
                    if end > prior_end:
                        spans.append(TextSpan(text[start:end], start, end))
                        prior_end = end
                        break
                    position = end
            return spans

    return Segmenter(language="en", clean=False)
