"""Words around a number: units, counted nouns, hedges, changes and qualifiers per language.

Kept as plain tables so a new language is a data change. Keys are folded to lower case;
Malay shares the Indonesian words, unknown languages fall back to English.
"""

from __future__ import annotations

from functools import lru_cache


def _expand(table: dict[tuple[str, str], str]) -> dict[str, tuple[str, str]]:
    # (unit, kind) -> "word word ..." written compactly, expanded to word -> (unit, kind).
    out: dict[str, tuple[str, str]] = {}
    for key, words in table.items():
        for word in words.split("|"):
            out[word] = key
    return out


#: Word or symbol after a number -> (normalised unit, kind).
UNITS: dict[str, tuple[str, str]] = _expand({
    ("percent", "percent"): "%|persen|percent|per cent|pct|prozent|pc|persentase",
    ("percentage point", "percent"): "percentage points|percentage point|poin persentase|"
                                     "prozentpunkte|prozentpunkt|basis poin|basis points",
    ("dollar", "money"): "dollar|dollars|dolar|usd|us-dollar|dolar as|dollar as|us dollars",
    ("euro", "money"): "euro|euros|eur",
    ("pound", "money"): "pounds sterling|pound sterling|pfund|gbp|pounds|pound",
    ("rupiah", "money"): "rupiah|idr",
    ("cent", "money"): "cents|cent|sen",
    ("pence", "money"): "pence|p",
    ("yen", "money"): "yen",
    ("yuan", "money"): "yuan|renminbi",
    ("rouble", "money"): "rubel|rubles|roubles|rouble|ruble",
    ("ringgit", "money"): "ringgit",
    ("rupee", "money"): "rupees|rupee",
    ("crown", "money"): "crowns|kronen|kroner|kronor",
    ("franc", "money"): "francs|franken",
    ("kilometre", "measure"): "km|kilometer|kilometre|kilometers|kilometres|kilometern|kms",
    ("metre", "measure"): "m|meter|metre|meters|metres|metern",
    ("centimetre", "measure"): "cm|centimeter|centimetre|centimeters|centimetres|zentimeter",
    ("millimetre", "measure"): "mm|millimeter|millimetre|millimeters|millimetres",
    ("mile", "measure"): "mile|miles|mil|meilen",
    ("foot", "measure"): "feet|foot|ft",
    ("yard", "measure"): "yard|yards",
    ("inch", "measure"): "inch|inches|inci|zoll",
    ("square kilometre", "measure"): "km2|km²|square kilometres|square kilometers|"
                                     "quadratkilometer|kilometer persegi",
    ("hectare", "measure"): "ha|hectare|hectares|hektar|hektare",
    ("acre", "measure"): "acre|acres",
    ("kilogram", "measure"): "kg|kilogram|kilograms|kilogramm|kilo|kilos",
    ("gram", "measure"): "g|gram|grams|gramm",
    ("tonne", "measure"): "ton|tons|tonne|tonnes|tonnen",
    ("litre", "measure"): "l|liter|litre|liters|litres",
    ("barrel", "measure"): "barrel|barrels|barel",
    ("degree", "measure"): "degrees|degree|derajat|grad|°c|°f|°",
    ("mph", "measure"): "mph",
    ("km/h", "measure"): "km/h|kph|km/jam|kmh",
    ("horsepower", "measure"): "hp|horsepower|bhp|ps|tenaga kuda",
    ("rpm", "measure"): "rpm",
    ("byte", "measure"): "gb|mb|tb|kb",
    ("watt", "measure"): "mw|gw|kw|kwh|mwh|gwh|watt|watts",
    ("second", "duration"): "second|seconds|detik|sekunde|sekunden|sec|secs",
    ("minute", "duration"): "minute|minutes|menit|minute|minuten|min|mins",
    ("hour", "duration"): "hour|hours|jam|stunde|stunden|hrs|hr",
    ("day", "duration"): "day|days|hari|tag|tage|tagen",
    ("week", "duration"): "week|weeks|minggu|pekan|woche|wochen",
    ("month", "duration"): "month|months|bulan|monat|monate|monaten",
    ("year", "duration"): "year|years|tahun|jahr|jahre|jahren|year-old|years-old|yr|yrs",
    ("decade", "duration"): "decade|decades|dekade|dasawarsa|jahrzehnt|jahrzehnte",
    ("century", "duration"): "century|centuries|abad|jahrhundert|jahrhunderte",
    # Counted nouns with a class, so "tentara" and "troops" compare as one thing.
    ("troops", "count"): "tentara|pasukan|prajurit|serdadu|personel militer|troops|soldiers|"
                         "servicemen|service members|marines|soldaten|truppen|soldat|"
                         "militärs|troop|soldier|anggota militer|reservists|reservisten|"
                         "reservesoldaten",
    ("people", "count"): "orang|jiwa|warga|penduduk|people|persons|residents|civilians|"
                         "menschen|personen|einwohner|zivilisten|individuals|orang-orang",
    ("staff", "count"): "staf|pegawai|karyawan|personel|staff|employees|workers|personnel|"
                        "diplomats|diplomat|diplomaten|mitarbeiter|angestellte|beschäftigte",
    ("refugees", "count"): "pengungsi|refugees|flüchtlinge|migrants|migran|asylum seekers",
    ("deaths", "count"): "korban tewas|deaths|dead|tote|toten|fatalities|korban jiwa",
})

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "dollar", "us$": "dollar", "us $": "dollar", "a$": "dollar", "c$": "dollar",
    "hk$": "dollar", "s$": "dollar", "nz$": "dollar", "usd": "dollar", "£": "pound",
    "€": "euro", "eur": "euro", "¥": "yen", "rp": "rupiah", "rp.": "rupiah", "idr": "rupiah",
    "rm": "ringgit", "gbp": "pound", "₹": "rupee", "rs": "rupee", "rs.": "rupee",
}

