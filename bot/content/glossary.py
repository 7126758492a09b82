"""content/glossary.toml: one term per concept and language, and the variant wordings reported in the courses."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.content.model import Problem, Report
from bot.content.quizzes import QUIZ_FILE, read_toml
from bot.content.wording import Match, Phrase, PhraseIndex, folded_words, outermost
from bot.settings import SUPPORTED_LOCALES

GLOSSARY_FILE = "glossary.toml"
CONCEPT_KEYS = {"name", "avoid", "source", *SUPPORTED_LOCALES}
_LOCALIZED_LINE = re.compile(rf"^\s*({'|'.join(SUPPORTED_LOCALES)})\s*=")


@dataclass(frozen=True, slots=True)
class Concept:
    name: str
    terms: Mapping[str, str]
    variants: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class _Entry:
    concept: Concept
    canonical: bool


class Glossary:
    """The concepts, indexed per language for one pass over each file."""

    def __init__(self, concepts: list[Concept]) -> None:
        self.concepts = tuple(concepts)
        self._entries: dict[str, dict[Phrase, _Entry]] = {locale: {} for locale in SUPPORTED_LOCALES}
        for concept in concepts:
            for locale, term in concept.terms.items():
                self._entries[locale][Phrase.of(term, locale)] = _Entry(concept, canonical=True)
                for variant in concept.variants.get(locale, ()):
                    self._entries[locale][Phrase.of(variant, locale)] = _Entry(concept, canonical=False)
        self._indexes = {locale: PhraseIndex(entries) for locale, entries in self._entries.items()}

    def variants_in(self, text: str, locale: str) -> Iterator[tuple[int, Concept, str]]:
        """(offset, concept, variant) for each variant in text that is not part of the concept's own term."""
        found = list(self._indexes[locale].find(text))
        terms = [match for match in found if self._entries[locale][match.phrase].canonical]
        variants = outermost(match for match in found if not self._entries[locale][match.phrase].canonical)
        for match in variants:
            if not any(_covers(term, match) for term in terms):
                yield match.start, self._entries[locale][match.phrase].concept, match.phrase.label


