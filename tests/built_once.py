"""What conftest built with the original code, kept across the pytest sessions of one process.

pytest imports conftest afresh for each session; a plain module like this one stays imported. `make mutation`
runs each mutant's tests in a process mutmut forks from its own, after it ran the suite once with the original
code: conftest reuses what is here for a mutant that cannot change it (see ``conftest._reusing``).
"""

BUILT: dict = {}
