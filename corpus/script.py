"""A notice written in traditional characters ("項目申報", "聯繫電話"), read in simplified ones.

Every pattern of cleaning, segmenting and ingest speaks simplified Chinese. A notice republished in
traditional characters is read through its simplified form, character for character (the same length,
so every place in one is the same place in the other), and what is read is given back in the notice's own
characters: quotes, titles and answers stay verbatim as the notice writes them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def simplified(text: str) -> str:
    """`text` in simplified characters, each character in its place (a conversion that would change the
    length, which phrase tables rarely do, is made character by character instead)."""
    out = _T2S.convert(text)
    if len(out) == len(text):
        return out
    chars = (_T2S.convert(ch) for ch in text)
    return "".join(s if len(s) == 1 else ch for s, ch in zip(chars, text, strict=True))


class AsWritten:
    """Gives text read in simplified characters back in the characters of the notice it was read from."""

    MIN_RUN = 3  # a run of the notice shorter than this in a composed sentence is not taken for the notice's words

    def __init__(self, written: str) -> None:
        flat = re.sub(r"\s+", "", written)
        self._written = flat
        self._simple = simplified(flat)
        self.changed = self._simple != flat
        # each simplified character -> the notice's character it most often stands for
        pairs = Counter((s, w) for s, w in zip(self._simple, flat, strict=True) if s != w)
        self._char: dict[str, str] = {}
        for (s, w), _n in pairs.most_common():
            self._char.setdefault(s, w)

    def __call__(self, text: str, whole: bool = False) -> str:
        """`text` with every run of it that the notice says (at least MIN_RUN characters, or any run when `whole`:
        text cut from the notice itself) in the notice's own characters; whitespace is kept where it is."""
        if not self.changed or not text or not re.search(r"[\u3400-\u9fff]", text):
            return text
        keep = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
        flat = "".join(ch for _, ch in keep)
        out = list(flat)
        i = 0
        while i < len(flat):
            n = self._longest(flat, i)
            if n >= (1 if whole else self.MIN_RUN):
                at = self._simple.find(flat[i:i + n])
                out[i:i + n] = self._written[at:at + n]
                i += n
            else:
                if whole:
                    out[i] = self._char.get(flat[i], flat[i])
                i += max(n, 1)
        result = list(text)
        for (pos, _), ch in zip(keep, out, strict=True):
            result[pos] = ch
        return "".join(result)

    def _longest(self, flat: str, i: int) -> int:
        """The length of the longest run of `flat` from `i` that the simplified notice holds."""
        lo, hi = 0, len(flat) - i
        while lo < hi:  # a run found has each shorter run from the same place found too
            mid = (lo + hi + 1) // 2
            if flat[i:i + mid] in self._simple:
                lo = mid
            else:
                hi = mid - 1
        return lo
