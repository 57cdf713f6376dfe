"""Stances across outlets: one outlet asserts what another denies, in any language.

"Sopir bus itu telah ditahan", "the driver had not been detained", "Der Fahrer wurde
festgenommen"; "Bandara ... ditutup sejak Rabu" and "Der Flughafen blieb am Mittwoch
geöffnet". The statement judge compares sentences the neighbour search pairs, and a
denial and an assertion in two languages are rarely each other's neighbours; so here,
as figures are (``crossclaims``), a statement is read on its own and compared with every
statement of the story's other outlets: about whom or what (the holder of a role,
``claimcheck.lang``'s ``roles``, or a place or operation, its ``subjects``), which polar
concept of the statement lexicon (``free``: detained or released; ``alive``; ``open``;
``start``: going on or halted) and which way, once negation is read
(``claimcheck.judges.propositions``).

Only what can clash is compared: the same role or place, the same concept, opposite
ways, on the same day (the day the sentence names, else the day it was published: a
driver not yet detained on Monday may be in custody on Tuesday), each asserted plainly
(no hedge, no plan or condition: "will be detained" asserts nothing yet). A sentence
that reads both ways for one concept ("detained and later released") says too much to
be one stance. A denial that covers everyone ("no one has been detained") meets an
assertion about any holder of a role.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from claimcheck.claims.event_dates import outlet_pairs
from claimcheck.claims.role_names import RoleName, read_role_names
from claimcheck.judges.lexicon import default_lexicon
from claimcheck.judges.propositions import analyse, has_polarity
from claimcheck.lang import language_data
from claimcheck.lang.wordlists import words
from claimcheck.models import Claim, Conflict

JUDGE = "claims"
_SCORE = 0.62
#: Which lexicon concepts a role's holder, and a place or operation, can take.
_CONCEPTS = {"roles": frozenset({"free", "alive"}), "subjects": frozenset({"open", "start"})}
#: A sentence's own date counts as its day only this close to publication (a date
#: further off is background: "arrested in 2019").
_NEAR = timedelta(days=7)
ANYONE = "*"
#: Roles that speak for others: what they say is not said of them.
_SPEAKING = frozenset({"spokesperson"})


@dataclass(frozen=True, slots=True)
class Stance:
    claim: int
    subject: str  # a role ("driver"), a place ("airport"), or ANYONE
    concept: str  # a lexicon concept ("free", "open")
    polarity: int  # +1 or -1 for the concept's positive pole
    word: str  # the polar word as written, with its negator ("not … detained")
    day: date
    #: The part of the day the sentence names ("morning"), if any.
    part: str | None = None


def read_stances(claims: Sequence[Claim], role_names: Sequence[RoleName] | None = None
                 ) -> tuple[Stance, ...]:
    """Each plain statement about a role's holder or a place, with its day;
    ``role_names`` (``read_role_names(claims)``, read here when not given) name holders."""
    lexicon = default_lexicon()
    holders = _holders(claims, read_role_names(claims) if role_names is None else role_names)
    found: list[Stance] = []
    for position, claim in enumerate(claims):
        text, language = claim.sentence.text, claim.sentence.language
        day, part = _day(claim)
        if day is None or text.rstrip().endswith("?") or \
                not has_polarity(text, language, lexicon):
            continue
        lists = _lists(language)
        lowered = f" {text.casefold()} "
        if any(f" {word} " in lowered for word in lists["unreal"]):
            continue
        analysis = analyse(text, language, lexicon)
        # Who speaks is not what is said of: "Kapolres X mengatakan ..." is no stance
        # of the police chief's.
        subjects = _subjects(text, language, analysis.speaker)
        if not any(kind == "roles" for kind, _ in subjects):
            # "Hamdan langsung ditahan": a name the article gave a role ("Nakhoda kapal,
            # La Ode Hamdan"); "Er sei festgenommen worden": the person of the nearest
            # sentence before that names a role.
            said = text.replace(analysis.speaker, " ") if analysis.speaker else text
            words_of = {word.casefold() for word in said.replace(",", " ").split()}
            subjects |= {("roles", role) for part, role in
                         holders.get(claim.sentence.doc, {}).items() if part in words_of}
            if not subjects and _opens_with_pronoun(text, lists["pronouns"]):
                subjects = _earlier_role(claims, position,
                                         holders.get(claim.sentence.doc, {}))
        ways: dict[str, set[int]] = {}
        written: dict[str, str] = {}
        for word in analysis.words:
            if word.hedged:
                continue
            for concept, sign in word.senses:
                polarity = -sign if word.negated else sign
                ways.setdefault(concept, set()).add(polarity)
                written.setdefault(concept, f"{word.negator} … {word.text}"
                                   if word.negated and word.negator else word.text)
        for concept, polarities in ways.items():
            if len(polarities) != 1:
                continue  # both ways in one sentence: too much for one stance
            polarity = polarities.pop()
            about = {subject for kind, subject in subjects if concept in _CONCEPTS[kind]}
            if len(about) > 2:
                continue  # "dozens of governors, mayors and regents jailed": no one holder
            if not about and concept in _CONCEPTS["roles"] and polarity > 0 and \
                    any(f" {word} " in lowered for word in lists["anyone"]):
                about = {ANYONE}  # "no one has been detained": free, for everyone
            for subject in about:
                found.append(Stance(position, subject, concept, polarity, written[concept],
                                    day, part))
    return tuple(found)


def compare_stances(claims: Sequence[Claim], stances: Sequence[Stance],
                    related: set) -> tuple[Conflict, ...]:
    """Two outlets of one story stating one thing both ways on one day."""
    conflicts: dict[str, Conflict] = {}
    for a, b, claim_a, claim_b in outlet_pairs(stances, claims, related):
        if a.concept != b.concept or a.polarity == b.polarity or a.day != b.day:
            continue
        if a.subject != b.subject and ANYONE not in (a.subject, b.subject):
            continue
        if None not in (a.part, b.part) and a.part != b.part:
            continue  # closed in the morning, open again in the afternoon
        if ANYONE in (a.subject, b.subject) and ANYONE == a.subject == b.subject:
            continue
        subject = b.subject if a.subject == ANYONE else a.subject
        why = (f"{subject.replace('_', ' ')}: {a.word} ({claim_a.outlet}) vs {b.word} "
               f"({claim_b.outlet}), both of {a.day.isoformat()}: one says what the other "
               f"denies")
        conflict = Conflict("statement", _SCORE, why, claim_a, claim_b, JUDGE,
                            detail="negation")
        conflicts.setdefault(conflict.id, conflict)
    return tuple(conflicts.values())


def _subjects(text: str, language: str, speaker: str | None = None
              ) -> set[tuple[str, str]]:
    """(category, concept) of every role and place named in ``text``, but not in its
    ``speaker``."""
    _, hits = language_data(language).find(text)
    spoken = (speaker or "").casefold()
    return {(hit.category, hit.concept) for hit in hits if hit.category in _CONCEPTS
            and hit.concept not in _SPEAKING
            and not (spoken and text[hit.start:hit.end].casefold() in spoken)}


def _holders(claims: Sequence[Claim], role_names: Sequence[RoleName]
             ) -> dict[str, dict[str, str]]:
    """Per document, each part of a role holder's name (four letters or more) -> role."""
    found: dict[str, dict[str, str]] = {}
    for holder in role_names:
        if holder.role in _SPEAKING:
            continue
        for part in holder.parts:
            if len(part) >= 4:
                found.setdefault(claims[holder.claim].sentence.doc, {})[part] = holder.role
    return found


