from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventwire.clean import clean_text, keep_text
from eventwire.records import RawDocument, Source


def _raw(text: str, published: str | None = None) -> RawDocument:
    return RawDocument("t", text, "text", Source(format="text", path="t"), published=published)


def test_text_title_line_and_paragraphs() -> None:
    article = clean_text(
        _raw(
            "Leaders Meet in Oslo\n\nThe  two leaders\nmet on Monday.\n\n\nThey agreed.",
            "2025-01-02",
        )
    )
    assert article.title == "Leaders Meet in Oslo"
    assert article.body == "The two leaders met on Monday.\n\nThey agreed."
    assert [article.body[s:e] for s, e in article.paragraphs] == [
        "The two leaders met on Monday.",
        "They agreed.",
    ]
    assert article.published == "2025-01-02"


def test_text_sentence_first_block_is_not_a_title() -> None:
    article = clean_text(_raw("The leaders met on Monday.\n\nThey agreed."))
    assert article.title is None
    assert article.body.startswith("The leaders met")


def test_text_id_is_a_content_hash_of_the_body() -> None:
    a = clean_text(_raw("Title Here\n\nSame body."))
    b = clean_text(_raw("Another Title\n\nSame   body."))
    assert a.id == b.id and len(a.id) == 16


_paragraph = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), min_size=1
)


@given(st.lists(_paragraph, min_size=1, max_size=6))
def test_text_paragraph_spans_index_the_body(blocks: list[str]) -> None:
    article = clean_text(_raw("\n\n".join(blocks)))
    for start, end in article.paragraphs:
        piece = article.body[start:end]
        assert piece and piece == piece.strip() and "\n" not in piece


@given(st.text(min_size=1).filter(str.strip))
def test_text_keep_text_leaves_the_body_unchanged(text: str) -> None:
    article = keep_text(_raw(text))
    assert article.body == text
    for start, end in article.paragraphs:
        assert article.body[start:end].strip()


def test_text_a_one_paragraph_notice_using_a_debris_word_stays_story() -> None:
    # "Home" marks a navigation line, not prose that names a funeral home
    text = (
        "Services for retired schoolteacher Marta Quill will be held on Friday at 11 a.m. at "
        "the Lindqvist Funeral Home in Ashby. Burial will follow at Cedar Ridge Cemetery, and "
        "the family will receive friends at the home of her daughter afterwards."
    )
    article = clean_text(RawDocument("t", text, "text", Source(format="text")))
    assert article.body == text
    assert not article.removed
