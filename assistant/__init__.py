"""Answering and eligibility for a soft-science call notice (the corpus served: the packaged 2024 Zhengzhou notice by default)."""
