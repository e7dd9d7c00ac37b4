"""Whether two ways of writing a person's name are the same person."""

from __future__ import annotations

from rapidfuzz import fuzz

from store.normalize import key


def same_person(a: str, b: str) -> bool:
    """'Messi' ~ 'Lionel Messi', 'L Suarez' ~ 'Luis Suarez' (not 'Denis Suarez'), 'Bicackic' ~ 'Bicakcic'."""
    ta, tb = key(a).split(), key(b).split()
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    last_a, last_b = ta[-1], tb[-1]
    same_last = last_a == last_b or (
        len(last_a) > 4 and last_a[0] == last_b[0] and fuzz.ratio(last_a, last_b, processor=None, score_cutoff=80) > 0
    )
    if not same_last:
        # a single given name used alone: "Lautaro" ~ "Lautaro Martinez"
        return (len(ta) == 1 and ta[0] == tb[0] and len(tb) > 1) or (len(tb) == 1 and tb[0] == ta[0] and len(ta) > 1)
    rest_a, rest_b = ta[:-1], tb[:-1]
    if not rest_a or not rest_b:
        return True
    return any(
        x.startswith(y) or y.startswith(x) or fuzz.ratio(x, y, processor=None) >= 75 for x in rest_a for y in rest_b
    )
