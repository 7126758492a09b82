"""glossary.toml: variants reported per language with file and line; the glossary itself is validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content import check_content
from bot.content.glossary import GLOSSARY_FILE
from bot.settings import PROJECT_ROOT
from tests.support.content import write_course, write_quiz

GLOSSARY = """\
[[concept]]
name = "arrest warrant"
en = "arrest warrant"
ar = "مذكرة توقيف"
avoid.ar = ["أمر توقيف", "أوامر توقيف", "مذكرة اعتقال"]

[[concept]]
name = "arrest"
ar = "توقيف"
avoid.ar = ["اعتقال"]

[[concept]]
name = "Task Force"
en = "Notices and Diffusions Task Force"
fr = "Groupe spécial Notices et Diffusions"
avoid.en = ["Notice and Diffusion Task Force"]
avoid.fr = ["équipe spéciale chargée des notices et des diffusions", "équipe spéciale"]

[[concept]]
name = "Red Notice"
es = "notificación roja"
avoid.es = ["aviso rojo"]
"""
WARRANT = "use «مذكرة توقيف» instead of «{}» (glossary: arrest warrant)"
ARREST = "use «توقيف» instead of «اعتقال» (glossary: arrest)"
TASK_FORCE = "use «Groupe spécial Notices et Diffusions» instead of «{}» (glossary: Task Force)"
RED = "use «notificación roja» instead of «aviso rojo» (glossary: Red Notice)"


@pytest.fixture
def course(tmp_path: Path) -> Path:
    folder = write_course(tmp_path / "content")
    write_quiz(folder)
    (folder.parent / GLOSSARY_FILE).write_text(GLOSSARY, encoding="utf-8")
    return folder


def report_of(course: Path) -> tuple[list[str], list[str]]:
    report = check_content(course.parent)
    return [str(p) for p in report.problems], [str(w) for w in report.warnings]


def write_card(course: Path, locale: str, text: str) -> None:
    """Puts text at the end of the first card of lesson 1: line 3 of the file."""
    path = course / locale / "01-lesson-1.md"
    marker = f"{locale} lesson 1 card 1:"
    path.write_text(path.read_text(encoding="utf-8").replace(marker, f"{marker} {text}", 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("locale", "text", "messages"),
    [
        ("ar", "صدرت بحقه وبأوامر التوقيف", [WARRANT.format("أوامر توقيف")]),  # و + ب attached, article on the 2nd word
        ("ar", "طلبت الشرطة باعتقاله", [ARREST]),  # preposition and attached pronoun
        ("ar", "أمـر تَوقيف", [WARRANT.format("أمر توقيف")]),  # tatweel and a diacritic
        ("ar", "**أمر** توقيف", [WARRANT.format("أمر توقيف")]),  # Markdown between the words
        ("ar", "مذكرات اعتقال", [WARRANT.format("مذكرة اعتقال")]),  # -ات plural; not reported again as «اعتقال»
        ("ar", "مذكرة التوقيف", []),  # the term itself
        ("ar", "يأمر بتوقيفه", []),  # other words that merely contain the letters
        ("ar", "وأمرك بتوقيف سائح", []),  # "ordered you to arrest": a verb and a preposition, not the phrase
        ("ar", "حق الأمر بالتوقيف", []),
        ("fr", "l'EQUIPE SPECIALE chargée des Notices et des Diffusions", [TASK_FORCE.format(
            "équipe spéciale chargée des notices et des diffusions")]),  # one warning, for the longest variant
        ("fr", "une équipe spéciale examine", [TASK_FORCE.format("équipe spéciale")]),
        ("fr", "le Groupe spécial Notices et Diffusions", []),
        ("es", "los Avisos Rojos", [RED]),  # case and plural
        ("en", "the Notice and Diffusion Task Force", ["use «Notices and Diffusions Task Force» instead of "
                                                       "«Notice and Diffusion Task Force» (glossary: Task Force)"]),
        ("en", "the Notices and Diffusions Task Force", []),  # the variant's plural forms match the term: not reported
    ],
)
def test_variant_in_a_lesson(course: Path, locale: str, text: str, messages: list[str]) -> None:
    write_card(course, locale, text)
    assert report_of(course) == ([], [f"{course}/{locale}/01-lesson-1.md:3: {message}" for message in messages])


def test_variant_in_a_quiz_and_in_a_course_title(course: Path) -> None:
    quiz = course / "ar" / "quiz.toml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace('"ar wrong"', '"ar أوامر توقيف"'), encoding="utf-8")
    meta = course / "course.toml"
    meta.write_text(meta.read_text(encoding="utf-8").replace('es = "Curso de prueba"', 'es = "El aviso rojo"'),
                    encoding="utf-8")
    assert report_of(course) == ([], [
        f"{course}/course.toml:6: {RED}",
        f"{course}/ar/quiz.toml:6: {WARRANT.format('أوامر توقيف')}",
    ])


@pytest.mark.parametrize(
    ("glossary", "expected"),
    [
        ('[[concept]]\nname = "x"\nen = \n', "glossary.toml:3: invalid TOML"),
        ('[[concept]]\nname = "x"\nen = "x"\ncolour = "red"\n', "glossary.toml:4: concept 'x': unknown key 'colour'"),
        ('[[concept]]\nname = "x"\nen = "x"\navoid.fr = ["y"]\n',
         "glossary.toml:4: concept 'x': variants to avoid in fr need the fr term to use instead"),
        ('[[concept]]\nname = "x"\nfr = "Équipe"\navoid.fr = ["equipe"]\n',
         "glossary.toml:4: concept 'x': 'avoid.fr' lists the fr term itself"),
        ('[[concept]]\nname = "x"\nfr = "a"\navoid.de = ["b"]\n',
         "glossary.toml:4: concept 'x': 'avoid' has unsupported language 'de'"),
        ('[[concept]]\nname = "x"\nfr = "a"\navoid.fr = "b"\n', "glossary.toml:4: concept 'x': 'avoid.fr' must be a list"),
        ('[[concept]]\nen = "x"\n', "glossary.toml:1: concept '?': 'name' is required"),
        ('[[concept]]\nname = "x"\nar = "أ"\n\n[[concept]]\nname = "y"\nar = "ب"\navoid.ar = ["ا"]\n',
         "glossary.toml:8: ar «ا» is also listed under concept 'x'"),
        ('concept = 3\n', "glossary.toml:1: concepts must be [[concept]] tables"),
        ('[[concept]]\nname = "x"\n\n[[term]]\nname = "y"\n', "glossary.toml:4: unknown key 'term'"),
    ],
)
def test_malformed_glossary_is_an_error_with_its_line(course: Path, glossary: str, expected: str) -> None:
    (course.parent / GLOSSARY_FILE).write_text(glossary, encoding="utf-8")
    problems, _ = report_of(course)
    assert len(problems) == 1 and expected in problems[0], problems


def test_shipped_glossary_unifies_the_terms_of_the_issue(course: Path) -> None:
    shipped = (PROJECT_ROOT / "content" / GLOSSARY_FILE).read_text(encoding="utf-8")
    (course.parent / GLOSSARY_FILE).write_text(shipped, encoding="utf-8")
    write_card(course, "ar", "صدر بحقه أمر توقيف، فتم اعتقاله، وأُرسلت سمات الحمض النووي")
    write_card(course, "fr", "Une équipe spéciale chargée des notices et des diffusions examine la notice rouge.")
    where = f"{course}/{{}}/01-lesson-1.md:3: use «{{}}» instead of «{{}}» (glossary: {{}})"
    assert report_of(course) == ([], [
        where.format("ar", "مذكرة توقيف", "أمر توقيف", "arrest warrant"),
        where.format("ar", "توقيف", "اعتقال", "arrest"),
        where.format("ar", "سمات البصمة الوراثية", "سمات الحمض النووي", "DNA profile"),
        where.format("fr", "Groupe spécial Notices et Diffusions", "équipe spéciale chargée des notices et des diffusions",
                     "Notices and Diffusions Task Force"),
    ])
