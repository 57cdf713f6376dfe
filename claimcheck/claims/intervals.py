"""Where two figures meet: intervals of hedged and bounded figures, rounding, magnitudes.

"at least 145" is 145 and up, "about 3,000" spans 2,700 to 3,300, "nearly 30" 28 to 30;
a round bound just short of an exact figure summarises it ("more than 400" ships and
422), and a length fifty times another is of another object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.claims.measures import Measure

# How close above a round bound an exact figure must be for the bound to summarise it.
_SUMMARY_REACH = 0.2
# A physical measure given fifty times larger by another outlet is of another object.
_ORDERS = 50.0


def summarises(bound: Measure, exact: Measure) -> bool:
    """A round bound just short of an exact figure says the same ("more than 400" ships and
    422); far short of it ("at least 150" and 422), it is an earlier count."""
    if not inside(exact, bound):
        return False
    value = bound.quantity.value or 0
    if not any(ch.isdigit() for ch in bound.quantity.text) and value >= 12 \
            and (value % 12 == 0 or value % 100 == 0):
        return True  # "more than a dozen", "über hundert": a floor in round words, no count
    if not round_figure(bound):
        return False
    return abs(exact.value - bound.value) <= _SUMMARY_REACH * bound.value


def round_figure(m: Measure) -> bool:
    value = m.quantity.value
    return value is not None and value >= 10 and value % (10 if value < 1000 else 100) == 0


def inside(x: Measure, bound: Measure) -> bool:
    low, high = interval(bound)
    return x.value is not None and (low is None or x.value >= low) \
        and (high is None or x.value <= high)


def orders_apart(a: Measure, b: Measure) -> bool:
    low_a, high_a = interval(a)
    low_b, high_b = interval(b)
    small = min(x for x in (high_a, high_b, a.value, b.value) if x is not None) \
        if any(x is not None for x in (high_a, high_b)) else None
    large = max(x for x in (low_a, low_b, a.value, b.value) if x is not None) \
        if any(x is not None for x in (low_a, low_b)) else None
    return bool(small and large and large / small > _ORDERS)


def overlap(a: Measure, b: Measure, tolerance: float) -> bool:
    low_a, high_a = interval(a)
    low_b, high_b = interval(b)
    if None in (low_a, high_a, low_b, high_b) and (a.value is None and a.low is None
                                                   or b.value is None and b.low is None):
        return True
    slack_a = tolerance * max(abs(low_a or 0), abs(high_a or 0))
    slack_b = tolerance * max(abs(low_b or 0), abs(high_b or 0))
    slack = max(slack_a, slack_b)
    if high_a is not None and low_b is not None and high_a + slack < low_b:
        return False
    return not (high_b is not None and low_a is not None and high_b + slack < low_a)


def interval(m: Measure) -> tuple[float | None, float | None]:
    low = m.low if m.low is not None else (m.value if m.quantity.change != "<" else None)
    high = m.high if m.high is not None else (m.value if m.quantity.change != ">" else None)
    return low, high
