"""``python -m nhskg`` runs the ``nhskg`` command."""

from .cli import main

main()
