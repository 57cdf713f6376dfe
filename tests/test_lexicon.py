"""The statement lexicon: packaged defaults and user extensions."""

from __future__ import annotations

import pytest

from claimcheck.errors import ConfigError
from claimcheck.judges.lexicon import default_lexicon, load_lexicon


def test_defaults_cover_three_languages_and_malay_reads_indonesian():
    lexicon = default_lexicon()
    assert "tidak" in lexicon.for_language("id").negators
    assert "nicht" in lexicon.for_language("de").negators
    assert lexicon.for_language("ms") is lexicon.for_language("id")
    assert lexicon.for_language("xx") is lexicon.for_language("en")
    assert ("tutup",) in lexicon.for_language("id").polar


def test_extension_adds_and_keeps_defaults():
    lexicon = load_lexicon({"fr": {"negators": ["pas"]},
                            "en": {"hedges": ["word on the street"]}})
    assert "pas" in lexicon.for_language("fr").negators
    assert ("word", "on", "the", "street") in lexicon.for_language("en").hedges
    assert ("may",) in lexicon.for_language("en").hedges


@pytest.mark.parametrize("extra", [{"id": ["tidak"]}, {"id": {"negators": "tidak"}},
                                   {"id": {"antonyms": []}},
                                   {"id": {"concepts": {"open": {"up": ["x"]}}}}])
def test_malformed_extension_is_a_config_error(extra):
    with pytest.raises(ConfigError):
        load_lexicon(extra)
