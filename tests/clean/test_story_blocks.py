"""Choosing the story blocks from the block model's probabilities (clean/blocks.story_blocks)."""

from eventwire.clean.blocks import (
    FALLBACK_BLOCKS,
    FALLBACK_WORDS,
    TRAILER_MASS,
    Block,
    story_blocks,
    trailer_kind,
)


def _blocks(sizes: list[int]) -> list[Block]:
    texts = [" ".join(["word"] * n) for n in sizes]
    return [Block(t, 0, len(t)) for t in texts]


def test_threshold_alone_without_a_run_penalty() -> None:
    blocks = _blocks([30, 30, 3, 30])
    assert story_blocks(blocks, [0.9, 0.2, 0.1, 0.8], 0.5) == [True, False, False, True]


def test_story_run_drops_confident_blocks_far_from_the_story() -> None:
    # a story of four paragraphs, a stretch of low-scoring furniture, then a confident teaser
    probabilities = [0.9, 0.8, 0.9, 0.7] + [0.05] * 12 + [0.6]
    blocks = _blocks([30] * 4 + [30] * 12 + [30])
    story = story_blocks(blocks, probabilities, 0.3, region_penalty=1.0)
    assert story[:4] == [True] * 4
    assert not story[-1]
    # with a light penalty the gap is bridged and the teaser stays
    assert story_blocks(blocks, probabilities, 0.3, region_penalty=0.01)[-1]


def test_story_run_keeps_a_short_dip_inside_the_story() -> None:
    probabilities = [0.9, 0.9, 0.1, 0.9, 0.9]
    story = story_blocks(_blocks([30, 30, 2, 30, 30]), probabilities, 0.3, region_penalty=0.3)
    assert story == [True, True, False, True, True]


def test_unsure_page_falls_back_to_a_relative_threshold() -> None:
    # nothing reaches the threshold, but two blocks stand out from the rest of the page
    probabilities = [0.02, 0.15, 0.2] + [0.01] * (FALLBACK_BLOCKS - 3)
    blocks = _blocks([5, 30, 30] + [5] * (FALLBACK_BLOCKS - 3))
    assert sum(b.flat.count("word") for b in blocks[1:3]) >= FALLBACK_WORDS
    story = story_blocks(blocks, probabilities, 0.3, region_penalty=0.3)
    assert story == [False, True, True] + [False] * (FALLBACK_BLOCKS - 3)
    # a short text is not read relatively: nothing is confident (clean_text keeps it whole)
    assert not any(story_blocks(blocks[:5], probabilities[:5], 0.3, region_penalty=0.3))


def test_headline_words_do_not_count_as_confident_story() -> None:
    # the only confident block is the headline: the page is read relatively
    probabilities = [0.5, 0.2, 0.25] + [0.01] * (FALLBACK_BLOCKS - 3)
    blocks = _blocks([40, 30, 30] + [5] * (FALLBACK_BLOCKS - 3))
    story = story_blocks(blocks, probabilities, 0.3, title_at=0)
    assert story[1:4] == [True, True, False]
    assert story_blocks(blocks, probabilities, 0.3)[:3] == [True, False, False]


def _texts(texts: list[str]) -> list[Block]:
    return [Block(t, 0, len(t)) for t in texts]


STORY = [
    "The harbour authority in Port Velan suspended night shipping on Monday after two tankers "
    "ran aground within an hour of each other in thick fog, officials said.",
    "Pilots had warned the authority for months that the channel markers were out of place, a "
    "spokesman for their union told reporters outside the port office.",
    "Divers from the navy began inspecting both hulls at dawn, and no oil had reached the "
    "shore by midday, according to the regional environment agency.",
]


def test_a_trailer_after_the_story_leaves_it() -> None:
    trailer = (
        "By signing up for our morning briefing you agree to receive emails from us and to our "
        "privacy notice; you can unsubscribe at any time from the link in each email."
    )
    blocks = _texts([*STORY, trailer])
    assert story_blocks(blocks, [0.9, 0.9, 0.9, 0.8], 0.3) == [True, True, True, False]
    assert trailer_kind(trailer) == "promo"


def test_a_trailer_phrase_in_the_opening_stays_story() -> None:
    # before TRAILER_MASS of the story is read, the phrase is the story's own
    opening = (
        "A court in Port Velan fined the shipping line for ignoring the harbour's terms after a "
        "judge found the company had copied rivals' notices; all rights reserved, it had claimed."
    )
    blocks = _texts([opening, *STORY])
    assert trailer_kind(opening) is not None
    assert TRAILER_MASS > 0
    assert story_blocks(blocks, [0.9] * 4, 0.3) == [True] * 4


def test_a_repeated_paragraph_is_kept_once() -> None:
    teaser = "PORT VELAN: " + STORY[0]
    blocks = _texts([*STORY, teaser, "Night shipping will resume once the markers are reset."])
    story = story_blocks(blocks, [0.9] * 5, 0.3)
    assert story == [True, True, True, False, True]
