from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventwire.clean.html import clean_html
from eventwire.ingest.feeds import looks_like_feed, read_feed
from eventwire.records import Failure, RawDocument
from eventwire.settings import Settings

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Gazette</title>
  <link>https://gazette.example.invalid/</link>
  <description>World news</description>
  <item>
    <title>Peru and Bolivia sign lake accord</title>
    <link>/world/peru-bolivia-accord</link>
    <dc:creator>Ana Quispe</dc:creator>
    <pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate>
    <description>Short teaser about the accord.</description>
    <content:encoded><![CDATA[<p>Peru and Bolivia signed an accord on Lake Titicaca
      on Tuesday, the two foreign ministries said.</p><p>The deal covers fishing rights.</p>
      <script>alert("x")</script>]]></content:encoded>
  </item>
  <item>
    <title>Ghana recalls envoy &amp; protests</title>
    <link>https://gazette.example.invalid/world/ghana-envoy</link>
    <description>Ghana recalled its envoy after a border incident, officials said.</description>
  </item>
  <item>
    <title>An item with no words</title>
    <link>https://gazette.example.invalid/empty</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Northern Ledger</title>
  <id>urn:example:ledger</id>
  <updated>2024-06-02T08:00:00Z</updated>
  <entry>
    <title>Norway offers mediation in fisheries dispute</title>
    <link href="https://ledger.example.invalid/fisheries" rel="alternate"/>
    <id>urn:example:ledger:1</id>
    <updated>2024-06-02T08:00:00+02:00</updated>
    <summary>Norway offered to mediate.</summary>
    <content type="text">Norway offered on Sunday to mediate between the two fleets.

Talks could start in July, the minister said &lt;soon&gt;.</content>
  </entry>
</feed>
"""


def _docs(results: list[RawDocument | Failure]) -> list[RawDocument]:
    return [r for r in results if isinstance(r, RawDocument)]


def test_feeds_rss_entries_become_html_pages_with_full_content() -> None:
    results = list(
        read_feed(RSS.encode(), "gazette.xml", Settings(), "https://gazette.example.invalid/feed")
    )
    first, second = _docs(results)
    assert first.name == "gazette.xml#1" and first.format == "html"
    assert first.source.format == "rss" and first.source.path == "gazette.xml"
    assert first.source.url == "https://gazette.example.invalid/world/peru-bolivia-accord"
    assert first.published == "2024-03-05"  # the feed's own date, not UTC's March 6
    assert "<h1>Peru and Bolivia sign lake accord</h1>" in first.content
    assert "fishing rights" in first.content and "teaser" not in first.content
    assert "<script" not in first.content
    assert "<h1>Ghana recalls envoy &amp; protests</h1>" in second.content
    assert "<p>Ghana recalled its envoy" in second.content and second.published is None


def test_feeds_entry_without_content_is_a_failure_and_the_rest_are_read() -> None:
    results = list(read_feed(RSS.encode(), "gazette.xml", Settings()))
    assert [type(r) for r in results] == [RawDocument, RawDocument, Failure]
    assert isinstance(results[0], RawDocument)  # a relative link resolves against the channel's
    assert results[0].source.url == "https://gazette.example.invalid/world/peru-bolivia-accord"
    assert results[2].name == "gazette.xml#3" and "[E102]" in str(results[2])


def test_feeds_atom_text_content_is_escaped_into_paragraphs() -> None:
    [doc] = read_feed(ATOM.encode(), "ledger.atom", Settings(published="2024-01-01"))
    assert isinstance(doc, RawDocument)
    assert (
        doc.published == "2024-06-02"
        and doc.source.url == "https://ledger.example.invalid/fisheries"
    )
    assert "<p>Talks could start in July, the minister said &lt;soon&gt;.</p>" in doc.content
    assert "mediate." not in doc.content  # the summary gives way to the full content


def test_feeds_pages_clean_to_title_byline_and_body() -> None:
    first = _docs(list(read_feed(RSS.encode(), "gazette.xml", Settings())))[0]
    article = clean_html(first)
    assert article.title == "Peru and Bolivia sign lake accord"
    assert article.byline == "Ana Quispe" and article.publisher == "Harbour Gazette"
    assert "Peru and Bolivia signed an accord" in article.body and "alert" not in article.body
    assert article.published == "2024-03-05"


def test_feeds_malformed_or_empty_feed_is_one_failure() -> None:
    broken = b"<rss version='2.0'><channel><title>Half a fe"
    empty = b"<rss version='2.0'><channel><title>Quiet</title></channel></rss>"
    for data, code in ((broken, "[E105]"), (b"just some words", "[E105]"), (empty, "[E102]")):
        [failure] = read_feed(data, "bad.xml", Settings())
        assert isinstance(failure, Failure) and failure.name == "bad.xml"
        assert code in failure.message and "\n" not in failure.message


def test_feeds_oversized_feed_is_refused() -> None:
    [failure] = read_feed(RSS.encode(), "gazette.xml", Settings(max_chars=100))
    assert isinstance(failure, Failure) and "over the cap" in failure.message


def test_feeds_source_path_is_none_for_urls_and_stdin() -> None:
    for name in ("https://gazette.example.invalid/feed", "<stdin>"):
        doc = _docs(list(read_feed(RSS.encode(), name, Settings())))[0]
        assert doc.source.path is None and doc.name == f"{name}#1"


def test_feeds_looks_like_feed_sniffs_root_elements() -> None:
    assert looks_like_feed(RSS[:300]) and looks_like_feed(ATOM[:300])
    assert looks_like_feed('<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="x">')
    assert not looks_like_feed("<!doctype html><html><body><p>See our <feed > page")
    assert not looks_like_feed("<feedback>nothing</feedback>")
    assert not looks_like_feed("Plain words about an RSS reader.")


@given(st.binary(max_size=300))
def test_feeds_never_raise_on_arbitrary_bytes(data: bytes) -> None:
    for item in read_feed(data, "fuzz.xml", Settings()):
        assert isinstance(item, RawDocument | Failure)


def test_feeds_malformed_feed_with_entries_is_read_leniently() -> None:
    cut = (
        b"<rss version='2.0'><channel><item><title>Talks resume in Doha</title>"
        b"<description>Negotiators resumed talks in Doha on Monday.</description></item><item>"
    )
    results = list(read_feed(cut, "cut.xml", Settings()))
    assert isinstance(results[0], RawDocument) and "Doha on Monday" in results[0].content
