"""The DuckDB store: schema migrations, idempotent per-article writes, and reads.

Every article is written in one transaction together with all its layers (actor mentions,
time expressions, event mentions, stances), so a crash never leaves half an article, and
re-running replaces rather than duplicates. Documents are keyed by a content hash; the
``sources`` table maps each input (file, line) to the document it produced.

An edited input file (same path, different bytes) replaces the document(s) it produced
before: the old document and its layers are deleted unless another input still points at
them, then the new content is analysed as a new document.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Self

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..records import Actor, ActorMention, Article, EventMention, Rejection, Stance, TimeExpression
from .schema import MIGRATIONS

log = logging.getLogger(__name__)

#: Tables holding per-document layers, deleted and rewritten together with the document.
LAYER_TABLES = ("actor_mentions", "timexes", "event_mentions", "stances")

DOCUMENT_COLUMNS = (
    "doc_id", "file", "line", "title", "author", "site", "url", "publication_date",
    "publication_date_basis", "publication_date_window_days", "language", "word_count",
    "text", "file_sha", "status", "coder_version", "author_bio",
)


ACTOR_MENTION_COLUMNS = (
    "doc_id", "sentence_index", "char_start", "char_end", "text", "actor_id", "confidence", "method",
)
TIMEX_COLUMNS = ("doc_id", "char_start", "char_end", "text", "type", "value", "precision", "basis")

#: Arrow types of the DuckDB column types the layer tables use (others go as strings).
_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
}


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text or "conflicting" in text or "being used" in text


class Store:
    """A detente database. Use :func:`open_store` to get one."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool):
        self.con = con
        self.path = path
        self.read_only = read_only
        self._arrow_type_cache: dict[str, dict[str, Any]] = {}
        self._pending_layers: dict[str, tuple] | None = None  # layers of a write_articles group

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; returns the names applied."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
        )
        done = {row[0] for row in self.con.execute("SELECT name FROM schema_migrations").fetchall()}
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with self.transaction():
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [name])
            applied.append(name)
        return applied

    def migrations(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]

    # -- transactions ----------------------------------------------------------------------
    class _Tx:
        def __init__(self, con):
            self.con = con

        def __enter__(self):
            self.con.execute("BEGIN TRANSACTION")
            return self.con

        def __exit__(self, exc_type, exc, tb):
            if exc_type is None:
                self.con.execute("COMMIT")
            else:
                self.con.execute("ROLLBACK")
            return False

    def transaction(self) -> Store._Tx:
        return Store._Tx(self.con)

    # -- runs --------------------------------------------------------------------------------
    def start_run(self, inputs: Sequence[str]) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO runs (run_id, started_at, status, inputs) VALUES (?, ?, 'running', ?)",
            [run_id, dt.datetime.now(), json.dumps([str(i) for i in inputs])],
        )
        return run_id

    def finish_run(self, run_id: str, status: str, analyzed: int, skipped: int, rejected: int) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, status = ?, analyzed = ?, skipped = ?, rejected = ? "
            "WHERE run_id = ?",
            [dt.datetime.now(), status, analyzed, skipped, rejected, run_id],
        )

    # -- incremental runs ---------------------------------------------------------------------
    def is_current(self, file: str, line: int | None, file_sha: str | None, coder_version: str | None) -> bool:
        """True when this input was already fully processed from identical bytes by this coder."""
        if file_sha is None:
            return False
        row = self.con.execute(
            "SELECT s.file_sha, d.status, d.coder_version FROM sources s JOIN documents d USING (doc_id) "
            "WHERE s.file = ? AND s.line = ?",
            [file, line or 0],
        ).fetchone()
        if row is not None:
            sha, status, version = row
            return sha == file_sha and status == "analyzed" and version == coder_version
        row = self.con.execute(
            "SELECT file_sha FROM rejections WHERE file = ? AND line = ?", [file, line or 0]
        ).fetchone()
        return row is not None and row[0] == file_sha

    def known_file_shas(self) -> dict[str, str]:
        """file → sha of every input file already seen (documents or rejections)."""
        rows = self.con.execute(
            "SELECT file, any_value(file_sha) FROM (SELECT file, file_sha FROM sources "
            "UNION ALL SELECT file, file_sha FROM rejections) GROUP BY file"
        ).fetchall()
        return {f: s for f, s in rows if s}

    # -- writes --------------------------------------------------------------------------------
    def _delete_document(self, doc_id: str) -> None:
        for table in LAYER_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
        self.con.execute("DELETE FROM documents WHERE doc_id = ?", [doc_id])
        if self._pending_layers is not None:
            self._pending_layers.pop(doc_id, None)

    def _release_source(self, file: str, line: int, keep_doc: str | None) -> None:
        """Detach (file, line) from the document it produced before, deleting orphans."""
        row = self.con.execute("SELECT doc_id FROM sources WHERE file = ? AND line = ?", [file, line]).fetchone()
        if row is None:
            return
        self.con.execute("DELETE FROM sources WHERE file = ? AND line = ?", [file, line])
        if row[0] != keep_doc:
            others = self.con.execute("SELECT count(*) FROM sources WHERE doc_id = ?", [row[0]]).fetchone()[0]
            if others == 0:
                self._delete_document(row[0])

    def write_article(
        self,
        article: Article,
        *,
        actor_mentions: Iterable[ActorMention] = (),
        timexes: Iterable[TimeExpression] = (),
        events: Iterable[EventMention] = (),
        stances: Iterable[Stance] = (),
        status: str = "analyzed",
        coder_version: str | None = None,
    ) -> None:
        """Write one article and all its layers in one transaction (idempotent)."""
        self.write_articles([
            {
                "article": article, "actor_mentions": actor_mentions, "timexes": timexes,
                "events": events, "stances": stances, "status": status, "coder_version": coder_version,
            }
        ])

    def write_articles(self, items: Iterable[dict[str, Any]]) -> int:
        """Write several articles, each with all its layers, in ONE transaction (idempotent).

        Each item holds the arguments of :meth:`write_article` (``article`` plus optional
        ``actor_mentions``, ``timexes``, ``events``, ``stances``, ``status``, ``coder_version``).
        The result is the same as writing them one by one in order, but the layers of the
        whole group go in one insert per table. A failure or interruption rolls back the
        whole group, so the store never holds part of an article. Returns the number written.
        """
        written = 0
        with self.transaction():
            self._pending_layers = {}
            try:
                for item in items:
                    self._write_document(**item)
                    written += 1
                self._write_layers(list(self._pending_layers.values()))
            finally:
                self._pending_layers = None
        return written

    def _write_document(
        self,
        article: Article,
        actor_mentions: Iterable[ActorMention] = (),
        timexes: Iterable[TimeExpression] = (),
        events: Iterable[EventMention] = (),
        stances: Iterable[Stance] = (),
        status: str = "analyzed",
        coder_version: str | None = None,
    ) -> None:
        line = article.line or 0
        self._release_source(article.file, line, keep_doc=article.doc_id)
        self.con.execute("DELETE FROM rejections WHERE file = ? AND line = ?", [article.file, line])
        existing = self.con.execute(
            "SELECT file, line FROM documents WHERE doc_id = ?", [article.doc_id]
        ).fetchone()
        # Keep the first file that produced this content as the document's file.
        file, first_line = (existing if existing else (article.file, article.line))
        if existing:
            # Layers are only ever written together with their document row: a document
            # not stored yet has none to delete.
            self._delete_document(article.doc_id)
        values = article.to_dict()
        values.update(file=file, line=first_line, status=status, coder_version=coder_version)
        self.con.execute(
            f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))})",
            [values[c] for c in DOCUMENT_COLUMNS],
        )
        self.con.execute(
            "INSERT INTO sources (file, line, doc_id, file_sha) VALUES (?, ?, ?, ?)",
            [article.file, line, article.doc_id, article.file_sha],
        )
        # A later article of the same group with the same content replaces these layers.
        self._pending_layers[article.doc_id] = (
            article.doc_id, list(actor_mentions), list(timexes), list(events), list(stances)
        )

    def _write_layers(self, layers: list[tuple]) -> None:
        """Insert the layers of several documents: ``(doc_id, mentions, timexes, events, stances)``."""
        actors: dict[str, Actor] = {}
        mention_rows, timex_rows, event_rows, stance_rows = [], [], [], []
        stance_fields = [f.name for f in dataclasses.fields(Stance)]
        for doc_id, mentions, timexes, events, stances in layers:
            rows = {}
            for m in mentions:
                actors[m.actor.actor_id] = m.actor
                rows[(m.start, m.end, m.actor.actor_id)] = [
                    doc_id, m.sentence_index, m.start, m.end, m.text, m.actor.actor_id, m.confidence, m.method
                ]
            mention_rows.extend(rows.values())
            rows = {}
            for t in timexes:
                rows[(t.start, t.end)] = [doc_id, t.start, t.end, t.text, t.type, t.value, t.precision, t.basis]
            timex_rows.extend(rows.values())
            rows = {}
            for e in events:
                values = [getattr(e, f) for f in EventMention.JSONL_FIELDS]
                rows[e.event_id] = values + [e.trigger, json.dumps(e.extra, default=str)]
            event_rows.extend(rows.values())
            rows = {}
            for st in stances:
                rows[st.stance_id] = [getattr(st, f) for f in stance_fields]
            stance_rows.extend(rows.values())
        if actors:
            self.insert_rows(
                "actors",
                ("actor_id", "name", "country", "sector", "role", "cameo", "kind"),
                [[a.actor_id, a.name, a.country, a.sector, a.role, a.cameo, a.kind] for a in actors.values()],
                conflict="ON CONFLICT (actor_id) DO UPDATE SET "
                "name = excluded.name, country = excluded.country, sector = excluded.sector, "
                "role = excluded.role, cameo = excluded.cameo, kind = excluded.kind",
            )
        if mention_rows:
            self.insert_rows("actor_mentions", ACTOR_MENTION_COLUMNS, mention_rows)
        if timex_rows:
            self.insert_rows("timexes", TIMEX_COLUMNS, timex_rows)
        if event_rows:
            self.insert_rows("event_mentions", (*EventMention.JSONL_FIELDS, "trigger", "extra"), event_rows)
        if stance_rows:
            self.insert_rows("stances", stance_fields, stance_rows)

    def insert_rows(self, table: str, columns: Sequence[str], rows: list[list[Any]], conflict: str = "") -> None:
        """Insert ``rows`` in one statement through an Arrow table (far faster than executemany).

        Falls back to ``executemany`` (DuckDB's own casts) when a value does not fit the
        column's Arrow type, so what is stored never depends on the path taken.
        """
        cols = ", ".join(columns)
        try:
            data = self._arrow_table(table, columns, rows)
        except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError) as exc:
            log.debug("%s: arrow insert not possible (%s); using executemany", table, exc)
            marks = ", ".join("?" * len(columns))
            self.con.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks}) {conflict}", rows)
            return
        self.con.register("_detente_rows", data)
        try:
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _detente_rows {conflict}")
        finally:
            self.con.unregister("_detente_rows")

    def _arrow_table(self, table: str, columns: Sequence[str], rows: list[list[Any]]):
        types = self._arrow_types(table)
        arrays = [pa.array([row[i] for row in rows], type=types[c]) for i, c in enumerate(columns)]
        return pa.Table.from_arrays(arrays, names=list(columns))

    def _arrow_types(self, table: str) -> dict[str, Any]:
        cache = self._arrow_type_cache
        if table not in cache:
            described = self.con.execute(f"DESCRIBE {table}").fetchall()
            cache[table] = {name: _ARROW_TYPES.get(kind, pa.string()) for name, kind, *_ in described}
        return cache[table]

    def record_rejection(self, rejection: Rejection, file_sha: str | None = None) -> None:
        line = rejection.line or 0
        with self.transaction():
            self._release_source(rejection.file, line, keep_doc=None)
            self.con.execute(
                "INSERT INTO rejections (file, line, reason, message, file_sha) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (file, line) DO UPDATE SET reason = excluded.reason, "
                "message = excluded.message, file_sha = excluded.file_sha, seen_at = now()",
                [rejection.file, line, rejection.reason, rejection.message, file_sha],
            )

    # -- reads ---------------------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def iter_query(self, sql: str, params: Sequence[Any] = (), chunk: int = 1000) -> Iterator[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        while rows := cur.fetchmany(chunk):
            for row in rows:
                yield dict(zip(names, row))

    def documents(self, with_text: bool = False, include_rejected: bool = True) -> list[dict[str, Any]]:
        """Documents and (optionally) rejected inputs, in the `detente documents` field order."""
        text = ", text" if with_text else ""
        rows = self.query(
            "SELECT doc_id, file, line, title, author, author_bio, site, "
            "strftime(publication_date, '%Y-%m-%d') AS publication_date, publication_date_basis, "
            f"publication_date_window_days, language, word_count, status, NULL AS reason{text} "
            "FROM documents ORDER BY file, line NULLS FIRST"
        )
        if include_rejected:
            rejected = self.query(
                "SELECT NULL AS doc_id, file, NULLIF(line, 0) AS line, NULL AS title, NULL AS author, "
                "NULL AS author_bio, NULL AS site, NULL AS publication_date, NULL AS publication_date_basis, "
                "NULL AS publication_date_window_days, NULL AS language, 0 AS word_count, "
                "'rejected' AS status, reason || ': ' || message AS reason"
                + (", NULL AS text" if with_text else "")
                + " FROM rejections ORDER BY file, line"
            )
            rows.extend(rejected)
        return rows

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "rejections", "actor_mentions", "timexes", "event_mentions", "stances", "events"):
            out[table] = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return out


