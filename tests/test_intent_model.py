"""The kind-of-question model: data fitted on the dev splits, read by plain code."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from assistant.engine import Assistant
from assistant.intent_model import MODEL_PATH, IntentModel, text_features
from assistant.models import Intent

REPO = Path(__file__).resolve().parent.parent


def test_the_model_holds_no_value_of_a_notice_and_only_known_kinds() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert set(data["classes"]) <= {i.value for i in Intent}
    assert not any("test" in name for name in data["meta"]["fitted_on"])
    # Numbers are masked before features are made: no phone, amount, date or count is learnt.
    assert [f for f in data["weights"] if f.startswith("w:") and re.search(r"[1-9]", f)] == []


def test_predictions_are_a_distribution_over_the_kinds(assistant: Assistant) -> None:
    with assistant.features_seen() as seen:
        assistant.explain("申报截止日期是哪天？")
    assert "attr:date" in seen[0] and set(text_features("截止日期")) <= set(seen[0])
    probs = assistant.intents.predict(seen[0])
    assert abs(sum(probs.values()) - 1.0) < 1e-9
    assert max(probs, key=lambda k: probs[k]) == "dates"
    assert IntentModel.empty().predict(seen[0]) == {}


def test_a_late_submission_question_is_about_the_process_even_though_a_dated_fact_answers_it(
        assistant: Assistant) -> None:
    answer = assistant.ask("截止之后还能补交吗？")
    assert answer.intent == Intent.PROCESS
    assert "逾期不再受理" in answer.answer


def test_the_fit_refuses_a_test_split() -> None:
    proc = subprocess.run([sys.executable, "scripts/fit_intent.py", "--gold", "tests/gold/test.jsonl"],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "refusing" in proc.stderr
