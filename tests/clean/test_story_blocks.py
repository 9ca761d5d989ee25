"""Choosing the story blocks from the block model's probabilities (clean/blocks.story_blocks)."""

from eventwire.clean.blocks import (
    FALLBACK_BLOCKS,
    FALLBACK_WORDS,
    LEAD_BLOCKS,
    TRAILER_MASS,
    Block,
    _bags,
    _lead_similarity,
    _shape,
    embedded_posts,
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


def test_an_embedded_post_leaves_the_story() -> None:
    post = "Night shipping stops today. Our pilots warned about those markers for months."
    attribution = "— Port Velan Pilots (@velanpilots) March 3, 2025"
    blocks = _texts([*STORY[:2], post, attribution, STORY[2]])
    words = [len(b.flat.split()) for b in blocks]
    assert embedded_posts(blocks, words) == {2, 3}
    story = story_blocks(blocks, [0.9] * 5, 0.3)
    assert story == [True, True, False, False, True]
    # the post and its attribution in one block
    joined = _texts([STORY[0], f"{post}\n{attribution}", STORY[1]])
    assert embedded_posts(joined, [len(b.flat.split()) for b in joined]) == {1}
    # an attribution after a long paragraph takes only itself: that paragraph is the story's
    long_before = _texts([STORY[0] + " " + STORY[1] + " " + STORY[2], attribution])
    assert embedded_posts(long_before, [len(b.flat.split()) for b in long_before]) == {1}


def test_a_story_that_names_a_handle_is_not_an_embed() -> None:
    line = "The union posted the warning from its account (@velanpilots) on March 3, 2025."
    blocks = _texts([*STORY, line])
    assert embedded_posts(blocks, [len(b.flat.split()) for b in blocks]) == set()


def test_lead_similarity_separates_the_next_story_on_the_page() -> None:
    other = [
        "The city council of Ardmore voted on Tuesday to close two public libraries and merge "
        "their collections into a new central branch downtown, the mayor's office announced.",
        "Librarians and parents protested outside the council chamber before the vote, "
        "carrying hand-painted signs about the reading rooms.",
    ]
    more = [
        "The port authority said the tankers would be refloated at high tide on Wednesday if "
        "the divers found no damage to either hull below the waterline.",
        "Shipping agents in Port Velan said the suspension would delay about a dozen vessels "
        "waiting at anchor outside the harbour channel this week.",
    ]
    story = [*STORY, *more]
    assert len(story) == LEAD_BLOCKS
    blocks = _texts(["Fog halts night shipping at Port Velan", *story, *other])
    lead = _lead_similarity(_bags(blocks), [_shape(b) for b in blocks], title_at=0)
    assert min(lead[1 : 1 + len(story)]) > 0.2
    assert max(lead[1 + len(story) :]) < 0.1
