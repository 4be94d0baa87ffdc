"""Text normalisation and jieba tokenisation shared by indexing and querying."""

from __future__ import annotations

import re
import tempfile
import threading
import unicodedata
from functools import lru_cache

import jieba
import opencc
import snowballstemmer

from corpus import LEXICON_PATH

_T2S = opencc.OpenCC("t2s")
_lock = threading.Lock()
_ready = False
_TOKEN_OK = re.compile(r"[\w\u4e00-\u9fff]", re.UNICODE)
_STOP = set(
    ["的", "了", "是", "在", "和", "与", "及", "或", "等", "吗", "呢", "吧", "啊", "呀", "么", "嘛", "哦", "我", "你", "他", "她", "它", "我们", "你们", "这", "那", "这个", "那个", "哪", "哪个", "什么", "怎么", "怎样", "如何", "请问", "请", "一下", "有", "没有", "要", "需要", "可以", "能", "能否", "是否", "多少", "几", "个", "项", "吧", "呗", "作为", "the", "a", "an", "of", "to", "is", "are", "for", "in", "on", "and", "or", "what", "how", "when", "who", "which", "do", "does", "can", "i", "my", "me", "we", "our", "you", "your", "it", "this", "that",
     # an English question's asked attribute, not its subject (the attribute is read apart): "by what date" is not "Dated …"
     "date", "dates", "dated"]
)
# Typed words that mean the same thing in this domain; applied after traditional-to-simplified.
_SPELLING = {"截至": "截止", "神报": "申报", "申请": "申报", "电化": "电话", "子课提": "子课题", "网止": "网址",
             "子选题": "子课题",  # (a notice's other name for its sub-topics)
             "纸本": "纸质",  # (the word of Hong Kong and Taiwan for paper copies: "需要寄紙本材料嗎")
             # (帳 converts to 帐, the older form of 账 for accounts: "經費什麼時候到帳" asks when money arrives)
             "帐": "账",
             # ("甚麼", converted "甚么", is how traditional text writes 什么: "在甚麼時候進行", "為甚麼")
             "甚么": "什么",
             # widespread colloquial and internet spellings of the words questions are asked with ("阔以吗" is
             # "可以吗", Henan's "中不中" is "行不行")
             "阔以": "可以", "肿么": "怎么", "神马": "什么", "木有": "没有", "中不中": "行不行",
             # (a set phrase folded to the verb it spells out: "挪作他用" is "挪用")
             "挪作他用": "挪用", "挪作它用": "挪用"}


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """NFKC (full/half width), traditional to simplified, one space between words, stripped."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\n\t")
    text = _T2S.convert(text)
    return re.sub(r"\s+", " ", text).strip()


_WHICH_ONE = re.compile(r"哪一(?=[个项步天类级种份条位家部])")


@lru_cache(maxsize=8192)
def canonical(text: str) -> str:
    """normalize() plus common misspellings folded, lower-cased: what matching works on."""
    text = normalize(text).lower()
    # Quotation marks split phrases ("包干制”承诺书") without changing what is asked.
    text = re.sub(r"[“”‘’\"「」『』《》〈〉]", "", text)
    for wrong, right in _SPELLING.items():
        text = text.replace(wrong, right)
    # "哪一个" is "哪个": the numeral belongs to the question word, it is not "一个" of the notice.
    return _WHICH_ONE.sub("哪", text)


def jieba_ready() -> None:
    """Loads jieba and the lexicon once; afterwards a flag check (it runs on every question)."""
    global _ready
    if _ready:
        return
    with _lock:
        if _ready:
            return
        jieba.setLogLevel(60)
        # jieba writes its model cache to /tmp by default; keep it private to this user.
        jieba.dt.tmp_dir = tempfile.gettempdir()
        jieba.load_userdict(str(LEXICON_PATH))
        _ready = True


def jieba_frequency(word: str) -> int:
    """How often jieba's dictionary saw `word` in general Chinese text (0: not a dictionary word)."""
    jieba_ready()
    return int(jieba.dt.FREQ.get(word, 0))


def word_boundaries(text: str, guess_new: bool = False) -> set[int]:
    """Offsets in `text` where a dictionary word starts or ends (jieba, no new-word guessing unless `guess_new`:
    then the segmentation `words` refines)."""
    jieba_ready()
    out, pos = {0}, 0
    for tok in jieba.cut(text, HMM=guess_new):
        pos += len(tok)
        out.add(pos)
    return out


def add_words(words: list[str]) -> None:
    """A served corpus's own domain words (its lexicon.txt), beside the packaged one."""
    jieba_ready()
    new = [w for w in words if w and jieba.dt.FREQ.get(w, 0) == 0]
    for w in new:
        jieba.add_word(w, freq=20)
    if new:
        _cut.cache_clear()
        _words.cache_clear()


@lru_cache(maxsize=8192)
def _cut(text: str) -> tuple[str, ...]:
    jieba_ready()
    return tuple(jieba.cut_for_search(text))


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


_ENGLISH = re.compile(r"^[a-z]{4,}$")
_SNOWBALL = snowballstemmer.stemmer("english")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """English words of four letters or more by their Snowball (Porter2) stem, so "applications"
    meets "application" and "responsibility" meets "responsible"."""
    return _SNOWBALL.stemWord(word) if _ENGLISH.match(word) else word


def words(text: str) -> list[str]:
    """jieba words (search mode) of canonical text, without punctuation and stop words; English
    words lightly stemmed."""
    return list(_words(text))


# "how many days", "how much time": a length of time asked (a date, read apart), so "many" and "much" are
# no words of its subject there, as 多少 and 几 never are ("how many projects" keeps its "many").
_TIME_ASKED = re.compile(r"\bhow (?:many|much)(?= (?:more )?(?:days|weeks|months|time|longer)\b)")


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    out = []
    for tok in _cut(_TIME_ASKED.sub("how", canonical(text))):
        tok = tok.strip()
        if tok and tok not in _STOP and _TOKEN_OK.search(tok):
            out.append(stem(tok))
    return tuple(out)


_NUMBERED = re.compile(r"([\u4e00-\u9fff]{2,6}|topic|project)\s*(?:no\.?\s*)?(\d{1,2})(?!\d)")


def tokens(text: str) -> list[str]:
    """Search terms for BM25: jieba words, the character bigrams of each Chinese run, and numbered
    names as one term ("子课题5", "项目2", "topic3").

    Bigrams let a question match a passage that words the same thing with other word boundaries
    ("报名条件" / "申报条件", "法人签字" / "法定代表人签字") without any synonym list; numbered names
    let "子课题①" or "sub-topic 1" find the sentences of that topic, whose heading or label holds it."""
    out = words(text)
    canon = canonical(text)
    for m in _NUMBERED.finditer(canon):
        head = m.group(1)
        out.append(f"#{head[-2:]}{m.group(2)}")
    for run in _CJK_RUN.findall(canon):
        out.extend("#" + run[i : i + 2] for i in range(len(run) - 1))
    return out
