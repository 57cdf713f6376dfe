"""What happened to the people a number counts: killed, injured, missing, arrested.

"10 tentara tewas" and "mengirim 3.000 tentara" both count troops, but the dead and the
deployed are different things: comparing them is how a tool cries wolf. The outcome is
read from the words right around the number ("30 people were killed", "killing 30",
"menewaskan 30 orang", "3 Soldaten wurden getötet") and kept as a qualifier.
"""

from __future__ import annotations

import re

OUTCOMES = frozenset({"killed", "injured", "missing", "arrested"})

_AFTER_WORDS = {
    "killed": r"killed|dead|died|die|slain|tewas|meninggal|gugur|terbunuh|getötet|tot|"
              r"starben|gestorben|ums\s+leben",
    "injured": r"injured|wounded|hurt|terluka|luka-luka|luka|cedera|verletzt|verwundet",
    "missing": r"missing|hilang|vermisst",
    "arrested": r"arrested|detained|ditangkap|ditahan|festgenommen|verhaftet",
}
_BEFORE_WORDS = {
    "killed": r"killing|killed|kills|kill|menewaskan|tewaskan|membunuh|tötete|töteten|"
              r"(?:death|casualty)\s+toll\b[^.;:,]{0,40}?|"
              r"(?:jumlah\s+)?korban\s+(?:tewas|meninggal)\b[^.;:,]{0,40}?|"
              r"(?:Zahl\s+der\s+)?(?:Toten|Todesopfer)\b[^.;:,]{0,40}?",
    "injured": r"injuring|wounding|injured|wounded|melukai|verletzte|verletzten",
    "arrested": r"arresting|arrested|detained|menangkap|menahan|nahm|nahmen",
}
# Up to a few words between the count and its outcome: "30 people were killed",
# "3.000 orang dilaporkan tewas", "drei Menschen sind ums Leben".
_AFTER = re.compile(
    r"^[^.;:,()]{0,40}?\b(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _AFTER_WORDS.items())
    + r")\b", re.IGNORECASE)
_BEFORE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _BEFORE_WORDS.items())
    + r")\s+(?:(?:at\s+least|about|around|some|nearly|more\s+than|over|up\s+to|sedikitnya|"
      r"setidaknya|sekitar|hampir|lebih\s+dari|mindestens|etwa|rund|über)\s+)?$",
    re.IGNORECASE)
# The clause ends before another count starts: "20 were killed and 30 injured".
_CLAUSE_END = re.compile(r"\s(?:and|but|while|dan|tetapi|sedangkan|und|aber)\s|\d")


def outcome_around(text: str, start: int, end: int) -> str | None:
    """"killed", "injured", "missing" or "arrested" for the count at ``start:end``."""
    before = _BEFORE.search(text, max(0, start - 70), start)
    if before:
        return before.lastgroup
    after = text[end:end + 48]
    cut = _CLAUSE_END.search(after)
    found = _AFTER.match(after[:cut.start()] if cut else after)
    return found.lastgroup if found else None
