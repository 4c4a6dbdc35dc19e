"""Text layout for the command line: display width, wrapping inside columns, colour on terminals.

Chinese characters take two columns. Tables shrink their widest columns and wrap long cells inside
their column, so no line is wider than the terminal (``COLUMNS`` when set).

>>> layout = Layout(width=30, colour=False)
>>> for line in layout.table([["2021", "Jiangsu (江苏) hosted in Wuxi, as the rule expects"]]):
...     print(line)
  2021  Jiangsu (江苏) hosted in
        Wuxi, as the rule expects
"""

import os
import shutil
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TextIO

import attrs

__all__ = ["Layout", "display_width", "wrap"]


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: wide (Chinese) characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else (0 if unicodedata.combining(c) else 1) for c in text)


def _wide(c: str) -> bool:
    return unicodedata.east_asian_width(c) in "WF"


_OPENING = "([\uff08\u3010\u300a\u201c"
"""Opening brackets and quotes, ASCII and full-width."""

_CLOSING = ")]\uff09\u3011\uff0c\u3002\u3001\uff1a\uff1b"
"""Closing brackets and punctuation, ASCII and full-width."""


def _tokens(text: str) -> list[str]:
    """Words (with their trailing space) and Chinese text, the places a line may break.

    A run of up to four Chinese characters (a name such as 王学军) stays whole; a longer run may
    break between any two characters.
    """
    tokens: list[str] = []
    word = ""
    run = ""

    def end_run() -> None:
        nonlocal run
        if run:
            if sum(map(_wide, run)) <= 4:
                tokens.append(run)
            else:  # one token per character; an opening bracket stays with the first
                lead = len(run) - len(run.lstrip(_OPENING))
                tokens.extend([run[: lead + 1], *run[lead + 1 :]])
            run = ""

    for c in text:
        if c in _CLOSING and not word and (run or (tokens and not tokens[-1].endswith(" "))):
            end_run()
            tokens[-1] += c  # closing punctuation stays with what it closes
        elif _wide(c):
            if word and not run and all(ch in _OPENING for ch in word):
                run = word  # an opening bracket stays with the Chinese text it opens
            elif word:
                tokens.append(word)
            word = ""
            run += c
        else:
            end_run()
            if c == " ":
                tokens.append(word + " ")
                word = ""
            else:
                word += c
    end_run()
    if word:
        tokens.append(word)
    return tokens


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns, broken between words or beside Chinese characters.

    A word longer than the width is cut.

    >>> wrap("Wang Xiaodong 王晓东 governor", 12)
    ['Wang', 'Xiaodong', '王晓东', 'governor']
    """
    width = max(width, 2)
    lead = len(text) - len(text.lstrip(" "))
    if lead and lead < width - 4:  # an indented cell (a tree) keeps its indent on every line
        return [" " * lead + x for x in wrap(text[lead:], width - lead)]
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        if display_width(line + token.rstrip()) <= width:
            line += token
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = ""
        token = token.lstrip()
        while display_width(token.rstrip()) > width:  # a word wider than the column: cut it
            cut, used = "", 0
            for c in token:
                if used + display_width(c) > width:
                    break
                cut += c
                used += display_width(c)
            lines.append(cut)
            token = token[len(cut) :]
        line = token
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _shrink(natural: Sequence[int], available: int, floor: int) -> list[int]:
    """Column widths within ``available``: the last column shrinks to ``floor``, then the widest ones."""
    widths = list(natural)
    last = len(widths) - 1
    while sum(widths) > available:
        chosen = last if widths[last] > floor else max(range(len(widths)), key=lambda i: widths[i])
        if widths[chosen] <= 6:
            break
        widths[chosen] -= 1
    return widths


_STYLES = {"maybe": "33", "warning": "33", "error": "1;31", "bold": "1"}


@attrs.frozen
class Layout:
    """How output is laid out: the width to fit, and whether to colour.

    Attributes:
        width: Columns available.
        colour: Whether to use ANSI colours.
    """

    width: int = 80
    colour: bool = False

    @classmethod
    def for_stream(cls, stream: TextIO | None = None) -> "Layout":
        """The layout for a stream: the terminal's width (or ``COLUMNS``); colour only on a terminal, never with NO_COLOR."""
        stream = stream if stream is not None else sys.stdout
        width = shutil.get_terminal_size((80, 24)).columns
        try:
            tty = bool(stream is not None and stream.isatty())
        except (AttributeError, ValueError, OSError):
            tty = False
        colour = tty and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        return cls(width=max(width, 40), colour=colour)

    def style(self, text: str, style: str) -> str:
        """``text`` in a style (``maybe``, ``warning``, ``error``, ``bold``) when colouring."""
        if not self.colour or not text:
            return text
        return f"\x1b[{_STYLES[style]}m{text}\x1b[0m"

    def para(self, text: str, indent: int = 0, hang: int = 2) -> list[str]:
        """A paragraph wrapped to the width; continuation lines indented ``hang`` more."""
        first, *more = wrap(text, self.width - indent)
        out = [" " * indent + first]
        if more:
            out += [" " * (indent + hang) + x for x in wrap(" ".join(more), self.width - indent - hang)]
        return out

    def table(
        self,
        rows: Iterable[Sequence[str]],
        header: Sequence[str] | None = None,
        indent: int = 2,
        styles: Sequence[str | None] | None = None,
    ) -> list[str]:
        """Rows as aligned columns fitted to the width; long cells wrap inside their column.

        Args:
            rows: The cells of each row.
            header: Column titles.
            indent: Spaces before each line.
            styles: A style per row (``maybe``, ``warning``...), None for plain.
        """
        body = [list(r) for r in rows]
        if not body:
            return []
        all_rows = ([list(header)] if header is not None else []) + body
        row_styles = ([None] if header is not None else []) + list(styles or [None] * len(body))
        ncols = max(len(r) for r in all_rows)
        for r in all_rows:
            r.extend([""] * (ncols - len(r)))
        natural = [max(display_width(r[i]) for r in all_rows) for i in range(ncols)]
        gap = 2
        available = self.width - indent - gap * (ncols - 1)
        if sum(natural) <= available:
            widths = natural
        else:  # of a few ways to shrink the columns, the one that wraps into the fewest lines

            def height(ws: list[int]) -> int:
                return sum(max(len(wrap(c, ws[i])) if c else 1 for i, c in enumerate(r)) for r in all_rows)

            layouts = [_shrink(natural, available, floor) for floor in (12, 16, 20, 24, 28, 32, 40)]
            widths = min(layouts, key=height)
        lines = []
        for r, style in zip(all_rows, row_styles, strict=True):
            cells = [wrap(c, widths[i]) if c else [""] for i, c in enumerate(r)]
            for k in range(max(len(c) for c in cells)):
                parts = []
                for i, c in enumerate(cells):
                    text = c[k] if k < len(c) else ""
                    parts.append(text + " " * (widths[i] - display_width(text)))
                line = (" " * indent + (" " * gap).join(parts)).rstrip()
                lines.append(self.style(line, style) if style else line)
        return lines
