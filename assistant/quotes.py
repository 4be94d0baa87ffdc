"""Which verbatim sentence of the notice leads an answer.

An answer built from a fact's own words can miss what a specific question asks: a clause of the
annexed template, the reason given for a rule, the clause that settles a yes/no question. These
finders pick that sentence from the notice itself (never reworded); the engine puts it first, as
"通知原文：“…”", and the fact's answer follows.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from threading import Lock

from cachetools import LRUCache, cached

from assistant import vocabulary as V
from assistant.compose import Draft
from assistant.rank import PURPOSE, VALUE_ATTRIBUTES, fact_attributes, text_attributes
from corpus import Corpus, Fact, Passage, squash
from corpus.passages import DOC_NAMES, OTHER_CALL, joint_calls
from index.retriever import Hit
from index.tokenize import canonical, tokens, words

SENTENCE_MIN_CHARS = 12  # shorter than this a passage is a heading or a label, no answer on its own
CLAUSE_MIN_CHARS = 6  # a shorter piece of a quote is a label ("纸质材料"), not a clause that settles anything
LEAD_MARGIN = 1.0  # a sentence outside the chosen facts leads when it outscores theirs (1.0-1.3 tried on dev, dev2)
LEAD_MIN_BM25 = 4.0  # ... and has at least this BM25 score
LEAD_TIE = 0.01  # ... or comes within this share of theirs
# A free hand proposed ("随便花", "不用管了", "怎么用都行"), and the words of a clause that binds someone.
PERMISSIVE = re.compile(r"随便|随意|(?:怎么|咋)(?:花|用|弄|办)都(?:行|可以)|想怎么.{0,3}就怎么|不用管|不受(?:任何)?(?:限制|约束)|"
                        r"没(?:有)?(?:任何)?(?:限制|约束|要求)了?(?:吧|吗|对吧)")
LEAD_NEEDS_OWN_WORD = True  # a leading passage holds a word of what the question is about (V.ASKED_IN_GENERAL)
# What is done to one who breaks a rule or pledge: "撤销项目立项", "取消…申报资格", "逾期不再受理", "追回…经费".
CONSEQUENCE = re.compile(r"不(?:再|予)受理|取消[^。；;]{0,16}资格|撤销|追回|通报批评|警告|惩戒(?!执行期)|处罚|问责|追究")
CONSEQUENCE_ANYWHERE = True  # no clause of consequences in the draft's sections: the notice's best one, anywhere
OBLIGATION = re.compile(r"负责|不得|严禁|禁止|必须|须|应当|保证|按规定")
SUPPORT_VALUE_CHECK = True  # a supporting clause must hold the asked kind of value (STRICT_SUPPORT, below)
SUPPORT_SAME_VALUES = True  # ... and, for a topic, no amount, phone or date other than the answer's ("它经费多少"
# after a key project's topic is not led by the major projects' "20万元"; a general question's clause may add a
# value another part asks: "几号截止、项目哪天前要完成")
def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", squash(text))


_VALUES = (re.compile(r"\d+(?:\.\d+)?万元"), re.compile(r"(?<!\d)\d{7,8}(?!\d)"), re.compile(r"\d{4}年\d{1,2}月\d{1,2}日"))


def _contradicts(clause: str, answer: str) -> bool:
    """Whether the clause states an amount, phone or date other than those of that kind the answer gives (a
    value of a kind the answer gives none of adds to it: the phone of "资源处负责哪个课题" leads the topic)."""
    return any(given and any(v not in given for v in pattern.findall(clause))
               for pattern in _VALUES if (given := pattern.findall(answer)))
SUPPORT_DEPTH = 3  # BM25 passages searched for a sentence that answers a specific question
SUPPORT_TOPIC_OWN = True  # a question naming a topic takes no lead from outside the topics
WHO_FIELDS = True  # a form's blank naming who signs leads a "who" question
FORM_MENTION = re.compile(r"([\u4e00-\u9fff]{2,6})[”\"」』]?\s*(?:承诺书|申报书|模板)")  # "包干制”承诺书": a form by its name
# A form named by its noun alone ("申报书", "预算表"), which a template that never says it is not.
FORM_NOUN = re.compile(r"申报书|申请书|任务书|合同书|推荐表|预算表|申请表|申报表|汇总表")
BARE_FORM_NOUNS = True
FORM_NAME_MIN = 4  # characters a question shares with a form's title to name it
# A document's bare title with nothing under it asked ("单位信用承诺书要怎么提交": the credit pledge template's title)
# does not lead an answer that names the document already (the materials' "…信用承诺书（盖章后上传）"), by a run of
# this share of the title's characters: it would put the title where the clause saying how it is handed in is.
TITLE_ALONE_NAMED = True
TITLE_NAMED_SHARE = 0.6
SIGNING = re.compile(r"签字|签名|签署|\bsign(?:s|ed|ing|ature)?\b")  # who signs (whether to stamp before uploading is a materials step)
SUPPORT_COVERAGE = 0.6  # ... holding this share of the question's weighted words (0.5-0.7 flat on dev)
SUPPORT_MARGIN = 1.0  # ... and this much more than the draft's own sentences (idf units)
SUPPORT_REDUNDANT = 0.8  # a sentence whose words the draft mostly holds already is the draft's own
STEP_COVERAGE = 0.5  # a clause describes the asked step when it holds this share of its weighted words
STEP_MIN_WEIGHT = 3.0  # a step is named by words this rare in all (idf units): "项目" and "报" are not one
STEP_MIN_CHARS = 8  # a shorter clause after it is a tail ("逾期不再受理"), not the next step
RARITY_MEMO = 4096  # stretches whose rarity is remembered
# A directional complement ("报上去", "交上来") says where, not what was done: no step word of its own.
STEP_SPAN = True  # among clauses naming a step equally, one saying its words in order and close together
STEP_WITHIN = True  # a clause naming the step and going on after "后" says the next step itself
STEP_WITHIN_MIN_CHARS = 4  # ... in this many characters at least ("后即可", no step, is not one)
_AFTER = re.compile(r"[了完过好]?(?:之后|以后|后)")
_CJK_CHARS = re.compile(r"[\u4e00-\u9fff]")
STEP_NEAR = 6  # characters from the first of a step's words to the last, for them to be close together
_DIRECTIONAL = re.compile(r"[上下进出回过起][去来]|[完好掉过了毕]")  # (or a verb's completion alone: "审核完")
LEAD_VALUE_CHECK = True  # a passage whose facts lack the asked kind of value does not lead ...
STRICT_VALUES = ("duration", "amount", "phone", "url", "why", "channel")  # ... for these kinds of value (or a stated purpose, or how things are handed in)
# A supporting clause, unlike a lead passage, is one sentence: a date or an age asked must be in it too.
STRICT_SUPPORT = ("date", *STRICT_VALUES, "age")
DOCUMENT_MAX = 12  # passages of a document quoted whole ("模板都有哪些栏目")
FIELD_MAX_CHARS = 16
LABEL_MAX_CHARS = 24  # a line ending in a colon shorter than this is a label or a salutation  # a form's labelled blank is short
_ITEM_REF = re.compile(r"第\s*([1-9]|[一二三四五六七八九])\s*(?:条|项|点|款)")
_CN_DIGITS = "〇一二三四五六七八九"
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_NUMBERING = re.compile(r"^[（(]?[\d一二三四五六七八九十]{1,2}[)）.、]\s*")


def says_something(text: str) -> bool:
    """A sentence or a labelled blank, not a bare title: it has a clause mark and some length."""
    text = text.strip()
    # A short line ending in a colon introduces what follows ("(四) 项目申报材料包括：", "…各有关单位："):
    # it says nothing itself; a long one is a sentence ("…并作出如下承诺：").
    label = text.endswith(("：", ":")) and len(text) < LABEL_MAX_CHARS
    return len(text) >= SENTENCE_MIN_CHARS and bool(re.search(r"[，。；：,;:]", text)) and not label


def introduces(text: str) -> bool:
    """A short numbered line ending in a colon: it introduces the items that follow ("(四) 项目申报材料包括："), not
    a form's blank nor a salutation ("…各有关单位：")."""
    text = text.strip()
    return text.endswith(("：", ":")) and len(text) < LABEL_MAX_CHARS and bool(_NUMBERING.match(text))


