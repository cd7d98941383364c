"""Named schema migrations, applied in order and recorded in ``schema_migrations``.

Add a migration by appending ``(name, sql)`` to ``MIGRATIONS``; never edit one that has shipped.
"""

from __future__ import annotations

#: The merged-event tables (``events``, ``event_links``), named by ``{events}`` and ``{links}``.
MERGED_TABLES_DDL = """
        CREATE TABLE {events} (
            event_key VARCHAR NOT NULL,
            date VARCHAR,
            date_precision VARCHAR,
            source_actor_id VARCHAR,
            source_name VARCHAR,
            source_country VARCHAR,
            target_actor_id VARCHAR,
            target_name VARCHAR,
            target_country VARCHAR,
            cameo_code VARCHAR,
            cameo_root VARCHAR,
            plover_type VARCHAR,
            quad_class INTEGER,
            goldstein DOUBLE,
            modality VARCHAR,
            location VARCHAR,
            best_event_id VARCHAR,
            n_mentions INTEGER,
            n_documents INTEGER,
            n_sources INTEGER,
            explanation JSON
        );
        CREATE TABLE {links} (
            event_key VARCHAR NOT NULL,
            event_id VARCHAR NOT NULL
        );
"""


MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_documents",
        """
        CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY,
            file VARCHAR NOT NULL,
            line INTEGER,
            title VARCHAR,
            author VARCHAR,
            site VARCHAR,
            url VARCHAR,
            publication_date DATE,
            publication_date_basis VARCHAR NOT NULL,
            publication_date_window_days INTEGER,
            language VARCHAR,
            word_count INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            file_sha VARCHAR,
            status VARCHAR NOT NULL,           -- ingested | analyzed
            coder_version VARCHAR,
            ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp
        );
        -- Where each document came from; one row per (file, line). A file edited since the last
        -- run replaces its earlier document(s) (see Store.replace_source).
        CREATE TABLE sources (
            file VARCHAR NOT NULL,
            line INTEGER NOT NULL,             -- 0 for whole-file inputs
            doc_id VARCHAR NOT NULL,
            file_sha VARCHAR,
            seen_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
            PRIMARY KEY (file, line)
        );
        CREATE TABLE rejections (
            file VARCHAR NOT NULL,
            line INTEGER NOT NULL,             -- 0 for whole-file inputs
            reason VARCHAR NOT NULL,
            message VARCHAR NOT NULL,
            file_sha VARCHAR,
            seen_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
            PRIMARY KEY (file, line)
        );
        CREATE TABLE runs (
            run_id VARCHAR PRIMARY KEY,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            status VARCHAR NOT NULL,           -- running | completed | interrupted | failed
            inputs VARCHAR,
            analyzed INTEGER DEFAULT 0,
            skipped INTEGER DEFAULT 0,
            rejected INTEGER DEFAULT 0
        );
        """,
    ),
    (
        "0002_nlp_layers",
        """
        CREATE TABLE actors (
            actor_id VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            country VARCHAR,
            sector VARCHAR,
            role VARCHAR,
            cameo VARCHAR,
            kind VARCHAR
        );
        CREATE TABLE actor_mentions (
            doc_id VARCHAR NOT NULL,
            sentence_index INTEGER,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            actor_id VARCHAR NOT NULL,
            confidence DOUBLE,
            method VARCHAR,
            PRIMARY KEY (doc_id, char_start, char_end, actor_id)
        );
        CREATE TABLE timexes (
            doc_id VARCHAR NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            type VARCHAR NOT NULL,
            value VARCHAR NOT NULL,
            precision VARCHAR,
            basis VARCHAR,
            PRIMARY KEY (doc_id, char_start, char_end)
        );
        CREATE TABLE event_mentions (
            event_id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            file VARCHAR,
            sentence VARCHAR NOT NULL,
            sentence_index INTEGER NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            date VARCHAR,
            date_precision VARCHAR,
            date_text VARCHAR,
            date_basis VARCHAR,
            source_actor_id VARCHAR,
            source_name VARCHAR,
            source_country VARCHAR,
            source_sector VARCHAR,
            source_cameo VARCHAR,
            target_actor_id VARCHAR,
            target_name VARCHAR,
            target_country VARCHAR,
            target_sector VARCHAR,
            target_cameo VARCHAR,
            cameo_code VARCHAR NOT NULL,
            cameo_root VARCHAR NOT NULL,
            plover_type VARCHAR,
            plover_mode VARCHAR,
            quad_class INTEGER,
            goldstein DOUBLE,
            modality VARCHAR,
            location VARCHAR,
            confidence DOUBLE,
            coder_version VARCHAR,
            trigger VARCHAR,
            extra JSON
        );
        CREATE TABLE stances (
            stance_id VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            actor_id VARCHAR,
            actor_name VARCHAR,
            actor_country VARCHAR,
            issue VARCHAR NOT NULL,
            position VARCHAR NOT NULL,
            date VARCHAR,
            sentence VARCHAR NOT NULL,
            sentence_index INTEGER,
            char_start INTEGER,
            char_end INTEGER,
            speaker_kind VARCHAR,
            confidence DOUBLE
        );
        """,
    ),
    (
        "0003_merged_events",
        """
        CREATE TABLE events (
            event_key VARCHAR PRIMARY KEY,
            date VARCHAR,
            date_precision VARCHAR,
            source_actor_id VARCHAR,
            source_name VARCHAR,
            source_country VARCHAR,
            target_actor_id VARCHAR,
            target_name VARCHAR,
            target_country VARCHAR,
            cameo_code VARCHAR,
            cameo_root VARCHAR,
            plover_type VARCHAR,
            quad_class INTEGER,
            goldstein DOUBLE,
            modality VARCHAR,
            location VARCHAR,
            best_event_id VARCHAR,
            n_mentions INTEGER,
            n_documents INTEGER,
            n_sources INTEGER,
            explanation JSON
        );
        CREATE TABLE event_links (
            event_key VARCHAR NOT NULL,
            event_id VARCHAR NOT NULL,
            PRIMARY KEY (event_key, event_id)
        );
        """,
    ),
    (
        "0004_documents_author_bio",
        """
        ALTER TABLE documents ADD COLUMN author_bio VARCHAR;
        """,
    ),
    (
        "0005_stances_speaker_name",
        """
        ALTER TABLE stances ADD COLUMN speaker_name VARCHAR;
        """,
    ),
    (
        # The merged-event tables are rebuilt whole by every merge, into fresh tables swapped
        # in at the end (detente.merge.merge_store); their keys are unique by construction
        # (a key is a hash of the member mention ids). Without primary-key indexes, writing
        # them costs memory that does not grow with the store.
        "0006_merged_tables_without_key_indexes",
        MERGED_TABLES_DDL.format(events="events_0006", links="event_links_0006") + """
        INSERT INTO events_0006 SELECT * FROM events;
        INSERT INTO event_links_0006 SELECT * FROM event_links;
        DROP TABLE events;
        DROP TABLE event_links;
        ALTER TABLE events_0006 RENAME TO events;
        ALTER TABLE event_links_0006 RENAME TO event_links;
        """,
    ),
]
