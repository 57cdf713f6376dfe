"""What one judge says about a pair, for ``compare``: more than ``Conflict | None``."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.models import Conflict


@dataclass(frozen=True, slots=True)
class Verdict:
    """One judge's reading of a pair.

    ``relation`` is "contradiction", "agreement" or "unrelated" (the judge found
    nothing to compare). ``conflict`` is set exactly when it is a contradiction.
    """

    judge: str
    relation: str
    score: float
    explanation: str
    conflict: Conflict | None = None

    def to_dict(self) -> dict[str, object]:
        return {"name": self.judge, "relation": self.relation, "score": round(self.score, 3),
                "explanation": self.explanation}
