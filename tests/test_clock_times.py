"""Clock times: read only with a sign of one, in minutes after midnight, with their zone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.clock_times import find_clock_times


@pytest.mark.parametrize(("text", "minutes", "offset", "hedged"), [
    ("Kapal itu terbalik sekitar pukul 16.40 WITA.", 16 * 60 + 40, 8, True),
    ("Der Zug entgleiste um 7.05 Uhr.", 7 * 60 + 5, None, False),
    ("The bridge collapsed at about 4:40 p.m. on Tuesday.", 16 * 60 + 40, None, True),
    ("The fire broke out at 12 a.m.", 0, None, False),
    ("Gempa terjadi pukul 7 malam waktu setempat.", 19 * 60, None, False),
    ("Die Halle stürzte gegen 2.15 Uhr Ortszeit ein.", 2 * 60 + 15, None, True),
    ("It struck at 0:30 GMT.", 30, 0, False),
])
def test_a_time_in_minutes_with_its_zone(text, minutes, offset, hedged):
    (time,) = find_clock_times(text)
    assert (time.minutes, time.offset, time.hedged) == (minutes, offset, hedged)
    assert text[time.start:time.end].rstrip(" (") == time.text


def test_a_time_and_its_conversion_are_two_times():
    first, second = find_clock_times("Sie kenterte gegen 14.40 Uhr Ortszeit (8.40 Uhr MESZ).")
    assert (first.offset, second.offset, second.utc) == (None, 2, 6 * 60 + 40)


@pytest.mark.parametrize("text", [
    "Shares closed at 14.25 dollars.",  # a price after "at"
    "The match ended 2:1.",
    "The rate rose 12.5 percent in 2020.",
    "Um 1000 Menschen wurden evakuiert.",
    "Die Zahl stieg um 15 Prozent.",
    "He was 3 when the war began.",
])
def test_numbers_without_a_sign_of_a_time_are_none(text):
    assert find_clock_times(text) == ()


def test_a_whole_hour_is_marked_as_such():
    (time,) = find_clock_times("The landslide hit around 3 a.m.")
    assert time.whole_hour and time.hedged and time.minutes == 180


@given(st.text(alphabet=st.sampled_from(list("0123456789.:, apmAPMUhrWIBTGC()hlocaltimeOrtszeit ")),
               max_size=40))
@settings(max_examples=300, deadline=None)
def test_any_text_reads_without_an_exception(text):
    for time in find_clock_times(text):
        assert 0 <= time.minutes < 24 * 60 and text[time.start:time.end]


def test_four_digits_are_a_time_only_before_a_zone():
    text = "The fire broke out at 2:30 a.m. local time (1830 GMT Thursday)."
    (time,) = find_clock_times(text)[1:]
    assert (time.minutes, time.offset) == (18 * 60 + 30, 0)
    assert find_clock_times("The 1830 census counted them.") == ()
