"""extract_quantities: a table of hand-written Indonesian, English and German cases,
corpus sentences, and property tests that a locale-formatted number reads back exactly."""

from __future__ import annotations

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.quantities import extract_quantities

INF = None
# text, lang, expected (value, low, high, unit, change) of the first quantity; "~" spans
# +-10 % ("almost"/"fast" -5 % .. 0), vague magnitudes are integer intervals.
CASES = [
    ('sekitar 3.000 tentara tambahan', 'id', (3000.0, 2700.0, 3300.0, 'troops', '~')),
    ('3.000 tentara', 'id', (3000.0, 3000.0, 3000.0, 'troops', '=')),
    ('1.037 tentara melarikan diri', 'id', (1037.0, 1037.0, 1037.0, 'troops', '=')),
    ('pengerahan 20.000 tentara cadangan', 'id', (20000.0, 20000.0, 20000.0, 'troops', '=')),
    ('inflasi 2,5 persen', 'id', (2.5, 2.5, 2.5, 'percent', '=')),
    ('lebih dari 900 kilometer', 'id', (900.0, 900.0, None, 'kilometre', '>')),
    ('sekitar 600 tentara', 'id', (600.0, 540.0, 660.0, 'troops', '~')),
    ('sekitar 650 tentara di Afghanistan', 'id', (650.0, 585.0, 715.0, 'troops', '~')),
    ('sekitar 100 pegawai kedutaannya', 'id', (100.0, 90.0, 110.0, 'staff', '~')),
    ('terletak 125 kilometer dari ibu kota', 'id', (125.0, 125.0, 125.0, 'kilometre', '=')),
    ('dalam waktu 48 jam', 'id', (48.0, 48.0, 48.0, 'hour', '=')),
    ('selama misi 20 tahun mereka', 'id', (20.0, 20.0, 20.0, 'year', '=')),
    ('dalam 20 tahun terakhir', 'id', (20.0, 20.0, 20.0, 'year', '=')),
    ('mengirim ribuan tentara', 'id', (None, 1000.0, 9999.0, 'troops', '=')),
    ('ratusan orang tewas', 'id', (None, 100.0, 999.0, 'people', '=')),
    ('puluhan warga terluka', 'id', (None, 10.0, 99.0, 'people', '=')),
    ('belasan prajurit', 'id', (None, 11.0, 19.0, 'troops', '=')),
    ('puluhan ribu pengungsi', 'id', (None, 10000.0, 99999.0, 'refugees', '=')),
    ('tiga kota', 'id', (3.0, 3.0, 3.0, 'cities', '=')),
    ('dua belas orang', 'id', (12.0, 12.0, 12.0, 'people', '=')),
    ('seratus dua puluh orang', 'id', (120.0, 120.0, 120.0, 'people', '=')),
    ('anggaran Rp 1,5 juta', 'id', (1500000.0, 1500000.0, 1500000.0, 'rupiah', '=')),
    ('dana 2 miliar dolar AS', 'id', (2000000000.0, 2000000000.0, 2000000000.0, 'dollar', '=')),
    ('Rp 1,5 triliun', 'id', (1500000000000.0, 1500000000000.0, 1500000000000.0, 'rupiah', '=')),
    ('kira-kira 50 orang', 'id', (50.0, 45.0, 55.0, 'people', '~')),
    ('hampir 1.000 orang', 'id', (1000.0, 950.0, 1000.0, 'people', '~')),
    ('sedikitnya 12 orang tewas', 'id', (12.0, 12.0, None, 'people', '>')),
    ('setidaknya 30 warga', 'id', (30.0, 30.0, None, 'people', '>')),
    ('hingga 500 orang', 'id', (500.0, None, 500.0, 'people', '<')),
    ('kurang dari 10 persen', 'id', (10.0, None, 10.0, 'percent', '<')),
    ('naik 5 persen', 'id', (5.0, 5.0, 5.0, 'percent', 'up')),
    ('turun 3,2 persen', 'id', (3.2, 3.2, 3.2, 'percent', 'down')),
    ('meningkat sebesar 12 persen', 'id', (12.0, 12.0, 12.0, 'percent', 'up')),
    ('antara 5 dan 6 orang', 'id', (None, 5.0, 6.0, 'people', '=')),
    ('5-6 orang', 'id', (None, 5.0, 6.0, 'people', '=')),
    ('10 hingga 20 orang', 'id', (None, 10.0, 20.0, 'people', '=')),
    ('harga 1,2 juta rupiah', 'id', (1200000.0, 1200000.0, 1200000.0, 'rupiah', '=')),
    ('sepanjang 3,5 km', 'id', (3.5, 3.5, 3.5, 'kilometre', '=')),
    ('seluas 200 hektar', 'id', (200.0, 200.0, 200.0, 'hectare', '=')),
    ('berat 50 kg', 'id', (50.0, 50.0, 50.0, 'kilogram', '=')),
    ('54% warga AS', 'id', (54.0, 54.0, 54.0, 'percent', '=')),
    ('lebih dari 1.200 orang', 'id', (1200.0, 1200.0, None, 'people', '>')),
    ('sebanyak 1.500 personel militer', 'id', (1500.0, 1500.0, 1500.0, 'troops', '=')),
    ('150 pasukan tambahan', 'id', (150.0, 150.0, 150.0, 'troops', '=')),
    ('setengah penduduk', 'id', (0.5, 0.5, 0.5, 'fraction', '=')),
    ('empat hari', 'id', (4.0, 4.0, 4.0, 'day', '=')),
    ('tujuh minggu', 'id', (7.0, 7.0, 7.0, 'week', '=')),
    ('enam bulan', 'id', (6.0, 6.0, 6.0, 'month', '=')),
    ('lebih dari 2 juta orang', 'id', (2000000.0, 2000000.0, None, 'people', '>')),
    ('mencapai 12,5 persen', 'id', (12.5, 12.5, 12.5, 'percent', '=')),
    ('sekitar 1,5 juta jiwa', 'id', (1500000.0, 1350000.0, 1650000.0, 'people', '~')),
    ('sekitar 10.000 orang', 'id', (10000.0, 9000.0, 11000.0, 'people', '~')),
    ('1.234.567 orang', 'id', (1234567.0, 1234567.0, 1234567.0, 'people', '=')),
    ('kira-kira 3,000 tentera', 'ms', (3000.0, 2700.0, 3300.0, 'troops', '~')),
    ('sekitar 2.5 peratus', 'ms', (2.5, 2.25, 2.75, None, '~')),
    ('about 3,000 additional troops', 'en', (3000.0, 2700.0, 3300.0, 'troops', '~')),
    ('3,000 troops', 'en', (3000.0, 3000.0, 3000.0, 'troops', '=')),
    ('a 900 km border', 'en', (900.0, 900.0, 900.0, 'kilometre', '=')),
    ('more than 900 kilometres', 'en', (900.0, 900.0, None, 'kilometre', '>')),
    ('inflation of 2.5%', 'en', (2.5, 2.5, 2.5, 'percent', '=')),
    ('inflation of 2.5 per cent', 'en', (2.5, 2.5, 2.5, 'percent', '=')),
    ('inflation of 2.5 percent', 'en', (2.5, 2.5, 2.5, 'percent', '=')),
    ('a dozen people', 'en', (12.0, 12.0, 12.0, 'people', '=')),
    ('hundreds of people', 'en', (None, 100.0, 999.0, 'people', '=')),
    ('thousands of soldiers', 'en', (None, 1000.0, 9999.0, 'troops', '=')),
    ('tens of thousands of refugees', 'en', (None, 10000.0, 99999.0, 'refugees', '=')),
    ('dozens of civilians', 'en', (None, 24.0, 99.0, 'people', '=')),
    ('1.2m people', 'en', (1200000.0, 1200000.0, 1200000.0, 'people', '=')),
    # An age in years is someone's age; an age bracket without its unit counts nothing.
    ('nakhoda berusia 52 tahun', 'id', (52.0, 52.0, 52.0, 'year', '=')),
    ('starb im Alter von 52 Jahren', 'de', (52.0, 52.0, 52.0, 'year', '=')),
    # A height the plane fell to is metres, in a range too: "m" is a million only before
    # what a million counts.
    ('sank to 48m before it surfaced', 'en', (48.0, 48.0, 48.0, 'metre', '=')),
    ('from 2,900m to 64m', 'en', (None, 64.0, 2900.0, 'metre', '=')),
    ('3 to 4m people', 'en', (None, 3000000.0, 4000000.0, 'people', '=')),
    ('£3bn', 'en', (3000000000.0, 3000000000.0, 3000000000.0, 'pound', '=')),
    ('$6 each', 'en', (6.0, 6.0, 6.0, 'dollar', '=')),
    ('$1.5 million', 'en', (1500000.0, 1500000.0, 1500000.0, 'dollar', '=')),
    ('US$2.4 billion', 'en', (2400000000.0, 2400000000.0, 2400000000.0, 'dollar', '=')),
    ('€50 million', 'en', (50000000.0, 50000000.0, 50000000.0, 'euro', '=')),
    ('USD10m', 'en', (10000000.0, 10000000.0, 10000000.0, 'dollar', '=')),
    ('25k fans', 'en', (25000.0, 25000.0, 25000.0, None, '=')),
    ('one solution', 'en', (1.0, 1.0, 1.0, None, '=')),
    ('two mosques', 'en', (2.0, 2.0, 2.0, None, '=')),
    ('twenty-five people', 'en', (25.0, 25.0, 25.0, 'people', '=')),
    ('three hundred people', 'en', (300.0, 300.0, 300.0, 'people', '=')),
    ('two million people', 'en', (2000000.0, 2000000.0, 2000000.0, 'people', '=')),
    ('a million dollars', 'en', (1000000.0, 1000000.0, 1000000.0, 'dollar', '=')),
    ('nearly 1,000 people', 'en', (1000.0, 950.0, 1000.0, 'people', '~')),
    ('about 600 people', 'en', (600.0, 540.0, 660.0, 'people', '~')),
    ('around 73', 'en', (73.0, 65.7, 80.3, None, '~')),
    ('approximately 300 songs', 'en', (300.0, 270.0, 330.0, None, '~')),
    ('roughly $2.11 per gallon', 'en', (2.11, 1.899, 2.321, 'dollar', '~')),
    ('more than 700 heart transplants', 'en', (700.0, 700.0, None, None, '>')),
    ('at least 74 mph', 'en', (74.0, 74.0, None, 'mph', '>')),
    ('over 2,000 customers', 'en', (2000.0, 2000.0, None, None, '>')),
    ('up to 400 charging stations', 'en', (400.0, None, 400.0, None, '<')),
    ('less than 10 percent', 'en', (10.0, None, 10.0, 'percent', '<')),
    ('fewer than 50 people', 'en', (50.0, None, 50.0, 'people', '<')),
    ('just under 20 percent', 'en', (20.0, None, 20.0, 'percent', '<')),
    ('rose 9.4 per cent', 'en', (9.4, 9.4, 9.4, 'percent', 'up')),
    ('fell 7%', 'en', (7.0, 7.0, 7.0, 'percent', 'down')),
    ('dropped by 2 percent', 'en', (2.0, 2.0, 2.0, 'percent', 'down')),
    ('increased by $43.6 billion', 'en', (4.36e10, 4.36e10, 4.36e10, 'dollar', 'up')),
    ('was up 19 cents', 'en', (19.0, 19.0, 19.0, 'cent', 'up')),
    ('lost 190 points, or 0.6%', 'en', (190.0, 190.0, 190.0, None, 'down')),
    ('between 5 and 6 people', 'en', (None, 5.0, 6.0, 'people', '=')),
    ('5-6 people', 'en', (None, 5.0, 6.0, 'people', '=')),
    ('from $800,000 to $1.3 million', 'en', (None, 800000.0, 1300000.0, 'dollar', '=')),
    ('between $48,000 and $90,000 a year', 'en', (None, 48000.0, 90000.0, 'dollar', '=')),
    ('15kHz and 17kHz', 'en', (15.0, 15.0, 15.0, None, '=')),
    ('from 1 per cent to 1.5 per cent', 'en', (None, 1.0, 1.5, 'percent', '=')),
    ('four to five thousand people', 'en', (None, 4000.0, 5000.0, 'people', '=')),
    ('the 40 yard line', 'en', (40.0, 40.0, 40.0, 'yard', '=')),
    ('275 pound-feet of torque at 3000 rpm', 'en', (275.0, 275.0, 275.0, None, '=')),
    ('a 3.5-liter engine', 'en', (3.5, 3.5, 3.5, 'litre', '=')),
    ('shares rose 6.5% to 164p', 'en', (6.5, 6.5, 6.5, 'percent', 'up')),
    ('a third of those screened', 'en', (0.333333, 0.333333, 0.333333, 'fraction', '=')),
    ('two-thirds of sales', 'en', (0.666667, 0.666667, 0.666667, 'fraction', '=')),
    ('1/2 cup of sugar', 'en', (0.5, 0.5, 0.5, 'fraction', '=')),
    ('minus-5 yards', 'en', (-5.0, -5.0, -5.0, 'yard', '=')),
    ('the Stoxx 50 -1.3%', 'en', (-1.3, -1.3, -1.3, 'percent', 'down')),
    ('Dow +0.2%', 'en', (0.2, 0.2, 0.2, 'percent', 'up')),
    ('sub-300 sq m', 'en', (300.0, None, 300.0, None, '<')),
    ('a .500 record', 'en', (0.5, 0.5, 0.5, None, '=')),
    ('RM79 a month', 'en', (79.0, 79.0, 79.0, 'ringgit', '=')),
    ('$US113 trillion', 'en', (1.13e14, 1.13e14, 1.13e14, 'dollar', '=')),
    ('4 hundred million people', 'en', (400000000.0, 400000000.0, 400000000.0, 'people', '=')),
    ('1000+ customers', 'en', (1000.0, 1000.0, None, None, '>')),
    ('50 or more people', 'en', (50.0, 50.0, None, 'people', '>')),
    ('within 48 hours', 'en', (48.0, 48.0, 48.0, 'hour', '=')),
    ('a 50 year-old man', 'en', (50.0, 50.0, 50.0, 'year', '=')),
    ('13,000 workers', 'en', (13000.0, 13000.0, 13000.0, 'staff', '=')),
    ('a 20-year mission', 'en', (20.0, 20.0, 20.0, 'year', '=')),
    ('the 3,000 U.S. troops', 'en', (3000.0, 3000.0, 3000.0, None, '=')),
    ('the number rose to 5,700', 'en', (5700.0, 5700.0, 5700.0, None, '=')),
    ('7.5 million Danish crowns', 'en', (7500000.0, 7500000.0, 7500000.0, None, '=')),
    ('etwa 3.000 zusätzliche Soldaten', 'de', (3000.0, 2700.0, 3300.0, 'troops', '~')),
    ('3.000 Soldaten', 'de', (3000.0, 3000.0, 3000.0, 'troops', '=')),
    ('2,5 Prozent', 'de', (2.5, 2.5, 2.5, 'percent', '=')),
    ('zwanzigtausend Reservisten', 'de', (20000.0, 20000.0, 20000.0, 'troops', '=')),
    ('3 Millionen Menschen', 'de', (3000000.0, 3000000.0, 3000000.0, 'people', '=')),
    ('1,5 Mio. Euro', 'de', (1500000.0, 1500000.0, 1500000.0, 'euro', '=')),
    ('2 Mrd. Dollar', 'de', (2000000000.0, 2000000000.0, 2000000000.0, 'dollar', '=')),
    ('mehr als 900 Kilometer', 'de', (900.0, 900.0, None, 'kilometre', '>')),
    ('mindestens 12 Tote', 'de', (12.0, 12.0, None, 'deaths', '>')),
    ('über 100 Menschen', 'de', (100.0, 100.0, None, 'people', '>')),
    ('bis zu 500 Soldaten', 'de', (500.0, None, 500.0, 'troops', '<')),
    ('weniger als 10 Prozent', 'de', (10.0, None, 10.0, 'percent', '<')),
    ('rund 600 Soldaten', 'de', (600.0, 540.0, 660.0, 'troops', '~')),
    ('fast 1.000 Menschen', 'de', (1000.0, 950.0, 1000.0, 'people', '~')),
    ('Hunderte Menschen', 'de', (None, 100.0, 999.0, 'people', '=')),
    ('Tausende Flüchtlinge', 'de', (None, 1000.0, 9999.0, 'refugees', '=')),
    ('Zehntausende Menschen', 'de', (None, 10000.0, 99999.0, 'people', '=')),
    ('zwischen 5 und 6 Menschen', 'de', (None, 5.0, 6.0, 'people', '=')),
    ('5 bis 6 Menschen', 'de', (None, 5.0, 6.0, 'people', '=')),
    ('stieg um 2,5 Prozent', 'de', (2.5, 2.5, 2.5, 'percent', 'up')),
    ('fiel um 3 Prozent', 'de', (3.0, 3.0, 3.0, 'percent', 'down')),
    ('dreihunderteinundzwanzig Soldaten', 'de', (321.0, 321.0, 321.0, 'troops', '=')),
    ('zwei Drittel der Menschen', 'de', (0.666667, 0.666667, 0.666667, 'fraction', '=')),
    ('die Hälfte der Soldaten', 'de', (0.5, 0.5, 0.5, 'fraction', '=')),
    ('20 Jahre lang', 'de', (20.0, 20.0, 20.0, 'year', '=')),
    ('48 Stunden', 'de', (48.0, 48.0, 48.0, 'hour', '=')),
    ('1.234.567,89 Euro', 'de', (1234567.89, 1234567.89, 1234567.89, 'euro', '=')),
    ('etwa 1,5 Millionen Euro', 'de', (1500000.0, 1350000.0, 1650000.0, 'euro', '~')),
    ('zwölf Minuten', 'de', (12.0, 12.0, 12.0, 'minute', '=')),
    ('50 Kilometer', 'de', (50.0, 50.0, 50.0, 'kilometre', '=')),
    ('200 Hektar', 'de', (200.0, 200.0, 200.0, 'hectare', '=')),
    # A move from one figure to another is one interval, whichever way it went.
    ('jumlahnya naik dari 2.500 menjadi 3.000 orang', 'id', (None, 2500.0, 3000.0, 'people', '=')),
    ('inflasi turun dari 4,8 persen menjadi 4,2 persen', 'id', (None, 4.2, 4.8, 'percent', '=')),
    ('die Quote stieg von 4,8 auf 5,1 Prozent', 'de', (None, 4.8, 5.1, 'percent', '=')),
    ('dropping from 208 pounds to 193 by exercising', 'en', (None, 193.0, 208.0, 'pound', '=')),
    ('volume narrowed to 138,285 lots from 212,577 lots', 'en', (None, 138285.0, 212577.0, None,
                                                               '=')),
    ('Bitcoin fell from $36,040 at 10.45pm last night to $34,935 at 5am', 'en',
     (None, 34935.0, 36040.0, 'dollar', '=')),
    # ... but "by X to Y" is a change and then a level.
    ('the deficit increased by $43.6 billion to $419.2 billion', 'en',
     (43600000000.0, 43600000000.0, 43600000000.0, 'dollar', 'up')),
    ('unemployed for one to two years', 'en', (None, 1.0, 2.0, 'year', '=')),
    ('over the past three or four years', 'en', (None, 3.0, 4.0, 'year', '=')),
    ('lima atau enam orang', 'id', (None, 5.0, 6.0, 'people', '=')),
    ('around 25k or 40k cheaper', 'en', (25000.0, 22500.0, 27500.0, None, '~')),
    ('guidance from between $US160 million and $US171 million', 'en',
     (None, 160000000.0, 171000000.0, 'dollar', '=')),
    ('The mass of the sun is about 1.99×10^30 kilograms', 'en',
     (1.99e30, 1.791e30, 2.189e30, 'kilogram', '~')),
    ('a current of 2.998 x 10−8 amperes', 'en', (2.998e-8, 2.998e-8, 2.998e-8, None, '=')),
    ('shares finished 34.4% higher at 3.23 shekels', 'en', (34.4, 34.4, 34.4, 'percent', '=')),
    ('prices will go up by an average of 1500', 'en', (1500.0, 1500.0, 1500.0, None, '=')),
    ('laundered S$1mil through mules', 'en', (1000000.0, 1000000.0, 1000000.0, 'dollar', '=')),
    ('jaraknya 5 mil dari pantai', 'id', (5.0, 5.0, 5.0, 'mile', '=')),
    ('the 550 megawatt solar farm', 'en', (550.0, 550.0, 550.0, 'megawatt', '=')),
    ('about -30 degrees', 'en', (-30.0, -33.0, -27.0, 'degree', '~')),
    # Counted nouns with a class compare across languages and synonyms.
    ('Banjir merendam 120 rumah sakit umum', 'id', (120.0, 120.0, 120.0, 'hospitals', '=')),
    ('Grup itu punya 3 anak perusahaan', 'id', (3.0, 3.0, 3.0, 'subsidiaries', '=')),
    ('Taliban menguasai 15 dari 34 ibu kota provinsi', 'id', (15.0, 15.0, 15.0, 'capitals',
                                                              '=')),
    ('control 12 of the country\'s 34 provincial capitals', 'en',
     (12.0, 12.0, 12.0, 'capitals', '=')),
    ('kontrollieren 18 der 34 Provinzhauptstädte', 'de', (18.0, 18.0, 18.0, 'capitals', '=')),
    ('40 dari 45 karyawannya', 'id', (40.0, 40.0, 40.0, 'staff', '=')),
    ('more than 200 passengers', 'en', (200.0, 200.0, None, 'passengers', '>')),
    # "dozen" after a number multiplies it; "dozens" stays an order of magnitude.
    ('buried about two dozen houses', 'en', (24.0, 21.6, 26.4, 'homes', '~')),
    ('zwei Dutzend Häuser wurden verschüttet', 'de', (24.0, 24.0, 24.0, 'homes', '=')),
    ('dua lusin rumah tertimbun', 'id', (24.0, 24.0, 24.0, 'homes', '=')),
]