def _earlier_role(claims: Sequence[Claim], position: int,
                  holders: dict[str, str]) -> set[tuple[str, str]]:
    """The roles of the nearest of the three sentences before ``position`` (same article)
    that names one, by its role word or by its holder's name."""
    doc = claims[position].sentence.doc
    for earlier in range(position - 1, max(-1, position - 4), -1):
        claim = claims[earlier]
        if claim.sentence.doc != doc:
            break
        text = claim.sentence.text
        roles = {(kind, concept) for kind, concept in
                 _subjects(text, claim.sentence.language) if kind == "roles"}
        named = {word.casefold() for word in text.replace(",", " ").split()}
        roles |= {("roles", role) for part, role in holders.items() if part in named}
        if roles:
            return roles
    return set()


def _opens_with_pronoun(text: str, pronouns: Sequence[str]) -> bool:
    first = text.lstrip(" \"'“„«").split(" ", 1)[0].casefold().strip(",")
    return first in pronouns


def _day(claim: Claim) -> tuple[date | None, str | None]:
    """The day a sentence speaks of (the one day it names near its publication, else the
    day it was published) and the part of that day it names."""
    for mention in claim.dates:
        if mention.start is not None and mention.start == mention.end and (
                claim.published is None or abs(mention.start - claim.published) <= _NEAR):
            return mention.start, mention.part_of_day
    return claim.published, None


def _lists(language: str) -> dict[str, tuple[str, ...]]:
    try:
        section = words(language)["stances"]
    except KeyError:
        section = words("en")["stances"]
    return {key: tuple(word.casefold() for word in section.get(key, ()))
            for key in ("anyone", "pronouns", "unreal")}
