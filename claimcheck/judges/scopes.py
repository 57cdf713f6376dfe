"""What reaches a word of a sentence: its clause, the negations over it, a speaker.

The statement reader (``claimcheck.judges.propositions``) asks these of every content
word: which clause holds it, which negators reach it (a plain negation its head, a denial
the clause it denies), which tokens name a speaker or frame a report ("kata juru bicara",
"said on Monday that"), and where a persistence word ("tetap", "remains") only marks aspect.
"""

from __future__ import annotations

from claimcheck.judges.lexicon import LanguageLexicon
from claimcheck.lang.wordlists import every_language

PUNCT = frozenset(",;:!?.()[]“”\"«»„—–")


def statement_words(key: str) -> frozenset[str]:
    """Each language's [statements] words, joined: any language's words in any sentence."""
    return frozenset(every_language("statements", key))


# "tidak hanya X tetapi juga Y" says X *and* Y: "not only" negates nothing.
_NOT_NEGATING_NEXT = statement_words("not_negating_next")
# Speaker words that need no punctuation before them ("menurut Kremlin, ...").
_SPEAKER_ANYWHERE = statement_words("speaker_anywhere")
_SPEAKER_LEAD = statement_words("speaker_lead")
# A denial verb negates what it denies: its complement ("denied that the airport was
# closed", "membantah bahwa ...", "bestritt, dass ...") or the report it rejects
# ("denied reports it would close the plant", "membantah kabar ..."), not just the next
# word ("reports"), as "refused"/"menolak" negate theirs.
_DENIALS = statement_words("denials")
_REPORT_NOUNS = statement_words("report_nouns")
_MAX_DENIAL_GAP = 3
_AUXILIARIES = statement_words("auxiliaries")
_MAX_SPEAKER = 12
_MAX_FRAME = 10


def clause_numbers(lower: list[str], lex: LanguageLexicon) -> list[int]:
    """The clause of each token: a count of the punctuation and clause breaks before it."""
    clause, current = [], 0
    for word in lower:
        if word in PUNCT or word in lex.clause_breaks:
            current += 1
        clause.append(current)
    return clause


def find_speakers(surface: list[str], lower: list[str],
                  lex: LanguageLexicon) -> tuple[list[list[int]], set[int]]:
    """Token spans naming a speaker, and the positions of the reporting verbs."""
    spans: list[list[int]] = []
    verbs: set[int] = set()
    for i, word in enumerate(lower):
        after = word in lex.speaker_after
        before = word in lex.speaker_before
        if not (after or before):
            continue
        previous = lower[i - 1] if i else "."
        nxt = surface[i + 1] if i + 1 < len(surface) else ""
        if after and before:
            # "said the minister" vs "the minister said".
            after = nxt[:1].isupper() or nxt.casefold() in _SPEAKER_LEAD
            before = not after
        if after and word not in _SPEAKER_ANYWHERE and previous not in PUNCT:
            if not before:
                continue
            after = False
        verbs.add(i)
        if after:
            span, j = [], i + 1
            while j < len(lower) and lower[j] in _SPEAKER_LEAD and not span:
                j += 1
            while j < len(lower) and len(span) < _MAX_SPEAKER:
                if lower[j] in PUNCT or lower[j] in lex.clause_breaks or (
                        lower[j] in lex.function_words and not surface[j][:1].isupper()):
                    break
                span.append(j)
                j += 1
        else:
            span, j = [], i - 1
            while j >= 0 and lower[j] not in PUNCT and len(span) < _MAX_SPEAKER:
                span.insert(0, j)
                j -= 1
        spans.append(span)
    return spans, verbs


def complement_follows(lower: list[str], clause: list[int], at: int,
                       lex: LanguageLexicon) -> bool:
    """The clause after the one holding ``at`` opens with a complementiser ("dass")."""
    for j in range(at + 1, len(lower)):
        if clause[j] == clause[at]:
            continue
        while j < len(lower) and lower[j] in PUNCT:
            j += 1
        return j < len(lower) and lower[j] in lex.complementisers
    return False


