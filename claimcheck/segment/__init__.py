"""Segment: page furniture off, sentences out, a language per sentence; reprints grouped."""
