"""Hand-written expectations for some catalogue queries (see query_expectations.py for the format)."""

from __future__ import annotations

from decimal import Decimal as D  # noqa: F401

ID = "https://w3id.org/nhskg/id/"

EXPECTATIONS: dict = {}
CHECK_BREAKERS: dict[str, str] = {}
