"""Start-up benchmark for newmedia_desk; run it with ``python -m tests.perf``.

It is not part of the pytest suite (``norecursedirs`` leaves this folder out). See
``tests/perf/startup.py`` for what it measures and ``docs/ci.md`` for how to read it.
"""
