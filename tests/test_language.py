"""Language detection over a small set, Malay folded into Indonesian."""

from __future__ import annotations

import pytest

from claimcheck.language import detect_language


@pytest.mark.parametrize(("text", "code"), [
    ("Kedutaan kami tetap buka", "id"),
    ("Pasukan Taliban mengklaim telah menguasai dua kota terbesar Afghanistan.", "id"),
    ("The embassy remains open and our diplomatic mission will endure.", "en"),
    ("Die Botschaft bleibt geöffnet.", "de"),
])
def test_detects(text, code):
    assert detect_language(text) == code


def test_too_short_gives_the_default():
    assert detect_language("12", default="id") == "id"
    assert detect_language("", default="de") == "de"