@pytest.mark.parametrize(("text", "lang", "expected"), CASES)
def test_table(text, lang, expected):
    found = extract_quantities(text, lang)
    assert found, f"nothing read in {text!r}"
    q = found[0]
    value, low, high, unit, change = expected
    assert (q.unit, q.change) == (unit, change), q
    for got, want in ((q.value, value), (q.low, low), (q.high, high)):
        assert got == (None if want is None else pytest.approx(want, rel=1e-4)), q


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


@pytest.mark.parametrize(("text", "lang"), [
    ("Hal itu diungkapkan pada Senin (16/8/2021).", "id"),
    ("Rapat dimulai pukul 10.30 WIB.", "id"),
    ("Pertandingan berakhir dengan skor 2-2.", "id"),
    ("yang memerintah dari tahun 1996 hingga 2001", "id"),
    ("Selama perang saudara tahun 1990-an", "id"),
    ("Hubungi 021-5678-1234 untuk informasi.", "id"),
    ("pada Rabu, 1 September 2021", "id"),
    ("She died on September 8 in Dar es Salaam.", "en"),
    ("The match ended 2-2 on aggregate.", "en"),
    ("Swansea finished the season in 10th place.", "en"),
    ("The meeting starts at 11 a.m. on Monday.", "en"),
    ("He played in the 2003 Iron Bowl and the 2010 final.", "en"),
    ("Apple's new iPhone 11 and Game 6 of the series.", "en"),
    ("Am 3. Mai 2021 um 9 Uhr begann das Treffen.", "de"),
    ("Die Taliban regierten von 1996 bis 2001.", "de"),
    ("The category 4 hurricane made landfall.", "en"),
    ("Pasal 27 undang-undang itu dibatalkan.", "id"),
    ("Ein Hurrikan der Kategorie 4 traf die Küste.", "de"),
    ("Homes in the 90049 ZIP code sold fast.", "en"),
    ("The hunt runs on Sept. 20-24 this fall.", "en"),
    ("Men aged 18 to 34 bet on sports.", "en"),
    ("A third-party evaluation was ordered.", "en"),
])
def test_dates_years_times_scores_are_not_quantities(text, lang):
    assert extract_quantities(text, lang) == ()


