"""The Assistant: answers a question deterministically from corpus data, cites the notice,
checks eligibility, and remembers per-session context.

Answering runs in stages, each in its own module:
understand (`assistant.understand`: corrections, sub-questions, attribute, entities, follow-ups)
-> retrieve (`index`: BM25 over passages indexed with how their facts are asked, dense vectors)
-> rank (`assistant.rank`: facts as candidates with features)
-> compose (`assistant.compose`: the answer text from corpus data, one part per sub-question).
This module routes between them; `explain()` returns what each stage saw.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from threading import Lock
from typing import Literal, cast
from zoneinfo import ZoneInfo

from cachetools import LRUCache

from assistant import vocabulary as V
from assistant.compose import (
    Draft,
    eligibility_answer,
    facts_answer,
    greeting,
    not_covered,
    notice_words,
    office_answer,
    topic_facet,
    topic_list,
    topic_overview,
)
from assistant.eligibility import EligibilityChecker
from assistant.extract import cn_number, extract_profile, profile_words
from assistant.intent_model import IntentModel, best, text_features
from assistant.models import Answer, Citation, Eligibility, Intent, Profile, ProjectLevel
from assistant.quotes import CONSEQUENCE, SENTENCE_MIN_CHARS, QuoteFinder, introduces
from assistant.rank import MIN_SCORE, PURPOSE, VALUE_ATTRIBUTES, Candidate, FactRanker, select
from assistant.sections import BARE_FILLER, BARE_MAX, Outline
from assistant.sessions import SessionState, make_session_store
from assistant.settings import Settings
from assistant.topics import TOPIC_EXISTS, TopicResolver
from assistant.understand import (
    AMOUNT_MENTION,
    ASKS,
    ATTRIBUTES,
    BY_DATE,
    PRONOUN,
    TOPIC_WORD,
    WRITING_MANNER,
    Understander,
    Understanding,
    asked_attribute,
    without_shared,
)
from corpus import Corpus, Fact, Topic, english_glossary, find_passages, glossary_pattern, load_corpus, squash
from corpus.passages import LEVEL_EN, LEVEL_NAMES, with_figures
from corpus.script import simplified
from index import HybridRetriever, IndexConfig, open_index
from index.embedders import make_embedder
from index.retriever import Hit, fuse
from index.spelling import corrector_for
from index.tokenize import canonical, jieba_frequency, words

log = logging.getLogger(__name__)
Language = Literal["zh", "en"]
MAX_CITATIONS = 5
# "定向委托的是哪个课题": the topics whose own restriction of who may apply holds a phrase of the question
RESTRICTED_TOPICS = True
RESTRICTION_PHRASE = 4  # characters of a restriction the question must hold ("定向委托", "限高校申"): no one word ("高校")
# A may-one-apply question naming a topic that says who may apply for it ("课题2科研院所能报吗"): that restriction leads
TOPIC_APPLICANTS_LEAD = True
DETAIL_MIN_BM25 = 1.0  # below this, a topic question gets the overview, not one sentence
ENGLISH_DETAIL = True  # an English question on a point of a topic with Chinese text only finds its sentence by a glossary
PROPOSED_DATES_ASK_WINDOWS = True  # a date the asker proposes asks of the dated windows, as "开了没" does
WINDOW_END_ASKS_WINDOW = True  # acting at a window's end ("最后两天再交") is answered with the call's window
PROPOSED_WINDOW_KEPT = True  # a window found for a proposed time is kept though the model is sure of another kind
CONSEQUENCE_HITS = 3  # the best passages a consequence asked is looked for in before the model's "out of scope" holds
DOCUMENT_ASKED_CITED = True  # a document asked for, which the best fact names, is in scope whatever the model's kind
# ... and so is what something is for, where the best fact states a purpose and the question's words find its passage
# ("What is this year's soft science programme meant to support?": words the model finds foreign)
PURPOSE_ASKED_STATED = True
CLAUSE_CITED_FIRST = True  # the passage of the clause that leads a yes/no answer is its first citation
UNSTATED_OUTCOME = True  # why an outcome or a change happened, where the notice never names it, is out of scope
CONSEQUENCES_LEAD = True  # "违反承诺会有什么后果": the clause saying what is done then leads the answer
# "退休返聘的老师可以当负责人吗": a condition the question names that no Profile field states leads the may-I answer
NAMED_CONDITION_LEADS = True
# A question whether a window is open now asks a date: no clause without one leads its answer ("我想今天就把申报书
# 交上去，系统开放了没" is not answered by the form's title its words share)
STATUS_ASKS_DATE = True
UNFITTED_ATTRIBUTES = ("channel",)  # asked attributes the intent model was not fitted with (scripts/fit_intent.py)
CONDITIONS_BESIDE_APPLICANTS = True  # ... and so does a condition stated under who may apply, though filed as a rule
INTRO_LINES_LAST = True  # a line introducing a list is cited after its items
WHY_BY_PURPOSE = True  # an unmatched why-question takes the dense vectors' best passage when it states a purpose
FALLBACK_MIN_BM25 = 3.0  # an unmatched question is answered only if its words clearly occur in a passage
OVERVIEW_MAX = 6  # facts in an answer to "what are all the requirements"
LISTING_YIELDS_TO = 4.0  # a non-topic fact scoring this much answers instead of a topic list
# Without a word asking about a topic as such (understand.TOPIC_WORD), a topic found by shared words yields to a
# model this sure the question is out of scope
TOPIC_WORDS_OOS_SURE = 0.75
FALLBACK_MIN_CHARS = SENTENCE_MIN_CHARS  # a passage shorter than this (a heading) is no answer on its own
FACET_INTENT = {"funding": Intent.FUNDING, "contact": Intent.CONTACTS, "due": Intent.DATES}
# "有没有研究地方科技立法的题目": the noun a question asks the existence of is a topic, not its title asked for.
EXISTENCE_ASKED = True
NOTICE_DATE_ASKED = True  # when the notice itself was issued is its dateline
NAMED_CONDITIONS = True  # the rules reading a fact the question states rank the facts they quote
# A topic referred to by a demonstrative and its noun ("科技立法那个题目具体要研究些什么"): the noun names the topic, it
# does not ask for its title ("那个题目叫什么" still does, by 叫什么).
_REFERRING_NOUN = re.compile(r"(?:那|这|该)(?:个|一个|道|项)?(?:题目|选题)")
# "研究些什么", "做些什么": the measure word 些 between a verb and 什么 asks what 什么 asks
_SOME_WHAT = re.compile(r"些(?=什么)")
_EXISTENCE_NOUN = re.compile(r"((?:有没有|有无|是否有|有)[^，,。；;？?]{2,30}?的?)(?:题目|课题|选题)(?=(?:吗|么|呢)?\s*[?？]?\s*$)")
# What follows a step is a step of the procedure or its time: "立项以后…" found in "严禁重复…申请专项资金立项
# 支持" is a word of a rule, not a step, and the clause after it ("同一申报单位须通过单个推荐部门") no answer.
STEP_KINDS = ("process", "dates", "materials")
DOCUMENT_CLAUSES = True  # "承诺书里…" leads with the annex's clause that answers it
SHORT_CLAUSE_TITLED = 20  # ... and a clause shorter than this (characters) is cited with the annex's title after it
# A form's blanks answer what is to be filled in on it.
FILL_IN_BLANKS = True
# The whole of an annex's items asked ("信用承诺书里要承诺哪几条", "承诺书里都写了些什么"): its body, verbatim.
DOCUMENT_LISTS = True
# (an annex is named by its Chinese names only, so only a Chinese question asks inside one)
_DOCUMENT_LIST = re.compile(r"哪几(?:条|项|点|个方面)|哪些(?:条款?|事(?:情|项|儿)?|内容|方面|要求)?|几条|"
                            r"(?:都|主要|一共)?(?:有|写|说|承诺|包括|包含|规定)了?(?:些)?(?:什么|啥|哪些)|(?:什么|啥)(?:内容|条款)")
_NUMBERED_ITEM = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、．]")
DOCUMENT_LIST_REST = 2  # Chinese characters a list question may say besides the annex's name and the list words
_FILL_ASKED = re.compile(r"填|\bfill(?:ed|ing)?\b|\bcomplete (?:the|on)\b")
_LABELLED_BLANK = re.compile(r"[\u4e00-\u9fff]{2,}\s*[:：]\s*(?:_{3,}|＿{2,})")
_BLANK = re.compile(r"_{3,}|＿{2,}|（\s{2,}）|\(\s{2,}\)")
DOCUMENT_BM25_MARGIN = 2.0  # BM25's best clause this many times its second's score decides alone
ABOUT_PROGRAMME = True  # "这是个什么项目" is answered with what the call is (ABOUT_ROLES), not refused
ABOUT_PURPOSE_ROLES = ("purpose", "guide_direction")  # ... and, when it is asked what it is for, these
ABOUT_ROLES = ("purpose", "legal_basis", "guide_direction", "project_counts", "funding_levels")
# (reporting the answering fact's kind up to 0.9 instead gained 9 cross-fitted dev labels (0.8 4 680, 0.9 4 681,
# 0.95 4 670, 1.01 4 659 of 5 225, against 4 672) and 2 of `test`, and lost 5 of the fresh set dev23: writers
# label a topic's phone or amount differently, so the kind reported stays the one the model is sure of)
ORDERED_STEPS = True  # an aspect asked as a whole that a numbered procedure answers gets every step, in order
STEPS_MAX = 10
_STEP_ROLE = re.compile(r"step_\d+")
TOPIC_REFERENCES = True  # "那个题目" refers to a topic and "研究些什么" asks its content (engine._facets)
INTENT_SURE = 0.7  # the predicted kind of question is reported when the model is at least this sure (dev)
UNNAMED_LEADS = True  # the sentence leading an answer is found without the programme's own name
DESCRIBED_OF_LEVEL = True  # a topic described with its level named ("平台那个重大项目") is one of that level
# The kinds an answer built from general facts may be reported as (a verdict, "not covered" and a
# greeting are decided by their own routes).
REPORTABLE = ("dates", "funding", "contacts", "materials", "process", "rules", "topics", "eligibility")
# A question of these kinds that also names a topic is still about the whole call.
# "有哪些一般项目", "重点课题都有哪些": the list of topics itself is asked.
LIST_OF_TOPICS = re.compile(r"(?:有哪些|哪些|哪几个|列出|都有什么)[^，,。？?]{0,4}(?:项目|课题)|"
                            r"(?:项目|课题)都?(?:有哪些|是哪些|有哪几个|是哪几个|有哪几项|是哪几项|包括哪些)[?？]?$|"
                            r"\b(?:(?:which|what) (?:are|were) the|list (?:all )?the)(?: (?!for\b|of\b|in\b|on\b|to\b|about\b|with\b)[\w()-]+){0,3}? "
                            r"(?:projects|topics|sub-?topics)\b")
# A question asking what is forbidden, and the notice's words of forbidding.
PROHIBITIONS_ASKED = re.compile(r"禁止|不允许|不准|\b(?:prohibit\w*|forbid\w*|not allowed|banned)\b")
WHAT_WORDS = ("哪些", "什么", "啥", "哪几", "what", "which")
PROHIBITIVE = re.compile(r"严禁|不得|禁止|不接受|不予受理|不能")
COUNTED_GROUP = re.compile(r"(\d{1,2}|[两二三四五六七八九十])\s*[个项][^，,。？?]{0,6}?(?:项目|课题|选题)[^，,。？?]{0,4}?"
                           r"(?:是什么|是啥|是哪|叫什么|有哪些|分别是)")
GENERAL_INTENTS = ("dates", "process", "materials", "rules", "eligibility")
REPEATED_CLAUSES = True  # a candidate's clause holding a rare stretch of the question the answer lacks leads ...
REPEATED_MIN_RARITY = 3.0  # ... when few passages hold the stretch (idf units)
CORE_KINDS = ("process", "materials", "rules", "contacts")  # a sure kind with no fact found answers with its facts ...
SHORT_IN_WORDS = True  # an English turn asking a topic's facet is short by its words, not its letters ...
SHORT_TURN_WORDS = 5  # ... this many at most
DATES_DEFAULT_WINDOW = True  # a sure dates question with no dated fact found is asked of the call's own window
CORE_MAX_OOS = 0.2  # ... when "not covered" is this unlikely
CORE_OTHER_KIND = True  # ... also when only facts of other kinds were found (and no value is asked)
ATTRIBUTE_FACETS = True  # an asked value (amount, phone, office) of a named topic is its facet
OVERVIEW_LIKELIEST = True  # an overview question with no fact found takes the likeliest kind, sure or not
CORE_OTHER_ATTRIBUTES: tuple[str | None, ...] = (None, "how")  # ... asking no value ("这个项目怎么报")
# A described topic is the one whose best passage scores this many times any other topic's best (BM25 on
# the description's words)
DESCRIBED_LEAD = 1.5
DESCRIBED_POOL = 30  # passages read for it
DELIVERABLE_DETAIL = True  # a topic's deliverable asked with words of another point: the sentence they find
ABSENT_LEVELS = True  # a level this notice does not set, asked of: the levels it sets
FIELD_FITS = True  # a question asking for a topic suiting the asker's field, which one suits, is no out-of-scope one
FIT_POOL = 5  # passages a field retrieves; most of them one topic's make it the topic suiting the field
UNNAMED_TOPIC_LISTS = True  # a described topic no title matches gets every topic's asked value
UNSTATED_DURATIONS = True  # a duration asked of what the notice gives no time is not the best duration's thing
HEAD_CHARS = 4  # the word a duration is asked of ends within this many characters before the asking words
_DURATION_ASKED = dict(ATTRIBUTES)["duration"]
_FILLER_BEFORE_ASK = re.compile(r"(?:一般|大概|大约|通常|需要|要|得|是|有|的)+$")
CARRY_PART_TOPIC = True  # the one topic a sub-question's answer found is the subject of the parts after it
# A part that only names another subject ("…联系谁？赋权改革那个呢？") asks what the part before it asked, as a follow-up turn
ELLIPTICAL_PARTS = True
# ... a part that only names it ("X那个呢", "what about X"), not one guessing a value ("那每项是1万吗")
_NAMES_ONLY_PART = re.compile(r"^[^\d吗]*呢[?？]?$|^(?:what|how) about\b[^\d]*$|^and (?:for|the)\b[^\d]*$", re.I)
# A part opening with its asking word, perhaps after an adverb ("信用承诺书要不要盖章？最后谁签字？"), says no subject
# of its own, whatever words of the notice its verb is: it asks of the subject of the part before it
SUBJECTLESS_PARTS = True
_SUBJECTLESS_PART = re.compile(r"^(?:最后|最终|另外|然后|那|还|又|再|都|具体)?(?:要|需要|得|该|应该|应|由|是)?"
                               r"(?:谁|什么|啥|多少|怎么|如何|怎样|哪|几)")
NO_FITTING_TOPIC_LISTS = True  # "有没有关于乡村振兴的课题" with none: the set topics, not "not covered"
NOTICE_TITLE = True  # the notice's own title asked is answered with its title line
ISSUER_ASKED = True  # ... and who issued it, with its issuer beside the title line
PARTS_OWN_TOPICS = True  # parts each naming a topic the whole question missed are answered one by one
PART_SCOPE = True  # an aspect the notice is silent on puts only its own sub-question out of scope
# An overview the model is unsure of is of the best-ranked fact's kind when the model gives that kind at
# least this share of its favourite's probability (a near tie: the evidence decides).
# An overview whose likeliest aspect (the model less sure of it than this) has no fact with evidence is of
# the best fact's aspect
OVERVIEW_OF_EVIDENCE = 0.6  # cross-fitted dev..dev19: 0.4 4184, 0.5 4184, 0.6 4186, 0.7 4185, 0.8 4185 (off 4183)
DOCUMENT_NAME_ASKED = True  # a regulation's name asked inside an annex is found among its lines with 《…》, a consequence among its lines of penalties (dev36, dev41)
STATED_OVERRIDES_MODEL = True  # a fact of the notice naming the asked thing, with its value, outweighs the model's "out of scope"
# the attributes asked for which that holds: a date, and a document's name ("Which regulation is this call based on?":
# the notice names its regulation; dev36, dev41)
STATED_ATTRIBUTES = ("date", "document")
OVERVIEW_TIE = 0.8  # cross-fitted dev..dev15: 0.6, 0.8, 0.9 all 3447 (start 3444); 0 (always) also 3447 but "申报程序是怎么样的" got eligibility
UNNAMED_FEATURES = True  # the programme's own name is no word the intent model reads
COVERED_SURE = 0.9  # an out-of-scope word is said beside the question when the model is this sure of its kind
YESNO_OTHER = True  # ... and so is one about any fact but eligibility ("学校拟推荐的项目需要先公示吗")
FIRST_STEPS = True  # "第一步做什么" is answered with the procedure's first step
ELLIPTICAL_FACETS = True  # a continuing turn ("and…", "…呢") asking a facet is about the session's topic
# A turn asking only a facet of topics ("联系单位是哪个处？"), however many words it asks it in, is about the session's
# topic: the words asking the attribute name no subject, though a fact may be asked by them
ATTRIBUTE_ONLY_FACETS = True
NOTHING_STATED_RULE = True  # a may-I question with nothing of the asker stated follows a sure non-eligibility kind
FACET_OF = {"amount": "funding", "phone": "contact", "office": "contact", "who": "contact"}
LEVEL_FACET = True  # a project level named beside a named topic asks the topic's level
# ... unless the question asks an open "what" that one of the topic's sentences answers ("科技创新立法那个重点课题要做哪些
# 调研": the level names the topic there, the survey is asked; "科创金融那个子课题是重点项目吗" still asks the level)
LEVEL_NAMES_DETAIL = True
# "各子课题归哪个处", "子课题都找谁": each of a group of topics is asked, as by a list word.
# (no level is named here: "各重点项目" is 各 + up to two characters + 项目)
DISTRIBUTIVE = re.compile(r"各(?:个)?[\u4e00-\u9fff]{0,2}?(?:课题|项目)|课题(?:们)?(?:都|分别|各自)")
# An office pointed at ("这个处还联系哪些课题", "that office's other topics"): the one of the topic under discussion
# (not "此处", which is "here").
THAT_OFFICE = re.compile(r"(?:这个|那个|该|这|那)(?:处室|处|部门|科室)(?![长理])|\b(?:this|that|the same) (?:office|division|department)\b")
NAMED_ALONE = True  # a first turn that only names the call or the notice asks what it is
ATTACHMENT_SENSES = True  # "附件" asked with a verb of handing in is the applicant's attachments, not the annexes
ANNEXES_OF_NOTICE = re.compile(r"通知|文件|文后|后面|附了|带了|带的|几个附件|第几|附件\s*[12一二]|模板|模版|annex", re.IGNORECASE)
HANDED_IN = re.compile(r"传|交|提供|准备|要(?:哪|啥|什么)|需要(?:哪|啥|什么)|得(?:传|交|准备)|upload|submit|attach", re.IGNORECASE)
TOPIC_APART = True  # parts asking of a named topic and of something else are answered apart
COUNT_TOTALS = True  # a total asked of counts the notice gives per level is their sum
_TOTAL_ASKED = re.compile(r"一共|总共|合计|总计|加起来|共计|\b(?:in total|altogether|combined|overall)\b")
DETAIL_WITHOUT_TITLE = True  # a topic's sentence is found by what the question asks beyond the topic's title
DETAIL_NAMING_SHARE = 0.5  # how much the words naming the topic count in choosing among its sentences
ASKED_NOUN_SHARE = 2.0  # ... and the thing asked for after 哪些/什么, once more (dev48)
# the phrase a "which"/"what" asks for ("哪些试点", "什么样的数据库", "哪些地方的经验")
_ASKED_NOUN = re.compile(r"(?:哪些|哪几[个项类种条]?|哪[个类种条项]|什么(?:样的?)?)\s*((?:[\u4e00-\u9fff]{1,4}的)?[\u4e00-\u9fff]{2,4})")


def _asked_noun(text: str) -> str:
    """The thing a "which"/"what" asks for: the phrase's first word, or the head after its 的 ("哪些地方的经验": 经验)."""
    if not (m := _ASKED_NOUN.search(text)):
        return ""
    phrase = m.group(1).rpartition("的")[2]
    return next(iter(words(phrase)), "")
