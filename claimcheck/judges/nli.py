"""A pluggable NLI judge: any sentence-transformers CrossEncoder trained for NLI.

Not registered by default: the rule-based judges work alone, and a user who has a
multilingual XNLI model on disk adds it with ``--nli-model NAME_OR_PATH``. The model's
own label names (``config.id2label``) say which output is contradiction, entailment or
neutral; nothing is ever fetched from a model hub.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimcheck.errors import ModelError
from claimcheck.judges import Judge
from claimcheck.judges.verdict import Verdict
from claimcheck.models import Claim, Conflict, PairContext

#: Label order of the sentence-transformers NLI cross-encoders (cross-encoder/nli-*) when a
#: model's config only says LABEL_0..LABEL_2.
DEFAULT_LABELS = ("contradiction", "entailment", "neutral")
_RELATION = {"contradiction": "contradiction", "entailment": "agreement", "neutral": "unrelated"}


class NLIJudge(Judge):
    """Ask a CrossEncoder whether B contradicts, follows from, or is neutral to A."""

    name = "nli"

    def __init__(self, model_name_or_path: str, *, threshold: float = 0.5,
                 batch_size: int = 32) -> None:
        """Load the model now, so an unavailable one fails at once.

        Args:
            model_name_or_path: A model folder, or a name already in the local
                Hugging Face cache.
            threshold: Probability of "contradiction" needed to report a conflict.
            batch_size: Pairs per forward pass in ``predict``.

        Raises:
            ModelError: the model is not on this machine, does not load, or its labels
                are not NLI labels.
        """
        self.model_name = model_name_or_path
        self.threshold = threshold
        self.batch_size = batch_size
        self.model = _load_cross_encoder(model_name_or_path)
        self.labels = nli_labels(_id2label(self.model), model_name_or_path)

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        """Label probabilities ({"contradiction", "entailment", "neutral"}) for each pair."""
        if not pairs:
            return []
        probabilities = self.model.predict(list(pairs), batch_size=self.batch_size,
                                           apply_softmax=True, show_progress_bar=False)
        return [{label: float(row[i]) for i, label in enumerate(self.labels)}
                for row in probabilities]

    def verdict(self, a: Claim, b: Claim, context: PairContext) -> Verdict:
        """The model's reading of the pair, as a verdict with a conflict when it contradicts."""
        probabilities = self.predict([(a.sentence.text, b.sentence.text)])[0]
        label = max(probabilities, key=probabilities.get)
        score = probabilities[label]
        shown = ", ".join(f"{name} {p:.2f}" for name, p in sorted(probabilities.items()))
        explanation = f"NLI model {self.model_name}: {shown}"
        if label == "contradiction" and score >= self.threshold:
            conflict = Conflict(kind="statement", score=round(score, 3), explanation=explanation,
                                a=a, b=b, judge=self.name, topic=context.topic, detail="nli")
            return Verdict(self.name, "contradiction", score, explanation, conflict)
        relation = _RELATION[label] if label != "contradiction" else "unrelated"
        return Verdict(self.name, relation, score, explanation)

    def judge(self, a: Claim, b: Claim, context: PairContext) -> Conflict | None:
        """A conflict when the model says "contradiction" with at least ``threshold``."""
        return self.verdict(a, b, context).conflict


def nli_labels(id2label: dict[int, str] | None, model: str = "the model") -> tuple[str, ...]:
    """Output position -> "contradiction" | "entailment" | "neutral".

    Raises:
        ModelError: the labels cannot be read as the three NLI labels.
    """
    if not id2label:
        raise ModelError(f"{model} has no label names; an NLI model needs 3 labels")
    # JSON configs carry string keys ("0"), loaded ones int keys.
    by_position = {int(key): str(label).casefold() for key, label in id2label.items()}
    names = [by_position[i] for i in sorted(by_position)]
    if len(names) != 3:
        raise ModelError(f"{model} has {len(names)} labels; an NLI model needs 3 "
                         "(contradiction, entailment, neutral)")
    mapped = []
    for name in names:
        for label in DEFAULT_LABELS:
            if name.startswith(label[:6]):
                mapped.append(label)
                break
    if sorted(mapped) == sorted(DEFAULT_LABELS):
        return tuple(mapped)
    if all(name.startswith("label_") for name in names):
        return DEFAULT_LABELS
    raise ModelError(f"{model} labels {names} are not contradiction/entailment/neutral")


def _load_cross_encoder(name: str) -> Any:
    from claimcheck.embed.model_loader import offline_environment, resolve_model_path

    # Before the import: without it a missing model costs a minute of hub retries.
    offline_environment()
    path = resolve_model_path(name)
    try:
        from sentence_transformers import CrossEncoder
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        return CrossEncoder(str(path), device="cpu", local_files_only=True)
    except Exception as error:  # noqa: BLE001 - any failure to load is the user's model
        message = str(error).strip().splitlines()[0] if str(error).strip() else \
            type(error).__name__
        raise ModelError(f"cannot load NLI model {name!r} from {path}: {message}") from None


def _id2label(model: Any) -> dict[int, str] | None:
    config = getattr(model, "config", None)
    if config is None:
        for module in model.modules():
            config = getattr(module, "config", None)
            if getattr(config, "id2label", None):
                break
    return dict(getattr(config, "id2label", None) or {}) or None