@pytest.mark.parametrize(("text", "lang", "counted", "unit", "qualifiers"), [
    ("Pejabat itu mengatakan jumlah pasukan tambahan tidak ditentukan, begitu juga pesawat.",
     "id", "pasukan", "troops", ("additional",)),
    ("Dia menolak mengatakan berapa banyak anggota misi Rusia yang akan ditarik.", "id",
     "anggota misi", None, ()),
    ("The number of additional troops was not determined.", "en", "troops", "troops",
     ("additional",)),
    ("He refused to say how many troops would be sent.", "en", "troops", "troops", ()),
    ("Die Zahl der zusätzlichen Soldaten ist nicht bekannt.", "de", "Soldaten", "troops",
     ("additional",)),
])
def test_explicitly_unknown_amounts(text, lang, counted, unit, qualifiers):
    (q,) = extract_quantities(text, lang)
    assert q.unspecified and q.value is None and q.low is None and q.high is None
    assert (q.counted, q.unit, q.qualifiers) == (counted, unit, qualifiers)


def test_corpus_actor_and_qualifiers():
    (us,) = extract_quantities("Pentagon mengatakan akan mengirim sekitar 3.000 tentara "
                               "tambahan dalam waktu 48 jam untuk membantu.", "id")[:1]
    assert (us.actor, us.qualifiers, us.counted) == ("United States", ("additional",), "tentara")
    (uk,) = extract_quantities("Inggris mengatakan akan mengerahkan sekitar 600 tentara.", "id")
    assert uk.actor == "United Kingdom"
    (placed,) = extract_quantities("Pentagon telah menempatkan sekitar 650 tentara di "
                                   "Afghanistan.", "id")
    assert placed.qualifiers == ("already deployed",)
    duration = extract_quantities("mengirim 3.000 tentara dalam waktu 48 jam", "id")[1]
    assert (duration.kind, duration.unit) == ("duration", "hour")