LEVEL_AFTER_GENERAL = True  # a level named after a general question of the rules asks that level's rule
NAMED_RULE_ANSWERS = True  # a may-I naming one checked rule, with nothing of the asker stated, gets that rule
STEP_YESNO = True  # a yes/no question whose best fact is a step asks about the step, not for a verdict
ENGLISH_GLOSS = True  # an English question orders a fact's passages by the fact's English segments
SUFFICIENCY = True  # "…就行吗" asks whether a step is enough, not whether one may apply
CONTENT_ALONE = True  # a question asking a topic's content in general gets its content facet alone
CONTENT_FACET = True  # a topic's content asked with no sentence matched: its stated focus
# An English question asking an open "what" of a named topic that no facet word names ("What policies should the
# incubator sub-topic propose?", "What should the concept verification sub-topic study?") asks its content, as
# "What is sub-topic 6 about?" does: its sentences are the notice's Chinese, which English words do not find.
OPEN_ENGLISH_CONTENT = True
OTHER_CALL_ASKED = True  # may-I asked of another programme is out of scope
TOLD_IS_CONTEXT = True  # a sentence that only tells is context for the scope check
ASK_MARKERS = True  # "…，想问…" introduces what is asked (and the model's "not covered" applies to it)
# Words that introduce the question after the asker's facts: "想问（问）", "问一下", "请问", "想了解一下".
# A question asked on someone's behalf is introduced the same way ("领导问名额是不是每年都一样", "导师让我问…").
ASK_MARKER = re.compile(r"想(?:先|再|就)?问问?|(?:先|再)?问一?下|请问|想(?:了解|咨询|知道|确认|请教)一?下?|请教一?下|顺便问问?|"
                        r"(?:领导|老师|导师|同事|主任|院长|所长|处长|老板|上级|上面)(?:让我|叫我|要我|托我)?问问?|"
                        r"(?:让我|叫我|要我|托我)(?:来)?问问?")
# A sentence of the asker's own facts, then a sentence asking what, when, who or how ("I'm the research-office
# admin at an institute. After the PI uploads everything, what do I have to do?"): the question is the second
# sentence, introduced as "想问" introduces one; a may-I in it still seeks the verdict.
TOLD_THEN_ASKED = True
_TOLD_SENTENCE = re.compile(r"[.。!！]\s*$")
_WHAT_OF_IT = re.compile(r"\bwhat\b(?! (?:kind of |sort of )?(?:topics?|sub-?topics?|projects?)\b)")  # (not "what topic…")
_CLAUSE = re.compile(r"[^？?。！!；;]+")  # a clause of a question, up to its stop
_WH_ASKED = re.compile(r"\b(?:what|when|where|who|whom|which|how)\b|什么|怎么|怎样|如何|哪|谁|多少|啥")
# "除了…子课题", "apart from the sub-topics": the sub-topics are left out of a list.
EXCEPT = re.compile(r"除(?:了|去|开)?[^，,。？?]{0,12}?(?:子课题)(?:以外|之外|外)?|"
                    r"\b(?:except|besides|other than|apart from)\b[^,.?]{0,30}?sub-?topics?")
RULED_OUT = 0.05  # a kind of question the model gives less than this (when sure of another) leads with none of its sentences
NOVEL_RARE = 5000  # the intent features count the words new to the notice, and those rare in general Chinese
ENGLISH_OUTLINE = True  # "What are the steps of the application process?" is answered with the procedure's section
ENGLISH_STEPS = True  # an English "after …" step is found by its words in the notice's Chinese (vocabulary.STEP_WORDS_EN)
NOVEL_ENGLISH = True  # the intent model reads how many of an English question's words the corpus's English lacks
# "系统填报截止以后，接下来是什么环节，在什么时间": a date asked after a dated step the asker names is the
# next dated step's (the window opening soonest after that step's window closes).
NEXT_DATED_STEP = True
LEVEL_LISTS = True  # a list asked of a level is not the one topic its best passages belong to
ENGLISH_STEP_WORDS = True  # an English question's procedure words are searched in the notice's Chinese too
NOVEL_MAX = 3  # (jieba's word counts) apart, up to this many


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_NO_SESSION = SessionState()  # the state of a question asked without a session


def _cache_key(canonical_question: str, today: dt.date, state: SessionState) -> tuple:
    """What an answer depends on: the question, the day and the session's state."""
    return (canonical_question, today, state.key())


def _opens(q: str, words: str) -> bool:
    """Whether `words` open the question or one of its clauses (its subject, not a later guess)."""
    at = q.find(words)
    return at == 0 or at > 0 and q[at - 1] in "，,。；;：:？?！! "


def _has(q: str, words: tuple[str, ...] | list[str]) -> bool:
    return any(w in q for w in words)


def _asks_may_i(text: str) -> bool:
    """Whether `text` asks, in Chinese, whether one may apply ("还能报吗", "可以申报吗")."""
    text = V.POST_AWARD_ASKED.sub(" ", text)  # ("结题后可以申请延期吗" applies for a step of a funded project)
    return _has(text, V.ASK_ELIGIBLE) or bool(V.ASK_ELIGIBLE_ZH.search(text))


@dataclass(frozen=True)
class Asker:
    """What the question says of the asker (see `Assistant._asker`)."""

    stated: set[str]  # profile fields the question states (project level aside)
    asks_eligibility: bool
    personal: bool  # the stated facts are the asker's own
    other_question: bool  # ... and the question asks something else beside them
    introduced: bool = False  # ... introduced by words of asking ("想问"), not a may-I-apply question


@dataclass
class Trace:
    """What each stage saw, for `ask --explain`; collected only when asked for."""

    lines: list[str] = field(default_factory=list)

    def add(self, stage: str, *details: str) -> None:
        self.lines.extend(f"[{stage}] {d}" for d in details)


# The segments of a fact's English text: its numbered items and clauses.
_EN_SEGMENT = re.compile(r";|；|\s(?=\(\d+\)\s)|\s-\s|\.\s")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


