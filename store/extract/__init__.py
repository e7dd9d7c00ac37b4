"""Report text in, football facts out: pure, no database, no Telegram.

``extract(text, published=..., lang=...)`` reads one match report and returns an
:class:`ExtractedReport`. It does no I/O (the reference data is read once per process) and never
raises on odd text; it returns what it found, possibly nothing.
"""

from __future__ import annotations

from datetime import date

from store.extract.annotate import Annotated, Annotator
from store.extract.assemble import Assembler
from store.extract.claims import standing_mentions, tally_mentions
from store.extract.document import parse_document
from store.extract.events import event_mentions
from store.extract.facts import EventFact, ExtractedReport, GoalFact, MatchFact, StandingClaim, TallyClaim
from store.extract.goals import narrative_mentions, structured_mentions
from store.extract.lang import rules_for
from store.extract.language import detect_language
from store.extract.results import find_scores
from store.teams import Directory, default_directory

EXTRACTOR_VERSION = "1"

__all__ = [
    "EXTRACTOR_VERSION",
    "EventFact",
    "ExtractedReport",
    "GoalFact",
    "MatchFact",
    "StandingClaim",
    "TallyClaim",
    "extract",
]


def extract(
    text: str, *, published: date | None = None, lang: str | None = None, directory: Directory | None = None
) -> ExtractedReport:
    """The facts a report states (see the package docstring)."""
    doc = parse_document(text, published=published)
    code = lang or detect_language(doc.text)
    rules = rules_for(code)
    directory = directory or default_directory()
    annotator = Annotator(rules, directory)

    def annotate_all() -> list[Annotated]:
        return [annotator.annotate(s) for s in doc.sentences]

    annotated = annotate_all()
    _resolve_relative_minutes(annotated)
    assembler = Assembler(doc, rules, directory, annotator, annotated)
    assembler.learn()
    scores = [find_scores(a, rules, assembler.coaches) for a in annotated]
    learned = _discover_teams(annotator, scores)
    if learned:  # the document taught us team names: read the sentences that use them again
        annotator.last_person = None
        annotated = [
            annotator.annotate(s) if any(n in s.text for n in learned) else a
            for s, a in zip(doc.sentences, annotated, strict=True)
        ]
        _resolve_relative_minutes(annotated)
        assembler = Assembler(doc, rules, directory, annotator, annotated)
        assembler.learn()
        scores = [find_scores(a, rules, assembler.coaches) for a in annotated]
    statements = [st for s in scores for st in s.statements]
    for second_round in (False, True):
        for st in sorted(statements, key=lambda s: (not doc.sentences[s.sentence].in_title, s.sentence)):
            if second_round or (st.first is not None and st.second is not None):
                assembler.add_statement(st, second_round=second_round)
    assembler.add_headline()
    line_sentences: dict[int, int] = {}
    for s in doc.sentences:
        line_sentences.setdefault(s.line, s.index)
    mentions = structured_mentions(doc.lines, line_sentences)
    words = rules.compiled.words
    for i, ann in enumerate(annotated):
        following = annotated[i + 1].sentence.text if i + 1 < len(annotated) else ""
        negated_by_next = bool(
            words["DISALLOWED"].search(following)
            and words["GOAL_NOUN"].search(following)
            and not words["GOAL_STANDS"].search(following)
        )
        mentions += narrative_mentions(ann, rules, scores[i].running, negated_by_next)
    _carry_minutes(mentions, annotated)
    assembler.place_mentions(mentions)
    events = [e for ann in annotated for e in event_mentions(ann, rules)]
    _carry_minutes(events, annotated)
    standings = [m for ann in annotated for m in standing_mentions(ann, rules, annotator, assembler.team_name)]
    tallies = [m for ann in annotated for m in tally_mentions(ann, rules, annotator, assembler.team_name)]
    return assembler.report(code, events, standings, tallies)


def _resolve_relative_minutes(annotated: list[Annotated]) -> None:
    """'Two minutes later' is two minutes after the last minute the narrative mentioned."""
    last: int | None = None
    for ann in annotated:
        for entity in sorted((e for e in ann.entities if e.kind == "M"), key=lambda e: e.start):
            minute = entity.value
            if minute.later is not None and minute.minute is None and last is not None:  # type: ignore[union-attr]
                minute.minute = last + minute.later  # type: ignore[union-attr]
            elif minute.minute is not None and not minute.stoppage:  # type: ignore[union-attr]
                last = minute.minute + (minute.added or 0)  # type: ignore[union-attr]


def _carry_minutes(mentions: list, annotated: list[Annotated]) -> None:
    """'Phút 20, Messi lại làm ... Dembele sút vào góc': a goal or card told without a minute, right
    after a sentence of the same paragraph that gave one, happened at that minute."""
    timed = {m.sentence for m in mentions if m.minute is not None and getattr(m, "source", "narrative") == "narrative"}
    for mention in mentions:
        if getattr(mention, "source", "narrative") != "narrative" or mention.minute is not None:
            continue
        line = annotated[mention.sentence].sentence.line
        for back in (1, 2):
            index = mention.sentence - back
            if index < 0 or annotated[index].sentence.line != line or index in timed:
                break
            minutes = [e.value for e in annotated[index].entities if e.kind == "M" and e.value.minute is not None]
            if len(minutes) == 1:
                mention.minute = minutes[0]
                break


def _discover_teams(annotator: Annotator, scores) -> list[str]:
    """Names the reference data lacks, seen in a result's team slot ("Eastern FC 0-1 Nam Dinh")."""
    learned: list[str] = []
    for sentence_scores in scores:
        for st in sentence_scores.statements:
            if not st.strong:
                continue
            for entity in (st.first, st.second):
                if entity is not None and entity.kind == "N" and annotator.discover(entity.text):
                    learned.append(entity.text)
    return learned
