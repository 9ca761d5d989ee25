"""The DuckDB store: one writer, one transaction per batch, documents keyed by content hash."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from eventwire.clean.dedup import THRESHOLD, DuplicateIndex, signature
from eventwire.errors import StoreError
from eventwire.records import Document, document_from_dict
from eventwire.store.queries import EventFilter, EventRow, events_sql

SCHEMA_VERSION = 3
# Steps that bring an older file up to SCHEMA_VERSION: version reached -> statements.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: (
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS duplicate_of VARCHAR",
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS similarity DOUBLE",
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS minhash UBIGINT[]",
    ),
    3: (
        "ALTER TABLE actors ADD COLUMN IF NOT EXISTS rules VARCHAR[]",
        "ALTER TABLE mentions ADD COLUMN IF NOT EXISTS caption INTEGER",
    ),
}
DEFAULT_DB = "eventwire.duckdb"


@dataclass(frozen=True, slots=True)
class IngestStats:
    added: int
    replaced: int


def _rows(doc: Document) -> dict[str, list[tuple[Any, ...]]]:
    """The table rows of one Document."""
    d = doc.id
    return {
        "actors": [
            (d, a.id, a.name, a.kind, a.country, list(a.sectors), list(a.roles), list(a.rules))
            for a in doc.actors
        ],
        "mentions": [(d, a.id, s, e, None) for a in doc.actors for s, e in a.mentions]
        + [(d, a.id, s, e, c) for a in doc.actors for c, s, e in a.caption_mentions],
        "quotes": [
            (d, i, q.text, q.start, q.end, q.kind, q.speaker, q.speaker_text, q.rule, q.confidence)
            for i, q in enumerate(doc.quotes)
        ],
        "times": [
            (d, i, t.text, t.start, t.end, t.type, t.value, t.rule, t.confidence)
            for i, t in enumerate(doc.times)
        ],
        "places": [
            (
                d,
                i,
                p.text,
                p.start,
                p.end,
                p.name,
                p.feature,
                p.country,
                p.lat,
                p.lon,
                p.geonameid,
                p.rule,
                p.confidence,
            )  # fmt: skip
            for i, p in enumerate(doc.places)
        ],
        "events": [
            (
                d,
                e.id,
                e.type,
                e.mode,
                e.cameo,
                e.quad,
                e.intensity,
                e.source,
                e.target,
                e.source_text,
                e.target_text,
                e.trigger.text,
                e.trigger.start,
                e.trigger.end,
                e.sentence[0],
                e.sentence[1],
                e.date,
                e.place,
                e.factuality,
                e.reported_by,
                e.confidence,
                e.evidence.rule,
                e.evidence.date_from,
                e.evidence.place_from,
            )  # fmt: skip
            for e in doc.events
        ],
    }


_CHILD_TABLES = ("actors", "mentions", "quotes", "times", "places", "events")


class Store:
    """A DuckDB file of documents and what was extracted from them.

    >>> with Store("eventwire.duckdb") as store:   # doctest: +SKIP
    ...     store.ingest(documents)
    ...     rows = store.events(EventFilter(type="CONSULT"))
    """

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database ({exc})", name=self.path) from None
        if not read_only:
            self._migrate()

    def _migrate(self) -> None:
        """Create the tables, or bring an older file's tables up to SCHEMA_VERSION."""
        schema = resources.files("eventwire.store").joinpath("schema.sql").read_text("utf-8")
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'documents'"
        ).fetchone()
        if not (exists and exists[0]):
            self.con.execute(schema)
            self.con.execute("INSERT INTO schema_version VALUES (?)", [SCHEMA_VERSION])
            return
        found = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        version = int(found[0]) if found and found[0] is not None else 1
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"database schema {version} is newer than this eventwire ({SCHEMA_VERSION})",
                name=self.path,
            )
        self.con.execute(schema)  # tables added since the file was made (IF NOT EXISTS)
        for target in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS.get(target, ()):
                self.con.execute(statement)
            self.con.execute("INSERT INTO schema_version VALUES (?)", [target])

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _write_one(self, doc: Document) -> bool:
        """Insert one document's rows (replacing an earlier copy); True if it was already there."""
        found = self.con.execute("SELECT count(*) FROM documents WHERE id = ?", [doc.id]).fetchone()
        existed = bool(found and found[0])
        if existed:
            for table in _CHILD_TABLES:
                self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc.id])
            self.con.execute("DELETE FROM documents WHERE id = ?", [doc.id])
        link = doc.duplicate_of
        self.con.execute(
            "INSERT INTO documents (id, source_path, source_url, source_format, title, byline, publisher,"
            " wire, published, published_inferred, body, record, duplicate_of, similarity, minhash)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                doc.id,
                doc.source.path,
                doc.source.url,
                doc.source.format,
                doc.title,
                doc.byline,
                doc.publisher,
                list(doc.wire),
                doc.published,
                doc.published_inferred,
                doc.body,
                json.dumps(doc.to_dict(), ensure_ascii=False),
                link.id if link else None,
                link.similarity if link else None,
                None if link else list(signature(doc.body)),
            ],  # fmt: skip
        )
        for table, rows in _rows(doc).items():
            if rows:
                marks = ",".join("?" * len(rows[0]))
                self.con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        return existed

    def write_batch(self, docs: Sequence[Document]) -> IngestStats:
        """Write documents in one transaction: a crash never leaves half a document."""
        replaced = 0
        self.con.execute("BEGIN TRANSACTION")
        try:
            for doc in docs:
                replaced += self._write_one(doc)
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"write failed, batch rolled back ({exc})", name=self.path) from None
        return IngestStats(added=len(docs) - replaced, replaced=replaced)

    def ingest(self, docs: Iterable[Document], batch_size: int = 64) -> IngestStats:
        """Store documents, `batch_size` per transaction; re-ingesting a document replaces it."""
        added = replaced = 0
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                stats = self.write_batch(batch)
                added, replaced, batch = added + stats.added, replaced + stats.replaced, []
        if batch:
            stats = self.write_batch(batch)
            added, replaced = added + stats.added, replaced + stats.replaced
        return IngestStats(added, replaced)

    def events(self, where: EventFilter | None = None) -> list[EventRow]:
        """Stored events with their actors' names and countries, newest first."""
        sql, params = events_sql(where or EventFilter())
        cursor = self.con.execute(sql, params)
        names = [c[0] for c in cursor.description or ()]
        return [EventRow(**dict(zip(names, row, strict=True))) for row in cursor.fetchall()]

    def export_parquet(self, path: str | Path, where: EventFilter | None = None) -> int:
        """Write the filtered events to a Parquet file; returns the number of rows."""
        sql, params = events_sql(where or EventFilter())
        target = str(path).replace("'", "''")
        written = self.con.execute(
            f"COPY ({sql}) TO '{target}' (FORMAT parquet)", params
        ).fetchone()
        return int(written[0]) if written else 0

    def duplicate_index(self, threshold: float = THRESHOLD) -> DuplicateIndex:
        """The stored originals' signatures, so a later run links copies of them."""
        index = DuplicateIndex(threshold)
        rows = self.con.execute(
            "SELECT id, minhash FROM documents WHERE duplicate_of IS NULL AND minhash IS NOT NULL"
        ).fetchall()
        for doc_id, values in rows:
            index.add(doc_id, values)
        return index

    def documents(self) -> Iterator[Document]:
        for (record,) in self.con.execute("SELECT record FROM documents ORDER BY id").fetchall():
            yield document_from_dict(json.loads(record))

    def count_duplicates(self) -> int:
        found = self.con.execute(
            "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"
        ).fetchone()
        return int(found[0]) if found else 0

    def count(self, table: str) -> int:
        if table not in {"documents", *_CHILD_TABLES}:
            raise StoreError(f"no table {table!r}", name=self.path)
        found = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(found[0]) if found else 0
