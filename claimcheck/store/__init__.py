"""The store: articles and their readings kept for ``check --against``; accepted conflicts."""
