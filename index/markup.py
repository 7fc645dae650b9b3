"""Markup to plain text: HTML pages and Markdown files, in time linear in their length.

Both run on text anyone may upload, so no rule here may backtrack: every regular
expression either is anchored to a line start with unambiguous repetitions, or scans a
class bounded by the very brackets that start it, so no character is scanned twice per
start; bold and table rules are small scanners instead of regular expressions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from index.gazetteer import find_localities

__all__ = ["MAX_NESTING", "MarkupTooDeepError", "html_to_text", "markdown_to_text"]

MAX_NESTING = 512  # open HTML elements at once; no real page comes near it


class MarkupTooDeepError(ValueError):
    """Elements nested deeper than any page needs: a crafted file."""


# class/id words of page furniture; "header" is left out: an article's header holds its title.
_FURNITURE_RE = re.compile(
    r"sidebar|related|comment|breadcrumb|share|social|banner|advert|navbar|poll|cookie"
    r"|(?:^|[\s_-])(?:menu|ads?|footer|widget)(?:$|[\s_-])",
    re.IGNORECASE,
)


def _is_furniture(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "hidden" or (name in ("class", "id") and value and _FURNITURE_RE.search(value)):
            return True
    return False


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


# A merged cell copied into each row or column it spans: only a short one-line cell (a
# layout table's cell spanning columns holds a whole article, written once).
MAX_SPANNED_CHARS = 200
MAX_SPAN = 50  # rows or columns one cell spans at most; a larger span is a crafted file
MAX_CELL_PARTS = 64  # text pieces a copied cell is read from at most


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    """A cell's "rowspan" or "colspan": 1 unless a plain number ("²" or a thousand digits,
    which `int` refuses, count as 1), at most `MAX_SPAN`."""
    value = (dict(attrs).get(name) or "1").strip()
    if not (value.isascii() and value.isdigit()) or len(value) > len(str(MAX_SPAN)):
        return 1
    return min(max(int(value), 1), MAX_SPAN)


@dataclass
class _Table:
    """Where a table stands while it is read: a merged cell ("rowspan", "colspan") is written
    into each row and column it covers, so that each row has a cell under each header; a
    header over two rows ("Hiện có" over "Tổng số" and "Đã kết nối") is one row of whole
    names ("Hiện có Tổng số | Hiện có Đã kết nối")."""

    depth: int = 0  # where the table element stands in the open elements
    in_head: bool = False
    column: int = 0
    row: list[tuple[str | None, bool]] = field(default_factory=list)  # (text, header cell)
    row_start: int = 0  # where the row's text begins in the parts
    cell: tuple[int, bool, int, int] | None = None  # (start, header cell, colspan, rowspan)
    # column: (rows still spanned, text, header cell)
    spanned: dict[int, tuple[int, str, bool]] = field(default_factory=dict)
    header: tuple[list[str], int] | None = None  # the header row just read: cells, start


class _HtmlText(HTMLParser):
    """Visible text of a page, a block element per paragraph, page furniture left out."""

    SKIP = _tags(
        "script style nav header footer aside noscript template svg iframe button select head"
    )
    BLOCK = _tags(
        "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr blockquote pre"
        " figure figcaption address hr form fieldset legend caption"
    )
    VOID = _tags("area base br col embed hr img input link meta param source track wbr")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[str] = []
        self.open = Counter[str]()  # the tags on the stack, so a stray end tag costs O(1)
        self.skip_depth: int | None = None  # stack depth where a skipped element opened
        self.title = ""
        self.in_title = self.has_h1 = self.in_pre = False
        self.tables: list[_Table] = []
        self.copy_budget = 0  # characters merged cells may be copied in (`_copied`)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        self.has_h1 = self.has_h1 or tag == "h1"
        if tag in self.VOID:
            if tag in ("br", "hr") and self.skip_depth is None:
                self.parts.append("\n" if tag == "br" else "\n\n")
            return
        if len(self.stack) >= MAX_NESTING:
            raise MarkupTooDeepError(MAX_NESTING)
        self.stack.append(tag)
        self.open[tag] += 1
        if self.skip_depth is None and (tag in self.SKIP or _is_furniture(attrs)):
            self.skip_depth = len(self.stack)
        if self.skip_depth is not None:
            pass
        elif tag in ("td", "th"):
            self._open_cell(tag, attrs)
        elif tag in self.BLOCK:
            if tag == "tr" and self.tables:  # the row before, left open ("<tr>" with no "</tr>")
                self._close_row(self.tables[-1])
            self.parts.append("\n\n")
            self._open_table_part(tag)
        elif tag == "thead" and self.tables:
            self.tables[-1].in_head = True
        self.in_pre = self.in_pre or tag == "pre"

    def _open_table_part(self, tag: str) -> None:
        if tag == "table":
            self.tables.append(_Table(depth=len(self.stack)))
        elif tag == "tr" and self.tables:
            table = self.tables[-1]
            table.column, table.row, table.row_start = 0, [], len(self.parts)

    def _open_cell(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.tables:
            self.parts.append(" | ")
            return
        table = self.tables[-1]
        self._close_cell(table)
        self._spanned_cells(table)
        self.parts.append(" | ")
        header = tag == "th" or table.in_head
        table.cell = (len(self.parts), header, _span(attrs, "colspan"), _span(attrs, "rowspan"))

    def _spanned_cells(self, table: _Table) -> None:
        """The cells merged down from rows above into this row at its current column."""
        while table.column in table.spanned:
            rows, text, header = table.spanned.pop(table.column)
            if not self._copied(text):
                table.spanned.clear()
                return
            if rows > 1:
                table.spanned[table.column] = (rows - 1, text, header)
            self.parts.append(f" | {text}")
            table.row.append((text, header))
            table.column += 1

    def _copied(self, text: str) -> bool:
        """Whether a merged cell may be written once more: the copies of a page, together, are
        no longer than the page (a crafted "rowspan" cannot make its text grow unbounded)."""
        self.copy_budget -= len(text) + 3
        return self.copy_budget >= 0

    def _cell_text(self, start: int) -> str | None:
        """A cell's text from its first part, or None when it is longer than a cell copied
        (read up to that length only, so a cell holding a page costs no more than a short one)."""
        taken: list[str] = []
        size = 0
        for index in range(start, min(len(self.parts), start + MAX_CELL_PARTS + 1)):
            size += len(self.parts[index])
            if size > MAX_SPANNED_CHARS * 2 or index == start + MAX_CELL_PARTS:
                return None
            taken.append(self.parts[index])
        text = " ".join("".join(taken).split())
        return text if len(text) <= MAX_SPANNED_CHARS else None

    def _close_cell(self, table: _Table) -> None:
        if table.cell is None:
            return
        start, header, colspan, rowspan = table.cell
        table.cell = None
        # Only a header cell's text is read again (to join a header over two rows) or a merged
        # cell's (to copy it); a figure's cell is written once, as it stands.
        text = self._cell_text(start) if header or colspan > 1 or rowspan > 1 else ""
        copied = text or ""
        table.row.append((text, header))
        for offset in range(colspan):
            if offset:
                if not self._copied(copied):
                    break
                self.parts.append(f" | {copied}")
                table.row.append((copied, header))
            if rowspan > 1:
                table.spanned[table.column + offset] = (rowspan - 1, copied, header)
        table.column += colspan

    def _close_row(self, table: _Table) -> None:
        """The row ends: the merged cells still owed to it at its end, then a header row
        under another is written as one with it."""
        self._close_cell(table)
        if not table.row:
            return
        for column in sorted(c for c in table.spanned if c >= table.column):
            table.column = column
            self._spanned_cells(table)
        cells = [text for text, _ in table.row]
        whole = [text for text in cells if text is not None]
        if len(whole) < len(cells) or not all(header for _, header in table.row):
            table.header = None
        elif table.header is not None and len(table.header[0]) == len(whole):
            above, start = table.header
            whole = [
                a if a == b or not b else f"{a} {b}".strip()
                for a, b in zip(above, whole, strict=True)
            ]
            del self.parts[start:]
            self.parts.append(" | " + " | ".join(whole))
            table.header = (whole, start)
        else:
            table.header = (whole, table.row_start)
        table.row = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if not self.open[tag]:
            return  # a stray end tag
        closed = len(self.stack)  # where the closed element stood
        while self.stack:
            if self.skip_depth is not None and len(self.stack) <= self.skip_depth:
                self.skip_depth = None
            closed = len(self.stack)
            popped = self.stack.pop()
            self.open[popped] -= 1
            if popped == tag:
                break
        if self.tables and self.skip_depth is None:
            if tag in ("td", "th"):
                self._close_cell(self.tables[-1])
            elif tag == "tr":
                self._close_row(self.tables[-1])
            elif tag == "thead":
                self.tables[-1].in_head = False
            elif tag == "table":
                # The tables read inside it (left open) close with it; a table skipped as
                # page furniture was never read, and closes none.
                while self.tables and self.tables[-1].depth >= closed:
                    self._close_row(self.tables.pop())
        if tag in self.BLOCK:
            self.parts.append("\n\n")
        self.in_pre = self.in_pre and tag != "pre"

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif self.skip_depth is None:
            self.parts.append(data if self.in_pre else re.sub(r"\s+", " ", data))


def _without_comments(html: str) -> str:
    """Comments out; an unclosed one runs to the end, as in a browser."""
    kept: list[str] = []
    done = 0
    while (start := html.find("<!--", done)) >= 0:
        kept.append(html[done:start])
        end = html.find("-->", start + 4)
        done = len(html) if end < 0 else end + 3
    kept.append(html[done:])
    return "".join(kept)


def _defuse(html: str) -> str:
    """Every "<" that no ">" follows before the next "<" becomes text ("&lt;").

    The standard library's parser rescans an unfinished tag from its start each time it
    meets one ("<p <p <p ..."), which is quadratic; a "<" that cannot open a whole tag is
    text to it anyway, so escaping it changes nothing else.
    """
    head, *rest = _without_comments(html).split("<")
    return head + "".join(("<" if ">" in part else "&lt;") + part for part in rest)


def html_to_text(html: str) -> str:
    """An HTML page as paragraphs separated by blank lines.

    Raises:
        MarkupTooDeepError: elements nested deeper than `MAX_NESTING`.
    """
    parser = _HtmlText()
    parser.copy_budget = len(html)
    parser.feed(_defuse(html))
    parser.close()
    paragraphs = []
    for block in "".join(parser.parts).split("\n\n"):
        lines = [_row_line(line) for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    # The page's own title first: its <h1> may be the site's banner ("HỘI ĐỒNG NHÂN DÂN TỈNH
    # X") or a section's name, under top bars of dates, hotlines and links.
    title = _without_site_name(" ".join(parser.title.split()))
    if title and not _SITE_TITLE_RE.match(title) and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    return "\n\n".join(paragraphs)


def _row_line(line: str) -> str:
    """A line without the separator each table cell is opened with; an empty first or last
    cell keeps its border ("| | Cộng | 821", a total row with no number), so the row keeps
    as many cells as its header."""
    line = line.strip()
    if not line.startswith("|"):
        return line.rstrip("|").strip()
    line = line[1:].strip()
    if line.startswith("|"):
        line = f"| {line}"
    if line.endswith("|") and len(line) > 1:
        line = f"{line} |"
    return line


# "Title | Tin An ninh X", "Title - Công an tỉnh Y": a short site name after a long title.
_SITE_SUFFIX_RE = re.compile(r"^(?P<title>.{20,}?)\s+[-|–]\s+(?P<site>[^-|–]{2,60})$")
_SITE_WORDS = 10
# A <title> that is only the site's name, as some portals give every page.
_SITE_TITLE_RE = re.compile(r"^(?:[Cc]ổng|[Tt]rang) (?:[Tt]hông tin|TTĐT|[Đđ]iện tử)|^[Bb]áo \S+$")


def _without_site_name(title: str) -> str:
    """The title without its site's name; a place's name written with a dash ("Bà Rịa -
    Vũng Tàu") stays."""
    match = _SITE_SUFFIX_RE.match(title)
    if match is None or len(match.group("site").split()) > _SITE_WORDS:
        return title
    site = match.group("site").strip()
    around = " ".join(match.group("title").split()[-4:]) + " - " + site
    if any(" - " in place.name or place.name == site for place in find_localities(around)):
        return title  # "Bà Rịa - Vũng Tàu" ends the title
    return match.group("title").strip()


_MD_FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_MD_HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*)$", re.MULTILINE)
_MD_URL = r"\([^()]*(?:\([^()]*\)[^()]*)*\)"  # one level of brackets: "(.../X_(Y))"
_MD_IMAGE_RE = re.compile(r"!\[([^\[\]]*)\]" + _MD_URL)  # keep the alt text
_MD_LINK_RE = re.compile(r"\[([^\[\]]+)\]" + _MD_URL)  # keep the words
_MD_RULE_RE = re.compile(r"^ {0,3}(?:[-*_] ?){3,}$", re.MULTILINE)  # horizontal rules
_MD_TABLE_LINE_RE = re.compile(r"^[ \t|:]*-[ \t|:-]*$", re.MULTILINE)
_MD_TABLE_CELL_RE = re.compile(r":?-{3,}:?")
_MD_TABLE_TAIL_RE = re.compile(r":?-*:?")
# A whole line in italics: a dateline or source line ("*Hòa An, ngày 02 tháng 5 năm 2025*").
_MD_ITALIC_LINE_RE = re.compile(
    r"^[ \t]*([*_])(?=[^\s*_])([^*_\n]+?)(?<=\S)\1[ \t]*$", re.MULTILINE
)
_MD_BOLD_OPEN = {"**": re.compile(r"\*\*(?=\S)"), "__": re.compile(r"__(?=\S)")}


