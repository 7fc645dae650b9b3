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
from dataclasses import dataclass, replace

# A row: a label (it has a letter), then two or more figures, each after two spaces or more.
# (A dash is a cell with nothing in it.)
# A figure may pair two counts: "6/9" (vụ/đối tượng).
_FIGURE = r"(?:[-+]?\d[\d.,]*(?:/\d[\d.,]*)?%?|-)"
_ROW_RE = re.compile(rf"^\s*(?P<label>\S(?:.*?\S)?)(?P<values>(?:\s{{2,}}{_FIGURE}){{2,}})\s*$")
_VALUE_RE = re.compile(_FIGURE)
_FRAGMENT_RE = re.compile(r"\S+(?: \S+)*")  # words one space apart: a cell's text
# A rule drawn with dashes under a header, between rows or under the last row:
# "--------  ------  ------", its first dashes short over a narrow "TT" column ("--  -----").
_RULE_LINE_RE = re.compile(r"^\s*[-=]{2,}(?:\s+[-=]{2,})*\s*$")


def _is_rule(line: str) -> bool:
    """A rule line, three dashes long somewhere (two alone are no rule). The length is checked
    apart: a look-ahead in the pattern would rescan the line from every leading space."""
    return _RULE_LINE_RE.match(line) is not None and ("---" in line or "===" in line)


# A row's number standing before its label in a column of its own: "  3  Xã A    6    1".
_NUMBERED_RE = re.compile(r"^(?P<number>\d{1,3}|[IVX]{1,4})\.?\s{2,}(?=\S)")
MIN_ROWS = 3  # fewer aligned lines are not taken for a table
MAX_HEADER_LINES = 4  # a unit ("(người)") under a name wrapped over three lines
MAX_WRAPPED_LINES = 3  # a row's label wrapped over this many more lines at most


@dataclass(frozen=True)
class _Row:
    label: str
    values: list[tuple[int, int, str]]  # (start, end, figure as written)
    number: str = ""  # the row's number ("STT"), when it stands in a column before the label
    label_start: int = 0


def _row(line: str) -> _Row | None:
    match = _ROW_RE.match(line)
    if match is None or not re.search(r"[^\W\d_]", match["label"]):
        return None
    offset = match.start("values")
    values = [
        (offset + m.start(), offset + m.end(), m.group())
        for m in _VALUE_RE.finditer(match["values"])
    ]
    label, start = match["label"], match.start("label")
    # "1  Thị trấn A": the row's number is a cell of its own, not the first word of its label.
    numbered = _NUMBERED_RE.match(label)
    if numbered is None:
        return _Row(label, values, label_start=start)
    return _Row(label[numbered.end() :], values, numbered["number"], start + numbered.end())


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
    # Left of the labels, over the rows' numbers, the header names the number column ("TT").
    numbered = any(row.number for row in rows)
    labels_start = min((row.label_start for row in rows if row.number), default=0)
    header_lines: list[list[tuple[int, int, str]]] = []
    taken = 0  # lines the header takes, its rules included
    for line in reversed(lines):
        if _is_rule(line):
            taken += 1
            continue
        fragments = _header_fragments(line)
        if not fragments or len(header_lines) == MAX_HEADER_LINES:
            break
        header_lines.append(fragments)
        taken += 1
    if not header_lines:
        return None
    number = ""  # the number column's header ("TT"), over the rows' numbers
    if numbered:
        for fragments in header_lines:
            number = " ".join(t for _, end, t in fragments if end <= labels_start) + f" {number}"
            fragments[:] = [f for f in fragments if f[1] > labels_start]
        number = number.strip()
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
    return ([number, *cells] if numbered else cells), taken


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
        if _is_rule(line):  # the rule under the table, or over its total row
            return k - at
        row = _row(line)
        if row is not None:
            return k - at if len(row.values) == count else 0
        if not line.strip() or len(line.rstrip()) >= figures_start:
            return 0
    return 0


def aligned_tables(lines: list[str]) -> list[str]:
    """The lines with each space-aligned table written as Markdown rows, its header (over
    one to three lines) as the first row; other lines as they are. A table of figures is
    told by its figures; a table of words, by the rule under its header (`ruled_tables`)."""
    return ruled_tables(_figure_tables(lines))


# A rule's dashes over one column: "------".
_RULE_SEGMENT_RE = re.compile(r"[-=]{2,}")
MIN_RULED_COLUMNS = 3
MAX_RULED_COLUMNS = 20  # more is no table of words
MAX_WORD_SHIFT = 40  # how far a cut moves back to a word's start at most


