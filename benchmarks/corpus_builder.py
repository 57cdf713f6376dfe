"""Synthetic news batches built from the sample articles, for the throughput benchmark.

Each *story* takes about 30 sentences recombined from the seed articles (corpus/ and
tests/fixtures), gives every name a story-specific invented name and every number a
story-specific value; four to six outlets then each write an article about it,
picking and shuffling sentences, swapping synonyms and sometimes reporting a
different number (a real conflict). No two stories share a sentence, so the
embedding cache and the TF-IDF vocabulary see new text at every size.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [(path, "id") for path in sorted((ROOT / "corpus").glob("*.txt"))] + [
    (ROOT / "tests/fixtures/multilingual/daily-ledger.txt", "en"),
    (ROOT / "tests/fixtures/multilingual/wire-report.md", "en"),
    (ROOT / "tests/fixtures/multilingual/nachrichten.txt", "de"),
]

_SYNONYMS = [
    ("mengatakan", "menyatakan", "menyebutkan", "menuturkan"),
    ("tentara", "pasukan", "prajurit", "personel militer"),
    ("kota", "wilayah", "daerah"),
    ("ribuan", "ratusan", "puluhan ribu"),
    ("kedutaan", "kedutaan besar", "perwakilan diplomatik"),
    ("membantu", "mendukung", "ikut"),
    ("hari Kamis", "hari Jumat", "Rabu malam", "Kamis pagi"),
    ("said", "stated", "told reporters", "announced"),
    ("troops", "soldiers", "service members"),
    ("embassy", "mission", "diplomatic post"),
    ("will send", "is sending", "plans to deploy"),
    ("Thursday", "Friday", "Wednesday"),
    ("sagte", "erklärte", "teilte mit"),
    ("Soldaten", "Truppen", "Einsatzkräfte"),
]
_SYNONYM_OF = {word: group for group in _SYNONYMS for word in group}
_SYNONYM_PATTERN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _SYNONYM_OF), key=len,
                                                          reverse=True)) + r")\b")
# Capitalised words after the first of a sentence: names of people, places, bodies.
_NAME = re.compile(r"(?<=[\s(\"“])([A-Z][a-z]{3,})\b")
# Titles, bodies and calendar words stay: they recur in every story of the kind.
_KEEP = frozenset("""
Departemen Luar Negeri Menteri Presiden Pertahanan Serikat Amerika Inggris Taliban
Afghanistan Kedutaan Besar Pentagon Reuters Minggu Senin Selasa Rabu Kamis Jumat Sabtu
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
June July August September October November December Januari Februari Maret Juni Juli
Agustus Oktober Desember Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag
""".split())
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SYLLABLES = ("ka", "ra", "ban", "dar", "mi", "lo", "sen", "tu", "we", "gor", "hal", "ni",
              "pra", "sul", "ve", "zan", "ko", "mer", "ti", "ash", "bel", "do", "qu", "ri")
_OUTLET_WORDS = ("Kabar", "Warta", "Daily", "Post", "Suara", "Tribun", "Ledger", "Pos",
                 "Harian", "Times", "Berita", "Nusa", "Metro", "Global", "Rakyat", "Kota")
_TLDS = ("co.id", "com", "id", "net", "news", "org")


@dataclass(frozen=True)
class SeedSentence:
    text: str
    language: str


def seed_sentences() -> list[SeedSentence]:
    """The kept sentences of the sample articles (segmented by claimcheck itself)."""
    from claimcheck.ingest.ingest import read_documents
    from claimcheck.segment.segment import segment_document

    seeds = []
    for path, language in SOURCES:
        for document in read_documents([path]).documents:
            for sentence in segment_document(document, language).sentences:
                if len(sentence.text) > 40:
                    seeds.append(SeedSentence(sentence.text, language))
    return seeds


def _invented_name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _outlets(rng: random.Random, count: int) -> list[str]:
    names = set()
    while len(names) < count:
        names.add(f"{rng.choice(_OUTLET_WORDS)}{rng.choice(_OUTLET_WORDS)}.{rng.choice(_TLDS)}")
    return sorted(names)


def _number_like(token: str, rng: random.Random) -> str:
    """A different number written in the same convention ("3.000" -> "4.250")."""
    digits = token.replace(".", "").replace(",", "")
    value = max(1, int(int(digits) * rng.uniform(0.3, 3.0))) if digits.isdigit() else 7
    if len(digits) == 4 and 1900 <= int(digits) <= 2100:  # a year stays a year
        return str(rng.randint(2015, 2024))
    if "." in token and len(token.split(".")[-1]) == 3:
        return f"{value:,}".replace(",", ".")
    if "," in token and len(token.split(",")[-1]) == 3:
        return f"{value:,}"
    return str(value)


def _story_sentence(seed: SeedSentence, names: dict[str, str], numbers: dict[str, str],
                    rng: random.Random) -> str:
    text = _NAME.sub(lambda m: m.group(1) if m.group(1) in _KEEP else
                     names.setdefault(m.group(1), _invented_name(rng)), seed.text)
    return _NUMBER.sub(lambda m: numbers.setdefault(m.group(0), _number_like(m.group(0), rng)),
                       text)


def _outlet_version(text: str, rng: random.Random) -> str:
    text = _SYNONYM_PATTERN.sub(
        lambda m: rng.choice(_SYNONYM_OF[m.group(1)]) if rng.random() < 0.5 else m.group(1), text)
    if rng.random() < 0.15:  # a disputed figure
        text = _NUMBER.sub(lambda m: _number_like(m.group(0), rng), text, count=1)
    return text


def build_corpus(folder: Path, sentences: int, seed: int = 0,
                 language: str | None = None) -> tuple[int, int]:
    """Write articles totalling about ``sentences`` sentences into ``folder``.

    ``language`` declares every article in that language instead of its majority one.

    Returns (articles, sentences written). Deterministic for a given seed.
    """
    rng = random.Random(seed)
    language_of = language
    seeds = seed_sentences()
    outlets = _outlets(rng, 60)
    folder.mkdir(parents=True, exist_ok=True)
    written = articles = story = 0
    while written < sentences:
        story += 1
        names: dict[str, str] = {}
        numbers: dict[str, str] = {}
        picked = rng.sample(seeds, 30)
        pool = [(_story_sentence(s, names, numbers, rng), s.language) for s in picked]
        day = rng.randint(1, 28)
        for outlet in rng.sample(outlets, rng.randint(4, 6)):
            chosen = rng.sample(pool, rng.randint(15, 26))
            languages = [lang for _, lang in chosen]
            language = language_of or max(set(languages), key=languages.count)
            body = [_outlet_version(text, rng) for text, _ in chosen]
            body[0] = f"{outlet} - {body[0]}"
            articles += 1
            written += len(body)
            (folder / f"s{story:05d}_{articles:06d}.txt").write_text(
                f"---\noutlet: {outlet}\npublished: 2021-08-{day:02d}\nlanguage: {language}\n"
                f"---\n" + "\n\n".join(body) + "\n", encoding="utf-8")
            if written >= sentences:
                break
    return articles, written


def build_reprint_corpus(folder: Path, stories: int = 36, reprints: int = 50,
                         outlets: int = 40, seed: int = 0,
                         source: Path | None = None) -> tuple[int, int]:
    """Wire copy as a month of coverage looks: each story reprinted nearly verbatim.

    Each of ``stories`` stories is about ten sentences recombined from the seed
    articles (as in ``build_corpus``) in paragraphs of one to three sentences, or, with
    ``source``, the first ten paragraphs of one of the ``*.txt`` articles under it (a
    header line, then the body). A story is reprinted ``reprints`` times under names
    drawn from ``outlets`` outlets, keeping its wording and paragraphs; in one reprint
    of three a figure takes one of two other values (re-typed or updated), so sentences
    without figures recur verbatim in dozens of outlets, and those with figures in a
    few versions that conflict.

    Returns (articles, sentences written). Deterministic for a given seed.
    """
    rng = random.Random(seed)
    names_of_outlets = _outlets(rng, outlets)
    folder.mkdir(parents=True, exist_ok=True)
    articles = written = 0
    for story, (paragraphs, language) in enumerate(_reprint_stories(rng, stories, source), 1):
        day = rng.randint(1, 28)
        versions: dict[str, list[str]] = {}  # two other values per figure of the story

        def figure(match: re.Match, versions: dict[str, list[str]] = versions) -> str:
            token = match.group(0)
            if rng.random() >= 0.3:
                return token
            others = versions.setdefault(token, [_number_like(token, rng) for _ in range(2)])
            return rng.choice(others)

        for _ in range(reprints):
            outlet = rng.choice(names_of_outlets)
            text = [_NUMBER.sub(figure, paragraph) for paragraph in paragraphs]
            text[0] = f"{outlet} - {text[0]}"
            articles += 1
            written += sum(len(re.findall(r"[.!?][\"”]?(?:\s|$)", p)) for p in text)
            (folder / f"r{story:03d}_{articles:05d}.txt").write_text(
                f"---\noutlet: {outlet}\npublished: 2021-08-{day:02d}\nlanguage: {language}\n"
                f"---\n" + "\n\n".join(text) + "\n", encoding="utf-8")
    return articles, written


def _reprint_stories(rng: random.Random, stories: int, source: Path | None
                     ) -> list[tuple[list[str], str]]:
    """(paragraphs, language) of each story to reprint."""
    if source is not None:
        from claimcheck.segment.language import detect_language

        result = []
        for path in sorted(source.glob("*/*.txt"))[:stories]:
            body = path.read_text(encoding="utf-8").split("\n", 1)[-1]
            paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()][:10]
            result.append((paragraphs, detect_language(body)))
        return result
    seeds = seed_sentences()
    result = []
    for _ in range(stories):
        names: dict[str, str] = {}
        numbers: dict[str, str] = {}
        picked = rng.sample(seeds, 10)
        body = [_story_sentence(s, names, numbers, rng) for s in picked]
        languages = [s.language for s in picked]
        breaks = sorted(rng.sample(range(1, len(body)), 4))
        result.append(([" ".join(body[start:end]) for start, end in
                        zip([0, *breaks], [*breaks, len(body)], strict=True)],
                       max(set(languages), key=languages.count)))
    return result


def build_long_line_article(path: Path, size: int, seed: int = 0) -> int:
    """One article of ``size`` characters on a single line, as scraped JSONL often holds.

    Sentences come from stories as in ``build_corpus`` (new names and numbers each 30
    sentences), joined by single spaces: no line break anywhere. Returns sentences written.
    """
    rng = random.Random(seed)
    seeds = seed_sentences()
    parts: list[str] = []
    length = 0
    while length < size:
        names: dict[str, str] = {}
        numbers: dict[str, str] = {}
        for seed_sentence in rng.sample(seeds, 30):
            text = _story_sentence(seed_sentence, names, numbers, rng)
            parts.append(text)
            length += len(text) + 1
    text = " ".join(parts)[:size]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\noutlet: longline.example\nlanguage: id\n---\n" + text + "\n",
                    encoding="utf-8")
    return len(parts)
