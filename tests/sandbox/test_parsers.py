"""The parse modes turn markup into Telegram's plain text and UTF-16 entities, or fail like Telegram."""

from __future__ import annotations

import pytest
import telegramify_markdown

from bot.sandbox.entities import EntityParseError, Formatted, finalize, utf16_len
from bot.sandbox.html_parser import parse_html
from bot.sandbox.markdown_parser import parse_markdown, parse_markdown_v2


def entity(kind: str, offset: int, length: int, **extra: object) -> dict[str, object]:
    return {"type": kind, "offset": offset, "length": length, **extra}


def test_utf16_length_counts_astral_characters_twice() -> None:
    assert [utf16_len(text) for text in ("abc", "é", "👮", "👮‍♀️")] == [3, 1, 2, 5]


@pytest.mark.parametrize(("html", "text", "entities"), [
    ("<b>a<i>b</i></b>c", "abc", [entity("bold", 0, 2), entity("italic", 1, 1)]),
    ("😀<u>x</u>", "😀x", [entity("underline", 2, 1)]),
    ("<STRONG>x</STRONG><em>y</>", "xy", [entity("bold", 0, 1), entity("italic", 1, 1)]),
    ("Q&A &amp;&lt;&gt;&quot;&#x41;&#66; &nbsp; x > y", 'Q&A &<>"AB &nbsp; x > y', []),
    ('<a href="tg://user?id=42">Ana</a>', "Ana",
     [entity("text_mention", 0, 3, user={"id": 42, "is_bot": False, "first_name": ""})]),
    ('<a href="example.com">e</a><a href="javascript:x">j</a>', "ej", [entity("text_link", 0, 1, url="http://example.com")]),
    ("<pre>raw</pre><code>c</code>", "rawc", [entity("pre", 0, 3), entity("code", 3, 1)]),
    ('<code class="language-js">c</code>', "c", [entity("code", 0, 1)]),
    ("<tg-spoiler>s</tg-spoiler><blockquote>q</blockquote>", "sq",
     [entity("spoiler", 0, 1), entity("blockquote", 1, 1)]),
    ('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "👍",
     [entity("custom_emoji", 0, 2, custom_emoji_id="5368324170671202286")]),
    ("<b></b>x", "x", []),
])
def test_html(html: str, text: str, entities: list[dict[str, object]]) -> None:
    assert parse_html(html) == Formatted(text, entities)


@pytest.mark.parametrize(("html", "error"), [
    ('<b x=y"z>q</b>', "Unexpected end of name token at byte offset 5"),
    ("<b =x>y</b>", 'Empty attribute name in the tag "b" at byte offset 0'),
    ("<b>x</b  x>", "Unclosed end tag at byte offset 4"),
    ('<tg-emoji emoji-id="zero">x</tg-emoji>', "Invalid custom emoji identifier specified"),
    ("<b>&#55357;</b>", "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched "
                        "surrogate code units"),
])
def test_html_errors(html: str, error: str) -> None:
    with pytest.raises(EntityParseError) as raised:
        parse_html(html)
    assert str(raised.value) == error


@pytest.mark.parametrize(("source", "text", "entities"), [
    (r"*b _bi_* __u__ ~s~ ||sp|| `c\`` plain\_text", "b bi u s sp c` plain_text",
     [entity("bold", 0, 4), entity("italic", 2, 2), entity("underline", 5, 1), entity("strikethrough", 7, 1),
      entity("spoiler", 9, 2), entity("code", 12, 2)]),
    ("```python\nx = 1\n```", "x = 1\n", [entity("pre", 0, 6, language="python")]),
    ("```\nraw\n```", "raw\n", [entity("pre", 0, 4)]),
    ("[👮](http://e.com/a_b)", "👮", [entity("text_link", 0, 2, url="http://e.com/a_b")]),
    ("![👍](tg://emoji?id=5368324170671202286)", "👍",
     [entity("custom_emoji", 0, 2, custom_emoji_id="5368324170671202286")]),
    (">quote\n>more\nafter", "quote\nmore\nafter", [entity("blockquote", 0, 11)]),
    ("**>hidden\n>more||", "hidden\nmore", [entity("expandable_blockquote", 0, 11)]),
])
def test_markdown_v2(source: str, text: str, entities: list[dict[str, object]]) -> None:
    assert parse_markdown_v2(source) == Formatted(text, entities)


@pytest.mark.parametrize(("source", "error"), [
    ("1 + 1", "Character '+' is reserved and must be escaped with the preceding '\\'"),
    ("a|b", "Character '|' is reserved and must be escaped with the preceding '\\'"),
    ("é _x", "Can't find end of Italic entity at byte offset 3"),
    ("*a _b* c_", "Can't find end of Italic entity at byte offset 8"),
    ("[x](http://e.com", "Can't find end of a URL at byte offset 4"),
    ("x > y", "Character '>' is reserved and must be escaped with the preceding '\\'"),
])
def test_markdown_v2_errors(source: str, error: str) -> None:
    with pytest.raises(EntityParseError) as raised:
        parse_markdown_v2(source)
    assert str(raised.value) == error


def test_markdown_v2_accepts_what_telegramify_markdown_produces() -> None:
    source = ("# Lesson 1\n\n**Red notices** are _requests_ to locate a person (see [INTERPOL](https://interpol.int)).\n"
              "1. First! 2 + 2 = 4\n- item {x} #tag\n\n> A quote.\n\n```python\nprint('ok')\n```\n")
    formatted = parse_markdown_v2(telegramify_markdown.markdownify(source))
    assert "Red notices are requests to locate a person (see INTERPOL)." in formatted.text
    assert {item["type"] for item in formatted.entities} >= {"bold", "italic", "text_link", "blockquote", "pre"}


def test_legacy_markdown() -> None:
    assert parse_markdown("*b* _i_ `c` [t](http://x.org) ```js\ncode```") == Formatted("b i c t code", [
        entity("bold", 0, 1), entity("italic", 2, 1), entity("code", 4, 1), entity("text_link", 6, 1, url="http://x.org"),
        entity("pre", 8, 4, language="js")])
    with pytest.raises(EntityParseError, match="Can't find end of the entity starting at byte offset 2"):
        parse_markdown("a *b")


def test_finalize_trims_spaces_and_newlines_like_telegram() -> None:
    trimmed = finalize(Formatted("\n  hello \n", [entity("bold", 3, 7), entity("italic", 9, 1)]))
    assert trimmed == Formatted("hello", [entity("bold", 0, 5)])
    assert finalize(Formatted("\n  hi", [entity("bold", 1, 4)])) == Formatted("  hi", [entity("bold", 0, 4)])
    assert finalize(Formatted("  \u200fabc\t", [])) == Formatted("\u200fabc\t", [])
