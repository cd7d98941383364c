"""A small hand-made store for the report, dashboard, API and export tests.

The store is written through ``Store.write_article`` with hand-made records, so these tests do
not depend on the NLP stages; the merged layer (``events``/``event_links``) is written with
plain SQL in the shape ``detente.merge`` produces. One article is hostile: its title, body,
outlet, an actor name, a position and a rejected file name carry ``<script>`` tags and
``onerror=``/``onclick=`` attributes that must never become markup.
"""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

from detente.records import Actor, ActorMention, Article, EventMention, Rejection, Stance
from detente.store import open_store

JPN = Actor("JPN", "Japan", "JPN", "GOV", kind="state", cameo="JPNGOV")
RUS = Actor("RUS", "Russia", "RUS", "GOV", kind="state", cameo="RUSGOV")
ABE = Actor("person:abe", "Shinzo Abe", "JPN", "GOV", role="head_of_government", kind="person", cameo="JPNGOV")
PUTIN = Actor("person:putin", "Vladimir Putin", "RUS", "GOV", role="head_of_state", kind="person", cameo="RUSGOV")
EVIL = Actor("EVL", 'Evil <svg onload="window.__pwned=3">', "EVL", "GOV", kind="state")

SCRIPT_TITLE = '<script>window.__pwned=1</script>Summit <b onclick="window.__pwned=2">talks</b>'
HOSTILE_SENTENCE = 'Russia <script>window.__pwned=4</script>warned Japan <img src=x onerror="window.__pwned=5"> over sanctions.'
HOSTILE_SITE = '<img src=x onerror="window.__pwned=6">'
HOSTILE_FILE = '<img src=x onerror="window.__pwned=7">.txt'

#: (doc_id, site, date, title, [sentences]); each event/stance below names its sentence.
DOCS = {
    "doc-a": ("example-news.test", dt.date(2016, 12, 16), "Abe and Putin meet in Nagato", [
        "Prime Minister Abe met President Putin in Nagato on 15 December 2016.",
        "Japan and Russia agreed to discuss joint economic activity on the disputed islands.",
        "Tokyo insists that the sovereignty issue must be resolved before a peace treaty.",
    ]),
    "doc-b": ("daily-wire.test", dt.date(2018, 5, 27), "Abe visits Moscow", [
        "Abe visited Moscow in May 2018 and held talks with Putin.",
        "Russia criticised Japan's plan to deploy a missile defence system.",
        "Moscow said the transfer of two islands could be a compromise.",
    ]),
    "doc-c": ("example-news.test", dt.date(2016, 9, 3), "Vladivostok meeting", [
        "Abe and Putin met in Vladivostok on 2 September 2016.",
        "Japan may impose new sanctions on Russia.",
    ]),
    "doc-e": ("daily-wire.test", dt.date(2016, 12, 17), "Nagato summit ends", [
        "Putin and Abe held a summit in Nagato on December 15.",
    ]),
    "doc-x": (HOSTILE_SITE, dt.date(2017, 3, 20), SCRIPT_TITLE, [
        "Officials met in Tokyo.",
        HOSTILE_SENTENCE,
    ]),
}