def test_document_language_decides_separators():
    assert extract_quantities("3.000 orang", "id")[0].value == 3000
    assert extract_quantities("3,000 people", "en")[0].value == 3000
    assert extract_quantities("2,5 persen", "id")[0].value == 2.5
    assert extract_quantities("2.5 percent", "en")[0].value == 2.5
    assert extract_quantities("3,000 orang", "ms")[0].value == 3000


@pytest.mark.parametrize(("text", "lang", "descending"), [
    ("Growth will slow from 4.8 percent to 4.7 percent.", "en", True),
    ("Horsepower jumped from 240 to 273.", "en", False),
    ("Open interest eased to 196,440 contracts from 210,643 contracts.", "en", True),
    ("Jumlah pengungsi naik dari 1.200 menjadi 3.400 orang.", "id", False),
])
def test_a_move_keeps_which_end_it_started_from(text, lang, descending):
    (move,) = extract_quantities(text, lang)
    assert move.value is None and move.low < move.high
    assert move.descending is descending


def test_a_move_between_different_things_is_two_figures():
    # "650 troops ... to 3 provinces": different counted nouns, not one quantity moving.
    found = extract_quantities("Pasukan dari 650 tentara yang dikirim ke 3 provinsi.", "id")
    assert [q.value for q in found] == [650.0, 3.0]


