"""Finds which topics of the guide a question talks about: by number ("子课题⑤", "重点项目3",
"second major project") or by the words applicants use for them ("人工智能那个课题")."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from difflib import SequenceMatcher

import numpy as np

from assistant.extract import ORDINALS_EN, STUDY_VERBS_EN, cn_number, profile_words
from corpus import Topic, english_glossary, glossary_pattern
from corpus.passages import LEVEL_ALTERNATION, LEVEL_NAMES, TOPIC_CODE
from index.tokenize import canonical, word_boundaries, words

# "重点项目一共…" is not "重点项目1": a numeral followed by these characters is another word.
# A whole number ("重点项目10项" is not project 1), then not a word that makes it a count or a kind.
# (a number before a unit is a value, not a topic's: "重大项目20万我知道" names an amount; before a measure word it
# counts: "重大项目一个资助多少钱" asks of each major project, not of major project 1)
_N = r"(\d{1,2}(?!\d)|十[一二三四五六七八九]?|[一二三四五六七八九])(?![共起样般下些项级万元岁%年月日个名份次位])"
# After 第 a number is an ordinal, "项" included ("重大课题第2项"): not a count ("重点项目2项").
_N_ORDINAL = r"(\d{1,2}(?!\d)|十[一二三四五六七八九]?|[一二三四五六七八九])(?![共起样般下些级])"
# A Latin word of two to four letters written against Chinese ("AI那个题", "关于AI的课题"): a name, not a word of an
# English sentence
_LATIN_BESIDE_CJK = re.compile(r"(?<=[\u4e00-\u9fff])[a-z]{2,4}(?![a-z])|(?<![a-z])[a-z]{2,4}(?=[\u4e00-\u9fff])")
# An English question about one topic says so; its description then names it.
_ENGLISH_TOPIC_WORD = re.compile(r"\b(?:sub-?\s?topics?|sub-?\s?projects?|topics?|projects?|study|studies|research)\b")
# ... and one word of a topic's title is enough only when the question speaks of a topic or a study.
_ENGLISH_TOPIC_NAMED = re.compile(r"\b(?:sub-?\s?topics?|sub-?\s?projects?|topics?|study|studies)\b")
# ... and a Chinese one speaks of a topic by these words ("知识产权质押融资的课题找哪个处室")
_CHINESE_TOPIC_WORD = re.compile(r"课题|题目|选题|方向|那个研究|这个研究|项目")
# An English description of a topic whose title exists in Chinese only (an ingested notice): "the
# intellectual property financing topic". The phrase before the topic word (or after "about") is
# embedded with the multilingual model and compared with the titles; the best must lead the next by
# this much cosine similarity (on notice_2031's nine descriptions: 4 right, none wrong, the rest none).
# ("project" is left out: "the project leader", "the project's funding" describe no topic.)
# (an ordinal is a word of it: "the 15th five-year plan study")
_DESCRIBED_EN = re.compile(r"\b(?:the|a|for|on|about|of)\s+((?:(?:[a-z&'-]+|\d{1,2}(?:st|nd|rd|th))\s+){1,7}?)(?:sub-?\s?topics?|topics?|study|studies)\b"
                           r"|\b(?:topics?|study)\s+(?:is\s+|that\s+is\s+)?(?:about|on)\s+((?:(?:[a-z&'-]+|\d{1,2}(?:st|nd|rd|th))\s*){2,8})")
# A phrase runs from its last preposition on ("the age limit for the topic" describes no topic).
_PREPOSITION = re.compile(r"^.*\b(?:for|of|to|in|with|from|by|at|under|about|on)\b\s*")
_NOT_DESCRIPTIVE = {"the", "a", "which", "what", "this", "that", "each", "every", "all", "any", "major", "key",
                    "general", "soft", "science", "zhengzhou", "other", "its", "one", "these", "those", "your", "our"}
EMBED_MARGIN = 0.015
# A Chinese description no title word matches ("老年人智能养老" for "智慧康养…老龄社会"): the embedder's closest
# title, as close as a paraphrase is and clearly closer than the next
EMBED_ZH_MIN, EMBED_ZH_MARGIN = 0.9, 0.03
TITLE_SPAN = 8  # characters of one title the question holds, to name that topic by them
TITLE_SPAN_MARGIN = 2  # ... clearly more than any other title shares
# ... or this many, written in no other title and nowhere in the notice outside its topics ("概念验证平台是哪个处的")
TITLE_SPAN_OWN = 6
GLOSSED_DESCRIPTION = True  # an English description of a topic of a notice without English is searched in its Chinese
# The words right before the word for a topic ("科创金融子课题里…", "金融方面的题目") name it before the rest of the
# question does; there one word no other title has is enough to name it.
NAME_BEFORE_TOPIC_WORD = True
# (no question word in the name: "社会发展处负责哪几个选题" names an office, asking its topics)
_NAMED_BEFORE = re.compile(r"((?:(?!哪|什么|几|啥|谁|多少)[\u4e00-\u9fff]){2,10}?)(?:那个|这个|那一?个|这一?个|的|方面的?|相关的?|有关的?)?"
                           r"(?:子课题|课题|题目|选题)")
ONE_OWN_WORD_NAMES = True
GLOSSED_EN = True  # an English question names a topic of Chinese-only titles by the vocabulary's topic_en
# ... and so do the words before "那个" closing a question, or before a bare 题 ("那科技立法那个呢？", "孵化器那题")
NAMED_BY_THAT = True
FIELD_NAMES = True  # the asker's field of research names a topic as the words before a topic word do
# The general text uses a word, for one word to name a topic, where its own segmentation has it whole: "独立法人" uses
# 法人, not 立法 (which the search-mode cut also gives), so 立法 alone still names the one title that has it (which words
# are rare among the titles is still counted on the search-mode words)
WORDS_AS_USED = True
_NAMED_THAT = re.compile(r"(?:^|[，,。；;?？]|那)((?:(?!哪|什么|几|啥|谁|多少|那)[\u4e00-\u9fff]){2,10}?)"
                         r"(?:那个(?=呢|吗|[?？]|$)|那一?项(?=呢|吗|[?？]|$)|[那这]题)")
# ... and the field the asker works in, "做人工智能研究的（找哪个处）": the words of the field name a topic so too
_FIELD_WORKED = re.compile(r"(?:做|搞|从事)((?:(?!哪|什么|几|啥|谁|多少)[\u4e00-\u9fff]){2,12}?)(?:方面|领域|方向)?(?:研究|课题)的")
_NAME_LEAD = re.compile(r"^(?:有没有|有无|是否有|关于|跟|和|与|搞|做|研究)+")  # words before a name that are no part of it
# ... and a Chinese description of one topic: "养老产业、老年人相关的选题", "黄河生态保护方面的那个课题"
_DESCRIBED_ZH = re.compile(r"[\u4e00-\u9fff]{2,}(?:相关|方面|有关)的?(?:那个|这个)?(?:子?课题|选题|题目|方向)|"
                           r"[\u4e00-\u9fff]{2,}的?那个(?:子?课题|选题|题目|题|方向|研究|(?:" + LEVEL_ALTERNATION + r")?项目)|"
                           r"[\u4e00-\u9fff]{3,}?子课题|"  # "科创金融子课题的电话"
                           # what it is about ("有没有关于乡村数字治理的课题"): the words between 关于 and 的
                           r"(?<=关于)[\u4e00-\u9fff]{2,}?(?=的(?:子?课题|选题|题目|方向))|"
                           # a title in the asker's words, closed by 研究 ("高校跟地方合建研究院的管理模式研究，找谁")
                           r"[\u4e00-\u9fff]{4,}研究(?=\s*[，,。？?])|"
                           # ... or what the topic studies ("研究科技企业之间技术创新互相带动、扎堆效应的，归哪个处")
                           # (asked whether there is one: "有没有研究城市内涝治理的选题")
                           r"(?:^|(?<=[，,。？?\s])|(?<=有没有|是否有)|(?<=有无))研究[\u4e00-\u9fff、]{4,}?的"
                           r"(?=\s*[，,]|(?:那个|这个)?(?:子?课题|题目|选题|方向|项目))|"
                           # ... or what the asker means to study, then asked for the topic it answers to ("我想研究
                           # 乡村养老的服务模式，有对应的选题吗"): the words after 研究
                           r"(?<=研究)[\u4e00-\u9fff、]{4,}?(?=\s*[，,]\s*(?:有没有|有)(?:对应|相应|相关|合适|对口)的?(?:子?课题|选题|题目|方向))")
# Whether there is a topic of some field ("有没有关于乡村振兴的课题", "Is there a topic on incubators?"): a field asked
# of by name, so the topic is one the field's words find, not one the dense vectors lean to. The field is the group.
_EXISTS_ZH = (r"(?:有没有|是否有|有无)(?!适合|对口|合适|匹配|沾边|相近|贴近)(?:关于|跟|和|与|涉及)?([\u4e00-\u9fff、]{2,14}?)"
              r"(?:方面|方向|领域|相关|有关)?的?(?:题目|课题|选题)")
_EXISTS_EN = r"\b(?:is|are) there (?:a |an |any )?(?:sub-?\s?topics?|topics?) (?:on|about|related to|covering|in)\b"
TOPIC_EXISTS = re.compile(f"{_EXISTS_ZH}|{_EXISTS_EN}")
# A question asking for a topic that suits the asker's field ("我是做法学的，有没有适合的题目", "搞金融的，有对口的课题
# 吗"): the field is what the asker says they work on, or what the topic should fit.
FIT_ASKED = re.compile(r"(?:适合|对口|合适|匹配|沾边|相关|相近|贴近)[^，,。？?]{0,8}?(?:题目|课题|选题|方向|题)|"
                       # ("哪个选题比较对口")
                       r"(?:题目|课题|选题|方向)[^，,。？?]{0,4}?(?:适合|对口|合适|匹配|沾边|相近|贴近)|"
                       # whether there is a topic of a field ("有没有关于乡村振兴的课题", "有无生物医药方面的题目")
                       + _EXISTS_ZH)
FIT_ASKED_EN = re.compile(r"\b(?:matching|suitable|relevant|fitting|right|corresponding|appropriate|related)\s+"
                          r"(?:sub-?\s?topics?|topics?|projects?|calls?)\b|"
                          r"\b(?:sub-?\s?topics?|topics?|projects?)\s+(?:that\s+|which\s+)?(?:fits?|matches|suits?)\b|"
                          r"\b(?:fits?|matches|suits?)\s+(?:my|our)\s+(?:research|field|work|area|expertise)\b|" + _EXISTS_EN)
# What the asker works on, in English, to the end of its sentence ("I study how firms copy and learn from their peers").
# (the words extract.py leaves out of the asker's unit, and "work on": the field, not a unit, is sought here)
_FIELD_EN = re.compile(rf"\b(?:i|we)(?: mainly| mostly| currently)?\s+(?:{STUDY_VERBS_EN}|work on|am working on|are working on)"
                       r"\s+([^.?!;]+)|"
                       # ("Is there a topic on rural revitalisation?": the field asked of)
                       + _EXISTS_EN + r"\s+([^.?!;]+)")
_FIELD = (
    # "我是做法学的", "我们团队长期做科技金融和风险投资方面的研究", "本人从事乡村治理研究"
    re.compile(r"(?:我|我们|团队|本人|课题组)[^，,。？?]{0,6}?(?:做|学|搞|研究|从事|专攻|主攻)"
               r"([\u4e00-\u9fff、和与]{2,14}?)(?:方面|方向|领域|专业)?(?:的|研究|出身|工作)"),
    # "研究方向是科技法", "专业是金融"
    re.compile(r"(?:研究方向|专业|领域|方向)(?:是|为)([\u4e00-\u9fff、和与]{2,12})"),
    # "适合法学方向的题目", "想做科技型企业融资方面的研究"
    re.compile(r"(?:适合|对口|跟|和|与|想做)([\u4e00-\u9fff、和与]{2,12}?)(?:方面|方向|专业|领域|相关|有关|沾边)"),
    # "有没有关于乡村振兴的课题", "有无生物医药方面的题目"
    re.compile(_EXISTS_ZH),
)
# ... else what the asker says they work on, to the end of that clause ("我研究科技型中小企业融资、风投和银行产品，",
# "我在某学院做区域创新评价，")
_FIELD_CLAUSE = re.compile(r"(?:^|[，,。；;\s])(?:我|我们|团队|本人|课题组)[^，,。？?]{0,12}?(?:做|搞|研究|从事|专攻|主攻)"
                           r"([\u4e00-\u9fff、和与]{3,24})(?=[，,。；;？?]|$)")
# The asker's wish before a description: "想做…方面的课题", "我们打算报…相关的选题"
_WISHED = re.compile(r"^(?:我|我们|本人|团队)?(?:想|打算|准备|计划|希望)(?:要)?(?:做|报|申报|申请|研究|搞|选)(?:一个|个)?")
# Words that ask rather than describe ("哪个子课题", "每个子课题")
_NOT_DESCRIBING = re.compile(r"哪|什么|啥|几|各|每|所有|全部|其他|其它|这个|那个|一共|本次|今年|想|了解|问|咨询|知道")
_DESCRIPTION_TAIL = re.compile(r"(?:(?:相关|方面|有关)的?(?:那个|这个)?|的?那个)?"
                               r"(?:子?课题|选题|题目|题|方向|研究|(?:" + LEVEL_ALTERNATION + r")?项目)$")
_FUNCTION_WORDS = {"of", "and", "in", "for", "the", "to", "with", "on", "a", "an", "its", "s"}
GENERAL_EN_USES = 2  # a word this many general facts use in English names no topic on its own
GENERAL_ZH_USES = 2  # a word this many passages outside the topics use names no topic on its own
EN_MARGIN = 0.5  # the best topic's shared words must outweigh the next one's by this much (idf units)
_EN_N = r"(\d{1,2}|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"


def _english_description(q: str) -> str:
    """The words an English question describes a topic with ("the silver economy topic" -> "silver
    economy"), from the last preposition on; "" when it describes none."""
    # (each phrase that describes something: in "the contact for the topic on smart elderly care" the topic
    # is on smart elderly care, not "the")
    found = [m for i in range(len(q)) if (m := _DESCRIBED_EN.match(q, i)) and (i == 0 or not q[i - 1].isalnum())]
    for m in sorted(found, key=lambda m: m.group(2) is None):
        described = _PREPOSITION.sub("", m.group(1)) if m.group(1) else m.group(2)
        if said := " ".join(w for w in described.split() if w not in _NOT_DESCRIPTIVE):
            return said
    return ""


def _num(token: str) -> int | None:
    return ORDINALS_EN.get(token) or cn_number(token)


class TopicResolver:
    def __init__(self, topics: list[Topic], general_en: list[str] | tuple[str, ...] = (),
                 general_zh: list[str] | tuple[str, ...] = (),
                 embed: tuple[Callable[[str], np.ndarray], Callable[[list[str]], np.ndarray]] | None = None) -> None:
        """`general_en`: the English of the notice's general facts; a word two of them use ("science",
        "research") names no topic on its own ("talent", said once of the guide's aims, still does).
        `general_zh`: the notice's passages outside the topics, the same for Chinese words. `embed`: the
        multilingual embedder's query and passage functions, for English descriptions of topics whose
        titles have no English (ingested notices); titles are embedded on first use."""
        self.topics = topics
        self._canonical_titles = [canonical(t.title) for t in topics]
        self.by_id = {t.id: t for t in topics}
        # Sub-topics called by the notice's own "1-2" or letter ("子课题B", "sub-topic b"), matched first.
        self._dashed = [(re.compile(r"(?<![\d.])" + m.group(1) + r"\s*[-—－–]\s*" + m.group(2) + r"(?![\d.])"), t.id)
                        for t in topics if (m := re.search(r"(\d{1,2})-(\d{1,2})$", t.label))]
        self._dashed += [(re.compile(r"(?:子(?:课题|选题)|sub-?topic)\s*" + m.group(1).lower() + r"(?![a-z])"), t.id)
                         for t in topics if (m := re.search(r"子课题([A-Z])$", t.label))]
        # A topic called by its table's code ("R07", "r-7")
        self._dashed += [(re.compile(r"(?<![a-z0-9])" + m.group(1).lower() + r"\s*[-－]?\s*0*" + str(int(m.group(2))) + r"(?!\d)",
                                     re.IGNORECASE), t.id)
                         for t in topics if (m := TOPIC_CODE.fullmatch(t.label))]
        # "子课题3": the sub-topics are numbered within their parent; the first parent's numbering wins.
        self._subs: dict[int, str] = {}
        for t in topics:
            if t.parent and (m := re.search(r"-sub-(\d+)$", t.id)):
                self._subs.setdefault(int(m.group(1)), t.id)
        # (compiled pattern, topic id), longest alias first so "科技人才评价" beats "人才评价".
        aliases: list[tuple[str, str]] = []
        general = [canonical(text) for text in general_zh]
        self._general_zh = general
        for t in topics:
            for alias in {*t.aliases, canonical(t.title)}:
                alias = canonical(alias)
                if alias != canonical(t.title) and not alias.isascii() and sum(
                        alias in text for text in general) >= GENERAL_ZH_USES:
                    continue  # words the notice says of everyone ("新型研发机构") name no topic
                aliases.append((alias, t.id))
        # A Latin acronym in a Chinese question ("AI那个题") is the initials of words of one English title
        # ("…of artificial intelligence…"), function words left out.
        self._acronyms: dict[str, set[str]] = {}
        for t in topics:
            if t.title_en and t.title_en != t.title:
                initials = "".join(w[0] for w in re.findall(r"[a-z]+", t.title_en.lower()) if w not in _FUNCTION_WORDS)
                for n in range(2, 5):
                    for i in range(len(initials) - n + 1):
                        self._acronyms.setdefault(initials[i: i + n], set()).add(t.id)
        aliases.sort(key=lambda a: -len(a[0]))
        self._aliases = [
            (re.compile(r"\b" + re.escape(a) + r"\b" if a.isascii() else re.escape(a)), a, tid) for a, tid in aliases
        ]
        # The English words of each topic's title and English aliases, by how few topics share them.
        self._en_words = {t.id: {w for w in words(" ".join([t.title_en, *(a for a in t.aliases if a.isascii())]))
                                 if w.isascii() and len(w) >= 3} for t in topics}
        df: dict[str, int] = {}
        for ws in self._en_words.values():
            for w in ws:
                df[w] = df.get(w, 0) + 1
        self._en_df = df
        uses: dict[str, int] = {}
        for text in general_en:
            for w in set(words(text)):
                uses[w] = uses.get(w, 0) + 1
        self._general_en = {w for w, n in uses.items() if n >= GENERAL_EN_USES}
        self._en_idf = {w: math.log((len(topics) + 1) / n) for w, n in df.items()}
        self._embed = embed if topics and not any(t.title_en.isascii() for t in topics) else None
        self._title_vectors: np.ndarray | None = None
        # (titles with no English: the vocabulary's English of the words such titles are made of)
        # (each Chinese word -> one pattern of its English, compiled once)
        self._glossary = ({zh: glossary_pattern(ens) for zh, ens in english_glossary("topic_en").items()}
                          if GLOSSED_EN and topics and not any(t.title_en.isascii() for t in topics) else {})
        # The same for the Chinese words of each title ("知识产权", "质押", "融资").
        self._zh_words = {t.id: {w for w in words(canonical(t.title)) if not w.isascii() and len(w) >= 2} for t in topics}
        zh_df: dict[str, int] = {}
        for ws in self._zh_words.values():
            for w in ws:
                zh_df[w] = zh_df.get(w, 0) + 1
        uses = {}
        whole: dict[str, int] = {}
        for text in general:
            for w in set(words(text)):
                uses[w] = uses.get(w, 0) + 1
            for w in _used_words(text) if WORDS_AS_USED else set(words(text)):
                whole[w] = whole.get(w, 0) + 1
        self._zh_rare = {w for w, n in zh_df.items() if uses.get(w, 0) < GENERAL_ZH_USES and n * 3 <= len(topics)}
        self._zh_idf = {w: math.log((len(topics) + 1) / n) for w, n in zh_df.items()}
        self._zh_df, self._zh_uses = zh_df, whole
        self._unit_words = set(profile_words())  # ("研究院", "高校": the asker's kind of unit, named in a title too)
        # "子课题3", "第3个子课题", "重点项目里的第3个", "key project 3", "the third key project" (not "10 key
        # projects", a count: the number before the noun in the plural).
        within = r"\s*(?:里面|里|中|当中|的|之中)*\s*第\s*" + _N_ORDINAL + r"\s*[个项]?"
        self._numbered: list[tuple[re.Pattern[str], str]] = [
            (re.compile(r"子课题\s*[(（]?\s*" + _N + r"|第\s*" + _N_ORDINAL + r"\s*个?\s*子课题|子课题" + within
                        + r"|sub-?\s?topic\s*(?:no\.?\s*)?" + _EN_N + r"|" + _EN_N + r"\s*sub-?\s?topic(?!s)"), "sub-{}"),
            # (and the tags "（重大2）" a notice may give its topics: "重大2")
            (re.compile(r"重大(?:项目|课题)\s*" + _N + r"(?!\s*项)|重大\s*(\d{1,2})(?![\d项个万年月日号%.])|第\s*" + _N_ORDINAL + r"\s*个?\s*重大(?:项目|课题)|重大(?:项目|课题)" + within
                        + r"|major\s*project\s*" + _EN_N + r"|" + _EN_N + r"\s*major\s*project(?!s)"), "major-{}"),
            (re.compile(r"(?:其他领域)?重点(?:项目|课题)\s*" + _N + r"(?!\s*项)|重点\s*(\d{1,2})(?![\d项个万年月日号%.])|第\s*" + _N_ORDINAL + r"\s*个?\s*(?:其他领域)?重点(?:项目|课题)"
                        + r"|(?:其他领域)?重点(?:项目|课题)" + within
                        + r"|key\s*project\s*" + _EN_N + r"|" + _EN_N + r"\s*key\s*project(?!s)"), "key-{}"),
            (re.compile(r"一般(?:项目|课题)\s*" + _N + r"(?!\s*项)|一般\s*(\d{1,2})(?![\d项个万年月日号%.])|第\s*" + _N_ORDINAL + r"\s*个?\s*一般(?:项目|课题)|一般(?:项目|课题)" + within
                        + r"|general\s*project\s*" + _EN_N + r"|" + _EN_N + r"\s*general\s*project(?!s)"), "general-{}"),
        ]

        # "社会民生类第2个选题": a topic's place in the field group the notice lists it under
        self._groups = {(canonical(t.group), t.group_number): t.id for t in topics if t.group and t.group_number}
        # "第一批的重大项目选题": the topics of one level in one group (each, when there are several)
        for t in topics:
            if t.group and t.group_number and not t.parent and (lv_word := LEVEL_NAMES.get(t.level, "")[:2]):
                self._dashed.append((re.compile(re.escape(canonical(t.group)) + r"\s*(?:里面|里|中|当中|的|之中)*\s*"
                                                + lv_word + r"(?:项目|课题|类)(?!\s*\d|\s*第)"), t.id))
        for group in sorted({g for g, _ in self._groups}, key=len, reverse=True):
            self._numbered.append((re.compile(re.escape(group) + within), f"group:{group}:{{}}"))
            if batch := re.fullmatch(r"第(\d{1,2}|[一二三四五六七八九十]{1,2})(批|组|轮)次?", group):
                # "topic 2 of the second batch", "batch 2 topic 2": a batch's topic asked in English
                k = cn_number(batch.group(1))
                batch_word = {"批": "batch", "组": "group", "轮": "round"}[batch.group(2)]
                ordinal = next((w for w, n in ORDINALS_EN.items() if n == k), str(k))
                batch_named = (rf"(?:(?:{ordinal}|{k}(?:st|nd|rd|th))\s*{batch_word}|{batch_word}\s*(?:no\.?\s*|number\s*|#\s*)?"
                         rf"(?:{k}|{ordinal})\b)")
                self._numbered.append((re.compile(
                    r"\b(?:topic|project|item)\s*(?:no\.?\s*|number\s*|#\s*)?" + _EN_N + r"\s*(?:of|in|from|under)\s*(?:the\s*)?"
                    + batch_named + r"|\b(?:the\s*)?" + _EN_N + r"\s*(?:topic|project|item)\s*(?:of|in|from|under)\s*(?:the\s*)?"
                    + batch_named + r"|" + batch_named + r"(?:'s)?\s*(?:topic|project|item)\s*(?:no\.?\s*|number\s*|#\s*)?" + _EN_N),
                    f"group:{group}:{{}}"))
        # "第3个课题", "课题3", "topic 3": the notice's running number, when its topics have one (a table's 序号).
        self._serials = {t.serial: t.id for t in topics if t.serial is not None}
        # ... and the word of the notice's own labels for them ("指南方向3", "方向3"): a serial too
        named = {m.group(1) for t in topics if t.serial is not None
                 and (m := re.fullmatch(r"([\u4e00-\u9fff]{2,6}?)(?:\d{1,2}|[一二三四五六七八九十]+)", t.label))}
        for word in sorted(named):
            self._numbered.append((re.compile(
                r"(?:" + re.escape(word) + r"|" + re.escape(word[-2:]) + r")\s*(?:第|序号)?\s*" + _N + r"(?!\s*项)|"
                r"第\s*" + _N_ORDINAL + r"\s*(?:个|项|号)?\s*(?:" + re.escape(word) + r"|" + re.escape(word[-2:]) + r")"),
                "serial-{}"))
        if self._serials:
            self._numbered.append((re.compile(
                # ("第（7）个题目", "topic number 10": the number bracketed or called a number; "9号课题" by its number;
                # "第12题", "第3道题": a topic called a 题 alone)
                r"第\s*[(（]?\s*" + _N_ORDINAL + r"\s*[)）]?\s*(?:个|项|号|道)?\s*(?<![子点大般])(?:课题|选题|题目|题)|(?<![子点大般])(?:课题|选题)\s*(?:序号)?\s*" + _N
                + r"(?!\s*项)|序号\s*(?:为|是)?\s*" + _N + r"|(?<![\d.])" + _N + r"\s*号\s*(?:课题|选题|题目)|(?<!sub-)(?<!sub)\b(?:topic|direction)\s*(?:no\.?\s*|number\s*|#\s*)?" + _EN_N
                + r"|\b" + _EN_N + r"\s*(?:topic|direction)"), "serial-{}"))

    def unknown_numbers(self, q: str) -> list[str]:
        """Numbered references to topics the notice does not have ("子课题9" when it has seven)."""
        out = []
        for pattern, template in self._numbered:
            for m in pattern.finditer(q):
                n = _num(next(g for g in m.groups() if g))
                tid = self._numbered_id(template, n)
                if n and tid not in self.by_id:
                    out.append(m.group())
        return out

    def _numbered_id(self, template: str, n: int | None) -> str:
        if n is None:
            return ""
        if template == "sub-{}":
            return self._subs.get(n, "")
        if template == "serial-{}":
            return self._serials.get(n, "")
        if template.startswith("group:"):
            return self._groups.get((template.split(":")[1], n), "")
        return template.format(n)

    def mentions(self, q: str) -> list[tuple[int, int, str]]:
        """Each topic mention in `q` (canonical text): start, end and topic id, in order."""
        found: list[tuple[int, int, str]] = []
        taken: list[tuple[int, int]] = []
        for pattern, tid in self._dashed:
            # a sub-topic the notice numbers "1-2" (its topic's number, then its own), before "子课题1"
            for m in pattern.finditer(q):
                found.append((*m.span(), tid))
                taken.append(m.span())
        for pattern, template in self._numbered:
            for m in pattern.finditer(q):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                token = next(g for g in m.groups() if g)
                n = _num(token)
                tid = self._numbered_id(template, n)
                if n and tid in self.by_id:
                    found.append((*m.span(), tid))
                    taken.append(m.span())
        bounds: set[int] | None = None
        for pattern, alias, tid in self._aliases:
            for m in pattern.finditer(q):
                if any(s <= m.start() < e or s < m.end() <= e for s, e in taken):
                    continue  # inside a longer alias already matched
                if not alias.isascii():
                    bounds = bounds if bounds is not None else word_boundaries(q)
                    if m.start() not in bounds or m.end() not in bounds:
                        continue  # "立法" inside "独立法人" is not the legislation topic
                found.append((*m.span(), tid))
                taken.append(m.span())
        return sorted(found)

    def resolve(self, q: str) -> list[str]:
        """Topic ids in order of mention; `q` is canonical text. An English question that names no
        topic but describes one ("the concept verification platform sub-topic") gets the topic whose
        English title shares the most rare words with it (two, or one no other title has, and clearly
        more than any other topic)."""
        found = list(dict.fromkeys(tid for _, _, tid in self.mentions(q)))
        if found:
            return found
        if not q.isascii():
            return (self._acronym(q) or self._glossed_acronym(q) or self._title_span(q) or self._described_zh(q)
                    or self._paraphrased_zh(q))
        if not _ENGLISH_TOPIC_WORD.search(q):
            return found
        if self._glossary:
            # (titles with no English: a topic named by the Chinese of the question's words, as one named in Chinese)
            return self._glossed_en(q) or self._described_en(q)
        # Words most titles share ("zhengzhou") or the general facts use ("research") name no topic.
        asked = {w for w in words(q) if w not in self._general_en and self._en_df.get(w, 0) * 3 <= len(self.topics)}
        scored = sorted(((sum(self._en_idf[w] for w in asked & ws), len(asked & ws), tid)
                         for tid, ws in self._en_words.items()), reverse=True)
        if not scored or (len(scored) > 1 and scored[0][0] <= scored[1][0] + EN_MARGIN):
            return self._described_en(q)
        _, shared, tid = scored[0]
        # Two shared words, or one word no other topic's title has ("concept").
        own = _ENGLISH_TOPIC_NAMED.search(q) and any(
            self._en_df[w] == 1 and len(w) >= 5 for w in asked & self._en_words[tid])
        return [tid] if shared >= 2 or own else []

    def _glossed_en(self, q: str) -> list[str]:
        """The topic an English question names by the English of words of its Chinese title ("the AI topic"): the
        Chinese words the vocabulary gives for the question's English, matched as a name said before a topic word is."""
        said = [zh for zh, pattern in self._glossary.items() if pattern.search(q)]
        return self._described_by(" ".join(said), named=True) if said else []

    def _title_span(self, q: str) -> list[str]:
        """The one topic whose title holds a long stretch of the question ("中试基地运营模式研究的电话" for
        "科技成果转化中试基地运营模式研究"): TITLE_SPAN characters or more, found in no other title."""
        spans = []
        for t, title in zip(self.topics, self._canonical_titles, strict=True):
            m = SequenceMatcher(None, q, title, autojunk=False).find_longest_match(0, len(q), 0, len(title))
            if m.size >= TITLE_SPAN:
                spans.append((m.size, t.id))
            elif TITLE_SPAN_OWN and m.size >= TITLE_SPAN_OWN and self._own_stretch(q[m.a: m.a + m.size], t.id):
                # (a shorter stretch names the topic when only its own text writes it)
                spans.append((TITLE_SPAN, t.id))
        spans.sort(reverse=True)
        if not spans or len(spans) > 1 and spans[1][0] >= spans[0][0] - TITLE_SPAN_MARGIN:
            return []
        return [spans[0][1]]

    def _own_stretch(self, stretch: str, tid: str) -> bool:
        """Whether the notice writes a stretch of Chinese in one topic's title only: in no other title, and nowhere
        outside the topics."""
        return (re.fullmatch(r"[\u4e00-\u9fff]+", stretch) is not None
                and not any(stretch in title for t, title in zip(self.topics, self._canonical_titles, strict=True)
                            if t.id != tid)
                and not any(stretch in text for text in self._general_zh))

    def _acronym(self, q: str) -> list[str]:
        """The one topic whose English title's initials a Latin acronym of a Chinese question spells."""
        if not re.search(r"题|方向|项目|研究", q):
            return []
        # (written against the Chinese: "AI那个题", "关于AI的课题"; not a word of an English sentence)
        tokens = _LATIN_BESIDE_CJK.findall(q)
        named = {tid for token in tokens for tid in self._acronyms.get(token, ())}
        return list(named) if len(named) == 1 else []

    def _glossed_acronym(self, q: str) -> list[str]:
        """The topic a Latin word of a Chinese question names by the vocabulary's English of its title's words ("AI那个
        题" where titles have no English, so no initials: 人工智能), as `_acronym` finds one by a title's initials."""
        if not self._glossary or not re.search(r"题|方向|项目|研究", q):
            return []
        tokens = _LATIN_BESIDE_CJK.findall(q)
        said = [zh for zh, pattern in self._glossary.items() for token in tokens if pattern.fullmatch(token)]
        return self._described_by(" ".join(said), named=True) if said else []

    def description(self, q: str) -> str:
        """The words a Chinese question describes a topic by ("科创金融那个子课题…" -> "科创金融"), or ""."""
        if q.isascii():
            # (an English one, where the titles have no English: the vocabulary's Chinese of the words it describes
            # the topic by, "the 15th Five-Year Plan study" -> "十五五", which the topics' own text is searched for)
            if not (GLOSSED_DESCRIPTION and self._glossary) or not (described := _english_description(q)):
                return ""
            return " ".join(zh for zh, pattern in self._glossary.items() if pattern.search(described))
        m = _DESCRIBED_ZH.search(q)
        words = re.sub(r"^(?:应该|应当|就|也)?是", "", _DESCRIPTION_TAIL.sub("", m.group())) if m else ""
        words = _WISHED.sub("", words)  # ("想做X方面的课题": the asker's wish, then the description X)
        if m and m.group().startswith("研究") and m.group().endswith("的"):
            words = m.group()[2:-1]  # ("研究X的": X)
        return "" if _NOT_DESCRIBING.search(words) else words

    @staticmethod
    def field(q: str) -> str:
        """The asker's field in a question asking for a topic that suits it ("我是学法学的，有适合我的题吗" ->
        "法学"), or ""."""
        if q.isascii():
            if not FIT_ASKED_EN.search(q):
                return ""
            return " ".join((m.group(1) or m.group(2)).strip() for m in _FIELD_EN.finditer(q))
        if not FIT_ASKED.search(q):
            return ""
        found = [m.group(1) for pattern in _FIELD for m in pattern.finditer(q)] or [
            m.group(1) for m in _FIELD_CLAUSE.finditer(q)]
        return " ".join(dict.fromkeys(w for w in found if not _NOT_DESCRIBING.search(w)))

    def described(self, q: str) -> bool:
        """Whether q speaks of one topic by a description ("养老产业相关的选题", "the silver economy
        topic"), whether or not the description names one."""
        return len(_english_description(q).split()) >= 2 if q.isascii() else bool(self.description(q))

    def _described_en(self, q: str) -> list[str]:
        """An English description of a topic titled in Chinese only, matched by the multilingual
        embedder: the closest title, when it is clearly closer than the next one."""
        phrase = _english_description(q)
        if len(phrase.split()) < 2 or (sims := self._title_sims(phrase)) is None:
            return []  # one word is too little to tell Chinese titles apart
        best, second = np.argsort(-sims)[:2]
        return [self.topics[int(best)].id] if sims[best] - sims[second] >= EMBED_MARGIN else []

    def _title_sims(self, phrase: str) -> np.ndarray | None:
        """The cosine of `phrase` to each topic's title by the multilingual embedder (titles embedded on first use)."""
        if self._embed is None or len(self.topics) < 2:
            return None
        query, passages = self._embed
        if self._title_vectors is None:
            vectors = np.asarray(passages([t.title for t in self.topics]), dtype=np.float32)
            self._title_vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        v = np.asarray(query(phrase), dtype=np.float32)
        return np.asarray(self._title_vectors @ (v / np.linalg.norm(v)))

    def _paraphrased_zh(self, q: str) -> list[str]:
        """A Chinese description of a topic in other words than its title's ("关于老年人智能养老技术的课题" for
        "智慧康养技术在老龄社会中的应用场景研究"): the title the embedder finds as close as a paraphrase, clearly
        closer than any other."""
        phrase = self.description(q)
        if len(phrase) < 4 or (sims := self._title_sims(phrase)) is None:
            return []
        best, second = np.argsort(-sims)[:2]
        return [self.topics[int(best)].id] if sims[best] >= EMBED_ZH_MIN and sims[best] - sims[second] >= EMBED_ZH_MARGIN else []

    def _described_zh(self, q: str) -> list[str]:
        """A Chinese question that speaks of a topic by words of its title no alias holds ("知识产权质押
        融资的课题"): the topic sharing the most rare title words with it, two at least, clearly ahead."""
        if not _CHINESE_TOPIC_WORD.search(q):
            # ("那科技立法那个呢？", "孵化器那题归哪个处"): the words before "that one" name a topic as the words before
            # a topic word do
            if NAMED_BY_THAT and (m := _NAMED_THAT.search(q)):
                return self._described_by(_NAME_LEAD.sub("", m.group(1)), named=True)
            if FIELD_NAMES and (m := _FIELD_WORKED.search(q)):
                return self._described_by(m.group(1), named=True)
            return []
        whole = self._described_by(q)
        if NAME_BEFORE_TOPIC_WORD:
            # The words right before the topic word name it ("科创金融子课题里的产品…要覆盖科技型企业哪几个阶段"):
            # the topic they alone name, whatever the rest of the question shares with other titles.
            for m in _NAMED_BEFORE.finditer(q):
                if (named := self._described_by(_NAME_LEAD.sub("", m.group(1)), named=True)) and named != whole:
                    return named
        return whole

    def _described_by(self, q: str, named: bool = False) -> list[str]:
        """The topic whose title shares the most rare words with q; `named`: q is what the asker calls the topic
        by, right before the word for a topic, where one word no other title has names it."""
        asked = {w for w in words(q) if w in self._zh_rare}
        if len(asked) == 1 and named and ONE_OWN_WORD_NAMES and self._zh_df[(w := next(iter(asked)))] == 1 \
                and w not in self._unit_words and not self._zh_uses.get(w):
            # one word no other title has ("有没有科创金融方面的题目": 金融), the notice's general text never uses (not its
            # "科技创新"), and not the asker's own kind of unit
            # (elsewhere in a question such a word is often the content asked of: "哪个课题要参考…的经验")
            return [tid for tid, ws in self._zh_words.items() if w in ws]
        if len(asked) < 2:
            return []
        scored = sorted(((sum(self._zh_idf[w] for w in asked & ws), len(asked & ws), tid)
                         for tid, ws in self._zh_words.items()), reverse=True)
        if len(scored) > 1 and scored[0][0] <= scored[1][0] + EN_MARGIN:
            return []
        return [scored[0][2]] if scored and scored[0][1] >= 2 else []

    def children(self, tid: str) -> list[Topic]:
        return [t for t in self.topics if t.parent == tid]


def _used_words(text: str) -> set[str]:
    """The words of `text` as it uses them: a search-mode word only where one of its occurrences starts and ends on
    a boundary of the text's own segmentation."""
    c = canonical(text)
    bounds = word_boundaries(c, guess_new=True)
    used = set()
    for w in set(words(text)):
        at = c.find(w)
        while at >= 0 and not (at in bounds and at + len(w) in bounds):
            at = c.find(w, at + 1)
        if at >= 0:
            used.add(w)
    return used
