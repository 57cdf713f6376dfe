"""Embed: one row per sentence, from a sentence-transformers model or character n-grams."""