@pytest.mark.parametrize("lang", ["id", "en", "de"])
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
       | st.lists(st.sampled_from(["3.000", "3,000", "2,5", "1.99×10", "−30", "from", "to",
                                   "dari", "menjadi", "von", "auf", "by", "$", "US$", "RM",
                                   "ribuan", "thousands", "one", "or", "two", "aged", "-",
                                   "%", "persen", "tentara", "troops", "mil", "1mil", "x",
                                   "−30", "about", "10^", "²³", "between", "and", "Sept.",
                                   "category", "4"]),
                  max_size=14).map(" ".join))
def test_any_text_reads_without_an_exception(lang, text):
    for quantity in extract_quantities(text, lang):
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert quantity.low is None or quantity.high is None or quantity.low <= quantity.high


@pytest.mark.parametrize(("text", "lang", "unit", "qualifiers"), [
    ("No one was hurt in the crash.", "en", "people", ("injured",)),
    ("There were no casualties.", "en", "victims", ()),
    ("Tidak ada korban jiwa dalam kebakaran itu.", "id", "deaths", ()),
    ("Tak seorang pun terluka.", "id", "people", ("injured",)),
    ("Niemand wurde verletzt.", "de", "people", ("injured",)),
    ("Es gab keine Toten.", "de", "deaths", ()),
    ("Todesopfer gab es nach Angaben der Polizei bislang nicht.", "de", "deaths", ()),
])
def test_nobody_and_no_casualties_are_zero(text, lang, unit, qualifiers):
    (zero,) = extract_quantities(text, lang)
    assert (zero.value, zero.low, zero.high, zero.unit, zero.qualifiers) == \
        (0.0, 0.0, 0.0, unit, qualifiers)


