"""Quiz-quality lints: warnings a course still loads with, but that a reviewer would send back."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.content.model import REFERENCE_LOCALE, Course, Problem, Question, Report
from bot.content.quizzes import QUIZ_FILE, key_line, question_lines
from bot.content.wording import Phrase, PhraseIndex, fold, folded_words
from bot.settings import SUPPORTED_LOCALES

# Options are shuffled for every attempt, so an answer that points at the others cannot work (content/README.md).
CATCH_ALL_PHRASES = {
    "ar": ("ما سبق", "مما سبق", "ما ذكر", "مما ذكر", "ما تقدم", "مما تقدم", "جميع الإجابات", "كل الإجابات",
           "جميع الخيارات", "كل الخيارات", "لا هذا ولا ذاك"),
    "en": ("all of the above", "none of the above", "all the above", "both of the above", "neither of the above",
           "all of these", "none of these", "both of these", "neither of these", "all of them", "none of them",
           "all the answers", "all of the answers", "none of the answers", "all the options", "none of the options"),
    "es": ("las anteriores", "lo anterior", "todas las respuestas", "ninguna de las respuestas", "todas las opciones",
           "ninguna de las opciones", "ninguna respuesta"),
    "fr": ("ci-dessus", "ce qui précède", "réponses précédentes", "propositions précédentes", "toutes les réponses",
           "aucune des réponses", "aucune réponse", "toutes ces réponses", "aucune de ces réponses",
           "toutes les propositions", "aucune des propositions", "toutes ces propositions",
           "aucune de ces propositions"),
}
# Whole options that are catch-alls on their own ("Both", "Ninguna").
CATCH_ALL_OPTIONS = {
    "ar": ("كلاهما", "الكل", "لا شيء", "لا أحد"),
    "en": ("both", "neither", "all", "none", "all three", "all four"),
    "es": ("ambas", "ambos", "ninguna", "ninguno", "todas", "todos"),
    "fr": ("les deux", "aucune", "aucun", "toutes", "tous"),
}
# An option "repeats the question" when it is written out inside the question (at least this many words) …
MIN_CONTAINED_WORDS = 3
# … or shares this many consecutive words with it.
MIN_SHARED_RUN = 5


@dataclass(frozen=True, slots=True)
class LintSettings:
    """The thresholds of the quiz lints (content/README.md explains each)."""

    # Warn when, in a scope, more than this share of single-choice questions key their strictly longest option.
    longest_share: float = 0.35
    # Shares and balances are judged only on scopes at least this large.
    min_single_questions: int = 5
    min_truefalse_questions: int = 3
    # True:false (or false:true) beyond this ratio lets a guesser win.
    max_truefalse_ratio: float = 2.0
    # A multi-answer question needs at least this many wrong options, or picking everything but one is a guess.
    min_wrong_options: int = 2
    # The final pool should hold at least this many times `draw`, so that retakes differ.
    min_pool_factor: float = 1.5


DEFAULT_LINTS = LintSettings()
Where = Callable[[str, int], tuple[Path, int]]


def keyed_longest(question: Question, locale: str) -> bool:
    """A single-choice question whose keyed option is strictly longer (in characters) than every other."""
    if question.kind != "single":
        return False
    options = question.options[locale]
    (keyed,) = question.correct
    return all(len(options[keyed]) > len(option) for number, option in enumerate(options) if number != keyed)


def wrong_options(question: Question) -> int:
    return question.option_count - len(question.correct)


def lint_course(content_dir: Path, course: Course, settings: LintSettings, report: Report) -> None:
    folder = content_dir / course.id
    lines = {locale: _question_lines(folder / locale / QUIZ_FILE) for locale in SUPPORTED_LOCALES}

    def where(locale: str, index: int) -> tuple[Path, int]:
        numbers = lines[locale]
        return folder / locale / QUIZ_FILE, numbers[index] if index < len(numbers) else 1

    for index, question in enumerate(course.questions):
        _lint_question(question, index, where, settings, report)
    for kind, lint in (("single", _lint_longest_share), ("truefalse", _lint_truefalse_balance)):
        judged: set[tuple[int, ...]] = set()
        for label, indices in _scopes(course):
            subset = tuple(i for i in indices if course.questions[i].kind == kind)
            if subset not in judged:  # the course adds nothing when its lesson checks have none of this kind
                judged.add(subset)
                lint(course.questions, label, subset, where, settings, report)
    draw, pool = course.quiz.draw, len(course.final_quiz)
    if draw and pool < settings.min_pool_factor * draw:
        meta = folder / "course.toml"
        report.warn(Problem(meta, key_line(meta, "draw"),
                            f"the final-quiz pool has {pool} questions for a draw of {draw}: keep at least "
                            f"{math.ceil(settings.min_pool_factor * draw)} so that a retake gets a different set"))


def _question_lines(path: Path) -> list[int]:
    try:
        return question_lines(path.read_text(encoding="utf-8-sig"))
    except OSError:
        return []


def _scopes(course: Course) -> list[tuple[str, tuple[int, ...]]]:
    """The final quiz, and the whole course with its lesson checks (each too small to judge alone)."""
    final = tuple(i for i, question in enumerate(course.questions) if question.lesson_id is None)
    return [("final quiz", final), ("all questions of the course", tuple(range(len(course.questions))))]


def _lint_question(question: Question, index: int, where: Where, settings: LintSettings, report: Report) -> None:
    def warn(locale: str, message: str) -> None:
        report.warn(Problem(*where(locale, index), f"question '{question.id}': {message}"))

    if question.kind == "multiple" and wrong_options(question) < settings.min_wrong_options:
        warn(REFERENCE_LOCALE, f"a multi-answer question needs at least {settings.min_wrong_options} wrong options, "
                               f"this one has {wrong_options(question)}")
    if question.kind == "truefalse":
        return
    for locale in SUPPORTED_LOCALES:
        seen: dict[tuple[str, ...], int] = {}
        asked = folded_words(question.texts[locale])
        for number, option in enumerate(question.options[locale], 1):
            wording = folded_words(option)
            if wording in seen:
                warn(locale, f"options {seen[wording]} and {number} say the same thing")
            seen.setdefault(wording, number)
            if is_catch_all(option, locale):
                warn(locale, f"option {number} «{option}» is an all/none-of-the-above answer, "
                             "which shuffled options break")
            if repeats_question(asked, wording):
                warn(locale, f"option {number} «{option}» repeats the question's wording")


def is_catch_all(option: str, locale: str) -> bool:
    wording = folded_words(option)
    if wording in _catch_all_options(locale):
        return True
    return any(_catch_all_index(locale).find(option))


def release_caches() -> None:
    """The lints' word caches serve one check of the whole content; a running bot need not keep them."""
    fold.cache_clear()
    _catch_all_options.cache_clear()
    _catch_all_index.cache_clear()


