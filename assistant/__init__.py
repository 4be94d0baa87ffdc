"""Answering and eligibility for the Zhengzhou 2024 Soft Science notice."""
