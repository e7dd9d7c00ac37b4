"""Which language a text is in, from each language module's frequent words.

Reports and questions are English or Vietnamese, and Vietnamese written without diacritics must
still be recognised ("ai ghi ban cho inter"), so detection counts folded marker words rather than
looking for accented letters. Good enough for en/vi and cheap; a new language only adds markers.
"""

from __future__ import annotations

import re
from collections import Counter

from store.extract.lang import DEFAULT, LANGUAGES
from store.normalize import fold

_WORD = re.compile(r"[a-z]+")
_VIETNAMESE_LETTERS = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def detect_language(text: str, *, sample: int = 4000) -> str:
    """ISO 639-1 code of the language whose marker words are most frequent in ``text``."""
    head = text[:sample]
    words = Counter(_WORD.findall(fold(head)))
    scores = {code: sum(words[w] for w in rules.markers) for code, rules in LANGUAGES.items()}
    # letters only Vietnamese uses are strong evidence when diacritics are present
    if "vi" in scores:
        scores["vi"] += 2 * len(_VIETNAMESE_LETTERS.findall(head))
    best = max(scores, key=lambda code: scores[code])
    return best if scores[best] > 0 else DEFAULT
