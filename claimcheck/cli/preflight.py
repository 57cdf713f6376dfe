"""What can be checked before any article is read: the model, the store, the output path.

A missing model used to fail after the whole pipeline (12.8 s on 2,000 articles), an
unwritable ``-o`` after the whole run (21 s), and ``index`` with a missing model after
storing every article. Each check here is cheap: a model is identified from its folder
(``ModelIdentity``, no torch), a store is opened and closed, an output folder gets a
temporary file that is removed at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def check_model(embedder: str, model: str | None) -> None:
    """Raise ``ModelError`` when ``embedder`` needs a model that is not on this machine."""
    if embedder == "lexical":
        return
    from claimcheck.embed.model_loader import identify_model

    identify_model(model)


def check_nli_model(model: str | None) -> None:
    """Raise ``ModelError`` when the NLI judge's model is not on this machine."""
    if model:
        from claimcheck.embed.model_loader import resolve_model_path

        resolve_model_path(model)


def check_store(path: str | Path, *, create: bool) -> None:
    """Raise ``StoreError`` for a store that ``Store(path, create=create)`` would refuse,
    without creating one: a missing file (unless ``create``), a folder, a foreign or newer
    file, or (for a new store) a folder that cannot be written."""
    from claimcheck.errors import InputError
    from claimcheck.formats.output import check_writable
    from claimcheck.store.store import Store, StoreError

    target = Path(path)
    if target.is_file() or not create:
        with Store(target, create=False):
            return
    if target.is_dir():
        raise StoreError(f"store path {target} is a folder")
    try:
        check_writable(target)
    except InputError as error:
        raise StoreError(str(error).replace("cannot write", "cannot create store", 1)) from None


def preflight(config, *, output: str | Path | None = None, against: str | Path | None = None,
              protected: Iterable[str | Path] = ()) -> None:
    """Every check a ``check`` run can make before reading its articles."""
    from claimcheck.formats.output import check_writable

    check_model(config.embedder, config.model)
    check_nli_model(config.nli_model)
    if against is not None:
        check_store(against, create=False)
    if output is not None:
        check_writable(output, protected=protected)
