"""Days a named weekday vouches for: the year of "Rabu (21/4)", a misprinted year or month.

News writes a weekday beside a date ("Selasa (5/3/2024)", "Rabu (21/4)"). The weekday
settles what the date leaves open (the year, the order of day and month) and exposes a
misprint ("Selasa (5/3/3024)"), always near the article's own date.
"""

from __future__ import annotations

from datetime import date

from claimcheck.models import DateMention


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def guess_year(month: int, day: int, published: date | None) -> int | None:
    # News reports the past: a date without a year is the latest one not after publication.
    if published is None:
        return None
    year = published.year
    if (month, day) > (published.month, published.day):
        year -= 1
    return year


def weekday_date(first: int, second: int, weekday: int, published: date | None
                 ) -> tuple[tuple[int, int], date | None] | None:
    """((day, month), date) of a weekday's "(first/second)", or None when neither order is
    a day and month.

    Day first, as Indonesian and German write it; an English "(4/21)" is month first, and
    of "(3/4)" the order the weekday confirms. The year is the one near ``published``
    (the year before, its own, the next) whose date falls on the weekday. A day and month
    no nearby year puts on it is a misprint of one of them: read as written, in the
    latest year not after the publication ("Sabtu (24/2)" in late April is 24 February,
    which a reader of another outlet's "Sabtu (24/4)" sees disagree). Without
    ``published`` the date stays None.
    """
    orders = [(day, month) for day, month in ((first, second), (second, first))
              if safe_date(2000, month, day)]
    if not orders:
        return None
    if published is None:
        return orders[0], None
    near = [((day, month), found) for day, month in orders
            for year in (published.year - 1, published.year, published.year + 1)
            if (found := safe_date(year, month, day)) and found.weekday() == weekday]
    if near:
        return min(near, key=lambda item: abs((item[1] - published).days))
    day, month = orders[0]
    year = guess_year(month, day, published)
    return (day, month), safe_date(year, month, day) if year else None


def misprinted_year(absolute: DateMention, weekday: int | None, near: date | None
                    ) -> tuple[date | None, date | None]:
    """``absolute``'s dates, its year set right when it is a misprint: "Selasa (5/3/3024)"
    in an article of March 2024 is Tuesday 5 March 2024, the only year near the article's
    whose 5 March is the Tuesday it names. A year a weekday cannot confirm stays."""
    when = absolute.start
    if when is None or weekday is None or near is None or absolute.end != when \
            or abs(when.year - near.year) <= 1:
        return absolute.start, absolute.end
    for year in (near.year, near.year - 1):
        fixed = safe_date(year, when.month, when.day)
        if fixed is not None and fixed.weekday() == weekday:
            return fixed, fixed
    return absolute.start, absolute.end
