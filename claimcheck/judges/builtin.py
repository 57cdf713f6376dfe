"""The built-in judges' factories, registered as entry points (``claimcheck.plugins``)."""

from __future__ import annotations


def statement(config):
    """Negation, antonym and quantifier clashes; the configuration's lexicon added."""
    from claimcheck.judges.statement import StatementJudge

    if not config.lexicon:
        return StatementJudge()
    from claimcheck.judges.lexicon import load_lexicon

    return StatementJudge(load_lexicon(dict(config.lexicon)))


def numeric(config):
    """Different figures for the same measured thing."""
    from claimcheck.judges.numeric import NumericJudge

    return NumericJudge()


def date(config):
    """Different dates for the same event."""
    from claimcheck.judges.dates import DateJudge

    return DateJudge()


def nli(config):
    """An NLI cross-encoder, only when the configuration names its model."""
    if not config.nli_model:
        return None
    from claimcheck.judges.nli import NLIJudge

    return NLIJudge(config.nli_model)
