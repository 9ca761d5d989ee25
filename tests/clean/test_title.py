"""Headline finding on a scraped page written for these tests."""

from eventwire.clean.blocks import split_blocks
from eventwire.clean.text import _walk, clean_text
from eventwire.clean.title import find_title
from eventwire.records import RawDocument, Source

NAV = ["Skip to content", "World", "Politics", "Business", "Opinion", "Sign in", "Subscribe"]
STORY = [
    "The foreign ministers of Chile and Argentina met in Santiago on Tuesday to settle a "
    "dispute over fishing rights in the southern channels, officials from both sides said.",
    "The talks, the first at that level in three years, ended with a joint statement promising "
    "a commission to map the contested waters before the next fishing season opens in March.",
    "Chile's minister told reporters that the two governments had agreed to share patrol data "
    "and to refer any incident at sea to the commission rather than to their navies.",
    "Fishing unions in the port of Punta Arenas said they welcomed the agreement but would "
    "wait to see whether the patrols changed on the water before calling off their protest.",
]
RELATED = [
    "More from World",
    "Floods close roads across the north as rivers rise",
    "Election officials begin the recount in three provinces",
]
HEADLINE = "Chile and Argentina agree to map disputed fishing waters"


def _page() -> str:
    parts = [*NAV, HEADLINE, "By Marta Quiroga", "March 3, 2026 at 9:14 AM", *STORY, *RELATED]
    return "\n\n".join(parts)


def test_headline_found_below_navigation_and_above_byline() -> None:
    blocks = split_blocks(_page())
    at = find_title(blocks)
    assert at is not None and blocks[at].flat == HEADLINE


def test_page_cleaned_to_its_story_under_the_headline() -> None:
    article = clean_text(RawDocument("p", _page(), "text", Source(format="text")))
    assert article.title == HEADLINE
    assert article.byline == "Marta Quiroga"
    for paragraph in STORY:
        assert paragraph in article.body
    for line in NAV:
        assert line not in article.body
    for line in RELATED:
        assert line not in article.body
    removed = " ".join(r.text for r in article.removed)
    assert "Skip to content" in removed and RELATED[1] in removed


def test_no_headline_on_a_page_of_prose_only() -> None:
    assert find_title(split_blocks("\n\n".join(STORY))) is None


def test_story_above_a_teaser_headline_is_kept() -> None:
    # a pasted story whose own headline is missing, followed by a teaser for another story:
    # whichever block is taken for the headline, the story above it stays in the body
    teaser = "Ten ways the new fishing rules will change life in the southern ports"
    page = "\n\n".join([*NAV, *STORY, "Recommended", teaser, "Read more", "Comments"])
    article = clean_text(RawDocument("p", page, "text", Source(format="text")))
    for paragraph in STORY:
        assert paragraph in article.body
    assert teaser not in article.body
    assert "Skip to content" not in article.body


def test_blocks_above_the_headline_follow_the_model() -> None:
    # a headline taken from below the story (a teaser) must not cost the story above it
    blocks = split_blocks("\n\n".join(["World", *STORY[:2], HEADLINE, STORY[2]]))
    page = _walk(blocks, 3, [False, True, True, True, True])
    assert page.paragraphs == [STORY[0], STORY[1], STORY[2]]
    assert [r.text for r in page.removed] == ["World"]


def test_headline_far_above_its_story_behind_a_share_bar() -> None:
    # a headline, then a share bar that repeats it and a gallery of credits, and only then
    # the story: the headline's words recur in the story's prose, a section label's do not
    share = ["Share this story", "Share on Facebook", f"Share all options for: {HEADLINE}"]
    gallery = [f"Photo: Ana Ruiz/Agencia Sur {n}" for n in range(1, 19)]
    page = "\n\n".join(
        [*NAV, "Filed under:", "Fisheries", HEADLINE, "By Marta Quiroga", *share, *gallery]
        + [*STORY, *RELATED]
    )
    blocks = split_blocks(page)
    at = find_title(blocks)
    assert at is not None and blocks[at].flat == HEADLINE
    article = clean_text(RawDocument("p", page, "text", Source(format="text")))
    assert article.title == HEADLINE
    assert all(paragraph in article.body for paragraph in STORY)
