"""The package's shape: a package per stage, imports only along the flow, small modules.

Read from the source with ``ast``, so an import inside a function counts as much as one
at the top of a module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "claimcheck"

#: The stages in the order data flows through them. A stage may import the stages before
#: it, never one after it.
STAGES = ("ingest", "segment", "extract", "embed", "neighbours", "judges", "claims",
          "formats", "store", "cli")
#: Beside the flow, importable from every stage: the records, the errors, the one
#: configuration, the plug-in registries, the language layer and the collector pause.
SHARED = ("models", "errors", "config", "plugins", "gc_pause", "lang")
#: Only the command line and the report formats talk to a terminal.
TERMINAL_LIBRARIES = ("click", "rich")
TERMINAL_PACKAGES = ("formats", "cli")


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _part(path: Path) -> str:
    """The first name under ``claimcheck/``: a stage, a shared module or the pipeline."""
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, dotted name) of every import in ``path``, ``from a import b`` as ``a.b``."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return names


def _claimcheck_part(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if parts[0] == "claimcheck" and len(parts) > 1 else None


def test_the_top_of_the_package_holds_the_stages_and_a_few_shared_modules():
    entries = {path.name.removesuffix(".py") for path in PACKAGE.iterdir()
               if path.name != "__pycache__"}
    assert entries == {*STAGES, *SHARED, "pipeline", "__init__", "__main__", "LICENSES"}
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").is_file(), stage


def _imports_beyond(allowed_for) -> list[str]:
    """Every import of claimcheck code outside what ``allowed_for(part)`` allows the module's
    part (None: the part is not checked), as "path:line imports name"."""
    found = []
    for path in _modules():
        allowed = allowed_for(_part(path))
        if allowed is None:
            continue
        for line, name in _imports(path):
            imported = _claimcheck_part(name)
            if imported is not None and imported not in {*allowed, *SHARED, "__version__"}:
                found.append(f"{path.relative_to(PACKAGE)}:{line} imports {name}")
    return found


def test_no_stage_imports_a_later_stage_and_only_the_cli_calls_the_pipeline():
    def earlier_stages(part: str):
        if part not in STAGES:
            return None
        return {*STAGES[:STAGES.index(part) + 1], *(("pipeline",) if part == "cli" else ())}

    assert _imports_beyond(earlier_stages) == []


def test_shared_modules_import_no_stage_but_the_configuration_s_own():
    # config reads the names of formats and embedders, the lexicon and the size limit it
    # checks; the records, errors, registries and language layer import no stage at all.
    def configuration_s_own(part: str):
        if part not in SHARED:
            return None
        return {"formats", "judges", "ingest"} if part == "config" else set()

    assert _imports_beyond(configuration_s_own) == []


def test_only_formats_and_the_cli_import_click_or_rich():
    found = [f"{path.relative_to(PACKAGE)}:{line} imports {name}"
             for path in _modules() if _part(path) not in TERMINAL_PACKAGES
             for line, name in _imports(path)
             if name.split(".")[0] in TERMINAL_LIBRARIES]
    assert found == []


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_four_hundred_lines(path: Path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


def test_the_import_check_sees_an_import_against_the_flow(tmp_path: Path):
    source = tmp_path / "late.py"
    source.write_text("def f():\n    from claimcheck.claims.measures import read_measures\n",
                      encoding="utf-8")
    assert _imports(source) == [(2, "claimcheck.claims.measures.read_measures")]
    assert _claimcheck_part(_imports(source)[0][1]) == "claims"
    assert STAGES.index("claims") > STAGES.index("extract")
    assert _imports_beyond(lambda part: set() if part == "extract" else None) != []


def test_the_extraction_version_covers_every_module_of_the_extract_package():
    from claimcheck.extract.extraction_version import extraction_sources

    hashed = {path for _, path in extraction_sources()}
    assert set((PACKAGE / "extract").glob("*.py")) <= hashed
    assert {PACKAGE / "models.py", *(PACKAGE / "lang").rglob("*.toml")} <= hashed


def test_a_module_added_to_the_extract_package_changes_the_extraction_version(
        tmp_path: Path, monkeypatch):
    import shutil

    from claimcheck.extract import extraction_version as version

    package = tmp_path / "extract"
    shutil.copytree(PACKAGE / "extract", package, ignore=shutil.ignore_patterns("__py*"))
    monkeypatch.setattr(version, "_PACKAGE", package)
    version.extraction_version.cache_clear()
    try:
        before = version.extraction_version()
        (package / "ordinals.py").write_text('"""A reader of ordinals."""\n', "utf-8")
        version.extraction_version.cache_clear()
        assert version.extraction_version() != before
    finally:
        version.extraction_version.cache_clear()
