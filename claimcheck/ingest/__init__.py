"""Ingest: articles from files, folders and JSONL read into ``Document`` records."""
