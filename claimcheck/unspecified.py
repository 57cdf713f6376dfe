"""Explicitly unknown amounts: "jumlah pasukan tambahan tidak ditentukan",
"refused to say how many", "die Zahl ... ist nicht bekannt".

An outlet that says the number was not given disagrees with one that prints a number;
the numeric judge reports that as an ``unspecified`` conflict, so these phrases become
quantities with no value but with the counted noun, qualifiers and actor filled in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from claimcheck.models import Quantity
from claimcheck.units import QUALIFIERS, counted_class

_NOUN = r"(?P<noun>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,3})"

_PATTERNS = {
    "id": (
        rf"\bjumlah\s+{_NOUN}\s+(?:yang\s+\w+\s+)?(?:masih\s+|juga\s+)?(?:tidak|belum|tak)\s+"
        r"(?:di)?(?:tentukan|ketahui|sebutkan|ungkapkan|jelaskan|umumkan|pastikan|rinci|"
        r"diungkap|disebut|jelas|dirilis|dipublikasikan)",
        r"\b(?:menolak|enggan|tidak|tak|belum)\s+(?:mau\s+)?(?:mengatakan|menyebutkan|"
        r"mengungkapkan|menjelaskan|merinci|memberitahu|menyebut|mengungkap)\s+berapa\s+"
        rf"(?:banyak\s+|jumlah\s+)?{_NOUN}(?=\s+(?:yang|akan|telah|sudah|di|dari)\b|[.,]|$)",
        r"\b(?:tidak|belum|tak)\s+(?:di)?(?:sebutkan|ketahui|jelaskan|jelas)\s+berapa\s+"
        rf"(?:banyak\s+|jumlah\s+)?{_NOUN}(?=\s+(?:yang|akan|telah|sudah|di|dari)\b|[.,]|$)",
    ),
    "en": (
        rf"\bnumber\s+of\s+{_NOUN}\s+(?:\w+\s+){{0,3}}?(?:was|were|is|has|had|have|remains|"
        r"remained)\s+(?:not|n't|never|yet\s+to\s+be|still\s+not)\s+(?:been\s+|yet\s+been\s+)?"
        r"(?:determined|disclosed|specified|given|released|known|announced|confirmed|"
        r"made\s+public|revealed|decided|clear)",
        r"\b(?:refused|declined|did\s+not|didn't|would\s+not|wouldn't|won't|will\s+not|could\s+"
        r"not|couldn't)\s+(?:to\s+)?(?:say|disclose|specify|reveal|give|confirm|tell)\s+"
        rf"how\s+many\s+{_NOUN}(?=\s+(?:would|will|were|are|had|have|was|is|to|in)\b|[.,]|$)",
        rf"\b(?:unclear|not\s+clear|unknown|not\s+known)\s+how\s+many\s+{_NOUN}"
        r"(?=\s+(?:would|will|were|are|had|have|was|is|to|in)\b|[.,]|$)",
        rf"\b(?:undisclosed|unspecified|unknown|undetermined)\s+number\s+of\s+{_NOUN}"
        r"(?=\s+(?:would|will|were|are|had|have|was|is|to|in|of|from)\b|[.,]|$)",
    ),
    "de": (
        rf"\b(?:Zahl|Anzahl)\s+(?:der\s+|an\s+|von\s+)?{_NOUN}\s+(?:\w+\s+){{0,3}}?"
        r"(?:ist|war|wurde|blieb|bleibt|wird)\s+(?:noch\s+)?(?:nicht|unklar|offen|unbekannt)",
        rf"\b(?:offen|unklar|nicht\s+bekannt|unbekannt),?\s+wie\s+viele\s+{_NOUN}"
        r"(?=\s+(?:\w+\s+){0,4}?(?:werden|würden|sollen|sollten|sind|seien)\b|[.,]|$)",
        rf"\b(?:unbekannte|ungenannte)\s+(?:Zahl|Anzahl)\s+(?:von\s+|an\s+)?{_NOUN}"
        r"(?=[\s.,]|$)",
    ),
}
_PATTERNS["ms"] = _PATTERNS["id"]

# A word every pattern of the language needs ("how many", "jumlah", "Anzahl"): most
# sentences hold none and skip the patterns (6 µs a sentence at 10k sentences). Sought in
# str.lower(), which lowers as (?i) matches except for "İ", "ı" and "ſ" (see dates).
_CUES = {"id": ("jumlah", "berapa"), "en": ("number", "how"), "de": ("zahl", "wie")}
_CUES["ms"] = _CUES["id"]
_FOLDS_UNLIKE_LOWER = re.compile("[İıſ]")

_STOP = frozenset("the of der die das den dem des yang itu ini pihak para sebanyak".split())


@lru_cache(maxsize=16)
def _compiled(language: str) -> tuple[re.Pattern[str], ...]:
    patterns = _PATTERNS.get(language, _PATTERNS["en"])
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def find_unspecified(text: str, language: str,
                     actor: Callable[[int], str | None]) -> list[Quantity]:
    """Quantities of kind "unspecified" for every explicitly unknown amount in ``text``.

    Args:
        text: One sentence.
        language: ISO 639-1 code of the document.
        actor: Maps a character position to the actor owning it.
    """
    found: list[Quantity] = []
    lowered = text.lower()
    if not any(cue in lowered for cue in _CUES.get(language, _CUES["en"])) and \
            not _FOLDS_UNLIKE_LOWER.search(text):
        return found
    for pattern in _compiled(language if language in _PATTERNS else "en"):
        for match in pattern.finditer(text):
            words = match.group("noun").split()
            qualifiers = [QUALIFIERS[w.casefold()] for w in words if w.casefold() in QUALIFIERS]
            nouns = [w for w in words if w.casefold() not in QUALIFIERS
                     and w.casefold() not in _STOP]
            if not nouns:
                continue
            if language == "de":
                nouns = [w for w in nouns if w[:1].isupper()] or nouns
            counted = " ".join(nouns[:2]) if language in ("id", "ms") else nouns[0]
            unit_kind = counted_class(counted)
            found.append(Quantity(
                text=match.group(), start=match.start(), end=match.end(), value=None,
                low=None, high=None, change="=", unit=unit_kind[0] if unit_kind else None,
                counted=counted, qualifiers=tuple(dict.fromkeys(qualifiers)),
                actor=actor(match.start()), kind="unspecified", language=language))
    return found
