"""Extract: the quantities, dates and actors of every sentence, as ``Claim`` records.

Every file of this package is part of the extraction version (``extraction_version``).
"""