def is_field(text: str) -> bool:
    """A labelled blank of a form ("法定代表人签字：", "单位（公章）："): it says what goes there and who
    gives it. A numbered heading ending in a colon ("(四) 项目申报材料包括：") is not one."""
    text = text.strip()
    return 2 <= len(text) <= FIELD_MAX_CHARS and text.endswith(("：", ":")) and not _NUMBERING.match(text)


def _common_run(a: str, b: str) -> int:
    """The length of the longest stretch of text a and b share."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


class QuoteFinder:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        # The names of the other calls a joint notice announces ("科技战略研究专项", "战略专项")
        self._other_calls = joint_calls(corpus.clean_notice.splitlines())[1]
        # The kinds of value the facts resting on each passage hold (a passage no fact rests on: none known).
        self._values: dict[str, set[str]] = {}
        for f in corpus.facts:
            for pid in f.passage_ids:
                self._values.setdefault(pid, set()).update(fact_attributes(f))
        # ... and those its facts' or its own text holds (a clause of the annexed template is read itself), once
        self._held = {p.id: self._values.get(p.id, set()) | text_attributes(p.text) for p in corpus.passages}
        df: dict[str, int] = {}
        for p in corpus.passages:
            for w in set(words(p.text)):
                df[w] = df.get(w, 0) + 1
        n = len(corpus.passages)
        self._idf = {w: math.log(n / c) for w, c in df.items() if c < n}  # notice words, by how rare
        # Each passage's sentences that may lead (numbering taken off; labels and headings left out),
        # with their words: worked out once, not per question.
        self._sentences: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for p in corpus.passages:
            found = []
            for clause in re.split(r"(?<=[。；;])", p.text):
                clause = _NUMBERING.sub("", clause.strip())
                if len(clause) >= SENTENCE_MIN_CHARS and not clause.endswith(("：", ":")):
                    found.append((clause, frozenset(words(clause))))
            self._sentences[p.id] = found
        # The notice's own passages in order (no topic, no annex), with their clauses: a step of the
        # procedure and what follows it.
        self._notice_order = [p for p in corpus.passages if not p.topic and p.section.startswith(DOC_NAMES["notice"])
                               and says_something(p.text)]
        self._clauses = {p.id: [c.strip() for c in re.split(r"[，,；;。]", _NUMBERING.sub("", p.text)) if c.strip()]
                         for p in self._notice_order}
        # See _rarity: an LRU (cachetools, as the engine's caches) under a lock, answering threads share it.
        self._rarity_memo: LRUCache[str, float | None] = LRUCache(RARITY_MEMO)
        self._rarity_lock = Lock()
        self._documents: dict[str, list[Passage]] = {}  # section -> its passages, in order
        for p in corpus.passages:
            if not p.topic:
                self._documents.setdefault(p.section, []).append(p)
        # (read as the question's words are: a notice in traditional characters says "申報書" for "申报书")
        self._document_text = {section: canonical("".join(p.text for p in ps)) for section, ps in self._documents.items()}
        # The sections a question names another form than, worked out once per question (`names_other_form`).
        self._other_forms = cached(LRUCache(RARITY_MEMO), lock=Lock())(self._forms_named_otherwise)

    def next_step(self, step: str, context: str = "", who: bool = False) -> tuple[str, str] | None:
        """The notice's clause that follows the one describing `step`, and the passage holding it:
        the clause holding most of the step's weighted words (half of them at least) is found in the
        notice's own sections (not a topic's), and what comes next is the following clause of its
        passage, or the next passage's first sentence when only a tail ("逾期不再受理") follows.
        Clauses that describe the step equally well ("填报" is in two) are told apart by the rest of
        the question (`context`): "我是单位管理员，老师填报后我需要做什么" asks the step that names the
        unit manager. `who`: the question asks who acts next, which a clause going on after the step need not name
        ("经单位管理员审核后在限定时间内提交" names nobody after the check)."""
        want: dict[str, float] = {}
        for w in words(step):
            if len(w) >= 2 and w in self._idf:
                want[w] = self._idf[w]
            elif (_CJK_CHAR.match(w[0]) and w not in self._idf and not _DIRECTIONAL.fullmatch(w)
                  and (rarity := self._rarity(w[0])) is not None):
                # "填好", "填完": the verb's character, as the notice's words begin with it ("填报").
                want[w[0]] = rarity
        total = sum(want.values())
        if total < STEP_MIN_WEIGHT:
            return None  # "项目报上去以后": words every clause shares name no step
        found: list[tuple[float, int, int]] = []
        for i, p in enumerate(self._notice_order):
            clauses = self._clauses[p.id]
            for j, clause in enumerate(clauses):
                # A step is read with the clause before it ("申报单位须登陆…，通过…系统进行注册").
                window = (clauses[j - 1] if j else "") + clause
                score = sum(v for w, v in want.items() if w in window)
                if score >= STEP_COVERAGE * total:
                    found.append((score, i, j))
        if not found:
            return None
        best = max(score for score, _, _ in found)
        extra = {w: self._idf[w] for w in words(context) if len(w) >= 2 and w in self._idf and w not in want}
        tied: list[tuple[float, bool, bool, int, tuple[str, str]]] = []
        for score, i, j in found:
            if score == best and (nxt := (None if who else self._within(i, j, want, total)) or self._next_item(i, j) or self._following(i, j)):
                clauses = self._clauses[self._notice_order[i].id]
                window = (clauses[j - 1] if j else "") + clauses[j]
                said = window + nxt[0]
                # (the step's words said close together: "单位审核完" is "经单位管理员审核后", not "各申报单位应加强
                # 项目筛选审核", which holds both words apart)
                # ("单位注册后" is the unit's registering, "…单位…进行注册", before "已在该系统注册过的单位": the step's
                # words in the step's order first)
                at = [k for w in want if (k := window.find(w)) >= 0]
                whole = len(at) == len(want)
                ordered = whole and at == sorted(at) if STEP_SPAN else True
                near = whole and max(at) - min(at) <= STEP_NEAR if STEP_SPAN else True
                tied.append((sum(v for w, v in extra.items() if w in said), ordered, near, -len(tied), nxt))
        # The first of the best (the notice's order) unless a later one, with what follows it, says more
        # of the question's rest, or says the step's words in order and close together.
        return max(tied)[4] if tied else None

    def _within(self, i: int, j: int, want: dict[str, float], total: float) -> tuple[str, str] | None:
        """What clause j of the i-th notice passage says follows the step in it ("经单位管理员审核后在限定时间内提交":
        after the check, submitting in time), when the clause itself names the step and goes on after "后"."""
        if not STEP_WITHIN:
            return None
        passage = self._notice_order[i]
        clause = self._clauses[passage.id][j]
        at = {w: k for w in want if (k := clause.find(w)) >= 0}
        if sum(want[w] for w in at) < STEP_COVERAGE * total:
            return None
        last = max(k + len(w) for w, k in at.items())
        m = _AFTER.match(clause, last)
        if m is None:
            return None
        rest = clause[m.end():].strip(" ，,。；;")
        return (rest, passage.id) if len(_CJK_CHARS.findall(rest)) >= STEP_WITHIN_MIN_CHARS else None

    def _next_item(self, i: int, j: int) -> tuple[str, str] | None:
        """When clause j is the title of an item of the procedure ("(一) 网络申报" for "网上报完以后"), the
        whole item is the step: what follows is the next item's first sentence, not the item's own text."""
        passage = self._notice_order[i]
        parent, _, own = passage.section.rpartition(" > ")
        title = _NUMBERING.sub("", own).strip()
        if j != 0 or not parent or not title or _NUMBERING.sub("", self._clauses[passage.id][0]).strip().rstrip("。：:") != title:
            return None
        for k in range(i + 1, len(self._notice_order)):
            other = self._notice_order[k]
            if other.section.rpartition(" > ")[0] != parent:
                return None  # the section's last item: nothing follows it there
            if other.section != passage.section:
                sentence = next((c for c in re.split(r"(?<=[。；;])", other.text) if says_something(c)), "")
                return (_NUMBERING.sub("", sentence).strip().rstrip("。；;"), other.id) if sentence else None
        return None

    def _following(self, i: int, j: int) -> tuple[str, str] | None:
        """What follows clause j of the i-th notice passage: its next clause of some length, or the next
        passage's first sentence."""
        passage = self._notice_order[i]
        rest = [c for c in self._clauses[passage.id][j + 1:] if len(c) >= STEP_MIN_CHARS]
        if rest:
            return rest[0], passage.id
        if i + 1 < len(self._notice_order):
            following = self._notice_order[i + 1]
            sentence = next((c for c in re.split(r"(?<=[。；;])", following.text) if says_something(c)), "")
            if sentence:
                return _NUMBERING.sub("", sentence).strip().rstrip("。；;"), following.id
        return None

    def own_hits(self, hits: list[Hit], q: str) -> list[Hit]:
        """`hits` without the sentences on another call the notice announces, unless q names that call: "业务咨询
        打哪个电话" is asked of this programme's office, not the other call's."""
        return [h for h in hits if h.passage.kind != OTHER_CALL or any(o in q for o in self._other_calls)]

    def lead_passages(self, draft: Draft, hits: list[Hit], q: str, listing: bool = False,
                      attribute: str | None = None) -> list[str]:
        """The best BM25 passage, when it is not among the draft's, belongs to no topic, and outscores
        the draft's own passages (a clause of the annexed template, say). When that passage is a bare
        title ("…信用承诺书（参考模板）", which matches every question about the document), the passage
        under it that the question asks about leads too (`_under_title`), or, for a list or overview
        question, the whole document. When the best passage is a clause of such a document that the
        draft already rests on, it leads if it holds the question's own words and the draft's wording
        does not say it."""
        hits = self.own_hits(hits, q)
        signing = bool(SIGNING.search(q))
        if (attribute == "who" or signing) and WHO_FIELDS:
            # "承诺书谁签字盖章", "单位那份承诺书是负责人签名吗": a blank of a form that names who signs or
            # stamps ("法定代表人签字：") and holds a word of the question, or asks the signing asked of, answers.
            qwords = {w for w in words(q) if len(w) >= 2}
            for h in hits[:SUPPORT_DEPTH]:
                if self.names_other_form(q, h.passage.section):
                    continue
                # (a signature blank leads a question about signing even when the draft rests on it: its
                # long summary does not settle "由负责人签名就可以吗" at a glance)
                if is_field(h.passage.text) and (h.passage.id not in draft.passages or signing) and (
                        any(w in h.passage.text for w in qwords) or signing and SIGNING.search(h.passage.text)):
                    return [h.passage.id]
            if signing:
                # The form named by its title's words ("信用承诺书", four characters or more in common: not
                # any "承诺书"), though its blank is not among the best passages.
                for section, passages in self._documents.items():
                    if self.names_other_form(q, section):
                        continue
                    if _common_run(squash(passages[0].text), squash(q)) >= FORM_NAME_MIN:
                        fields = [p.id for p in passages if is_field(p.text) and SIGNING.search(p.text)]
                        if fields:
                            return fields[:1]
                # ... or the form the answer rests on ("Who needs to sign the credit pledge form?": its
                # English names no title's characters)
                for pid in draft.passages:
                    section = self.corpus.passage(pid).section
                    if self.names_other_form(q, section):
                        continue
                    fields = [p.id for p in self._documents.get(section, ())
                              if is_field(p.text) and SIGNING.search(p.text)]
                    if fields:
                        return fields[:1]
        own = max((h.score for h in hits if h.passage.id in draft.passages), default=0.0)
        # (a passage a hair below the draft's best is level with it: which of two near-equal BM25 scores comes
        # first turns on any other passage's words in the index, not on the question)
        bar = max(LEAD_MARGIN * own * (1 - LEAD_TIE), LEAD_MIN_BM25)
        above = [h for h in hits if h.passage.id not in draft.passages and h.score >= bar
                 and not self.names_other_form(q, h.passage.section)]
        if LEAD_NEEDS_OWN_WORD and V.ASKED_IN_GENERAL.search(q):
            about = [w for w in words(V.ASKED_IN_GENERAL.sub("", q)) if len(w) >= 2]
            above = [h for h in above if any(w in h.passage.text for w in about)]
        if LEAD_VALUE_CHECK and attribute in STRICT_VALUES:
            # "项目要多长时间做完": a passage whose facts hold no length of time is not the answer (a
            # "when" may be answered by a step, "公示前", and "几个" is often only "several").
            above = [h for h in above if self._holds(h.passage, attribute)]
        if ((not above or above[0].passage.topic) and hits and (title := self._title_of(hits[0].passage))
                and not self.names_other_form(q, hits[0].passage.section)
                and not (LEAD_VALUE_CHECK and attribute in STRICT_VALUES and not self._holds(hits[0].passage, attribute))):
            # The best passage is a clause of a titled document the draft already rests on (the
            # pledge template): the clause holding the question's own words leads, if the draft's
            # wording does not say it ("单位名称可以手写吗" -> "…(正楷填写或机打)").
            specific = self._specific(title, q, min_len=1)
            under = [pid for pid in self._under_title(title, q, hits[1:])[:1]
                     if pid in specific and pid == hits[0].passage.id]
            said = squash(draft.text)
            return [pid for pid in under if squash(self.corpus.passage(pid).text).rstrip("。；;") not in said]
        if not above or above[0].passage.topic:
            return []
        first = above[0].passage
        if says_something(first.text):
            return [first.id]
        if self._documents.get(first.section, [None])[0] != first:
            return []  # a label or a salutation ("…各有关单位：") that is not a document's title says nothing
        under = self._under_title(first, q, above[1:])
        if listing and (not under or under[0] not in self._specific(first, q)):
            # "信用承诺书模板都有哪些栏目": the document itself, every clause and blank of it.
            # Cited in the document's order, a clause holding a word of the question first.
            whole = [p.id for p in self._documents.get(first.section, ())
                     if p.id != first.id and (says_something(p.text) or is_field(p.text))][:DOCUMENT_MAX]
            weight = {pid: score for score, pid in self._scored(
                [self.corpus.passage(pid) for pid in whole], self._rest(first, q, 2))}
            if whole:
                return sorted(whole, key=lambda pid: -weight.get(pid, 0.0)) + [first.id]
        if not under and first.text.rstrip().endswith(("：", ":")):
            return []  # a heading that introduces a list ("(四) 项目申报材料包括：") says nothing on its own
        if (not under and TITLE_ALONE_NAMED and self._documents.get(first.section, [None])[0] == first
                and _common_run(squash(first.text), squash(draft.text)) >= TITLE_NAMED_SHARE * len(squash(first.text))):
            return []  # a document's bare title, the draft naming the document already, adds nothing to it
        return [first.id, *under[:1]]

    def _holds(self, passage: Passage, attribute: str) -> bool:
        """Whether a passage holds the asked kind of value: its facts' values, or its own text's (a passage
        no fact rests on, a clause of the annexed template, is read itself)."""
        return attribute in self._held.get(passage.id, set())

    def names_other_form(self, q: str, section: str) -> bool:
        """Whether q names a form other than the annexed document of `section`: a word of the notice
        before the form's noun that the document does not hold ("包干制承诺书" is not the credit pledge
        template, though both are 承诺书)."""
        return section in self._other_forms(q)

    def _forms_named_otherwise(self, q: str) -> frozenset[str]:
        """The annexed documents q names a form other than (see `names_other_form`), once per question."""
        named = [w for m in FORM_MENTION.finditer(q) for w in words(m.group(1)) if len(w) >= 2 and w in self._idf]
        # (a form named by its bare noun, "申报书要法人签字吗", is not an annexed template that never says it: the
        # credit pledge's signature blank does not answer for the application form)
        bare = [m.group() for m in FORM_NOUN.finditer(q)] if BARE_FORM_NOUNS else []
        return frozenset(section for section, text in self._document_text.items() if any(w not in text for w in named)
                         or bare and all(b not in text for b in bare) and len(doc := self._documents[section]) > 1
                         and self._title_of(doc[1]) is not None)  # (an annexed document under a bare title)

    @staticmethod
    def _scored(parts: list[Passage], rest: dict[str, float]) -> list[tuple[float, str]]:
        return [(score, p.id) for p in parts if says_something(p.text) or is_field(p.text)
                if (score := sum(v for w, v in rest.items() if w in p.text)) > 0]

    def _title_of(self, passage: Passage) -> Passage | None:
        """The bare title a document's passage stands under, if its document has one."""
        doc = self._documents.get(passage.section, [])
        return doc[0] if doc and not passage.topic and not says_something(doc[0].text) and doc[0] != passage else None

    def _specific(self, title: Passage, q: str, min_len: int = 2) -> set[str]:
        """The passages under a title that hold a word of the question besides the title's (two
        characters or more: "事" of "哪些事" names no clause)."""
        return {pid for _, pid in self._scored(
            [p for p in self._documents.get(title.section, ()) if p.id != title.id], self._rest(title, q, min_len))}

    def _rest(self, title: Passage, q: str, min_len: int = 1) -> dict[str, float]:
        """The question's words that are not the title's, by how rare they are in the notice (a word
        the notice only holds inside longer ones, "填" of "填写", by the passages holding it)."""
        own = set(words(title.text))
        out = {}
        for w in words(q):
            if w in own or any(w in o for o in own) or len(w) < min_len or not (len(w) >= 2 or _CJK_CHAR.match(w)):
                continue
            if (rarity := self._idf[w] if w in self._idf else self._rarity(w)) is not None:
                out[w] = rarity
        return out

    def rarity(self, stretch: str) -> float | None:
        """How rare a stretch of characters is in the notice's passages (see `_rarity`)."""
        return self._rarity(stretch)

    def _rarity(self, stretch: str) -> float | None:
        """How rare a stretch the notice only holds inside longer words is ("填" of "填写"), by the
        passages holding it; None when no passage, or every one, holds it (memoised)."""
        with self._rarity_lock:
            if stretch in self._rarity_memo:
                return self._rarity_memo[stretch]
        n = sum(stretch in p.text for p in self.corpus.passages)
        total = len(self.corpus.passages)
        rarity = math.log(total / n) if 0 < n < total else None
        with self._rarity_lock:
            self._rarity_memo[stretch] = rarity
        return rarity

    def _under_title(self, title: Passage, q: str, above: list[Hit]) -> list[str]:
        """The passage under a bare title that the question asks about: the one holding most of the
        question's rare words that are not the title's own (those only name the document: "承诺书模板
        最后要谁签字" -> 签字 -> "法定代表人签字："); without such words, the best BM25 passage under it
        that says something."""
        rest = self._rest(title, q)
        parts = [p for p in self._documents.get(title.section, ()) if p.id != title.id]
        item = _ITEM_REF.search(q)
        if item:
            # "模板第2条" / "第二条": the document's item of that number.
            number = str(_CN_DIGITS.index(item.group(1)) if item.group(1) in _CN_DIGITS else item.group(1))
            numbered = [p.id for p in parts if re.match(rf"[（(]?{number}[)）.、]", p.text.strip())]
            if numbered:
                return numbered[:1]
        scored = self._scored(parts, rest)
        if scored:
            return [max(scored)[1]]
        return [h.passage.id for h in above if h.passage.section == title.section
                and not h.passage.topic and says_something(h.passage.text)]

    def best_clause(self, fact: Fact, q: str, attribute: str | None = None) -> str | None:
        # A piece followed by a colon is a label ("系统填报时间："), not a clause that settles anything.
        clauses = [c.strip() for quote in fact.quotes for c in re.split(r"(?<=[，,；;。：:、])", quote)
                   if len(c.strip(" ，,；;。、")) >= CLAUSE_MIN_CHARS and not c.strip().endswith(("：", ":"))]
        clauses = [c.rstrip("，,；;。、") for c in clauses]
        if len(clauses) < 2:
            return None
        if attribute in VALUE_ATTRIBUTES or attribute == "channel":
            # The one clause holding the asked kind of value settles it ("年龄有限制吗": the age limit; "能不能线下交":
            # how applications are taken).
            holding = [c for c in clauses if attribute in text_attributes(c)]
            if len(holding) == 1:
                return holding[0]
        qt = set(tokens(q))
        scored = sorted(((len(qt & set(tokens(c))), c) for c in clauses), key=lambda x: -x[0])
        if scored[0][0] >= 2 and scored[0][0] > scored[1][0]:
            return scored[0][1]
        return None

    def consequence(self, draft: Draft, q: str, lang: str) -> Draft:
        """A question what follows from breaking a rule ("违反信用承诺会有什么后果") is answered by the clause of
        the draft's passages saying what is done then (CONSEQUENCE), the one sharing most of the question's
        weighted words; it leads verbatim (in an English answer too: its words are the notice's)."""
        if draft.text.startswith(("通知原文", "The notice (")):
            return draft
        qwords = {w for w in words(q) if w in self._idf}
        best, best_pid, best_score = "", "", -1.0
        # (the sections the draft rests on, whole: a pledge's consequences are a clause of its own)
        sections = {self.corpus.passage(pid).section for pid in draft.passages}
        for anywhere in (False, True):
            # (none there: the notice's clause of consequences that shares a weighted word with the question,
            # wherever it is: "出现科研失信会有啥后果" finds the pledge's "若发生科技计划失信行为…")
            for p in self.corpus.passages:
                if p.section not in sections and not anywhere:
                    continue
                for clause, cwords in self._sentences[p.id]:
                    if CONSEQUENCE.search(clause) and (sc := sum(self._idf[w] for w in qwords & cwords)) > best_score \
                            and (sc > 0 or not anywhere):
                        best, best_pid, best_score = clause, p.id, sc
            if best or not CONSEQUENCE_ANYWHERE:
                break
        if not best:
            return draft
        if lang == "zh":
            return draft.led_by(best, [best_pid, *draft.passages])
        section = self.corpus.passage(best_pid).section
        return Draft(f'The notice ({section}): "{best.rstrip("。；;")}"\n{draft.text}',
                     list(dict.fromkeys([best_pid, *draft.passages])), draft.rank_passages)

    def states_consequence(self, q: str, pids: Sequence[str]) -> bool:
        """Whether one of `pids` has a clause of consequences sharing a weighted word with q besides the
        words of consequence themselves ("万一被认定科研失信会受到什么处理" and the pledge's "若发生科技计划失信行为…")."""
        qwords = {w for w in words(CONSEQUENCE.sub(" ", q)) if self._idf.get(w, 0.0) > 0}
        return any(CONSEQUENCE.search(clause) and qwords & cwords for pid in pids for clause, cwords in self._sentences[pid])

    def bound(self, draft: Draft, q: str) -> Draft:
        """A question that proposes a free hand ("包干制是不是钱随便花", "报了以后就不用管了吧") is
        answered by the obligation that bounds it: the clause of the draft's own sections that binds
        someone (负责, 不得, 须 …), the one sharing most of the question's weighted words, leads verbatim."""
        if not PERMISSIVE.search(q) or not draft.passages:
            return draft
        sections = {self.corpus.passage(pid).section for pid in draft.passages[:2]}
        qwords = {w for w in words(q) if w in self._idf}
        best, best_pid, best_score = "", "", -1.0
        for p in self.corpus.passages:
            if p.section not in sections:
                continue
            for clause, cwords in self._sentences[p.id]:
                if OBLIGATION.search(clause):
                    sc = sum(self._idf[w] for w in qwords & cwords)
                    if sc > best_score:
                        best, best_pid, best_score = clause, p.id, sc
        if not best or squash(draft.text).startswith(squash(best).rstrip("。；;")):
            return draft
        return draft.led_by(best, [best_pid, *draft.passages])

    def purpose(self, draft: Draft, q: str, why: bool) -> Draft:
        """A why-question (`why`: "为啥提醒别扎堆最后几天交") is answered by the purpose the draft's passages
        state ("为避免因集中提交造成网络拥堵…"): that clause leads verbatim (the one sharing most of the
        question's weighted words when there are several)."""
        if not why or draft.text.startswith("通知原文"):
            return draft
        qwords = {w for w in words(q) if w in self._idf}
        best, best_pid, best_score = "", "", -1.0
        for pid in draft.passages[:3]:
            for clause, cwords in self._sentences[pid]:
                if PURPOSE.search(clause) and (sc := sum(self._idf[w] for w in qwords & cwords)) > best_score:
                    best, best_pid, best_score = clause, pid, sc
        if not best:
            return draft
        return draft.led_by(best, [best_pid, *draft.passages])

    def with_support(self, draft: Draft, q: str, hits: list[Hit], topic_ids: Sequence[str],
                     naming: set[str], about_topics: bool = False, attribute: str | None = None) -> Draft:
        """The notice's sentence that answers a specific question better than the draft leads, verbatim
        ("这次为什么不要求交纸质材料" -> the sentence with its reason): among the draft's passages and
        the best BM25 passages, the clause holding most of the question's weighted words, when the
        draft does not already hold it and holds less of them."""
        if draft.text.startswith("通知原文"):
            return draft
        qwords = {w for w in words(q) if w in self._idf and len(w) >= 2 and not any(w in n for n in naming)}
        total = sum(self._idf[w] for w in qwords)
        if not qwords or total <= 0:
            return draft
        pids = list(dict.fromkeys([*draft.passages, *(h.passage.id for h in self.own_hits(hits, q)[:SUPPORT_DEPTH])]))
        text = squash(draft.text)
        plain = _plain(draft.text)  # (values compared in half-width figures: "２０４２年４月２０日")

        def score(clause: str) -> float:
            return sum(self._idf[w] for w in qwords if w in clause)

        best_clause, best_pid, best_score = "", "", 0.0
        own_best = 0.0
        for pid in pids:
            passage = self.corpus.passage(pid)
            if passage.topic and (passage.topic not in topic_ids if topic_ids else not about_topics):
                continue  # a topic's sentence answers only a question about that topic, or about topics
            if topic_ids and not passage.topic and attribute in (None, "content") and SUPPORT_TOPIC_OWN:
                # ... and what a topic studies is answered from the topic ("AI那个题主要研究啥" is not the
                # pledge's "主要研究目标"); a value it shares with its level may be stated outside it
                continue
            # A label or a heading ("(四) 项目申报材料包括：") settles nothing: not among the sentences.
            for clause, cwords in self._sentences[pid]:
                sc = score(clause)
                if squash(clause).rstrip("。；;") in text or (
                        cwords and sum(w in text for w in cwords) >= SUPPORT_REDUNDANT * len(cwords)):
                    own_best = max(own_best, sc)  # the draft says it already, in the fact's own words
                elif sc > best_score and (not SUPPORT_VALUE_CHECK or attribute not in STRICT_SUPPORT
                                          or attribute in text_attributes(clause)) and not (
                        SUPPORT_SAME_VALUES and topic_ids and _contradicts(_plain(clause), plain)):
                    # (a date asked is not answered by a clause holding no date: "立项之后最晚哪天结束"
                    # shares 立项 with the pledge's penalties)
                    best_clause, best_pid, best_score = clause, pid, sc
        if best_score >= SUPPORT_COVERAGE * total and best_score > own_best + SUPPORT_MARGIN:
            return draft.led_by(best_clause, [*draft.passages[:1], best_pid, *draft.passages[1:]])
        return draft
