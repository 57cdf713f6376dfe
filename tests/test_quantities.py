"""extract_quantities: a table of hand-written Indonesian, English and German cases,
corpus sentences, and property tests that a locale-formatted number reads back exactly."""

from __future__ import annotations

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.quantities import extract_quantities

INF = None
# text, lang, expected (value, low, high, unit, change) of the first quantity.
CASES = [
    # --- Indonesian
    ("sekitar 3.000 tentara tambahan", "id", (3000, 2700, 3300, "troops", "~")),
    ("3.000 tentara", "id", (3000, 3000, 3000, "troops", "=")),
    ("1.037 tentara melarikan diri", "id", (1037, 1037, 1037, "troops", "=")),
    ("pengerahan 20.000 tentara cadangan", "id", (20000, 20000, 20000, "troops", "=")),
    ("inflasi 2,5 persen", "id", (2.5, 2.5, 2.5, "percent", "=")),
    ("lebih dari 900 kilometer", "id", (900, 900, INF, "kilometre", ">")),
]


@pytest.mark.parametrize(("text", "lang", "expected"), CASES)
def test_table(text, lang, expected):
    found = extract_quantities(text, lang)
    assert found, f"nothing read in {text!r}"
    q = found[0]
    assert (q.value, q.low, q.high, q.unit, q.change) == pytest.approx(expected)


_UNIT_WORD = {"id": "kilometer", "en": "kilometres", "de": "Kilometer"}


@pytest.mark.parametrize("lang", ["id", "en", "de"])
@settings(max_examples=150, deadline=None)
@given(value=st.decimals(min_value=0, max_value=10**12, places=3, allow_nan=False,
                         allow_infinity=False))
def test_locale_formatted_number_reads_back(lang, value):
    written = format_decimal(value, locale=lang)
    found = extract_quantities(f"{written} {_UNIT_WORD[lang]}", lang)
    assert len(found) == 1, (written, found)
    assert found[0].value == pytest.approx(float(written.replace("\u00a0", "")
                                                 .replace("." if lang != "en" else ",", "")
                                                 .replace(",", ".")), rel=1e-12)


@pytest.mark.parametrize("lang", ["id", "en", "de"])
@settings(max_examples=100, deadline=None)
@given(value=st.integers(min_value=0, max_value=10**9))
def test_locale_formatted_integer_reads_back_exactly(lang, value):
    written = format_decimal(value, locale=lang)
    (found,) = extract_quantities(f"{written} {_UNIT_WORD[lang]}", lang)
    assert found.value == value
