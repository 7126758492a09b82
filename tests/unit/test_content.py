"""Content validation: every rule has a broken fixture, reported as file:line: message."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.__main__ import main
from bot.content import ContentError, check_content, load_catalogue
from bot.locales import SUPPORTED_LOCALES
from bot.settings import PROJECT_ROOT
from bot.telegram_html import card_html
from tests.support.content import write_course


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    write_course(root)
    return root


def only_problem(root: Path) -> str:
    problems = check_content(root).problems
    assert len(problems) == 1, [str(p) for p in problems]
    return str(problems[0])


def test_valid_content_loads_into_catalogue(content: Path) -> None:
    catalogue = load_catalogue(content)
    course = catalogue.course("test-course")
    assert course is not None
    assert [lesson.id for lesson in course.lessons] == ["lesson-1", "lesson-2"]
    card = course.lessons[0].cards["en"][0]
    assert card_html(card) == "en lesson 1 card 1: <b>bold</b> and <i>italic</i> &amp; 1 &lt; 2"
    assert course.titles["fr"] == "Cours d’essai"


def test_summary_counts_every_language(content: Path) -> None:
    assert check_content(content).summary() == [
        f"{locale}: 1 courses, 2 lessons, 6 cards, 0 quiz questions" for locale in SUPPORTED_LOCALES
    ]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (lambda c: (c / "fr" / "02-lesson-2.md").unlink(), "en/02-lesson-2.md:1: no fr translation"),
        (lambda c: _edit(c / "es" / "01-lesson-1.md", "\n\n---\n\nes lesson 1 card 2", "\n\nes lesson 1 card 2"), "es/01-lesson-1.md:1: has 2 cards, en has 3"),
        (lambda c: _edit(c / "ar" / "01-lesson-1.md", "# ar lesson 1", "ar lesson 1"), "ar/01-lesson-1.md:1: the first line must be the lesson title"),
        (lambda c: _edit(c / "en" / "01-lesson-1.md", "card 2: **bold**", "card 2: " + "x" * 701), "en/01-lesson-1.md:7: card is 7"),
        (lambda c: _edit(c / "en" / "01-lesson-1.md", "card 2: **bold**", "card 2: **bold"), "en/01-lesson-1.md:7: unmatched '**'"),
        (lambda c: _edit(c / "en" / "01-lesson-1.md", "en lesson 1 card 3:", "## Heading\n\nen lesson 1 card 3:"), "en/01-lesson-1.md:11: headings are not allowed"),
        (lambda c: _edit(c / "en" / "01-lesson-1.md", "card 3:", "![x](https://e.org/a.png) card 3:"), "en/01-lesson-1.md:11: images are not allowed"),
        (lambda c: _edit(c / "en" / "01-lesson-1.md", "en lesson 1 card 3:", "| a | b |\n|---|---|\n| 1 | 2 |\n\nen lesson 1 card 3:"), "en/01-lesson-1.md:12: tables are not allowed"),
        (lambda c: _edit(c / "en" / "01-lesson-1.md", "card 3:", "<b>raw</b> card 3:"), "en/01-lesson-1.md:11: raw HTML is not allowed"),
        (lambda c: _edit(c / "en" / "01-lesson-1.md", "card 3:", "[x](http://e.org) card 3:"), "en/01-lesson-1.md:11: link 'http://e.org' must start with https://"),
        (lambda c: _edit(c / "en" / "01-lesson-1.md", "\n\n---\n\nen lesson 1 card 3", "\n\n---\n\n---\n\nen lesson 1 card 3"), "en/01-lesson-1.md:10: empty card"),
        (lambda c: (c / "de").mkdir(), "test-course/de:0: unsupported language folder"),
        (lambda c: _edit(c / "course.toml", 'es = "Curso de prueba"\n', ""), "course.toml:3: [title] has no es text"),
        (lambda c: _edit(c / "course.toml", "order = 1", "order = 0"), "course.toml:1: 'order' must be a positive whole number"),
        (lambda c: _edit(c / "course.toml", "order = 1", "order = 1\nlevel = 2"), "course.toml:2: unknown key 'level'"),
        (lambda c: _edit(c / "course.toml", "[summary]", "[summary"), "course.toml:9: invalid TOML"),
        (lambda c: (c / "course.toml").unlink(), "course.toml:0: missing course.toml"),
        (lambda c: _edit(c / "fr" / "01-lesson-1.md", "card 1", "card 1 \udcff"), "fr/01-lesson-1.md:1: not UTF-8 text"),
    ],
)
def test_each_broken_rule_is_reported_with_file_and_line(content: Path, breakage, expected: str) -> None:
    course = content / "test-course"
    if "not UTF-8" in expected:
        (course / "fr" / "01-lesson-1.md").write_bytes(b"# titre\n\ncarte \xff\n")
    else:
        breakage(course)
    assert expected in only_problem(content)


def test_badly_named_lesson_file(content: Path) -> None:
    (content / "test-course" / "es" / "01-lesson-1.md").rename(content / "test-course" / "es" / "1-lesson-1.md")
    problems = [str(p) for p in check_content(content).problems]
    assert len(problems) == 2
    assert "es/1-lesson-1.md:0: lesson files are named NN-lesson-id.md" in problems[0]
    assert "en/01-lesson-1.md:1: no es translation" in problems[1]


def test_missing_language_folder(content: Path) -> None:
    import shutil

    shutil.rmtree(content / "test-course" / "ar")
    assert "test-course/ar:0: missing ar folder" in only_problem(content)


def test_duplicate_course_order(content: Path) -> None:
    write_course(content, "second-course", order=1)
    assert "course.toml:1: order 1 is also used by course" in only_problem(content)


def test_bad_course_folder_name(content: Path) -> None:
    (content / "test-course").rename(content / "Test_Course")
    assert "Test_Course:0: course folder name must be" in only_problem(content)


def test_load_refuses_invalid_content(content: Path) -> None:
    (content / "test-course" / "fr" / "01-lesson-1.md").unlink()
    with pytest.raises(ContentError) as raised:
        load_catalogue(content)
    assert "01-lesson-1.md" in str(raised.value)


def test_cli_check_prints_problems_and_summary(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content", "check", str(content)]) == 0
    assert capsys.readouterr().out.splitlines()[-5:] == [
        *(f"{locale}: 1 courses, 2 lessons, 6 cards, 0 quiz questions" for locale in SUPPORTED_LOCALES),
        "0 errors, 0 warnings",
    ]
    (content / "test-course" / "es" / "02-lesson-2.md").unlink()
    assert main(["content", "check", str(content)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("en/02-lesson-2.md:1: no es translation (es/02-lesson-2.md is missing)")
    assert out[-3] == "es: 1 courses, 1 lessons, 3 cards, 0 quiz questions"
    assert out[-1] == "1 error, 0 warnings"


def test_shipped_content_is_valid() -> None:
    report = check_content(PROJECT_ROOT / "content")
    assert [str(p) for p in report.problems] == []
    course = report.catalogue.course("interpol-at-a-glance") if report.catalogue else None
    assert course is not None and len(course.lessons) >= 5
