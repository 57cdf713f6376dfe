"""Claims across outlets: the same measure, date or code from every outlet, compared."""