def _cut(line: str, starts: list[int]) -> list[str]:
    """A line's cells, cut where the rule's columns begin; a word the cut falls in stays
    whole, in the column it begins in."""
    cuts: list[int] = []
    for start in starts:
        floor = max(cuts[-1] + 1 if cuts else 0, start - MAX_WORD_SHIFT)
        while floor < start < len(line) and not line[start - 1].isspace():
            start -= 1  # "Trước 05/12": the cut moves to the word's start
        cuts.append(start)
    return [line[a:b].strip() for a, b in zip(cuts, [*cuts[1:], len(line)], strict=True)]


def _fits(line: str, starts: list[int]) -> bool:
    """No run of words crosses where a column begins: a header line, not a caption centred
    over the table."""
    return not any(
        m.start() < start < m.end() for m in _FRAGMENT_RE.finditer(line) for start in starts[1:]
    )


def ruled_tables(lines: list[str]) -> list[str]:
    """A table of words laid out with spaces, a dashed rule under its header giving each
    column ("STT  Nội dung  Cơ quan chủ trì  Thời hạn" over "---  --------  -----  -----"),
    written as Markdown rows. A line whose first cell is empty, or that fills one cell only,
    goes on with the row above ("đuối nước cho học sinh" under "Tuyên truyền, ... phòng,
    chống"). The table ends at a blank line or a closing rule."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        segments = list(_RULE_SEGMENT_RE.finditer(line)) if _is_rule(line) else []
        starts = [m.start() for m in segments]
        header_end = header_start = len(out)
        while (
            header_start > max(0, header_end - MAX_HEADER_LINES)
            and out[header_start - 1].strip()
            and _fits(out[header_start - 1], starts)
        ):
            header_start -= 1
        if (
            not MIN_RULED_COLUMNS <= len(segments) <= MAX_RULED_COLUMNS
            or header_start == header_end
            or any(out[k].lstrip().startswith("|") for k in range(header_start, header_end))
            or (i + 1 < len(lines) and lines[i + 1].lstrip().startswith("|"))
        ):
            out.append(line)
            i += 1
            continue
        rows: list[list[str]] = []
        j = i + 1
        while j < len(lines) and lines[j].strip() and not _is_rule(lines[j]):
            row = _cut(lines[j], starts)
            filled = sum(bool(cell) for cell in row)
            if rows and (not row[0] or filled == 1):
                rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], row, strict=True)]
            else:
                rows.append(row)
            j += 1
        if len(rows) < 2:
            out.append(line)
            i += 1
            continue
        header = [""] * len(starts)
        for k in range(header_start, header_end):
            header = [f"{a} {b}".strip() for a, b in zip(header, _cut(out[k], starts), strict=True)]
        del out[header_start:]
        out.extend("| " + " | ".join(cells) + " |" for cells in (header, *rows))
        if j < len(lines) and _is_rule(lines[j]):
            j += 1  # the closing rule
        i = j
    return out


def _figure_tables(lines: list[str]) -> list[str]:
    """The tables of figures, each row a label and two or more figures."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        rows: list[_Row] = []
        j = i
        while j < len(lines):
            if rows and _is_rule(lines[j]):  # a rule between rows, or under them
                j += 1
                continue
            row = _row(lines[j])
            wrapped = _wrapped_label_lines(lines, j, rows)
            if row is None and wrapped:  # "Các xã còn lại (A," / "B, C)": one label
                more = " ".join(line.strip() for line in lines[j : j + wrapped])
                after = _row(lines[j + wrapped]) if j + wrapped < len(lines) else None
                opens = more.count("(") > more.count(")") or more.endswith(",")
                if after is not None and opens and after.label[:1].islower():
                    # ... or the next row's opening: "Các huyện còn lại (09 huyện," over
                    # "thị xã)   21   4", whose figures stand on its last line
                    rows.append(replace(after, label=f"{more} {after.label}"))
                    j += wrapped + 1
                    continue
                last = rows[-1]
                rows[-1] = replace(last, label=f"{last.label} {more}")
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
        numbered = any(row.number for row in rows)
        out.extend(
            "| "
            + " | ".join(
                [*([row.number] if numbered else []), row.label, *(v for _, _, v in row.values)]
            )
            + " |"
            for row in rows
        )
        i = j
    return out