class Assistant:
    def __init__(self, corpus: Corpus, retriever: HybridRetriever, settings: Settings) -> None:
        self.corpus, self.retriever, self.settings = corpus, retriever, settings
        self.checker = EligibilityChecker(corpus)
        self.topics = TopicResolver(corpus.topics, [f.en for f in corpus.facts],
                                    [p.text for p in corpus.passages if not p.topic],
                                    (retriever.query_vector, retriever.embedder.embed_passages))
        self.ranker = FactRanker(corpus, use_triggers=settings.use_triggers)
        question_words = tuple(w for words in V.FACETS.values() for w in words) + V.ASK_ELIGIBLE + V.TIME_NOW + V.WHEN
        speller = corrector_for(corpus, extra_known=question_words, extra_vocabulary=tuple(profile_words()))
        self.understander = Understander(corpus, self.topics, speller, self._top_bm25)
        # One speller for the whole engine: raw searches through the retriever (the evaluation's
        # retrieval variants, the LangChain retriever) correct typos with it too.
        retriever.speller = speller
        self._owners = {pid: f for f in corpus.facts for pid in f.about_ids}
        self._rule_quotes = [rule.quote for rule in corpus.rules]  # (the checker evaluates every rule, every time)
        # The process fact the notice states first (registration, in the 2024 notice): "第一步做什么".
        order = {p.id: p.order for p in corpus.passages}
        self._first_step = min((f for f in corpus.facts if f.intent == "process" and f.about_ids),
                               key=lambda f: min(order[pid] for pid in f.about_ids), default=None)
        self._quote_passages = {q: find_passages(q, corpus.passages) for f in corpus.facts for q in f.quotes}
        # (and the sentences of what else it asks, a note its title marks among them: "注2：课题9面向青年科技人员…")
        self._content_of = {
            t.id: {p.id for p in corpus.passages if p.topic == t.id and p.kind == "content"}
            | {pid for r in t.references if (pid := t.passage_of.get(r.quote))} for t in corpus.topics
        }
        self._passages_of = {t.id: {p.id for p in corpus.passages if p.topic == t.id} for t in corpus.topics}
        # Passage id -> the English words by which a fact's English text speaks of it: a segment of the
        # English ("(2) the unit's public credit pledge (主动公示型信用承诺书, stamped and uploaded)") glosses
        # the passages holding the Chinese it quotes, so an English question ranks a fact's passages.
        self._gloss: dict[str, set[str]] = {}
        for f in corpus.facts:
            for segment in _EN_SEGMENT.split(f.en):
                terms = [squash(t) for t in re.findall(r"[\u4e00-\u9fff]{2,}", segment)]
                english = {w for w in words(segment) if w.isascii() and len(w) >= 4}
                for pid in f.passage_ids if terms and english else ():
                    if any(t in squash(corpus.passage(pid).text) for t in terms):
                        self._gloss.setdefault(pid, set()).update(english)
        # What the notice says of itself (who issued it, when) is cited with the notice's own title line, which
        # says what the notice is; the title rests on no fact, so naming the programme draws in no such answer.
        issue = corpus.fact_by_role("issue_date")
        title = next((p for p in corpus.passages if squash(p.text) == squash(corpus.title)), None)
        self._title_of_issue = (set(issue.passage_ids), title.id) if issue and title else None
        self._title_passage = title
        # Each annexed form's first passage (its title), by the form's section: a short line of it is cited with it.
        roots = {r for _, r in self.understander.documents}
        self._form_titles: dict[str, str] = {}
        for p in corpus.passages:
            if (root := p.section.split(" > ")[0]) in roots:
                self._form_titles.setdefault(root, p.id)
        self.quotes = QuoteFinder(corpus)
        self.outline = Outline(corpus)
        self._passage_order = {p.id: k for k, p in enumerate(corpus.passages)}  # (the notice's order of its passages)
        self._naming = {  # the words that name a topic, longest first, to take out of a detail question
            t.id: sorted({canonical(w) for w in (*t.aliases, t.title, t.label)}, key=len, reverse=True)
            for t in corpus.topics
        }
        self.sessions = make_session_store(settings)
        self.intents = IntentModel.load() if settings.use_intent_model else IntentModel.empty()
        # Told the intent features of every question answered (`scripts/fit_intent.py` collects them).
        self.on_features: Callable[[list[str]], None] | None = None
        # Told of every answer-cache lookup (True = hit); the API points it at its metrics.
        self.on_cache: Callable[[bool], None] | None = None
        self.uncovered = [canonical(w) for w in corpus.not_covered]
        # What the notice says, and the words of asking: a question's other words are new to the notice.
        self._notice_text = canonical("".join(p.text for p in corpus.passages))
        self._asking_words = {canonical(w) for w in question_words}
        # The facts that forbid something, in the notice's words ("有哪些禁止性规定").
        self._forbidding = [f for f in corpus.facts if PROHIBITIVE.search("".join(f.quotes))]
        # Words asking for a topic's content in general or naming a level, longest first (`_topic_detail`).
        # (the vocabulary's Chinese for English words of a topic's points, each compiled once: an English question on a
        # point of a topic with no English of its own)
        self._detail_en = [(zh, glossary_pattern(ens)) for key in ("detail_en", "topic_en")
                           for zh, ens in english_glossary(key).items()]
        self._general_detail_words = sorted(
            {*V.FACETS["content"], *(w for ws in self.understander.level_words.values() for w in ws)}, key=len, reverse=True)
        # ... and in English, what its facts, topics and triggers say in English
        self._english_known = {w for text in (*(f.en for f in corpus.facts), *(t for f in corpus.facts for t in f.triggers),
                                              *(f"{t.title_en} {t.label_en}" for t in corpus.topics), *question_words)
                               for w in words(text) if w.isascii()}
        # Least recently used answers first out (cachetools); size 0: nothing is kept.
        self._cache: LRUCache[tuple, tuple[Answer, SessionState]] = LRUCache(max(1, settings.answer_cache_size))
        self._caching = settings.answer_cache_size > 0
        self._cache_lock = Lock()
        self.tz = ZoneInfo(settings.timezone)

    @contextmanager
    def features_seen(self) -> Iterator[list[list[str]]]:
        """The intent features of every question answered inside the block, in order
        (`scripts/fit_intent.py` fits the model on them)."""
        seen: list[list[str]] = []
        previous, self.on_features = self.on_features, seen.append
        try:
            yield seen
        finally:
            self.on_features = previous

    # ----------------------------------------------------------------- construction
    @classmethod
    def load(cls, settings: Settings, *, progress: bool = True, rebuild: bool = False) -> Assistant:
        corpus = load_corpus(settings.corpus_dir)
        embedder = make_embedder(settings.embedder, settings.embedding_model, settings.threads_for())
        cfg = IndexConfig(settings.index_dir, settings.chroma_host, settings.chroma_port, settings.collection_prefix)
        retriever = open_index(cfg, corpus, embedder, progress=progress, rebuild=rebuild,
                               with_triggers=settings.use_triggers)
        return cls(corpus, retriever, settings)

    @property
    def passage_count(self) -> int:
        return len(self.corpus.passages)

    def today(self) -> dt.date:
        return dt.datetime.now(self.tz).date()

    # ----------------------------------------------------------------- public API
    def check(self, profile: Profile, today: dt.date | None = None, language: str = "zh") -> Eligibility:
        return self.checker.check(profile, today or self.today(), "en" if language == "en" else "zh")

    def ask(self, question: str, today: dt.date | None = None, session_id: str | None = None) -> Answer:
        today = today or self.today()
        state = self.sessions.get(session_id)
        q = canonical(question)
        key = _cache_key(q, today, state)
        with self._cache_lock:
            cached = self._cache.get(key)  # a hit becomes the most recently used
        if self.on_cache is not None:
            self.on_cache(cached is not None)
        if cached is None:
            cached = self._respond(question, today, state, None)
            if self._caching:
                with self._cache_lock:
                    self._cache[key] = cached
        answer, new_state = cached
        self.sessions.put(session_id, new_state)
        return answer.model_copy(update={"session_id": session_id})

    def cached(self, question: str, today: dt.date) -> Answer | None:
        """The answer already given to this question asked without a session on `today`, from the
        answer cache alone (no session store, no engine work, safe on an event loop); None when it was
        not asked yet, or the index is degraded (the full index may answer differently once repaired)."""
        if self.retriever.store.degraded:
            return None
        key = _cache_key(canonical(question), today, _NO_SESSION)
        with self._cache_lock:
            found = self._cache.get(key)
        if found is None:
            return None
        if self.on_cache is not None:
            self.on_cache(True)
        return found[0]

    def explain(self, question: str, today: dt.date | None = None, session_id: str | None = None
                ) -> tuple[Answer, list[str]]:
        """The answer and what each stage saw (uncached; the session advances as with `ask`)."""
        today = today or self.today()
        trace = Trace()
        answer, new_state = self._respond(question, today, self.sessions.get(session_id), trace)
        self.sessions.put(session_id, new_state)
        return answer.model_copy(update={"session_id": session_id}), trace.lines

    # ----------------------------------------------------------------- stages
    def _respond(self, question: str, today: dt.date, state: SessionState, trace: Trace | None
                 ) -> tuple[Answer, SessionState]:
        u = self.understander.understand(self._office_named(question, state), state.last_question, bool(state.topics))
        if trace:
            trace.add("understand", *u.lines())
        # Sub-questions are answered one by one; when a topic is named, only sentences that each ask
        # are ("科创金融子课题要覆盖哪几个阶段？报告叫什么？"), and a sentence naming no topic is about the
        # one named before it (a list under one predicate stays one topic question: "经费和电话分别是").
        sentences = len(u.parts) > 1 and all(p in u.text for p in u.parts)
        # A place or programme the notice does not know makes every part out of scope; an aspect it is
        # silent on ("字体有没有要求") only the part that asks it.
        whole_oos = bool(u.foreign) if PART_SCOPE else self._out_of_scope(u)
        # ... and so are the attributes asked of a named topic when one is not a topic's own ("人才评价那个子课题的
        # 电话和完成期限": the completion date is the notice's, not the topic's)
        beyond_topic = bool(u.topics) and all(asked_attribute(p) for p in u.parts) and any(
            asked_attribute(p) not in FACET_OF for p in u.parts)
        # ... and so are parts of which one names the topic and another something else the notice has ("宏观指导的
        # 资源处电话和创新平台扩容那个子课题的资源处电话，分别是多少": a general contact beside the topic's)
        part_topics = [self.understander.topics.resolve(p) for p in u.parts] if TOPIC_APART and u.topics else []
        named = [bool(t) for t in part_topics]
        topic_apart = any(named) and any(
            not n and self.understander.names_something(self.understander.subject_of(p)) for n, p in zip(named, u.parts, strict=True))
        # ... and so are parts each naming a topic of its own that the whole question did not find ("the numbers for
        # the proof-of-concept sub-topic and for the innovation-platform upgrading sub-topic": each described apart)
        own_topics = (PARTS_OWN_TOPICS and len(part_topics) > 1 and all(named)
                      and any(set(t) - set(u.topics) for t in part_topics))
        if len(u.parts) > 1 and (not u.topics or sentences or beyond_topic or topic_apart or own_topics) and not whole_oos:
            results = []
            bare: list[Answer] = []
            topics = [] if topic_apart else list(u.topics)  # (a part naming no topic then asks of none)
            previous_part = ""
            for i, part in enumerate(u.parts):
                # A part naming nothing ("子课题有几个？都归哪个处？") asks about the part before it.
                before = self.understander.subject_of_parts(u.parts[:i]) if i else ""
                asked = part if not i or (self.understander.names_something(part) and not (
                    SUBJECTLESS_PARTS and _SUBJECTLESS_PART.match(part)
                    # (a subject as the notice writes it, "信用承诺书"; not a split alternative's, "申报是线上和申报是线下")
                    and before in self.understander.notice)) else f"{before}{part}"
                own_subject = False  # (a part naming its own subject asks nothing of the topic the one before named)
                if (ELLIPTICAL_PARTS and i and _NAMES_ONLY_PART.search(part) and asked_attribute(part) is None
                        and (completed := self.understander.complete_followup(part, previous_part, bool(topics)))):
                    asked, own_subject = completed, not completed.startswith(previous_part)
                previous_part = asked
                pu = self.understander.understand(asked)
                pu.lang = u.lang
                # (when parts ask apart, one naming something of its own asks of no topic the one before named:
                # "…the major project on the service platform. Is he OK? What's the last day to submit?")
                # (a part pointing back, "and what level is it?", asks of the topic still: understand's follow-up
                # pronoun, "it" as a word, not inside "submit")
                if topics and not pu.topics and not own_subject and not (
                        topic_apart and i and not named[i] and asked_attribute(part) not in (None, *FACET_OF)
                        and not PRONOUN.search(part)
                        and self.understander.names_something(self.understander.subject_of(part))):
                    pu.topics = topics
                topics = pu.topics or topics
                if trace:
                    trace.add("sub-question", asked)
                part_answer, part_state = self._answer(pu, today, state, trace)
                bare.append(part_answer)
                if part_answer.intent == Intent.OUT_OF_SCOPE:
                    # Which part the notice does not cover, beside the parts it does.
                    about = f"关于“{part.rstrip('?？')}”：" if u.lang == "zh" else f'On "{part.rstrip("?？")}": '
                    part_answer = part_answer.model_copy(update={"answer": about + part_answer.answer})
                results.append((part_answer, part_state))
                if CARRY_PART_TOPIC and part_answer.intent == Intent.TOPICS and len(part_state.topics) == 1:
                    # "研究金融的适合报哪个题目，联系电话多少": the topic a part found is what the next part,
                    # naming nothing, asks about
                    topics = list(part_state.topics)
            # (every part out of scope, "评审按什么标准打分？各项占多少分？": one "not covered", not one per part)
            answer = (bare[0] if all(a.intent == Intent.OUT_OF_SCOPE for a in bare)
                      else _merge([a for a, _ in results]))
            new_state = results[-1][1]
        else:
            answer, new_state = self._answer(u, today, state, trace)
        if trace:
            trace.add("answer", f"intent={answer.intent.value}", *(f"cite {c.id}" for c in answer.citations[:3]))
        return answer, replace(new_state, last_question=u.text)

    def _after_window(self, step: str, best: Fact) -> Fact | None:
        """The dated step after `step` when `step` names the best fact's own window ("网上申报截止以后，下一个
        环节是什么时候": the asker has the submission dates; the window opening next is asked)."""
        named = self.ranker.matcher.score(step)
        window = best.window
        if not named or named[0].fact.id != best.id or window is None:
            return None
        later = [f for f in self.corpus.facts if f.window and f.window.opens >= window.closes and f.id != best.id]
        return min(later, key=lambda f: f.window.opens if f.window else window.closes) if later else None

    def _office_named(self, question: str, state: SessionState) -> str:
        """The question with an office it points at ("这个处", "that office") named: the one office of the
        topics under discussion, when they have one."""
        offices = {c.office for t in state.topics for c in self.corpus.topic(t).contacts}
        if len(offices) != 1 or not (m := THAT_OFFICE.search(question)):
            return question
        return f"{question[: m.start()]}{offices.pop()}{question[m.end():]}"

    def _answer(self, u: Understanding, today: dt.date, state: SessionState, trace: Trace | None
                ) -> tuple[Answer, SessionState]:
        q, lang, delta = u.text, u.lang, u.profile
        topics = list(u.topics)
        facets = self._facets(q, topics)
        if (topics and LEVEL_FACET and "level" not in facets and not (facets or FACET_OF.get(u.attribute or ""))
                and self.understander.levels_besides_topics(q)
                and not (LEVEL_NAMES_DETAIL and self._level_names_topic(q, topics))):
            # "那个子课题算重大项目吧": a level named of a named topic is asked of it, unless the question asks
            # another facet ("场景驱动人工智能那个重点项目主要研究什么": the level only names the topic).
            facets.append("level")
        if topics and ATTRIBUTE_FACETS and (facet := FACET_OF.get(u.attribute or "")) and facet not in facets:
            facets.append(facet)  # "科创金融那个子课题能拿多少": the asked value is the topic's facet
        time_now = (_has(V.STILL_REQUIRED.sub("", q), V.TIME_NOW) and not u.conditioned) or u.status
        hits = self.retriever.search(u.focus, MAX_CITATIONS, mode="bm25", correct=False)
        features = self._intent_features(u, hits, state)
        if ENGLISH_STEP_WORDS and lang == "en" and len((glossed := V.english_step(u.focus)).split()) >= 2:
            # "Who has to check the application inside our unit before it is submitted?": the procedure's
            # words in the notice's Chinese find its clauses ("经单位管理员审核后在限定时间内提交"); one
            # such word alone is any question's verb ("Can one person submit two proposals?"). (The intent
            # model reads the question's own hits, as it was fitted.)
            hits = self.retriever.search(f"{u.focus} {glossed}", MAX_CITATIONS, mode="bm25", correct=False)
        if self.on_features is not None:
            self.on_features(features)
        kinds = self.intents.predict(features)
        failing = frozenset(self.checker.failing(delta)) if delta.model_dump(exclude_none=True) else frozenset()
        # The notice's own names of the levels asked of ("重点项目", "重点课题"), whose stated values the ranker reads.
        named = tuple(w for lv in u.levels for w in self.understander.level_words[lv][:2])
        # (a time the asker proposes something be done by, "10月底之前交上去都行吧", is weighed against the windows)
        # (and so is acting at a window's end: "拖到最后一天再交", "last-minute submission")
        window_end = bool(V.WINDOW_END.search(q))
        proposed = PROPOSED_DATES_ASK_WINDOWS and (u.attribute == "date" and bool(BY_DATE.search(q)) or window_end)
        # (only a condition the asked part names, in a question of conditions: "我们是一家研究所，第一次申报，首先要做
        # 什么" states a unit and a count, and asks a step)
        # (a qualification asked whether it is needed names its rule too: "Do I need a PhD to lead a major project?";
        # the asked part read so names every condition its plain reading does)
        bearing = (frozenset(self.checker.bearing(extract_profile(u.focus, asked_too=True)))
                   | frozenset(self.checker.bearing(delta) if u.focus == q else ())
                   if NAMED_CONDITIONS and best(kinds)[0] in ("eligibility", "rules") else frozenset())
        ranked = self.ranker.rank(u.focus, hits, u.attribute, time_now or proposed, _has(q, V.WHEN), kinds, failing, named,
                                  bearing, bare=not (u.topics or u.offices or u.levels or named)
                                  and self.understander.asks_only_attribute(u.focus), told=q)
        # A fact of an annexed form does not answer a question naming another form ("包干制承诺书" is not
        # the credit pledge template, though both are 承诺书).
        ranked = [c for c in ranked if not (c.fact.about_ids and all(
            self.quotes.names_other_form(q, self.corpus.passage(pid).section) for pid in c.fact.about_ids))]
        list_asked = _has(q, V.LIST_WORDS) or V.COUNTED_HOLDERS.search(q) is not None
        facts = select(ranked, listing=list_asked)
        # A count asked of one kind of holder (rank.W_HOLDER): beside a fact limiting it, a fact limiting only the
        # other kind is no part of the answer.
        penalised = {c.fact.id for c in ranked if c.features.get("holder", 0.0) < 0}
        if len(facts) > 1 and any(f.id not in penalised for f in facts):
            facts = [f for f in facts if f.id not in penalised]
        if (WINDOW_END_ASKS_WINDOW and window_end and facts and facts[0].window is None and not topics
                and self.ranker.main_window is not None and not u.foreign):
            # "我们准备最后两天再交，来得及吗": acting at a window's end asks of the window, whatever else it names
            facts = [self._window_fact()]
        if ATTACHMENT_SENSES and facts and facts[0].role == "attachments" and not ANNEXES_OF_NOTICE.search(q) and (
                handed := self.corpus.fact_by_role("materials")) is not None and handed not in facts:
            # "附件" is the notice's annexes and what the applicant attaches: "网上要传哪些附件" asks what is handed in;
            # "附件都有啥", asking neither, gets both; "通知带了哪些附件" the annexes only
            facts = [handed, *facts[1:]] if HANDED_IN.search(q) else [facts[0], handed, *facts[1:]]
        # what a duration is asked of, when the best candidate does not name it ("公示期多久", "区里审核推荐要多久")
        unnamed_head = self._unnamed_duration_head(u, ranked) if UNSTATED_DURATIONS else ""
        if unnamed_head and not topics and (dated := self._dated_by(unnamed_head, ranked)) is not None:
            facts = [dated]  # ("区里审核推荐要多久": that step's window, not the implementation period beside it)
        issued_asked = bool(NOTICE_DATE_ASKED and u.attribute == "date" and V.NOTICE_ISSUED.search(q))
        if issued_asked and (issued := self.corpus.fact_by_role("issue_date")) is not None:
            facts = [issued]  # "通知啥时候发的": the notice's own date, not a window it sets
        if facts and list_asked and u.attribute in ("phone", "office", "date", "amount", "url"):
            # "有哪些咨询电话", "可以找哪些部门": every fact of the best one's kind that holds the asked value.
            kind = [f for f in self.corpus.facts if f.intent == facts[0].intent
                    and u.attribute in self.ranker.attributes[f.id] and f not in facts]
            facts = [*facts, *kind][:OVERVIEW_MAX]
        asked_kind, sure = best(kinds)
        sure_kind = asked_kind if sure >= INTENT_SURE else None
        if u.overview and not facts and sure_kind is None and OVERVIEW_LIKELIEST and asked_kind in GENERAL_INTENTS \
                and not topics and not u.foreign:
            sure_kind = asked_kind  # "有什么要求？": the whole of the likeliest aspect, nothing else being asked
        if u.overview and (facts or sure_kind in GENERAL_INTENTS):
            # The whole of the aspect ("申报流程是怎样的", "申报程序是怎么样的"): of the kind the model finds
            # likeliest (when it is sure, or when a fact was found; else the best fact's), every fact
            # with evidence, best first, and the rest of that kind when all of it fits in one answer.
            aspect = (sure_kind if sure_kind in GENERAL_INTENTS
                      else facts[0].intent if facts and kinds.get(facts[0].intent, 0.0) >= OVERVIEW_TIE * sure
                      else asked_kind if facts and asked_kind in GENERAL_INTENTS else facts[0].intent)
            # (with evidence, a fact of another kind that answers this one too: "经费管理有什么规定" holds the
            # lump-sum funding fact, a funding fact that is a rule as well)
            kind = [c.fact for c in ranked if self.ranker.of_kind(c.fact, aspect) and c.score > 0]
            if not kind and facts and kinds.get(aspect, 0.0) < OVERVIEW_OF_EVIDENCE:
                # No fact of the likeliest aspect has evidence, and a fact of another has: that one's aspect
                # ("结题的时候对成果有什么要求" is not the whole application process)
                aspect = facts[0].intent
                kind = [c.fact for c in ranked if c.fact.intent == aspect and c.score > 0]
            rest = [f for f in self.corpus.facts if f.intent == aspect and f not in kind]
            kind, rest = self._forbidding_first(q, kind, rest)
            # (the aspect's first facts when none of them shares a word with the question)
            facts = (kind + rest if len(kind) + len(rest) <= OVERVIEW_MAX else kind or rest)[:OVERVIEW_MAX] or facts
            facts = self._steps_in_order(facts, aspect)
        # (a fact the notice files under another kind that answers this one too, "内部公示" among the rules and
        # a step of the process, is of the asked kind)
        elif ((not facts or CORE_OTHER_KIND and all(not self.ranker.of_kind(f, sure_kind or "") for f in facts)
               and u.attribute in CORE_OTHER_ATTRIBUTES
               # (a time proposed, "打算最后一天再提交", is weighed against the window found: that answers it)
               and not (PROPOSED_WINDOW_KEPT and proposed and facts[0].window is not None))
              and sure_kind in CORE_KINDS and kinds.get("out_of_scope", 0.0) <= CORE_MAX_OOS
              and not topics and not u.foreign and not u.offices):
            # "怎么报名", "第一步得先干啥": a question of a kind the model is sure of, in words the notice
            # does not use, and nothing else asked: the facts of that kind, as for the whole aspect.
            kind = [c.fact for c in ranked if c.fact.intent == sure_kind and c.score > 0]
            rest = [f for f in self.corpus.facts if f.intent == sure_kind and f not in kind]
            kind, rest = self._forbidding_first(q, kind, rest)
            facts = self._steps_in_order((kind + rest)[:OVERVIEW_MAX], sure_kind or "")
            u.overview = True
        elif (DATES_DEFAULT_WINDOW and not facts and sure_kind == "dates" and kinds.get("out_of_scope", 0.0) <= CORE_MAX_OOS
              and not topics and not u.foreign and not u.offices and self.ranker.main_window is not None):
            # "俺想拖到最后一天再交，会不会有啥问题": a question about when, sure of its kind, in words no dated
            # fact shares: the call's own window (with what the notice says of its last days)
            facts = [self._window_fact()]
        if (PROHIBITIONS_ASKED.search(q) and _has(q, WHAT_WORDS) and not topics and not u.foreign
                and not delta.model_dump(exclude_none=True) and self._forbidding):
            # "都禁止了哪些做法", "what is prohibited": every fact forbidding something, in the notice's words
            facts, u.overview = self._forbidding[:OVERVIEW_MAX], True
        if trace:
            trace.add("retrieve", *(f"{h.passage.id} bm25={h.score:.2f}" for h in hits[:3]))
            trace.add("kind", ", ".join(f"{k}={p:.2f}" for k, p in sorted(kinds.items(), key=lambda x: -x[1])[:3])
                      or "no model")
            trace.add("rank", *(c.describe() for c in ranked[:8]))
            trace.add("rank", "chosen: " + (", ".join(f.id for f in facts) or "-"))
        # A sentence of a fact whose kind the model rules out, sure of another, is no lead ("网上填完是谁
        # 提交": not the sentence about submitting early, which a dates fact rests on).
        # (nor a sentence limiting another kind of holder than the one a count is asked of: "一个单位最多报几个" is not
        # led by the one-project-per-leader sentence)
        def ruled_out(f: Fact) -> bool:
            return bool(sure_kind) and kinds.get(f.intent, 1.0) < RULED_OUT and f not in facts

        def may_lead(h: Hit) -> bool:
            o = self._owners.get(h.passage.id)
            return not (o and (ruled_out(o) or o.id in penalised))

        lead_hits = [] if issued_asked else [h for h in hits if may_lead(h)]
        top_score = ranked[0].score if ranked else 0.0
        top_longest = ranked[0].longest if ranked else 0
        # A topic asked for that suits what the asker works on ("我研究…，哪个选题比较对口"): the field, read once
        fit_field = self.topics.field(q)
        asker = self._asker(u, facts, top_longest, state, sure_kind, fit_field if FIELD_FITS else "")
        stated, asks_eligibility, personal, other_question = (
            asker.stated, asker.asks_eligibility, asker.personal, asker.other_question)
        follow_up = not topics and state.topics and (
            _has(q, V.PRONOUNS) or (facets and len(q) <= 14 and top_score < 4) or (facets and len(q) <= 8)
            # (English measured in words: "What's the phone number?" is as short as "电话多少"; a facet of what a
            # topic is, "what is", is any English question's words: "What is the deadline?" asks the call's)
            or (set(facets) - {"content", "title"} and SHORT_IN_WORDS and not _CJK_CHAR.search(q)
                and len(q.split()) <= SHORT_TURN_WORDS)
            # "And which office is the contact?": a continuing turn asking a facet of the topic discussed
            or (facets and u.elliptical and ELLIPTICAL_FACETS)
            # ("What is the deadline?" asks the call's: in English the words asking a facet are any question's)
            or (facets and ATTRIBUTE_ONLY_FACETS and _CJK_CHAR.search(q) and self.understander.asks_only_attribute(q))
        )

        def done(draft: Draft, intent: Intent, topic_ids=(), elig: Eligibility | None = None,
                 profile: Profile | None = None, support: bool = True) -> tuple[Answer, SessionState]:
            """The answer of `draft`; `support`: a clause of the notice the question's words find may lead it
            (not for a list that answers the question as a whole)."""
            new_state = SessionState(
                topics=tuple(topic_ids) or state.topics, intent=intent.value, profile=profile or state.profile
            )
            if lang == "zh" and intent.value in REPORTABLE and intent != Intent.ELIGIBILITY and not u.overview and support:
                naming = {w for t in topic_ids for w in self._naming.get(t, ())}
                draft = self.quotes.with_support(self.quotes.purpose(self.quotes.bound(draft, u.focus), u.focus,
                                                                     u.attribute == "why"),
                                                 # (the programme's own name tells nothing of what is asked)
                                                 self.understander.unnamed(u.focus), lead_hits, topic_ids,
                                                 naming, about_topics=sure_kind == "topics",
                                                 # (whether a window is open now asks a date: "系统开放了没")
                                                 attribute=u.attribute or ("date" if time_now and STATUS_ASKS_DATE
                                                                           else None))
            if CONSEQUENCES_LEAD and u.attribute == "consequence" and intent not in (Intent.ELIGIBILITY, Intent.OUT_OF_SCOPE):
                draft = self.quotes.consequence(draft, u.focus, lang)
            citations = [] if intent == Intent.OUT_OF_SCOPE else self._citations(draft, q, topic_ids, hits)
            if sure_kind in REPORTABLE and intent.value in REPORTABLE and intent != Intent.ELIGIBILITY:
                # The kind of question asked, where the model is sure of it: "截止之后还能补交吗" asks
                # about the process even when the fact that answers it is a dated one.
                intent = Intent(sure_kind)
                if intent == Intent.ELIGIBILITY and elig is None:
                    # The verdict on what the asker stated now too ("…already put forward two projects").
                    profile = state.profile.merged(delta) if personal else state.profile
                    elig = self.checker.check(profile, today, lang)
                    new_state = replace(new_state, profile=profile)
            if other_question and intent not in (Intent.ELIGIBILITY, Intent.OUT_OF_SCOPE) and elig is None:
                # The asked thing first; the verdict on the facts the asker stated after it.
                profile = state.profile.merged(delta)
                elig = self.checker.check(profile, today, lang)
                extra = eligibility_answer(elig, lang, self.corpus, True, today)
                draft = Draft(f"{draft.text}\n\n" + ("另外，就您提到的情况：" if lang == "zh" else "About your situation: ")
                              + extra.text, draft.passages, draft.rank_passages)
                new_state = replace(new_state, profile=profile)
            return Answer(answer=draft.text, intent=intent, citations=citations, eligibility=elig,
                          language=cast(Language, lang),  # "zh" or "en" (Understanding.lang)
                          topic=topic_ids[0] if topic_ids else None), new_state

        # 0b. A level other calls set that this one does not ("这次有没有一般项目？"), asked of, not applied for: the
        #     levels the notice does set, and what each receives.
        if ABSENT_LEVELS and u.absent_levels and not u.levels and not topics and not asks_eligibility and not u.foreign:
            set_levels = [f for role in ("project_counts", "funding_levels") if (f := self.corpus.fact_by_role(role))]
            if set_levels:
                draft = facts_answer(set_levels, today, lang)
                names = "、".join(LEVEL_NAMES[lv] for lv in u.absent_levels)
                head = (f"通知未设{names}，只列了以下项目类别：" if lang == "zh" else
                        f"The notice sets no {', '.join(LEVEL_EN[lv].lower() + 's' for lv in u.absent_levels)}; "
                        "it lists these levels only: ")
                return done(Draft(head + draft.text, draft.passages, rank_passages=False), Intent.TOPICS, support=False)

        # 1. Questions about something the notice does not say (unless the user is stating facts):
        #    an aspect it is silent on, or a place or programme it does not know.
        # The model learnt what is out of scope from questions on one notice; a notice that does state the
        # asked thing (a fact its own words name, holding a value of the asked kind: "专家评审安排在什么时候"
        # where this notice dates the review) answers it.
        # (a date only, of a single dated step: "how do I apply" names a step of every notice, and a window
        # such as the submission one is in every notice too, while a dated event is one this notice has)
        # (or a window of its own kind, asked by the notice's own name for it, as ingest gives it for its trigger:
        # "专家评审什么时候" where the notice has "专家评审时间：…至…", not the submission window every notice has)
        stated_here = bool(STATED_OVERRIDES_MODEL and u.attribute in STATED_ATTRIBUTES and not u.foreign and ranked
                           and ranked[0].score >= MIN_SCORE
                           and (ranked[0].fact.window is None or ranked[0].fact.window.name_zh in ranked[0].fact.triggers
                                and ranked[0].fact.window.name_zh in u.text)
                           and all(ranked[0].features.get(k, 0) > 0 for k in ("trigger", "retrieval", "attribute")))
        # (a topic found only by words of its title the question shares, asking nothing of a topic: "深圳有哪些
        # 概念验证中心" asks about Shenzhen's centres, not the concept-verification study)
        # (a topic asked for that suits what the asker works on, and one does: "我研究科技型中小企业融资、风投和银行
        # 产品，有对口的题吗" is a topic question, whatever words of the field the notice lacks)
        fit_topic = (self._fitting_topic(fit_field) if fit_field and not topics and not follow_up
                     and not (NO_FITTING_TOPIC_LISTS and TOPIC_EXISTS.search(q)) else None)
        model_oos = (sure_kind == "out_of_scope" and (not topics or not TOPIC_WORD.search(q) and not facets
                                                       and sure >= TOPIC_WORDS_OOS_SURE)
                     and not u.offices and not stated_here and not (FIELD_FITS and fit_topic)
                     # (a topic of a field asked for that none suits: the notice's topics are set, and these are they)
                     and not (FIELD_FITS and NO_FITTING_TOPIC_LISTS and fit_field and not u.foreign)
                     # (the regulation something rests on, where the best fact cites one: "What is the regulatory
                     # basis for this call?" asks for a document the notice names, in words the model finds foreign)
                     and not (DOCUMENT_ASKED_CITED and u.attribute == "document" and not u.foreign and ranked
                              and ranked[0].features.get("attribute", 0.0) > 0 and ranked[0].score >= MIN_SCORE)
                     and not (PURPOSE_ASKED_STATED and u.attribute == "why" and not u.foreign and ranked
                              and all(ranked[0].features.get(k, 0.0) > 0 for k in ("attribute", "retrieval"))
                              and ranked[0].score >= MIN_SCORE)
                     # (what follows from something, where the best passages say what follows it)
                     and not (CONSEQUENCES_LEAD and u.attribute == "consequence"
                              and self.quotes.states_consequence(u.focus, [h.passage.id for h in hits[:CONSEQUENCE_HITS]])))
        # With the asker's own facts stated, the asked part alone decides ("我35岁，在郑州一所高校，项目结余
        # 经费要交税吗": the stated city is a fact of theirs, the tax question is out of scope).
        # When they ask may-I, the clause that asks decides ("…已经超出合同期一年了，还能报今年的软科学吗": the
        # contract is a fact of theirs).
        # So does a clause asking whether the facts bar them ("…项目还没结题，但合同期还没到，影响今年申报吗").
        clause = self.understander.asking_clause(u.focus)
        asked_oos = personal and u.focus != q and self._text_out_of_scope(
            clause if asks_eligibility or not asker.other_question and V.SEEKS_VERDICT.search(clause) else u.focus)
        # "Can we apply to the Hubei Youth Science Fund?": may-I asked of another call, in the clause that
        # asks ("我去年拿过国家社科基金，今年能报吗" states the other call and asks of this one).
        asked_oos = asked_oos or bool(asks_eligibility and OTHER_CALL_ASKED
                                      and self.understander.other_calls(self.understander.asking_clause(q)))
        # ("How do I get a Zhengzhou hukou as a new PhD graduate?": what is sought decides, whoever asks)
        asked_oos = asked_oos or bool(self.understander.sought_unknown(self.understander.asking_clause(q)))
        # ("公示期多久": the notice names the publicity but gives it no length; the best duration is another thing's)
        asked_oos = asked_oos or bool(unnamed_head and self._said_without_time(unnamed_head, ranked))
        # ("为什么我的申请没通过", "Why was our funding cut?": a reason for an outcome or a change, which the notice
        # states for none it does not itself name: it sets conditions and amounts, not why an application failed)
        asked_oos = asked_oos or bool(UNSTATED_OUTCOME and u.attribute == "why" and self._outcome_unstated(
            self.understander.asking_clause(q)))
        # A word of an aspect the notice is silent on, said beside what is asked ("拟立项名单出来之前要不要交纸质版"
        # names the approval list as a time): not the asked thing when the model is sure of an in-scope kind
        # and the best fact is of that kind.
        said_beside = bool(COVERED_SURE and not u.foreign and sure >= COVERED_SURE and ranked
                           and ranked[0].fact.intent == asked_kind and ranked[0].score >= MIN_SCORE)
        # (the programme itself asked, in words the model finds out of scope: "What is the purpose of the
        # soft science programme?")
        about = ABOUT_PROGRAMME and not topics and not stated and (self.understander.about_programme(q) or (
            u.hypothesis and self.understander.about_programme(u.focus, asking=False))
            # (the call or the notice named and nothing else, "软科学", "通知": what it is)
            or NAMED_ALONE and not state.intent and self.understander.about_programme(q, asking=False)
            # (who issued the notice: "这个通知是市科技局发的还是省科技厅发的")
            or ISSUER_ASKED and V.ISSUER_ASKED.search(q) is not None)
        # (the topics a restriction of who may apply is stated for, "Which topic is directly commissioned?": words of
        # the topics' table the model has no kind for)
        restricted = (self._restricted_topics(q, lang) if RESTRICTED_TOPICS and not topics and not follow_up
                      and not u.foreign else None)
        if (((self._out_of_scope(u) and not said_beside or model_oos and not (about and not u.foreign))
                and not asks_eligibility and (not personal or asker.introduced) and not restricted
                or asked_oos) and not (topics and facets and not self.understander.owning_cities(q))
                or V.TASK_REQUEST.search(q)):
            # (a text asked to be written is no question of the notice's, whatever topic it names: "帮我写一份
            # 人工智能方向的申报书")
            if trace:
                trace.add("scope", f"not covered: {u.foreign or [w for w in self.uncovered if w in q]}")
            return done(not_covered(self.corpus, lang, u.foreign), Intent.OUT_OF_SCOPE)

        # 1a. The notice's own title asked ("这份通知的标题全称叫什么", "What is the notice called?"): its title
        #     line, and who issued it.
        if NOTICE_TITLE and self._title_passage is not None and not topics and V.NOTICE_TITLE.search(q):
            by = self.corpus.meta.issuer
            text = (f"本通知的标题是《{self.corpus.title}》" + (f"，发文单位为{by}。" if by else "。") if lang == "zh"
                    else f"The notice is titled 《{self.corpus.title}》" + (f", issued by {by}." if by else "."))
            return done(Draft(text, [self._title_passage.id]), Intent.OTHER, support=False)
        # ... and who issued it ("这个通知是哪个部门发的", "Who issued this call?"): the issuer, by the title line
        if (ISSUER_ASKED and self._title_passage is not None and (by := self.corpus.meta.issuer) and not topics
                and len(u.parts) <= 1 and V.ISSUER_ASKED.search(q)):
            signed = [p.id for p in self.corpus.passages if squash(p.text) == squash(by)][:1]
            text = (f"本通知由{by}印发，标题为《{self.corpus.title}》。" if lang == "zh"
                    else f"The notice was issued by {by}; it is titled 《{self.corpus.title}》.")
            return done(Draft(text, [self._title_passage.id, *signed]), Intent.OTHER, support=False)

        # 1b. The programme itself ("这是个什么项目", "软科学项目到底是干啥的"): what the call is, what it
        #     serves, and what it offers.
        # ("这个是省科技厅的项目吧": the programme, with the asker's guess of who runs it)
        if about:
            facts = [f for role in ABOUT_ROLES if (f := self.corpus.fact_by_role(role)) is not None]
            if u.attribute == "why" and facts and facts[0].role == ABOUT_ROLES[0]:
                # ("这次软科学计划是为了什么目的": what it is for, as the notice says, and what its work serves)
                facts = [f for f in facts if f.role in ABOUT_PURPOSE_ROLES]
            if facts:
                draft = facts_answer(facts, today, lang)
                by = self.corpus.meta.issuer
                head = f"{self.corpus.title}（{by}）：" if lang == "zh" else f"{self.corpus.title} ({by}): "
                if not by:
                    head = f"{self.corpus.title}{'：' if lang == 'zh' else ': '}"
                return done(Draft(head + draft.text, draft.passages, rank_passages=False), Intent.OTHER)

        # 2. Eligibility: personal facts stated, or a may-I-apply question, or a session already on it.
        in_eligibility = state.intent == Intent.ELIGIBILITY.value
        # A may-one-apply question about a rule in general ("涉密项目能报吗", "事业单位也能报5项吗"), not
        # about the asker, gets the rule: the model is sure it is not an eligibility question.
        # So is one that states nothing of the asker to check ("我们注册完就能申报吗" asks about a step).
        general_rule = (sure_kind not in (None, "eligibility", "out_of_scope")
                        and (not V.speaks_of_self(q) or NOTHING_STATED_RULE and not stated) and not in_eligibility)
        # ... and so is one stating nothing of the asker that names one rule of the checker's other than who may
        # apply or lead ("Can I lead two projects this year?"): that rule answers, not every condition in turn
        general_rule = general_rule or bool(
            NAMED_RULE_ANSWERS and not stated and not in_eligibility and not topics and facts and ranked
            and u.attribute is None  # ("谁可以申报这个项目" asks who may apply)
            and ranked[0].fact is facts[0]
            and facts[0].role not in ("applicants", "leader_requirements")
            and self._rule_quoted(facts[0]))
        if not other_question and not general_rule and (
            personal or (asks_eligibility and not (time_now and not stated)) or (
                in_eligibility and "project_level" in delta.model_dump(exclude_none=True)
                # (a level named after a verdict on the asker's facts asks it again at that level; after a question
                # of the rules in general, "And for major projects, any title requirement?" asks that level's rule,
                # when a rule of who may apply or lead is what the turn found)
                and (not LEVEL_AFTER_GENERAL or not facts or facts[0].intent != Intent.ELIGIBILITY.value
                     or bool(state.profile.model_dump(exclude_none=True, exclude={"project_level"}))
                     or any(V.ASK_ELIGIBLE_ZH.search(x) or V.ASK_ELIGIBLE_EN.search(x)
                            for x in (q, state.last_question or ""))))):
            profile = state.profile.merged(delta)
            if topics and profile.project_level is None:
                profile = profile.merged(Profile(project_level=cast(ProjectLevel, self.corpus.topic(topics[0]).level)))
            result = self.checker.check(profile, today, lang)
            # (a condition of who may apply or lead that the question names and no Profile field states: "退休返聘的
            # 老师可以当负责人吗" names who may lead by employment, said before who may apply in general)
            # (or a condition the notice states beside who may apply, of any kind: "申报单位应具有较为完备的科研管理制度")
            # (not one the verdict already says, checked or asked for: a rule of the checker rests on its words)
            def condition(ranked: list[Candidate]) -> Fact | None:
                top = ranked[0] if ranked else None
                return (top.fact if NAMED_CONDITION_LEADS and top and top.score >= MIN_SCORE
                        and top.features.get("trigger", 0) > 0
                        and (top.fact.intent == Intent.ELIGIBILITY.value or self._among_conditions(top.fact))
                        and top.fact.role not in ("applicants", "leader_requirements")
                        and not self._rule_quoted(top.fact) else None)

            named_condition = condition(ranked)
            if named_condition is None and NAMED_CONDITION_LEADS and u.focus != q:
                # (a condition named where the asker tells of themselves: "我们所里还没有成型的科研管理制度，这样能申报吗")
                told = self.retriever.search(q, MAX_CITATIONS, mode="bm25", correct=False)
                named_condition = condition(self.ranker.rank(q, told, None, False, False, kinds, failing, named))
            draft = eligibility_answer(result, lang, self.corpus, bool(profile.model_dump(exclude_none=True)), today,
                                       about=named_condition)
            if TOPIC_APPLICANTS_LEAD and (own := [topic_facet(self.corpus.topic(t), "applicants", lang) for t in topics
                                                  if self.corpus.topic(t).applicants]):
                # ("课题2科研院所能报吗"): who may apply for the topic, as its own row says, before the call's conditions
                draft = Draft("\n".join([*(d.text for d in own), draft.text]),
                              list(dict.fromkeys([*(p for d in own for p in d.passages), *draft.passages])),
                              draft.rank_passages)
            return done(draft, Intent.ELIGIBILITY, topics, result, profile)

        # 2b. The wording of an annex ("承诺书里说经费上不能干哪些事儿", "承诺书第二条…"): the annex's
        #     clause that answers, verbatim, then what the notice says of the annex.
        if u.document and not topics and DOCUMENT_CLAUSES and (
                pids := self._document_items(u) or ([pid] if (pid := self._document_passage(u)) else [])) and not (
                self.quotes.names_other_form(q, self.corpus.passage(pids[0]).section)):
            quoted = [self.corpus.passage(pid).text for pid in pids]
            of_doc = [f for f in [*facts, *self.corpus.facts]
                      if any(self.corpus.passage(x).section.startswith(u.document) for x in f.passage_ids)]
            draft = facts_answer(of_doc[:1], today, lang)
            lead = (f"通知原文（{u.document}）：" + "".join(f"“{t}”" for t in quoted) if lang == "zh"
                    else f'The notice ({u.document}): ' + " ".join(f'"{t}"' for t in quoted))
            pids = self._titled(pids)
            return done(Draft(f"{lead}\n{draft.text}".strip(), list(dict.fromkeys([*pids, *draft.passages])),
                              rank_passages=False),
                        # (what follows breaking the form's pledge is a question of the rules, whoever's form it is)
                        Intent.RULES if DOCUMENT_NAME_ASKED and u.attribute == "consequence"
                        else Intent(of_doc[0].intent) if of_doc else Intent.OTHER)

        # 3. What follows a step ("上传完附件以后还要做什么", "单位管理员审核提交后，项目到谁手里"): the
        #    notice's next clause after the one describing the step, and the fact it belongs to.
        # A value asked after a step ("立项以后最晚哪天要做完") is a date or an amount, not the next step.
        step = (self.quotes.next_step(u.after, u.text.replace(u.after, " "), u.attribute == "who") if u.after and lang == "zh" and not topics
                and u.attribute not in VALUE_ATTRIBUTES else None)
        if (ENGLISH_STEPS and u.after and lang == "en" and not topics and u.attribute not in VALUE_ATTRIBUTES
                and (zh_step := V.english_step(u.after))):
            # the step in the notice's own words, then what follows it
            step = self.quotes.next_step(zh_step, who=u.attribute == "who")
        if step and (owner := self._owners.get(step[1])) is not None and owner.intent in STEP_KINDS:
            draft = facts_answer([owner], today, lang)
            lead = f"通知原文：“{step[0]}”。" if lang == "zh" else f'Next, the notice says: "{step[0]}".'
            return done(Draft(f"{lead}\n{draft.text}", [step[1], *draft.passages]), Intent(owner.intent))

        #    A date asked after a dated step ("系统填报截止以后，接下来是什么环节，在什么时间") is the next
        #    dated step's: its dates alone (no clause the question's words find leads them, the step done
        #    being one).
        if (NEXT_DATED_STEP and u.after and u.attribute in ("date", "duration") and not topics and facts
                and (after := self._after_window(u.after, facts[0])) is not None):
            return done(facts_answer([after], today, lang), Intent(after.intent), support=False)

        # 3b. The first step ("新单位第一次申报要先做什么", "What must we do first?"): the procedure's first
        #     fact in the notice's order, unless a thing or value is asked ("首先要准备哪些材料").
        if (FIRST_STEPS and not topics and not u.after and V.FIRST_STEP.search(q) is not None and asked_kind != "out_of_scope"
                and u.attribute in (None, "how", "content") and (first := self._first_step) is not None):
            return done(facts_answer([first], today, lang), Intent.PROCESS, support=False)

        # 4. A section of the notice as a whole ("申报要求一共有哪几条", "整个申报流程分哪几步"): its parts
        #    as the notice numbers them.
        #    (asked in English, "What are the steps of the application process?": the procedure's section)
        section = (None if topics or u.offices or u.attribute in VALUE_ATTRIBUTES else self.outline.asked(q) if lang == "zh"
                   else self.outline.asked_en(q) if lang == "en" and ENGLISH_OUTLINE else None)
        if section:
            draft = self.outline.answer(section, lang)
            return done(draft, self._outline_intent(draft.passages))

        # 4b. The topics of one field group the notice lists them under, asked as a list ("产业科技创新方向有哪些课题"):
        #     that group's topics, not a topic a word of the group's name is an alias of
        if not follow_up and not u.levels and (grouped := self._group_listing(q, lang)):
            return done(grouped, Intent.TOPICS)

        # 4c. The topics a restriction of who may apply is stated for, asked as such ("定向委托的是哪个课题", "哪些课题限
        #     高校申报"): those whose own restriction holds the question's words, when some topics' do and others' not
        if restricted:
            return done(restricted[0], Intent.TOPICS, restricted[1])

        # 5. Topics: named now, or carried over from the previous turn, or described: the model is sure
        #    the question is about a topic and the best passages all belong to one ("Which cities should
        #    the concept verification platform study look at?").
        described = "" if topics or follow_up else self.topics.description(q)
        # (for a facet of it or a point of its content: "科创金融子课题里的产品供给体系要覆盖哪些阶段")
        # ("平台那个重大项目": among the topics of the level it names)
        found = self._retrieved_topic(described, tuple(u.levels)) if described else None
        if not found and not topics and not follow_up and fit_field:
            found = fit_topic
            if not found and (listing := self._listing("有哪些课题", [], lang)):
                # no topic suits the field: the notice's topics are set, and these are they
                head = (f"通知中没有与“{fit_field}”明显对应的课题。" if lang == "zh"
                        else f"No topic of the notice clearly matches \"{fit_field}\".")
                return done(Draft(f"{head}\n{listing.text}", listing.passages), Intent.TOPICS, support=False)
        if found and hits and hits[0].passage.topic not in (None, found) and not _opens(q, described):
            found = None  # said after the subject, the description is the asker's guess ("…的是概念验证那个课题吧")
        if follow_up:
            topics = list(state.topics)
        elif found:
            # a topic the question describes in words no alias holds ("科创金融那个子课题联系单位是", "无人机那个
            # 课题的电话"): the topic whose passages the description retrieves, well ahead of any other
            topics = [found]
        elif not topics and sure_kind == "topics" and len(hits) >= 2 and hits[0].passage.topic and all(
                h.passage.topic == hits[0].passage.topic for h in hits[:2]) and not (
                LEVEL_LISTS and u.levels and _has(q, V.LIST_WORDS)):
            # (a level's topics asked as a list are all of them: "What are the major projects this year?")
            topics = [hits[0].passage.topic]
            facets = [f for f in self._facets(q, topics) if f in facets]
        general_first = facts and not follow_up and facts[0].intent in GENERAL_INTENTS and top_longest >= 3 and not (
            set(facets) & {"funding", "contact", "deliverable", "references", "applicants", "due"}
        )
        if not topics and state.topics and not follow_up and top_longest < 3:
            # A point of the topic under discussion ("要参照什么指标体系？") needs no pronoun.
            detail = self._topic_detail(self.corpus.topic(state.topics[0]), q)
            if detail:
                return done(detail, Intent.TOPICS, state.topics)
        if topics and not general_first:
            return done(self._topic_draft(topics, facets, lang, q), self._topic_intent(facets, q), topics)

        # 5b. One topic described by words that name none ("养老产业相关的选题找哪个处室", "the silver economy
        #     topic's phone"): each topic with the asked value, rather than the general contacts.
        facet = next((f for f in facets if f in ("funding", "contact")), None)
        if (UNNAMED_TOPIC_LISTS and not topics and facet and not follow_up
                and self.topics.described(u.questioned or q if TOLD_IS_CONTEXT else q)
                and not (facts and top_longest >= 3 and facts[0].intent not in ("contacts", "funding"))):
            head = (f"通知中没有与此描述对应的课题名称；各课题的{'经费' if facet == 'funding' else '联系处室和电话'}如下："
                    if lang == "zh" else "The notice names no topic by that description; here is each topic's "
                    + ("funding:" if facet == "funding" else "contact:"))
            return done(topic_list(self.corpus.topics, facet, lang, head, levels=self.corpus.levels),
                        Intent.FUNDING if facet == "funding" else Intent.CONTACTS)

        # 6. An office by name ("成果处的电话").
        office = u.offices[0] if u.offices else None
        if office and (not facts or "contact" in facets or facts[0].intent == "contacts"):
            # (offices named side by side are each asked of: "成果处和服务业处的电话分别是多少")
            together = [o for o in self.understander.offices_together(u.focus) if o in u.offices] or [office]
            drafts = [office_answer(o, self.corpus, lang) for o in together]
            return done(Draft(("\n" if len(drafts) > 1 else "").join(d.text for d in drafts),
                              list(dict.fromkeys(pid for d in drafts for pid in d.passages))), Intent.CONTACTS)

        # 7. Lists of topics ("有哪些课题", "各课题的联系电话") — unless a general fact answers it better
        #    ("重大项目负责人有什么要求" names a level and says "有什么", but asks for a requirement).
        strong_fact = (bool(facts) and facts[0].intent != "topics" and top_score >= LISTING_YIELDS_TO
                       and not LIST_OF_TOPICS.search(q) and sure_kind != "topics")
        # "重点项目有几个": the list states the count, unless a fact that gives counts was found.
        counting = u.attribute == "count" and not (facts and "count" in self.ranker.attributes[facts[0].id])
        listing = None if strong_fact else self._listing(q, facets, lang, counting) or self._bare_listing(q, lang)
        if listing:
            return done(listing, self._topic_intent(facets, q))

        # 8. General facts: the asked clause for a yes/no or who question, else the facts' answers.
        if facts:
            if time_now and not any(f.window for f in facts):
                facts = [*facts, self._window_fact()]
            draft = self._facts_draft(facts, u, today, lead_hits, [c.fact for c in ranked if c.score >= MIN_SCORE],
                                      may_lead)
            if (COUNT_TOTALS and u.attribute == "count" and len(u.levels) != 1 and _TOTAL_ASKED.search(u.text)
                    and (total := self._levels_total(facts[0], u.lang))):
                # "重大和重点项目一共立多少项": the counts the fact gives per level, added up
                draft = Draft(draft.text + total, draft.passages, draft.rank_passages)
            intent = Intent(facts[0].intent)
            elig = self.checker.check(state.profile, today, lang) if intent == Intent.ELIGIBILITY else None
            return done(draft, intent, (), elig)

        if _has(q, V.GREETINGS) and len(q) <= 12:
            return done(greeting(lang, self.corpus), Intent.OTHER)
        if time_now and _has(q, ("申报", "报名", "apply", "submit", "报")):
            return done(facts_answer([self._window_fact()], today, lang), Intent.DATES)

        # 9. Nothing matched: answer only if retrieval is sure the notice says it (of what the asker describes,
        #    not of an office they guess: "…有疑问，是找情报研究所吗" is not a question about that office).
        return self._fallback(u.focus if u.attribute == "office" and u.focus != q else q, lang, today, done, trace,
                              why=u.attribute == "why")

    def _duration_head(self, u: Understanding) -> str:
        """What a duration is asked of: the notice's word right before the asking words ("公示期多久": 公示,
        "经费多久到账": 经费), or "" when the question asks no duration or names nothing there."""
        asked = _DURATION_ASKED.search(u.focus) if u.attribute == "duration" else None
        if asked is None:
            return ""
        before = _FILLER_BEFORE_ASK.sub("", u.focus[: asked.start()])
        head = [w for w in words(before[-HEAD_CHARS:]) if len(w) >= 2 and not ASKS.search(w)]
        # (the word may take one character after it: "公示期" is the publicity's period)
        if not head or head[-1] not in before[-(len(head[-1]) + 1):] or head[-1] not in self.understander.notice:
            return ""
        return head[-1]

    def _unnamed_duration_head(self, u: Understanding, ranked: list[Candidate]) -> str:
        """What a duration is asked of (`_duration_head`) when the best candidate neither quotes it nor is asked by
        it ("公示期多久": the implementation period names no publicity), else ""."""
        w = self._duration_head(u)
        if not w or not ranked or w in "".join(ranked[0].fact.quotes) + " ".join(ranked[0].fact.triggers):
            return ""
        return w

    @staticmethod
    def _dated_by(head: str, ranked: list[Candidate]) -> Fact | None:
        """The dates fact quoting what a duration is asked of ("区里审核推荐要多久": the district review's window)."""
        return next((c.fact for c in ranked[1:] if c.fact.intent == Intent.DATES.value and head in "".join(c.fact.quotes)),
                    None)

    def _outcome_unstated(self, clause: str) -> bool:
        """Whether `clause` asks the reason of an outcome or a change (V.OUTCOME: rejected, cut, 没通过, 变少) the
        notice never names: a Chinese word none of its passages has, or an English one (the notice has no English)."""
        m = V.OUTCOME.search(clause)
        return m is not None and (m.group().isascii() or not any(m.group() in p.text for p in self.corpus.passages))

    @staticmethod
    def _said_without_time(head: str, ranked: list[Candidate]) -> bool:
        """Whether other facts speak of what a duration is asked of but none of them is dated: the notice gives it
        no time, and the best duration is another thing's (a confidently wrong answer)."""
        return any(head in "".join(c.fact.quotes) for c in ranked[1:]) and Assistant._dated_by(head, ranked) is None

    def _rule_quoted(self, fact: Fact) -> bool:
        """Whether a rule of the checker rests on one of the fact's quotes (the verdict already says what it says)."""
        return any(q and q in quote for quote in self._rule_quotes for q in fact.quotes)

    def _asker(self, u: Understanding, facts: list[Fact], top_longest: int, state: SessionState,
               sure_kind: str | None = None, fit_field: str = "") -> Asker:
        """Whether the question asks for a verdict, states the asker's own facts, or asks something else
        beside them (then the verdict follows the answer instead of replacing it)."""
        q, topics = u.text, u.topics
        stated = {k for k in u.profile.model_dump(exclude_none=True) if k != "project_level"}
        about_self = bool(stated) or V.speaks_of_self(q)
        # May someone apply: the pattern (a modal, then a verb of applying or leading), or one of the
        # loose phrasings ("行吗", "我可以") when nothing else is asked ("申报书能用Word上传吗" is not);
        # "几项" asks for a quota, not a verdict.
        loose = (_has(V.LIMIT_MODAL.sub("", V.POST_AWARD_ASKED.sub(" ", q)), V.ASK_ELIGIBLE) and u.attribute is None and about_self
                 and not (SUFFICIENCY and V.SUFFICES.search(q)))
        asks = (
            (loose or bool(V.ASK_ELIGIBLE_ZH.search(q)) or bool(V.ASK_ELIGIBLE_EN.search(q)))
            # (a count the asker tells, "学校一共推荐了3项", is no count asked: the asked part is looked at)
            and not _has(u.focus, V.COUNT) and "才能" not in q
            # "单位注册完就能申报吗" asks about a step of the process, not about who may apply.
            and (about_self or not facts or facts[0].intent == "eligibility" or bool(topics) or u.attribute == "who")
        )
        if asks and facts and facts[0].intent != "eligibility" and V.STEP_MODAL_EN.search(q) and not topics:
            asks = False  # "Can we submit a hard copy by post?" asks how a step may be done: the ranked fact answers
        # "我是副教授，想问经费怎么拨付": what follows the words that introduce the question is what is
        # asked; a verdict is sought only if that part asks whether one may apply.
        marker = ASK_MARKER.search(q) if ASK_MARKERS else None
        introduced = q[marker.end():] if marker and marker.start() > 0 else None
        if (introduced is None and TOLD_THEN_ASKED and u.focus != q and (at := q.rfind(u.focus.strip())) > 0
                and _TOLD_SENTENCE.search(q[:at]) and _WH_ASKED.search(u.focus)
                and not (_asks_may_i(u.focus) or V.ASK_ELIGIBLE_EN.search(u.focus))):
            introduced = u.focus
        if introduced is not None and not _asks_may_i(introduced):
            asks = False
        in_eligibility = state.intent == Intent.ELIGIBILITY.value
        # Facts count as the asker's own only when they speak of themselves or ask whether they may apply:
        # "高校限报几项" names a unit type without saying "we are a university".
        personal = bool(stated) and (asks or in_eligibility or V.speaks_of_self(q))
        # A question about the rule the stated fact falls under ("我们有黑名单记录，会影响申报吗") is the
        # eligibility question itself; one that asks for something else ("我在河南大学工作，材料要交纸质版吗")
        # gets that answer first.
        about_stated = bool(facts) and bool(set(facts[0].passage_ids) & {
            r.passage_id for r in self.corpus.rules if set(r.needs) & stated})
        other = personal and not asks and (introduced is not None or not about_stated and (
            bool(topics) or (bool(facts) and facts[0].intent != "eligibility"
                             and (u.attribute is not None or top_longest >= 3
                                  # the kind-of-question model is sure it asks something else
                                  or sure_kind not in (None, "eligibility", "out_of_scope")
                                  # a yes/no question about a step the ranker found, with no may-I in it
                                  or STEP_YESNO and u.yesno and (facts[0].intent == "process" or (
                                      # a need, not a may-I ("能不能牵头重大项目", "这会影响我报…吗" seek the verdict)
                                      YESNO_OTHER and not V.SEEKS_VERDICT.search(V.STEP_MODAL.sub(" ", q))))))
            # "Our institute has never used the system. What must we do first?": a step is asked
            or FIRST_STEPS and V.FIRST_STEP.search(q) is not None
            # "…能否提早几周就提交上去": whether a step of handing in may be done so, of a fact that is no condition
            or bool(facts) and facts[0].intent != "eligibility" and V.STEP_MODAL.search(q) is not None
            # "我们在学院里做城市创新评价，哪个课题对口？": a topic suiting the asker's field is asked
            or bool(fit_field)
        ))
        return Asker(stated, asks, personal, other, introduced is not None and other)

    def _intent_features(self, u: Understanding, hits: list[Hit], state: SessionState) -> list[str]:
        """What `assistant.intent_model` reads of a question: its words, what understanding found, the
        kinds of fact on the passages BM25 ranks highest, and the kind of the previous turn."""
        out = text_features(self.understander.unnamed(u.focus) if UNNAMED_FEATURES else u.focus)
        flags = {"yesno": u.yesno, "status": u.status, "overview": u.overview, "en": u.lang == "en",
                 "topic": bool(u.topics), "level": bool(u.levels), "office": bool(u.offices),
                 "foreign": bool(u.foreign), "self": V.speaks_of_self(u.text), "completed": bool(u.rewritten_from),
                 "parts": len(u.parts) > 1}
        out.extend(f"f:{k}" for k, v in flags.items() if v)
        # (an attribute read only since the model was fitted is given to it as the question was read then)
        out.append(f"attr:{asked_attribute(u.text, UNFITTED_ATTRIBUTES) if u.attribute in UNFITTED_ATTRIBUTES else u.attribute}")
        if u.lang == "zh":  # how much of what is asked the notice has no word for
            novel = self._novel_words(u.focus)
            rare = [w for w in novel if jieba_frequency(w) < NOVEL_RARE]
            out.append(f"novel:{min(len(novel), NOVEL_MAX)}")
            out.append(f"rare:{min(len(rare), NOVEL_MAX)}")
        elif NOVEL_ENGLISH:  # the same for English: words none of the corpus's English uses ("hotel", "visa")
            novel_en = self._novel_english(u.focus)
            out.append(f"novel_en:{min(len(novel_en), NOVEL_MAX)}")
        out.extend(f"stated:{k}" for k in u.profile.model_dump(exclude_none=True))
        if state.intent:
            out.append(f"prev:{state.intent}")
        top = hits[0].score if hits else 0.0
        out.append("bm25:" + ("low" if top < 3 else "mid" if top < 8 else "high"))
        for rank, h in enumerate(hits[:3]):
            kinds = {f.intent for f in self.ranker.facts_of(h.passage.id)} or {
                "topics" if h.passage.topic else "none"}
            out.extend(f"hit:{k}" for k in kinds)
            if rank == 0:
                out.extend(f"hit0:{k}" for k in kinds)
        return sorted(set(out))

    def _among_conditions(self, fact: Fact) -> bool:
        """Whether `fact` is stated where the notice says who may apply: a passage under the same heading (the
        first two levels of its section) as the fact of the applicants."""
        if not CONDITIONS_BESIDE_APPLICANTS or (applicants := self.corpus.fact_by_role("applicants")) is None:
            return False

        def heads(f: Fact) -> set[str]:
            return {" > ".join(self.corpus.passage(pid).section.split(" > ")[:2]) for pid in f.passage_ids}
        return bool(heads(fact) & heads(applicants))

    def _document_items(self, u: Understanding) -> list[str]:
        """The annex's body, in order (its sentences from the first after the title through its last numbered item),
        when u asks for all of its items: a list word, and nothing else said but the annex's own words
        ("单位信用承诺书里要承诺哪几条"; not "承诺书里说经费上不能干哪些事儿", nor what is filled in on it)."""
        if (not DOCUMENT_LISTS or u.clause is not None or not _DOCUMENT_LIST.search(u.focus)
                or _FILL_ASKED.search(u.focus) or WRITING_MANNER.search(u.focus)):
            return []  # (what a form asks to be filled in, or how it is written, is its own question)
        own = [p for p in self.corpus.passages if p.section.split(" > ")[0] == u.document]
        numbered = [i for i, p in enumerate(own) if _NUMBERED_ITEM.match(p.text)]
        # the form's body: from its first sentence after the title through its last numbered item
        items = [p.id for p in own[1: numbered[-1] + 1] if re.search(r"[，。；,;]", p.text)] if numbered else []
        rest = u.focus
        for alias, root in self.understander.documents:
            if root == u.document:
                rest = rest.replace(alias, " ")
        rest = _DOCUMENT_LIST.sub(" ", rest)
        # (the annex's name and title say nothing of what is asked)
        named = u.document + "".join(p.text for p in own[:1])
        said = [ch for ch in rest if "\u4e00" <= ch <= "\u9fff" and ch not in named and not ASKS.search(ch)
                and ch not in "里中上面要需都的了呢吗啊些得该"]
        return items if len(items) >= 2 and len(said) <= DOCUMENT_LIST_REST else []

    def _document_passage(self, u: Understanding) -> str | None:
        """The passage of the annex u asks inside of that answers it: the clause it numbers, else the
        best of the annex's passages by BM25 and dense rank fused (the annex's title aside)."""
        ids = [p.id for p in self.corpus.passages if p.section.split(" > ")[0] == u.document
               and re.search(r"[，。；：,;:]", p.text)]
        if u.clause is not None:
            return next((pid for pid in ids if re.match(rf"{u.clause}\s*[.、．]", self.corpus.passage(pid).text)), None)
        q = u.focus
        if FILL_IN_BLANKS and WRITING_MANNER.search(q):
            # "承诺书能手写吗": the form's own line on how it is written ("(正楷填写或机打)")
            ids = [pid for pid in ids if WRITING_MANNER.search(self.corpus.passage(pid).text)] or ids
        elif FILL_IN_BLANKS and _FILL_ASKED.search(q):
            # "承诺书上要填哪些单位信息": what a form asks to be filled in is where it leaves blanks ("单位名称：_____").
            # (a blank under a label of its own, "单位名称：_____", asks what is filled in more than one inside a
            # sentence, "此次承担郑州市_____项目")
            blank = [pid for pid in ids if _BLANK.search(self.corpus.passage(pid).text)]
            ids = [pid for pid in blank if _LABELLED_BLANK.search(self.corpus.passage(pid).text)] or blank or ids
        elif DOCUMENT_NAME_ASKED and u.attribute == "document":
            # "承诺书里提到的管理办法全称是什么": a regulation named inside the form is written in title marks
            ids = [pid for pid in ids if "《" in self.corpus.passage(pid).text] or ids
        elif DOCUMENT_NAME_ASKED and u.attribute == "consequence":
            # "承诺书里说的失信后果有哪些": what follows a breach, among the form's lines, is the one saying what is done
            ids = [pid for pid in ids if CONSEQUENCE.search(self.corpus.passage(pid).text)] or ids
        for alias, root in self.understander.documents:
            if root == u.document:
                q = q.replace(alias, " ")
        n = len(self.corpus.passages)
        wanted = set(ids)
        scored = [(pid, score) for pid, score in self.retriever.bm25.search(q, n) if pid in wanted and score > 0]
        sparse = [pid for pid, _ in scored]
        # BM25 far ahead of its second (the words themselves are there) decides alone, with no question
        # embedded (about 23 ms on one core); otherwise (a paraphrase: "换了负责人" for "负责人变更") the
        # dense ranking votes too.
        if scored and (len(scored) == 1 or scored[0][1] >= DOCUMENT_BM25_MARGIN * scored[1][1]):
            return sparse[0]
        dense = [pid for pid, _ in self.retriever.dense(q, n) if pid in wanted]
        fused = fuse([(1.0, sparse), (1.0, dense)])
        return max(fused, key=lambda pid: fused[pid]) if fused else None

    def _novel_english(self, text: str) -> list[str]:
        """The question's English words (four letters or more) none of the corpus's English uses ("hotel", "fee")."""
        return [w for w in words(text) if w.isascii() and len(w) >= 4 and not w.isdigit() and w not in self._english_known]

    def _novel_words(self, text: str) -> list[str]:
        """The question's Chinese words (two characters or more) that the notice never uses and that are
        not words of asking: "横向", "培训", "工作量" say what the question is about, and the notice is
        silent on it; the model weighs how many there are against everything else it reads."""
        def known(w: str) -> bool:  # the notice's word, or two of its words joined ("截止" + "时间")
            return w in self._notice_text or w in self._asking_words or bool(ASKS.search(w)) or any(
                w[:i] in self._notice_text and w[i:] in self._notice_text for i in range(2, len(w) - 1))

        return [w for w in words(text) if len(w) >= 2 and _CJK_RUN.fullmatch(w) and not known(w)]

    def _steps_in_order(self, facts: list[Fact], aspect: str) -> list[Fact]:
        """The whole of a procedure the notice numbers step by step (an ingested notice's step facts), when an answer
        to the aspect as a whole holds one of its steps: with the answer's other facts, in the notice's order."""
        # (every step is kept, and the answer is ordered by passage below: no order of their own is needed)
        steps = [f for f in self.corpus.facts if f.role and _STEP_ROLE.fullmatch(f.role) and f.intent == aspect]
        def heads(f: Fact) -> set[str]:
            return {" > ".join(self.corpus.passage(pid).section.split(" > ")[:2]) for pid in f.passage_ids}
        procedure = {h for f in steps for h in heads(f)}
        # (a fact of the procedure's section, "a. 注册", quoted apart from its numbered steps, holds one of them too)
        if not (ORDERED_STEPS and steps and len(steps) <= STEPS_MAX and any(f in steps or heads(f) & procedure for f in facts)):
            return facts
        order = self._passage_order
        whole = [*steps, *(f for f in facts if f not in steps)][: max(OVERVIEW_MAX, len(steps) + 1)]
        # (as the notice says them: a step some other fact quotes, "① 注册", is in its place too)
        return sorted(whole, key=lambda f: min((order.get(pid, len(order)) for pid in f.passage_ids), default=len(order)))

    def _top_bm25(self, text: str) -> float:
        hits = self.retriever.bm25.search(text, 1)
        return hits[0][1] if hits else 0.0

    def _out_of_scope(self, u: Understanding) -> bool:
        # An aspect the notice is silent on counts where it is asked, not in a sentence that only tells
        # ("We registered last year. Do we need to register again?").
        asked = (u.questioned or u.text) if TOLD_IS_CONTEXT else u.text
        return bool(u.foreign) or _has(asked.replace(u.hypothesis, " ") if u.hypothesis else asked, self.uncovered)

    def _retrieved_topic(self, description: str, levels: tuple[str, ...] = ()) -> str | None:
        """The topic a description ("科创金融", "无人机") retrieves: its best passage well ahead of every
        other topic's (of `levels`' topics, when the question names levels); None when it is not, or
        nothing is described."""
        if not description:
            return None
        best: dict[str, float] = {}
        for pid, score in self.retriever.bm25.search(description, DESCRIBED_POOL):
            if score > 0 and (tid := self.corpus.passage(pid).topic) and (
                    not levels or not DESCRIBED_OF_LEVEL or self.corpus.topic(tid).level in levels):
                best[tid] = max(best.get(tid, 0.0), score)
        ranked = sorted(best.items(), key=lambda x: -x[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] >= DESCRIBED_LEAD * ranked[1][1]):
            return ranked[0][0]
        return None

    def _fitting_topic(self, field: str) -> str | None:
        """The topic suiting a field the asker works in ("法学", "金融"): most of the passages the field
        retrieves (BM25 and dense vectors, for a field's words are seldom a title's) are that topic's."""
        hits = self.retriever.search(field, k=FIT_POOL)
        counts = Counter(h.passage.topic for h in hits if h.passage.topic)
        best = counts.most_common(1)
        return best[0][0] if best and best[0][1] * 2 > FIT_POOL else None

    def _text_out_of_scope(self, text: str) -> bool:
        """The same test on a part of the question (already understood as a whole): places, other
        calls and programmes, unknown topic numbers, aspects the notice is silent on."""
        foreign = self.understander.foreign_entities(text) + self.topics.unknown_numbers(text)
        return bool(foreign) or _has(text, self.uncovered)

    def _titled(self, pids: list[str]) -> list[str]:
        """One clause of an annexed form too short to say whose it is ("单位（公章）：法定代表人签字：") is cited
        with the form's title after it."""
        if not SHORT_CLAUSE_TITLED or len(pids) != 1 or len(squash(self.corpus.passage(pids[0]).text)) >= SHORT_CLAUSE_TITLED:
            return pids
        title = self._form_titles.get(self.corpus.passage(pids[0]).section.split(" > ")[0])
        return [*pids, title] if title and title not in pids else pids

    def _window_fact(self) -> Fact:
        """The fact of the main (application) window: the dated fact that opens first (found once, by the ranker)."""
        if self.ranker.main_window is None:
            raise LookupError("the corpus has no dated window")
        return self.ranker.main_window

    def _facts_draft(self, facts: list[Fact], u: Understanding, today: dt.date, hits: list[Hit],
                     candidates: Sequence[Fact] = (), may_lead: Callable[[Hit], bool] = lambda h: True) -> Draft:
        """A yes/no or who question on a fact of several clauses is answered with the clause that
        settles it first (verbatim), then the fact; other questions get the facts' answers."""
        draft = facts_answer(facts, today, u.lang)
        # (the programme's own name tells nothing of what is asked: "软科学研究计划什么时候截止" is not its preamble)
        unnamed = self.understander.unnamed(u.focus)
        if unnamed != u.focus and UNNAMED_LEADS:
            # (searched again, and kept to the kinds the hits it replaces are kept to: a sentence of a fact whose kind
            # the model rules out leads no answer)
            hits = [h for h in self.retriever.search(unnamed, MAX_CITATIONS, mode="bm25", correct=False) if may_lead(h)]
        leads = self.quotes.lead_passages(draft, hits, unnamed, listing=_has(u.text, V.LIST_WORDS) or u.overview,
                                          attribute=u.attribute)
        if leads:
            # The sentence the question is about is not one the facts rest on (a clause of the
            # annexed template, say): it leads, verbatim, and the facts follow.
            ps = sorted((self.corpus.passage(pid) for pid in leads), key=lambda p: p.order)
            quoted = "”“".join(p.text for p in ps)
            head = (f"通知原文（{ps[0].section}）：“{quoted}”" if u.lang == "zh"
                    else f'The notice ({ps[0].section}): "{" ".join(p.text for p in ps)}"')
            return Draft(f"{head}\n{draft.text}", list(dict.fromkeys([*self._titled(leads), *draft.passages])))
        if len(u.levels) == 1 and u.lang == "zh" and not facts[0].window:
            # "重点项目多少钱": of a fact stated per project level, the asked level's sentence only.
            words = self.understander.level_words[u.levels[0]]
            # (a traditional quote too, each read once in simplified characters)
            own = [q for q in facts[0].quotes if (read := simplified(q)) and any(w in read for w in words)]
            if own and len(own) < len(facts[0].quotes):
                # (a sum the notice writes in capitals, "每项资助伍万元", said in figures too)
                text = with_figures("；".join(squash(q).rstrip("。；;") for q in own) + "。")
                passages = [pid for q in own for pid in self._quote_passages[q]]
                if len(facts) > 1:  # the other facts chosen still answer ("子课题为重点项目")
                    rest = facts_answer(facts[1:], today, u.lang)
                    text, passages = text + rest.text, [*passages, *rest.passages]
                return Draft(text, passages)
        if not (u.yesno or u.attribute == "who") or u.lang != "zh":
            return draft
        if REPEATED_CLAUSES and u.yesno and not (u.status and STATUS_ASKS_DATE) and u.attribute != "channel" and (
                found := self._repeated_clause(candidates, u.focus, getattr(facts[0], u.lang))):
            # "已经注册过了，还要重新注册吗": the clause of another likely fact that holds the question's own
            # words ("注册过"), which the best fact does not say, settles it.
            lead, pid = found
            return draft.led_by(lead, [pid, *draft.passages])
        clause = self.quotes.best_clause(facts[0], u.text,
                                         u.attribute or ("date" if u.status and STATUS_ASKS_DATE else None))
        if clause is None:
            return draft
        # (the passage the leading clause is quoted from is cited first: it is what the answer rests on)
        said = squash(clause).rstrip("。；;，,")
        source = next((pid for pid in [*draft.passages, *facts[0].passage_ids]
                       if said and said in squash(self.corpus.passage(pid).text)), None) if CLAUSE_CITED_FIRST else None
        return draft.led_by(clause, [source, *draft.passages] if source else None)

    def _levels_total(self, fact: Fact, lang: str) -> str:
        """The sum of the counts a fact gives per project level ("重大项目 2 项，重点项目 10 项": 12), said as a sentence;
        "" where it gives fewer than two."""
        said = squash("".join(fact.quotes))
        counts = {}
        for level, wordings in self.understander.level_words.items():
            if m := re.search("(?:" + "|".join(map(re.escape, wordings)) + r")(\d{1,3})项", said):
                counts[level] = int(m.group(1))
        if len(counts) < 2:
            return ""
        total, parts = sum(counts.values()), "+".join(map(str, counts.values()))
        return f"合计{total}项（{parts}）。" if lang == "zh" else f" {total} projects in all ({parts})."

    def _repeated_clause(self, candidates: Sequence[Fact], q: str, said: str) -> tuple[str, str] | None:
        """The clause of a candidate fact holding the rarest stretch of the question (three characters
        or more, held by few passages) that the answer does not say, with its passage."""
        said = squash(said)
        stretches = {st for run in _CJK_RUN.findall(q) for n in range(3, min(6, len(run)) + 1)
                     for i in range(len(run) - n + 1) if (st := run[i:i + n]) not in said}
        best: tuple[float, str, str] | None = None
        for fact in candidates:
            for quote in fact.quotes:
                for clause in re.split(r"(?<=[，,；;。])", squash(quote)):
                    clause = clause.rstrip("，,；;。")
                    for st in stretches:
                        if st in clause and (r := self.quotes.rarity(st)) is not None and r >= REPEATED_MIN_RARITY and (
                                best is None or r > best[0]) and self._quote_passages.get(quote):
                            best = (r, clause, self._quote_passages[quote][0])
        return (best[1], best[2]) if best else None

    def _level_names_topic(self, q: str, topics: list[str]) -> bool:
        """Whether the clauses naming a level beside named topics ask an open "what" that a sentence of a topic answers
        (LEVEL_NAMES_DETAIL): the level there only names the topic. ("…那个课题是重点还是重大？要建什么数据库？" asks the
        level in a clause of its own.)"""
        named = [(s, e) for s, e, _ in self.understander.topics.mentions(q)]
        spans = [s for s, _, _ in self.understander.levels_in(q) if not any(ts <= s < te for ts, te in named)]
        clauses = [m.group() for m in _CLAUSE.finditer(q) if any(m.start() <= s < m.end() for s in spans)]
        return bool(clauses) and all(_WH_ASKED.search(c) for c in clauses) and any(
            self._topic_detail(self.corpus.topic(t), " ".join(clauses)) for t in topics)

    def _topic_intent(self, facets: list[str], q: str = "") -> Intent:
        for f in facets:
            if f in FACET_INTENT:
                return FACET_INTENT[f]
        if AMOUNT_MENTION.search(q):
            # "那个课题是20万吗": a guessed amount asks about the funding.
            return Intent.FUNDING
        return Intent.TOPICS

    def _facets(self, q: str, topics: list[str]) -> list[str]:
        """What of a topic the question asks (funding, contact, deliverable, ...). Facet words inside
        the words naming the topic ("职务科技成果赋权改革" holds 成果) or a level ("重点项目" holds 重点)
        do not ask for that facet."""
        unnamed = q
        for s, e, _ in sorted(self.understander.levels_in(q), reverse=True):
            unnamed = unnamed[:s] + " " + unnamed[e:]
        for word in sorted({w for t in topics for w in self._naming.get(t, ())}, key=len, reverse=True):
            unnamed = unnamed.replace(word, " ")
        for t in topics:
            unnamed = without_shared(unnamed, self.corpus.topic(t).title)
        unnamed = unnamed.replace("啥", "什么")  # "研究啥" asks as "研究什么"
        if TOPIC_REFERENCES:
            unnamed = _SOME_WHAT.sub("", _REFERRING_NOUN.sub(" ", unnamed))
        unnamed = _EXISTENCE_NOUN.sub(r"\1 ", unnamed)
        facets = [f for f, words in V.FACETS.items() if _has(unnamed, words)]
        if "content" not in facets and V.CONTENT_ASKED.search(unnamed):
            facets.append("content")  # ("具体要做哪些研究": the content asked by a verb and what it does)
        if _has(unnamed, V.TOPIC_APPLICANTS) and any(self.corpus.topic(t).applicants for t in topics):
            facets.append("applicants")  # (a topic with no restriction of its own: who may apply is the call's)
        if topics and V.TOPIC_DUE.search(unnamed) and all(self.corpus.topic(t).due_quote for t in topics):
            facets.append("due")  # (a topic with no date of its own is done by the call's, a general fact)
        return facets

    def _topic_draft(self, topic_ids: list[str], facets: list[str], lang: str, q: str) -> Draft:
        if OPEN_ENGLISH_CONTENT and lang == "en" and not facets and _WHAT_OF_IT.search(q):
            facets = ["content"]
        wanted = [f for f in facets if f not in ("content", "title")] or [f for f in facets if f == "title"]
        parts, ids = [], []

        def add(d: Draft) -> None:
            parts.append(d.text)
            ids.extend(d.passages)

        for tid in topic_ids:
            topic = self.corpus.topic(tid)
            parent = self.corpus.topic(topic.parent) if topic.parent else None
            children = self.topics.children(tid)
            if children and _has(q, V.SUBTOPIC_WORDS):
                facet = next((f for f in wanted if f in ("funding", "contact", "deliverable")), None)
                level = children[0].level  # as the served corpus names it ("子课题为重点项目")
                head = (f"{topic.label}含{len(children)}个子课题，子课题为{self.corpus.levels.get(level, level)}："
                        if lang == "zh" else f"{topic.label_en} has {len(children)} sub-topics, all {level} projects:")
                d = topic_list(children, facet, lang, head, levels=self.corpus.levels)
                add(Draft(d.text, [topic.passage_of[topic.title_quote], *d.passages]))
                continue
            # (whether a topic on something exists is asked of the topic as a whole: what it is, its level,
            # funding and contact, not the sentence of it that the question's words found)
            detail = None if set(wanted) & {"funding", "contact", "level", "deliverable", "title", "due"} or (
                EXISTENCE_ASKED and _EXISTENCE_NOUN.search(q)) else self._topic_detail(topic, q)
            if DELIVERABLE_DETAIL and wanted == ["deliverable"] and not _EXISTENCE_NOUN.search(q):
                # What the results are to serve ("孵化载体课题的成果要支撑出台哪些东西"): words beyond the ones asking
                # for the deliverable find a sentence of the topic; that sentence, then what is delivered.
                rest = q
                for word in sorted(V.FACETS["deliverable"], key=len, reverse=True):
                    rest = rest.replace(word, " ")
                detail = self._topic_detail(topic, rest)
                said = "".join(self.corpus.passage(pid).text for pid in detail.passages) if detail else ""
                # (the sentence must name every deliverable: else they are asked for, not the sentence)
                if detail and topic.reports and all(r in said for r in topic.reports):
                    add(detail)
                    continue
                detail = None
            if detail and "content" in facets and topic.focus_quote and topic.passage_of.get(topic.focus_quote) in detail.passages:
                # "具体要研究什么": the sentence found is the topic's focus, so the content is asked as a whole.
                add(topic_facet(topic, "content", lang, parent, levels=self.corpus.levels))
            elif detail:
                add(detail)
            elif not wanted and "content" in facets and CONTENT_ALONE and topic.focus_quote:
                # "具体研究啥": what the study must do, not the topic's funding and contacts.
                add(topic_facet(topic, "content", lang, parent, levels=self.corpus.levels))
            elif not wanted:
                add(topic_overview(topic, lang, parent, levels=self.corpus.levels))
                if "content" in facets and CONTENT_FACET:
                    # "What does the platform study focus on?" with no one sentence sharing its words:
                    # the topic's stated focus, verbatim, after what the topic is.
                    add(topic_facet(topic, "content", lang, parent, levels=self.corpus.levels))
            for facet in wanted if not detail else ():
                add(topic_facet(topic, facet, lang, parent, levels=self.corpus.levels))
        return Draft("\n".join(dict.fromkeys(parts)), list(dict.fromkeys(ids)))

    def _restricted_topics(self, q: str, lang: str) -> tuple[Draft, list[str]] | None:
        """The topics whose own restriction of who may apply shares a phrase of four characters or more with a question
        asking which topic ("定向委托的是哪个课题": the one "由…定向委托承担"), when not every restricted topic
        does; with their restrictions. None for any other question."""
        said = [t for t in self.corpus.topics if t.applicants]
        if len(said) < 2 or not (_has(q, V.TOPIC_WORDS) and _has(q, ("哪", "which", "what", *V.LIST_WORDS))):
            return None
        text = q if lang == "zh" else " ".join(zh for en, zh in V.TOPIC_APPLICANTS_EN.items() if en in q.lower())
        for word in V.TOPIC_WORDS:
            text = text.replace(word, " ")
        phrases = {text[i:i + RESTRICTION_PHRASE] for i in range(len(text) - RESTRICTION_PHRASE + 1)
                   if _CJK_CHAR.fullmatch(text[i]) and all(_CJK_CHAR.fullmatch(c) for c in text[i:i + RESTRICTION_PHRASE])}
        held = [t for t in said if any(p in t.applicants for p in phrases)]
        if not held or len(held) == len(said):
            return None
        head = "通知中申报单位限制如下的选题：" if lang == "zh" else "The topics whose own restriction says so:"
        return topic_list(held, "applicants", lang, head, levels=self.corpus.levels), [t.id for t in held]

    def _topic_detail(self, topic: Topic, q: str) -> Draft | None:
        """A question on a particular point of a topic ("覆盖企业哪些阶段"): the topic's sentence that
        shares the most words with it, once the words naming the topic are taken out."""
        rest = q
        for word in self._naming[topic.id]:
            rest = rest.replace(word, " ")
        # Nor do the words asking for content in general ("具体研究什么", "要做哪些研究") or naming a level point to a sentence.
        rest = V.CONTENT_ASKED.sub(" ", rest)
        for word in self._general_detail_words:
            rest = rest.replace(word, " ")
        rest = re.sub(r"子课题\s*\d|重大项目\s*\d|重点项目\s*\d|sub-?topic\s*\d|(?:major|key) project\s*\d", " ", rest)
        english = not _CJK_CHAR.search(rest)
        if english:
            # the topic's sentences are the notice's Chinese: English words match only its names, unless the topic has
            # no English of its own (an ingested notice's), where the vocabulary's Chinese for the English words the
            # question asks by, other than its title's, finds the sentence ("Which national standard must the talent
            # evaluation sub-topic benchmark against?": 国家标准, 对标)
            if not (ENGLISH_DETAIL and self._detail_en and not topic.title_en.isascii()):
                return None
            title, lower = canonical(topic.title), rest.lower()
            rest = " ".join(zh for zh, pattern in self._detail_en if zh not in title and pattern.search(lower))
            if not rest:
                return None
            q = rest
        own = self._content_of[topic.id]
        n = len(self.corpus.passages)
        rest_scores = {pid: s for pid, s in self.retriever.bm25.search(rest, n) if pid in own}
        if DETAIL_WITHOUT_TITLE and not english and (beyond := without_shared(rest, topic.title)) != rest:
            # What the question asks beyond the words it shares with the title, however it shortens the title
            # ("创新平台扩容提质那个课题要建什么数据库" names "…加快创新平台扩容提质升级…" by a stretch no alias holds),
            # finds the sentence when it finds one ("数据库"); else the title's words still point to the topic's focus.
            scores = {pid: s for pid, s in self.retriever.bm25.search(beyond, n) if pid in own}
            if scores and max(scores.values()) >= DETAIL_MIN_BM25:
                rest_scores = scores
        if not rest_scores or max(rest_scores.values()) < DETAIL_MIN_BM25:
            return None
        # The words naming the topic still help to choose among its sentences ("十五五" is in one).
        full = {pid: s for pid, s in self.retriever.bm25.search(q, n) if pid in own}
        # The thing a "which"/"what" asks for ("要梳理哪些试点": 试点) is what the answering sentence names; it counts
        # beyond the question's other words ("梳理" is in the sentence that only says the study sums up)
        noun = {pid: s for pid, s in self.retriever.bm25.search(asked, n) if pid in own} if (
            ASKED_NOUN_SHARE and not english and (asked := _asked_noun(rest))) else {}
        best = max(rest_scores, key=lambda pid: rest_scores[pid] + DETAIL_NAMING_SHARE * full.get(pid, 0.0)
                   + ASKED_NOUN_SHARE * noun.get(pid, 0.0))
        passage = self.corpus.passage(best)
        text = passage.text.removeprefix("研究内容：").removeprefix("研究内容:").strip()
        if english:
            return Draft(f"{topic.label_en or topic.label} ({topic.label}“{topic.title}”), in the notice's words: {text}",
                         [passage.id, topic.passage_of[topic.title_quote]])
        return Draft(f"{topic.label}“{topic.title}”：{text}", [passage.id, topic.passage_of[topic.title_quote]])

    def _group_listing(self, q: str, lang: str) -> Draft | None:
        """The topics of the one field group a list question names ("社会民生科技方向有哪些课题"), or None."""
        if not (_has(q, V.LIST_WORDS) and _has(q, V.TOPIC_WORDS)):
            return None
        named = {t.group for t in self.corpus.topics if t.group and not t.parent and canonical(t.group) in q}
        if len(named) != 1:
            return None
        group = named.pop()
        chosen = [t for t in self.corpus.topics if t.group == group and not t.parent]
        head = f"{group}共{len(chosen)}项：" if lang == "zh" else f"The {len(chosen)} topics under {group}:"
        return topic_list(chosen, None, lang, head, levels=self.corpus.levels)

    def _bare_listing(self, q: str, lang: str) -> Draft | None:
        """A turn that is a topic word and no more ("课题", "选题方向？"): the topics, listed."""
        bare = BARE_FILLER.sub("", q)
        if lang != "zh" or not bare or len(bare) > BARE_MAX or not _has(bare, V.TOPIC_WORDS) or self.understander.levels_in(bare):
            return None
        return self._listing(f"有哪些{bare}", [], lang)

    def _listing(self, q: str, facets: list[str], lang: str, counting: bool = False) -> Draft | None:
        """The topics, all or of one level ("有哪些课题", "重点项目有几个" — the list states the count)."""
        # "除了7个子课题，另外3个是什么": the group after "除了" is left out, and the rest is listed.
        excluded = EXCEPT.search(q)
        kept = q[: excluded.start()] + q[excluded.end():] if excluded else q
        without_subtopics = excluded is not None and _has(excluded.group(), V.SUBTOPIC_WORDS)
        # "各子课题归哪个处", "子课题都找谁": each of a group of topics is asked, as by a list word.
        each = DISTRIBUTIVE.search(q) is not None
        # "其他领域的3个重点课题是什么": a group named by its count is asked to be listed.
        counted = COUNTED_GROUP.search(q)
        if not ((_has(q, V.LIST_WORDS) or counting or excluded or each or counted)
                and (_has(q, V.TOPIC_WORDS) or self.understander.levels_in(q))):
            return None
        facet = next((f for f in facets if f in ("funding", "contact", "deliverable")), None)
        if facet and not (_has(q, V.ALL_WORDS) or each):
            return None
        zh = lang == "zh"
        topics = self.corpus.topics
        sub_level = next((t.level for t in topics if t.parent), None)
        levels = list(dict.fromkeys(level for _, _, level in self.understander.levels_in(kept)))
        said_by: list[str] = []  # the passages the list's head rests on, cited first
        if "其他领域" in q or "other field" in q or without_subtopics and levels == [sub_level]:
            chosen = [t for t in topics if t.level == sub_level and not t.parent and not self.topics.children(t.id)]
            head = f"其他领域课题共{len(chosen)}项：" if zh else f"The {len(chosen)} topics in other fields:"
        elif _has(kept, V.SUBTOPIC_WORDS) and sub_level:
            chosen = [t for t in topics if t.parent]
            kind = self.corpus.levels.get(sub_level, sub_level)
            head = f"子课题共{len(chosen)}个（均为{kind}）：" if zh else f"The {len(chosen)} sub-topics:"
            # (how many sub-topics there are, and of which level, is said by the title of the project they belong to)
            parents = [self.corpus.topic(pid) for pid in dict.fromkeys(t.parent for t in chosen if t.parent)]
            said_by = [p.passage_of[p.title_quote] for p in parents if p.title_quote in p.passage_of]
        elif len(levels) == 1 and counted and (group := self._group_of_count(levels[0], cn_number(counted.group(1)))):
            chosen = group
            name = self.corpus.levels.get(levels[0], levels[0])
            head = f"{name}中的这{len(chosen)}项：" if zh else f"Those {len(chosen)} {levels[0]} projects:"
        elif len(levels) == 1:
            chosen = [t for t in topics if t.level == levels[0]]
            if not chosen:
                return None  # a level whose projects take another level's topics lists none of its own
            name = self.corpus.levels.get(levels[0], levels[0])
            head = f"{name}共{len(chosen)}项：" if zh else f"The {len(chosen)} {levels[0]} projects:"
        else:
            chosen = list(topics)
            counts = self.corpus.fact_by_role("project_counts")
            head = (counts.zh if counts and zh else counts.en if counts else "") or (
                f"共{len(chosen)}个课题：" if zh else f"All {len(chosen)} topics:")
            if counts and not zh and counts.quotes:
                head += " " + notice_words(counts.quotes)
        draft = topic_list(chosen, facet, lang, head, levels=self.corpus.levels)
        if not facet:
            counts = self.corpus.fact_by_role("project_counts")
            draft.passages = [*(counts.passage_ids if counts else []), *draft.passages]
        draft.passages = list(dict.fromkeys([*said_by, *draft.passages]))
        return draft

    def _forbidding_first(self, q: str, kind: list[Fact], rest: list[Fact]) -> tuple[list[Fact], list[Fact]]:
        """For "有哪些禁止性规定", an aspect's facts that forbid something, in the notice's words (严禁, 不得…)."""
        if PROHIBITIONS_ASKED.search(q) and (barred := [f for f in kind + rest if f in self._forbidding]):
            return barred, []
        return kind, rest

    def _group_of_count(self, level: str, n: int | None) -> list[Topic]:
        """The topics of a level a stated count names, when the whole level is not that many: its
        topics of their own (no parent, no sub-topics) or its sub-topics, whichever are n."""
        of_level = [t for t in self.corpus.topics if t.level == level]
        if n is None or len(of_level) == n:
            return []
        for group in ([t for t in of_level if not t.parent and not self.topics.children(t.id)],
                      [t for t in of_level if t.parent]):
            if len(group) == n:
                return group
        return []

    def _fallback(self, q: str, lang: str, today: dt.date, done, trace: Trace | None,
                  why: bool = False) -> tuple[Answer, SessionState]:
        # A bare word naming a part of the notice, nothing else said: that part as a whole ("流程": the
        # section's parts; a bare topic word, "课题", was listed at step 7)
        if lang == "zh" and (section := self.outline.named_by(q)):
            draft = self.outline.answer(section)
            return done(draft, self._outline_intent(draft.passages))
        # Only here, with nothing matched, is the query embedded: dense similarity decides scope.
        hits = self.retriever.search(q, MAX_CITATIONS, correct=False)
        top = hits[0] if hits else None
        bm25 = dict(self.retriever.bm25.search(q, 5))
        if trace:
            trace.add("fallback", *(f"{h.passage.id} rrf={h.score:.4f} dense={h.dense:.3f} bm25={bm25.get(h.passage.id, 0):.2f}"
                                    for h in hits[:3]))
        # A why-question and a sentence stating a purpose ("为避免因集中提交造成网络拥堵") that the dense vectors
        # find first: the purpose matches what is asked, in place of shared words ("为什么别拖到最后一天交").
        purpose = False
        if WHY_BY_PURPOSE and why and hits and bm25.get(hits[0].passage.id, 0) < FALLBACK_MIN_BM25:
            nearest = max(hits, key=lambda h: h.dense)
            if PURPOSE.search(nearest.passage.text):
                top, purpose = nearest, True
        if top and top.dense >= self.settings.min_dense_score and (
                bm25.get(top.passage.id, 0) >= FALLBACK_MIN_BM25 or purpose):
            p = top.passage
            if len(p.text) < FALLBACK_MIN_CHARS or p.text.rstrip().endswith(("：", ":")):
                return done(not_covered(self.corpus, lang), Intent.OUT_OF_SCOPE)  # a bare heading says nothing
            owner = self._owners.get(p.id)
            if owner:
                return done(facts_answer([owner], today, lang), Intent(owner.intent))
            if p.topic:
                # The topic's sentence that matched, with the topic's name: "which project builds X?"
                topic = self.corpus.topic(p.topic)
                if p.kind == "content":
                    text = p.text.removeprefix("研究内容：").removeprefix("研究内容:").strip()
                    return done(Draft(f"{topic.label}“{topic.title}”：{text}", [p.id, topic.passage_of[topic.title_quote]]),
                                Intent.TOPICS, [topic.id])
                return done(topic_overview(topic, lang, levels=self.corpus.levels), Intent.TOPICS, [topic.id])
            # A sentence no fact or topic rests on (a clause of an annexed template): quoted as it stands.
            lead = f"通知原文（{p.section}）：" if lang == "zh" else f"The notice says ({p.section}): "
            return done(Draft(f"{lead}{p.text}", [p.id]), self._section_intent(p.section))
        return done(not_covered(self.corpus, lang), Intent.OUT_OF_SCOPE)

    def _outline_intent(self, passage_ids: list[str]) -> Intent:
        """The kind most of the facts resting on these passages are of."""
        counts = Counter(f.intent for pid in passage_ids for f in self.ranker.facts_of(pid))
        return Intent(counts.most_common(1)[0][0]) if counts else Intent.OTHER

    def _section_intent(self, section: str) -> Intent:
        """The intent of the facts resting on passages of the same section (most of them)."""
        return self._outline_intent([p.id for p in self.corpus.passages if p.section == section])

    # ----------------------------------------------------------------- citations
    def _citations(self, draft: Draft, q: str, topic_ids, hits: list[Hit]) -> list[Citation]:
        primary = list(dict.fromkeys(draft.passages))
        if self._title_of_issue and self._title_of_issue[0] & set(primary) and self._title_of_issue[1] not in primary:
            primary.append(self._title_of_issue[1])
        # A line that only introduces a list ("(四) 项目申报材料包括：") is cited after the items it introduces.
        intro = {pid for pid in primary if introduces(self.corpus.passage(pid).text)} if INTRO_LINES_LAST else set()
        if intro and len(intro) < len(primary):
            primary = [pid for pid in primary if pid not in intro] + [pid for pid in primary if pid in intro]
        if draft.rank_passages and len(primary) > 1:
            # Of a fact's several passages, the one the question is about comes first.
            # The first quote of a fact is its core and stays first; the rest follow by relevance.
            if _CJK_CHAR.search(q) or not ENGLISH_GLOSS:
                relevance = dict(self.retriever.bm25.search(q, len(self.corpus.passages)))
            else:  # an English question meets the Chinese passages through the facts' English
                asked = set(words(q))
                relevance = {pid: float(len(asked & gloss)) for pid, gloss in self._gloss.items()}
            primary[1:] = sorted(primary[1:], key=lambda pid: (pid in intro, -relevance.get(pid, 0.0)))
        out: list[Citation] = []
        for i, pid in enumerate(primary):
            p = self.corpus.passage(pid)
            out.append(Citation(id=p.id, section=p.section, text=p.text, score=round(1.0 - 0.01 * i, 3)))
        seen = set(primary)
        if len(out) < MAX_CITATIONS:
            if topic_ids:
                # The topic's own sentences, most relevant first: no second embedding needed.
                own = set().union(*(self._passages_of[t] for t in topic_ids))
                ranked = [pid for pid, _ in self.retriever.bm25.search(q, len(self.corpus.passages)) if pid in own]
                ranked += [pid for pid in sorted(own) if pid not in ranked]
                hits = [Hit(self.corpus.passage(pid), 0.5) for pid in ranked]
            for hit in hits:
                if hit.passage.id in seen or (topic_ids and hit.passage.topic not in (None, *topic_ids)):
                    continue
                out.append(Citation(id=hit.passage.id, section=hit.passage.section, text=hit.passage.text,
                                    score=round(min(hit.dense, 0.9), 3)))
                seen.add(hit.passage.id)
                if len(out) >= MAX_CITATIONS:
                    break
        return out[:MAX_CITATIONS]


def _merge(answers: list[Answer]) -> Answer:
    """One answer for a multi-part question: each part's text in turn, citations interleaved so
    that every part's best passage is among the first."""
    text = "\n".join(dict.fromkeys(a.answer for a in answers))
    citations: list[Citation] = []
    seen: set[str] = set()
    for rank in range(MAX_CITATIONS):
        for a in answers:
            if rank < len(a.citations) and a.citations[rank].id not in seen:
                citations.append(a.citations[rank])
                seen.add(a.citations[rank].id)
    answered = [a for a in answers if a.intent != Intent.OUT_OF_SCOPE] or answers
    elig = next((a.eligibility for a in answers if a.eligibility), None)
    return Answer(answer=text, intent=answered[0].intent, citations=citations[:MAX_CITATIONS], eligibility=elig,
                  language=answers[0].language, topic=next((a.topic for a in answers if a.topic), None))
