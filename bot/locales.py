"""The interface and content languages: INTERPOL's four working languages."""

from __future__ import annotations

SUPPORTED_LOCALES = ("ar", "en", "es", "fr")
RTL_LOCALES = frozenset({"ar"})
