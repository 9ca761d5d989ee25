-- eventwire store, schema version 3 (migrations from older files: store/duck.py MIGRATIONS). Tables mirror the Document record; every row carries its
-- document's id (a content hash), so ingesting the same story twice changes nothing.
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS documents (
    id                 VARCHAR PRIMARY KEY,
    source_path        VARCHAR,
    source_url         VARCHAR,
    source_format      VARCHAR NOT NULL,
    title              VARCHAR,
    byline             VARCHAR,
    publisher          VARCHAR,
    wire               VARCHAR[],
    published          DATE,
    published_inferred BOOLEAN NOT NULL,
    body               VARCHAR NOT NULL,
    record             JSON NOT NULL,      -- the whole Document as the CLI prints it
    ingested_at        TIMESTAMP NOT NULL DEFAULT current_timestamp,
    duplicate_of       VARCHAR,            -- the story this one copies (then it has no events)
    similarity         DOUBLE,
    minhash            UBIGINT[]           -- MinHash signature of the body, for near-duplicates
);

CREATE TABLE IF NOT EXISTS actors (
    doc_id   VARCHAR NOT NULL,
    id       VARCHAR NOT NULL,
    name     VARCHAR NOT NULL,
    kind     VARCHAR NOT NULL,
    country  VARCHAR,
    sectors  VARCHAR[],
    roles    VARCHAR[],
    rules    VARCHAR[],           -- the rules that made the actor (its evidence)
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id   VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    caption  INTEGER              -- NULL: offsets into the body; else the caption's index
);

CREATE TABLE IF NOT EXISTS quotes (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR, start INTEGER, "end" INTEGER,
    kind VARCHAR, speaker VARCHAR, speaker_text VARCHAR, rule VARCHAR, confidence DOUBLE,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS times (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR, start INTEGER, "end" INTEGER,
    type VARCHAR, value VARCHAR, rule VARCHAR, confidence DOUBLE,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS places (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR, start INTEGER, "end" INTEGER,
    name VARCHAR, feature VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, geonameid VARCHAR,
    rule VARCHAR, confidence DOUBLE,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS events (
    doc_id        VARCHAR NOT NULL,
    id            VARCHAR NOT NULL,
    type          VARCHAR NOT NULL,
    mode          VARCHAR,
    cameo         VARCHAR,
    quad          INTEGER NOT NULL,
    intensity     DOUBLE,
    source        VARCHAR,
    target        VARCHAR,
    source_text   VARCHAR,
    target_text   VARCHAR,
    trigger_text  VARCHAR NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end   INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end  INTEGER NOT NULL,
    date          VARCHAR,             -- TIMEX3 value: a day, a month, a week or a year
    place_idx     INTEGER,
    factuality    VARCHAR NOT NULL,
    reported_by   VARCHAR,
    confidence    DOUBLE NOT NULL,
    rule          VARCHAR,
    date_from     VARCHAR,
    place_from    VARCHAR,
    PRIMARY KEY (doc_id, id)
);
