"""Stage 3 of answering: score the corpus's general facts as candidates for a question.

Each fact is a candidate with features; its score is a weighted sum of them:

- `trigger`: the hand-written trigger match (`assistant.matching`): longest trigger plus half of
  the others. Triggers are one feature among several, not a route; `use_triggers=False` (the
  ablation of `assistant eval`) switches them off.
- `retrieval`: how high BM25 ranks the fact's passages for the question (passages are indexed with
  the words by which their facts are asked, see `index.cards`): 5 - rank for each of the top 5
  whose BM25 score reaches `RETRIEVAL_MIN_BM25`. A passage no fact is about (an annexed form's title line)
  counts for the fact about most of the passages of its section.
- `attribute`: the asked attribute (date, amount, phone, url, count, materials, how) is, or is not,
  something the fact's quotes contain; a date question is not answered by a fact without a date.
- `numbers`: the question repeats a phone number that occurs in the fact's quotes (a date it
  repeats is usually the asker's guess, so it is not evidence).
- `window`: "现在还能报吗" asks whether a window is open: facts with a date window.
- `intent`: how likely the question is of the fact's kind (`assistant.intent_model`, fitted on
  the dev splits): "截止之后还能补交吗" is a process question even though a dated fact also says it.
- A value held by one or two facts only (the website, the amounts) makes them candidates for a
  question asking for it, when the question is likely of their kind, even without shared words.
- `stated`: the asker states a fact of their own that fails one of the notice's rules ("以前的市级项目
  逾期没结题，会影响申报吗"): the facts quoting that rule. A fact that passes every rule is context
  ("我是副教授，55岁，子课题②找哪个处"), not what is asked.
- `why`: a why-question and a fact whose quotes state a purpose ("为避免因集中提交造成网络拥堵").
- `entity_value`: a value of the asked attribute follows a project level the question names in one
  clause of the fact's quote ("重点项目设了几个" and "重点项目 10 项"; "重大项目给多少" and "重大项目支持经费额度
  20 万元"): the fact states that value of that entity. Such facts are candidates even without shared words.
- `heading`: the question names a heading the fact sits under ("对项目负责人有哪些要求" names
  "2. 项目负责人", "整个申报流程" names "二、申报流程").

The weights are named below; `scripts/fit_ranker.py` searches them on the dev splits (dev, dev2)
only and prints their accuracy for each setting: the grid is flat within ±0.3 %, so the values here
are the grid's best. No weight was ever chosen on the test split. A candidate below `MIN_SCORE` is not an answer: the
engine then asks retrieval (BM25 + dense) whether the notice says it at all, and otherwise
answers `out_of_scope`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from assistant.matching import FactMatcher
from corpus import Corpus, Fact, squash
from corpus.dates import read_dates
from corpus.passages import heading_label
from corpus.script import simplified
from index.retriever import Hit

# A passage no fact is about counts for the fact about most of its section's passages (an annexed form's title line)
UNOWNED_TO_SECTION = True
UNOWNED_MIN_SIBLINGS = 2  # ... when that fact is about at least this many of them
W_TRIGGER = 1.0
W_RETRIEVAL = 0.6
W_ATTRIBUTE_MATCH = 2.0
W_ATTRIBUTE_MISMATCH = 5.0
W_NUMBERS = 8.0
W_WINDOW = 3.0
W_DATE_WORDS = 2.0
W_HEADING = 2.0
W_DOMINANT = 3.0  # cross-fitted dev..dev29: 0 -> 5874, 2 -> 5883, 3 -> 5884, 5 -> 5879
# A passage that outscores every passage of other facts by this ratio is what the question is about
# ("项目负责人对职称学历有啥要求": the leader item's sentence holding 职称学历 scores twice the next).
DOMINANT_RATIO = 1.5
DOMINANT_MIN_KIND = 0.05  # ... of a kind the kind-of-question model gives at least this
W_ENTITY_VALUE = 2.0  # cross-fitted dev..dev14: 0 -> 3226, 0.5-3 all 3227
# beside the attribute match: a question of a kind few sentences state (why: a purpose; how things are handed in) is
# answered by a sentence stating it
W_STATES_ASKED = 5.0
# (cross-fitted dev..dev13: 0, 2, 5, 8 all 3063; at 0 the two dev why-questions got the registration steps)
W_STATED = 5.0  # cross-fitted dev..dev13: 0 -> 3045, 1.5 3050, 3 3049, 5 3049 (5: the failed rule leads a tie)
# A count asked of one kind of holder ("一个单位最多报几个", "How many projects can one leader apply for?"): a fact
# whose quotes limit only the other kind is not the answer.
W_HOLDER = 4.0
HOLDERS = {"unit": re.compile(r"单位|高校|院校|院所|大学|学院|研究所|研究院|\b(?:units?|universit(?:y|ies)|institut(?:e|es|ions?)|"
                              r"schools?|colleges?|organi[sz]ations?)\b"),
           "leader": re.compile(r"负责人|申请人|主持人|同一人|一个人|每人|\b(?:leaders?|pis?|applicants?|principal investigators?|"
                                r"researchers?|persons?|people)\b")}
# A step the asker says they have not taken ("以前没在系统里注册过"): a fact said only of those who have ("已在该系统注册过
# 的单位可直接申报") is not the answer for them
_NOT_DONE = re.compile(r"(?:没有?|未|从没|从未|还没有?|尚未)(?:在[^，,。？?]{0,14}?)?([\u4e00-\u9fff]{2})过")
W_NOT_THEIRS = 5.0
W_CONDITION = 2.0  # a fact a rule quotes, when the question states a fact that rule reads
ALSO_INTENT_SHARE = 0.7  # a fact's other kind counts this much of the model's belief in it (cross-fitted dev..dev18: 0 4008, 0.3 4008, 0.5 4009, 0.7 4010, 1 4005)
FIRST_WINDOW_BREAKS_TIES = True
W_INTENT = 9.0  # cross-fitted dev..dev10: 2 -> 0.8835, 4 0.8857, 6 0.8857, 9 0.8874, 14 0.8860, 25 0.8874
RARE_HOLDERS = 3  # an asked value held by at most this many facts makes them candidates ...
RARE_KIND_SURE = 0.5  # ... when the question is at least this likely of their kind (or one fact alone holds it)
# A question that asks an attribute and names nothing else ("What are the dates?", "要交啥"), where no word
# of it found a fact, asks it of every fact holding it, however many facts hold it.
BARE_ATTRIBUTE = True
DATES_AS_READ = True  # a fact quoting a date written "3.1" or "2085/4/21" holds a date
RETRIEVAL_DEPTH = 5
RETRIEVAL_MIN_BM25 = 3.0
RETRIEVAL_MIN_BM25_LATIN = 1.0
_CJK = re.compile(r"[\u4e00-\u9fff]")
CLOSE = 0.6  # a same-kind fact scoring this share of the best is answered too (the ranker can hardly tell them apart)
MIN_SCORE = 2.0  # below this the best fact is no answer (plain words shared by chance; dev, dev2)
# Attributes that a fact either states or does not: asking for one that the fact lacks is a mismatch.
VALUE_ATTRIBUTES = ("date", "duration", "amount", "phone", "url", "count", "document", "age")
# "5月10日前", "2033.4.1", "二〇四二年三月十六日", "5月中旬", "4月中下旬" too
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月|(?<!\d)\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}([.．/／-])\d{1,2}\1\d{1,2}|"
                   r"[〇零一二三四五六七八九]{4}\s*年|(?<!\d)\d{1,2}\s*月\s*(?:上中旬|中下旬|上旬|中旬|下旬|底|初)|"
                   # (a date in Chinese numerals without its year: "三月二十日", "六月上旬")
                   r"(?<![〇零一二三四五六七八九十年])[一二三四五六七八九十]{1,2}\s*月\s*"
                   r"(?:[一二三四五六七八九十]{1,3}\s*日|上中旬|中下旬|上旬|中旬|下旬|底|初)")
# A length of time ("实施周期原则上为一年", "为期6个月"), not a date ("2024年9月").
_DURATION = re.compile(r"周期|为期|(?<![\d年])(?:[一二两三半]年|[\d一二两三四五六七八九十]+个月)")
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*万元")
_PHONE = re.compile(r"\d{7,8}|[-－—]\s*\d{3,4}\s\d{4}(?!\d)")  # ("0371-6717 1234" too)
# A regulation named by its title or its document number ("《…管理办法》", "郑科规〔2023〕3号").
_DOCUMENT = re.compile(r"《[^》]{4,}》|〔\d{4}〕\d+号")
_COUNT = re.compile(r"[\d一二两三四五六七八九十]+\s*(?:项|个)")
_AGE = re.compile(r"\d+\s*周?岁")
# An item of a numbered list ("附件：1. …", "2. …", "（3）…"): a fact listing two or more holds a count of them
# ("通知带了几个附件").
_ITEM = re.compile(r"(?:^|[：:；;。\s])(?:\d{1,2}\s*[.．、](?!\d)|[（(]\d{1,2}[）)]|[①-⑩])")
# The value patterns an entity's value is read with, by asked attribute.
_VALUE_OF = {"count": _COUNT, "amount": _AMOUNT}
ENTITY_VALUE_GAP = 10  # at most this many characters, none of them a clause break, between entity and value
# Someone a who-question may be answered with: a person's role, a unit, an office or a body.
_AGENT = re.compile(r"人|单位|部门|机构|院校|院所|处|局|所|员|代表|主管|专家|团队|课题组")
# A fact stated beside a rule the checker evaluates (in the same passage: "申报单位应具有较为完备的科研管理制度"
# next to the credit rule) is a condition of applying, so an eligibility question is of its kind too.
CONDITIONS_ANSWER_ELIGIBILITY = True
# ... and the other way: a condition of applying a rule of the checker quotes is what a question about the rules asks
# ("重点项目负责人一定要副高吗" is read as a rules question; the leader's title condition is an eligibility fact)
RULE_QUOTED_ANSWERS_RULES = True
# A forwarding office's own fact (corpus/ingest.py: its earlier deadline, its contact, roles "forward_…") answers a
# question naming that office or its own date ("学校内部截止是哪天", "区里要求…"); one naming neither asks the call's
# fact of that kind, which comes before it ("What is the deadline?": the call's window, then the office's own date).
FORWARDER_NAMED = True
FORWARD_ROLE = "forward_"
# Someone held to answer for something ("…作为第一责任人…对经费使用的规范性和合法性负责"), not a 负责人 named.
_RESPONSIBLE = re.compile(r"负责(?!人)|第一责任|责任人|担责|承担[^。，,；;]{0,4}责任")
COUNTED_ITEMS = True  # a fact listing numbered items holds a count
# How applications are taken: online, on paper, by post, in person
_CHANNEL = re.compile(r"网络在线|在线填报|网上(?:申报|填报|提交)|网络申报|纸质|邮寄|寄送|现场|窗口|报送")
CHANNEL_ASKED = True  # a question how things are handed in is answered by a sentence saying how (not the list of them)
WHO_NEEDS_AGENT = True  # a who-question is not answered by a fact naming no one ("谁背锅" and the amounts)
# A purpose the notice states ("为避免因集中提交造成网络拥堵", "为切实减轻…负担"): what a why-question asks.
# (and what a work serves: "为郑州加快建设……提供决策参考或咨询服务")
PURPOSE = re.compile(r"为(?:了|避免|切实|更好地?|确保|防止|减轻)|以免|以便|旨在|为[^，。；;]{2,40}?提供")


def _headings(section: str) -> list[str]:
    """The headings of a section path without their numbering: "通知 > 二、申报流程 > (一) 网络申报"
    -> ["申报流程", "网络申报"] (document names such as 通知 or 附件 are not headings)."""
    out = []
    for part in simplified(section).split(">")[1:]:
        label = heading_label(part)
        if 2 <= len(label) <= 12 and not label.startswith(("附件", "申报指南")):
            out.append(label)
    return out


def text_attributes(text: str) -> set[str]:
    """What kinds of value a piece of the notice holds (a date, an amount, an age limit...), read in simplified
    characters (a notice in traditional ones writes "8萬元", "55周歲")."""
    attrs: set[str] = set()
    text = simplified(text)
    if _DATE.search(text):
        attrs.add("date")
    if _DURATION.search(text):
        attrs.add("duration")
    if _AMOUNT.search(text):
        attrs.add("amount")
    if _PHONE.search(text):
        attrs |= {"phone", "office"}
    if "http" in text:
        attrs.add("url")
    if _COUNT.search(text):
        attrs.add("count")
    if _DOCUMENT.search(text):
        attrs.add("document")
    if _AGE.search(text):
        attrs.add("age")
    if PURPOSE.search(text):
        attrs.add("why")
    if _AGENT.search(text):
        attrs.add("who")
    if _RESPONSIBLE.search(text):
        attrs.add("responsible")
    if _CHANNEL.search(text):
        attrs.add("channel")
    return attrs


def fact_attributes(fact: Fact) -> frozenset[str]:
    """What kinds of value a fact's quotes hold, read from the quotes themselves."""
    attrs = text_attributes("".join(fact.quotes))
    if DATES_AS_READ and "date" not in attrs and _DATE.search(read_dates(simplified("".join(fact.quotes)))):
        attrs.add("date")  # (a date as a slide or a table writes it, read as ingest reads it: "注册 3.1")
    if COUNTED_ITEMS and sum(len(_ITEM.findall(simplified(q))) for q in fact.quotes) >= 2:
        attrs.add("count")
    if fact.window:
        attrs.add("date")
    if fact.intent == "materials":
        attrs.add("materials")
    if fact.intent == "process":
        attrs.add("how")
    return frozenset(attrs)


