"""Exceptions with a message meant for the user; the CLI prints them as one line."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base class: ``str(error)`` is a complete, user-facing sentence."""

    exit_code = 2


class InputError(ClaimcheckError):
    """A path, file or line that cannot be read as articles."""


class ModelError(ClaimcheckError):
    """An embedding or NLI model that is not available or does not load."""


class ConfigError(ClaimcheckError):
    """A configuration value or option that makes no sense."""
