"""quiz.toml validation: Telegram's quiz limits, answer-key parity across languages, course policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content import check_content, load_catalogue
from bot.content.model import QuizPolicy
from bot.locales import SUPPORTED_LOCALES
from tests.support.content import write_course, write_quiz


@pytest.fixture
def course(tmp_path: Path) -> Path:
    folder = write_course(tmp_path / "content")
    write_quiz(folder)
    return folder


def problems(course: Path) -> list[str]:
    return [str(p) for p in check_content(course.parent).problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_valid_quiz_loads_with_answer_keys(course: Path) -> None:
    loaded = load_catalogue(course.parent).course("test-course")
    assert loaded is not None
    assert [q.id for q in loaded.lesson_check("lesson-1")] == ["q-single"]
    assert [q.id for q in loaded.final_quiz] == ["q-multiple", "q-truefalse"]
    single, multiple, truefalse = loaded.questions
    assert single.correct == {0} and multiple.correct == {1, 3} and truefalse.correct == {1}
    assert multiple.options["fr"][1] == "fr b"
    assert truefalse.option_count == 2
    assert loaded.quiz == QuizPolicy()
    assert check_content(course.parent).summary()[0] == "ar: 1 courses, 2 lessons, 6 cards, 3 quiz questions"


LONG = "x" * 301


@pytest.mark.parametrize(
    ("locale", "old", "new", "expected"),
    [
        ("en", 'text = "en: which one?"', f'text = "{LONG}"', "en/quiz.toml:1: question 'q-single': text is 301 characters"),
        ("en", '"en right"', '"' + "y" * 101 + '"', "question 'q-single': option 1 is 101 characters"),
        ("en", 'explanation = "en: b and d."', 'explanation = "' + "z" * 201 + '"', "en/quiz.toml:10: question 'q-multiple': explanation is 201"),
        ("en", 'explanation = "en: b and d."', 'explanation = "a\\nb\\nc\\nd"', "explanation has more than 2 line breaks"),
        ("en", 'options = ["en right", "en wrong", "en also wrong"]', 'options = ["en right"]', "'options' must list 2 to 12"),
        ("en", 'options = ["en right", "en wrong", "en also wrong"]', "options = [" + ", ".join(f'"o{i}"' for i in range(13)) + "]", "'options' must list 2 to 12"),
        ("en", "correct = [1]", "correct = [1, 2]", "a single-choice question has exactly one correct option"),
        ("en", "correct = [2, 4]", "correct = [5]", "'correct' must list positions from 1 to 4"),
        ("en", "correct = [2, 4]", "correct = [1, 2, 3, 4]", "at least one option must be wrong"),
        ("en", '"en wrong"', '"en right"', "two options are the same"),
        ("en", 'kind = "single"', 'kind = "essay"', "'kind' must be one of single, multiple, truefalse"),
        ("en", "answer = false", 'answer = "no"', "'answer' must be true or false"),
        ("en", 'lesson = "lesson-1"', 'lesson = "lesson-9"', "'lesson' 'lesson-9' is not a lesson of this course"),
        ("en", 'id = "q-multiple"', 'id = "q-single"', "en/quiz.toml:10: question id 'q-single' is used twice"),
        ("en", 'id = "q-single"', 'id = "Q single"', "'id' must be a-z"),
        ("en", 'explanation = "en: because."', 'hint = "x"\nexplanation = "en: because."', "unknown key 'hint'"),
        ("es", "correct = [2, 4]", "correct = [2, 3]", "es/quiz.toml:10: question 'q-multiple': 'correct' differs from en"),
        ("ar", "answer = false", "answer = true", "ar/quiz.toml:18: question 'q-truefalse': 'answer' differs from en"),
        ("fr", '"fr c", "fr d"]', '"fr c", "fr d", "fr e"]', "fr/quiz.toml:10: question 'q-multiple': has a different number of options"),
        ("fr", "[[question]]\nid = \"q-multiple\"", "[[question]\nid = \"q-multiple\"", "fr/quiz.toml:10: invalid TOML"),
    ],
)
def test_each_broken_quiz_rule_is_reported(course: Path, locale: str, old: str, new: str, expected: str) -> None:
    edit(course / locale / "quiz.toml", old, new)
    found = problems(course)
    assert any(expected in problem for problem in found), found


def test_more_than_three_check_questions_for_a_lesson(course: Path) -> None:
    for locale in SUPPORTED_LOCALES:
        extra = "".join(
            f'\n[[question]]\nid = "extra-{n}"\nlesson = "lesson-1"\nkind = "truefalse"\ntext = "t"\nanswer = true\nexplanation = "e"\n'
            for n in range(3)
        )
        (course / locale / "quiz.toml").write_text((course / locale / "quiz.toml").read_text() + extra)
    assert any("lesson 'lesson-1' has more than 3 check questions" in p for p in problems(course))


def test_quiz_missing_in_one_language(course: Path) -> None:
    (course / "ar" / "quiz.toml").unlink()
    assert any("ar/quiz.toml:0: missing: other languages have quiz.toml" in p for p in problems(course))


def test_course_quiz_policy_is_read_and_checked(course: Path) -> None:
    edit(course / "course.toml", "order = 1", 'order = 1\n\n[quiz]\npresentation = "poll"\npass_mark = 70\nmax_attempts = 3')
    assert load_catalogue(course.parent).course("test-course").quiz == QuizPolicy("poll", 70, 0, 3, 0)
    edit(course / "course.toml", "pass_mark = 70", "pass_mark = 170")
    assert any("[quiz] pass_mark must be a whole number from 1 to 100" in p for p in problems(course))
    edit(course / "course.toml", "pass_mark = 170", "pass_mark = 70\ncooldown_after_attempts = 3")
    assert load_catalogue(course.parent).course("test-course").quiz.cooldown_after_attempts == 3
    edit(course / "course.toml", "cooldown_after_attempts = 3", "cooldown_after_attempts = 0")
    assert any("[quiz] cooldown_after_attempts must be a whole number from 1 to 100" in p for p in problems(course))
    edit(course / "course.toml", 'presentation = "poll"', 'presentation = "voice"')
    assert any("[quiz] presentation must be 'inline' or 'poll'" in p for p in problems(course))


def test_pool_keys_are_read_and_checked(course: Path) -> None:
    edit(course / "course.toml", "order = 1",
         'order = 1\n\n[quiz]\ndraw = 2\nrequire_lessons = false\nfinal_feedback = "each"\ncertificate_valid_months = 24')
    for locale in SUPPORTED_LOCALES:
        edit(course / locale / "quiz.toml", 'id = "q-multiple"\n', 'id = "q-multiple"\ncovers = "lesson-2"\nscenario = true\n')
    loaded = load_catalogue(course.parent).course("test-course")
    assert loaded is not None
    assert (loaded.quiz.draw, loaded.quiz.require_lessons, loaded.quiz.final_feedback,
            loaded.quiz.certificate_valid_months) == (2, False, "each", 24)
    assert loaded.question("q-multiple").covers == "lesson-2" and loaded.question("q-multiple").scenario
    edit(course / "course.toml", "draw = 2", "draw = 3")
    assert any("course.toml:4: [quiz] draw is 3 but the final quiz has 2 questions" in p for p in problems(course))
    edit(course / "course.toml", "draw = 3", "draw = 2")
    edit(course / "course.toml", 'final_feedback = "each"', 'final_feedback = "never"')
    assert any("[quiz] final_feedback must be one of 'end', 'each'" in p for p in problems(course))
    edit(course / "course.toml", 'final_feedback = "never"', 'final_feedback = "end"')
    edit(course / "en" / "quiz.toml", 'covers = "lesson-2"', 'covers = "lesson-7"')
    assert any("'covers' 'lesson-7' is not a lesson of this course" in p for p in problems(course))
    edit(course / "en" / "quiz.toml", 'covers = "lesson-7"', 'covers = "lesson-1"')
    assert any("en/quiz.toml" not in p and "'covers' differs from en" in p for p in problems(course))
