from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.records import Document
from eventwire.store import EventFilter, Store


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "t.duckdb")


def test_duck_ingest_twice_changes_nothing(store: Store, plain_document: Document) -> None:
    first = store.ingest([plain_document])
    counts = {
        t: store.count(t) for t in ("documents", "actors", "mentions", "events", "times", "places")
    }
    second = store.ingest([plain_document])
    assert (first.added, first.replaced) == (1, 0)
    assert (second.added, second.replaced) == (0, 1)
    assert counts == {t: store.count(t) for t in counts}
    assert counts["events"] == len(plain_document.events) > 0


def test_duck_documents_round_trip(store: Store, plain_document: Document) -> None:
    store.ingest([plain_document])
    assert list(store.documents()) == [plain_document]


def test_duck_event_filters(store: Store, plain_document: Document) -> None:
    store.ingest([plain_document])
    every = store.events()
    assert len(every) == len(plain_document.events)
    kinds = {row.type for row in every}
    some = next(iter(kinds))
    assert {row.type for row in store.events(EventFilter(type=some))} == {some}
    assert store.events(EventFilter(since="2030-01-01")) == []
    assert len(store.events(EventFilter(until="2030-01-01"))) == len(every)
    assert all(
        row.source_country == "THA" or row.target_country == "THA"
        for row in store.events(EventFilter(actor="THA"))
    )
    assert store.events(EventFilter(actor="THA"))
    assert len(store.events(EventFilter(limit=1))) == 1
    for row in every:
        assert row.trigger in row.sentence


def test_duck_parquet_export(store: Store, plain_document: Document, tmp_path: Path) -> None:
    store.ingest([plain_document])
    target = tmp_path / "events.parquet"
    count = store.export_parquet(target)
    assert count == len(plain_document.events)
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{target}'").fetchone() == (count,)


def test_duck_failed_batch_rolls_back(store: Store, plain_document: Document) -> None:
    import dataclasses

    broken = dataclasses.replace(plain_document, id="other", events=(plain_document.events[0],) * 2)
    with pytest.raises(Exception, match="rolled back"):
        store.write_batch([plain_document, broken])
    assert store.count("documents") == 0 and store.count("events") == 0


def test_duck_refuses_a_database_it_cannot_open(tmp_path: Path) -> None:
    from eventwire.errors import StoreError

    bad = tmp_path / "not.duckdb"
    bad.write_text("this is not a database")
    with pytest.raises(StoreError, match="cannot open"):
        Store(bad)


def test_duck_migrates_a_version_1_file(tmp_path: Path, plain_document: Document) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    con.execute("INSERT INTO schema_version VALUES (1)")
    con.execute(
        "CREATE TABLE documents (id VARCHAR PRIMARY KEY, source_path VARCHAR, source_url VARCHAR,"
        " source_format VARCHAR NOT NULL, title VARCHAR, byline VARCHAR, publisher VARCHAR,"
        " wire VARCHAR[], published DATE, published_inferred BOOLEAN NOT NULL, body VARCHAR NOT NULL,"
        " record JSON NOT NULL, ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )
    con.execute(  # actors and mentions as versions 1 and 2 made them
        "CREATE TABLE actors (doc_id VARCHAR NOT NULL, id VARCHAR NOT NULL, name VARCHAR NOT NULL,"
        " kind VARCHAR NOT NULL, country VARCHAR, sectors VARCHAR[], roles VARCHAR[],"
        " PRIMARY KEY (doc_id, id))"
    )
    con.execute(
        "CREATE TABLE mentions (doc_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL,"
        ' start INTEGER NOT NULL, "end" INTEGER NOT NULL)'
    )
    con.close()
    with Store(path) as store:
        store.ingest([plain_document])
        assert store.count("documents") == 1
        version = store.con.execute("SELECT max(version) FROM schema_version").fetchone()
        assert version == (3,)
        assert store.count("actors") == len(plain_document.actors)
