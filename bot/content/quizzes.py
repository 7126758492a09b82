"""quiz.toml: lesson checks and final quizzes, validated against Telegram's quiz-poll limits."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from bot.content.model import REFERENCE_LOCALE, Problem, Question, QuizPolicy, Report
from bot.locales import SUPPORTED_LOCALES

QUIZ_FILE = "quiz.toml"
MAX_QUESTION_CHARS = 300
MAX_OPTION_CHARS = 100
MAX_OPTIONS = 12
MAX_EXPLANATION_CHARS = 200
MAX_EXPLANATION_LINE_FEEDS = 2
MAX_LESSON_CHECK = 3
KINDS = ("single", "multiple", "truefalse")
QUESTION_KEYS = {"id", "lesson", "covers", "scenario", "kind", "text", "options", "correct", "answer", "explanation"}
# What must not differ between languages: the answer key and where a question sits.
NEUTRAL_KEYS = ("id", "lesson", "covers", "scenario", "kind", "correct", "answer")
POLICY_LIMITS = {
    "pass_mark": (1, 100),
    "time_limit_minutes": (0, 24 * 60),
    "max_attempts": (0, 100),
    "retake_cooldown_hours": (0, 24 * 365),
    "draw": (0, 1000),
    "certificate_valid_months": (0, 240),
    "cooldown_after_attempts": (1, 100),
}
FEEDBACK_MODES = ("end", "each")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,23}$")
_DEFAULT_POLICY = QuizPolicy()


def read_toml(path: Path, report: Report) -> dict[str, Any] | None:
    """Parse a TOML file; a syntax error is reported at its line."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        report.add(Problem(path, int(line.group(1)) if line else 1, f"invalid TOML: {error}"))
        return None


def key_line(path: Path, key: str) -> int:
    """The first line of a TOML file that starts with key (1 when absent)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return 0
    return next((n for n, line in enumerate(lines, 1) if line.strip().startswith(key)), 1)


def question_lines(text: str) -> list[int]:
    """The line of each [[question]] header of a quiz.toml, in order."""
    return [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "[[question]]"]


def read_quiz_policy(path: Path, table: Any, report: Report) -> QuizPolicy:
    """The [quiz] table of course.toml; defaults for what is left out."""
    line = key_line(path, "[quiz]")
    if not isinstance(table, dict):
        report.add(Problem(path, line, "[quiz] must be a table"))
        return QuizPolicy()
    for key in sorted(set(table) - {"presentation", "require_lessons", "final_feedback", *POLICY_LIMITS}):
        report.add(Problem(path, line, f"[quiz] has unknown key '{key}'"))
    presentation = table.get("presentation", "inline")
    if presentation not in ("inline", "poll"):
        report.add(Problem(path, line, "[quiz] presentation must be 'inline' or 'poll'"))
        presentation = "inline"
    require_lessons = table.get("require_lessons", _DEFAULT_POLICY.require_lessons)
    if not isinstance(require_lessons, bool):
        report.add(Problem(path, line, "[quiz] require_lessons must be true or false"))
        require_lessons = _DEFAULT_POLICY.require_lessons
    final_feedback = table.get("final_feedback", _DEFAULT_POLICY.final_feedback)
    if final_feedback not in FEEDBACK_MODES:
        report.add(Problem(path, line, f"[quiz] final_feedback must be one of {', '.join(map(repr, FEEDBACK_MODES))}"))
        final_feedback = _DEFAULT_POLICY.final_feedback
    values: dict[str, int] = {}
    for key, (low, high) in POLICY_LIMITS.items():
        value = table.get(key, getattr(_DEFAULT_POLICY, key))
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            report.add(Problem(path, line, f"[quiz] {key} must be a whole number from {low} to {high}"))
        else:
            values[key] = value
    return QuizPolicy(presentation=presentation, require_lessons=require_lessons,
                      final_feedback=final_feedback, **values)


def load_questions(folder: Path, lesson_ids: list[str], report: Report) -> tuple[Question, ...]:
    """Every language's quiz.toml, checked alone and against the reference language."""
    present = [locale for locale in SUPPORTED_LOCALES if (folder / locale / QUIZ_FILE).is_file()]
    if not present:
        return ()
    for locale in SUPPORTED_LOCALES:
        if locale not in present and (folder / locale).is_dir():
            report.add(Problem(folder / locale / QUIZ_FILE, 0, f"missing: other languages have {QUIZ_FILE}"))
    before = len(report.problems)
    read = {locale: _parse_file(folder / locale / QUIZ_FILE, lesson_ids, report) for locale in present}
    parsed = {locale: entries for locale, entries in read.items() if entries is not None}
    reference = parsed.get(REFERENCE_LOCALE)
    if reference is None:
        return ()
    for locale, entries in parsed.items():
        report.counts[locale]["questions"] += len(entries)
        if locale != REFERENCE_LOCALE:
            _compare(folder / locale / QUIZ_FILE, entries, reference, report)
    if len(report.problems) > before or set(read) != set(SUPPORTED_LOCALES):
        return ()
    return tuple(_question(index, parsed) for index in range(len(reference)))


