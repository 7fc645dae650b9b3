"""Places ranked by a figure: "Những huyện nào có nhiều vụ cháy nhất?" is answered by the
clause that ranks them ("Các vụ cháy tập trung tại huyện A (9 vụ), huyện B (8 vụ)"), read
whole: its places are the answer, not words to look for elsewhere.
"""

from __future__ import annotations

import re

from assistant.extractive.entities import places_named
from assistant.extractive.lexicon import PLACE_NAMED_RE, PLACE_NOUNS, PLACES_LISTED_RE
from assistant.extractive.question import QuestionAnalysis
from assistant.extractive.tables import asked_extreme
from index.vietnamese import canonical

# A place's figure beside its name in a listing: "huyện A (9 vụ)".
_FIGURE_BESIDE = re.compile(r"\([^()]*\d[^()]*\)")
# A place told as the first of its kind: "cao nhất là huyện A", "dẫn đầu là xã B".
_FIRST_OF_KIND = re.compile(r"\b(?:nhất|dẫn đầu)\b")


def asks_extreme_places(analysis: QuestionAnalysis) -> bool:
    """ "Những huyện nào có nhiều vụ cháy nhất?": places ranked by a figure."""
    return analysis.asked_noun in PLACE_NOUNS and asked_extreme(analysis) is not None


def ranks_places(text: str) -> bool:
    """The clause ranks places: two or more listed each with its figure ("tập trung ở
    huyện A (9 vụ), huyện B (7 vụ)"), or a place named as the first ("nhiều nhất là xã B")."""
    listed = PLACES_LISTED_RE.search(text)
    if listed and len(_FIGURE_BESIDE.findall(listed.group(0))) >= 2:
        return True
    named = places_named(text) or PLACE_NAMED_RE.search(text)
    return bool(named) and bool(_FIRST_OF_KIND.search(canonical(text)))