@dataclass
class Candidate:
    fact: Fact
    score: float = 0.0
    longest: int = 0  # longest trigger matched (characters)
    features: dict[str, float] = field(default_factory=dict)

    def describe(self) -> str:
        parts = ", ".join(f"{k}={v:g}" for k, v in self.features.items() if v)
        return f"{self.fact.id} {self.score:.2f} ({parts})"


class FactRanker:
    def __init__(self, corpus: Corpus, use_triggers: bool = True) -> None:
        self.facts = corpus.facts
        self._by_id = {f.id: f for f in corpus.facts}
        self._facts_of: dict[str, list[Fact]] = {}  # passage id -> the facts it is about
        for f in corpus.facts:
            for pid in f.about_ids:
                self._facts_of.setdefault(pid, []).append(f)
        # A passage no fact is about (an annexed form's title line, "…信用承诺书（参考模板）") is about the fact that is
        # about most of the passages of its own section, when one is (the form's): a question naming the title asks it.
        self._heirs: dict[str, list[Fact]] = {}
        if UNOWNED_TO_SECTION:
            siblings: dict[str, list[str]] = {}
            for p in corpus.passages:
                siblings.setdefault(p.section, []).append(p.id)
            for p in corpus.passages:
                if p.id in self._facts_of:
                    continue
                owners = Counter(f.id for pid in siblings[p.section] for f in self._facts_of.get(pid, ()))
                top = owners.most_common(2)
                if top and (len(top) == 1 or top[0][1] > top[1][1]) and top[0][1] >= UNOWNED_MIN_SIBLINGS:
                    self._heirs[p.id] = [self._by_id[top[0][0]]]
        self.matcher = FactMatcher(corpus.facts if use_triggers else [])
        self.attributes = {f.id: fact_attributes(f) for f in corpus.facts}
        self._holders: dict[str, list[Fact]] = {}  # attribute -> the facts holding a value of it
        for f in corpus.facts:
            for a in self.attributes[f.id]:
                self._holders.setdefault(a, []).append(f)
        self._quote_text = {f.id: "".join(f.quotes) for f in corpus.facts}
        # The call's own window (the dated fact that opens first): of facts scored alike, it answers a bare
        # "What is the deadline?" before the completion date or a later step's.
        self.main_window = corpus.main_window()
        # Each rule -> the facts quoting its words.
        self._rule_facts = {rule.id: [f for f in corpus.facts if any(squash(x) in squash(rule.quote)
                                                                     or squash(rule.quote) in squash(x) for x in f.quotes)]
                            for rule in corpus.rules}
        rule_passages = {pid for rule in corpus.rules for f in self._rule_facts[rule.id] for pid in f.about_ids}
        self._conditions = {f.id for f in corpus.facts if set(f.about_ids) & rule_passages}
        # The facts a rule of the checker quotes: conditions of applying, which a question about the rules asks too
        self._rule_quoted = {f.id for facts in self._rule_facts.values() for f in facts}
        # The heading each fact sits under ("2. 项目负责人", "6. 经费使用"), as a question would name it.
        by_pid = {p.id: p for p in corpus.passages}
        self.headings = {f.id: {h for pid in f.about_ids for h in _headings(by_pid[pid].section)}
                         for f in corpus.facts}

    def of_kind(self, fact: Fact, kind: str) -> bool:
        """Whether a fact answers questions of `kind`: its own, another it answers as well, for an
        eligibility question a condition of applying stated beside a rule the checker evaluates, and for a
        question about the rules a condition a rule of the checker quotes ("关于职称是怎么规定的")."""
        return kind in (fact.intent, *fact.also_intents) or CONDITIONS_ANSWER_ELIGIBILITY and (
            kind == "eligibility" and fact.id in self._conditions
            or kind == "rules" and fact.intent == "eligibility" and fact.id in self._rule_quoted)

    def facts_of(self, passage_id: str) -> list[Fact]:
        """The facts a passage is about (not those citing a clause of it: `Fact.about_ids`)."""
        return self._facts_of.get(passage_id, [])

    def rank(self, q: str, hits: list[Hit], attribute: str | None, time_now: bool, asks_when: bool,
             kinds: dict[str, float] | None = None, failing: frozenset[str] = frozenset(),
             entities: tuple[str, ...] = (), bearing: frozenset[str] = frozenset(), bare: bool = False,
             told: str = "") -> list[Candidate]:
        """Every fact with some evidence, best first. `hits`: BM25 passages for q, best first;
        `kinds`: the predicted kind of question (probabilities), when there is a model; `failing`: the
        rules that what the asker states of themselves fails; `entities`: the notice's names of the
        entities the question names ("重点项目"); `told`: the whole question, where `q` is the part that asks
        (what the asker says of themselves is told there: "以前没注册过，现在该怎么弄")."""
        # Chinese queries score higher (words and their character bigrams both count): the bar for an
        # English query is lower in proportion.
        min_bm25 = RETRIEVAL_MIN_BM25 if _CJK.search(q) else RETRIEVAL_MIN_BM25_LATIN
        # A phone number in the question identifies what it belongs to; a date or year does not (it is
        # usually the asker's guess: "截止日是2025年9月30日吗").
        numbers = re.findall(r"(?<!\d)\d{7,8}(?!\d)", q)
        cands: dict[str, Candidate] = {}

        def cand(fact: Fact) -> Candidate:
            return cands.setdefault(fact.id, Candidate(fact))

        for fs in self.matcher.score(q):
            c = cand(fs.fact)
            c.features["trigger"], c.longest = fs.score, fs.longest
        for rank, hit in enumerate(hits[:RETRIEVAL_DEPTH]):
            if hit.score < min_bm25:
                break  # words shared by chance ("怎么办理…") are no evidence
            for fact in self._facts_of.get(hit.passage.id) or self._heirs.get(hit.passage.id, []):
                c = cand(fact)
                c.features["retrieval"] = c.features.get("retrieval", 0.0) + (RETRIEVAL_DEPTH - rank)
        if W_DOMINANT and hits and hits[0].score >= min_bm25 and (owners := self._facts_of.get(hits[0].passage.id, [])):
            mine = {f.id for f in owners}
            second = max((h.score for h in hits[1:] if not mine & {f.id for f in self._facts_of.get(h.passage.id, ())}),
                         default=0.0)
            if hits[0].score >= DOMINANT_RATIO * second:
                for fact in owners:
                    cand(fact).features["dominant"] = 1.0
        for fid, text in self._quote_text.items():
            if any(n in text for n in numbers):
                cand(self._by_id[fid]).features["numbers"] = 1.0
        for fact in self.facts:
            if any(h in q for h in self.headings[fact.id]):
                # "整个申报流程分哪几步" names the section the process facts sit under.
                cand(fact).features["heading"] = 1.0
        for rule_id in failing:
            for fact in self._rule_facts.get(rule_id, ()):
                cand(fact).features["stated"] = 1.0
        for rule_id in bearing - failing if W_CONDITION else ():
            # (a condition the question names, met or not: "Do I need a PhD to lead a major project?")
            for fact in self._rule_facts.get(rule_id, ()):
                cand(fact).features["condition"] = 1.0
        value = _VALUE_OF.get(attribute or "")
        if value is not None and entities:
            for fact in self.facts:
                if self._states_value_of(fact, entities, value):
                    cand(fact).features["entity_value"] = 1.0
        # (a value or what is handed in; a bare "流程" is the procedure's section, answered whole further on)
        if bare and BARE_ATTRIBUTE and (attribute in VALUE_ATTRIBUTES or attribute == "materials") and not cands:
            for fact in self._holders.get(attribute or "", []):  # (only when no word of it found a fact)
                cand(fact)  # (whatever kind the model guesses: the attribute says what is asked)
        if (attribute in VALUE_ATTRIBUTES or attribute in ("why", "responsible")
                or attribute == "channel" and CHANNEL_ASKED) and kinds:
            # "Which website do we use?", "为啥提醒别扎堆最后几天交": a value (or a stated purpose) only one
            # or two facts hold is asked of them, when the question is of their kind, even if the
            # question shares no word with them.
            holders = self._holders.get(attribute, [])
            # The likeliest kind the notice covers ("那每项是1万吗": funding, though "not covered" is close).
            in_scope = max((k for k in kinds if k != "out_of_scope"), key=lambda k: kinds[k], default=None)
            if len(holders) <= RARE_HOLDERS:
                for fact in holders:
                    # (who answers for something is asked of the sentence holding someone to it, of whatever kind)
                    kinds_of = (fact.intent, *fact.also_intents)
                    if (any(kinds.get(k, 0.0) >= RARE_KIND_SURE for k in kinds_of) or in_scope in kinds_of
                            or len(holders) == 1 or attribute == "responsible"
                            or attribute == "channel" and CHANNEL_ASKED):
                        cand(fact)
        if time_now:
            # "系统开了没": whether a window is open now is asked of the facts that have one.
            for fact in self.facts:
                if fact.window:
                    cand(fact)
            attribute = attribute or "date"
        asked_holders = {name for name, pattern in HOLDERS.items() if pattern.search(q)}
        steps = [m.group(1) for m in _NOT_DONE.finditer(told or q)] if W_NOT_THEIRS else []
        # (only a step the notice sets those who took it apart by: "已在该系统注册过的单位…"; "还没推荐过项目" or
        # "没获得过市财政资金" is a fact of the asker's, which the rules read)
        taken = {step: re.compile(r"已[^，,。；;]{0,14}?" + re.escape(step) + "过") for step in steps}
        taken = {step: p for step, p in taken.items() if any(p.search(x) for f in self.facts for x in f.quotes)}
        steps, undone = list(taken), list(taken.values())
        for fact in self.facts if steps else ():
            # (what says how the step is taken is theirs: "通过…系统进行注册，经市科技局审核通过后方可进行申报")
            if any(step in x and not any(p.search(x) for p in undone) for step in steps for x in fact.quotes):
                cand(fact).features["step_untaken"] = 1.0
        for c in cands.values():
            attrs = self.attributes[c.fact.id]
            if W_HOLDER and attribute == "count" and len(asked_holders) == 1:
                limited = {name for name, pattern in HOLDERS.items() if any(pattern.search(x) for x in c.fact.quotes)}
                if limited and not limited & asked_holders:
                    c.features["holder"] = -1.0
            if attribute in attrs:
                c.features["attribute"] = 1.0
                if attribute == "why" or attribute == "channel" and CHANNEL_ASKED:
                    c.features["states_asked"] = 1.0
            elif (attribute in VALUE_ATTRIBUTES or attribute in ("who", "responsible") and WHO_NEEDS_AGENT
                  or attribute == "channel" and CHANNEL_ASKED):
                c.features["attribute"] = -1.0
            if c.fact.window and time_now:
                c.features["window"] = 1.0
            if undone and any(p.search(x) for p in undone for x in c.fact.quotes):
                c.features["not_theirs"] = -1.0
            if "date" in attrs and asks_when:
                c.features["date_words"] = 1.0
            if kinds:
                # (of its main kind, or of another it answers as well)
                kind = max([kinds.get(c.fact.intent, 0.0)]
                           + [ALSO_INTENT_SHARE * kinds.get(k, 0.0) for k in c.fact.also_intents])
                if CONDITIONS_ANSWER_ELIGIBILITY and c.fact.id in self._conditions:
                    kind = max(kind, kinds.get("eligibility", 0.0))
                if RULE_QUOTED_ANSWERS_RULES and c.fact.intent == "eligibility" and c.fact.id in self._rule_quoted:
                    kind = max(kind, kinds.get("rules", 0.0))
                c.features["intent"] = round(kind, 2)
            f = c.features
            c.score = (W_TRIGGER * f.get("trigger", 0.0) + W_RETRIEVAL * f.get("retrieval", 0.0)
                       + (W_ATTRIBUTE_MATCH if f.get("attribute", 0) > 0 else -W_ATTRIBUTE_MISMATCH
                          if f.get("attribute", 0) < 0 else 0.0)
                       + W_NUMBERS * f.get("numbers", 0.0) + W_WINDOW * f.get("window", 0.0)
                       + W_DATE_WORDS * f.get("date_words", 0.0) + W_HEADING * f.get("heading", 0.0)
                       + W_STATED * f.get("stated", 0.0) + W_STATES_ASKED * f.get("states_asked", 0.0)
                       + W_CONDITION * f.get("condition", 0.0) + W_HOLDER * f.get("holder", 0.0)
                       + W_NOT_THEIRS * (f.get("not_theirs", 0.0) + f.get("step_untaken", 0.0))
                       + W_ENTITY_VALUE * f.get("entity_value", 0.0)
                       # (not for a fact of a kind the model rules out: "网上填好以后，是我自己提交还是单位统一提交"
                       # shares most words with the dated submission sentence, and asks who submits)
                       + W_DOMINANT * f.get("dominant", 0.0) * (not kinds or f.get("intent", 0.0) >= DOMINANT_MIN_KIND)
                       + W_INTENT * f.get("intent", 0.0))
        if FORWARDER_NAMED:
            for c in cands.values():
                if (c.fact.role or "").startswith(FORWARD_ROLE) and not c.features.get("trigger"):
                    call = max((o.score for o in cands.values() if o.fact.intent == c.fact.intent
                                and not (o.fact.role or "").startswith(FORWARD_ROLE)), default=0.0)
                    if call >= MIN_SCORE and c.score >= call:
                        c.score = call - 0.01  # (still beside it, the best of its kind after the call's)
        return sorted(cands.values(), key=lambda c: (-c.score, FIRST_WINDOW_BREAKS_TIES and c.fact is not self.main_window))

    def _states_value_of(self, fact: Fact, entities: tuple[str, ...], value: re.Pattern[str]) -> bool:
        """Whether one of the fact's quotes gives a value (`value`) right after naming an entity, in one
        clause: "重点项目 10 项" states a count of 重点项目, "含 7 个子课题，子课题为重点项目" does not."""
        for quote in map(simplified, fact.quotes):
            for name in entities:
                for m in re.finditer(re.escape(name), quote):
                    after = re.split(r"[，。；：,;（(]", quote[m.end(): m.end() + ENTITY_VALUE_GAP + 8], maxsplit=1)[0]
                    v = value.search(after)
                    if v and v.start() <= ENTITY_VALUE_GAP:
                        return True
        return False


def select(ranked: list[Candidate], listing: bool = False) -> list[Fact]:
    """The best fact, plus the best of each other intent that scores at least half as much; a list
    question ("有哪些咨询电话") keeps every fact of the best one's intent that does."""
    if not ranked or ranked[0].score < MIN_SCORE:
        return []
    best = ranked[0].score
    chosen: list[Fact] = []
    intents: set[str] = set()
    for c in ranked:
        # A second fact of the same kind only when the ranker can hardly tell it from the best one.
        close = c.score >= CLOSE * best
        repeat = c.fact.intent in intents and not close and not (listing and c.fact.intent == ranked[0].fact.intent)
        if repeat or c.score * 2 < best or c.score < MIN_SCORE:
            continue
        chosen.append(c.fact)
        intents.add(c.fact.intent)
    return chosen[: 5 if listing else 3]
