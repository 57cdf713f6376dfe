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

Two more keep the cost bounded whatever the input (tests/test_sentences.py again):

- Digits are read by pysbd as a class (``[0-9]``), never by value, except in
  its numbered-list rules ("1. ... 2. ..."). A paragraph without a numbered-list
  marker is therefore split as its copy with every digit set to 0, and the splits are
  cached under that copy: reprints whose figures differ ("3.000" here, "3.500" there)
  cost one split, not fifty.
- pysbd's time grows faster than linearly with a paragraph's length (one line of
  100 KB: 4.0 s; in windows, 0.8 s). Text longer than ``WINDOW`` characters is split a
  window at a time: the sentences ending before the window's last ``MARGIN``
  characters are kept, and the next window takes up the first one not kept with up
  to ``MARGIN`` characters before it as context: every boundary kept was decided with
  text on both sides, as in the whole text. On the devset's 42 articles and corpus/,
  each one line, the splits are pysbd's; on one line per devset event (10-15 KB),
  where whole-text pysbd leaves "sentences" of thousands of characters (an unclosed
  quote hides every boundary after it), windows split them (113 of 467 differ).
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
# pysbd's numbered-list candidates (pysbd/lists_item_replacer.py, NUMBERED_LIST_REGEX_1
# and NUMBERED_LIST_PARENS_REGEX): the only rules that read a digit's value.
_NUMBERED_LIST = re.compile(r"(?:^|\s|-|⁃)\d{1,2}(?=\.[\s)])|\d{1,2}(?=\)\s)")


# Characters given to pysbd at once: 4,000 took 23 ms and 8,000 40 ms here (about 5 us a
# character); the margin is far more than any rule looks ahead.
WINDOW = 5000
MARGIN = 500
_DIGIT = re.compile(r"[0-9]")


def split_sentences(text: str) -> list[str]:
    """What ``pysbd.Segmenter(language="en", clean=False).segment(text)`` returns.

    Text longer than ``WINDOW`` characters is split in windows, in time linear in
    its length (see the module's docstring).
    """
    if _is_one_sentence(text):
        return [text]
    if len(text) <= WINDOW:
        return [text[start:end] for start, end in _pysbd_spans(_digit_blind(text))]
    return _split_in_windows(text)


def _split_in_windows(text: str) -> list[str]:
    pieces: list[str] = []
    start = 0  # where the next sentence starts
    context = 0  # where the window starts: up to MARGIN characters before ``start``
    while len(text) - context > WINDOW:
        limit = context + WINDOW - MARGIN
        spans = _spans_from(text, context, context + WINDOW, start)
        kept = [span for span in spans if span[1] <= limit] or spans[:1]
        if len(spans) < 2 and not kept[0][1] <= limit:  # no boundary in a whole window
            cut = text.rfind(" ", start, limit) + 1  # not prose: cut at a space
            kept = [(start, cut if cut > start else limit)]
        pieces.extend(text[begin:end] for begin, end in kept)
        following = next((begin for begin, _ in spans if begin >= kept[-1][1]), kept[-1][1])
        # The last sentence kept is read again as the next window's left context: a
        # window starting on "1. Ada ..." would take it for a numbered list.
        context, start = max(kept[-1][0], following - MARGIN), following
    tail = _spans_from(text, context, len(text), start)
    pieces.extend(text[begin:end] for begin, end in tail)
    return pieces


def _spans_from(text: str, window_start: int, window_end: int, start: int
                ) -> list[tuple[int, int]]:
    """pysbd's sentence spans in ``text[window_start:window_end]`` from ``start`` on.

    Text from ``start`` up to the first span found there, a boundary that the left
    context undid, joins that span.
    """
    window = text[window_start:window_end]
    spans = [(window_start + begin, window_start + end)
             for begin, end in _pysbd_spans(_digit_blind(window))
             if window_start + begin >= start]
    if not spans:
        return [(start, window_end)] if text[start:window_end].strip() else []
    if spans[0][0] > start:
        spans[0] = (start, spans[0][1])
    return spans


def _digit_blind(text: str) -> str:
    """``text`` with every digit 0, when pysbd's splits cannot depend on digit values."""
    if not _DIGIT.search(text) or _NUMBERED_LIST.search(text):
        return text
    return _DIGIT.sub("0", text)


@lru_cache(maxsize=16384)
def _pysbd_spans(text: str) -> tuple[tuple[int, int], ...]:
    # Outlets running the same wire copy repeat whole paragraphs: 58% of the 10k
    # benchmark's paragraphs that reach pysbd are repeats, and more once digits are
    # set aside (the benchmark's devset reprint batch: 1,614 distinct paragraphs reach
    # pysbd, 540 once digits are set to 0).
    return tuple((span.start, span.end) for span in _segmenter().segment(text))


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

    return Segmenter(language="en", clean=False, char_span=True)
