"""Per-course quiz figures that the lints judge, printed as a Markdown table for reviews and release notes."""

from __future__ import annotations

from dataclasses import dataclass

from bot.content.lint import DEFAULT_LINTS, keyed_longest, wrong_options
from bot.content.model import Catalogue, Course, Question
from bot.settings import SUPPORTED_LOCALES


@dataclass(frozen=True, slots=True)
class CourseStats:
    course: str
    singles: int
    longest: dict[str, int]  # per language: single-choice questions keying their strictly longest option
    final_singles: int
    final_longest: dict[str, int]
    multiple: int
    multiple_one_wrong: int  # fewer wrong options than the lint asks for
    pool: int
    scenarios: int  # scenario questions in the final pool
    draw: int


def course_stats(course: Course) -> CourseStats:
    final = course.final_quiz

    def longest(questions: tuple[Question, ...]) -> dict[str, int]:
        return {locale: sum(keyed_longest(q, locale) for q in questions) for locale in SUPPORTED_LOCALES}

    multiple = [q for q in course.questions if q.kind == "multiple"]
    return CourseStats(
        course=course.id,
        singles=sum(q.kind == "single" for q in course.questions),
        longest=longest(course.questions),
        final_singles=sum(q.kind == "single" for q in final),
        final_longest=longest(final),
        multiple=len(multiple),
        multiple_one_wrong=sum(wrong_options(q) < DEFAULT_LINTS.min_wrong_options for q in multiple),
        pool=len(final),
        scenarios=sum(q.scenario for q in final),
        draw=course.quiz.draw,
    )


def stats_table(catalogue: Catalogue) -> list[str]:
    """One Markdown row per course; shares are of single-choice questions, per language."""
    languages = "/".join(SUPPORTED_LOCALES)
    lines = [
        f"| course | keyed option longest, all questions ({languages}) | same, final quiz | "
        "multi-answer with < 2 wrong | scenario in final | final pool | draw |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for stats in map(course_stats, catalogue.courses):
        lines.append(
            f"| {stats.course} | {_shares(stats.longest, stats.singles)} | "
            f"{_shares(stats.final_longest, stats.final_singles)} | {stats.multiple_one_wrong} of {stats.multiple} | "
            f"{stats.scenarios} of {stats.pool} | {stats.pool} | {stats.draw or 'whole pool'} |"
        )
    return lines


def _shares(counts: dict[str, int], total: int) -> str:
    if not total:
        return "no single-choice"
    return " / ".join(f"{counts[locale] / total:.0%}" for locale in SUPPORTED_LOCALES) + f" (of {total})"
