"""Clean page furniture off an article and split what remains into sentences.

Furniture is recognised by its shape, not by the sample's words: a section marker
("Baca Juga", "Berita Terkait", "Read more", "Lesen Sie auch") followed by link
lists, breadcrumbs, photo credits, bylines, author blurbs made of short fragments,
headline-shaped lines without sentence punctuation, and repeated pull quotes.
Everything dropped is kept as a ``DroppedLine`` with its reason.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.ingest.ingest import dateline_length
from claimcheck.models import Document, DroppedLine, SegmentedDocument, Sentence
from claimcheck.segment.sentences import split_sentences

# A marker that ends the article: whatever follows is a sidebar of other stories.
_SIDEBAR_MARKER = re.compile(
    r"^\W*(berita|artikel|video|konten|baca) (terkait|lainnya|populer|pilihan)|"
    r"^\W*(terpopuler|terkini|terbaru|pilihan( editor| redaksi)?|populer|rekomendasi|"
    r"trending|tags?|topik( terkait)?|most (read|popular|viewed|shared)|"
    r"related( articles| stories| news| coverage| content)?|more (stories|from|news)|"
    r"latest( news| stories)?|recommended( for you)?|you may also like|"
    r"mehr zum thema|weitere artikel|meistgelesen|das könnte sie auch interessieren|"
    r"auch interessant)\W*$",
    re.IGNORECASE,
)
# A marker that introduces one link inside the article ("Baca Juga: <headline>").
_INLINE_LINK_MARKER = re.compile(
    r"^\W*(baca juga|baca pula|lihat juga|simak juga|tonton juga|cek juga|"
    r"read more|read also|see also|also read|watch|lesen sie auch|siehe auch|mehr dazu)\b\W*",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"^(home|beranda|startseite|news)\s*[>»/|›]?\s+\S", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(
    r"\((foto|photo|image|gambar|bild|ilustrasi|illustration|credit|sumber foto)\s*:|"
    r"^(foto|photo|image|gambar|bild|ilustrasi|caption|credit)\s*:|"
    r"\b(getty images|shutterstock|istock)\b|©",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(oleh|by|von|penulis|reporter|editor|pewarta|redaktur|kontributor|author|written by|"
    r"text|autor|autorin)\s*:?\s+\S.{0,60}$",
    re.IGNORECASE,
)
# Wire-service sign-offs: "Reporting by Jane Doe; Editing by John Roe".
_CREDITS = re.compile(r"^(additional )?(reporting|editing|writing|compiled|produced|"
                      r"translated|graphics?) by\b", re.IGNORECASE)
# Agency and publisher sign-offs kept by copy-paste: contribution credits, rights
# notices, the agency's standards line.
_CONTRIBUTED = re.compile(r"\bcontributed( reporting)?( to)? (this|the) (report|story)\b|"
                          r"\b(turut|ikut) (berkontribusi|melaporkan)\b|^mitarbeit\s*:",
                          re.IGNORECASE)
_RIGHTS = re.compile(r"^\W*((copyright|hak cipta)\s*(©|\(c\))?\s*\d{4}|©|\(c\)\s*\d{4})|"
                     r"all rights reserved|"
                     r"alle rechte vorbehalten|hak cipta dilindungi|may not be (published|"
                     r"reproduced|redistributed)|^our standards\s*:", re.IGNORECASE)
_ABOUT_AUTHOR = re.compile(r"^\W*(tentang penulis|about the author|über den autor)", re.I)
# Editor initials and empty brackets that close Indonesian articles: "[ham]", "(ant)", "[]".
_TRAILING_TAG = re.compile(r"\s*[\[(]\s*[a-z]{0,4}\s*[\])]\s*$")
_SENTENCE_END = re.compile(r"[.!?…]['\"”’»)\]]*\s*$|[\"”’»]\s*$|:\s*$")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    number: int


def segment_document(document: Document, language: str) -> SegmentedDocument:
    """Drop furniture from ``document`` and split the rest into sentences."""
    dropped: list[DroppedLine] = []

    def drop(text: str, reason: str, line: int) -> None:
        dropped.append(DroppedLine(document.id, text, reason, line))

    paragraphs = _body_paragraphs(document, drop)
    sentences: list[Sentence] = []
    seen = _SeenSentences()
    for paragraph in paragraphs:
        for text, line in _split_paragraph(paragraph):
            words = set(_WORD.findall(text.casefold()))
            if seen.repeats(words):
                drop(text, "repeated sentence", line)
                continue
            # A kept headline is short and the lead says it again at length: the lead is
            # not a repeat of it, so a headline never counts as an earlier whole.
            seen.add(words, whole=bool(_SENTENCE_END.search(text)))
            sentences.append(Sentence(document.id, len(sentences), text, language, line))
    return SegmentedDocument(document, language, tuple(sentences), tuple(dropped))


def _body_paragraphs(document: Document, drop: Callable[[str, str, int], None]
                     ) -> list[list[_Line]]:
    lines = [_Line(text.strip(), document.first_line + offset)
             for offset, text in enumerate(document.text.splitlines())]
    content = [line for line in lines if line.text]
    last_numbers = {line.number for line in content[-3:]}
    title = (document.title or "").strip().casefold()
    paragraphs: list[list[_Line]] = []
    current: list[_Line] = []
    skip_next_link = False
    in_sidebar = False
    seen_prose = False
    for line in lines:
        text = line.text
        if not text:
            if current:
                paragraphs.append(current)
                current = []
            continue
        if in_sidebar:
            drop(text, "sidebar after a related-links marker", line.number)
            continue
        if _SIDEBAR_MARKER.match(text):
            in_sidebar = True
            drop(text, "related-links marker", line.number)
            continue
        link = _INLINE_LINK_MARKER.match(text)
        if link:
            drop(text, "related link", line.number)
            # "Baca Juga:" alone on its line introduces the next line's headline.
            skip_next_link = not text[link.end():].strip()
            continue
        if skip_next_link:
            skip_next_link = False
            if not _SENTENCE_END.search(text):
                drop(text, "related link", line.number)
                continue
        reason = _furniture_reason(text, title, line.number in last_numbers, seen_prose)
        if reason:
            drop(text, reason, line.number)
            continue
        seen_prose = True
        # A line without closing punctuation continued in lower case is a hard wrap.
        if current and not _SENTENCE_END.search(current[-1].text) and text[:1].islower():
            current.append(line)
        else:
            if current:
                paragraphs.append(current)
            current = [line]
    if current:
        paragraphs.append(current)
    return paragraphs


# Reprints repeat their lines word for word: each distinct line is judged once.
@lru_cache(maxsize=65536)
def _furniture_reason(text: str, title: str, near_end: bool, seen_prose: bool) -> str | None:
    text = _without_trailing_tag(text)
    words = _WORD.findall(text)
    if not _LETTER.search(text):
        return "no words"
    if text.lstrip().startswith(("-", "•", "*", "·")) and not _SENTENCE_END.search(text):
        return "list item"
    if _BREADCRUMB.match(text) and not _SENTENCE_END.search(text):
        return "breadcrumb"
    if _RIGHTS.search(text) and len(words) <= 60:
        return "copyright notice"
    if _PHOTO_CREDIT.search(text) and len(words) <= 25:
        return "photo credit"
    if _BYLINE.match(text) and not _SENTENCE_END.search(text.rstrip(".")):
        return "byline"
    if _CREDITS.match(text) or (_CONTRIBUTED.search(text) and len(words) <= 25):
        return "byline"
    if _ABOUT_AUTHOR.match(text) or (near_end and _is_blurb(text)):
        return "author blurb"
    if title and text.casefold().strip(" .") == title.strip(" ."):
        return "title"
    if not _SENTENCE_END.search(text) and len(words) <= 25 and not _ends_a_sentence(text):
        # The article's own headline carries its claims ("KF205 sinks", "41 dead"): it
        # stays when it states a figure or a code; a sidebar's headlines come after prose.
        if not seen_prose and _DIGIT.search(text) and len(words) >= _HEADLINE_WORDS:
            return None
        return "headline" if not seen_prose else "subheading or sidebar headline"
    return None


def _ends_a_sentence(text: str) -> bool:
    """A line that holds a whole sentence before its last words is prose cut short (a
    scraped paragraph that stops mid-sentence), not a headline: headlines are one phrase."""
    pieces = [piece for piece in split_sentences(text) if piece.strip()]
    return len(pieces) >= 2 and _SENTENCE_END.search(pieces[0]) is not None \
        and len(_WORD.findall(pieces[0])) >= _HEADLINE_WORDS


_DIGIT = re.compile(r"\d")
# Fewer words than this is a label ("Update 2"), not a headline that claims something.
_HEADLINE_WORDS = 4


def _without_trailing_tag(text: str) -> str:
    # The pattern's leading \s* is tried at every position; a tag ends in a bracket.
    if text.rstrip()[-1:] not in (")", "]"):
        return text
    return _TRAILING_TAG.sub("", text)


def _is_blurb(text: str) -> bool:
    """Short verbless fragments in a row ("Communicator. Entrepreneur. Food lover.")."""
    if any(ch.isdigit() for ch in text):  # before splitting: most lines have a digit
        return False
    fragments = [f for f in split_sentences(text.strip("\"“”' ")) if f.strip()]
    if len(fragments) < 3:
        return False
    short = sum(1 for fragment in fragments if len(fragment.split()) <= 4)
    return short >= 0.75 * len(fragments)


def _split_paragraph(paragraph: list[_Line]) -> list[tuple[str, int]]:
    """Sentences of one paragraph with the source line each starts on."""
    text = " ".join(line.text for line in paragraph)
    line_starts = []
    offset = 0
    for line in paragraph:
        line_starts.append((offset, line.number))
        offset += len(line.text) + 1
    cut = dateline_length(text)
    pieces = _merge_fragments(split_sentences(text[cut:]))
    sentences = []
    position = cut
    begins = [begin for begin, _ in line_starts]  # ascending: bisect, not a scan a sentence
    for piece in pieces:
        piece_text = _without_trailing_tag(piece.strip()).strip()
        found = text.find(piece.strip()[:20], position)
        start = found if found >= 0 else position
        position = start + max(len(piece.strip()), 1)
        if not _LETTER.search(piece_text):
            continue
        at = bisect_right(begins, start)
        sentences.append((piece_text, line_starts[at - 1][1] if at else paragraph[0].number))
    return sentences


def _merge_fragments(pieces: list[str]) -> list[str]:
    """Rejoin splits that leave a stub ("... kantor berita. Reuters.") to their sentence."""
    merged: list[list[str]] = []  # parts joined once at the end: no quadratic copying
    for piece in pieces:
        stripped = piece.strip()
        if not stripped:
            continue
        words = _WORD.findall(stripped)
        name_stub = len(words) <= 2 and all(word[:1].isupper() for word in words)
        # "am 23. März": a day written as an ordinal before its month ends no sentence.
        date_split = bool(merged) and _ORDINAL_DAY_END.search(merged[-1][-1]) is not None \
            and _month_start().match(stripped) is not None
        if merged and (name_stub or date_split or stripped[:1].islower()):
            merged[-1].append(stripped)
        else:
            merged.append([stripped])
    return [" ".join(parts) for parts in merged]


_ORDINAL_DAY_END = re.compile(r"(?<![\d.])\d{1,2}\.$")


@lru_cache(maxsize=1)
def _month_start() -> re.Pattern[str]:
    """Any language's month name (or abbreviation) opening a text."""
    from claimcheck.lang.wordlists import all_words

    names = {word for language in all_words() for month in language["calendar"]["months"]
             for word in month if len(word) >= 3}
    alternation = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?:{alternation})\b", re.IGNORECASE)