def _heading_text(match: re.Match[str]) -> str:
    """ "## Title ##" -> "Title": closing hashes and spaces go."""
    return match.group(1).rstrip(" \t").rstrip("#").rstrip(" \t")


def _table_rule(match: re.Match[str]) -> str:
    """ "|---|:--:|" -> "": a table's rule line (cells of 3+ dashes, each closed by "|")."""
    cells = match.group(0).strip(" \t").removeprefix("|").split("|")
    closed, last = [c.strip(" \t") for c in cells[:-1]], cells[-1].strip(" \t")
    rule = bool(closed) and all(_MD_TABLE_CELL_RE.fullmatch(cell) for cell in closed)
    return "" if rule and _MD_TABLE_TAIL_RE.fullmatch(last) else match.group(0)


def _closing(line: str, delimiter: str, start: int) -> int:
    """The first `delimiter` at or after `start` that follows a non-space, or -1."""
    end = line.find(delimiter, start)
    while end > 0 and line[end - 1].isspace():
        end = line.find(delimiter, end + 1)
    return end


def _strip_bold_line(line: str) -> str:
    """ "**a** and __b__" -> "a and b" in one pass.

    An opening delimiter is followed by a non-space, a closing one preceded by one, with
    at least one character between. When an opening finds no closing, no later opening
    of that delimiter can, so it is not looked for again: each character is seen once.
    """
    out: list[str] = []
    done = 0
    next_open = dict.fromkeys(_MD_BOLD_OPEN, -2)  # -2: not looked for yet; -1: none left
    while True:
        for delimiter, pattern in _MD_BOLD_OPEN.items():
            if next_open[delimiter] == -2 or 0 <= next_open[delimiter] < done:
                found = pattern.search(line, done)
                next_open[delimiter] = found.start() if found else -1
        live = [(position, d) for d, position in next_open.items() if position >= 0]
        if not live:
            break
        start, delimiter = min(live)
        end = _closing(line, delimiter, start + 3)
        if end < 0:
            next_open[delimiter] = -1  # no later opening of it can close either
            continue
        out += (line[done:start], line[start + 2 : end])
        done = end + 2
    out.append(line[done:])
    return "".join(out)


def markdown_to_text(markdown: str) -> str:
    """Markdown with its markup removed where it would show up in a quotation."""
    text = _MD_FRONT_MATTER_RE.sub("", markdown.replace("\r\n", "\n"))
    text = _MD_HEADING_RE.sub(_heading_text, text)
    text = _MD_LINK_RE.sub(r"\1", _MD_IMAGE_RE.sub(r"\1", text))
    if "**" in text or "__" in text:
        text = "\n".join(_strip_bold_line(line) for line in text.split("\n"))
    text = _MD_RULE_RE.sub("", text)
    text = _MD_ITALIC_LINE_RE.sub(r"\2", text)
    return _MD_TABLE_LINE_RE.sub(_table_rule, text)