def _covers(outer: Match, inner: Match) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def check_glossary(content_dir: Path, report: Report) -> None:
    """Report every glossary variant in the lessons, quizzes and course titles of every course."""
    glossary = load_glossary(content_dir / GLOSSARY_FILE, report)
    if glossary is None:
        return
    for folder in sorted(p for p in content_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        if (folder / "course.toml").is_file():
            _scan_course_file(folder / "course.toml", glossary, report)
        for locale in SUPPORTED_LOCALES:
            if (folder / locale).is_dir():
                for path in sorted((folder / locale).iterdir()):
                    if path.suffix == ".md" or path.name == QUIZ_FILE:
                        _scan(path, _read(path), locale, glossary, report)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""  # the course check already reports unreadable files


def _scan(path: Path, text: str, locale: str, glossary: Glossary, report: Report, first_line: int = 1) -> None:
    seen: set[tuple[int, str]] = set()
    for offset, concept, variant in glossary.variants_in(text, locale):
        line = first_line + text.count("\n", 0, offset)
        if (line, variant) not in seen:
            seen.add((line, variant))
            message = f"use «{concept.terms[locale]}» instead of «{variant}» (glossary: {concept.name})"
            report.warn(Problem(path, line, message))


def _scan_course_file(path: Path, glossary: Glossary, report: Report) -> None:
    """course.toml holds every language: scan each `ll = "…"` line in its own language."""
    for number, line in enumerate(_read(path).splitlines(), 1):
        if match := _LOCALIZED_LINE.match(line):
            _scan(path, line, match.group(1), glossary, report, first_line=number)


def load_glossary(path: Path, report: Report) -> Glossary | None:
    """Read and validate glossary.toml; None when absent or malformed (problems are reported)."""
    if not path.is_file():
        return None
    data = read_toml(path, report)
    if data is None:
        return None
    lines = _read(path).splitlines()
    before = len(report.problems)
    for key in sorted(set(data) - {"concept"}):
        report.add(Problem(path, _line(lines, 1, len(lines) + 1, key), f"unknown key '{key}' (concepts are [[concept]] tables)"))
    entries = data.get("concept", [])
    if not isinstance(entries, list):
        report.add(Problem(path, 1, "concepts must be [[concept]] tables"))
        return None
    headers = [n for n, line in enumerate(lines, 1) if line.strip() == "[[concept]]"] + [len(lines) + 1]
    concepts: list[Concept] = []
    owners: dict[tuple[str, str], str] = {}
    for index, entry in enumerate(entries):
        start, end = (headers[index], headers[index + 1]) if index + 1 < len(headers) else (1, len(lines) + 1)
        concept = _concept(path, lines, start, end, entry, report)
        if concept is None:
            continue
        if any(c.name == concept.name for c in concepts):
            report.add(Problem(path, start, f"concept '{concept.name}' is listed twice"))
        for key, locale, phrase in _phrases(concept):
            owner = owners.setdefault((locale, " ".join(folded_words(phrase))), concept.name)
            if owner != concept.name:
                report.add(Problem(path, _line(lines, start, end, key),
                                   f"{locale} «{phrase}» is also listed under concept '{owner}'"))
        concepts.append(concept)
    return Glossary(concepts) if len(report.problems) == before else None


def _phrases(concept: Concept) -> Iterator[tuple[str, str, str]]:
    """(key, language, phrase) for every term and variant of a concept."""
    for locale, term in concept.terms.items():
        yield locale, locale, term
        yield from ((f"avoid.{locale}", locale, variant) for variant in concept.variants.get(locale, ()))


def _concept(path: Path, lines: list[str], start: int, end: int, entry: Any, report: Report) -> Concept | None:
    if not isinstance(entry, dict):
        report.add(Problem(path, start, "a concept must be a [[concept]] table"))
        return None
    before = len(report.problems)

    def problem(key: str, message: str) -> None:
        report.add(Problem(path, _line(lines, start, end, key), f"concept '{entry.get('name', '?')}': {message}"))

    for key in sorted(set(entry) - CONCEPT_KEYS):
        problem(key, f"unknown key '{key}' (expected name, {', '.join(SUPPORTED_LOCALES)}, avoid, source)")
    if not isinstance(entry.get("name"), str) or not entry["name"].strip():
        problem("name", "'name' is required")
    if not isinstance(entry.get("source", ""), str):
        problem("source", "'source' must be text")
    terms = {locale: entry[locale] for locale in SUPPORTED_LOCALES if locale in entry}
    for locale, term in terms.items():
        if not isinstance(term, str) or not folded_words(term):
            problem(locale, f"the {locale} term must be text with at least one word")
    avoid = entry.get("avoid", {})
    if not isinstance(avoid, dict):
        problem("avoid", "'avoid' must be a table of lists, e.g. avoid.ar = [\"…\"]")
        avoid = {}
    for locale, variants in avoid.items():
        key = f"avoid.{locale}"
        if locale not in SUPPORTED_LOCALES:
            problem(key, f"'avoid' has unsupported language '{locale}'")
        elif not isinstance(terms.get(locale), str):
            problem(key, f"variants to avoid in {locale} need the {locale} term to use instead")
        elif not isinstance(variants, list) or not all(isinstance(v, str) and folded_words(v) for v in variants):
            problem(key, f"'{key}' must be a list of words or phrases")
        elif any(folded_words(v) == folded_words(terms[locale]) for v in variants):
            problem(key, f"'{key}' lists the {locale} term itself")
        elif len({folded_words(v) for v in variants}) != len(variants):
            problem(key, f"'{key}' lists a variant twice")
    if len(report.problems) > before:
        return None
    return Concept(entry["name"].strip(), terms, {locale: tuple(v) for locale, v in avoid.items()})


def _line(lines: list[str], start: int, end: int, key: str) -> int:
    """The line of `key = …` or `[[key]]` inside the block [start, end) of glossary.toml, else its first line."""
    pattern = re.compile(rf"^\s*(\[\[?{re.escape(key)}\]\]?|{re.escape(key)}\s*=)")
    return next((n for n in range(max(start, 1), end) if pattern.match(lines[n - 1])), max(start, 1))
