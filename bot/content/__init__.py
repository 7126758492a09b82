"""Course content: loads and validates content/ into an immutable catalogue (format: content/README.md)."""

from bot.content.loader import check_content, load_catalogue
from bot.content.model import (
    REFERENCE_LOCALE,
    Card,
    Catalogue,
    ContentError,
    Course,
    Lesson,
    Problem,
    Question,
    QuizPolicy,
    Report,
)

__all__ = [
    "REFERENCE_LOCALE",
    "Card",
    "Catalogue",
    "ContentError",
    "Course",
    "Lesson",
    "Problem",
    "Question",
    "QuizPolicy",
    "Report",
    "check_content",
    "load_catalogue",
]
