"""Write `index/data/places.json`, the gazetteer's place names, from `vietnamadminunits`.

Run it again when the library publishes new data::

    .venv/bin/pip install '.[places]'        # vietnamadminunits, pyvi (pull shapely, sklearn)
    .venv/bin/python scripts/build_places.py

The libraries (both MIT) are needed here only: vietnamadminunits weighs ~100 MB with its
dependencies and takes over a second to import, while the file it yields is ~100 kB and read
in milliseconds. It holds:

* the 63 provinces and centrally-run cities before the 1 July 2025 merger, each with its
  district-level units (huyện, quận, thị xã, thành phố) as they stood when districts were
  abolished;
* the 34 provincial units after the merger, and which old provinces each absorbed.

A province needs its unit word only when it is named after a person (Hồ Chí Minh); the
library knows neither that nor Thừa Thiên Huế, Huế's name before 2025: both are added here.

A district's `needs_unit_word` is true when its name alone is not enough to tell it is that
district, so that a text must write "huyện", "quận", "thị xã" or "thành phố" before it:

* the name is also a province's (huyện Điện Biên, huyện Quảng Ninh in Quảng Bình);
* it is one syllable (thành phố Vinh), too short to be told from an ordinary word;
* districts of several provinces share it (Châu Thành);
* a commune or ward of another district bears it: such names are built from the common stock
  of auspicious words (An, Phú, Tân, Bình...) that communes, streets and people share too;
* it is an everyday word of pyvi's word list (`models/words.txt`, 25,000 compound words):
  "Thống Nhất", "Tam Đảo".

`folds_to_a_word` is true when, without diacritics, the name is spelled like such a word
("Văn Bàn" and "văn bản", "Minh Hóa" and "minh họa"): a question typed without diacritics
must then write the unit word ("huyen van ban").
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter, defaultdict
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from vietnamadminunits.database import get_data

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.vietnamese import canonical, fold  # noqa: E402

OUT = ROOT / "index" / "data" / "places.json"
# The library lists Thừa Thiên Huế under the name it took on 1 January 2025, when it became a
# centrally-run city; documents written before then use the old name.
FORMER_NAMES = {"Huế": ["Thừa Thiên Huế"]}
# Provinces named after a person, who is named more often than the city ("tư tưởng Hồ Chí
# Minh"): the city is "TP Hồ Chí Minh", "thành phố Hồ Chí Minh".
NAMED_AFTER_PEOPLE = {"Hồ Chí Minh"}
_UNIT_RE = re.compile(r"^(?:tỉnh|thành phố|huyện|quận|thị xã)\s+", re.IGNORECASE)


# The library keeps an older spelling in a few names ("Phú Quí"); documents and officers
# write "Quý", and "qu" + "í" is not folded to the same letters as "qu" + "ý".
_OLD_QUI_RE = re.compile(r"\b([Qq]u)([iíìỉĩị])\b")
_Y_FOR_I = dict(zip("iíìỉĩị", "yýỳỷỹỵ", strict=True))


def _short(name: str) -> str:
    """ "Thành Phố Bắc Kạn" -> "Bắc Kạn" (the library's short names carry "(Huyện)" tags),
    in today's spelling ("Phú Quí" -> "Phú Quý")."""
    short = _UNIT_RE.sub("", name).strip()
    return _OLD_QUI_RE.sub(lambda m: m[1] + _Y_FOR_I[m[2]], short)


def _unit(full_name: str) -> str:
    match = _UNIT_RE.match(full_name)
    return match.group().strip().lower() if match else ""


def _keyed(rows: list[dict[str, str]]) -> dict[str, str]:
    """The library's province keys ("tinhhagiang") -> short names."""
    return {r["provinceKey"]: r["provinceShort"] for r in rows}


def _everyday_words() -> list[str]:
    """pyvi's list of compound words, lower-case ones only ("Phật giáo" is a name)."""
    spec = find_spec("pyvi")  # read as a file: importing pyvi would load its models
    assert spec is not None and spec.submodule_search_locations, "pip install '.[places]'"
    path = Path(next(iter(spec.submodule_search_locations))) / "models" / "words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [w for w in (line.strip() for line in lines) if " " in w and not w[0].isupper()]


def _districts(rows: list[dict[str, str]], province_names: set[str]) -> list[dict[str, object]]:
    units = {(r["provinceShort"], r["district"], r["districtType"]) for r in rows}
    units = {u for u in units if not any(ch.isdigit() for ch in u[1])}  # "Quận 1": not a word
    order = {(r["provinceShort"], r["district"]): r["districtCode"] for r in rows}
    provinces_of: dict[str, set[str]] = defaultdict(set)
    for province, district, _ in units:
        provinces_of[canonical(_short(district))].add(province)
    communes: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in rows:
        if r["wardShort"]:
            communes[canonical(r["wardShort"])].add((r["provinceShort"], r["district"]))
    words = _everyday_words()
    everyday, everyday_folded = {canonical(w) for w in words}, {fold(w) for w in words}
    seen: dict[tuple[str, str], dict[str, object]] = {}
    for province, district, kind in sorted(units, key=lambda u: order[u[0], u[1]]):
        name = _short(district)
        key = canonical(name)
        needs_unit_word = (
            key in province_names
            or " " not in key
            or len(provinces_of[key]) > 1
            or bool(communes[key] - {(province, district)})
            or key in everyday
        )
        entry = seen.setdefault((name, province), {"name": name, "province": province})
        entry["unit"] = kind.lower()  # "Kỳ Anh" is a huyện and a thị xã: either is right
        entry["needs_unit_word"] = bool(entry.get("needs_unit_word")) or needs_unit_word
        entry["folds_to_a_word"] = fold(name) in everyday_folded
    return list(seen.values())


_ALIAS_UNITS = {"huyen": "huyện", "quan": "quận", "thixa": "thị xã", "tx": "thị xã"}
_ALIAS_UNITS |= {"thanhpho": "thành phố", "tp": "thành phố"}


def _segment(compact: str, frequency: Counter[str]) -> str | None:
    """ "cualo" -> "cua lo": the likeliest split into syllables of place names."""
    total = sum(frequency.values())
    best: list[tuple[float, list[str]] | None] = [(0.0, [])] + [None] * len(compact)
    for end in range(1, len(compact) + 1):
        for start in range(max(0, end - 7), end):
            head, piece = best[start], compact[start:end]
            if head is None or piece not in frequency:
                continue
            score = head[0] + math.log(frequency[piece] / total)
            if best[end] is None or score > best[end][0]:  # type: ignore[index]
                best[end] = (score, [*head[1], piece])
    found = best[-1]
    return " ".join(found[1]) if found else None


def _former_districts(rows: list[dict[str, str]], taken: set[str]) -> list[dict[str, object]]:
    """Districts merged into another before 2025 ("thị xã Cửa Lò", now part of thành phố Vinh).

    The library keeps them as aliases of the unit that absorbed them, without diacritics or
    spaces ("thixacualo", "txcualo", "cualo"): a name written after two unit words, or after
    one and bare, is split into the syllables of place names, and matched on that folded form.
    """
    frequency = Counter(
        s for r in rows for n in (r["district"], r["wardShort"] or "") for s in fold(n).split()
    )
    units = sorted(_ALIAS_UNITS, key=len, reverse=True)
    former: dict[str, dict[str, object]] = {}
    for r in rows:
        aliases = json.loads(r["districtAlias"] or "[]")
        named: Counter[str] = Counter(aliases)
        for alias in aliases:
            for unit in (u for u in units if alias.startswith(u)):
                named[alias[len(unit) :]] += 1
        for alias in aliases:
            unit = next((u for u in units if alias.startswith(u)), "")
            bare = alias[len(unit) :]
            if not unit or named[bare] < 2 or any(ch.isdigit() for ch in bare):
                continue  # "quanguyen" is Quảng Uyên, not quận Guyên; "quan9" is no name
            folded = _segment(bare, frequency)
            if folded and folded not in taken:  # not a name the unit kept ("huyenquevo")
                former[folded] = {
                    "folded": folded,
                    "unit": _ALIAS_UNITS[unit],
                    "now_in": _short(r["district"]),
                    "province": r["provinceShort"],
                }
    return list(former.values())


def build() -> dict[str, Any]:
    province_fields = ["province", "provinceShort", "provinceKey", "provinceAlias", "provinceCode"]
    district_fields = ["district", "districtType", "districtCode", "districtAlias", "wardShort"]
    legacy = get_data([*province_fields, *district_fields], table="admin_units_legacy")
    current = get_data(
        ["province", "provinceShort", "provinceKey", "provinceCode"], table="admin_units"
    )
    from vietnamadminunits.converter.converter_2025 import DICT_PROVINCE as merged_from

    old_names, new_names = _keyed(legacy), _keyed(current)
    after_2025 = {
        old_names[old]: new_names[new] for new, olds in merged_from.items() for old in olds
    }
    province_names = {canonical(n) for n in [*old_names.values(), *new_names.values()]}
    provinces = []
    rows = {
        (r["provinceCode"], r["provinceShort"], r["province"], r["provinceAlias"]) for r in legacy
    }
    for _, name, full, aliases in sorted(rows):
        abbreviations = [a.upper() for a in json.loads(aliases or "[]") if len(a) <= 4]
        provinces.append(
            {
                "name": name,
                "unit": _unit(full),
                "former_names": FORMER_NAMES.get(name, []),
                "abbreviations": abbreviations,  # "HCM": only after "TP" ("TP.HCM")
                "needs_unit_word": name in NAMED_AFTER_PEOPLE,
                "after_2025": after_2025[name],
            }
        )
    districts = _districts(legacy, province_names)
    taken = {fold(str(d["name"])) for d in districts} | {fold(n) for n in old_names.values()}
    units_2025 = {(r["provinceCode"], r["provinceShort"], _unit(r["province"])) for r in current}
    return {
        "source": f"vietnamadminunits {version('vietnamadminunits')}",
        "provinces": provinces,
        "provinces_2025": [{"name": n, "unit": u} for _, n, u in sorted(units_2025)],
        "districts": districts,
        "former_districts": _former_districts(legacy, taken),
    }


def _dump(places: dict[str, Any]) -> str:
    """JSON with one place a line: small, and a data update reads as a short diff."""
    lines = ["{", f'  "source": {json.dumps(places["source"])},']
    for key in ("provinces", "provinces_2025", "districts", "former_districts"):
        rows = ",\n".join(f"    {json.dumps(item, ensure_ascii=False)}" for item in places[key])
        lines.append(f'  "{key}": [\n{rows}\n  ]' + ("," if key != "former_districts" else ""))
    return "\n".join([*lines, "}"]) + "\n"


def main() -> None:
    places = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(_dump(places), encoding="utf-8")
    districts = places["districts"]
    print(
        f"{OUT.relative_to(ROOT)}: {len(places['provinces'])} provinces, "
        f"{len(places['provinces_2025'])} after 2025, {len(districts)} districts "
        f"({sum(bool(d['needs_unit_word']) for d in districts)} only after a unit word, "
        f"{sum(bool(d['folds_to_a_word']) for d in districts)} when typed without diacritics)"
    )


if __name__ == "__main__":
    main()