class _SeenSentences:
    """Word sets of a document's kept sentences, to spot pull quotes and repeated paragraphs.

    A sentence repeats an earlier one when 90% of its words, or of the earlier one's, are
    shared. Comparing with every earlier sentence is quadratic (a one-line article of
    1 MB has 5,300 sentences); past ``_SCAN_LIMIT`` sentences an index finds the only
    possible matches, by pigeonhole: 90% of W's words in E means E holds one of any
    ``n - floor(0.9 n) + 1`` of W's n words, and 90% of E's in W means W holds one of any
    as many of E's. The words chosen are those in the fewest sentences so far, so the
    lists read stay short.
    """

    _SCAN_LIMIT = 64  # a news article's sentences: a plain scan is cheaper than an index

    def __init__(self) -> None:
        self._sets: list[set[str]] = []
        self._by_word: dict[str, list[int]] | None = None
        self._by_rare_word: dict[str, list[int]] = {}
        self._headlines: set[int] = set()

    def repeats(self, words: set[str]) -> bool:
        if len(words) < 5:
            return False
        if self._by_word is None:
            candidates = range(len(self._sets))
        else:
            candidates = {index for word in self._rarest(words)
                          for index in self._by_word.get(word, ())}
            candidates.update(index for word in words
                              for index in self._by_rare_word.get(word, ()))
        for index in candidates:
            earlier = self._sets[index]
            overlap = len(words & earlier)
            if overlap / len(words) >= 0.9 or (
                    index not in self._headlines
                    and overlap / max(len(earlier), 1) >= 0.9):
                return True
        return False

    def add(self, words: set[str], whole: bool = True) -> None:
        if not whole:
            self._headlines.add(len(self._sets))
        self._sets.append(words)
        if self._by_word is not None:
            self._index(len(self._sets) - 1)
        elif len(self._sets) > self._SCAN_LIMIT:
            self._by_word = {}
            for index in range(len(self._sets)):
                self._index(index)

    def _index(self, index: int) -> None:
        words = self._sets[index]
        for word in self._rarest(words):
            self._by_rare_word.setdefault(word, []).append(index)
        for word in words:
            self._by_word.setdefault(word, []).append(index)

    def _rarest(self, words: set[str]) -> list[str]:
        # One more word than the pigeonhole needs when 0.9 n is not whole, so no float
        # rounding of 0.9 n can leave a match out.
        count = len(words) - int(0.9 * len(words)) + 1
        return sorted(words, key=lambda word: (len(self._by_word.get(word, ())), word))[:count]


def segment_documents(documents: Iterable[Document], language: str | None = None
                      ) -> list[SegmentedDocument]:
    """Drop furniture and split every document into sentences, each in its language."""
    documents = list(documents)
    # Declared, else the one given, else detected below.
    languages = [doc.language or language for doc in documents]
    undeclared = [index for index, code in enumerate(languages) if not code]
    if undeclared:  # detected together: lingua reads a batch on all cores
        from claimcheck.segment.language import detect_languages

        found = detect_languages([documents[index].text for index in undeclared])
        for index, code in zip(undeclared, found, strict=True):
            languages[index] = code
    return [segment_document(doc, code) for doc, code in zip(documents, languages, strict=True)]