#: DuckDB's own default lets its buffer cache grow to 80% of the machine's memory as the store
#: grows; detente bounds it (DuckDB spills to temporary files beyond it), so the memory of a run
#: does not grow with the size of the store. Override with $DETENTE_DB_MEMORY (e.g. "4GB").
DEFAULT_DB_MEMORY = "1GB"


def _duckdb_config() -> dict[str, str]:
    return {"memory_limit": os.environ.get("DETENTE_DB_MEMORY") or DEFAULT_DB_MEMORY}


def open_store(path: str | Path, *, read_only: bool = False, wait: float = 0.0) -> Store:
    """Open (and migrate) the store at ``path``.

    DuckDB lets one process write a database file at a time. When another process holds
    it, wait up to ``wait`` seconds, then raise :class:`StoreError` saying so.
    """
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"{path}: no such database; run `detente analyze` first")
    deadline = time.monotonic() + wait
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only, config=_duckdb_config())
            break
        except duckdb.Error as exc:
            if _is_lock_error(exc) and time.monotonic() < deadline:
                time.sleep(0.25)
                continue
            if _is_lock_error(exc):
                raise StoreError(
                    f"{path}: the database is in use by another detente process (DuckDB allows one "
                    f"writer at a time); wait for it to finish or use another --db"
                ) from exc
            raise StoreError(f"{path}: cannot open database: {exc}") from exc
    store = Store(con, path, read_only)
    if not read_only:
        store.migrate()
    return store
