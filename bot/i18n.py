"""Project Fluent bundles from locales/, locale negotiation and fallback.

Bidi isolation: Fluent can wrap every placeable in FSI…PDI (U+2068/U+2069). Telegram's apps keep
those invisible, and they stop a Latin course title or a number from reordering the punctuation
around it inside Arabic text, so they are on for Arabic. In the left-to-right locales they only add
invisible characters that travel along when a user copies a value (a code, a command), so they are
off there. Arabic lines additionally start with a right-to-left mark (see formatting.mark_rtl).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser
from fluent.syntax.ast import Junk

from bot.formatting import mark_rtl
from bot.locales import RTL_LOCALES, SUPPORTED_LOCALES


class LocaleError(Exception):
    """A locale file is missing or does not parse."""


@dataclass(frozen=True, slots=True)
class Translator:
    """The messages of one locale, with the default locale as fallback."""

    locale: str
    _i18n: I18n

    @property
    def rtl(self) -> bool:
        return self.locale in RTL_LOCALES

    def __call__(self, message_id: str, **args: Any) -> str:
        return self._i18n.format(self.locale, message_id, **args)

    def block(self, text: str) -> str:
        """A whole message body laid out in this locale's direction."""
        return mark_rtl(text) if self.rtl else text


class I18n:
    """Fluent bundles for every supported locale, built once by build_application."""

    def __init__(self, locales_dir: Path, default_locale: str = "en") -> None:
        self.default_locale = default_locale
        self._bundles: dict[str, FluentBundle] = {}
        for locale in SUPPORTED_LOCALES:
            self._bundles[locale] = self._load(locales_dir / locale, locale)

    @staticmethod
    def _load(directory: Path, locale: str) -> FluentBundle:
        files = sorted(directory.glob("*.ftl"))
        if not files:
            raise LocaleError(f"{directory}: no .ftl files for locale {locale}")
        bundle = FluentBundle([locale], use_isolating=locale in RTL_LOCALES)
        for path in files:
            source = path.read_text(encoding="utf-8")
            # Without spans the bundle's syntax trees take a third less memory; they are only needed to
            # name the line of an entry that does not parse (fluent.runtime would silently drop it).
            resource = FluentParser(with_spans=False).parse(source)
            if any(isinstance(entry, Junk) for entry in resource.body):
                junk = next(entry for entry in FluentParser().parse(source).body if isinstance(entry, Junk))
                line = source.count("\n", 0, junk.span.start) + 1 if junk.span else 0
                raise LocaleError(f"{path}:{line}: {junk.annotations[0].message if junk.annotations else 'syntax error'}")
            errors = bundle.add_resource(resource)
            if errors:
                raise LocaleError(f"{path}: {errors[0]}")
        return bundle

    @property
    def locales(self) -> tuple[str, ...]:
        return tuple(self._bundles)

    def negotiate(self, *candidates: str | None) -> str:
        """The first supported locale among candidates like 'fr-CA' or 'ar', else the default."""
        for candidate in candidates:
            if candidate:
                base = candidate.replace("_", "-").split("-")[0].lower()
                if base in self._bundles:
                    return base
        return self.default_locale

    def translator(self, locale: str) -> Translator:
        return Translator(locale if locale in self._bundles else self.default_locale, self)

    def format(self, locale: str, message_id: str, **args: Any) -> str:
        """Format a message; falls back to the default locale, and raises on a missing id or variable."""
        for candidate in (locale, self.default_locale):
            bundle = self._bundles.get(candidate)
            if bundle is not None and bundle.has_message(message_id):
                message = bundle.get_message(message_id)
                if message.value is None:
                    break
                text, errors = bundle.format_pattern(message.value, args)
                if errors:
                    raise LocaleError(f"{candidate}/{message_id}: {errors[0]}")
                return text
        raise LocaleError(f"unknown message id {message_id!r}")

    def all_locales(self, message_id: str, **args: Any) -> Mapping[str, str]:
        """The message in every locale (for command menus and similar)."""
        return {locale: self.format(locale, message_id, **args) for locale in self._bundles}
