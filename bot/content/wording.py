"""Word-level matching of phrases in text, blind to case, accents, Arabic diacritics and attached particles."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

# A word: letters and digits, with any combining marks (accents, Arabic harakat) inside it.
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670])+")
# What may stand between two words of one phrase: spaces, one line break, Markdown emphasis, apostrophes, hyphens.
_GAP = re.compile(r"[\s*_~'’‘/-]{1,6}")
_TATWEEL = "\u0640"
_ARTICLE = "ال"
# Arabic particles written joined to the next word: a conjunction, a preposition, the article (ل + ال = لل).
_ARABIC_PREFIXES = frozenset(
    conjunction + ("لل" if preposition == "ل" and article else preposition + article)
    for conjunction, preposition, article in product(("", "و", "ف"), ("", "ب", "ل", "ك"), ("", _ARTICLE))
)
# Attached pronouns (مذكرته، اعتقالهم); a final ة becomes ت before them.
_ARABIC_SUFFIXES = ("", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ي")


@lru_cache(maxsize=1 << 16)  # texts repeat the same words: fold each once
def fold(text: str) -> str:
    """Lower case without accents, Arabic diacritics, hamza seats or tatweel: أمر and امر fold alike."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace(_TATWEEL, "").casefold()


def folded_words(text: str) -> tuple[str, ...]:
    """The words of a text, folded."""
    return tuple(fold(word) for word in _WORD.findall(text))


def is_arabic(locale: str) -> bool:
    return locale == "ar"


def _forms(word: str, arabic: bool, *, first: bool = True, last: bool = True) -> frozenset[str]:
    """Every written form that counts as this word: plural -s/-es, or Arabic particles, pronouns and -ات.

    Inside an Arabic phrase (مذكرة توقيف, سمات البصمة الوراثية) only the first word takes a conjunction
    or a preposition and only the last a pronoun: «أمرك بتوقيف» ("ordered you to arrest") is not «أمر توقيف».
    """
    if not arabic:
        return frozenset({word, word + "s", word + "es"})
    stem = word[len(_ARTICLE):] if word.startswith(_ARTICLE) and len(word) > len(_ARTICLE) + 2 else word
    suffixes = _ARABIC_SUFFIXES if last else ("",)
    endings = {stem + suffix for suffix in suffixes}
    if stem.endswith("ة"):
        endings |= {stem[:-1] + "ت" + suffix for suffix in suffixes[1:]} | {stem[:-1] + "ات"}
    prefixes = _ARABIC_PREFIXES if first else ("", _ARTICLE)
    return frozenset(prefix + ending for prefix in prefixes for ending in endings)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A phrase to look for, word by word; `label` is what a report calls it."""

    label: str
    forms: tuple[frozenset[str], ...]

    @classmethod
    def of(cls, text: str, locale: str, label: str | None = None) -> Phrase:
        words = folded_words(text)
        return cls(label or text, tuple(_forms(word, is_arabic(locale), first=i == 0, last=i == len(words) - 1)
                                        for i, word in enumerate(words)))


@dataclass(frozen=True, slots=True)
class Match:
    phrase: Phrase
    start: int
    end: int

    def within(self, other: Match) -> bool:
        inside = other.start <= self.start and self.end <= other.end
        return inside and (self.start, self.end) != (other.start, other.end)


class PhraseIndex:
    """Finds many phrases in one pass over a text's words."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self._by_first: dict[str, list[Phrase]] = {}
        for phrase in phrases:
            if phrase.forms:
                for form in phrase.forms[0]:
                    self._by_first.setdefault(form, []).append(phrase)

    def find(self, text: str) -> Iterator[Match]:
        for word in _WORD.finditer(text):
            for phrase in self._by_first.get(fold(word.group()), ()):
                end = _match_rest(text, word.end(), phrase)
                if end is not None:
                    yield Match(phrase, word.start(), end)


def _match_rest(text: str, position: int, phrase: Phrase) -> int | None:
    """Where the phrase ends if its other words follow position, separated only by light gaps."""
    for forms in phrase.forms[1:]:
        word = _WORD.search(text, position)
        if word is None or fold(word.group()) not in forms:
            return None
        gap = text[position:word.start()]
        if not _GAP.fullmatch(gap) or gap.count("\n") > 1:
            return None
        position = word.end()
    return position


def outermost(matches: Iterable[Match]) -> list[Match]:
    """Drops every match that lies inside a longer one (a variant inside a longer variant or term)."""
    found = list(matches)
    return [match for match in found if not any(match.within(other) for other in found)]
