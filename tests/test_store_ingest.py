"""Ingestion into the store, on SQLite and PostgreSQL: nothing lost, nothing twice, bad input explained."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from store import queries
from store.ingest import Ingestor, count_rows
from store.models import Match, MatchSource, Report
from tests.conftest import CORPUS, DATA, SEEDS

REPORTS = DATA / "reports"


def corpus_files() -> list[Path]:
    return sorted(CORPUS.rglob("*.txt"))


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def test_seeds_then_corpus_twice_gives_the_same_store(ingestor: Ingestor, engine: Engine) -> None:
    first = ingestor.ingest_paths(seed_files() + corpus_files())
    assert first.counts["failed"] == 0
    assert first.counts["ingested"] >= 30
    rows = count_rows(engine)
    again = ingestor.ingest_paths(seed_files() + corpus_files())
    assert again.counts["duplicate"] == len(seed_files() + corpus_files())
    assert count_rows(engine) == rows


def test_the_same_text_in_another_encoding_is_a_duplicate(ingestor: Ingestor) -> None:
    text = (REPORTS / "atalanta_inter_en.txt").read_text(encoding="utf-8")
    assert ingestor.ingest_bytes(text.encode("utf-8"), filename="a.txt").status == "ingested"
    for data in (
        b"\xef\xbb\xbf" + text.encode("utf-8"),
        text.encode("utf-16"),
        text.replace("\n", "\r\n").encode("utf-8"),
    ):
        outcome = ingestor.ingest_bytes(data, filename="b.txt")
        assert outcome.status == "duplicate", outcome


def test_english_and_vietnamese_reports_of_one_match_merge(ingestor: Ingestor, engine: Engine) -> None:
    vietnamese = ingestor.ingest_path(SEEDS / "000_aab48e72e8298823.txt")
    english = ingestor.ingest_path(REPORTS / "atalanta_inter_en.txt")
    assert vietnamese.status == english.status == "ingested"
    with Session(engine) as session:
        inter, atalanta = queries.team_id(session, name="Inter"), queries.team_id(session, name="Atalanta")
        matches = queries.head_to_head(session, team_a=inter, team_b=atalanta, details=True)  # type: ignore[arg-type]
    assert len(matches) == 1
    match = matches[0]
    assert (match.home, match.home_goals, match.away_goals, match.away) == ("Atalanta", 1, 2, "Inter")
    assert len(match.sources) == 2
    scorers = [g.player for g in match.goals]
    assert scorers.count("Lautaro Martinez") == 1  # told by both reports, stored once
    assert {"Hakan Calhanoglu", "Gianluca Scamacca"} <= set(scorers)


def test_a_conflicting_report_is_kept_as_a_conflict(ingestor: Ingestor, engine: Engine) -> None:
    ingestor.ingest_path(REPORTS / "atalanta_inter_en.txt")
    outcome = ingestor.ingest_path(REPORTS / "atalanta_inter_conflict.txt")
    assert outcome.conflicts, outcome
    with Session(engine) as session:
        inter, atalanta = queries.team_id(session, name="Inter"), queries.team_id(session, name="Atalanta")
        (match,) = queries.head_to_head(session, team_a=inter, team_b=atalanta, details=True)  # type: ignore[arg-type]
    assert match.score_status == "conflict"
    assert match.home_goals is None
    told = {(h, a) for h, a, _ in match.conflicting_scores()}
    assert told == {(1, 2), (2, 2)}  # Atalanta at home in both: 1-2 and 2-2


def test_bad_input_gets_a_reason_and_does_not_stop_the_batch(ingestor: Ingestor, tmp_path: Path) -> None:
    files = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 8,
        "huge.txt": b"a" * (3 * 1024 * 1024),
        "picture.png": b"\x89PNG\r\n\x1a\n",
        "no_football.txt": b"The village fete raised money for the new church roof.",
        "good.txt": (REPORTS / "atalanta_inter_en.txt").read_bytes(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    summary = ingestor.ingest_paths(sorted(tmp_path.iterdir()))
    by_name = {o.name: o for o in summary.outcomes}
    assert by_name["empty.txt"].status == "failed" and "empty" in by_name["empty.txt"].reason  # type: ignore[operator]
    assert by_name["binary.txt"].status == "failed" and "binary" in by_name["binary.txt"].reason  # type: ignore[operator]
    assert by_name["huge.txt"].status == "refused" and "too large" in by_name["huge.txt"].reason  # type: ignore[operator]
    assert by_name["picture.png"].status == "refused" and "unsupported" in by_name["picture.png"].reason  # type: ignore[operator]
    assert by_name["no_football.txt"].status == "no_facts"
    assert by_name["good.txt"].status == "ingested"


def test_legacy_encodings_are_detected(ingestor: Ingestor) -> None:
    text = "Reading 2-1 Barnsley: Cédric Müller scored the winner in the 88th minute for Reading."
    for codec in ("cp1252", "latin-1", "utf-16"):
        outcome = ingestor.ingest_bytes(text.encode(codec), filename=f"{codec}.txt")
        assert outcome.status in ("ingested", "duplicate"), outcome


def test_html_article_is_read_without_boilerplate(ingestor: Ingestor, engine: Engine) -> None:
    outcome = ingestor.ingest_path(REPORTS / "boilerplate.html")
    assert outcome.status == "ingested", outcome
    with Session(engine) as session:
        report = session.get(Report, outcome.report_id)
        assert report is not None and report.text is not None
        assert "Cookie settings" not in report.text
        hemel = queries.team_id(session, name="Hemel Hempstead")
        (match,) = queries.recent_results(session, team=hemel)  # type: ignore[arg-type]
    assert (match.home_goals, match.away_goals) == (3, 1)


def test_the_raw_report_is_stored_before_extraction(ingestor: Ingestor, engine: Engine, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("extractor crashed")

    monkeypatch.setattr("store.ingest.extract", broken)
    outcome = ingestor.ingest_path(REPORTS / "atalanta_inter_en.txt")
    assert outcome.status == "failed" and "extractor crashed" in outcome.reason  # type: ignore[operator]
    with Session(engine) as session:
        report = session.exec(select(Report)).one()
        assert report.status == "failed" and "extractor crashed" in (report.error or "")
        assert report.raw == (REPORTS / "atalanta_inter_en.txt").read_bytes()
    monkeypatch.undo()
    retry = ingestor.ingest_path(REPORTS / "atalanta_inter_en.txt")  # the same file again retries it
    assert retry.status == "ingested"


def test_reextract_rebuilds_the_same_facts(ingestor: Ingestor, engine: Engine) -> None:
    ingestor.ingest_paths([*seed_files(), REPORTS / "atalanta_inter_en.txt"])
    before = count_rows(engine)
    with Session(engine) as session:
        before_sources = len(session.exec(select(MatchSource)).all())
    summary = ingestor.reextract()
    assert summary.counts["failed"] == 0
    assert count_rows(engine) == before
    with Session(engine) as session:
        assert len(session.exec(select(MatchSource)).all()) == before_sources
        assert session.exec(select(Match)).all()


def test_a_match_won_after_extra_time_keeps_that_fact(ingestor: Ingestor, engine: Engine) -> None:
    report = (
        "Swindon win at Rotherham\n\n"
        "Swindon Town won 2-1 away at Rotherham United after extra time in the FA Cup first round on Saturday.\n"
    )
    assert ingestor.ingest_bytes(report.encode(), filename="swindon.txt").status == "ingested"
    with Session(engine) as session:
        (match,) = session.exec(select(Match)).all()
    assert match.extra_time
    assert {match.home_goals, match.away_goals} == {2, 1}
