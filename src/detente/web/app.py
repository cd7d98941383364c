"""The dashboard and JSON API (FastAPI) over a detente store.

``create_app(db)`` builds the app; ``serve(db)`` runs it with uvicorn on loopback.

Safety rules (issue 9, part 6):

* **Read-only.** The database is opened read-only when requests come in and closed again
  :data:`HOLD_SECONDS` after the last one (see :class:`ReadOnlyDatabase`). DuckDB lets one
  process write a file at a time and a writer excludes readers in other processes, so while
  ``detente analyze`` writes the database every request answers ``503`` with code
  ``database_busy`` and a ``Retry-After`` header (after waiting up to :data:`BUSY_WAIT`
  seconds for the lock), and the next request after the writer finishes sees the new data.
  Conversely ``analyze`` cannot open the database while the dashboard is answering requests
  (or within :data:`HOLD_SECONDS` of the last one); it then stops with a clear message.
* **One error shape.** Every 4xx/5xx of the API is
  ``{"error": {"status": 422, "code": "invalid_parameter", "message": "...", "details": [...]}}``;
  HTML pages show the same fields as a page. Unknown query parameters are rejected (422).
* **Validated parameters.** Every query/path parameter has a type, bounds or a pattern;
  list endpoints take ``limit`` (1–500) and ``offset`` (0–1,000,000).
* **Escaping.** Templates autoescape; article text is only inserted through
  :mod:`detente.report.render`, which escapes it. Responses carry a strict
  Content-Security-Policy (no inline script, no external origin).
* **No path traversal.** The only files served are the package's ``static`` folder (through
  Starlette's ``StaticFiles``, which refuses paths outside it); ids in paths are matched by
  pattern and only used as SQL parameters.
* **Loopback.** ``serve`` binds ``127.0.0.1`` unless told otherwise.
"""

from __future__ import annotations

import atexit
import logging
import math
import threading
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

import jinja2
from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import StoreError
from ..records import MODALITIES
from ..report.render import Span, goldstein_colour, highlight, index_chart, locate, network_chart
from ..store import Store, open_store
from . import queries as q

log = logging.getLogger(__name__)

#: Seconds a request waits for a write lock held by another process before answering 503.
BUSY_WAIT = 1.0
#: Seconds the database stays open after the last request, before it is released for writers.
HOLD_SECONDS = 0.5
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
ID_PATTERN = r"^[A-Za-z0-9_.:+@/-]{1,128}$"
SIDE_PATTERN = r"^([A-Za-z0-9_.:+@/-]{1,100})?$"
DYAD_PATTERN = r"^([A-Za-z0-9_.:+@/]{1,100}-[A-Za-z0-9_.:+@/]{1,100})?$"
DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
TYPE_PATTERN = r"^([0-9]{2,4}|[A-Za-z_]{2,32})?$"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
STATUS_CODES = {
    400: "bad_request", 404: "not_found", 405: "method_not_allowed", 406: "not_acceptable",
    413: "too_large", 422: "invalid_parameter", 429: "too_many_requests", 500: "internal_error",
    503: "database_busy",
}


