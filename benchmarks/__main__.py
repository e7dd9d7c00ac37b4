"""``python -m benchmarks``: every benchmark and the table of figures (see ``benchmarks.run_all``)."""

from benchmarks.run_all import main

main()
