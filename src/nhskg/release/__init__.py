"""The release step: the only code that writes ``dist/``, and the rule for when to rewrite it.

In: ``build`` and ``validation``. Out: ``dist/`` — TriG, Turtle, N-Triples, JSON-LD, VoID and the query
docs, written atomically and byte-identical for the same inputs (``pipeline.run_build``). ``freshness``
says whether ``dist/`` is older than its inputs; every command that reads the graph asks it first.
"""
