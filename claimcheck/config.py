"""The one configuration of a run (``CheckConfig``), and the settings files that fill it.

Settings come from ``[tool.claimcheck]`` in pyproject.toml or from claimcheck.toml,
looked up from the current folder upwards (the first claimcheck.toml, or pyproject.toml
with a ``[tool.claimcheck]`` table, wins), or read from an explicit file. Command-line
options override file settings; an unknown key is an error naming it, because a typo
(``min-score`` for ``min_score``) silently ignored would change what a CI gate lets through.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from claimcheck.errors import ConfigError

FAIL_ON_CHOICES = ("any", "numeric", "unspecified", "date", "statement")
CONFIG_FILE = "claimcheck.toml"


@dataclass(frozen=True)
class CheckConfig:
    """Every knob of a run: defaults, then a settings file, then the command line.

    The one configuration object: the CLI builds it (``load_settings(...).override(...)``)
    and hands it to ``claimcheck.pipeline``; a notebook builds it directly.
    """

    embedder: str = "hybrid"
    model: str | None = None
    cache_dir: str | None = None
    use_cache: bool = True
    neighbours: int = 10
    min_percentile: float = 0.25
    min_score: float = 0.0
    #: Names of registered judges to run; ``None`` runs every one the configuration enables.
    judges: tuple[str, ...] | None = None
    #: A CrossEncoder NLI model for the ``nli`` judge (off when ``None``).
    nli_model: str | None = None
    #: Language for documents that declare none, instead of detecting it.
    language: str | None = None
    #: Extra statement-lexicon entries, shaped like the ``[lexicon]`` of
    #: ``claimcheck/lang/words/<code>.toml``.
    lexicon: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    #: Outlet names as written -> canonical name ("Reuters.com" -> "Reuters").
    outlets: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: Which conflicts fail a gated run (``check``'s exit code).
    fail_on: tuple[str, ...] = ("any",)
    #: Accepted conflicts (``claimcheck baseline``'s file); ``None``: none accepted.
    baseline: str | None = None
    #: Report format; ``None``: the command's default.
    format: str | None = None
    #: Characters of text above which an article is skipped or cut ("2MB" in a file;
    #: ``None``: no limit).
    max_article_size: int | None = 2_000_000
    #: What happens to such an article: "skip" or "truncate" (claimcheck.ingest.oversize).
    oversize: str = "skip"
    #: The settings file these values came from, if any.
    source: Path | None = None

    def override(self, **options: Any) -> CheckConfig:
        """This configuration with every option that is not ``None`` taking precedence."""
        given = {name: value for name, value in options.items() if value is not None}
        unknown = sorted(set(given) - {f.name for f in fields(self)})
        if unknown:
            raise ConfigError(f"unknown setting {unknown[0]!r}")
        return replace(self, **_validated(given, "the command line"))


#: What a settings file may set.
KEYS = ("model", "embedder", "min_score", "fail_on", "baseline", "format", "lexicon",
        "outlets", "language", "neighbours", "max_article_size", "oversize")


def find_config(start: str | Path | None = None) -> Path | None:
    """The nearest claimcheck.toml, or pyproject.toml with ``[tool.claimcheck]``."""
    folder = Path(start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own
        project = candidate / "pyproject.toml"
        if project.is_file() and "claimcheck" in _read_toml(project).get("tool", {}):
            return project
    return None


def load_settings(path: str | Path | None = None, *, start: str | Path | None = None
                  ) -> CheckConfig:
    """Settings from ``path``, else from the file ``find_config`` finds, else defaults."""
    if path is not None:
        source = Path(path)
        if not source.is_file():
            raise ConfigError(f"config file {source} does not exist")
    else:
        source = find_config(start)
        if source is None:
            return CheckConfig()
    data = _read_toml(source)
    if source.name == "pyproject.toml":
        table = data.get("tool", {}).get("claimcheck", {})
        where = f"[tool.claimcheck] of {source}"
    else:
        table = data.get("tool", {}).get("claimcheck", data)
        where = str(source)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table of settings")
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(f"unknown key {unknown[0]!r} in {where}; known keys: "
                          f"{', '.join(KEYS)}")
    values = _validated(table, where)
    if values.get("baseline"):
        # A path in a config file means: relative to that file, wherever claimcheck runs.
        values["baseline"] = str((source.parent / values["baseline"]).resolve())
    return CheckConfig(**values, source=source.resolve())


def parse_fail_on(values: str | list | tuple, where: str = "fail_on") -> tuple[str, ...]:
    """``"numeric,date"`` or ``["numeric", "date"]`` -> ``("numeric", "date")``."""
    items = values.split(",") if isinstance(values, str) else list(values)
    kinds = []
    for item in items:
        kind = str(item).strip().lower()
        if kind not in FAIL_ON_CHOICES:
            raise ConfigError(f"{where}: {item!r} is not one of {', '.join(FAIL_ON_CHOICES)}")
        if kind not in kinds:
            kinds.append(kind)
    if not kinds:
        raise ConfigError(f"{where}: give at least one of {', '.join(FAIL_ON_CHOICES)}")
    return tuple(kinds)


def _validated(values: Mapping[str, Any], where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key in ("model", "baseline", "format", "language"):
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{where}: {key} must be a non-empty string")
            out[key] = value.strip().lower() if key in ("language", "format") else value
        elif key == "max_article_size":
            from claimcheck.ingest.oversize import parse_size

            try:
                out[key] = parse_size(value)
            except ConfigError as error:
                raise ConfigError(f"{where}: max_article_size: {error}") from None
        elif key == "oversize":
            if value not in ("skip", "truncate"):
                raise ConfigError(f"{where}: oversize must be skip or truncate")
            out[key] = value
        elif key == "embedder":
            from claimcheck.plugins import EMBEDDERS

            if value not in EMBEDDERS:
                raise ConfigError(f"{where}: embedder must be one of {', '.join(EMBEDDERS)}")
            out[key] = value
        elif key == "min_score":
            if isinstance(value, bool) or not isinstance(value, int | float) \
                    or not 0 <= value <= 1:
                raise ConfigError(f"{where}: min_score must be a number from 0 to 1")
            out[key] = float(value)
        elif key == "neighbours":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{where}: neighbours must be a whole number of at least 1")
            out[key] = value
        elif key == "fail_on":
            out[key] = parse_fail_on(value, f"{where}: fail_on")
        elif key in ("lexicon", "outlets"):
            if not isinstance(value, Mapping):
                raise ConfigError(f"{where}: {key} must be a table")
            if key == "outlets" and not all(isinstance(v, str) for v in value.values()):
                raise ConfigError(f"{where}: outlets maps names to names (strings)")
            out[key] = MappingProxyType(dict(value))
        elif key == "judges":
            out[key] = tuple(value)
        else:  # cache_dir, use_cache, nli_model, min_percentile: set by code, not files
            out[key] = value
    if out.get("lexicon"):
        _check_lexicon(out["lexicon"], where)
    if "format" in out:
        from claimcheck.formats import FORMATTERS

        if out["format"] not in FORMATTERS:
            raise ConfigError(f"{where}: format must be one of {', '.join(FORMATTERS)}")
    return out


def _check_lexicon(entries: Mapping[str, Any], where: str) -> None:
    # Fail at load time, naming the file, rather than in the middle of a check.
    from claimcheck.judges.lexicon import load_lexicon

    try:
        load_lexicon(dict(entries))
    except ConfigError as error:
        raise ConfigError(f"{where}: lexicon: {error}") from None


def canonical_outlet(name: str, outlets: Mapping[str, str]) -> str:
    """``outlets[name]``, matched without regard to case; ``name`` when it is not mapped."""
    folded = {raw.casefold(): canonical for raw, canonical in outlets.items()}
    return folded.get(name.casefold(), name)


def apply_outlet_names(documents, outlets: Mapping[str, str]) -> list:
    """``documents`` with their outlets renamed by the ``outlets`` map."""
    if not outlets:
        return list(documents)
    return [replace(doc, outlet=canonical_outlet(doc.outlet, outlets)) for doc in documents]


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except OSError as error:
        raise ConfigError(f"cannot read config file {path}: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"config file {path} is not valid TOML: {error}") from None
