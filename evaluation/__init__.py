"""Evaluation scripts: score the assistant against gold question and profile files.

`python -m assistant eval ...` dispatches to `evaluation.cli.main`; `python -m evaluation ...` does the same.
"""
