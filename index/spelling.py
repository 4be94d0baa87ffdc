"""Typo and homophone correction against the corpus's own vocabulary.

Applicants type Chinese with pinyin input methods, so a wrong key word is usually a homophone of
the right one ("申抱" for "申报", "资注" for "资助") or a near-homophone ("承若书" for "承诺书").
A stretch of the question that occurs nowhere in the notice or the known question words is
replaced by a vocabulary word of the same length that differs in one character (two for words of
four or more) and reads the same in pinyin: exactly, without tones, for two-character words;
up to the usual input-method confusions (zh/z, ch/c, sh/s, n/l/r, -ng/-n) for longer ones. The
correction is kept only when the corrected word is known and the typed stretch is not, i.e. when
the corrected form explains the question better. There is no list of typos here: the vocabulary
is read from the loaded corpus.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import jieba
from cachetools import LRUCache
from pypinyin import lazy_pinyin
from rapidfuzz import process
from rapidfuzz.distance import OSA

from corpus import Corpus
from index.tokenize import canonical, jieba_ready, stem, words

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_INTERROGATIVE = re.compile(r"哪|什么|几|多少|啥|谁|怎|何|吗|呢")  # what makes a word a question word
_LATIN_WORD = re.compile(r"(?<![a-z'])[a-z]+(?![a-z'])")
ENGLISH_MIN = 5  # shorter English words are too close to each other to correct
ENGLISH_TWO_EDITS = 9  # from this length a slip may be two edits away
ENGLISH_USES = 2  # times the corpus says a word before a slip is corrected to it
_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("r", "l"))
_FUZZY_FINALS = (("ing", "in"), ("eng", "en"), ("ang", "an"), ("ong", "on"))


@lru_cache(maxsize=65536)
def _syllable(ch: str) -> str:
    return lazy_pinyin(ch)[0]


@lru_cache(maxsize=65536)
def _fuzzy(syllable: str) -> str:
    for a, b in _FUZZY_INITIALS:
        if syllable.startswith(a):
            syllable = b + syllable[len(a):]
            break
    for a, b in _FUZZY_FINALS:
        if syllable.endswith(a):
            return syllable[: -len(a)] + b
    return syllable


def _reading(word: str, fuzzy: bool) -> tuple[str, ...]:
    syllables = tuple(_syllable(ch) for ch in word)
    return tuple(_fuzzy(s) for s in syllables) if fuzzy else syllables


def reads_alike(a: str, b: str) -> bool:
    """Whether two characters read alike to a pinyin input method, up to its usual confusions ("十" and "时",
    "床" and "传"): the one a slip of the keys gives for the other."""
    return _reading(a, True) == _reading(b, True)


_FUNCTION = set("的了是在我你他她它们和与及或也都就还又很吗呢吧啊么这那有没不")
_LOOSE = _FUNCTION | set("个里由中上下市省区县")  # (市省区县: "报市软科学" names the city, it is no slip for "报时")


MEMO_SIZE = 4096
WHOLE_WORDS = True  # a corrected stretch starts and ends at word boundaries
CORE_USES = 2  # a real word is corrected only to a core word or one the notice uses this often
WORD_IN_CONTEXT = True  # a dictionary word is corrected only where its correction meets the notice's context
LOOSE_IN_CONTEXT = True  # ... and so is a stretch holding a function, measure or place word
RARER = 2  # a typed dictionary word must be this many times rarer than its correction
# A word of an aspect the notice is silent on (coverage.yaml's not_covered, "中期检查") is a correction too:
# "中其检查" is that aspect mistyped, out of scope as the aspect is, not a question of some covered word.
UNCOVERED_TARGETS = True
# An English word is said "more than once" counting all its forms ("incubator", "incubators", "incubation"),
# and slips near several forms of one word ("incubaters": incubators, incubator) go to the nearest.
ENGLISH_FORMS = True


def _frequency(text: str) -> int:
    jieba_ready()
    return int(jieba.dt.FREQ.get(text, 0))


def _is_word(text: str) -> bool:
    return _frequency(text) > 0


def _token_spans(run: str) -> list[tuple[int, int]]:
    """For each character, the span of the dictionary word it belongs to (no new-word guessing)."""
    jieba_ready()
    spans: list[tuple[int, int]] = []
    pos = 0
    for tok in jieba.cut(run, HMM=False):
        spans.extend([(pos, pos + len(tok))] * len(tok))
        pos += len(tok)
    return spans


@dataclass(frozen=True)
class Correction:
    typed: str
    corrected: str


class SpellingCorrector:
    """Corrects homophone typos in canonical (simplified, lower-case) question text."""

    def __init__(self, words: Iterable[str], known_text: str, frequency: Counter[str] | None = None,
                 core: Iterable[str] = (), english: Counter[str] | None = None) -> None:
        """`words`: the vocabulary a typo may be corrected to (CJK words of 2+ characters).
        `known_text`: text whose substrings count as correctly typed (the notice, question words).
        `core`: the words the notice is about (its facts' trigger words, its topics' names).
        `english`: the English words the corpus and the question words use, with their counts."""
        self.known = known_text
        self.core = set(core)
        self.english = english or Counter()
        # An English slip is corrected only to a word said more than once ("deadline", "submission")
        uses: Counter[str] = Counter()
        for w, n in self.english.items():
            uses[stem(w) if ENGLISH_FORMS else w] += n
        self._english_targets = sorted(w for w in self.english if len(w) >= ENGLISH_MIN
                                       and uses[stem(w) if ENGLISH_FORMS else w] >= ENGLISH_USES)
        self._english_stems = {stem(w) for w in self.english}
        # Every stretch of 2-6 characters of the known text, so a window is looked up, not searched for.
        self._known_grams = {known_text[i: i + n] for n in range(2, 7) for i in range(len(known_text) - n + 1)}
        self._memo_lock = threading.Lock()
        self._memo: LRUCache[str, tuple[str, tuple[Correction, ...]]] = LRUCache(MEMO_SIZE)
        self.frequency = frequency or Counter()
        self._exact: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self._fuzzy: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for w in {w for w in words if _CJK_RUN.fullmatch(w) and 2 <= len(w) <= 6}:
            self._exact[_reading(w, False)].add(w)
            if len(w) >= 3:
                self._fuzzy[_reading(w, True)].add(w)

    def _candidate(self, window: str) -> str | None:
        n = len(window)
        exact = self._exact.get(_reading(window, False), set())
        pool = set(exact)
        if n >= 3:
            pool |= self._fuzzy.get(_reading(window, True), set())
        best: tuple[int, str] | None = None
        for word in pool:
            diff = sum(a != b for a, b in zip(word, window, strict=True))
            # One wrong character (two in long words); a two-character word may be wholly another
            # word that reads exactly the same ("戒指" typed for "截止"), the input method's usual slip.
            allowed = 2 if n == 2 and word in exact else 1 if n <= 3 else 2
            if 0 < diff <= allowed:
                rank = self.frequency.get(word, 0)
                if best is None or rank > best[0]:
                    best = (rank, word)
        return best[1] if best else None

    def _in_context(self, chars: list[str], i: int, n: int, word: str) -> bool:
        """Whether the notice (or the known question words) has `word` beside the nearest character
        before or after it in the question that is not a function word (the 的 of "…的X" is looked past)."""
        before = next((chars[j] for j in range(i - 1, -1, -1) if chars[j] not in _FUNCTION), "")
        after = next((chars[j] for j in range(i + n, len(chars)) if chars[j] not in _FUNCTION), "")
        return bool(before) and before + word in self._known_grams or bool(after) and word + after in self._known_grams

    def correct(self, text: str) -> tuple[str, list[Correction]]:
        """The text with typos replaced, and what was replaced (memoised: every stage asks again)."""
        with self._memo_lock:  # LRUCache is not thread-safe; the API answers on several threads
            hit = self._memo.get(text)
        if hit is None:
            hit = self._correct(text)
            with self._memo_lock:
                self._memo[text] = hit
        return hit[0], list(hit[1])

    def _correct(self, text: str) -> tuple[str, tuple[Correction, ...]]:
        """The text with typos replaced, and what was replaced (longest stretches first).

        A stretch that is itself a dictionary word is corrected only to a much more common word
        ("今年" is not a typo of "近年"), and each character to change stands alone in the dictionary segmentation or
        inside a word wholly within the stretch ("叫什么" keeps "什么", so it is not "交什么")."""
        corrections: list[Correction] = []
        out = text
        for run in _CJK_RUN.finditer(text):
            s = run.group()
            owner = _token_spans(s)
            fixed = list(s)
            taken = [False] * len(s)
            for n in (6, 5, 4, 3, 2):
                for i in range(len(s) - n + 1):
                    if any(taken[i : i + n]):
                        continue
                    window = "".join(fixed[i : i + n])
                    if window in self._known_grams:
                        continue
                    word = self._candidate(window)
                    if word is None:
                        continue
                    # A real word typed for a homophone ("戒指" for "截止") is corrected only when the
                    # corpus word is far more common in general use: "今年" stays "今年", not "近年".
                    # ... and only to a word the notice is about (a trigger or topic word, or one it uses
                    # more than once): "市里" is not a slip for "实力", said once in a topic's description.
                    if _is_word(window) and (_frequency(window) * RARER >= _frequency(word) or (
                            word not in self.core and self.frequency.get(word, 0) < CORE_USES)):
                        continue
                    # ... and, for a word of the notice's text, only where the notice says it beside what
                    # the asker typed next to it: "在什么时限内提交" is not "实现内". The same holds for a
                    # typed stretch with a function, measure or place word in it ("过程中要" is not "重要",
                    # "改个名字" not "改革", "书里" not "梳理"). A word the notice's text lacks, such as the
                    # question word 截止 of "戒指日期", has no context to check.
                    if ((_is_word(window) or (LOOSE_IN_CONTEXT and any(ch in _LOOSE for ch in window))) and WORD_IN_CONTEXT
                            and self.frequency.get(word, 0) > 0 and not self._in_context(fixed, i, n, word)):
                        continue
                    # A stretch half made of a function word ("不完" in "做不完") is a slip for a word the
                    # notice says once ("不晚", in "不晚于") only if the notice is about that word.
                    if (n == 2 and any(ch in _FUNCTION for ch in window) and word not in self.core
                            and self.frequency.get(word, 0) < CORE_USES):
                        continue
                    # The stretch must not cut a word in two ("软科学行吗": "科学行" is not "科学性").
                    if WHOLE_WORDS and (owner[i][0] < i and owner[i][1] - owner[i][0] >= 2
                                        or owner[i + n - 1][1] > i + n and owner[i + n - 1][1] - owner[i + n - 1][0] >= 2):
                        continue
                    changed = [j for j in range(n) if word[j] != window[j]]
                    if any(not (i <= owner[i + j][0] and owner[i + j][1] <= i + n) or window[j] in _FUNCTION
                           for j in changed):
                        continue
                    corrections.append(Correction(window, word))
                    fixed[i : i + n] = list(word)
                    taken[i : i + n] = [True] * n
            if corrections:
                out = out.replace(s, "".join(fixed), 1)
        return self._correct_english(out, corrections)

    def _correct_english(self, text: str, corrections: list[Correction]) -> tuple[str, tuple[Correction, ...]]:
        """English words the corpus does not know ("dedline", "submision") replaced by the one word of its
        English one edit away (an edit: a letter added, dropped, changed or two swapped; two for long words),
        with the same first letter; a word with no such neighbour, or with two, stays as typed."""
        if not self._english_targets:
            return text, tuple(corrections)

        def fix(m: re.Match[str]) -> str:
            typed = m.group()
            if typed in self.english or len(typed) < ENGLISH_MIN or stem(typed) in self._english_stems:
                return typed  # known, short, or another form of a known word ("researcher", "recommended")
            limit = 1 if len(typed) < ENGLISH_TWO_EDITS else 2
            found = [(w, d) for w, d, _index in process.extract(typed, self._english_targets, scorer=OSA.distance,
                                                                 score_cutoff=limit, limit=3) if w[0] == typed[0]]
            near = [w for w, _d in found]
            if ENGLISH_FORMS and len({stem(w) for w in near}) == 1:
                near = [min(found, key=lambda x: (x[1], x[0]))[0]]  # forms of one word: the nearest
            if len(near) != 1:
                return typed  # unknown, or ambiguous
            corrections.append(Correction(typed, near[0]))
            return near[0]

        return _LATIN_WORD.sub(fix, text), tuple(corrections)

def corrector_for(corpus: Corpus, extra_known: tuple[str, ...] = (), extra_vocabulary: tuple[str, ...] = ()
                  ) -> SpellingCorrector:
    """A corrector whose vocabulary is the corpus's own: the notice's words, the facts' trigger words
    and the topics' names; `extra_known` are further correctly-typed words (question words),
    `extra_vocabulary` further words a typo may be corrected to (the profile's titles, unit types)."""
    frequency: Counter[str] = Counter()
    for p in corpus.passages:
        frequency.update(w for w in words(p.text) if len(w) >= 2)
    named = [canonical(part) for f in corpus.facts for t in f.triggers for part in t.split("+")]
    topic_names = [canonical(a) for t in corpus.topics for a in (*t.aliases, t.title)]
    # Typos are corrected to words of the notice and names of its topics, never to question phrasing.
    # Trigger words count too when they are dictionary words ("资助"), not phrasings ("交什么").
    # (a question word that is also a trigger's part, "哪天" of "申报+哪天", is question phrasing: "在哪填"
    # is not "在哪天"; "截止", asked with, is a word of what is asked)
    notice = canonical(corpus.clean_notice).replace(" ", "")
    asking = {w for w in map(canonical, extra_known) if _INTERROGATIVE.search(w)}
    vocabulary = [*frequency, *topic_names, *(w for w in named if _is_word(w) and w not in asking), *extra_vocabulary,
                  *((canonical(w) for w in corpus.not_covered) if UNCOVERED_TARGETS else ())]
    named += [*topic_names, *extra_vocabulary]
    known = "\n".join([notice, *named, *extra_known,
                       *(canonical(w) for w in corpus.not_covered)])
    english: Counter[str] = Counter()
    for text in [*(f.en for f in corpus.facts), *(t for f in corpus.facts for t in f.triggers),
                 *(x for t in corpus.topics for x in (t.title_en, t.label_en, *(t.aliases if ENGLISH_FORMS else ()))),
                 *extra_known]:
        english.update(_LATIN_WORD.findall(canonical(text)))
    return SpellingCorrector(vocabulary, known, frequency, core=named, english=english)