def _question(index: int, parsed: Mapping[str, list[tuple[int, dict[str, Any]]]]) -> Question:
    entry = parsed[REFERENCE_LOCALE][index][1]
    kind = entry["kind"]
    if kind == "truefalse":
        correct = frozenset({0 if entry["answer"] else 1})
    else:
        correct = frozenset(position - 1 for position in entry["correct"])
    by_locale = {locale: entries[index][1] for locale, entries in parsed.items()}
    return Question(
        id=entry["id"],
        lesson_id=entry.get("lesson"),
        kind=kind,
        correct=correct,
        texts=MappingProxyType({locale: e["text"].strip() for locale, e in by_locale.items()}),
        options=MappingProxyType({locale: tuple(o.strip() for o in e.get("options", ())) for locale, e in by_locale.items()}),
        explanations=MappingProxyType({locale: e["explanation"].strip() for locale, e in by_locale.items()}),
        covers=entry.get("covers"),
        scenario=entry.get("scenario", False),
    )


def _parse_file(path: Path, lesson_ids: list[str], report: Report) -> list[tuple[int, dict[str, Any]]] | None:
    data = read_toml(path, report)
    if data is None:
        return None
    text = path.read_text(encoding="utf-8-sig")
    for key in sorted(set(data) - {"question"}):
        report.add(Problem(path, key_line(path, key), f"unknown key '{key}' (questions are [[question]] tables)"))
    entries = data.get("question", [])
    if not isinstance(entries, list):
        report.add(Problem(path, 1, "questions must be [[question]] tables"))
        return None
    header_lines = question_lines(text)
    located = [(header_lines[i] if i < len(header_lines) else 1, entry) for i, entry in enumerate(entries)]
    seen: set[str] = set()
    per_lesson: dict[str, int] = {}
    for line, entry in located:
        _check_question(path, line, entry, lesson_ids, report)
        question_id = entry.get("id")
        if isinstance(question_id, str):
            if question_id in seen:
                report.add(Problem(path, line, f"question id '{question_id}' is used twice"))
            seen.add(question_id)
        lesson = entry.get("lesson")
        if isinstance(lesson, str):
            per_lesson[lesson] = per_lesson.get(lesson, 0) + 1
            if per_lesson[lesson] == MAX_LESSON_CHECK + 1:
                report.add(Problem(path, line, f"lesson '{lesson}' has more than {MAX_LESSON_CHECK} check questions"))
    return located


