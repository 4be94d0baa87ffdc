"""What kind of question this is (dates, funding, contacts, materials, process, rules, topics,
eligibility, out of scope): a linear model over what the question says and what retrieval found.

The features are the question's own words (jieba words and character bigrams, numbers masked),
the asked attribute and flags of `assistant.understand` (yes/no, overview, status, the asker
speaking of themselves, the profile fields stated, a topic, office or level named), and the kinds
of fact resting on the passages BM25 ranks highest. Nothing here names a value of one notice.

The weights are fitted by `scripts/fit_intent.py` on the development gold sets only (never a test
split) and stored as data in `intent_model.json` beside this module; without that file every
question gets an empty prediction and the engine falls back to the kind of the fact it chose.
The engine uses the prediction as one ranking feature (a fact of the predicted kind) and as the
kind it reports for an answer built from general facts.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from index.tokenize import tokens

MODEL_PATH = Path(__file__).with_name("intent_model.json")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def text_features(text: str) -> list[str]:
    """The question's words and character bigrams, numbers masked ("5项" and "2项" are one feature)."""
    masked = _NUMBER.sub("0", text.lower())
    return sorted({f"w:{t}" for t in tokens(masked) if t.strip()})


@dataclass(frozen=True)
class IntentModel:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]  # feature -> one weight per class

    @classmethod
    def empty(cls) -> IntentModel:
        return cls((), (), {})

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> IntentModel:
        if not path.exists():
            return cls.empty()
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(tuple(data["classes"]), tuple(data["bias"]),
                   {k: tuple(v) for k, v in data["weights"].items()})

    def save(self, path: Path, meta: dict[str, object]) -> None:
        body = {"meta": meta, "classes": list(self.classes), "bias": [round(b, 4) for b in self.bias],
                "weights": {k: [round(x, 4) for x in v] for k, v in sorted(self.weights.items())}}
        path.write_text(json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")

    def predict(self, features: Iterable[str]) -> dict[str, float]:
        """Probability of each kind (softmax over the summed weights); empty without a model."""
        if not self.classes:
            return {}
        z = list(self.bias)
        for f in set(features):
            w = self.weights.get(f)
            if w:
                z = [a + b for a, b in zip(z, w, strict=True)]
        top = max(z)
        e = [math.exp(x - top) for x in z]
        s = sum(e)
        return {c: x / s for c, x in zip(self.classes, e, strict=True)}


def best(probs: dict[str, float]) -> tuple[str | None, float]:
    if not probs:
        return None, 0.0
    kind = max(probs, key=lambda k: probs[k])
    return kind, probs[kind]