# -- errors ------------------------------------------------------------------------------------------
class ApiError(Exception):
    """An error answered with the one error shape."""

    def __init__(self, status: int, code: str, message: str, details: list | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.details = details or []
        self.headers = headers or {}


class ErrorBody(BaseModel):
    status: int = Field(description="HTTP status code")
    code: str = Field(description="stable machine-readable code, e.g. invalid_parameter, not_found, database_busy")
    message: str = Field(description="what went wrong, for people")
    details: list[dict[str, Any]] = Field(default_factory=list, description="per-parameter problems")


class ErrorResponse(BaseModel):
    error: ErrorBody


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


ERRORS = {s: {"model": ErrorResponse} for s in (404, 422, 500, 503)}


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")


def _error_response(request: Request, err: ApiError) -> Response:
    body = {"error": {"status": err.status, "code": err.code, "message": err.message, "details": err.details}}
    headers = dict(err.headers)
    if _wants_html(request):
        tpl = request.app.state.templates.get_template("error.html")
        html = tpl.render(request=request, error=body["error"], nav=NAV, title=f"Error {err.status}")
        return HTMLResponse(html, status_code=err.status, headers=headers)
    return JSONResponse(body, status_code=err.status, headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return _error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        details = []
        for e in exc.errors():
            loc = [str(x) for x in e.get("loc", ())]
            details.append({"in": loc[0] if loc else "", "param": ".".join(loc[1:]), "message": e.get("msg", "")})
        message = "; ".join(f"{d['param'] or d['in']}: {d['message']}" for d in details) or "invalid request"
        return _error_response(request, ApiError(422, "invalid_parameter", message, details))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        code = STATUS_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        return _error_response(request, ApiError(exc.status_code, code, message, headers=getattr(exc, "headers", None)))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):
        log.exception("internal error on %s", request.url.path)
        return _error_response(request, ApiError(500, "internal_error", "internal error; see the server log"))


# -- dependencies ------------------------------------------------------------------------------------
def _query_names(dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def reject_unknown_params(request: Request) -> None:
    """Every query parameter must be one the endpoint declares."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    unknown = sorted(set(request.query_params.keys()) - _query_names(dependant))
    if unknown:
        raise ApiError(422, "invalid_parameter", f"unknown query parameter(s): {', '.join(unknown)}",
                       [{"in": "query", "param": u, "message": "not accepted by this endpoint"} for u in unknown])


class ReadOnlyDatabase:
    """The database, opened read-only while requests come in and released when they stop.

    Opening a DuckDB file costs tens of milliseconds, so one read-only connection is shared
    (each request gets its own cursor) while requests keep coming; once no request has been
    running for ``hold`` seconds the file is closed, so another process (``detente analyze``)
    can take the write lock. While a writer holds the file, opening waits up to
    :data:`BUSY_WAIT` seconds and then answers 503 ``database_busy``.
    """

    def __init__(self, path: Path, hold: float = 0.5):
        self.path = Path(path)
        self.hold = hold
        self._lock = threading.Lock()
        self._root: Store | None = None
        self._active = 0
        self._last_release = 0.0
        self._timer: threading.Timer | None = None
        atexit.register(self.close)

    @property
    def is_open(self) -> bool:
        return self._root is not None

    def acquire(self) -> Store:
        with self._lock:
            if self._root is None:
                try:
                    self._root = open_store(self.path, read_only=True, wait=BUSY_WAIT)
                except StoreError as exc:
                    if "in use" in str(exc) or "lock" in str(exc).lower():
                        raise ApiError(503, "database_busy",
                                       "database busy (another detente process is writing it); retry",
                                       headers={"Retry-After": "2"}) from exc
                    raise ApiError(503, "database_unavailable",
                                   f"database unavailable: {self.path.name} cannot be opened") from exc
            self._active += 1
            return Store(self._root.con.cursor(), self.path, True)

    def release(self, store: Store) -> None:
        store.close()
        with self._lock:
            self._active -= 1
            self._last_release = time.monotonic()
            if self._active == 0:
                if self.hold <= 0:
                    self._close_locked()
                    return
                if self._timer is not None:
                    self._timer.cancel()
                self._timer = threading.Timer(self.hold, self._close_if_idle)
                self._timer.daemon = True
                self._timer.start()

    def _close_if_idle(self) -> None:
        with self._lock:
            if self._active == 0 and time.monotonic() - self._last_release >= self.hold * 0.9:
                self._close_locked()

    def _close_locked(self) -> None:
        if self._root is not None:
            self._root.close()
            self._root = None

    def close(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._close_locked()


def get_store(request: Request) -> Iterator[Store]:
    """A read-only store for this request (see :class:`ReadOnlyDatabase`)."""
    db: ReadOnlyDatabase = request.app.state.db
    store = db.acquire()
    try:
        yield store
    finally:
        db.release(store)


StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, 1–{MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]


def event_filter(
    dyad: Annotated[str, Query(max_length=201, pattern=DYAD_PATTERN, description="A-B, e.g. JPN-RUS (either direction)")] = "",
    a: Annotated[str, Query(max_length=100, pattern=SIDE_PATTERN, description="one side of a dyad (use with b)")] = "",
    b: Annotated[str, Query(max_length=100, pattern=SIDE_PATTERN, description="other side of a dyad")] = "",
    actor: Annotated[str, Query(max_length=100, pattern=SIDE_PATTERN, description="actor id or country code, either side")] = "",
    since: Annotated[str, Query(max_length=10, pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")] = "",
    until: Annotated[str, Query(max_length=10, pattern=DATE_PATTERN, description="YYYY, YYYY-MM or YYYY-MM-DD")] = "",
    type: Annotated[str, Query(max_length=32, pattern=TYPE_PATTERN, description="PLOVER type (CONSULT) or CAMEO code prefix (04)")] = "",
    quad: Annotated[str, Query(max_length=1, pattern=r"^[1-4]?$", description="quad class 1-4")] = "",
    modality: Annotated[Literal[("",) + MODALITIES], Query(description="modality of the event")] = "",
    source: Annotated[str, Query(max_length=200, description="outlet (document site)")] = "",
) -> q.EventFilter:
    """The shared event filters; empty values mean 'any'."""
    problems = []
    try:
        dyad_a, dyad_b = q.parse_dyad(dyad) if dyad else (a or None, b or None)
        if bool(dyad_a) != bool(dyad_b):
            problems.append({"in": "query", "param": "a/b", "message": "give both a and b, or dyad=A-B"})
    except ValueError as exc:
        dyad_a = dyad_b = None
        problems.append({"in": "query", "param": "dyad", "message": str(exc)})
    for name, value in (("since", since), ("until", until)):
        if value:
            try:
                q.date_bounds(value, end=False)
            except ValueError as exc:
                problems.append({"in": "query", "param": name, "message": str(exc)})
    if since and until and not problems and q.date_bounds(since, end=False) > q.date_bounds(until, end=True):
        problems.append({"in": "query", "param": "since", "message": "since is after until"})
    if problems:
        raise ApiError(422, "invalid_parameter", "; ".join(f"{p['param']}: {p['message']}" for p in problems), problems)
    return q.EventFilter(
        a=dyad_a, b=dyad_b, actor=actor or None, since=since or None, until=until or None,
        event_type=type or None, quad=int(quad) if quad else None, modality=modality or None,
        source=source or None,
    )


FilterDep = Annotated[q.EventFilter, Depends(event_filter)]
DocId = Annotated[str, PathParam(pattern=ID_PATTERN, description="document id")]
EventKey = Annotated[str, PathParam(pattern=ID_PATTERN, description="merged event key (or mention id)")]
Period = Annotated[Literal["month", "quarter", "year"], Query(description="period of the bins")]


def _security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Cache-Control", "no-store")
        return response


# -- pages -------------------------------------------------------------------------------------------
NAV = [
    ("/", "Overview"), ("/timeline", "Timeline"), ("/index-chart", "Index"), ("/network", "Network"),
    ("/positions", "Positions"), ("/sources", "Sources"), ("/documents", "Articles"),
    ("/quality", "Data quality"), ("/search", "Search"), ("/api", "API"),
]


def _mark_term(text: str | None, term: str) -> Any:
    """``text`` escaped, with every case-insensitive occurrence of ``term`` marked."""
    text = text or ""
    spans, low, needle = [], text.lower(), term.lower()
    i = low.find(needle) if needle else -1
    while i >= 0:
        spans.append(Span(i, i + len(needle), css="hit"))
        i = low.find(needle, i + len(needle))
    return highlight(text, spans)


def _with_main_dyad(store: Store, f: q.EventFilter) -> q.EventFilter:
    """The filter as given, or — when it names no dyad — the same filter on the corpus's main dyad
    (the one with most events): an index chart is drawn for one pair of parties."""
    if f.a and f.b:
        return f
    top = q.dyads(store, limit=1)
    return q.EventFilter(**{**f.__dict__, "a": top[0]["a"], "b": top[0]["b"]}) if top else f


def _index_chart(idx: dict[str, Any], f: q.EventFilter, by: str) -> str:
    """The index chart of a filter's periods, titled by its dyad, linking to its timeline."""
    title = (f"{f.a}–{f.b}: " if f.a else "") + f"cooperation–conflict index by {by}"
    return index_chart(idx["periods"], title=title, link=_timeline_link(f))


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("detente", "web/templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(goldstein_colour=goldstein_colour, quad_names=q.QUAD_NAMES, version=__version__,
                       modalities=MODALITIES)
    env.filters["qs"] = lambda params: urlencode({k: v for k, v in params.items() if v not in (None, "")})
    env.filters["pathq"] = lambda value: quote(str(value), safe="")
    env.filters["mark_term"] = _mark_term
    return env


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    tpl = request.app.state.templates.get_template(template)
    return HTMLResponse(tpl.render(request=request, nav=NAV, **context))


def _filter_params(f: q.EventFilter) -> dict[str, Any]:
    """EventFilter → the query-string names the pages use."""
    out = {"dyad": None, "a": None, "b": None, "actor": f.actor, "since": f.since, "until": f.until,
           "type": f.event_type, "quad": f.quad, "modality": f.modality, "source": f.source}
    if f.a and f.b:
        if "-" in f.a or "-" in f.b:
            out.update(a=f.a, b=f.b)
        else:
            out["dyad"] = f"{f.a}-{f.b}"
    return out


def _timeline_link(f: q.EventFilter) -> str:
    """URL template (``{since}``/``{until}``) of the timeline of one chart period under ``f``."""
    params = {k: v for k, v in _filter_params(f).items() if v not in (None, "") and k not in ("since", "until")}
    base = urlencode(params).replace("{", "{{").replace("}", "}}")
    return "/timeline?" + (base + "&" if base else "") + "since={since}&until={until}"


def _filter_context(store: Store, f: q.EventFilter) -> dict[str, Any]:
    return {
        "filters": _filter_params(f),
        "facets": q.facet_values(store),
        "dyad_choices": q.dyads(store, limit=30),
        "actor_choices": q.actor_choices(store, limit=100),
    }


def _pager(total: int, limit: int, offset: int, params: dict[str, Any]) -> dict[str, Any]:
    pages = max(1, math.ceil(total / limit))
    base = {k: v for k, v in params.items() if v not in (None, "")}
    prev_q = urlencode({**base, "limit": limit, "offset": max(0, offset - limit)}) if offset > 0 else None
    next_q = urlencode({**base, "limit": limit, "offset": offset + limit}) if offset + limit < total else None
    return {"total": total, "page": offset // limit + 1, "pages": pages, "prev": prev_q, "next": next_q}


def _add_pages(app: FastAPI) -> None:
    html = {"response_class": HTMLResponse, "include_in_schema": False}

    @app.get("/", **html)
    def overview(request: Request, store: StoreDep, f: FilterDep, by: Period = "month", weighted: bool = False):
        summary = q.summary(store)
        chart_filter = _with_main_dyad(store, f)
        idx = q.index(store, chart_filter, by=by, weighted=weighted)
        timeline = q.events(store, f, limit=50)
        return _page(request, "overview.html", title="Overview", summary=summary, by=by, weighted=weighted,
                     chart=_index_chart(idx, chart_filter, by), index=idx, timeline=timeline,
                     **_filter_context(store, f))

    @app.get("/timeline", **html)
    def timeline_page(request: Request, store: StoreDep, f: FilterDep, limit: Limit = 100, offset: Offset = 0):
        tl = q.events(store, f, limit=limit, offset=offset)
        ctx = _filter_context(store, f)
        return _page(request, "timeline.html", title="Timeline", timeline=tl,
                     pager=_pager(tl["total"], limit, offset, ctx["filters"]), **ctx)

    @app.get("/index-chart", **html)
    def index_page(request: Request, store: StoreDep, f: FilterDep, by: Period = "month", weighted: bool = False):
        f = _with_main_dyad(store, f)
        idx = q.index(store, f, by=by, weighted=weighted)
        return _page(request, "index_chart.html", title="Index", chart=_index_chart(idx, f, by),
                     index=idx, by=by, weighted=weighted, **_filter_context(store, f))

    @app.get("/network", **html)
    def network_page(request: Request, store: StoreDep, f: FilterDep):
        net = q.network(store, f)
        return _page(request, "network.html", title="Network", network=net,
                     chart=network_chart(net["nodes"], net["edges"], link="/timeline?actor={id}"),
                     **_filter_context(store, f))

    @app.get("/events/{event_key}", **html)
    def event_page(request: Request, store: StoreDep, event_key: EventKey):
        ev = q.event(store, event_key)
        if ev is None:
            key = q.event_key_of_mention(store, event_key)
            ev = q.event(store, key) if key else None
        if ev is None:
            raise ApiError(404, "not_found", f"no event {event_key!r}")
        reports: dict[str, dict[str, Any]] = {}
        for m in ev["mentions"]:
            text = m.pop("doc_text") or ""
            report = reports.setdefault(m["doc_id"], {
                "doc_id": m["doc_id"], "doc_title": m["doc_title"], "outlet": m["outlet"],
                "publication_date": m["publication_date"], "text": text, "mentions": [], "spans": [],
            })
            where = locate(text, m["sentence"], m["char_start"], m["char_end"])
            m["located"] = where is not None
            report["mentions"].append(m)
            if where:
                report["spans"].append(Span(where[0], where[1], anchor=f"ev-{m['event_id']}", css="ev", current=True))
        for report in reports.values():
            report["html"] = highlight(report.pop("text"), report.pop("spans"))
        ev["reports"] = list(reports.values())
        return _page(request, "event.html", title=f"Event {ev['event_key']}", event=ev)

    @app.get("/documents", **html)
    def documents_page(request: Request, store: StoreDep, limit: Limit = 100, offset: Offset = 0,
                       source: Annotated[str, Query(max_length=200)] = ""):
        docs = q.documents(store, limit=limit, offset=offset, source=source or None)
        return _page(request, "documents.html", title="Articles", docs=docs,
                     pager=_pager(docs["total"], limit, offset, {"source": source}))

    @app.get("/documents/{doc_id}", **html)
    def document_page(request: Request, store: StoreDep, doc_id: DocId,
                      event: Annotated[str, Query(max_length=128, pattern=r"^([A-Za-z0-9_.:+@/-]{1,128})?$")] = ""):
        doc = q.document(store, doc_id)
        if doc is None:
            raise ApiError(404, "not_found", f"no document {doc_id!r}")
        text = doc.get("text") or ""
        spans = []
        for e in doc["events"]:
            where = locate(text, e["sentence"], e["char_start"], e["char_end"])
            if where:
                spans.append(Span(where[0], where[1], anchor=f"ev-{e['event_id']}", css="ev",
                                  title=f"{e['cameo_code']} {e['plover_type'] or ''}", current=e["event_id"] == event))
        for s in doc["stances"]:
            where = locate(text, s["sentence"], s["char_start"], s["char_end"])
            if where:
                spans.append(Span(where[0], where[1], anchor=f"st-{s['stance_id']}", css="st",
                                  title=f"position on {s['issue']}"))
        return _page(request, "document.html", title=doc["title"] or doc["file"], doc=doc, html=highlight(text, spans))

    @app.get("/search", **html)
    def search_page(request: Request, store: StoreDep,
                    q_: Annotated[str, Query(alias="q", max_length=200)] = "", limit: Limit = 20, offset: Offset = 0):
        term = q_.strip()
        if term and len(term) < 2:
            raise ApiError(422, "invalid_parameter", "q: give at least 2 characters")
        results = q.search(store, term, limit=limit, offset=offset) if term else None
        return _page(request, "search.html", title="Search", term=term, results=results)

    @app.get("/positions", **html)
    def positions_page(request: Request, store: StoreDep,
                       actor: Annotated[str, Query(max_length=100)] = "",
                       issue: Annotated[str, Query(max_length=100)] = "",
                       limit: Limit = 200, offset: Offset = 0):
        st = q.stances(store, actor=actor or None, issue=issue or None, limit=limit, offset=offset)
        grouped = q.group_stances(st["items"])
        return _page(request, "positions.html", title="Positions", stances=st, grouped=grouped,
                     actor=actor, issue=issue, issues=q.facet_values(store)["issues"],
                     pager=_pager(st["total"], limit, offset, {"actor": actor, "issue": issue}))

    @app.get("/sources", **html)
    def sources_page(request: Request, store: StoreDep):
        return _page(request, "sources.html", title="Sources", sources=q.sources_for_display(q.sources(store)))

    @app.get("/quality", **html)
    def quality_page(request: Request, store: StoreDep):
        return _page(request, "quality.html", title="Data quality", quality=q.quality(store), summary=q.summary(store))

    @app.get("/api", **html)
    def api_page(request: Request):
        schema = request.app.openapi()
        endpoints = []
        for path, ops in schema["paths"].items():
            for method, op in ops.items():
                params = [
                    {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                     "description": p.get("description") or p.get("schema", {}).get("description", "")}
                    for p in op.get("parameters", [])
                ]
                endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                                  "description": op.get("description", ""), "params": params})
        return _page(request, "api.html", title="API", endpoints=endpoints)


# -- JSON API ----------------------------------------------------------------------------------------
def _add_api(app: FastAPI) -> None:
    api = {"responses": ERRORS}

    @app.get("/api/health", tags=["meta"], **api)
    def health(store: StoreDep) -> dict[str, Any]:
        """Liveness and the database's counts (503 while another process writes the database)."""
        return {"status": "ok", "version": __version__, "counts": store.counts()}

    @app.get("/api/summary", tags=["corpus"], **api)
    def summary(store: StoreDep) -> dict[str, Any]:
        """Counts and date spans of the corpus."""
        return q.summary(store)

    @app.get("/api/dyads", tags=["events"], **api)
    def dyads(store: StoreDep, limit: Annotated[int, Query(ge=1, le=100)] = 20) -> list[dict[str, Any]]:
        """The dyads with the most merged events."""
        return q.dyads(store, limit=limit)

    @app.get("/api/documents", tags=["corpus"], response_model=Page, **api)
    def documents(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
                  source: Annotated[str, Query(max_length=200, description="outlet")] = "") -> dict[str, Any]:
        """Documents (without their text), oldest first."""
        return q.documents(store, limit=limit, offset=offset, source=source or None)

    @app.get("/api/documents/{doc_id}", tags=["corpus"], **api)
    def document(store: StoreDep, doc_id: DocId, text: bool = True) -> dict[str, Any]:
        """One document with its event mentions and stances (and its text unless text=false)."""
        doc = q.document(store, doc_id, with_text=text)
        if doc is None:
            raise ApiError(404, "not_found", f"no document {doc_id!r}")
        return doc

    @app.get("/api/actors", tags=["corpus"], response_model=Page, **api)
    def actors(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
               q_: Annotated[str, Query(alias="q", max_length=100, description="substring of name or id")] = "",
               country: Annotated[str, Query(max_length=3, pattern=r"^([A-Za-z]{3})?$")] = "") -> dict[str, Any]:
        """Actors with their mention counts."""
        return q.actors(store, limit=limit, offset=offset, q=q_ or None, country=country or None)

    @app.get("/api/events", tags=["events"], response_model=Page, **api)
    def events(store: StoreDep, f: FilterDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Merged events (or mentions when the store has not been merged), filtered, in date order."""
        return q.events(store, f, limit=limit, offset=offset)

    @app.get("/api/events/{event_key}", tags=["events"], **api)
    def event(store: StoreDep, event_key: EventKey) -> dict[str, Any]:
        """One merged event with every mention (document, sentence, offsets) and its explanation."""
        ev = q.event(store, event_key)
        if ev is None:
            raise ApiError(404, "not_found", f"no event {event_key!r}")
        for m in ev["mentions"]:
            m.pop("doc_text", None)
        return ev

    @app.get("/api/timeline", tags=["events"], response_model=Page, **api)
    def timeline(store: StoreDep, f: FilterDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        """Merged events in date order with precision, best evidence and the outlets reporting each."""
        page = q.events(store, f, limit=limit, offset=offset)
        outlets = q.event_outlets(store, [e["event_key"] for e in page["items"]])
        for e in page["items"]:
            e["outlets"] = outlets.get(e["event_key"], [])
        return page

    @app.get("/api/index", tags=["events"], **api)
    def index(store: StoreDep, f: FilterDep, by: Period = "month", weighted: bool = False) -> dict[str, Any]:
        """Cooperation–conflict index per period: counts by quad class, Goldstein sum/mean, index."""
        return q.index(store, f, by=by, weighted=weighted)

    @app.get("/api/network", tags=["events"], **api)
    def network(store: StoreDep, f: FilterDep,
                max_nodes: Annotated[int, Query(ge=2, le=200)] = 40) -> dict[str, Any]:
        """Actor network: nodes and edges weighted by events, with mean Goldstein."""
        return q.network(store, f, max_nodes=max_nodes)

    @app.get("/api/stances", tags=["positions"], response_model=Page, **api)
    def stances(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
                actor: Annotated[str, Query(max_length=100)] = "",
                issue: Annotated[str, Query(max_length=100)] = "",
                speaker_kind: Annotated[Literal["", "party", "commentator"], Query()] = "") -> dict[str, Any]:
        """Stated positions of actors, by issue."""
        return q.stances(store, actor=actor or None, issue=issue or None, speaker_kind=speaker_kind or None,
                         limit=limit, offset=offset)

    @app.get("/api/sources", tags=["corpus"], **api)
    def sources(store: StoreDep) -> list[dict[str, Any]]:
        """Per outlet: events reported, cooperative/conflictual shares, actors, positions."""
        return q.sources(store)

    @app.get("/api/quality", tags=["corpus"], **api)
    def quality(store: StoreDep) -> dict[str, Any]:
        """Rejected inputs, inferred publication dates, low-confidence events."""
        return q.quality(store)

    @app.get("/api/search", tags=["corpus"], **api)
    def search(store: StoreDep, q_: Annotated[str, Query(alias="q", min_length=2, max_length=200)],
               limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
        """Case-insensitive search over article titles/texts and event sentences: every word
        (or "quoted phrase") of `q` must occur, in any order."""
        return q.search(store, q_, limit=limit, offset=offset)


def create_app(db_path: str | Path, *, hold: float = HOLD_SECONDS) -> FastAPI:
    """The dashboard + JSON API over the store at ``db_path`` (opened read-only).

    ``hold``: seconds the database stays open after the last request (0: open per request).
    """
    app = FastAPI(
        title="detente",
        version=__version__,
        description=(
            "Read-only JSON API over a detente store: documents, actors, merged events, timeline, "
            "cooperation–conflict index, network and stances. List endpoints take limit/offset. "
            "Every 4xx/5xx answers {\"error\": {\"status\", \"code\", \"message\", \"details\"}}; "
            "503 database_busy means another process is writing the database: retry."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        dependencies=[Depends(reject_unknown_params)],
    )
    app.state.db_path = Path(db_path)
    app.state.db = ReadOnlyDatabase(Path(db_path), hold=hold)
    app.router.add_event_handler("shutdown", app.state.db.close)
    app.state.templates = _templates()
    _install_error_handlers(app)
    _security_headers(app)
    static = Path(str(resources.files("detente") / "web" / "static"))
    app.mount("/static", StaticFiles(directory=static), name="static")
    _add_api(app)
    _add_pages(app)
    return app


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the dashboard with uvicorn (loopback by default)."""
    import uvicorn

    path = Path(db_path)
    if not path.exists():
        raise StoreError(f"{path}: no such database; run `detente analyze` first")
    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("serving on %s: the dashboard has no authentication; anyone who can reach it can read the corpus", host)
    uvicorn.run(create_app(path), host=host, port=port, log_level="info")
