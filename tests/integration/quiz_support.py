"""Taking quizzes through the sandbox as an officer would: read the question on screen, press the options."""

from __future__ import annotations

from dataclasses import dataclass

from bot.content import Course, Question, load_catalogue
from bot.sandbox import SandboxMessage, SandboxUser
from tests.integration.conftest import I18N, STARTER_COURSE, open_course, quiz_content

RLM = "\u200f"


def _course() -> Course:
    loaded = load_catalogue(quiz_content()).course(STARTER_COURSE)
    assert loaded is not None
    return loaded


COURSE = _course()  # the starter course's questions (the same whatever the [quiz] policy)
FINAL_COUNT = min(COURSE.quiz.draw or len(COURSE.final_quiz), len(COURSE.final_quiz))  # questions per final attempt


def current_part(message: SandboxMessage, locale: str = "en") -> str:
    """The question on screen: what follows the last progress line (feedback on the previous one may precede it)."""
    marker = "\n" + I18N.format(locale, "quiz-progress", number=1, total=1).split("1")[0]
    text = (message.text or "").replace(RLM, "")
    return text[text.rindex(marker):] if marker in text else text


def question_on(message: SandboxMessage, locale: str = "en") -> Question:
    part = current_part(message, locale)
    # The longest match: a short question's text can hide inside a longer one's.
    return max((q for q in COURSE.questions if q.texts[locale] in part), key=lambda q: len(q.texts[locale]))


def buttons_for(message: SandboxMessage, question: Question, *, right: bool, locale: str = "en") -> list[str]:
    """The labels to press for a right (or a wrong) answer, reading the shuffled options on screen."""
    t = I18N.translator(locale)
    if question.kind == "truefalse":
        truth = 0 in question.correct
        return [t("quiz-true") if truth == right else t("quiz-false")]
    lines = current_part(message, locale).splitlines()
    wanted = {question.options[locale][i] for i in question.correct}
    letters = []
    for letter in t("quiz-option-letters").split()[: question.option_count]:
        option = next(line[len(letter) + 2:] for line in lines if line.startswith(f"{letter}. "))
        if (option in wanted) == right:
            letters.append(letter)
    if not right and question.kind != "multiple":
        letters = letters[:1]
    return letters


async def answer(user: SandboxUser, *, right: bool, locale: str = "en") -> tuple[Question, SandboxMessage]:
    """Answer the question on screen; returns it with the screen that follows (feedback, next question, result)."""
    message = next(m for m in reversed(user.messages) if m.inline_buttons and not m.document)
    question = question_on(message, locale)
    labels = buttons_for(message, question, right=right, locale=locale)
    if question.kind == "multiple":
        for label in labels:
            await user.press(label)
            await user.wait_reply()
        await user.press(I18N.format(locale, "quiz-submit"))
    else:
        await user.press(labels[0])
    return question, await user.wait_reply()


@dataclass
class QuizRun:
    result: SandboxMessage
    documents: list[SandboxMessage]
    screens: list[SandboxMessage]
    questions: list[Question]


def is_result(message: SandboxMessage, locale: str = "en") -> bool:
    """A result screen: the menu under it, or no button at all (a long result continues in more messages)."""
    return not message.inline_buttons or I18N.format(locale, "card-menu") in message.button_labels()


async def run_quiz(user: SandboxUser, *, right: bool | list[bool], locale: str = "en",
                   explained: bool = True) -> QuizRun:
    """Answer every question, right or wrong; then the result screen and the documents sent after it."""
    outcomes = iter(right) if isinstance(right, list) else None
    t = I18N.translator(locale)
    screens, questions = [], []
    while True:
        question, screen = await answer(user, right=next(outcomes) if outcomes else bool(right), locale=locale)
        questions.append(question)
        screens.append(screen)
        explanation = t("quiz-explanation", text=question.explanations[locale])
        assert (explanation in screen.text) is explained
        if t("quiz-next") in screen.button_labels():
            await user.press(t("quiz-next"))
            screens.append(await user.wait_reply())
        if is_result(screens[-1], locale):
            break
    documents = []
    if t("quiz-certificate-follows") in screens[-1].text:
        documents.append(await user.wait_reply(timeout=10))  # rendering the PDF takes a moment
    while True:
        try:
            documents.append(await user.wait_reply(timeout=0.5))
        except TimeoutError:
            break
    return QuizRun(screens[-1], documents, screens, questions)


async def begin_final(user: SandboxUser, course: Course = COURSE, locale: str = "en") -> SandboxMessage:
    """From the course overview to the first question: Final quiz, read the rules, Begin."""
    await open_course(user, course, locale)
    await user.press(I18N.format(locale, "final-quiz"))
    rules = await user.wait_reply()
    await user.press(I18N.format(locale, "quiz-begin"))
    await user.wait_reply()
    return rules
