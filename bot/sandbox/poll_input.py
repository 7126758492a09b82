"""sendPoll's parameters, read and checked in the order the Bot API server, tdlib and Telegram check them."""

from __future__ import annotations

import time
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from bot.sandbox.api import bad_request
from bot.sandbox.entities import Formatted
from bot.sandbox.params import Params
from bot.sandbox.validation import parse_formatted

QUESTION_LIMIT = 300
OPTION_LIMIT = 100
OPTIONS_LIMIT = 12
EXPLANATION_LIMIT = 200
EXPLANATION_LINE_FEEDS = 2
DESCRIPTION_LIMIT = 1024
MIN_OPEN_PERIOD = 5
MAX_OPEN_PERIOD = 2_628_000  # Bot API 9.6 raised it from 600


@dataclass(frozen=True)
class PollRequest:
    """A sendPoll request that passed every check; dates are Unix times, 0 when unset."""

    question: Formatted
    options: list[Formatted]
    description: Formatted
    is_anonymous: bool
    quiz: bool
    allows_multiple_answers: bool
    allows_revoting: bool
    correct_option_ids: list[int]
    explanation: Formatted
    open_period: int
    close_date: int
    is_closed: bool


def read_poll_request(p: Params) -> PollRequest:
    """What the Bot API server itself parses; content limits are check_poll_request's."""
    question = _custom_emoji_only(parse_formatted(p.text("question"), p.text("question_parse_mode"),
                                                  p.get("question_entities")))
    options = _options(p.get("options"))
    description = parse_formatted(p.text("description"), p.text("description_parse_mode"),
                                  p.get("description_entities"))
    kind = p.text("type")
    if kind not in ("", "regular", "quiz"):
        raise bad_request("unsupported poll type specified")
    quiz = kind == "quiz"
    explanation, correct_option_ids = Formatted("", []), []
    if quiz:
        explanation = parse_formatted(p.text("explanation"), p.text("explanation_parse_mode"),
                                      p.get("explanation_entities"))
        correct_option_ids = _correct_option_ids(p)
    # The Bot API server clamps open_period; tdlib ignores close_date when open_period is set.
    open_period = min(max(p.integer("open_period"), 0), MAX_OPEN_PERIOD)
    return PollRequest(
        question=question, options=options, description=description,
        is_anonymous=True if p.get("is_anonymous") is None else p.flag("is_anonymous"), quiz=quiz,
        allows_multiple_answers=p.flag("allows_multiple_answers"),
        allows_revoting=not quiz if p.get("allows_revoting") is None else p.flag("allows_revoting"),
        correct_option_ids=correct_option_ids, explanation=explanation, open_period=open_period,
        close_date=0 if open_period else p.integer("close_date"), is_closed=p.flag("is_closed"),
    )


def check_poll_request(request: PollRequest, p: Params) -> None:
    """The limits tdlib and Telegram's servers enforce once the chat is known."""
    if not request.question.text:
        raise bad_request("text must be non-empty")
    if len(request.question.text) > QUESTION_LIMIT:
        raise bad_request(f"poll question length must not exceed {QUESTION_LIMIT}")
    if not request.options:
        raise bad_request("poll must have at least one answer option")
    if len(request.options) > OPTIONS_LIMIT:
        raise bad_request(f"poll can't have more than {OPTIONS_LIMIT} options")
    for option in request.options:
        if not option.text:
            raise bad_request("text must be non-empty")
        if len(option.text) > OPTION_LIMIT:
            raise bad_request(f"poll options length must not exceed {OPTION_LIMIT}")
    if request.quiz:
        _check_correct_option_ids(request)
    if p.flag("members_only") or p.get("country_codes"):
        raise bad_request("poll voters can be restricted only in channel chats")
    # Telegram's servers check the rest; these wordings are the sandbox's, not confirmed against Telegram.
    if len(request.explanation.text) > EXPLANATION_LIMIT:
        raise bad_request(f"poll explanation must not exceed {EXPLANATION_LIMIT} characters")
    if request.explanation.text.count("\n") > EXPLANATION_LINE_FEEDS:
        raise bad_request(f"poll explanation must not have more than {EXPLANATION_LINE_FEEDS} line feeds")
    if len(request.description.text) > DESCRIPTION_LIMIT:
        raise bad_request(f"poll description must not exceed {DESCRIPTION_LIMIT} characters")
    if request.open_period and request.open_period < MIN_OPEN_PERIOD:
        raise bad_request(f"poll open_period must be between {MIN_OPEN_PERIOD} and {MAX_OPEN_PERIOD} seconds")
    if request.close_date and not MIN_OPEN_PERIOD <= request.close_date - int(time.time()) <= MAX_OPEN_PERIOD:
        raise bad_request(f"poll close_date must be {MIN_OPEN_PERIOD} to {MAX_OPEN_PERIOD} seconds in the future")


def _options(raw: Any) -> list[Formatted]:
    if raw is None:
        raise bad_request("can't parse options JSON object")
    if not isinstance(raw, list):
        raise bad_request("expected an Array of String as options")
    options = []
    for item in raw:
        if isinstance(item, dict):
            text = item.get("text")
            if text is None:
                raise bad_request('can\'t find field "text"')
            if isinstance(text, bool) or not isinstance(text, (str, int, float)):
                raise bad_request('field "text" must be of type String')
            parse_mode = item.get("text_parse_mode")
            if parse_mode is not None and not isinstance(parse_mode, str):
                raise bad_request('field "text_parse_mode" must be of type String')
            formatted = parse_formatted(str(text), parse_mode or "", item.get("text_entities"))
        elif isinstance(item, str):
            formatted = parse_formatted(item, "", None)
        else:
            raise bad_request("expected an option to be of type String")
        options.append(_custom_emoji_only(formatted))
    return options


def _correct_option_ids(p: Params) -> list[int]:
    raw = p.get("correct_option_ids")
    if raw is None:
        # The deprecated single id; the Bot API server reads a missing or empty one as -1.
        return [p.integer("correct_option_id", -1)] if p.get("correct_option_id") is not None else []
    if not isinstance(raw, list):
        raise bad_request("expected an Array of correct option identifiers")
    ids = []
    for item in raw:
        if isinstance(item, bool) or not isinstance(item, (int, float)):
            raise bad_request("correct option identifier must be of type Number")
        if isinstance(item, float) or not -2**31 <= item < 2**31:
            raise bad_request("invalid correct option identifier specified")
        ids.append(int(item))
    return ids


def _check_correct_option_ids(request: PollRequest) -> None:
    ids = request.correct_option_ids
    if not ids:
        raise bad_request("correct quiz option list must be non-empty")
    if any(first >= second for first, second in pairwise(ids)):
        raise bad_request("correct quiz option list must be increasing")
    if any(not 0 <= option_id < len(request.options) for option_id in ids):
        raise bad_request("wrong quiz correct_option_id")
    if len(ids) > 1 and not request.allows_multiple_answers:
        raise bad_request("QUIZ_CORRECT_ANSWERS_TOO_MUCH")


def _custom_emoji_only(formatted: Formatted) -> Formatted:
    # Poll questions and options keep custom emoji only (tdlib's keep_only_custom_emoji).
    return Formatted(formatted.text, [entity for entity in formatted.entities if entity["type"] == "custom_emoji"])
