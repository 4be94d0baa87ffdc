"""Repairs the PDF-extraction artefacts of the notice text without changing its wording.

The extracted text has three kinds of damage: a blank line where a page break cut a sentence
(or a heading) in two, a glyph repeated on both sides of such a cut, and a block of lines that
the extractor emitted twice. Everything else, including odd spacing inside Chinese text, is kept
so that citations stay verbatim (the contract lets whitespace differ, nothing else).
"""

from __future__ import annotations

import re

# A sentence cut by a page break ends mid-word (an ideograph) or after a comma.
_CUT_TAIL = re.compile(r"[\u4e00-\u9fff，,、]$")
# A line that starts one of these opens a new block; it can never be the tail of a broken sentence.
_BLOCK_START = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+\s*[.、]|子课题|附件|研究内容|项目经费|联系单位|- )"
)
# Document titles end without punctuation but are complete; a cut never falls right after them.
_TITLE_END = ("通知", "指南")
_MIN_CUT_LINE = 20  # a page-cut line is a full body line; shorter unpunctuated lines are headings


def _is_cut(line: str, nxt: str) -> bool:
    body = line.replace(" ", "")
    if len(body) < _MIN_CUT_LINE or not _CUT_TAIL.search(body) or body.endswith(_TITLE_END):
        return False
    return not _BLOCK_START.match(nxt)


def _join(line: str, nxt: str) -> str:
    # In a heading the PDF repeats the glyph at the cut ("对策研" + "研究——…"); in body text a
    # doubled character can be real Chinese, so only headings are de-duplicated.
    if line.startswith("子课题") and nxt and line[-1] == nxt[0]:
        nxt = nxt[1:]
    return line + nxt


def _drop_repeated_blocks(paragraphs: list[str], max_block: int = 3) -> list[str]:
    out: list[str] = []
    for para in paragraphs:
        out.append(para)
        for k in range(1, max_block + 1):
            if len(out) >= 2 * k and out[-k:] == out[-2 * k : -k]:
                del out[-k:]
                break
    return out


def clean_lines(raw: str) -> list[str]:
    """Returns the notice as logical lines: cuts joined, duplicates dropped, blanks removed."""
    lines = [re.sub(r"[ \t\u3000]+", " ", ln).strip() for ln in raw.replace("\r\n", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    joined: list[str] = []
    for ln in lines:
        if joined and _is_cut(joined[-1], ln):
            joined[-1] = _join(joined[-1], ln)
        else:
            joined.append(ln)
    return _drop_repeated_blocks(joined)


def clean_text(raw: str) -> str:
    return "\n".join(clean_lines(raw))
