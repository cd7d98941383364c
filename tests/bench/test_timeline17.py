"""Timeline17 date selection and Date-F1 scoring (on hand-made cases and synthetic stores)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.bench import timeline17 as t17

#: ../shared/corpora beside the checkout (as tests/conftest.py's CORPORA).
CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"


@pytest.mark.parametrize(
    ("pred", "gold", "p", "r", "f1"),
    [
        (["2011-02-11", "2011-02-12"], ["2011-02-11", "2011-02-13"], 0.5, 0.5, 0.5),
        (["2011-02-11"], ["2011-02-11", "2011-02-12", "2011-02-13", "2011-02-14"], 1.0, 0.25, 0.4),
        (["2011-01-01", "2011-01-02"], ["2011-02-11"], 0.0, 0.0, 0.0),
        ([], ["2011-02-11"], 0.0, 0.0, 0.0),
        (["2011-02-11", "2011-02-11", "2011-02-12"], ["2011-02-11", "2011-02-12"], 1.0, 1.0, 1.0),
    ],
)
def test_date_f1(pred, gold, p, r, f1):
    got = t17.date_f1(pred, gold)
    assert got["precision"] == pytest.approx(p)
    assert got["recall"] == pytest.approx(r)
    assert got["f1"] == pytest.approx(f1)


def row(date, docs, mentions=None, text_dated=True, modality="asserted", precision="day"):
    return {"date": date, "date_precision": precision, "n_documents": docs,
            "n_mentions": mentions or docs, "text_dated": text_dated, "modality": modality}


def test_rank_event_dates():
    ranked = t17.rank_event_dates([
        row("2011-02-11", 3), row("2011-02-11", 1),          # 4
        row("2011-02-12", 6, text_dated=False),              # 3 (publication dates only)
        row("2011-02-13", 4, modality="planned"),            # 2
        row("2011-02-14", 2, mentions=9),                    # 2, more mentions than 02-13
        row("2011-02", 50, precision="month"),               # not a day: ignored
    ])
    assert [d for d, _ in ranked] == ["2011-02-11", "2011-02-12", "2011-02-14", "2011-02-13"]
    assert [s for _, s in ranked] == pytest.approx([4.0, 3.0, 2.0, 2.0])


def test_select_dates_keeps_k_inside_the_span_in_date_order():
    ranked = [("2011-03-01", 9.0), ("2011-02-15", 8.0), ("2011-02-01", 7.0), ("2011-02-20", 6.0)]
    assert t17.select_dates(ranked, 2, "2011-02-02", "2011-02-28") == ["2011-02-15", "2011-02-20"]
    assert t17.select_dates(ranked, 10) == ["2011-02-01", "2011-02-15", "2011-02-20", "2011-03-01"]


def test_sample_spreads_over_dates():
    arts = [{"id": str(i), "date": f"2011-02-{i + 1:02d}"} for i in range(10)]
    assert [a["id"] for a in t17.sample(arts, 5)] == ["0", "2", "4", "6", "8"]
    assert t17.sample(arts, None) == arts and t17.sample(arts, 50) == arts


def test_publication_baseline():
    arts = [{"date": "2011-02-01"}, {"date": "2011-02-02"}, {"date": "2011-02-02"}]
    assert t17.publication_baseline(arts) == [("2011-02-02", 2.0), ("2011-02-01", 1.0)]


def _mention(event_id, doc, date, basis, sentence="Rebels attacked the town."):
    from detente.records import EventMention

    return EventMention(
        event_id=event_id, doc_id=doc, file=f"{doc}.txt", sentence=sentence,
        sentence_index=0, char_start=0, char_end=20, date=date, date_precision="day", date_text=None,
        date_basis=basis, source_actor_id="reb", source_name="rebels", source_country="LBY",
        source_sector="REB", source_cameo="LBYREB", target_actor_id="lby", target_name="Libya",
        target_country="LBY", target_sector="GOV", target_cameo="LBYGOV", cameo_code="190",
        cameo_root="19", plover_type="FIGHT", plover_mode=None, quad_class=4, goldstein=-10.0,
        modality="asserted", location=None, confidence=0.9, coder_version="test")


def test_store_event_rows_from_a_merged_store(tmp_db):
    import datetime as dt

    from detente.merge import merge_store
    from detente.records import Article
    from detente.store import open_store

    with open_store(tmp_db) as store:
        for doc, mentions in {
            "a": [_mention("m1", "a", "2011-03-19", "clause")],
            "b": [_mention("m2", "b", "2011-03-19", "clause")],
            "c": [_mention("m3", "c", "2011-03-20", "publication", "Fighting went on near the port.")],
        }.items():
            art = Article(doc_id=doc, file=f"{doc}.txt", text="Rebels attacked the town. " * 5,
                          publication_date=dt.date(2011, 3, 20), word_count=20)
            store.write_article(art, events=mentions)
        merge_store(store)
        rows = {r["date"]: r for r in t17.store_event_rows(store)}
    assert rows["2011-03-19"]["n_documents"] == 2 and rows["2011-03-19"]["text_dated"] is True
    assert rows["2011-03-20"]["text_dated"] is False
    ranked = t17.rank_event_dates(list(rows.values()))
    assert ranked == [("2011-03-19", 2.0), ("2011-03-20", 0.5)]


@pytest.fixture
def tiny_corpus(tmp_path):
    arts = [
        {"id": f"T/2011-02-0{d}/{i}", "topic": "T", "source": "x", "date": f"2011-02-0{d}", "title": None,
         "text": "x"}
        for d in (1, 2, 3) for i in range(d)
    ]
    (tmp_path / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in arts))
    gold = {"timeline_id": "T/tl1", "topic": "T", "article_source": "x", "n_dates": 2,
            "start": "2011-02-01", "end": "2011-02-03",
            "entries": [{"date": "2011-02-01", "sentences": [], "sentences_detok": []},
                        {"date": "2011-02-02", "sentences": [], "sentences_detok": []}]}
    (tmp_path / "timelines.jsonl").write_text(json.dumps(gold) + "\n")
    return tmp_path


def test_run_writes_dates_and_scores(tiny_corpus, tmp_path, monkeypatch):
    seen = {}

    def fake_analyze(articles, workdir, topic, options):
        seen[topic] = len(articles)
        return [row("2011-02-01", 5), row("2011-02-03", 2), row("2011-01-15", 9)], {"event_mentions": 9,
                                                                                     "merged_events": 3}

    monkeypatch.setattr(t17, "_analyze_topic", fake_analyze)
    out = tmp_path / "dates.jsonl"
    figures = t17.run(tiny_corpus, output=out, limit=4)
    assert seen == {"T": 4}
    (tl,) = figures["timelines"]
    assert tl["dates"] == ["2011-02-01", "2011-02-03"]  # 2011-01-15 is outside the gold span
    assert tl["f1"] == pytest.approx(0.5)
    assert json.loads(out.read_text()) == {"timeline_id": "T/tl1", "dates": ["2011-02-01", "2011-02-03"]}
    # the publication-count baseline on the 4 sampled articles (dates 01, 02, 03, 03)
    assert tl["baseline_f1"] == pytest.approx(0.5)
    report = t17.format_report(figures)
    assert "T/tl1" in report and "average (macro)" in report
    assert "Published Date-F1 on T17" in report and "conflict/diplomacy" in report


def test_report_lists_published_figures(monkeypatch):
    monkeypatch.setattr(t17, "PUBLISHED", [("method-x", 0.5)])
    figures = t17.summarise([], {})
    assert "method-x" in t17.format_report(figures)


def test_real_gold_timelines_load():
    data = CORPORA / "timeline17_interstate"
    if not (data / "timelines.jsonl").exists():
        pytest.skip("../shared/corpora/timeline17_interstate is not beside the checkout")
    gold = t17.load_timelines(data)
    assert len(gold) == 8
    assert sum(g["n_entries"] for g in gold) == 356
    assert all(len(g["dates"]) == len(set(g["dates"])) <= g["n_entries"] for g in gold)
    assert all(g["start"] <= g["dates"][0] and g["dates"][-1] <= g["end"] for g in gold)


#: Date-F1 floor of the quick run (10 articles per topic); measured 0.187. Floors only move up.
QUICK_RUN_F1_FLOOR = 0.15


@pytest.mark.slow
def test_quick_run_on_the_corpus_meets_the_floor(tmp_path):
    data = CORPORA / "timeline17_interstate"
    if not (data / "articles.jsonl").exists():
        pytest.skip("../shared/corpora/timeline17_interstate is not beside the checkout")
    figures = t17.run(data, output=tmp_path / "dates.jsonl", limit=10)
    assert len(figures["timelines"]) == 8
    assert all(t["n_predicted"] <= t["n_gold"] for t in figures["timelines"])
    assert figures["average"]["f1"] >= QUICK_RUN_F1_FLOOR
    lines = (tmp_path / "dates.jsonl").read_text().splitlines()
    assert [json.loads(x)["timeline_id"] for x in lines] == [t["timeline_id"] for t in figures["timelines"]]
