"""Places ranked by a figure: "Những huyện nào có nhiều vụ cháy nhất?" is answered by the
clause that ranks them ("Các vụ cháy tập trung tại huyện A (9 vụ), huyện B (8 vụ)"), read
whole: its places are the answer, not words to look for elsewhere.
"""

from __future__ import annotations

import re

from assistant.extractive.entities import places_named
from assistant.extractive.lexicon import PLACE_NAMED_RE, PLACE_NOUNS, PLACES_LISTED_RE
from assistant.extractive.passage_views import PassageView
from assistant.extractive.question import QuestionAnalysis
from assistant.extractive.tables import asked_extreme, number_value
from index.vietnamese import canonical

# A place's figure beside its name in a listing: "huyện A (9 vụ)".
_FIGURE_BESIDE = re.compile(r"\([^()]*\d[^()]*\)")
# A place told as the first of its kind: "cao nhất là huyện A", "dẫn đầu là xã B".
# Not "hợp nhất", "thống nhất": a rank is "nhiều / cao / ... nhất".
_FIRST_OF_KIND = re.compile(r"\b(?:nhiều|cao|lớn|ít|thấp|nhỏ)\b[^.;]{0,40}?\bnhất\b|\bdẫn đầu\b")


def asks_extreme_places(analysis: QuestionAnalysis) -> bool:
    """ "Những huyện nào có nhiều vụ cháy nhất?": places ranked by a figure."""
    return analysis.asked_noun in PLACE_NOUNS and asked_extreme(analysis) is not None


def ranks_places(text: str) -> bool:
    """The clause ranks places: two or more listed each with its figure ("tập trung ở
    huyện A (9 vụ), huyện B (7 vụ)"), or a place named as the first ("nhiều nhất là xã B")."""
    listed = PLACES_LISTED_RE.search(text)
    if listed and len(_FIGURE_BESIDE.findall(listed.group(0))) >= 2:
        return True
    # ... with its figure: "vướng mắc lớn nhất là ... ở các xã vùng cao" ranks no place.
    named = places_named(text) or PLACE_NAMED_RE.search(text)
    ranked = _FIRST_OF_KIND.search(canonical(text))
    return bool(named) and bool(ranked) and bool(re.search(r"\d", text))


# One place's figure on a line of its own, as a key-value list gives it: "Huyện A: 1.105 hộ".
_PLACE_FIGURE_RE = re.compile(
    r"^\s*[-•*+]?\s*(?P<place>(?:[Hh]uyện|[Xx]ã|[Pp]hường|[Tt]hị trấn|[Tt]hị xã|[Tt]hành phố|"
    r"[Qq]uận|TP\.?)\s[^:|]{1,40}):\s*(?P<value>\d[\d.,]*)\s*[^\d]{0,40}$"
)
MIN_LISTED_PLACES = 3


def listed_extreme(
    analysis: QuestionAnalysis, views: list[PassageView]
) -> tuple[PassageView, int] | None:
    """For "Huyện nào ... nhiều hộ nhất?": the item with the highest (or lowest) figure of a
    list of places each with its figure, one a line ("Huyện A: 1.105 hộ"); None when no
    such list of three or more is there."""
    extreme = asked_extreme(analysis)
    if extreme not in ("max", "min"):
        return None
    items: list[tuple[float, PassageView, int]] = []
    for view in views:
        listed = [
            (number_value(match.group("value")), view, index)
            for index, clause in enumerate(view.clauses)
            if (match := _PLACE_FIGURE_RE.match(clause.text))
        ]
        if len(listed) >= MIN_LISTED_PLACES:
            items += listed
    if not items:
        return None
    _, view, index = (max if extreme == "max" else min)(items, key=lambda item: item[0])
    return view, index