def _check_question(path: Path, line: int, entry: dict[str, Any], lesson_ids: list[str], report: Report) -> None:
    def problem(message: str) -> None:
        report.add(Problem(path, line, f"question '{entry.get('id', '?')}': {message}"))

    for key in sorted(set(entry) - QUESTION_KEYS):
        problem(f"unknown key '{key}'")
    if not isinstance(entry.get("id"), str) or not _SLUG.match(entry["id"]):
        problem("'id' must be a-z, 0-9 and -, at most 24 characters")
    lesson = entry.get("lesson")
    if lesson is not None and lesson not in lesson_ids:
        problem(f"'lesson' {lesson!r} is not a lesson of this course")
    covers = entry.get("covers")
    if covers is not None:
        if lesson is not None:
            problem("'covers' is for final-quiz questions; a lesson check question already has 'lesson'")
        elif covers not in lesson_ids:
            problem(f"'covers' {covers!r} is not a lesson of this course")
    if not isinstance(entry.get("scenario", False), bool):
        problem("'scenario' must be true or false")
    kind = entry.get("kind")
    if kind not in KINDS:
        problem(f"'kind' must be one of {', '.join(KINDS)}")
    text = entry.get("text")
    if not isinstance(text, str) or not text.strip():
        problem("'text' is required")
    elif len(text.strip()) > MAX_QUESTION_CHARS:
        problem(f"text is {len(text.strip())} characters, at most {MAX_QUESTION_CHARS} allowed")
    explanation = entry.get("explanation")
    if not isinstance(explanation, str) or not explanation.strip():
        problem("'explanation' is required")
    elif len(explanation.strip()) > MAX_EXPLANATION_CHARS:
        problem(f"explanation is {len(explanation.strip())} characters, at most {MAX_EXPLANATION_CHARS} allowed")
    elif explanation.strip().count("\n") > MAX_EXPLANATION_LINE_FEEDS:
        problem(f"explanation has more than {MAX_EXPLANATION_LINE_FEEDS} line breaks")
    if kind == "truefalse":
        if "options" in entry or "correct" in entry:
            problem("truefalse questions take 'answer = true|false', not options/correct")
        if not isinstance(entry.get("answer"), bool):
            problem("'answer' must be true or false")
    elif kind in KINDS:
        _check_options(entry, kind, problem)


def _check_options(entry: dict[str, Any], kind: str, problem: Any) -> None:
    if "answer" in entry:
        problem("'answer' is only for truefalse questions; use 'correct'")
    options = entry.get("options")
    if not isinstance(options, list) or not 2 <= len(options) <= MAX_OPTIONS:
        problem(f"'options' must list 2 to {MAX_OPTIONS} answers")
        return
    for number, option in enumerate(options, 1):
        if not isinstance(option, str) or not option.strip():
            problem(f"option {number} is empty")
        elif len(option.strip()) > MAX_OPTION_CHARS:
            problem(f"option {number} is {len(option.strip())} characters, at most {MAX_OPTION_CHARS} allowed")
    if len({str(option).strip() for option in options}) != len(options):
        problem("two options are the same")
    correct = entry.get("correct")
    if (
        not isinstance(correct, list)
        or not correct
        or not all(isinstance(c, int) and not isinstance(c, bool) and 1 <= c <= len(options) for c in correct)
        or len(set(correct)) != len(correct)
    ):
        problem(f"'correct' must list positions from 1 to {len(options)}, each once")
    elif kind == "single" and len(correct) != 1:
        problem("a single-choice question has exactly one correct option")
    elif len(correct) == len(options):
        problem("at least one option must be wrong")


def _compare(
    path: Path,
    entries: list[tuple[int, dict[str, Any]]],
    reference: list[tuple[int, dict[str, Any]]],
    report: Report,
) -> None:
    if len(entries) != len(reference):
        report.add(Problem(path, 1, f"has {len(entries)} questions, {REFERENCE_LOCALE} has {len(reference)}"))
    for (line, entry), (_, original) in zip(entries, reference, strict=False):
        for key in NEUTRAL_KEYS:
            if entry.get(key) != original.get(key):
                report.add(Problem(path, line, f"question '{entry.get('id', '?')}': '{key}' differs from {REFERENCE_LOCALE} "
                                               f"({entry.get(key)!r} vs {original.get(key)!r})"))
        if len(entry.get("options", ())) != len(original.get("options", ())):
            report.add(Problem(path, line, f"question '{entry.get('id', '?')}': has a different number of options than {REFERENCE_LOCALE}"))