# (event_id, doc_id, sentence#, source, target, cameo, plover, quad, goldstein, date, precision, modality, confidence)
EVENTS = [
    ("ev-a0", "doc-a", 0, ABE, PUTIN, "040", "CONSULT", 1, 1.0, "2016-12-15", "day", "asserted", 0.9),
    ("ev-a1", "doc-a", 1, JPN, RUS, "030", "AGREE", 1, 4.0, "2016-12-16", "day", "asserted", 0.8),
    ("ev-b0", "doc-b", 0, ABE, RUS, "042", "CONSULT", 1, 1.9, "2018-05", "month", "asserted", 0.9),
    ("ev-b1", "doc-b", 1, RUS, JPN, "111", "ACCUSE", 3, -2.0, "2018-05-27", "day", "asserted", 0.7),
    ("ev-c0", "doc-c", 0, ABE, PUTIN, "040", "CONSULT", 1, 1.0, "2016-09-02", "day", "asserted", 0.9),
    ("ev-c1", "doc-c", 1, JPN, RUS, "163", "SANCTION", 4, -8.0, "2016-09-03", "day", "hypothetical", 0.3),
    ("ev-e0", "doc-e", 0, PUTIN, ABE, "040", "CONSULT", 1, 1.0, "2016-12-15", "day", "asserted", 0.85),
    ("ev-x1", "doc-x", 1, EVIL, JPN, "130", "THREATEN", 3, -4.4, "2017-03", "month", "asserted", 0.6),
]
#: Merged events: the two reports of the Nagato summit are one event.
MERGED = [["ev-a0", "ev-e0"], ["ev-a1"], ["ev-b0"], ["ev-b1"], ["ev-c0"], ["ev-c1"], ["ev-x1"]]

# (stance_id, doc_id, sentence#, actor, issue, position, speaker_kind)
STANCES = [
    ("st-a2", "doc-a", 2, JPN, "sequencing", "the sovereignty issue must be resolved before a peace treaty", "party"),
    ("st-b2", "doc-b", 2, RUS, "sovereignty", "the transfer of two islands could be a compromise", "party"),
    ("st-x1", "doc-x", 1, EVIL, "sanctions", '<script>window.__pwned=8</script>no sanctions', "party"),
]


def _text(sentences: list[str]) -> str:
    return " ".join(sentences)


def _offsets(sentences: list[str], i: int) -> tuple[int, int]:
    start = len(" ".join(sentences[:i])) + (1 if i else 0)
    return start, start + len(sentences[i])


def build_store(path: Path, *, merged: bool = True) -> Path:
    """Write the hand-made corpus to a fresh store at ``path`` and close it.

    With ``merged=False`` the merged layer is left empty (as before ``detente.merge`` runs).
    """
    store = open_store(path)
    try:
        for doc_id, (site, date, title, sentences) in DOCS.items():
            text = _text(sentences)
            article = Article(
                doc_id=doc_id, file=f"corpus/{doc_id}.txt", text=text, title=title, site=site,
                author="A. Writer" if doc_id != "doc-x" else '<i onmouseover="x()">Mallory</i>',
                url=f"https://{doc_id}.example.test/story" if doc_id != "doc-x" else "javascript:alert(9)",
                publication_date=date,
                publication_date_basis="inferred" if doc_id == "doc-e" else "metadata",
                publication_date_window_days=3 if doc_id == "doc-e" else None,
                language="en", word_count=len(text.split()), file_sha=f"sha-{doc_id}",
            )
            mentions, events, stances = [], [], []
            for (eid, d, si, src, tgt, code, plover, quad, gold, date_v, prec, mod, conf) in EVENTS:
                if d != doc_id:
                    continue
                start, end = _offsets(sentences, si)
                events.append(EventMention(
                    event_id=eid, doc_id=doc_id, file=article.file, sentence=sentences[si], sentence_index=si,
                    char_start=start, char_end=end, date=date_v, date_precision=prec, date_text=None,
                    date_basis="sentence", source_actor_id=src.actor_id, source_name=src.name,
                    source_country=src.country, source_sector=src.sector, source_cameo=src.cameo,
                    target_actor_id=tgt.actor_id, target_name=tgt.name, target_country=tgt.country,
                    target_sector=tgt.sector, target_cameo=tgt.cameo, cameo_code=code, cameo_root=code[:2],
                    plover_type=plover, plover_mode=None, quad_class=quad, goldstein=gold, modality=mod,
                    location=None, confidence=conf, coder_version="test-1",
                ))
                for actor in (src, tgt):
                    word = actor.name.split()[-1]
                    i = text.find(word, start, end)
                    if i < 0:  # the hostile actor: anchor it on the sentence's first word
                        i, word = start, sentences[si].split()[0]
                    mentions.append(ActorMention(i, i + len(word), text[i:i + len(word)], actor, 0.9, "ner", si))
            for (sid, d, si, actor, issue, position, kind) in STANCES:
                if d != doc_id:
                    continue
                start, end = _offsets(sentences, si)
                stances.append(Stance(
                    stance_id=sid, doc_id=doc_id, actor_id=actor.actor_id, actor_name=actor.name,
                    actor_country=actor.country, issue=issue, position=position, date=str(date),
                    sentence=sentences[si], sentence_index=si, char_start=start, char_end=end,
                    speaker_kind=kind, confidence=0.8,
                ))
            store.write_article(article, actor_mentions=mentions, events=events, stances=stances,
                                coder_version="test-1")
        store.record_rejection(Rejection(file=HOSTILE_FILE, reason="binary", message="binary content <script>x()</script>"))
        store.record_rejection(Rejection(file="corpus/empty.txt", reason="empty", message="zero-byte file"))
        if merged:
            write_merged(store, MERGED)
    finally:
        store.close()
    return path


