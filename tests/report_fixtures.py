"""Reports built by hand from real seed sentences (corpus/), for format and gate tests.

They do not run the pipeline, so the output tests pin what a formatter does with a
known report, whatever the judges of the day find.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from claimcheck.models import (
    Claim,
    Conflict,
    DateMention,
    Document,
    Quantity,
    Report,
    SegmentedDocument,
    Sentence,
    Topic,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

#: Sentences as they appear in the seed articles (000 telusur.co.id, 001 the other outlet).
TROOPS_3000 = ("Menanggapi kemajuan cepat dan kekerasan Taliban, Pentagon mengatakan akan "
               "mengirim sekitar 3.000 tentara tambahan dalam waktu 48 jam untuk membantu "
               "mengevakuasi staf kedutaan.")
TROOPS_650 = ("Pentagon telah menempatkan sekitar 650 tentara di Afghanistan untuk mendukung "
              "keamanan diplomatik.")
THURSDAY = ("Taliban mengklaim telah menguasai dua kota terbesar Afghanistan pada hari Kamis.")
FRIDAY = "Taliban menguasai Kandahar dan Herat pada hari Jumat."
EVIL = ('Pejabat itu berkata <script>document.documentElement.setAttribute("data-pwned","1")'
        '</script><img src=x onerror="document.title=\'pwned\'"> bahwa 5 tentara tewas & "hilang".')
CALM = "Pejabat lain mengatakan 7 tentara tewas."


def _quantity(text: str, sentence: str, value: float, unit: str = "troops") -> Quantity:
    start = sentence.index(text)
    return Quantity(text, start, start + len(text), value, value, value, unit=unit,
                    counted="tentara", language="id")


def _date(text: str, sentence: str, weekday: int) -> DateMention:
    start = sentence.index(text)
    return DateMention(text, start, start + len(text), weekday=weekday)


def _document(doc_id: str, outlet: str, sentences: list[str], url: str | None = None,
              path: str | None = None) -> SegmentedDocument:
    text = "\n".join(sentences) + "\n"
    document = Document(doc_id, path or f"articles/{doc_id}.txt", text, outlet, "id", url,
                        date(2021, 8, 13), f"{outlet} on Afghanistan")
    return SegmentedDocument(document, "id", tuple(
        Sentence(doc_id, index, sentence, "id", line=index + 1)
        for index, sentence in enumerate(sentences)), ())


def make_report(*, evil: bool = False, paths: dict[str, str] | None = None,
                texts: dict[str, str] | None = None) -> Report:
    """Three outlets, a numeric and a date conflict, optionally a hostile article.

    ``paths`` renames article files and ``texts`` rewrites sentences (re-wrapping), so
    fingerprint tests can change both without touching anything else.
    """
    paths, texts = paths or {}, texts or {}

    def text(value: str) -> str:
        return texts.get(value, value)

    documents = [
        _document("telusur", "telusur.co.id", [text(TROOPS_3000), text(THURSDAY)],
                  "https://telusur.co.id/afghanistan", paths.get("telusur")),
        _document("gatra", "Gatra.com", [text(TROOPS_650), text(FRIDAY)],
                  "javascript:alert(1)", paths.get("gatra")),
    ]
    if evil:
        documents.append(_document("evil", "Evil <b>Outlet</b>", [EVIL], None,
                                   paths.get("evil")))
        documents.append(_document("calm", "Calm Daily", [CALM], "https://calm.example/a"))
    claims = [Claim(sentence, seg.document.outlet, seg.document.published)
              for seg in documents for sentence in seg.sentences]
    by_text = {claim.sentence.text: claim for claim in claims}
    conflicts = [
        Conflict("numeric", 0.91, "3,000 troops vs 650 troops sent by the Pentagon",
                 by_text[text(TROOPS_3000)], by_text[text(TROOPS_650)], "numeric",
                 (_quantity("3.000 tentara", text(TROOPS_3000), 3000),),
                 (_quantity("650 tentara", text(TROOPS_650), 650),), topic=0,
                 detail="disputed"),
        Conflict("date", 0.72, "Thursday vs Friday for the fall of Kandahar",
                 by_text[text(THURSDAY)], by_text[text(FRIDAY)], "dates",
                 (_date("Kamis", text(THURSDAY), 3),), (_date("Jumat", text(FRIDAY), 4),),
                 topic=1),
    ]
    if evil:
        conflicts.append(Conflict(
            "numeric", 0.66, "5 vs 7 soldiers killed </p><script>alert(1)</script>",
            by_text[EVIL], by_text[CALM], "numeric",
            (_quantity("5 tentara", EVIL, 5),), (_quantity("7 tentara", CALM, 7),), topic=0))
    topics = (Topic(0, "Pentagon tentara <troops>", (0, 2)), Topic(1, "Kandahar Herat", (1, 3)))
    return Report(tuple(documents), tuple(claims), topics, tuple(conflicts), "lexical",
                  candidate_pairs=12)