@pytest.mark.parametrize("text", ["Informationen gab es bislang nicht.",
                                  "Das alte Hotel gab es schon nicht mehr."])
def test_what_there_was_none_of_counts_only_a_counted_thing(text):
    assert extract_quantities(text, "de") == ()


@pytest.mark.parametrize("text", ["No comment was given.", "There is no longer a curfew.",
                                  "No more than 40 people came.", "Tidak ada informasi lain."])
def test_no_without_a_counted_thing_is_not_zero(text):
    assert all(q.value != 0 for q in extract_quantities(text, "id" if "Tidak" in text
                                                         else "en"))


@pytest.mark.parametrize(("text", "lang", "outcome"), [
    ("At least 30 people were killed in the blast.", "en", "killed"),
    ("The blast killed at least 30 people.", "en", "killed"),
    ("Sepuluh tentara AS tewas dalam serangan itu.", "id", "killed"),
    ("Serangan itu menewaskan 12 orang.", "id", "killed"),
    ("Drei Soldaten wurden verletzt.", "de", "injured"),
    ("Police arrested 15 protesters.", "en", "arrested"),
    ("The US will send 3,000 troops.", "en", None),
])
def test_what_happened_to_the_counted_is_a_qualifier(text, lang, outcome):
    (count,) = extract_quantities(text, lang)
    found = [q for q in count.qualifiers if q in ("killed", "injured", "missing", "arrested")]
    assert found == ([outcome] if outcome else [])