def write_merged(store, groups: list[list[str]]) -> None:
    """Insert merged events (as ``detente.merge`` would) for the given groups of mention ids."""
    rows = {r["event_id"]: r for r in store.query("SELECT * FROM event_mentions")}
    docs = {r["doc_id"]: r["site"] for r in store.query("SELECT doc_id, site FROM documents")}
    with store.transaction() as con:
        con.execute("DELETE FROM event_links")
        con.execute("DELETE FROM events")
        for members in groups:
            best = rows[members[0]]
            key = "evt-" + "-".join(m.removeprefix("ev-") for m in members)
            con.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [key, best["date"], best["date_precision"], best["source_actor_id"], best["source_name"],
                 best["source_country"], best["target_actor_id"], best["target_name"], best["target_country"],
                 best["cameo_code"], best["cameo_root"], best["plover_type"], best["quad_class"], best["goldstein"],
                 best["modality"], best["location"], best["event_id"], len(members),
                 len({rows[m]["doc_id"] for m in members}), len({docs[rows[m]["doc_id"]] for m in members}),
                 json.dumps({"members": members, "reason": "hand-made test fixture"})],
            )
            for m in members:
                con.execute("INSERT INTO event_links VALUES (?, ?)", [key, m])


@pytest.fixture(scope="session")
def corpus() -> SimpleNamespace:
    """The fixture corpus's constants (hostile strings, events), for assertions."""
    return SimpleNamespace(
        DOCS=DOCS, EVENTS=EVENTS, MERGED=MERGED, STANCES=STANCES, SCRIPT_TITLE=SCRIPT_TITLE,
        HOSTILE_SENTENCE=HOSTILE_SENTENCE, HOSTILE_SITE=HOSTILE_SITE, HOSTILE_FILE=HOSTILE_FILE,
        HOSTILE_ACTOR=EVIL.name, HOSTILE_POSITION=STANCES[-1][5], build_store=build_store,
    )


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    """The hand-made store (built once per session; tests only read it)."""
    return build_store(tmp_path_factory.mktemp("webdb") / "web.duckdb")


class MarkupAudit(HTMLParser):
    """What a browser would see as markup: tags, event-handler attributes, scripts, URLs."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.handlers: list[tuple[str, str, str | None]] = []
        self.scripts: list[dict[str, str | None]] = []
        self.urls: list[tuple[str, str, str]] = []
        self.chunks: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.handlers.append((tag, name, value))
            if name.lower() in ("src", "href", "action", "xlink:href", "formaction", "data") and value:
                self.urls.append((tag, name, value))
        if tag == "script":
            self.scripts.append(dict(attrs))

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.chunks.append(data)

    @property
    def text(self) -> str:
        """The page's text as a reader sees it (entities decoded)."""
        return "".join(self.chunks)


@pytest.fixture(scope="session")
def audit():
    """``audit(html)`` → a :class:`MarkupAudit` of the page."""
    return MarkupAudit
