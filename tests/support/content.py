"""Builds small, valid content folders for tests; each test then breaks one thing."""

from __future__ import annotations

from pathlib import Path

from bot.locales import SUPPORTED_LOCALES

TITLES = {"ar": "دورة تجريبية", "en": "Test course", "es": "Curso de prueba", "fr": "Cours d’essai"}
SUMMARIES = {"ar": "ملخص قصير.", "en": "A short summary.", "es": "Un resumen breve.", "fr": "Un résumé court."}


def course_toml(order: int = 1) -> str:
    titles = "\n".join(f'{locale} = "{TITLES[locale]}"' for locale in SUPPORTED_LOCALES)
    summaries = "\n".join(f'{locale} = "{SUMMARIES[locale]}"' for locale in SUPPORTED_LOCALES)
    return f"order = {order}\n\n[title]\n{titles}\n\n[summary]\n{summaries}\n"


def lesson_text(locale: str, lesson: int, cards: int) -> str:
    body = "\n\n---\n\n".join(
        f"{locale} lesson {lesson} card {card}: **bold** and _italic_ & <escaped>?".replace("<escaped>?", "1 < 2")
        for card in range(1, cards + 1)
    )
    return f"# {locale} lesson {lesson}\n\n{body}\n"


def write_course(root: Path, course_id: str = "test-course", *, order: int = 1, lessons: int = 2, cards: int = 3) -> Path:
    folder = root / course_id
    folder.mkdir(parents=True)
    (folder / "course.toml").write_text(course_toml(order), encoding="utf-8")
    for locale in SUPPORTED_LOCALES:
        (folder / locale).mkdir()
        for number in range(1, lessons + 1):
            path = folder / locale / f"{number:02d}-lesson-{number}.md"
            path.write_text(lesson_text(locale, number, cards), encoding="utf-8")
    return folder


def quiz_toml(locale: str) -> str:
    """Three questions: a lesson check (single), and a final quiz (multiple, truefalse)."""
    return f'''[[question]]
id = "q-single"
lesson = "lesson-1"
kind = "single"
text = "{locale}: which one?"
options = ["{locale} right", "{locale} wrong", "{locale} also wrong"]
correct = [1]
explanation = "{locale}: because."

[[question]]
id = "q-multiple"
kind = "multiple"
text = "{locale}: which ones? Select all that apply."
options = ["{locale} a", "{locale} b", "{locale} c", "{locale} d"]
correct = [2, 4]
explanation = "{locale}: b and d."

[[question]]
id = "q-truefalse"
kind = "truefalse"
text = "{locale}: true or false?"
answer = false
explanation = "{locale}: it is false."
'''


def write_quiz(course: Path) -> None:
    for locale in SUPPORTED_LOCALES:
        (course / locale / "quiz.toml").write_text(quiz_toml(locale), encoding="utf-8")