def reporting_frames(lower: list[str], lex: LanguageLexicon, verbs: set[int]) -> set[int]:
    """"menyatakan pada stasiun radio pada Senin bahwa": the words between verb and "bahwa"."""
    frame: set[int] = set()
    for verb in verbs:
        for j in range(verb + 1, min(verb + 1 + _MAX_FRAME, len(lower))):
            if lower[j] in lex.complementisers:
                frame.update(range(verb + 1, j + 1))
                break
            if lower[j] in PUNCT:
                break
    return frame


def negation_reach(lower: list[str], lex: LanguageLexicon, clause: list[int], consumed: set[int],
                   is_content, senses: dict[int, tuple[tuple[str, int], ...]]
                   ) -> tuple[dict[int, list[int]], set[int]]:
    """Head position -> the negators reaching it, and the set of heads.

    A negation reaches the first content word after it in its clause, through
    auxiliaries and modals ("tidak berencana untuk mengevakuasi", "was not closed");
    German "nicht" after its verb reaches back ("Die Botschaft schließt nicht").
    Reaching only the head keeps "tak berawak ... tiba" (unmanned ... arrived) from
    reading as "did not arrive". "menolak"/"refused" negate their head too, and stay
    content words themselves.
    """
    reach: dict[int, list[int]] = {}
    for n, word in enumerate(lower):
        negative_verb = word in lex.negative_verbs
        if not (word in lex.negators or negative_verb) or n in consumed:
            continue
        if n + 1 < len(lower) and lower[n + 1] in _NOT_NEGATING_NEXT:
            continue
        head = next((j for j in range(n + 1, len(lower))
                     if clause[j] == clause[n] and is_content(j)
                     and lower[j] not in lex.negative_verbs), None)
        if head is None and not negative_verb:
            head = next((j for j in range(n - 1, -1, -1)
                         if clause[j] == clause[n] and is_content(j)), None)
        if head is not None:
            reach.setdefault(head, []).append(n)
        if word in lex.wide_negation or (n + 1 < len(lower) and lower[n + 1] in lex.wide_negation):
            for j in range(n + 1, len(lower)):
                if clause[j] == clause[n] and j != head and j in senses:
                    reach.setdefault(j, []).append(n)
        denied = _denied_clauses(lower, clause, n, lex) if word in _DENIALS else set()
        for j in range(n + 1, len(lower)):
            if clause[j] in denied and j != head and j in senses:
                reach.setdefault(j, []).append(n)
    return reach, set(reach)


def _denied_clauses(lower: list[str], clause: list[int], at: int,
                    lex: LanguageLexicon) -> set[int]:
    """The clauses a denial at ``at`` reaches: its own, when a complementiser or a report
    noun follows within a few words ("denied on Monday that", "denied the reports"), and
    the next one when the denial ends its clause and that one opens with a complementiser
    ("bestritt, dass")."""
    rest = [k for k in range(at + 1, len(lower)) if clause[k] == clause[at]]
    if any(lower[k] in lex.complementisers or lower[k] in _REPORT_NOUNS
           for k in rest[:_MAX_DENIAL_GAP + 1]):
        return {clause[at]}
    # English drops "that": "denied the embassy was closed", "denied it would close"
    # (an auxiliary soon after the denial opens a clause; "denied the appeal" has none).
    if any(lower[k] in _AUXILIARIES for k in rest[1:_MAX_DENIAL_GAP + 3]):
        return {clause[at]}
    if not rest and complement_follows(lower, clause, at, lex):
        return {clause[at] + 1}
    return set()


def drop_persistence(lower: list[str], lex: LanguageLexicon,
                     senses: dict[int, tuple[tuple[str, int], ...]], clause: list[int],
                     is_content) -> set[int]:
    """"tetap buka" / "remains open": the persistence word marks aspect, not a stay."""
    dropped = set()
    for i, word in enumerate(lower):
        if word not in lex.persistence or i not in senses:
            continue
        for j in range(i + 1, len(lower)):
            if clause[j] != clause[i]:
                break
            if j in senses:
                del senses[i]
                dropped.add(i)
                break
            if is_content(j):
                break
    return dropped
