"""nhskg: a knowledge graph of NHS commissioning bodies and the survey claims made about them."""

__version__ = "0.1.0"