# Words before a number: the first group wins when several apply.
_HEDGES = {
    "en": {
        "~": "about|around|approximately|roughly|some|an estimated|estimated|close to|circa|"
             "ca.|approx.|almost|nearly|just about|around about|averaging|an average of|"
             "average of|averaged|average",
        ">": "more than|over|at least|above|exceeding|in excess of|upwards of|no fewer than|"
             "no less than|greater than|beyond|higher than|a minimum of|minimum of|over than|"
             "just over|well over|excess of",
        "<": "up to|less than|fewer than|under|below|at most|no more than|just under|"
             "a maximum of|maximum of|lower than|as little as|as few as|within|not more than",
        "up": "rose|rise|rises|rising|risen|increased|increase|increases|increasing|up|gained|"
              "gain|gains|climbed|climb|climbs|jumped|jump|jumps|grew|grow|grows|growth of|"
              "surged|surge|soared|soar|added|adds|boosted|boost|raised|raise|advanced|"
              "rallied|higher|widened|hike|hiked|expanded",
        "down": "fell|fall|falls|falling|fallen|dropped|drop|drops|declined|decline|declines|"
                "decreased|decrease|decreases|down|lost|lose|loses|slid|slide|slipped|slip|"
                "plunged|plunge|tumbled|tumble|shed|sheds|cut|cuts|lower|dipped|dip|sank|sink|"
                "shrank|shrink|narrowed|slumped|slump|eased|reduced|reduce|retreated|lowered",
    },
    "id": {
        "~": "sekitar|kira-kira|kurang lebih|lebih kurang|hampir|sekira|mendekati|"
             "diperkirakan|rata-rata|sekitar kurang lebih",
        ">": "lebih dari|lebih daripada|sedikitnya|setidaknya|paling sedikit|minimal|"
             "di atas|melebihi|lebih|lebih dari sekitar",
        "<": "hingga|sampai|kurang dari|di bawah|maksimal|paling banyak|tak sampai|"
             "tidak sampai|tidak lebih dari|maksimum",
        "up": "naik|meningkat|bertambah|melonjak|tumbuh|menguat|kenaikan|peningkatan|"
              "melesat|melambung|bertumbuh|pertumbuhan",
        "down": "turun|menurun|berkurang|anjlok|merosot|melemah|penurunan|jatuh|susut|"
                "menyusut|terkoreksi|berkurangnya",
    },
    "de": {
        "~": "etwa|rund|ungefähr|circa|ca.|knapp|fast|beinahe|annähernd|schätzungsweise|"
             "gut|geschätzt|geschätzte|durchschnittlich|zirka",
        ">": "mehr als|über|mindestens|wenigstens|mehr denn|oberhalb von|weit über|"
             "knapp über|gut über",
        "<": "bis zu|weniger als|unter|höchstens|maximal|knapp unter|nicht mehr als",
        "up": "stieg|steigt|gestiegen|wuchs|wächst|gewachsen|erhöhte sich|zulegte|legte|"
              "kletterte|plus",
        "down": "fiel|fällt|gefallen|sank|sinkt|gesunken|verlor|verliert|minus|schrumpfte",
    },
}
_HEDGES["ms"] = _HEDGES["id"]

#: Hedges that mean "just below": an interval ending at the value.
BELOW_HEDGES = frozenset("almost nearly hampir mendekati fast beinahe knapp".split())

# Qualifier word -> normalised qualifier.
QUALIFIERS: dict[str, str] = {
    **dict.fromkeys("tambahan additional extra further more weitere weiteren zusätzliche "
                    "zusätzlichen zusätzlich lagi".split(), "additional"),
    **dict.fromkeys("cadangan reserve reserves reservists reservisten reservesoldaten "
                    "reserve-soldaten".split(), "reserve"),
    **dict.fromkeys("total seluruhnya keseluruhan insgesamt".split(), "total"),
    **dict.fromkeys("baru new neue neuen".split(), "new"),
}

# Phrases that mark troops or staff already in place, anywhere in the sentence.
ALREADY_DEPLOYED = (r"telah menempatkan|sudah menempatkan|telah ditempatkan|sudah ditempatkan|"
                    r"sudah berada|telah berada|already|stationed|bereits|stationiert|"
                    r"currently has|saat ini memiliki|ditempatkan di")

# Connectors allowed between a change verb or hedge and the number.
CONNECTORS = frozenset("by sebesar sebanyak um".split())


@lru_cache(maxsize=16)
def hedges(language: str) -> tuple[tuple[str, str], ...]:
    """(phrase, change) pairs for ``language``, longest phrase first."""
    table = _HEDGES.get(language, _HEDGES["en"])
    pairs = [(phrase, change) for change, phrases in table.items()
             for phrase in phrases.split("|")]
    return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))