@pytest.mark.parametrize(("text", "lang", "value", "counted"), [
    ("Kabupaten itu terdiri dari 18 (delapan belas) kecamatan.", "id", 18, "kecamatan"),
    ("Pelaku dihukum membayar denda kepada tiga (3) korban.", "id", 3, "korban"),
    ("The contract covers twelve (12) buses.", "en", 12, "buses"),
    ("Die Stadt kaufte zwei (2) Busse.", "de", 2, "Busse"),
])
def test_a_figure_spelled_out_again_in_brackets_is_one_figure(text, lang, value, counted):
    found = extract_quantities(text, lang)
    assert [(q.value, q.counted) for q in found] == [(value, counted)]


@pytest.mark.parametrize(("text", "lang", "values"), [
    # A different figure in brackets is another reading, not the same one spelled out.
    ("Jalan itu sepanjang 100 km (60 mil).", "id", [100, 60]),
    ("The firm employs 120 (about 40%) of the town's workers.", "en", [120, 40]),
])
def test_a_different_figure_in_brackets_stays_apart(text, lang, values):
    assert [q.value for q in extract_quantities(text, lang)] == values


@pytest.mark.parametrize(("text", "lang", "value", "unit", "low"), [
    ("The ferry left port after a day of delays.", "en", 1.0, "day", 1.0),
    ("The vote was postponed for an hour.", "en", 1.0, "hour", 1.0),
    ("The search was called off after half a day.", "en", 0.5, "day", 0.5),
    ("The strait stayed shut for nearly a week.", "en", 1.0, "week", 0.85),
    ("Die Sitzung begann mit einer halben Stunde Verspätung.", "de", 0.5, "hour", 0.5),
    ("Die Fähre lag eine Woche lang im Hafen.", "de", 1.0, "week", 1.0),
    ("Keberangkatan kapal tertunda setengah jam.", "id", 0.5, "hour", 0.5),
    ("Pencarian berlangsung selama seminggu.", "id", 1.0, "week", 1.0),
])
def test_a_length_of_time_written_in_words_is_a_duration(text, lang, value, unit, low):
    (q,) = extract_quantities(text, lang)
    assert (q.kind, q.value, q.unit, q.low) == ("duration", value, unit, low)


