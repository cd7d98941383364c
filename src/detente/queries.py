"""Reads over the store used by the CLI, the report and the web app."""

from __future__ import annotations

from typing import Any

from .records import EventMention


def event_filters(*, dyad: str | None = None, actor: str | None = None, code: str | None = None,
                  prefix: str = "") -> tuple[list[str], list[Any]]:
    """SQL conditions (and parameters) shared by ``detente events`` over mentions and merged
    events: ``dyad`` "JPN-RUS" (either direction; a party is a country or an actor id),
    ``actor`` (either side), ``code`` (CAMEO root, code prefix or PLOVER type). ``prefix``
    qualifies the column names (``"e."``). ValueError on a dyad that does not name two parties."""
    from .analysis.timeline import dyad_clause, parse_dyad

    where: list[str] = []
    params: list[Any] = []
    for a, b in ((parse_dyad(dyad) if dyad else (None, None)), (actor or None, None)):
        if a:
            clause, more = dyad_clause(a, b, prefix)
            where.append(clause)
            params += more
    if code:
        where.append(f"({prefix}cameo_root = ? OR {prefix}cameo_code LIKE ? || '%' OR {prefix}plover_type = upper(?))")
        params += [code.zfill(2) if code.isdigit() and len(code) < 2 else code, code, code]
    return where, params


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
    """Event mentions with the JSONL field contract, filtered like :func:`event_filters`;
    ``since``/``until`` keep mentions whose date interval overlaps the window (a mention dated
    ``2018`` is inside ``--since 2018-05``), as for merged events and timelines. Ordered by date
    then position in the document."""
    from .analysis.timeline import date_window, in_window
    from .merge import date_interval

    where, params = event_filters(dyad=dyad, actor=actor, code=code)
    window = date_window(since, until)
    sql = f"SELECT {', '.join(EventMention.JSONL_FIELDS)} FROM event_mentions"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date NULLS LAST, doc_id, sentence_index, char_start"
    rows = [r for r in store.query(sql, params) if in_window(date_interval(r["date"], r["date_precision"]), window)]
    return rows[:limit] if limit else rows


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
