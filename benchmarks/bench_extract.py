"""Extraction throughput over the dev corpus, and the cost of one very large input.

Run from the repository root: ``python -m benchmarks.bench_extract [--runs N]``. Not a test: the
numbers depend on the machine; they are for comparing two versions of the extractor on one machine.

- corpus: every report of ``tests/data/corpus`` extracted in one process, after one warm-up pass
  (the reference data and the compiled rules are loaded once per process); reports/s and MB/s of
  UTF-8 text, median of ``--runs`` passes.
- 1 MB input: corpus reports concatenated to 1 MB, a realistic worst case for an upload. The
  extractor reads only the first ``MAX_CHARS`` characters by design, so the same text cut to
  ``MAX_CHARS`` is timed too: the two times should be close.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from store.extract import extract
from store.extract.document import MAX_CHARS
from store.reading import read_report_file

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"
MEGABYTE = 1_000_000


def corpus_texts(corpus: Path = CORPUS) -> list[str]:
    """The report texts of the corpus, read as ``footbot extract`` reads files."""
    return [read_report_file(path) for path in sorted(corpus.rglob("*.txt"))]


def one_megabyte(texts: list[str]) -> str:
    """Reports joined by blank lines until the text is 1 MB of UTF-8 (cut at a character boundary)."""
    joined = "\n\n".join(texts)
    repeats = MEGABYTE // len(joined.encode("utf-8")) + 1
    data = "\n\n".join([joined] * repeats).encode("utf-8")[:MEGABYTE]
    return data.decode("utf-8", errors="ignore")


def median_seconds(work: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls of ``work``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench(runs: int) -> list[tuple[str, str]]:
    """(measure, value) rows of the table."""
    texts = corpus_texts()
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / MEGABYTE

    def extract_all() -> None:
        for text in texts:
            extract(text)

    extract_all()  # warm-up: reference data, compiled rules
    corpus_time = median_seconds(extract_all, runs)
    big = one_megabyte(texts)
    big_time = median_seconds(lambda: extract(big), runs)
    cut_time = median_seconds(lambda: extract(big[:MAX_CHARS]), runs)
    return [
        ("corpus reports", f"{len(texts)} ({size_mb:.3f} MB)"),
        ("corpus pass (median)", f"{corpus_time * 1000:.0f} ms"),
        ("throughput", f"{len(texts) / corpus_time:.1f} reports/s, {size_mb / corpus_time:.3f} MB/s"),
        ("mean per report", f"{corpus_time / len(texts) * 1000:.1f} ms"),
        ("1 MB input (median)", f"{big_time * 1000:.0f} ms ({len(big):,} chars)"),
        (f"first MAX_CHARS={MAX_CHARS:,} chars", f"{cut_time * 1000:.0f} ms (all the extractor reads)"),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_extract",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=5, help="timed passes per measure (median reported)")
    args = parser.parse_args(argv)
    rows = bench(max(1, args.runs))
    width = max(len(name) for name, _ in rows)
    print(f"extraction benchmark, median of {args.runs} runs")
    for name, value in rows:
        print(f"  {name.ljust(width)}  {value}")


if __name__ == "__main__":
    main()