@cache
def _catch_all_options(locale: str) -> frozenset[tuple[str, ...]]:
    return frozenset(folded_words(option) for option in CATCH_ALL_OPTIONS[locale])


@cache
def _catch_all_index(locale: str) -> PhraseIndex:
    return PhraseIndex(Phrase.of(phrase, locale) for phrase in CATCH_ALL_PHRASES[locale])


def repeats_question(asked: Sequence[str], answer: Sequence[str]) -> bool:
    """The option's words are written out in the question's (3+ words), or share a run of 5+ consecutive words."""
    shared = _longest_shared_run(asked, answer)
    return shared >= MIN_SHARED_RUN or (len(answer) >= MIN_CONTAINED_WORDS and shared == len(answer))


def _longest_shared_run(first: Sequence[str], second: Sequence[str]) -> int:
    best, previous = 0, [0] * (len(second) + 1)
    for word in first:
        current = [0] * (len(second) + 1)
        for j, other in enumerate(second, 1):
            if word == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def _lint_longest_share(questions: Sequence[Question], label: str, singles: tuple[int, ...], where: Where,
                        settings: LintSettings, report: Report) -> None:
    if len(singles) < settings.min_single_questions:
        return
    for locale in SUPPORTED_LOCALES:
        longest = [i for i in singles if keyed_longest(questions[i], locale)]
        share = len(longest) / len(singles)
        if share > settings.longest_share:
            report.warn(Problem(*where(locale, longest[0]),
                                f"{label}: the keyed option is the longest in {len(longest)} of {len(singles)} "
                                f"single-choice questions ({share:.0%}, at most {settings.longest_share:.0%}): "
                                + ", ".join(questions[i].id for i in longest)))


def _lint_truefalse_balance(questions: Sequence[Question], label: str, statements: tuple[int, ...], where: Where,
                            settings: LintSettings, report: Report) -> None:
    if len(statements) < settings.min_truefalse_questions:
        return
    true = sum(1 for i in statements if questions[i].correct == {0})
    false = len(statements) - true
    if max(true, false) > settings.max_truefalse_ratio * min(true, false):
        report.warn(Problem(*where(REFERENCE_LOCALE, statements[0]),
                            f"{label}: {true} true and {false} false statements; keep them within "
                            f"{settings.max_truefalse_ratio:g}:1 so that always guessing one side does not pass"))
