"""Putting back the diacritics of a question typed without them.

"so doi dan phong dien bien" is decoded to "số đội dân phòng điện biên" with a trigram language
model over the indexed corpus's own syllables: every unaccented syllable may be any accented
syllable of the corpus that folds to it, and Viterbi picks the likeliest sequence. The model is
interpolated modified Kneser-Ney (Chen & Goodman 1998), kept in back-off form as sorted numpy
arrays so it is small, quick to build and quick to cache on disk.

Syllables are counted in the canonical form ("hoà" and "hòa", "sỹ" and "sĩ" are one), and shown
back in the spelling the corpus uses most.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import Any

import numpy as np

from index.gazetteer import PROVINCE_NAMES, place_spans
from index.vietnamese import (
    NUMBER_RE,
    WORD_RE,
    canonical_syllable,
    fold,
    fold_syllable,
    looks_unaccented,
    nfc,
)

_BOUNDARY, _NUMBER, _UNKNOWN = "<s>", "<num>", "<unk>"
_TOKEN_RE = re.compile(rf"{NUMBER_RE.pattern}|{WORD_RE.pattern}|[^\w\s]|\n")
_MAX_CANDIDATES = 12  # the rarest spellings of a very ambiguous syllable are noise, and cost k^3
_UNKNOWN_LOGPROB = -12.0

# Question words that a body of laws or news reports rarely contains but users type all the time;
# each pattern ends in "?", so the words are also learned in a question's position (last before
# the end). Domain-independent on purpose: not written for any particular question set.
QUESTION_PRIOR = """\
có bao nhiêu? là bao nhiêu? bao nhiêu người? bao nhiêu năm? bao nhiêu tiền? mất bao lâu?
là gì? làm gì? để làm gì? những gì? gồm những gì? vấn đề gì? nội dung gì? việc gì?
là ai? ai là người? do ai? của ai? cho ai? ai ký? do ai ký? người ký? ký ngày nào?
giao nhiệm vụ gì? có nhiệm vụ gì? phải làm gì? giao cho ai? chủ trì?
biện pháp gì? biện pháp nào? giải pháp gì? thủ đoạn gì? phương thức gì? cách nào?
như thế nào? thế nào? ra sao? thì sao? vì sao? tại sao? sao vậy?
ở đâu? tại đâu? từ đâu? đến đâu?
khi nào? bao giờ? lúc nào? ngày nào? năm nào? tháng nào? từ khi nào?
kỳ nào? báo cáo kỳ nào? của kỳ nào? quý nào? đợt nào?
bắt đầu ngày nào? kết thúc ngày nào? bắt đầu, kết thúc ngày nào? kéo dài đến ngày nào?
hiện nay? trước đây? trước đây thuộc? hiện nay thuộc? bây giờ? giờ thuộc?
hạn chót? hạn chót là ngày nào? hạn cuối? thời hạn là khi nào?
có phải không? phải không? được không? có được không? có không? hay không? chưa?
những ai? những nào? cái nào? loại nào? người nào? cơ quan nào? trường hợp nào? nào?
mấy người? mấy năm? bao nhiêu lần? có mấy? là mấy?
mấy vụ? mấy lượt? mấy lần? mấy trường hợp? xảy ra mấy vụ? bắt mấy vụ? được mấy?
bao nhiêu vụ? bắt bao nhiêu vụ? xảy ra bao nhiêu vụ? phát hiện bao nhiêu vụ? bao nhiêu đối tượng?
giá bao nhiêu? bán bao nhiêu? mua giá bao nhiêu? giá mua? giá bán? bán với giá bao nhiêu?
mỗi tháng? mỗi năm? mỗi ngày? mỗi người? mỗi lần?
bao nhiêu phần trăm? đạt bao nhiêu phần trăm? tỷ lệ bao nhiêu phần trăm? chỉ tiêu giao?
từ tháng? từ ngày? từ năm? từ đầu năm? đến tháng? đến ngày? đến nay?
tỉnh nào? huyện nào? xã nào? thành phố nào? thị xã nào? thị trấn nào? phường nào? quận nào?
ở tỉnh? của tỉnh? toàn tỉnh? ở huyện? của huyện? ở xã? của xã? các xã? các tỉnh? các huyện?
đạt chưa? đã đạt chưa? có đạt không? đạt hay chưa? hoàn thành chưa?
so sánh? so sánh giữa? so với? nhiều hơn? ít hơn? cao hơn? thấp hơn? tăng hay giảm?
nhiều nhất? ít nhất? cao nhất? thấp nhất? lớn nhất? nhỏ nhất? nào nhiều nhất? nào nhất?
có nhiều vụ nhất? nhiều vụ nhất? nhiều vụ hơn? có nhiều vụ?
khác nhau thế nào?
hãy cho biết? cho biết? xin hỏi? tôi muốn biết? chúng ta cần làm gì? cần phải làm gì? nên làm gì?
"""
_PRIOR_WEIGHT = 2  # times each pattern is counted: a nudge the corpus still outvotes


def _discounts(counts: np.ndarray) -> np.ndarray:
    """Modified Kneser-Ney discounts for counts 0, 1, 2, 3+ from the count-of-counts."""
    n1, n2, n3, n4 = (np.count_nonzero(counts == k) + 1 for k in (1, 2, 3, 4))
    y = n1 / (n1 + 2 * n2)
    estimated = np.array([0.0, 1 - 2 * y * n2 / n1, 2 - 3 * y * n3 / n2, 3 - 4 * y * n4 / n3])
    # A tiny corpus can estimate a discount of 0, which would leave no mass to back off with.
    return np.clip(estimated, [0.0, 0.1, 0.2, 0.3], [0.0, 1.0, 2.0, 3.0])


def _lookup(keys: np.ndarray, values: np.ndarray, query: np.ndarray) -> tuple[np.ndarray, ...]:
    """Values of the sorted `keys` at `query`, and where they were found."""
    if not len(keys):
        return np.zeros(query.shape, values.dtype), np.zeros(query.shape, bool)
    pos = np.minimum(np.searchsorted(keys, query), len(keys) - 1)
    return values[pos], keys[pos] == query


def _interpolate(
    keys: np.ndarray, counts: np.ndarray, base: int, lower: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One order of interpolated Kneser-Ney.

    Args:
        keys: sorted n-gram keys (context * base + last syllable).
        counts: their counts (raw for the top order, continuation counts below).
        base: the vocabulary size, the radix of the keys.
        lower: the lower order's probability of each n-gram's suffix.

    Returns:
        The log-probability of each n-gram, and the contexts with their log back-off weights.
    """
    contexts, start = np.unique(keys // base, return_index=True)
    totals = np.add.reduceat(counts, start).astype(np.float64)
    discount = _discounts(counts)[np.minimum(counts, 3)]
    gamma = np.add.reduceat(discount, start) / totals
    group = np.repeat(np.arange(len(contexts)), np.diff(np.append(start, len(keys))))
    prob = (counts - discount) / totals[group] + gamma[group] * lower
    return np.log(prob).astype(np.float32), contexts, np.log(gamma).astype(np.float32)


def _count_ids(texts: Iterable[str]) -> tuple[list[str], list[str], np.ndarray]:
    """Canonical vocabulary, its most used spelling, and the corpus as an array of ids."""
    tokens = [_BOUNDARY]
    for text in texts:
        tokens.extend(_TOKEN_RE.findall(nfc(text).lower()))
        tokens.append(_BOUNDARY)
    spelled = Counter(tokens)
    vocabulary = [_BOUNDARY, _NUMBER, _UNKNOWN]
    index = {key: i for i, key in enumerate(vocabulary)}
    token_id: dict[str, int] = {}
    for token in spelled:
        if token[0].isdigit():
            key = _NUMBER
        elif token[0].isalpha():
            key = canonical_syllable(token)
        else:
            key = _BOUNDARY  # punctuation and line ends: a phrase ends here
        token_id[token] = index.setdefault(key, len(vocabulary))
        if len(vocabulary) < len(index):
            vocabulary.append(key)
    spelling = list(vocabulary)
    for token, _ in sorted(spelled.items(), key=lambda item: item[1]):
        spelling[token_id[token]] = token if token[0].isalpha() else spelling[token_id[token]]
    ids = np.fromiter((token_id[t] for t in tokens), np.int64, len(tokens))
    keep = np.ones(len(ids), bool)
    keep[1:] = (ids[1:] != 0) | (ids[:-1] != 0)  # one boundary between phrases, not several
    return vocabulary, spelling, ids[keep]


class DiacriticRestorer:
    """Restores the diacritics of syllables typed without them, from a corpus's own usage."""

    def __init__(self, vocabulary: list[str], spelling: list[str], tables: dict[str, np.ndarray]):
        self._vocabulary = vocabulary
        self._spelling = spelling
        self._tables = tables
        self._id = {syllable: i for i, syllable in enumerate(vocabulary)}
        self._base = len(vocabulary)
        self._candidates = self._candidates_by_fold()

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> DiacriticRestorer:
        """Build the model from the indexed texts (plus the built-in question patterns)."""
        prior = [QUESTION_PRIOR] * _PRIOR_WEIGHT
        vocabulary, spelling, ids = _count_ids([*texts, *prior])
        base = len(vocabulary)
        trigrams, tri_counts = np.unique(
            (ids[:-2] * base + ids[1:-1]) * base + ids[2:], return_counts=True
        )
        bigrams, bi_counts = np.unique(trigrams % (base * base), return_counts=True)
        followers = np.bincount(bigrams % base, minlength=base).astype(np.float64)
        unigram = (followers + 0.5) / (followers.sum() + 0.5 * base)
        bi_lp, bi_ctx, bi_gamma = _interpolate(bigrams, bi_counts, base, unigram[bigrams % base])
        # Trigrams across a boundary say nothing about the phrase that starts after it.
        inside = (trigrams // base) % base != 0
        trigrams, tri_counts = trigrams[inside], tri_counts[inside]
        lower = np.exp(bi_lp[np.searchsorted(bigrams, trigrams % (base * base))])
        tri_lp, tri_ctx, tri_gamma = _interpolate(trigrams, tri_counts, base, lower)
        gamma = np.zeros(base, np.float32)
        gamma[bi_ctx] = bi_gamma
        tables = {
            "unigram": np.log(unigram).astype(np.float32),
            "bigram_keys": bigrams,
            "bigram_lp": bi_lp,
            "bigram_gamma": gamma,
            "trigram_keys": trigrams,
            "trigram_lp": tri_lp,
            "context_keys": tri_ctx,
            "context_gamma": tri_gamma,
        }
        tables["unigram"][2] = _UNKNOWN_LOGPROB
        return cls(vocabulary, spelling, tables)

    def to_bytes(self) -> bytes:
        """The model as bytes (numpy .npz), to cache beside the index."""
        buffer = io.BytesIO()
        words = "\n".join(
            f"{v}\t{s}" for v, s in zip(self._vocabulary, self._spelling, strict=True)
        )
        arrays: dict[str, Any] = {"words": np.frombuffer(words.encode(), np.uint8), **self._tables}
        np.savez(buffer, **arrays)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> DiacriticRestorer:
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            tables = {name: arrays[name] for name in arrays.files if name != "words"}
            pairs = [line.split("\t") for line in arrays["words"].tobytes().decode().split("\n")]
        return cls([v for v, _ in pairs], [s for _, s in pairs], tables)

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        # Pickled through the compact arrays; the lookup dicts are rebuilt on load.
        return DiacriticRestorer.from_bytes, (self.to_bytes(),)

    def restore(self, text: str) -> str:
        """The text with diacritics restored on the syllables typed without them.

        Syllables typed with diacritics, abbreviations ("ANTQ"), numbers, punctuation and
        syllables the corpus does not know are kept as typed; restored ones keep the typed case.
        """
        text = nfc(text)
        lattice: list[np.ndarray] = [np.zeros(1, np.int64), np.zeros(1, np.int64)]
        editable: list[tuple[int, re.Match[str]]] = []
        for match in _TOKEN_RE.finditer(text):
            candidates, is_editable = self._candidates_of(match.group())
            if candidates[0] == 0 and lattice[-1][0] == 0 and len(lattice[-1]) == 1:
                continue  # a run of punctuation is one boundary, as in the corpus
            if is_editable:
                editable.append((len(lattice), match))
            lattice.append(candidates)
        if not editable:
            return text
        if lattice[-1][0] != 0 or len(lattice[-1]) > 1:
            lattice.append(np.zeros(1, np.int64))
        path = self._viterbi(lattice)
        pieces, end = [], 0
        for position, match in editable:
            spelling = self._spelling[int(lattice[position][path[position]])]
            pieces += [text[end : match.start()], _with_case_of(match.group(), spelling)]
            end = match.end()
        restored = _plural_before_asking(text, "".join([*pieces, text[end:]]))
        return _places_spelled(text, restored, self.attested)

    def restore_if_unaccented(self, question: str) -> str | None:
        """The restored question when it looks typed without diacritics, else None."""
        return self.restore(question) if looks_unaccented(question) else None

    def _candidates_of(self, token: str) -> tuple[np.ndarray, bool]:
        """Candidate syllable ids of one typed token, and whether the choice is open."""
        lower = token.lower()
        if token[0].isdigit():
            return np.array([1]), False
        if not token[0].isalpha():
            return np.array([0]), False
        known = self._id.get(canonical_syllable(lower), 2)
        if fold_syllable(lower) != lower:
            return np.array([known]), False
        candidates = self._candidates.get(fold_syllable(canonical_syllable(lower)))
        if candidates is not None and token.isupper() and len(token) > 1:
            # An abbreviation is made of initials: the only mark it can lack is the bar of "Đ"
            # ("HDND" -> "HĐND"), and one the corpus knows as typed ("CA", "TU") stays.
            spelled = (i for i in candidates if self._vocabulary[i].replace("đ", "d") == lower)
            candidates = np.fromiter(spelled, np.int64) if known == 2 else None
        if candidates is None or not len(candidates):
            return np.array([known]), False
        return candidates, True

    def _candidates_by_fold(self) -> dict[str, np.ndarray]:
        by_fold: dict[str, list[int]] = {}
        for i, syllable in enumerate(self._vocabulary[3:], start=3):
            by_fold.setdefault(fold_syllable(syllable), []).append(i)
        unigram = self._tables["unigram"]
        return {
            folded: np.array(sorted(ids, key=lambda i: -unigram[i])[:_MAX_CANDIDATES])
            for folded, ids in by_fold.items()
        }

    def _logprob(self, first: np.ndarray, second: np.ndarray, third: np.ndarray) -> np.ndarray:
        """log P(third | first, second) for every combination: shape (k1, k2, k3)."""
        t, base = self._tables, self._base
        a, b, c = first[:, None, None], second[None, :, None], third[None, None, :]
        bigram, seen = _lookup(t["bigram_keys"], t["bigram_lp"], b * base + c)
        bigram = np.where(seen, bigram, t["bigram_gamma"][b] + t["unigram"][c])
        gamma, seen = _lookup(t["context_keys"], t["context_gamma"], a * base + b)
        backed_off = np.where(seen, gamma, 0.0) + bigram
        trigram, seen = _lookup(t["trigram_keys"], t["trigram_lp"], (a * base + b) * base + c)
        return np.where(seen, trigram, backed_off)

    def attested(self, phrase: str) -> bool:
        """Whether the corpus writes these syllables one after another ("Thạnh Trị" of a
        document): each pair of them is a bigram it holds."""
        ids = [self._id.get(canonical_syllable(w.lower()), 2) for w in phrase.split()]
        if len(ids) < 2 or 2 in ids:
            return False
        keys = np.array([a * self._base + b for a, b in pairwise(ids)])
        return bool(_lookup(self._tables["bigram_keys"], self._tables["bigram_lp"], keys)[1].all())

    def _viterbi(self, lattice: list[np.ndarray]) -> list[int]:
        """Index of the best candidate at each lattice position (the first two are padding)."""
        score = np.zeros((1, 1))
        back = []
        for i in range(2, len(lattice)):
            total = score[:, :, None] + self._logprob(lattice[i - 2], lattice[i - 1], lattice[i])
            back.append(total.argmax(axis=0))
            score = total.max(axis=0)
        second, last = np.unravel_index(int(score.argmax()), score.shape)
        path = [int(last), int(second)]
        for i in range(len(lattice) - 1, 1, -1):
            path.append(int(back[i - 2][path[-1], path[-2]]))
        return path[::-1]


def _places_spelled(
    typed: str, restored: str, attested: Callable[[str], bool] = lambda _: False
) -> str:
    """The restored text with each province and district the typed text names written as
    the gazetteer spells it: a place the documents never name ("huyen Vi Thuy") is still
    read as that place, and refused as absent rather than taken for other words.

    `attested(phrase)` tells whether the documents write the restored words so: a name
    read as a place only by its look ("Thanh Tri") keeps a spelling the documents use."""
    if len(restored) != len(typed):
        return restored
    # Names that fold alike ("Thạnh Trị" in Sóc Trăng, "Thanh Trì" in Hà Nội): the
    # spelling the documents use, when the restorer chose one of them, stays.
    # But a name typed without its unit word that is a province's is the province: "Phu Yen"
    # is Phú Yên, not the district Phù Yên (a district is read only after its unit word).
    spelled = {(p.start, p.end): p.name for p in place_spans(restored)}
    for place in place_spans(typed):
        chosen = spelled.get((place.start, place.end), place.name)
        province = place.name in PROVINCE_NAMES and not place.with_unit
        if chosen != place.name and not (province and chosen not in PROVINCE_NAMES):
            continue
        start, end, name = place.start, place.end, place.name
        span = typed[start:end]
        # A district only after its unit word: "la gi" is "là gì" before it is thị xã La Gi;
        # or typed as a name ("Song Hinh") or after "ở"/"tại" ("o song hinh"): a place.
        # ... or the restorer could not read it: a syllable the documents never write, left
        # as typed ("muong nhe" restored "muong nhé"), is the place's, not other words.
        unread = any(
            said == word and word.lower() != spelt.lower()
            for word, said, spelt in zip(
                span.split(), restored[start:end].split(), name.split(), strict=False
            )
        )
        named = (
            name in PROVINCE_NAMES
            or place.with_unit
            or unread
            or (
                (_typed_as_name(span) or _AT_PLACE_RE.search(typed[:start]) is not None)
                and not attested(restored[start:end])
            )
        )
        if named and end - start == len(name) and fold(span).lower() == fold(name).lower():
            letters = zip(span, name, strict=True)
            # In the case typed; but a district read only as one the restorer could not read
            # is written as a name is (in lower case it would be read as no place).
            district = unread and name not in PROVINCE_NAMES
            cased = (
                name if district else "".join(n.lower() if t.islower() else n for t, n in letters)
            )
            restored = f"{restored[:start]}{cased}{restored[end:]}"
    return restored


# "ở", "tại" typed just before a name: the name is where something is.
_AT_PLACE_RE = re.compile(r"(?:^|\s)(?:o|ở|tai|tại)\s+$", re.IGNORECASE)


def _typed_as_name(span: str) -> bool:
    """Two syllables or more, each typed with a capital: "Song Hinh", not "la gi"."""
    syllables = span.split()
    return len(syllables) > 1 and all(s[:1].isupper() for s in syllables)


# "nhưng" ("but") before a short noun phrase that "nào"/"gì" closes: typed "nhung", it is
# "những" (the plural), as "qua nhung cua khau nao" asks "qua những cửa khẩu nào". "But"
# opens a clause, after a mark or at the start, or a phrase that goes on with a verb or
# another plural ("nhưng còn những khó khăn gì"), and is left.
_NOUN_WORD = r"(?!(?:những|các|có|còn|là|đã|được|không|vẫn|lại)\b)\w+"
_PLURAL_ASKED_RE = re.compile(
    rf"(?<=\w )(nhưng)(?= {_NOUN_WORD}(?: {_NOUN_WORD}){{0,2}} (?:nào|gì)\b)", re.IGNORECASE
)


def _plural_before_asking(typed: str, restored: str) -> str:
    """The restored text with each "nhưng" typed "nhung" before such a phrase read "những"."""
    if len(typed) != len(restored):
        return restored  # (each syllable is restored to as many letters as typed)

    def plural(match: re.Match[str]) -> str:
        if typed[match.start(1) : match.end(1)].lower() != "nhung":
            return match.group(1)  # typed "nhưng" with its marks: the user's own word
        return "những" if match.group(1).islower() else "Những"

    return _PLURAL_ASKED_RE.sub(plural, restored)


def _with_case_of(typed: str, spelling: str) -> str:
    """The restored spelling in the case the user typed it ("Dien" -> "Điện")."""
    if typed.islower() or len(typed) != len(spelling):
        return spelling if typed.islower() or not typed[0].isupper() else spelling.capitalize()
    return "".join(s.upper() if t.isupper() else s for t, s in zip(typed, spelling, strict=True))