@pytest.mark.parametrize(("text", "lang"), [
    ("Tickets cost more than a day's pay.", "en"),  # no cue before "a day"
    ("The ferry was inspected a week ago.", "en"),  # a moment, not a length
    ("Fares rose to the highest level in a decade.", "en"),  # rhetoric
    ("Die Fähre wurde vor einer Woche geprüft.", "de"),
])
def test_a_unit_of_time_that_is_no_length_is_not_read(text, lang):
    assert not [q for q in extract_quantities(text, lang) if q.kind == "duration"]


def test_a_full_stop_ends_what_a_number_counts():
    text = "Korban tewas enam orang, di antaranya dua anak-anak. Sebelas orang masih dicari."
    assert [(q.value, q.counted) for q in extract_quantities(text, "id")][1:] == \
        [(2.0, "anak-anak"), (11.0, "orang")]


@pytest.mark.parametrize(("text", "lang", "found"), [
    ("Nakhoda kapal, Darmawan Sule (52), selamat.", "id", [52.0]),
    ("Der Kapitän Jonas Weber (52) überlebte.", "de", [52.0]),
    ("Quarterback Dak Prescott (4) threw twice.", "en", []),  # a shirt number
])
def test_a_number_in_brackets_after_a_name(text, lang, found):
    assert [q.value for q in extract_quantities(text, lang)] == found

