"""Tables laid out with spaces in plain text, read as table rows.

A report typed as plain text aligns its table with spaces, its header often over two lines:

      Phường              Vụ cháy    Người bị
                                     thương
      Phường Tân An           3          2

Read as prose, the columns fall apart and the figures lose their names. Each such block is
written as the rows a Markdown table has ("| Phường | Vụ cháy | Người bị thương |",
"| Phường Tân An | 3 | 2 |"), which the rest of the pipeline reads as a table: each figure
keeps its row's label and its column's header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A row: a label (it has a letter), then two or more figures, each after two spaces or more.
# (A dash is a cell with nothing in it.)
# A figure may pair two counts: "6/9" (vụ/đối tượng).
_FIGURE = r"(?:[-+]?\d[\d.,]*(?:/\d[\d.,]*)?%?|-)"
_ROW_RE = re.compile(rf"^\s*(?P<label>\S(?:.*?\S)?)(?P<values>(?:\s{{2,}}{_FIGURE}){{2,}})\s*$")
_VALUE_RE = re.compile(_FIGURE)
_FRAGMENT_RE = re.compile(r"\S+(?: \S+)*")  # words one space apart: a cell's text
# A rule drawn with dashes under a header, between rows or under the last row:
# "--------  ------  ------".
_RULE_LINE_RE = re.compile(r"^\s*[-=]{3,}(?:\s+[-=]{3,})*\s*$")
MIN_ROWS = 3  # fewer aligned lines are not taken for a table
MAX_HEADER_LINES = 3
MAX_WRAPPED_LINES = 3  # a row's label wrapped over this many more lines at most


@dataclass(frozen=True)
class _Row:
    label: str
    values: list[tuple[int, int, str]]  # (start, end, figure as written)


def _row(line: str) -> _Row | None:
    match = _ROW_RE.match(line)
    if match is None or not re.search(r"[^\W\d_]", match["label"]):
        return None
    offset = match.start("values")
    values = [
        (offset + m.start(), offset + m.end(), m.group())
        for m in _VALUE_RE.finditer(match["values"])
    ]
    return _Row(match["label"], values)


def _header_fragments(line: str) -> list[tuple[int, int, str]] | None:
    """A header line's cells with where they stand: text runs two spaces or more apart."""
    if not line.strip() or _row(line) is not None or "|" in line:
        return None
    fragments = [(m.start(), m.end(), m.group()) for m in _FRAGMENT_RE.finditer(line)]
    return fragments


def _split_at(
    fragments: list[tuple[int, int, str]], anchors: list[int]
) -> list[tuple[int, int, str]]:
    """The fragments, each cut before a word that starts where a column's header begins."""
    pieces: list[tuple[int, int, str]] = []
    for start, _, text in fragments:
        words = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text)]
        cuts = [k for k, (at, _) in enumerate(words) if k and at in anchors]
        for first, last in zip([0, *cuts], [*cuts, len(words)], strict=True):
            piece_start, piece_end = words[first][0], words[last - 1][1]
            pieces.append((piece_start, piece_end, text[piece_start - start : piece_end - start]))
    return pieces


def _header(lines: list[str], rows: list[_Row]) -> tuple[list[str], int] | None:
    """The header cells over the block (label column first) and how many lines it takes,
    or None when the lines above are no header of these columns."""
    count = len(rows[0].values)
    starts = [min(row.values[k][0] for row in rows) for k in range(count)]
    ends = [max(row.values[k][1] for row in rows) for k in range(count)]
    # A header cell belongs to the column its middle is nearest; left of the first
    # column's reach it names the labels.
    bounds = [(ends[k - 1] + starts[k]) / 2 for k in range(1, count)]
    first = starts[0] - (ends[0] - starts[0]) - 2
    header_lines: list[list[tuple[int, int, str]]] = []
    taken = 0  # lines the header takes, its rules included
    for line in reversed(lines):
        if _RULE_LINE_RE.match(line):
            taken += 1
            continue
        fragments = _header_fragments(line)
        if not fragments or len(header_lines) == MAX_HEADER_LINES:
            break
        header_lines.append(fragments)
        taken += 1
    if not header_lines:
        return None
    # A header line naming every column once tells where each column's header begins; a
    # line below that runs on with single spaces past such a beginning ("được cấp phép
    # tỷ lệ (%)" under "Cơ sở đã" and "Đạt") is two cells.
    anchors = [
        start
        for fragments in header_lines
        if len(fragments) == count + 1
        for start, _, _ in fragments[1:]
    ]
    # Where such a line tells the columns' beginnings, a cell is the column begun last before
    # its middle: a header written from a column's left edge stands over figures written to
    # its right edge, nearer the figures of the column before.
    begun = sorted(set(anchors))
    placed = len(begun) == count
    cells = [""] * (count + 1)
    for fragments in header_lines:
        for start, end, text in _split_at(fragments, anchors):
            middle = (start + end) / 2
            if placed:
                column = sum(middle >= at for at in begun)
            else:
                column = 0 if end <= first else 1 + sum(middle > bound for bound in bounds)
            cells[column] = f"{text} {cells[column]}".strip()
    if sum(bool(cell) for cell in cells[1:]) < count:
        return None  # not every column named: the lines above are prose
    return cells, taken


def _wrapped_label_lines(lines: list[str], at: int, rows: list[_Row]) -> int:
    """How many lines from `at` go on with the last row's label: text standing left of
    the figures, with another row or a rule of the table after it (up to
    `MAX_WRAPPED_LINES`); 0 when the table has ended there."""
    if not rows:
        return 0
    figures_start = min(row.values[0][0] for row in rows)
    count = len(rows[0].values)
    for k in range(at, min(at + MAX_WRAPPED_LINES, len(lines))):
        line = lines[k]
        if _RULE_LINE_RE.match(line):  # the rule under the table, or over its total row
            return k - at
        row = _row(line)
        if row is not None:
            return k - at if len(row.values) == count else 0
        if not line.strip() or len(line.rstrip()) >= figures_start:
            return 0
    return 0


def aligned_tables(lines: list[str]) -> list[str]:
    """The lines with each space-aligned table written as Markdown rows, its header (over
    one to three lines) as the first row; other lines as they are."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        rows: list[_Row] = []
        j = i
        while j < len(lines):
            if rows and _RULE_LINE_RE.match(lines[j]):  # a rule between rows, or under them
                j += 1
                continue
            row = _row(lines[j])
            wrapped = _wrapped_label_lines(lines, j, rows)
            if row is None and wrapped:  # "Các xã còn lại (A," / "B, C)": one label
                last = rows[-1]
                more = " ".join(line.strip() for line in lines[j : j + wrapped])
                rows[-1] = _Row(f"{last.label} {more}", last.values)
                j += wrapped
                continue
            if row is None or (rows and len(row.values) != len(rows[0].values)):
                break
            rows.append(row)
            j += 1
        if len(rows) < MIN_ROWS:
            out.append(lines[i])
            i += 1
            continue
        header = _header(out, rows)
        if header is not None:
            cells, taken = header
            del out[len(out) - taken :]
            out.append("| " + " | ".join(cells) + " |")
        out.extend(
            "| " + " | ".join([row.label, *(v for _, _, v in row.values)]) + " |" for row in rows
        )
        i = j
    return out
