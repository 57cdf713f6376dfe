"""Neighbours: each sentence's nearest of other outlets, topics and candidate pairs."""
