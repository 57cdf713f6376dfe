"""What happened to the people a number counts: killed, injured, missing, arrested.

"10 tentara tewas" and "mengirim 3.000 tentara" both count troops, but the dead and the
deployed are different things: comparing them is how a tool cries wolf. The outcome is
read from the words right around the number ("30 people were killed", "killing 30",
"menewaskan 30 orang", "3 Soldaten wurden getötet") and kept as a qualifier.
"""

from __future__ import annotations

import re

from claimcheck.lang.wordlists import all_words

OUTCOMES = frozenset({"killed", "injured", "missing", "arrested"})
_ORDER = ("killed", "injured", "missing", "arrested")


def _alternatives(section: str, outcome: str | None = None) -> str:
    lists = (w["outcomes"][section] for w in all_words())
    if outcome is not None:
        lists = (table.get(outcome, ()) for table in lists)
    return "|".join(word for entries in lists for word in entries)


def _groups(section: str) -> str:
    return "|".join(f"(?P<{k}>{_alternatives(section, k)})" for k in _ORDER
                    if _alternatives(section, k))


# Up to a few words between the count and its outcome: "30 people were killed",
# "3.000 orang dilaporkan tewas", "drei Menschen sind ums Leben". Any language's words
# count: a quoted English phrase in Indonesian text still tells its outcome.
_AFTER = re.compile(r"^[^.;:,()]{0,40}?\b(?:" + _groups("after") + r")\b", re.IGNORECASE)
_BEFORE = re.compile(r"\b(?:" + _groups("before") + r")\s+(?:(?:" + _alternatives("bounds")
                     + r")\s+)?$", re.IGNORECASE)
# The clause ends before another count starts: "20 were killed and 30 injured".
_CLAUSE_END = re.compile(r"\s(?:" + _alternatives("clause_joins") + r")\s|\d")


def outcome_around(text: str, start: int, end: int) -> str | None:
    """"killed", "injured", "missing" or "arrested" for the count at ``start:end``."""
    before = _BEFORE.search(text, max(0, start - 70), start)
    if before:
        return before.lastgroup
    after = text[end:end + 48]
    cut = _CLAUSE_END.search(after)
    found = _AFTER.match(after[:cut.start()] if cut else after)
    return found.lastgroup if found else None
