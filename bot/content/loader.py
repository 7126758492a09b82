"""Reads course folders: metadata and lesson cards, with every problem reported by file and line."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType

from bot.content.glossary import check_glossary
from bot.content.lint import DEFAULT_LINTS, LintSettings, lint_course, release_caches
from bot.content.model import (
    REFERENCE_LOCALE,
    Card,
    Catalogue,
    ContentError,
    Course,
    Lesson,
    Problem,
    QuizPolicy,
    Report,
)
from bot.content.quizzes import QUIZ_FILE, key_line, load_questions, read_quiz_policy, read_toml
from bot.formatting import parse_markdown
from bot.locales import SUPPORTED_LOCALES

MAX_CARD_CHARS = 700
MAX_TITLE_CHARS = 60
MAX_LESSON_TITLE_CHARS = 80
MAX_SUMMARY_CHARS = 300
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,23}$")
LESSON_FILE = re.compile(r"^(\d{2})-(.+)\.md$")
CARD_SEPARATOR = "---"
COURSE_KEYS = {"order", "title", "summary", "quiz"}

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_IMAGE = re.compile(r"!\[[^\]]*\]\(")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$")
_RAW_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>|<!--")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_LEFTOVER_MARKERS = ("**", "__", "`")


def load_catalogue(content_dir: Path) -> Catalogue:
    """Load the content folder, or raise ContentError listing every problem; warnings never stop it."""
    report = check_content(content_dir)
    if report.catalogue is None:
        raise ContentError(report.problems)
    return report.catalogue


def check_content(content_dir: Path, lints: LintSettings = DEFAULT_LINTS) -> Report:
    """Validate every course, then lint it; the report holds the catalogue only when nothing is wrong."""
    report = Report()
    if not content_dir.is_dir():
        report.add(Problem(content_dir, 0, "content folder does not exist"))
        return report
    courses = []
    for folder in sorted(p for p in content_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        course = _load_course(folder, report)
        if course is not None:
            courses.append(course)
    orders: dict[int, str] = {}
    for course in courses:
        meta_file = content_dir / course.id / "course.toml"
        if course.order in orders:
            report.add(Problem(meta_file, key_line(meta_file, "order"),
                               f"order {course.order} is also used by course {orders[course.order]}"))
        orders[course.order] = course.id
    for course in courses:
        lint_course(content_dir, course, lints, report)
    check_glossary(content_dir, report)
    release_caches()
    if not report.problems:
        report.catalogue = Catalogue(tuple(sorted(courses, key=lambda c: (c.order, c.id))))
    return report


def _load_course(folder: Path, report: Report) -> Course | None:
    before = len(report.problems)
    meta_file = folder / "course.toml"
    if not SLUG.match(folder.name):
        report.add(Problem(folder, 0, "course folder name must be a-z, 0-9 and -, at most 24 characters"))
    meta = _read_metadata(meta_file, report)
    lesson_files = _lesson_files(folder, report)
    lessons = []
    for name in lesson_files[REFERENCE_LOCALE] if REFERENCE_LOCALE in lesson_files else []:
        lessons.append(_load_lesson(folder, name, lesson_files, report))
    for locale, names in lesson_files.items():
        for name in sorted(set(names) - set(lesson_files.get(REFERENCE_LOCALE, names))):
            report.add(Problem(folder / locale / name, 1, f"lesson has no {REFERENCE_LOCALE} original"))
    valid_lessons = tuple(lesson for lesson in lessons if lesson)
    lesson_ids = [match.group(2) for name in lesson_files.get(REFERENCE_LOCALE, []) if (match := LESSON_FILE.match(name))]
    questions = load_questions(folder, lesson_ids, report)
    if meta is None or len(report.problems) > before or not lessons:
        if not lessons and len(report.problems) == before:
            report.add(Problem(folder / REFERENCE_LOCALE, 0, "course has no lessons"))
        return None
    order, titles, summaries, policy = meta
    course = Course(folder.name, order, titles, summaries, valid_lessons, questions, policy)
    if policy.draw > len(course.final_quiz):
        report.add(Problem(meta_file, key_line(meta_file, "draw"),
                           f"[quiz] draw is {policy.draw} but the final quiz has {len(course.final_quiz)} questions"))
        return None
    return course


def _read_metadata(
    path: Path, report: Report
) -> tuple[int, Mapping[str, str], Mapping[str, str], QuizPolicy] | None:
    if not path.is_file():
        report.add(Problem(path, 0, "missing course.toml (order, [title] and [summary])"))
        return None
    data = read_toml(path, report)
    if data is None:
        return None
    before = len(report.problems)
    for key in sorted(set(data) - COURSE_KEYS):
        report.add(Problem(path, key_line(path, key), f"unknown key '{key}' (expected {', '.join(sorted(COURSE_KEYS))})"))
    order = data.get("order")
    if not isinstance(order, int) or isinstance(order, bool) or order < 1:
        report.add(Problem(path, key_line(path, "order"), "'order' must be a positive whole number"))
    titles = _localized(path, data, "title", MAX_TITLE_CHARS, report)
    summaries = _localized(path, data, "summary", MAX_SUMMARY_CHARS, report)
    policy = read_quiz_policy(path, data.get("quiz", {}), report)
    if len(report.problems) > before:
        return None
    return order, titles, summaries, policy


def _localized(path: Path, data: dict, key: str, limit: int, report: Report) -> Mapping[str, str]:
    table = data.get(key)
    line = key_line(path, f"[{key}]")
    if not isinstance(table, dict):
        report.add(Problem(path, line, f"missing [{key}] table with {', '.join(SUPPORTED_LOCALES)}"))
        return {}
    values = {}
    for locale in SUPPORTED_LOCALES:
        value = table.get(locale)
        if not isinstance(value, str) or not value.strip():
            report.add(Problem(path, line, f"[{key}] has no {locale} text"))
        elif len(value) > limit:
            report.add(Problem(path, line, f"[{key}] {locale} is {len(value)} characters, at most {limit} allowed"))
        else:
            values[locale] = value.strip()
    for extra in sorted(set(table) - set(SUPPORTED_LOCALES)):
        report.add(Problem(path, line, f"[{key}] has unsupported language '{extra}'"))
    return MappingProxyType(values)


def _lesson_files(folder: Path, report: Report) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for locale in SUPPORTED_LOCALES:
        directory = folder / locale
        if not directory.is_dir():
            report.add(Problem(directory, 0, f"missing {locale} folder: every course needs {', '.join(SUPPORTED_LOCALES)}"))
            continue
        report.counts[locale]["courses"] += 1
        names = []
        for path in sorted(directory.iterdir()):
            if path.name == QUIZ_FILE:
                continue
            match = LESSON_FILE.match(path.name)
            if not match or not SLUG.match(match.group(2)):
                report.add(Problem(path, 0, "lesson files are named NN-lesson-id.md (id: a-z, 0-9 and -, at most 24 characters)"))
            else:
                names.append(path.name)
        numbers = [name[:2] for name in names]
        for name in names:
            if numbers.count(name[:2]) > 1:
                report.add(Problem(directory / name, 1, f"lesson number {name[:2]} is used twice"))
        found[locale] = names
    for path in sorted(p for p in folder.iterdir() if p.is_dir() and p.name not in SUPPORTED_LOCALES):
        report.add(Problem(path, 0, f"unsupported language folder (expected {', '.join(SUPPORTED_LOCALES)})"))
    return found


def _load_lesson(folder: Path, name: str, lesson_files: Mapping[str, list[str]], report: Report) -> Lesson | None:
    titles: dict[str, str] = {}
    cards: dict[str, tuple[Card, ...]] = {}
    for locale in SUPPORTED_LOCALES:
        if locale not in lesson_files:
            continue
        path = folder / locale / name
        if name not in lesson_files[locale]:
            report.add(Problem(folder / REFERENCE_LOCALE / name, 1, f"no {locale} translation ({locale}/{name} is missing)"))
            continue
        parsed = _parse_lesson(path, report)
        report.counts[locale]["lessons"] += 1
        if parsed is not None:
            report.counts[locale]["cards"] += len(parsed[1])
            titles[locale], cards[locale] = parsed
    reference = cards.get(REFERENCE_LOCALE)
    for locale, localized in cards.items():
        if reference is not None and len(localized) != len(reference):
            report.add(Problem(folder / locale / name, 1,
                                    f"has {len(localized)} cards, {REFERENCE_LOCALE} has {len(reference)}"))
    if set(cards) != set(SUPPORTED_LOCALES):
        return None
    lesson_id = LESSON_FILE.match(name).group(2)  # type: ignore[union-attr]
    return Lesson(lesson_id, MappingProxyType(titles), MappingProxyType(cards))


def _parse_lesson(path: Path, report: Report) -> tuple[str, tuple[Card, ...]] | None:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as error:
        report.add(Problem(path, 1, f"not UTF-8 text: {error.reason}"))
        return None
    before = len(report.problems)
    if not lines or not lines[0].startswith("# ") or not lines[0][2:].strip():
        report.add(Problem(path, 1, "the first line must be the lesson title: '# Title'"))
        return None
    title = lines[0][2:].strip()
    if len(title) > MAX_LESSON_TITLE_CHARS:
        report.add(Problem(path, 1, f"title is {len(title)} characters, at most {MAX_LESSON_TITLE_CHARS} allowed"))
    cards = []
    for start, chunk in _split_cards(lines[1:], first_line=2):
        card = _parse_card(path, start, chunk, report)
        if card is not None:
            cards.append(card)
    if not cards and len(report.problems) == before:
        report.add(Problem(path, 2, "lesson has no cards"))
    return (title, tuple(cards)) if len(report.problems) == before else None


def _split_cards(lines: list[str], first_line: int) -> Iterable[tuple[int, list[str]]]:
    chunk: list[str] = []
    start = first_line
    for number, line in enumerate(lines, first_line):
        if line.strip() == CARD_SEPARATOR:
            yield start, chunk
            chunk, start = [], number + 1
        else:
            chunk.append(line)
    yield start, chunk


def _parse_card(path: Path, start: int, lines: list[str], report: Report) -> Card | None:
    offset = next((i for i, line in enumerate(lines) if line.strip()), None)
    if offset is None:
        report.add(Problem(path, start, "empty card (two '---' separators in a row, or one at the end)"))
        return None
    before = len(report.problems)
    for number, line in enumerate(lines, start):
        if _HEADING.match(line):
            report.add(Problem(path, number, "headings are not allowed inside a card"))
        if _IMAGE.search(line):
            report.add(Problem(path, number, "images are not allowed inside a card"))
        if _TABLE_RULE.match(line):
            report.add(Problem(path, number, "tables are not allowed inside a card"))
        if _RAW_HTML.search(_CODE_SPAN.sub("", line)):
            report.add(Problem(path, number, "raw HTML is not allowed; use Markdown (**bold**, _italic_)"))
    rendered = parse_markdown("\n".join(lines))
    first = start + offset
    for url in rendered.link_urls:
        if not url.startswith("https://"):
            report.add(Problem(path, _line_of(lines, url, start), f"link '{url}' must start with https://"))
    for marker in _LEFTOVER_MARKERS:
        if marker in rendered.text:
            report.add(Problem(path, _line_of(lines, marker, start), f"unmatched '{marker}' would show literally"))
    if len(rendered.text) > MAX_CARD_CHARS:
        report.add(Problem(path, first, f"card is {len(rendered.text)} characters, at most {MAX_CARD_CHARS} fit one screen"))
    if len(report.problems) > before:
        return None
    return Card(rendered)


def _line_of(lines: list[str], needle: str, start: int) -> int:
    return next((n for n, line in enumerate(lines, start) if needle in line), start)
