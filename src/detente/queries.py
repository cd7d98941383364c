"""Reads over the store used by the CLI, the report and the web app."""

from __future__ import annotations

from typing import Any

from .records import EventMention


def _dyad_clause(dyad: str, params: list) -> str:
    """``JPN-RUS`` matches events between the two, in either direction (country or actor id)."""
    a, _, b = dyad.partition("-")
    if not b:
        raise ValueError(f"--dyad must look like JPN-RUS, not {dyad!r}")
    params.extend([a, a, b, b, b, b, a, a])
    return (
        "((source_country = ? OR source_actor_id = ?) AND (target_country = ? OR target_actor_id = ?) "
        "OR (source_country = ? OR source_actor_id = ?) AND (target_country = ? OR target_actor_id = ?))"
    )


def list_events(
    store,
    *,
    dyad: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
    code: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Event mentions with the JSONL field contract, filtered; ordered by date then position."""
    where, params = [], []
    if dyad:
        where.append(_dyad_clause(dyad.upper(), params))
    if actor:
        where.append("(source_actor_id = ? OR target_actor_id = ? OR source_country = ? OR target_country = ?)")
        params += [actor, actor, actor.upper(), actor.upper()]
    if since:
        where.append("date >= ?")
        params.append(since)
    if until:
        # A date at coarser precision ("2018-05") is inside the range when its start is.
        where.append("date <= ? || '~'")
        params.append(until)
    if code:
        where.append("(cameo_root = ? OR cameo_code LIKE ? || '%' OR plover_type = upper(?))")
        params += [code.zfill(2) if code.isdigit() and len(code) < 2 else code, code, code]
    sql = f"SELECT {', '.join(EventMention.JSONL_FIELDS)} FROM event_mentions"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date NULLS LAST, doc_id, sentence_index, char_start"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.query(sql, params)


def list_actors(store) -> list[dict[str, Any]]:
    """Actors seen in the corpus with their mention and event counts."""
    return store.query(
        """
        SELECT a.actor_id, a.name, a.country, a.sector, a.role, a.cameo, a.kind,
               count(DISTINCT (m.doc_id, m.char_start)) AS mentions,
               count(DISTINCT m.doc_id) AS documents,
               (SELECT count(*) FROM event_mentions e
                 WHERE e.source_actor_id = a.actor_id OR e.target_actor_id = a.actor_id) AS events
        FROM actors a LEFT JOIN actor_mentions m USING (actor_id)
        GROUP BY ALL ORDER BY mentions DESC, a.actor_id
        """
    )
