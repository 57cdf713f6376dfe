"""Sentences that several outlets print word for word, read as one.

Wire copy runs in dozens of outlets nearly verbatim. Two claims with the same sentence,
antecedent, language and publication date are extracted alike and judged alike, and can
never conflict with each other; embedding, clustering, pairing and judging them once
each is what keeps a reprint-heavy batch fast (the benchmark's 36 stories reprinted 50
times: 17,950 sentences, 701 distinct). The first claim of a group stands for it; the others
come back as the conflict's ``a_copies``/``b_copies``, so a report lists every outlet
that printed a side. The claims-across-outlets stage reads whole articles, so it gets
every claim, with the pairs of groups as pairs of their first claims.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from claimcheck.models import CandidatePair, Claim, Conflict, Topic


@dataclass(frozen=True, slots=True)
class CopyGroups:
    """Claims grouped by identical reading; group ``g`` is read as ``claims[first[g]]``."""

    #: Position in the claims of each group's first claim, in claim order.
    first: tuple[int, ...]
    #: Positions of every claim of each group.
    members: tuple[tuple[int, ...], ...]
    #: An outlet id per group: the outlet's when all its copies are from one outlet,
    #: else an id of its own, so that any other group is a cross-outlet partner.
    outlets: np.ndarray


def group_copies(claims: Sequence[Claim]) -> CopyGroups:
    """Group ``claims`` whose sentence, antecedent, language and publication date agree."""
    group_of: dict[tuple, int] = {}
    members: list[list[int]] = []
    for position, claim in enumerate(claims):
        key = (claim.sentence.text, claim.antecedent, claim.sentence.language, claim.published)
        group = group_of.setdefault(key, len(members))
        if group == len(members):
            members.append([])
        members[group].append(position)
    outlet_ids: dict[str, int] = {}
    outlets = []
    for group in members:
        names = {claims[position].outlet.casefold() for position in group}
        # A group printed by several outlets pairs with every other group.
        key = names.pop() if len(names) == 1 else f"\x00{group[0]}"
        outlets.append(outlet_ids.setdefault(key, len(outlet_ids)))
    return CopyGroups(tuple(group[0] for group in members),
                      tuple(tuple(group) for group in members),
                      np.array(outlets, dtype=np.int64))


def expand_topics(topics: Sequence[Topic], groups: CopyGroups) -> tuple[Topic, ...]:
    """Topics over groups as topics over claims: every copy is a member."""
    return tuple(replace(topic, members=tuple(sorted(
        position for group in topic.members for position in groups.members[group])))
        for topic in topics)


def expand_conflicts(conflicts: Sequence[Conflict], claims: Sequence[Claim],
                     groups: CopyGroups,
                     keep: Callable[[Conflict], bool] | None = None) -> tuple[Conflict, ...]:
    """Conflicts between groups as conflicts between claims, each listing its copies.

    One conflict per pair of distinct sentences, not one per pair of outlets: 50 reprints
    of each side would otherwise make 2,500 entries of one disagreement. Its ``a`` and
    ``b`` are two copies from different outlets (the groups' first claims when they
    differ); every other copy is in ``a_copies``/``b_copies``. ``keep`` sees the
    conflict with its copies (``check --against`` keeps those touching the new batch).
    """
    # A conflict of the claims stage may name any copy; the judges' name first claims.
    group_of = {_key(claims[position]): group for group, members in enumerate(groups.members)
                for position in members}
    result = []
    for conflict in conflicts:
        side_a = [claims[p] for p in groups.members[group_of[_key(conflict.a)]]]
        side_b = [claims[p] for p in groups.members[group_of[_key(conflict.b)]]]
        a, b = _cross_outlet_pair(side_a, side_b)
        expanded = replace(conflict, a=a, b=b,
                           a_copies=tuple(claim for claim in side_a if claim is not a),
                           b_copies=tuple(claim for claim in side_b if claim is not b))
        if keep is None or keep(expanded):
            result.append(expanded)
    return tuple(result)


def pairs_over_claims(pairs: Sequence[CandidatePair], groups: CopyGroups
                      ) -> tuple[CandidatePair, ...]:
    """Pairs of groups as pairs of the groups' first claims (positions in the claims)."""
    return tuple(replace(pair, a=groups.first[pair.a], b=groups.first[pair.b])
                 for pair in pairs)


def _key(claim: Claim) -> tuple[str, int]:
    return claim.sentence.doc, claim.sentence.index


def _cross_outlet_pair(side_a: list[Claim], side_b: list[Claim]) -> tuple[Claim, Claim]:
    a, b = side_a[0], side_b[0]
    if a.outlet.casefold() != b.outlet.casefold():
        return a, b
    other_b = next((c for c in side_b if c.outlet.casefold() != a.outlet.casefold()), None)
    if other_b is not None:
        return a, other_b
    return next(c for c in side_a if c.outlet.casefold() != b.outlet.casefold()), b
