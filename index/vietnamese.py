"""Vietnamese text handling, one module for documents and questions alike.

Three forms of a text are used:

* the *display* form: the text as written, only NFC-normalised; shown and quoted.
* the *canonical* form: lower-case, one tone-mark placement ("hoà" -> "hòa", "thuỷ" -> "thủy")
  and one spelling of i/y after a consonant ("sỹ" -> "sĩ"); what accented keyword search
  matches on.
* the *folded* form: canonical with every diacritic removed ("đ" -> "d"); what a question
  typed without diacritics can still match.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining marks in NFD: the five tone marks, and the vowel-quality marks they sit beside.
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_QUALITY_MARKS = "\u0302\u0306\u031b"  # mũ (â ê ô), trăng (ă), móc (ơ ư)
_VOWELS = set("aăâeêioôơuưy")
_MARKED_VOWELS = set("ăâêôơư")
_TONE_RE = re.compile(f"[{_TONE_MARKS}]")
_ALL_MARKS_RE = re.compile(f"[{_TONE_MARKS}{_QUALITY_MARKS}]")
# Consonants after which a lone "y" is the same sound as "i" ("sỹ" == "sĩ", "lý" == "lí").
_I_Y_ONSETS = {"b", "c", "d", "đ", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"}

# Every upper-case letter Vietnamese writes ("Đ", "Ủ", "Ạ"...): regex ranges such as "À-Ỹ"
# also take in lower-case letters, so the class is spelled out.
UPPER_LETTERS = "".join(
    ch for ch in map(chr, range(0x41, 0x1EFF)) if ch.isalpha() and ch.isupper() and ch.lower() != ch
)
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Numbers as Vietnamese writes them: "1.908", "21.023", "3/2019", "24/24", "99,92".
NUMBER_RE = re.compile(r"\d+(?:[.,/]\d+)*")
TOKEN_RE = re.compile(rf"{NUMBER_RE.pattern}|{WORD_RE.pattern}")


def nfc(text: str) -> str:
    """Unicode NFC: documents and questions arrive in both composed and decomposed forms."""
    return unicodedata.normalize("NFC", text)


def strip_tone(syllable: str) -> tuple[str, str]:
    """Split a syllable into its toneless form and its tone mark ("" for ngang)."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = _TONE_RE.findall(decomposed)
    return nfc(_TONE_RE.sub("", decomposed)), (tones[-1] if tones else "")


def _vowel_span(base: str) -> tuple[int, int]:
    """Start and end of the syllable's vowel nucleus in a lower-case toneless syllable."""
    start = 0
    while start < len(base) and base[start] not in _VOWELS:
        start += 1
    # "qu" and "gi" + vowel: the u / i belongs to the onset.
    if (base[start : start + 1] == "u" and base[:start] == "q") or (
        base[start : start + 2].startswith("i")
        and base[:start] == "g"
        and (start + 1 < len(base) and base[start + 1] in _VOWELS)
    ):
        start += 1
    end = start
    while end < len(base) and base[end] in _VOWELS:
        end += 1
    return start, end


def _tone_position(base: str) -> int | None:
    """Index of the vowel carrying the tone, placed the traditional way ("hòa", "thủy")."""
    start, end = _vowel_span(base)
    if start >= end:
        return None
    nucleus = base[start:end]
    marked = [i for i, ch in enumerate(nucleus) if ch in _MARKED_VOWELS]
    if marked:
        return start + marked[-1]  # "ươ" takes it on ơ, "ưu" on ư
    if len(nucleus) == 1:
        return start
    if end < len(base) or len(nucleus) == 3:  # closed syllable, or "oai"/"uyu": not the first
        return start + (len(nucleus) - 1 if end < len(base) else 1)
    return start  # open two-vowel syllable: "hòa", "mía", "thủy"


@lru_cache(maxsize=65536)
def canonical_syllable(syllable: str) -> str:
    """Lower-case syllable with its tone on the canonical vowel and i/y unified."""
    lower = syllable.lower()
    base, tone = strip_tone(lower)
    if not base.isalpha():
        return lower
    if base[:-1] in _I_Y_ONSETS and base.endswith("y"):
        base = base[:-1] + "i"
    if not tone:
        return base
    position = _tone_position(base)
    if position is None:
        return lower
    decomposed = unicodedata.normalize("NFD", base[position]) + tone
    return nfc(base[:position] + decomposed + base[position + 1 :])


def canonical(text: str) -> str:
    """Canonical form of a whole text: NFC, lower case, one tone placement, i/y unified."""
    return WORD_RE.sub(lambda m: canonical_syllable(m.group()), nfc(text).lower())


@lru_cache(maxsize=65536)
def fold_syllable(syllable: str) -> str:
    return _ALL_MARKS_RE.sub("", unicodedata.normalize("NFD", syllable.lower())).replace("đ", "d")


def fold(text: str) -> str:
    """Canonical form with every diacritic removed: "Điện Biên" -> "dien bien", "sỹ" -> "si"."""
    return WORD_RE.sub(lambda m: fold_syllable(canonical_syllable(m.group())), nfc(text).lower())


def has_diacritics(text: str) -> bool:
    return any(fold_syllable(w) != w.lower() for w in WORD_RE.findall(nfc(text)))


def words(text: str) -> list[str]:
    """The words (syllables) and numbers of a text, as written."""
    return TOKEN_RE.findall(nfc(text))


def looks_unaccented(question: str, threshold: float = 0.1) -> bool:
    """True when a question was typed without diacritics.

    Vietnamese prose carries a diacritic on most syllables; a question where almost none
    do was typed without them (abbreviations such as "ANTT" do not count either way).
    """
    syllables = [w for w in WORD_RE.findall(nfc(question)) if not w.isupper() or len(w) == 1]
    if len(syllables) < 2:
        return False
    accented = sum(1 for w in syllables if fold_syllable(w) != w.lower())
    return accented / len(syllables) < threshold
