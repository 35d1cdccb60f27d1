"""The content checker: normalised matching against lexicons, privacy and platform rules.

Pure Python, no Qt and no SQL. ``check()`` in :mod:`.check` is the entry point; the
Aho-Corasick and OpenCC libraries are imported lazily on the first check.
"""
