"""Locale parity: same message ids and variables everywhere, and every message formats."""

from __future__ import annotations

from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast, visitor

from bot.formatting import RLM, clean_input, mark_rtl
from bot.i18n import I18n, LocaleError
from bot.locales import SUPPORTED_LOCALES
from bot.settings import PROJECT_ROOT

LOCALES_DIR = PROJECT_ROOT / "locales"


class _References(visitor.Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.variables: set[str] = set()
        self.terms: set[str] = set()
        self.messages: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:  # noqa: N802 (fluent's naming)
        self.variables.add(node.id.name)

    def visit_TermReference(self, node: ast.TermReference) -> None:  # noqa: N802
        self.terms.add(node.id.name)

    def visit_MessageReference(self, node: ast.MessageReference) -> None:  # noqa: N802
        self.messages.add(node.id.name)


def _entries(locale: str) -> dict[str, _References]:
    entries: dict[str, _References] = {}
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        junk = [entry for entry in resource.body if isinstance(entry, ast.Junk)]
        assert not junk, f"{path}: syntax error: {junk[0].annotations[0].message}: {junk[0].content!r}"
        for entry in resource.body:
            if isinstance(entry, ast.Message | ast.Term):
                prefix = "-" if isinstance(entry, ast.Term) else ""
                references = _References()
                references.visit(entry)
                entries[prefix + entry.id.name] = references
    return entries


REFERENCE = _entries("en")


@pytest.mark.parametrize("locale", [locale for locale in SUPPORTED_LOCALES if locale != "en"])
def test_same_ids_and_variables_as_english(locale: str) -> None:
    entries = _entries(locale)
    assert sorted(set(REFERENCE) - set(entries)) == [], f"missing in {locale}"
    assert sorted(set(entries) - set(REFERENCE)) == [], f"only in {locale}"
    for message_id, references in REFERENCE.items():
        assert entries[message_id].variables == references.variables, f"{locale}/{message_id} variables"
        assert entries[message_id].terms == references.terms, f"{locale}/{message_id} terms"


def _sample_args(variables: set[str]) -> dict[str, object]:
    return {name: 3 if name in {"done", "total", "lesson", "lessons", "card", "cards"} else f"«{name}»" for name in variables}


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_message_formats_without_leftovers(locale: str) -> None:
    i18n = I18n(LOCALES_DIR)
    for message_id, references in REFERENCE.items():
        if message_id.startswith("-"):
            continue
        args = _sample_args(references.variables)
        text = i18n.format(locale, message_id, **args)
        assert text.strip(), f"{locale}/{message_id} is empty"
        assert "{" not in text and "$" not in text, f"{locale}/{message_id}: {text!r}"
        for value in args.values():
            assert str(value) in text, f"{locale}/{message_id} drops a variable"


def test_missing_variable_raises_instead_of_printing_its_name() -> None:
    i18n = I18n(LOCALES_DIR)
    with pytest.raises(LocaleError, match="name"):
        i18n.format("en", "welcome")
    with pytest.raises(LocaleError, match="unknown message id"):
        i18n.format("en", "no-such-message")


def test_arabic_isolates_placeables_and_latin_locales_do_not() -> None:
    i18n = I18n(LOCALES_DIR)
    assert "\u2068Ana\u2069" in i18n.format("ar", "welcome", name="Ana")
    assert "\u2068" not in i18n.format("fr", "welcome", name="Ana")


def test_arabic_blocks_read_right_to_left() -> None:
    t = I18n(LOCALES_DIR).translator("ar")
    block = t.block("I-24/7 شبكة\nسطر ثان")
    assert all(line.startswith(RLM) for line in block.split("\n"))
    assert I18n(LOCALES_DIR).translator("en").block("I-24/7\nx") == "I-24/7\nx"
    assert mark_rtl("a\nb") == f"{RLM}a\n{RLM}b"
    assert mark_rtl("أرسل /help الآن") == f"{RLM}أرسل \u200e/help الآن"
    assert mark_rtl('<b>x</b> <a href="https://a.b/c">y</a>') == RLM + '<b>x</b> <a href="https://a.b/c">y</a>'


def test_copied_arabic_text_loses_its_invisible_marks() -> None:
    assert clean_input(f"{RLM}\u2068ABC-123\u2069 ") == "ABC-123"


@pytest.mark.parametrize(
    ("language_code", "expected"),
    [("ar", "ar"), ("ar-SA", "ar"), ("fr-CA", "fr"), ("es_MX", "es"), ("EN", "en"), ("pt-BR", "en"), (None, "en"), ("", "en")],
)
def test_locale_negotiation_falls_back_to_english(language_code: str | None, expected: str) -> None:
    assert I18n(LOCALES_DIR).negotiate(language_code) == expected


def test_broken_locale_file_is_refused(tmp_path: Path) -> None:
    for locale in SUPPORTED_LOCALES:
        (tmp_path / locale).mkdir()
        (tmp_path / locale / "learnbot.ftl").write_text("hello = Hello\n")
    (tmp_path / "fr" / "learnbot.ftl").write_text("hello = Bonjour\n\n# the next entry does not parse\nbye = { $\n")
    with pytest.raises(LocaleError, match=r"fr/learnbot\.ftl:4: "):
        I18n(tmp_path)


def test_every_message_is_used_by_the_code() -> None:
    """A message nobody formats is dead weight in four languages (ids built at run time are listed)."""
    # Python code and the console's templates (which call t("…") too).
    paths = [*(PROJECT_ROOT / "bot").rglob("*.py"), *(PROJECT_ROOT / "bot").rglob("*.html")]
    source = "\n".join(path.read_text(encoding="utf-8") for path in paths)
    dynamic_prefixes = ("command-", "language-name-", "verify-")
    unused = [
        message_id for message_id in REFERENCE
        if not message_id.startswith("-") and not message_id.startswith(dynamic_prefixes)
        and f'"{message_id}"' not in source and f"'{message_id}'" not in source
    ]
    assert unused == []
