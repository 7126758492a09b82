"""Quiz lints: each one fires on a small bad example, as a warning with file and line, and never stops the bot."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.content import check_content, load_catalogue
from bot.content.lint import LintSettings
from bot.settings import PROJECT_ROOT, SUPPORTED_LOCALES
from tests.support.content import write_course, write_quiz

# Header lines of the three questions that tests/support/content.py writes in every quiz.toml.
SINGLE_LINE, MULTIPLE_LINE, TRUEFALSE_LINE = 1, 10, 18
# Each block appended below starts with a blank line; the first one's header is on line 25.
FIRST_APPENDED_LINE = 25


@pytest.fixture
def course(tmp_path: Path) -> Path:
    folder = write_course(tmp_path / "content")
    write_quiz(folder)
    return folder


def warnings(course: Path, settings: LintSettings | None = None) -> list[str]:
    report = check_content(course.parent, settings) if settings else check_content(course.parent)
    assert [str(p) for p in report.problems] == []
    return [str(w) for w in report.warnings]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(course: Path, block: Callable[[str], str]) -> None:
    for locale in SUPPORTED_LOCALES:
        path = course / locale / "quiz.toml"
        path.write_text(path.read_text(encoding="utf-8") + block(locale), encoding="utf-8")


def single(question_id: str, options: list[str]) -> str:
    """Eight lines: a blank line, then a final-quiz single-choice question keying its first option."""
    return (f'\n[[question]]\nid = "{question_id}"\nkind = "single"\ntext = "Pick one."\n'
            f'options = {json.dumps(options, ensure_ascii=False)}\ncorrect = [1]\nexplanation = "Because."\n')


def statement(question_id: str, answer: bool) -> str:
    """Seven lines: a blank line, then a final-quiz true/false question."""
    return (f'\n[[question]]\nid = "{question_id}"\nkind = "truefalse"\ntext = "Say."\n'
            f'answer = {str(answer).lower()}\nexplanation = "Because."\n')


def test_the_valid_fixture_has_no_warnings(course: Path) -> None:
    assert warnings(course) == []


def test_multi_answer_question_with_one_wrong_option(course: Path) -> None:
    for locale in SUPPORTED_LOCALES:
        edit(course / locale / "quiz.toml", "correct = [2, 4]", "correct = [1, 2, 4]")
    assert warnings(course) == [
        f"{course}/en/quiz.toml:{MULTIPLE_LINE}: question 'q-multiple': "
        "a multi-answer question needs at least 2 wrong options, this one has 1"
    ]


def test_options_that_differ_only_in_case_and_punctuation(course: Path) -> None:
    edit(course / "fr" / "quiz.toml", '"fr b"', '"FR a !"')
    assert warnings(course) == [
        f"{course}/fr/quiz.toml:{MULTIPLE_LINE}: question 'q-multiple': options 1 and 2 say the same thing"
    ]


@pytest.mark.parametrize(
    ("locale", "option"),
    [
        ("en", "All of the above"),
        ("en", "Both"),
        ("fr", "Aucune des réponses ci-dessus"),
        ("es", "Todas las anteriores"),
        ("ar", "جميع ما سبق"),
        ("ar", "لا شيء مما سبق"),
    ],
)
def test_all_or_none_of_the_above_in_each_language(course: Path, locale: str, option: str) -> None:
    edit(course / locale / "quiz.toml", f'"{locale} d"', f'"{option}"')
    assert warnings(course) == [
        f"{course}/{locale}/quiz.toml:{MULTIPLE_LINE}: question 'q-multiple': "
        f"option 4 «{option}» is an all/none-of-the-above answer, which shuffled options break"
    ]


@pytest.mark.parametrize(
    ("option", "reported"),
    [
        ("travel documents reported stolen or lost", True),  # five consecutive words of the question
        ("stolen or lost", True),  # written out inside the question, three words
        ("travel documents", False),  # two words: a name the question may well mention
        ("documents reported stolen or found abroad", False),  # four shared words only
    ],
)
def test_option_that_repeats_the_question(course: Path, option: str, reported: bool) -> None:
    path = course / "en" / "quiz.toml"
    edit(path, '"en: which one?"', '"Which database holds travel documents reported stolen or lost?"')
    edit(path, '"en wrong"', f'"{option}"')
    expected = (f"{course}/en/quiz.toml:{SINGLE_LINE}: question 'q-single': "
                f"option 2 «{option}» repeats the question's wording")
    assert warnings(course) == ([expected] if reported else [])


def test_keyed_option_longest_too_often_in_one_language(course: Path) -> None:
    for number in range(1, 6):
        append(course, lambda locale, n=number: single(f"q-l{n}", [
            f"{locale} the keyed answer, much longer {n}" if locale == "en" and n <= 2 else f"{locale} key {n}",
            f"{locale} another option {n}",
            f"{locale} a third option {n}",
        ]))
    assert warnings(course) == [
        f"{course}/en/quiz.toml:{FIRST_APPENDED_LINE}: final quiz: the keyed option is the longest in 2 of 5 "
        "single-choice questions (40%, at most 35%): q-l1, q-l2"
    ]
    assert warnings(course, LintSettings(longest_share=0.4)) == []
    # The lesson check's question counts for the whole course (3 of 6), not for the final quiz.
    edit(course / "en" / "quiz.toml", '"en right"', '"en right, and longest of all"')
    assert warnings(course)[-1] == (
        f"{course}/en/quiz.toml:{SINGLE_LINE}: all questions of the course: the keyed option is the longest in 3 of 6 "
        "single-choice questions (50%, at most 35%): q-single, q-l1, q-l2"
    )


def test_true_false_beyond_two_to_one(course: Path) -> None:
    append(course, lambda locale: statement("q-tf2", False) + statement("q-tf3", False))
    assert warnings(course) == [
        f"{course}/en/quiz.toml:{TRUEFALSE_LINE}: final quiz: 0 true and 3 false statements; keep them within 2:1 "
        "so that always guessing one side does not pass"
    ]
    edit(course / "en" / "quiz.toml", 'id = "q-tf3"\nkind = "truefalse"\ntext = "Say."\nanswer = false',
         'id = "q-tf3"\nkind = "truefalse"\ntext = "Say."\nanswer = true')
    for locale in ("ar", "es", "fr"):  # the answer key is language-neutral: change it everywhere
        edit(course / locale / "quiz.toml", 'id = "q-tf3"\nkind = "truefalse"\ntext = "Say."\nanswer = false',
             'id = "q-tf3"\nkind = "truefalse"\ntext = "Say."\nanswer = true')
    assert warnings(course) == []


def test_final_pool_smaller_than_one_and_a_half_draws(course: Path) -> None:
    meta = course / "course.toml"
    meta.write_text(meta.read_text(encoding="utf-8") + "\n[quiz]\ndraw = 2\n", encoding="utf-8")
    assert warnings(course) == [
        f"{course}/course.toml:16: the final-quiz pool has 2 questions for a draw of 2: "
        "keep at least 3 so that a retake gets a different set"
    ]
    edit(meta, "draw = 2", "draw = 1")
    assert warnings(course) == []


def test_warnings_do_not_stop_the_bot(course: Path) -> None:
    for locale in SUPPORTED_LOCALES:
        edit(course / locale / "quiz.toml", "correct = [2, 4]", "correct = [1, 2, 4]")
    assert len(warnings(course)) == 1
    catalogue = load_catalogue(course.parent)
    assert [q.id for q in catalogue.course("test-course").final_quiz] == ["q-multiple", "q-truefalse"]


def test_cli_prints_warnings_after_errors_and_fails_on_them_only_when_strict(
    course: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = course.parent
    assert main(["content", "check", "--strict", str(content)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 errors, 0 warnings"
    for locale in SUPPORTED_LOCALES:
        edit(course / locale / "quiz.toml", "correct = [2, 4]", "correct = [1, 2, 4]")
    warning = f"{course}/en/quiz.toml:{MULTIPLE_LINE}: question 'q-multiple': a multi-answer question needs"
    assert main(["content", "check", str(content)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(warning) and out[-1] == "0 errors, 1 warning"
    assert main(["content", "check", "--strict", str(content)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "0 errors, 1 warning (--strict: warnings fail the check)"
    broken = write_course(content, "other-course", order=2)
    (broken / "fr" / "01-lesson-1.md").unlink()
    assert main(["content", "check", str(content)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("other-course/en/01-lesson-1.md:1: no fr translation (fr/01-lesson-1.md is missing)")
    assert out[1].startswith(warning) and out[-1] == "1 error, 1 warning"


def test_cli_longest_share_setting(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for number in range(1, 6):
        append(course, lambda locale, n=number: single(f"q-l{n}", [f"{locale} the longest keyed answer {n}", "a", "b"]))
    assert main(["content", "check", "--strict", str(course.parent)]) == 1
    assert "(100%, at most 35%)" in capsys.readouterr().out
    assert main(["content", "check", "--strict", "--longest-share", "100", str(course.parent)]) == 0


def test_cli_stats_table(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    append(course, lambda locale: single("q-scene", [f"{locale} the longest keyed answer", "a", "b"]).replace(
        'kind = "single"', 'scenario = true\nkind = "single"'))
    assert main(["content", "stats", str(course.parent)]) == 0
    header, rule, row = capsys.readouterr().out.splitlines()
    assert header.startswith("| course | keyed option longest, all questions (ar/en/es/fr) |")
    assert row == ("| test-course | 50% / 50% / 50% / 50% (of 2) | 100% / 100% / 100% / 100% (of 1) | 0 of 1 "
                   "| 1 of 3 | 3 | whole pool |")


def test_shipped_content_passes_strict(capsys: pytest.CaptureFixture[str]) -> None:
    """CI's gate on the shipped content: `learnbot content check --strict content`."""
    content = PROJECT_ROOT / "content"
    assert [str(w) for w in check_content(content).warnings] == []
    assert main(["content", "check", "--strict", str(content)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 errors, 0 warnings"
