"""Scores the general facts of corpus/facts.yaml against a question.

A trigger is a word ("截止") or a conjunction of words ("几+重大": both must occur). Words of
three or more characters also match with one inner character wrong, which catches the homophone typos
that pinyin input produces ("申报才料", "完城时间"). A fact's score is its longest trigger plus
half of the others, so one specific phrase beats several generic words; retrieval then adds a
bonus to facts whose passages rank high for the question, and breaks ties.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from corpus import Fact
from index.spelling import reads_alike
from index.tokenize import canonical, jieba_frequency, word_boundaries

FUZZY_MIN = 4
# A window one character off a trigger word is that word mistyped only where the wrong character reads like the
# right one (a pinyin input slip: "截止十间") or breaks the words where it stands ("申报才料"), or makes a word rarer
# than the trigger's there: where it makes a word of its own that reads otherwise and is more common in general
# Chinese ("提出什么" beside "提交什么"), the question says that word.
OWN_WORDS_KEPT = True
EN_WORD_LENGTH = 2  # what an English trigger word counts for, in Chinese characters (0: its letters)
_LATIN = re.compile(r"[a-z0-9]")


def _slip(window: str, i: int, word: str) -> bool:
    """Whether `window`, `word` with character i another, is `word` mistyped (OWN_WORDS_KEPT)."""
    if not OWN_WORDS_KEPT or reads_alike(window[i], word[i]):
        return True
    bounds = word_boundaries(window)
    if i in bounds and i + 1 in bounds:
        return True  # (the wrong character is a word alone: no word of its own holds it)
    # The word of its own holding it, against the trigger's characters there: one more common in general Chinese is what
    # the question says ("提出" beside "提交", "多少" beside "多个"); a rarer one is read as the trigger's ("网上系统").
    start, end = max(b for b in bounds if b <= i), min(b for b in bounds if b > i)
    return jieba_frequency(window[start:end]) < jieba_frequency(word[start:end])


@dataclass(frozen=True)
class _Trigger:
    parts: tuple[str, ...]
    fact: str

    @property
    def length(self) -> int:
        # (an English word weighs as a two-character Chinese word does: "call" is not worth "联系电话")
        return sum(EN_WORD_LENGTH * len(p.split()) if EN_WORD_LENGTH and p.isascii() else len(p) for p in self.parts)


@dataclass
class FactScore:
    fact: Fact
    score: float
    longest: int


class FactMatcher:
    def __init__(self, facts: list[Fact]) -> None:
        self.facts = {f.id: f for f in facts}
        self.triggers = sorted(
            (_Trigger(tuple(canonical(p) for p in t.split("+")), f.id) for f in facts for t in f.triggers),
            key=lambda t: -t.length,
        )
        # One-substitution index: "申报?料" -> {"申报材料"}, for words of FUZZY_MIN+ CJK characters.
        self._fuzzy: dict[str, set[str]] = defaultdict(set)
        for trig in self.triggers:
            for word in trig.parts:
                if len(word) >= FUZZY_MIN and not word.isascii():
                    for i in range(len(word)):
                        self._fuzzy[word[:i] + "?" + word[i + 1 :]].add(word)
        self._lengths = sorted({len(k) for k in self._fuzzy})
        # Each distinct word once, longest trigger's first; English words as whole-word patterns.
        self._words = list(dict.fromkeys(w for trig in self.triggers for w in trig.parts))
        self._english = {w: re.compile(r"(?<![a-z0-9])" + re.escape(w) + r"(?![a-z0-9])")
                         for w in self._words if w.isascii()}
        # Word -> the triggers (by position, longest first) it is a part of: only triggers with a word
        # present are checked.
        self._holding: dict[str, list[int]] = {}
        for i, trig in enumerate(self.triggers):
            for word in dict.fromkeys(trig.parts):
                self._holding.setdefault(word, []).append(i)

    def _present(self, q: str) -> dict[str, tuple[int, int, bool]]:
        """Each trigger word found in q (exactly or with one wrong character), its span and whether exact."""
        found: dict[str, tuple[int, int, bool]] = {}  # word -> start, end, exact
        latin = _LATIN.search(q) is not None
        for word in self._words:
            if word in self._english:
                # English words match whole words only: "error" is not in "onerror".
                if latin and (m := self._english[word].search(q)):
                    found[word] = (*m.span(), True)
            elif (i := q.find(word)) != -1:
                found[word] = (i, i + len(word), True)
        # run[i]: how many Chinese characters follow from position i (a window must be all Chinese).
        run = [0] * (len(q) + 1)
        for i in range(len(q) - 1, -1, -1):
            run[i] = run[i + 1] + 1 if "\u4e00" <= q[i] <= "\u9fff" else 0
        for n in self._lengths:
            for start in range(0, len(q) - n + 1):
                if run[start] < n:
                    continue
                window = q[start : start + n]
                for i in range(1, n - 1):  # neither the first nor the last character
                    for word in self._fuzzy.get(window[:i] + "?" + window[i + 1 :], ()):
                        # The first character must be right: "子课题" must not match "主课题".
                        if word not in found and _slip(window, i, word):
                            found[word] = (start, start + n, False)
        return found

    def score(self, q: str, extra: Sequence[Fact] = ()) -> list[FactScore]:
        """`extra`: facts to consider even without a trigger (e.g. sharing a phone number with q)."""
        found = self._present(q)
        used: list[tuple[int, int, int]] = []  # span and length of each counted single-word trigger
        per_fact: dict[str, list[int]] = defaultdict(list)
        for i in sorted({i for word in found for i in self._holding.get(word, ())}):  # longest first
            trig = self.triggers[i]
            if len(trig.parts) > 1 and not all(p in found for p in trig.parts):
                continue
            if len(trig.parts) == 1:
                s, e, _ = found[trig.parts[0]]
                # Inside a strictly longer word already counted ("经费" in "经费管理"): not evidence.
                if any(us <= s and e <= ue and ul > trig.length for us, ue, ul in used):
                    continue
                used.append((s, e, trig.length))
            # A word matched with one wrong character is weaker evidence than the exact word.
            per_fact[trig.fact].append(trig.length - sum(not found[p][2] for p in trig.parts))
        for fact in extra:
            per_fact.setdefault(fact.id, [0])
        out = []
        for fid, lengths in per_fact.items():
            lengths.sort(reverse=True)
            out.append(FactScore(self.facts[fid], lengths[0] + 0.5 * sum(lengths[1:]), lengths[0]))
        return sorted(out, key=lambda s: -s.score)
