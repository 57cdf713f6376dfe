"""Wire copy printed by many outlets is read, embedded and judged once, and reported with
every outlet that printed it."""

from __future__ import annotations

import json

from claimcheck.embed.embed import LexicalEmbedder
from claimcheck.formats import RenderOptions, get_formatter
from claimcheck.judges import default_judges
from claimcheck.models import Document
from claimcheck.pipeline import CheckConfig, check_documents
from claimcheck.segment.copies import group_copies

WIRE = ("Sebanyak 3.000 tentara Amerika Serikat akan dikirim ke Kabul untuk membantu "
        "evakuasi staf kedutaan.")
OTHER = WIRE.replace("3.000", "5.000")
FILLER = [
    "Juru bicara kementerian mengatakan penerbangan pertama berangkat pada Jumat pagi.",
    "Warga berkumpul di depan gerbang bandara sejak subuh sambil membawa dokumen.",
    "Pemerintah Inggris juga menyiapkan pesawat untuk warganya yang masih tertinggal.",
    "Harga tiket bus antarkota naik dua kali lipat menjelang akhir pekan panjang.",
]


def _article(outlet: str, lead: str, extra: str) -> Document:
    text = f"{lead}\n\n{FILLER[0]}\n\n{FILLER[1]}\n\n{extra}\n"
    return Document(outlet.lower(), f"{outlet.lower()}.txt", text, outlet, language="id")


def _batch() -> list[Document]:
    # Five outlets run the wire story word for word; one reports another figure.
    wire = [_article(f"Outlet{n}", WIRE, FILLER[2]) for n in range(5)]
    return [*wire, _article("Lokal", OTHER, FILLER[3])]


class _Recording:
    """A real component that also records what it was given."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.seen = inner, getattr(inner, "name", "recorded"), []

    def embed(self, texts, languages=None):
        self.seen.extend(texts)
        return self.inner.embed(texts, languages)

    def judge(self, a, b, context):
        self.seen.append((a.sentence.text, b.sentence.text))
        return self.inner.judge(a, b, context)


def test_identical_sentences_are_embedded_and_judged_once():
    embedder = _Recording(LexicalEmbedder())
    judges = [_Recording(judge) for judge in default_judges()]
    report = check_documents(_batch(), CheckConfig(embedder="lexical"), embedder=embedder,
                             judges=judges)
    assert len(report.claims) == 24  # every copy is still a sentence of the report
    assert sorted(embedder.seen) == sorted({WIRE, OTHER, *FILLER})
    for judge in judges:
        assert len(judge.seen) == len(set(judge.seen))
        assert all(a != b for a, b in judge.seen)  # a copy is never paired with itself


def test_a_conflict_with_reprinted_sides_lists_every_outlet_once():
    report = check_documents(_batch(), CheckConfig(embedder="lexical"))
    figures = [c for c in report.conflicts if {c.a.sentence.text, c.b.sentence.text}
               == {WIRE, OTHER}]
    assert len(figures) == 1  # one disagreement, not one per outlet pair
    conflict = figures[0]
    wire_side, copies = (conflict.a, conflict.a_copies) if conflict.a.sentence.text == WIRE \
        else (conflict.b, conflict.b_copies)
    assert sorted(claim.outlet for claim in (wire_side, *copies)) == \
        [f"Outlet{n}" for n in range(5)]
    assert conflict.a.outlet != conflict.b.outlet
    side = json.loads(get_formatter("json").render(report, RenderOptions()))["conflicts"]
    listed = [entry for entry in side if {entry["a"]["text"], entry["b"]["text"]}
              == {WIRE, OTHER}][0]
    wire_json = listed["a"] if listed["a"]["text"] == WIRE else listed["b"]
    assert wire_json["outlets"][0] == wire_json["outlet"]
    assert sorted(wire_json["outlets"]) == [f"Outlet{n}" for n in range(5)]
    assert sorted([wire_json["doc"], *wire_json["copies"]]) == [f"outlet{n}" for n in range(5)]
    text = get_formatter("text").render(report, RenderOptions(width=100))
    assert "(+4 copies, 4 more outlets)" in text


def test_topics_list_every_copy():
    report = check_documents(_batch(), CheckConfig(embedder="lexical"))
    groups = group_copies(report.claims)
    for topic in report.topics:
        members = set(topic.members)
        for group in map(set, groups.members):
            assert group <= members or not group & members
    in_topics = [report.claims[p].sentence.text for t in report.topics for p in t.members]
    assert in_topics.count(WIRE) == 5


def test_copies_are_grouped_by_text_language_date_and_antecedent():
    from datetime import date

    from claimcheck.extract.extract import extract_claims
    from claimcheck.segment.segment import segment_documents

    batch = _batch()
    batch[1] = Document("late", "late.txt", batch[1].text, "Outlet1", language="id",
                        published=date(2021, 8, 20))  # another day: dates read differently
    claims = extract_claims(segment_documents(batch))
    groups = group_copies(claims)
    wire = [members for members in groups.members
            if claims[members[0]].sentence.text == WIRE]
    assert sorted(len(members) for members in wire) == [1, 4]
    # One outlet alone keeps its own id: its sentences never pair with each other.
    solo = [g for g, members in enumerate(groups.members)
            if {claims[p].outlet for p in members} == {"Lokal"}]
    assert len({int(groups.outlets[g]) for g in solo}) == 1
