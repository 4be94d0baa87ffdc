"""Pulls eligibility facts (a partial Profile) out of a chat message.

Works on canonical text (simplified, lower case). Every pattern is explicit and negation is
handled per fact, so "不是独立法人" and "没有博士学位" read the right way round.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, cast

from assistant.models import Profile

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(text: str) -> int | None:
    """Chinese numerals up to 99 ("五十八", "六十", "十二") or digits."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(text) if len(text) == 1 else None


_NUM = r"(\d{1,3}|[零〇一二两三四五六七八九十]{1,3})"
_RELATIVE_AGE = re.compile(r"(?:再|又|要是)\s*(大|老|长|小)\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:岁|周岁)")
_BORN = re.compile(r"((?:19|20)\d\d)\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?\s*(?:出生|生人|生的|出世)|born in (?:[a-z]+ )?((?:19|20)\d\d)")
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
_EN_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
# "58", "fifty-five", "sixty two"
_EN_AGE = r"(\d{2}|(?:" + "|".join(_EN_TENS) + r")(?:[- ](?:" + "|".join(_EN_ONES) + r"))?(?![a-z]))"


def age_number(token: str) -> int | None:
    """An age as written: digits, Chinese numerals or English words ("fifty-five")."""
    if token[:1].isascii() and not token.isdigit():
        tens, _, ones = token.replace(" ", "-").partition("-")
        return _EN_TENS[tens] + _EN_ONES.get(ones, 0)
    return cn_number(token)


_AGE = [
    re.compile(_NUM + r"\s*(?:周岁|岁)"),
    re.compile(r"(?:年龄|年纪|今年)\s*(?:是|为|有|已|已经|满|刚满)?\s*" + _NUM),
    # "我42了，能报吗": a bare number followed by 了 at the end of a clause.
    re.compile(r"(?:^|[，,。\s]|我|俺|本人)(?:已经|都|今年)?(\d{2}|[二三四五六七八九]十[一二三四五六七八九]?)\s*了(?=[，,。？?！!\s]|$)"),
    # ("The proposed PI is 38, holds a PhD": a person named by role, then the bare number)
    # ("I turn 60 this year": the age of this year, which the notice's limit reads)
    # (a limit is no age: "Is the maximum age 60?")
    re.compile(r"(?:(?<!maximum )(?<!minimum )(?<!max )(?<!upper )(?<!the )(?<!an )aged?|i am|i'm|i turned|turned|i turn|turns|he is|she is|he's|she's|(?:leader|pi|principal investigator|applicant)"
               r" is)\s*(?:exactly |just |now |already |only )?" + _EN_AGE + r"\b"),
    re.compile(_EN_AGE + r"\s*(?:years?[ -]old|yrs?\b|-year-old)"),
    # ("a colleague (42, associate professor, …)": the number first in brackets, before the person's title)
    re.compile(r"\(\s*(\d{2})\s*,\s*(?:an? )?(?:[a-z]+ ){0,2}(?:professor|lecturer|researcher|fellow|engineer|doctor|phd|"
               r"research assistant|assistant|associate|senior|junior)\b"),
    # ("My age: 45", "age - 52", "my age is 45")
    # (a limit is no age: "the maximum age is 60" names none)
    re.compile(r"(?:\b(?:my|the leader's|the pi's|applicant's) |(?:^|[\n,;•·])\s*)age(?: is|:| -)\s*" + _EN_AGE + r"\b"),
]
# An age said as a bound not yet reached ("不到62岁", "未满45周岁", "62岁不到", "under 50"): no age of its own; the most
# it can be is one less, which `age_at_most` gives (the reader decides whether that settles a limit)
_AGE_BELOW = [
    re.compile(r"(?:还|都|也)?(?:不到|未满|不满|没到|没满|小于|低于)\s*" + _NUM + r"\s*(?:周岁|岁)"),
    re.compile(_NUM + r"\s*(?:周岁|岁)\s*(?:还|都)?不到"),
    re.compile(r"\b(?:under|younger than|below|less than)\s*(?:the age of\s*)?" + _EN_AGE + r"\b"),
]


def age_at_most(text: str) -> int | None:
    """The most the age can be where `text` (canonical) says it only as below a bound ("我不到62岁": 61)."""
    for pattern in _AGE_BELOW:
        if (m := pattern.search(text)) and (bound := age_number(m.group(1))) is not None and 16 < bound <= 100:
            return bound - 1
    return None


_NEG = r"(?:不是|不属于|并非|非|没有|没|无|不具备|不具有|未|不)"

# (pattern, value), first match wins; specific before general.
_TITLES: list[tuple[str, str]] = [
    (r"(?<!有)没有职称|无职称|(?<!有)没职称|暂无职称|还没有职称|没有评职称|no (?:professional )?title|without a title|"
     r"(?:don't|do not|doesn't|does not) (?:yet )?(?:hold|have) (?:any |a )?(?:professional )?title", "none"),
    (r"副教授|副研究员|副高|副主任医师|高级工程师|高工|副编审|高级经济师|高级讲师|associate professor|associate senior|associate researcher|"
     r"associate research fellow|senior engineer|deputy[- ]senior", "associate_senior"),
    (r"正高|教授|研究员|主任医师|正高级|full professor|professor|senior title|research fellow", "senior"),
    (r"讲师|中级|助理研究员|工程师|主治医师|lecturer|assistant professor|assistant research fellow|assistant researcher|"
     r"attending physician|intermediate", "intermediate"),
    (r"助教|初级|研究实习员|助理工程师|junior title|teaching assistant", "junior"),
]
_DEGREES: list[tuple[str, str]] = [
    (_NEG + r"(?:博士|博士学位|博士学历)|不是博士|还没博士|博士在读|在读博士|no (?:phd|doctorate)|not a (?:phd|doctor)|without a (?:phd|doctorate)", "not_doctorate"),
    (r"博士|phd|doctorate|doctoral degree|博士后", "doctorate"),
    (r"硕士|研究生学历|master", "master"),
    (r"本科|学士|bachelor", "bachelor"),
    (r"大专|专科学历|associate degree", "other"),
]
# "本科院校", "高职院校": a kind of unit, not a degree
_UNIT_KIND_WORDS = re.compile(r"本科(?:院校|高校|学校|大学)|(?:高职|高专|专科)(?:院校|学校)?")
_ORG: list[tuple[str, str]] = [
    (r"新型研发机构|new r&d institution|new research and development institution", "new_rd_institution"),
    (r"以个人名义|个人身份|我是个人|作为个人|(?<![一每])个人(?:能|可以|可不可以|申报|申请|名义)|自由职业|没有(?:挂靠)?单位|"
     r"不隶属于?任何单位|独立研究者|"
     r"individual|as a person|freelancer?|myself alone|without an? (?:unit|organi[sz]ation|employer)|"
     r"independent researcher|(?:no|without|any) (?:institutional |organi[sz]ational )?affiliation|unaffiliated|"
     r"not affiliated|on my own behalf", "individual"),
    # (a school or hospital run privately, "民办中学", is registered as a 民办非企业单位)
    # (but a privately run university is a university: "民办高校", "民办本科院校")
    (r"社会组织|协会|(?<!科)学会|基金会|民办(?!(?:本科|高职|普通)?(?:高校|大学|学院|高等院校|高等学校|职业技术学院))|商会|ngo|"
     r"association|society|foundation|non-profit", "social_organization"),
    # an organ of government ("市直某局机关", "行政机关") is no unit the notice admits
    (r"行政机关|机关单位|政府机关|政府部门|局机关|委机关|(?:市|区|县)直[^，,。]{0,4}?机关|"
     r"government (?:department|agency|body|office|bureau)", "other"),
    # ("企业" as what the asker is or works at, not a word of a topic: "企业画像服务清单", "科技企业之间")
    (r"公司|企业(?=$|[，,。？?！!、；;：:\s）)]|能|可以|可不|是否|算|也|都|不|吗|呢|啊|来|去|申|报|参|牵|工作|上班|任职|身份|名义|单位|性质|的|员工|职工|人员|里|内|研究院|研究所|技术中心|法人)|"
     r"国企|央企|集团|有限责任|股份|厂|民营|私营|私立|培训机构|个体工商户|个体户|private firm|company|enterprise|firm\b|"
     # (not the business a question is about: "business questions", "business enquiries", "business hours")
     r"business(?!\s+(?:questions?|enquir\w*|inquir\w*|consult\w*|matters?|issues?|hours?|days?|contacts?|lines?|phone))|"
     r"startup|corporation", "enterprise"),
    (r"大学|学院|高校|高等院校|高等学校|职业技术学院|本科院校|(?<![正副])高职(?!称)|高专|(?<!中)(?<!小)学校|university|college", "university"),
    # (the asker's "所" is their institute: "我们所今年已经报俩了", "所里"; not "我们所有人", "我所在的学校")
    (r"研究所|研究院|科研院所|院所|科学院|研究中心|(?:我们|咱们|俺们|本|我)所(?![以有在谓属需要说得])|所里|"
     r"institute|academy|research center|research centre", "research_institute"),
    (r"事业单位|医院|图书馆|博物馆|党校|档案馆|public institution|hospital|public service unit", "public_institution"),
]
_NEW_RD = re.compile(_ORG[0][0])  # (the first kind above: a new R&D institution)
# A title the asker hopes for, not one they hold: "my promotion to full professor", "before I'm promoted to
# associate professor", "to become a professor".
_GOAL_TITLE = re.compile(r"\b(?:promotion|promoted|promote|become|becoming)\s+(?:to\s+|as\s+)?(?:an?\s+)?(?:full\s+|associate\s+)?"
                         r"(?:professor|researcher|research fellow|senior title|associate senior title)\b")
# A qualification asked whether it is needed ("我需要博士学位吗", "一定要副高职称吗", "Do I need a doctorate?"):
# a requirement asked of, not the asker's own degree or title.
QUALIFICATION_ASKED_NOT_OWN = True
_REQUIRED_QUALIFICATION = re.compile(
    r"(?:需要|要求|必须|一定要|得|要|需)(?:是|有|具备|具有|取得|拿到)?(?:博士|硕士|本科|正高|副高|高级|中级)[\u4e00-\u9fff]{0,4}?"
    r"(?:吗|么|嘛|不|没|[?？])|"
    r"\b(?:need|require|requires|required|must (?:i |we |you |the \w+ )?(?:have|hold|be))\s+(?:to (?:have|hold|be)\s+)?"
    r"(?:an?\s+)?(?:phd|doctorate|doctoral degree|master'?s(?: degree)?|senior title|associate senior title|"
    r"(?:full |associate )?professor(?:ship)?)\b")
# What the asker studies or works on, in English, to the end of its sentence ("I study how firms copy…",
# "we research start-up companies' financing"): the subject of their work, not their unit.
# (topics.py reads the same clause as the asker's field)
STUDY_VERBS_EN = (r"study|studies|research|researches|focus on|speciali[sz]e in|do research on|"
                  r"am (?:studying|researching)|are (?:studying|researching)")
_STUDIED = re.compile(rf"\b(?:i|we)(?: mainly| mostly| currently)?\s+(?:{STUDY_VERBS_EN})\b[^.?!;]*")
_OUTSIDE = re.compile(
    r"(?:洛阳|开封|新乡|许昌|南阳|平顶山|安阳|鹤壁|焦作|濮阳|漯河|三门峡|商丘|信阳|周口|驻马店|济源|北京|上海|天津|重庆|广州|深圳|"
    r"杭州|南京|武汉|西安|成都|长沙|合肥|济南|石家庄|太原|苏州|外地|外省|省外|外市|beijing|shanghai|luoyang|kaifeng|"
    r"wuhan|xi'an|xuchang|xinxiang|nanyang|pingdingshan|anyang|hebi|jiaozuo|puyang|luohe|sanmenxia|shangqiu|xinyang|"
    r"zhoukou|zhumadian|jiyuan|outside (?:of )?zhengzhou|not in zhengzhou|not part of zhengzhou|"
    # (a place denied: "我们不是郑州的单位", "We are not based in Zhengzhou")
    r"not (?:based|located|registered|situated) in zhengzhou|(?:is|are)(?: not|n't) (?:in|from) zhengzhou)|"
    r"不在郑州(?!市区|城区|主城区|市中心)|非郑州|郑州以外|郑州外|(?:不是|不属于|并非)郑州(?:市)?(?:的|本地|市内|辖区)"
)
# Being in the city, said as a condition ("必须在郑州", "郑州市内的单位", "based in Zhengzhou"), not the city named
_PLACE_NAMED = re.compile(r"在郑州|在郑|郑州市?(?:市内|以内|本地|当地|境内)|本市|市内|"
                          r"\b(?:based|located|registered|situated) (?:in|within) zhengzhou")
# The city's own bodies and databases, named in a question, say nothing of where the asker is.
_CITY_BODIES = re.compile(r"郑州市?(?:公共信用信息(?:数据库|平台)?|科学技术局|科技局|财政局?|软科学|科技计划|市级|市财政)")
# Zhengzhou's own county-level cities and counties are inside it ("学校在新郑市龙湖镇").
# (and its districts by their own names: "单位在郑东新区")
_INSIDE = re.compile(r"郑州|郑大|在郑|zhengzhou|本市|市内|新郑|登封|巩义|荥阳|新密|中牟|上街区|航空港|郑东新区|金水区|二七区|中原区|管城|惠济区|xinzheng|dengfeng|gongyi|xingyang|xinmi|zhongmou")


def profile_words() -> list[str]:
    """The plain Chinese words the patterns above recognise ("讲师", "研究所"): a typo of one of them
    ("将师") is corrected like a word of the notice."""
    words: set[str] = set()
    for table in (_TITLES, _DEGREES, _ORG):
        for pattern, _ in table:
            words.update(w for w in pattern.split("|") if re.fullmatch(r"[\u4e00-\u9fff]{2,6}", w))
    return sorted(words)


def _singular(text: str) -> str:
    """English plurals as their singular ("companies", "institutes", "businesses"), the forms the patterns name."""
    text = re.sub(r"\b([a-z]{3,})ies\b", r"\1y", text)
    text = re.sub(r"\b([a-z]{3,}(?:ss|x|ch|sh))es\b", r"\1", text)
    return re.sub(r"\b([a-z]{3,}[^s\W])s\b", r"\1", text)


def _first(rules: list[tuple[str, str]], text: str, denied: re.Pattern[str] | None = None) -> str | None:
    """The value of the rule matching earliest in text. With `denied`, what is denied right before it ("还不是副教授",
    "我们不是高校", "I'm not a professor") is passed over, with any shorter name inside it ("教授" in "副教授"); a
    rule whose value is itself a denial ("没有职称": none, "没有博士学位": not a doctorate) keeps its words."""
    if denied is not None:
        kept = [m.span() for pattern, value in rules if value in _DENIAL_VALUES for m in re.finditer(pattern, text)]
        spans = [m.span() for pattern, value in rules if value not in _DENIAL_VALUES for m in re.finditer(pattern, text)
                 if denied.search(text[max(0, m.start() - 12):m.start()])
                 and not any(a <= m.start() and m.end() <= b for a, b in kept)]
        for start, end in spans:
            text = text[:start] + " " * (end - start) + text[end:]
    best: tuple[int, str] | None = None
    for pattern, value in rules:
        m = re.search(pattern, text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), value)
    return best[1] if best else None


# A title, degree or kind of unit denied right before it is not the asker's: "我还不是副教授", "没有副高职称",
# "我们不是高校，是科研院所", "我不是硕士", "I'm not a professor", "I hold no senior title", "We are not a university".
DENIED_TITLES = True
_DENIAL_VALUES = ("none", "not_doctorate")
_DENIED = re.compile(r"(?:不是|并非|不属于|没有|没|无|未|没评上|未评上|评不上)(?:拿到|取得|获得|读完|读|评上)?$|"
                     r"(?:\bno|\bnot|\bwithout|n't)(?: yet)?(?: (?:hold|have|be|an?|any|got|earned))*\s+$")


# An English negation reaches the end of its clause: "neither the institute nor I have any blacklist or
# misconduct record", "nothing is classified", "the project has never received city funding".
_EN_NEGATOR = re.compile(r"\b(?:no|not|never|neither|nor|nothing|none|without|nobody|no one|none of us)\b|n't\b")
# a place a noun phrase denied with "no" ends before ("… at an independent legal-person university"; not "at all",
# "at the moment")
_EN_NEW_PLACE = re.compile(r"\bat\s+(?:an?|the|our|my|one|this)\s+(?!(?:moment|time|present|least|all)\b)")
_EN_CLAUSE_END = re.compile(r"[.;!?,—–]|\s-\s|\bbut\b|\bhowever\b|\band (?=(?:it|we|i|the|our|my|she|he)\b)")


def _en_negated(text: str, start: int) -> bool:
    """Whether an English negator earlier in the clause of text[start] denies what is said there."""
    clause = _EN_CLAUSE_END.split(text[:start])[-1]
    negators = list(_EN_NEGATOR.finditer(clause))
    if not negators:
        return False
    last = negators[-1]
    # "no" or "without" denies its own noun phrase: "no senior title at an independent legal-person university"
    # says nothing against the university
    return not (last.group(0) in ("no", "without") and _EN_NEW_PLACE.search(clause, last.end()))


# A Chinese negation reaches the end of its clause too: "也没有在惩戒期内的科研严重失信记录",
# "无惩戒期内科研严重失信记录". A clause that asks or doubts ("有没有…", "不确定是否…") denies nothing.
_ZH_NEGATOR = re.compile(r"(?<!有)(?:没有|没|无|未|不存在|不在|从未|并无|不涉及|不含|不包含|不属于|不具有|不具备)")
_ZH_UNSURE = re.compile(r"是否|有没有|不确定|不知道|不清楚|不记得|吗")
# A clause that doubts ("不确定单位是不是独立法人", "not sure whether…") states nothing, either way.
_DOUBT = re.compile(r"是否|是不是|有没有|算不算|不确定|不知道|不清楚|不记得|拿不准|说不准|说不好|"
                    r"not sure|unsure|(?:don't|do not) know|no idea|whether")
_CLAUSE_END = re.compile(r"[，,。；;！!？?]|但|可是|不过|\bbut\b")
# A list denied after it: "黑名单、严重失信记录、逾期项目，这些我都没有"
_DENIED_AFTER = re.compile(r"^[^，,。；;！!？?]{0,16}[，,]\s*(?:这些|以上|上述|这几项|这几样|这几个)?\s*(?:我|我们|本人|单位|俺)?(?:也)?"
                           r"(?:都|均|全|全都)(?:没有|没|无|不存在)(?:过)?[。；;！!，,]?|"
                           # a form's line answered "no": "信用黑名单：单位、个人都没有", "Credit blacklist: none"
                           r"^[^，,。；;！!？?\n：:]{0,30}[：:]\s*(?:[\u4e00-\u9fff、]{0,8}?(?:都|均|也)?(?:没有|没|无|否|不是|不在|未)|"
                           r"(?:none|no|not)\b)")


def _zh_negated(text: str, start: int) -> bool:
    """Whether a Chinese negator earlier in the clause of text[start] denies what is said there."""
    clause = _CLAUSE_END.split(text[:start])[-1]
    return bool(_ZH_NEGATOR.search(clause)) and not _ZH_UNSURE.search(clause)


def _doubted(text: str, m: re.Match[str]) -> bool:
    """Whether the clause of match m doubts what it says."""
    start = max((x.end() for x in _CLAUSE_END.finditer(text, 0, m.start())), default=0)
    end = next((x.start() for x in _CLAUSE_END.finditer(text, m.end())), len(text))
    return bool(_DOUBT.search(text[start:end]))


def _flag(text: str, positive: str, negative: str) -> bool | None:
    if any(not _doubted(text, m) for m in re.finditer(negative, text)):
        return False
    said = [m for m in re.finditer(positive, text) if not _doubted(text, m)]
    if not said:
        return None
    # a statement of the fact is denied when a negator precedes it in its clause, or a list of such
    # statements ends denied ("…，这些我都没有")
    return not all(_DENIED_AFTER.match(text[m.end():]) or (
        _en_negated(text, m.start()) if m.group(0).isascii() else _zh_negated(text, m.start())) for m in said)


# A good credit record said whole ("信用良好", "信用都没问题", "信用干净", "clean credit record"): in the notice's
# words a good credit record is one with neither a blacklist listing nor a serious-misconduct record in its penalty
# period, so it states both (the second only where the question says nothing of it otherwise)
_GOOD_CREDIT = (r"信用(?:记录|状况|情况)?(?:都|也|一直|均|向来|方面)?(?:良好|很好|挺好|不错|没问题|没有问题|没啥问题|无问题|"
                r"干净|清白|正常)|good credit(?: (?:record|standing|history))?|clean (?:credit|record)|"
                r"credit (?:record |history )?(?:is|are) (?:good|clean|fine)|"
                # no bad record at all ("无不良信用记录", "信用上没有任何污点", "no credit problems")
                r"(?:没有|没|无)(?:任何)?(?:不良|负面)(?:的)?(?:信用)?(?:记录|信用)|信用(?:上|方面)?(?:没有|没|无)(?:任何)?(?:不良|污点|问题)|"
                r"(?:no|without (?:any )?|(?:neither|nor)\b[^.;]{0,40}?(?:any )?)credit (?:or (?:research )?[a-z]+ )?(?:problems?|issues?|record problems?)")
_BLACKLISTED = r"黑名单|失信名单|失信被执行人|blacklist"
_NOT_BLACKLISTED = (
    r"(?:不在|没有|没|无|未|从未|没有被|未被|不)\s*(?:被)?\s*(?:列入|上|进)?(?:过|了)?\s*(?:信用)?\s*(?:失信)?(?:黑名单|失信名单)|not (?:on|in) (?:the|a|any) (?:credit )?blacklist|no blacklist|"
    # the notice's own words for it: a good credit record, no record of broken trust
    + _GOOD_CREDIT + r"|(?:没有|没|无)(?:任何)?(?:过)?失信(?!被执行)|"
    # taken off it since ("去年已经移出了，目前不在名单上")
    r"(?<!没)(?<!未)(?:已经?|已)?(?:被)?(?:移出|移除|撤出)|(?:目前|现在)不在(?:这个|该)?名单|(?:taken|removed) (?:off|from) the (?:credit )?blacklist|"
    r"(?:not|no longer) on (?:it|the list) (?:now|any ?more)")
# Whose record a clause states: the unit's or the leader's (a rule on "the unit or the leader" fails on either)
_UNIT_SUBJECT = re.compile(r"单位|学校|我校|本校|院所|院校|高校|院里|所里|我院|我所|本所|本院|我们|研究院|研究所|大学|学院|公司|"
                           # (the other kinds of public institution: a hospital, a centre, a party school, a think tank)
                           r"医院|中心|事业单位|机构|党校|智库|"
                           r"\b(?:the |our )?(?:unit|university|institute|organi[sz]ation|school|hospital|cent(?:re|er))\b")
_PERSON_SUBJECT = re.compile(r"我(?!们|校|院|所)|本人|负责人|\b(?:i|me|my|myself|the leader)\b")


def _whose(clause: str, last: str) -> str:
    """Whom a clause speaks of: "unit" or "person" when it names one of them, "" when it names both, else `last`
    (the subject of the clause before it, which Chinese drops after naming it once)."""
    unit, person = bool(_UNIT_SUBJECT.search(clause)), bool(_PERSON_SUBJECT.search(clause))
    return ("unit" if unit else "person") if unit != person else "" if unit else last


def _either_subject(text: str, positive: str, negative: str) -> bool | None:
    """A fact of the unit or the leader: stated of one of them and denied of the other ("单位被列入了黑名单，
    我本人信用没问题") it holds; otherwise as `_flag` reads the whole text (a denial after it, "上过黑名单，
    已经移出了", settles it)."""
    subjects: dict[str, set[bool]] = {}
    last = ""  # a clause naming no one speaks of whom the clause before it named ("我们研究院…，今年初被列入了黑名单")
    for clause in re.split(r"[，,。；;！!？?]|但是?|不过|可是|\bbut\b", text):
        whose = _whose(clause, last)
        last = whose or last
        if whose and (value := _flag(clause, positive, negative)) is not None:
            subjects.setdefault(whose, set()).add(value)
    if len(subjects) == 2 and any(values == {True} for values in subjects.values()):
        return True
    return _flag(text, positive, negative)


def _count(text: str, pattern: str) -> int | None:
    m = re.search(pattern, text)
    return cn_number(m.group(1)) if m else None


# A negation reaches over a short list: "没有失信和黑名单记录" denies both.
_NEGATED_LIST = re.compile(r"(没有|没|无|未)([^，,。和或及、]{1,8}?)(和|或|及|以及|、)(?!没|无|未|不)")


# A project other than the one applied for ("另一个课题", "a different project"): its funding is no duplicate.
_ANOTHER_PROJECT = re.compile(r"另(?:外)?一个(?:课题|项目)|别的(?:课题|项目)|其他(?:的)?(?:课题|项目)上|全新的(?:题目|课题|项目)|"
                              r"\b(?:another|a different|an earlier|a previous) (?:project|topic|study)\b")
# A kind of project asked of, not the asker's own: "Is a Class C project funded by the city?", "Are key projects
# given city money?" (an article or a plural: any project of that kind)
_KIND_ASKED = re.compile(r"\b(?:is|does|will|would|can|could)\s+(?:an?|any)\s+(?:[\w-]+\s+){0,3}?project\b|"
                         r"\b(?:are|do|will|would|can|could)\s+(?:[\w-]+\s+){0,3}?projects\b", re.I)
# A project level said not to be the one applied at ("不是重大", "而非重点项目", "not a major project").
_NOT_LEVEL = re.compile(r"(?:不是|并非|而非|非|不报|不申报)(?:重大|重点|一般)(?:项目|课题)?|\bnot (?:a |the )?(?:major|key|general) project")
# Who funds a project the asker holds: the overdue rule names the city's own.
_NOT_CITY = re.compile(r"(?:省|国家|国家级|省级|部级|科技部|教育部|自然科学基金|社科基金|provincial|national)[^，,。]{0,10}(?:项目|课题|project)|"
                       # ("my National Social Science Fund project": a programme's name of a few words between)
                       r"\b(?:provincial|national|ministry|another programme)(?:\s+[a-z&-]+){0,5}?\s+(?:project|fund|grant|programme|program)\b")
# A city project named, not denied ("不是市里的，是省里的项目").
_CITY = re.compile(r"(?<!不是)(?<!并非)(?<![不非])(?:市(?:级|里|财政|本级)|市科技(?:计划|局|项目)|(?<!no )(?<!not )(?<!not a )(?:\bcity\b|municipal))")


# A clause about someone else ("我们院长今年61岁了", "my colleague is on the blacklist") is not the
# applicant's, unless the asker asks on that person's behalf ("帮我们所长问", "Can she apply?").
_OTHER_PERSON = re.compile(
    r"^(?:我们的?|我的?)?(?:本单位|单位|所里|院里|学校|课题组|团队|学院|系里)?(?:的)?(?:有位|有个|有一位|一位|一名)?(?:同事|导师|院长|所长|校长|领导|爱人|丈夫|妻子|朋友|"
    r"系主任|处长|合作者|别人|他人|他(?!们单位)|她)|"
    r"^(?:my|our) (?:colleague|advisor|adviser|supervisor|dean|boss|department head|head of department|wife|husband|"
    r"friend|co-?worker)|^(?:he|she)\b")
_ON_BEHALF = re.compile(r"帮|替|代(?:我|我们)?[\u4e00-\u9fff]{0,4}问|(?:他|她)(?:能|可以|可不可以|能不能|符合|有没有资格|够不够)|"
                        r"(?:他|她)(?:想|要|打算|准备)(?:报|申报|当|牵头)|"
                        r"asking for|on behalf of|\bcan (?:he|she)\b|\b(?:is|are) (?:he|she) eligible|(?:his|her) behalf")
_OWN_SUBJECT = re.compile(r"^(?:我|俺|本人|咱|单位|本单位|学校|我校|我院|所里|院里|负责人|项目|这个|该|研究|内容|材料|"
                          r"i\b|i'm|we\b|we're|our\b|my\b|the (?:project|unit|university|institute|content|study))")
# The asker describing themself: their age, title or degree ("我58岁", "本人副教授", "I'm a 45-year-old lecturer").
_SELF_DESCRIBED = re.compile(r"(?:我|本人|俺)(?:今年|现在|已经|是|为)?[^，,。；;]{0,6}?(?:\d{2}|[二三四五六七八九]十[一二三四五六七八九]?)\s*(?:岁|周岁)|"
                             r"(?:我|本人)(?:是|为)?[^，,。；;]{0,12}?(?:教授|研究员|讲师|职称|博士|硕士|工程师|助教)|"
                             r"\bi(?:'m| am)\b[^.,;]{0,50}?(?:\d{2}|twenty|thirty|forty|fifty|sixty|professor|lecturer|researcher|fellow|"
                             r"engineer|phd)|\bmy (?:title|age)\b")
# The asker as the applicant, describing no facts of their own ("这会影响我（不是他）作为负责人申报吗",
# "does that stop me applying?"): another person's clauses are still not theirs.
_SELF_APPLYING = re.compile(r"(?:影响|耽误|连累)(?:到)?我(?!们)|我(?:[（(][^）)]{1,8}[）)])?(?:作为|当|做)(?:项目)?负责人|"
                            r"\b(?:affect|stop|prevent|block) me\b|\bcan i (?:still )?(?:apply|lead)\b")
_CLAUSES = re.compile(r"(?:[^，,。；;！!？?.]|\.(?=\d))+(?:[，,。；;！!？?]|\.(?!\d))?")  # (not "7.5")
_LEADING_CONJUNCTION = re.compile(r"^(?:but|and|so|however|而且?|但是?|可是|不过)\s*")


# A person named by surname and title ("李老师", "王教授"), and the one of them named as the leader ("由李老师牵头",
# "李老师是负责人"): the others' clauses ("王老师62岁") are not the applicant's.
_NAMED = r"([\u4e00-\u9fff])(?:老师|教授|博士|研究员|工程师|主任|处长|院长|所长)"
_NAMED_LEADER = re.compile(r"由" + _NAMED + r"[^，,。；;]{0,10}?(?:牵头|担任(?:项目)?负责人|作为(?:项目)?负责人|当(?:项目)?负责人|任(?:项目)?负责人)|"
                           + _NAMED + r"(?:是|为|作为|担任|当)(?:项目)?负责人|" + _NAMED + r"(?:[（(][^）)]{1,8}[）)])?牵头")


def _leader_clauses(text: str) -> str:
    """`text` without the clauses of people other than the one named as the leader, when it names one."""
    leader = _NAMED_LEADER.search(text)
    if not leader:
        return text
    surname = next(g for g in leader.groups() if g)
    return _without_clauses(text, lambda head: (m.group(1) != surname) if (m := re.match(_NAMED, head)) else None)


def _without_clauses(text: str, others: Callable[[str], bool | None]) -> str:
    """`text` with the clauses of someone other than the applicant blanked: `others(head)` says whether a
    clause opening so is someone else's (True) or the applicant's (False); None goes by its subject, the
    applicant's own words (_OWN_SUBJECT) or else the clause before's."""
    out, other = [], False
    for c in _CLAUSES.findall(text):
        head = _LEADING_CONJUNCTION.sub("", c.strip())
        said = others(head)
        if said is not None:
            other = said
        elif _OWN_SUBJECT.match(head):
            other = False
        out.append("。" if other else c)
    return "".join(out)


def _own_clauses(text: str) -> str:
    """`text` without the clauses about someone other than the applicant (and those that go on about
    them with no subject of their own: "我们所长已经63岁，还上过黑名单")."""
    if _ON_BEHALF.search(text) or not (_SELF_DESCRIBED.search(text) or _SELF_APPLYING.search(text)):
        return text  # (no facts of the asker's own: the person described is the applicant)
    return _without_clauses(text, lambda head: True if _OTHER_PERSON.match(head) else None)


def extract_profile(text: str, asked_too: bool = False) -> Profile:
    """`text` is canonical (see index.tokenize.canonical). `asked_too`: a degree or title asked whether it
    is needed ("Do I need a PhD?") counts as named, as the conditions a question bears on are read."""
    text = _own_clauses(_leader_clauses(text.replace("俩", "两个").replace("仨", "三个")))  # "报俩了": a numeral with its classifier
    text = re.sub(r"([二三四五六七八九])十有([一二三四五六七八九])", r"\1十\2", text)  # "五十有五": 五十五, as a literary age says it
    text = _NEGATED_LIST.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}{m.group(1)}", text)
    facts: dict[str, object] = {}
    bounds = [m.span(1) for pattern in _AGE_BELOW for m in pattern.finditer(text)]
    for pattern in _AGE:
        if (m := pattern.search(text)) and (age := age_number(m.group(1))) is not None and 16 <= age <= 100:
            if m.span(1) not in bounds:  # (a bound is no age: "不到62岁" may be 45)
                facts["age"] = age
            break
    if "age" in facts and (m := _RELATIVE_AGE.search(text)) and (n := cn_number(m.group(2))) is not None:
        # "我58岁……那要是再大三岁呢": the stated age moved by the difference.
        facts["age"] = int(facts["age"]) + (n if m.group(1) in "大老长" else -n)  # type: ignore[call-overload]
    if "age" not in facts and (m := _BORN.search(text)):
        # Born in a year, birthday unknown: the lower of the two possible ages this year.
        age = dt.date.today().year - int(m.group(1) or m.group(2)) - 1
        if 16 <= age <= 100:
            facts["age"] = age
    own = _REQUIRED_QUALIFICATION.sub(" ", text) if QUALIFICATION_ASKED_NOT_OWN and not asked_too else text
    if title := _first(_TITLES, _GOAL_TITLE.sub(" ", own), _DENIED if DENIED_TITLES else None):  # (a title sought is not the asker's)
        # "副教授" also contains "教授": the associate pattern is checked by position-first match,
        # so make sure a senior match is not just the tail of an associate title.
        if title == "senior" and re.search(r"副(?:教授|研究员|主任医师)", text) and not re.search(r"(?<!副)(?:教授|研究员)", text):
            title = "associate_senior"
        facts["title"] = title
    studied = _UNIT_KIND_WORDS.sub(" ", own)  # ("本科院校" is no bachelor's degree)
    if degree := _first(_DEGREES, studied, _DENIED if DENIED_TITLES else None):
        if degree == "not_doctorate":
            degree = "master" if "硕士" in studied or "master" in studied else "bachelor" if "本科" in studied else "other"
        facts["degree"] = degree
    # (what the asker studies is no unit of theirs: "I study how firms learn from their peers")
    if org := _first(_ORG, _singular(_STUDIED.sub(" ", text)), _DENIED if DENIED_TITLES else None):  # ("Can companies apply?": named in the plural)
        facts["org_type"] = org
        if org == "new_rd_institution" and (form := _first(_ORG[1:], _singular(_STUDIED.sub(" ", _NEW_RD.sub(" ", text))))):
            # A new R&D institution is registered as some other kind of unit; the kind it says it is
            # registered as is its kind ("新型研发机构，登记为事业单位", "registered as a limited company").
            facts["org_type"] = form
    # (a request's "me" is no self-description: "帮我列一下深圳的…", "tell me")
    personal = org or re.search(r"(?<![帮给诉教替])我|俺|咱|本人|本单位|我们|\bi\b|\bwe\b|\bour\b|\bmy\b", text)
    placed = _CITY_BODIES.sub(" ", text)  # ("郑州市公共信用信息数据库" places no one in Zhengzhou)
    if _OUTSIDE.search(placed) and personal:
        facts["located_in_zhengzhou"] = False
    elif _INSIDE.search(placed) and org:
        facts["located_in_zhengzhou"] = True
    elif asked_too and _PLACE_NAMED.search(placed):
        # (a place asked as a condition names the location rule: "申报单位必须在郑州吗", "does it have to be based in …")
        facts["located_in_zhengzhou"] = True
    # A level the asker says they are not applying at names none: "想报重点项目（不是重大）".
    leveled = _NOT_LEVEL.sub(" ", text)
    if re.search(r"重大项目|重大课题|major project", leveled) and not re.search(r"重点项目|重点课题|子课题|key project", leveled):
        facts["project_level"] = "major"
    elif re.search(r"重点项目|重点课题|子课题|key project|sub-?topic", leveled) and not re.search(r"重大|major", leveled):
        facts["project_level"] = "key"
    elif re.search(r"一般项目|一般课题|general project", leveled) and not re.search(r"重大|重点|major|key project", leveled):
        facts["project_level"] = "general"
    # ("legal-person status": hyphenated too)
    value = _flag(text, r"独立(?:事业|的)?法人|法人资格|独立的法人|(?:社会团体|事业单位|社团)法人|legal[- ]person|legal[- ]entity", _NEG + r"\s*(?:是)?\s*独立法人|不是法人|非法人|没有(?:单独|独立)?的?(?:做|办)?(?:过)?法人登记|不是(?:单独|独立)的?法人|内设机构|"
        # a university's college or a centre under a unit is an internal body ("二级学院能单独申报吗", "学院下属的研究中心")
        r"二级学院|(?:学院|学校|大学|高校|研究院)(?:下属|下面|下设|内设)的?(?:研究中心|研究所|中心|实验室|机构|研究院)|"
        r"not (?:registered as )?an? (?:independent |separate )?legal|no legal|without (?:an? )?(?:independent )?legal|not separately registered")
    if value is False and re.search(r"以[^，,。；;]{0,6}?(?:大学|学校|研究院|医院|上级单位|主管单位|母体单位)的?名义(?:申报|报|申请)", text):
        # "本身不是独立法人，但会以大学的名义申报": the applicant is the parent that is (not "以学院名义", the
        # asker's own unit)
        value = True
    if value is not None:
        facts["independent_legal_person"] = value
    value = _either_subject(text, _BLACKLISTED, _NOT_BLACKLISTED)
    if value is not None:
        facts["credit_blacklisted"] = value
    value = _flag(
        text, r"严重失信|科研失信|学术不端|惩戒期|处罚期|misconduct",
        r"(?:没有|没|无|未|不存在)\s*(?:任何|啥|什么)?\s*(?:科研)?(?:严重)?(?:失信|学术不端)|"
        # a penalty period that is over ("惩戒期去年已经结束了", "处罚期早满了")
        # (not one still running: "惩戒期还没结束")
        r"(?:惩戒|处罚|处理)(?:执行)?期[^，,。没未不才]{0,10}?(?:已经?|早就?|都)?(?:满了?|结束|过了|期满|解除)|"
        r"no (?:serious )?misconduct|(?:penalty|sanction)(?:(?!n't|not |never|yet)[^.;,]){0,40}?(?:has |have )?(?:ended|expired|is over)|"
        r"no longer (?:in|under) (?:the|its|a|my|any) (?:penalty|sanction)",
    )
    if value is None and any(not _doubted(text, m) and not (_en_negated(text, m.start()) if m.group(0).isascii()
                                                           else _zh_negated(text, m.start()))
                             for m in re.finditer(_GOOD_CREDIT, text)):
        value = False  # "我和学校信用都没问题": a good record has no misconduct in its penalty period either
    if value is not None:
        facts["serious_misconduct_in_penalty"] = value
    value = _flag(
        # (a project "还没结题" is not said to be overdue: that needs its deadline passed)
        # ("一直没结题", "至今未结题": a long time unfinished is its deadline passed)
        text, r"逾期未结题|逾期没结题|(?:该|应该|应当)结题.{0,10}(?:没|未)(?:结|验收)|"
        # "合同期2023年底就到了，还没结题": its term came, then still not closed
        r"(?:合同|执行|实施|规定|结题)?(?:期|期限)[^，,。]{0,10}?(?:就|早就|早已|已经?)到了?[，,]?\s*(?:还没|没有?|未|仍未|尚未)\s*(?:结题|结项|验收)|(?:一直|迟迟|至今|到现在)(?:都)?(?:没有?|未|仍未|还没)结(?:题|项)|"
        # 结项 and 验收 close a project as 结题 does: "到期至今仍未验收", "超期了，结项还没办完"
        r"(?:逾期|超期|过期|到期|延期)[^。]{0,12}?(?:(?:未|没|还没|仍未|尚未|没有)\s*(?:结题|结项|验收|办完结项)|(?:结项|验收)[^，,。]{0,4}?(?:还没|没|未|仍未|尚未))|"
        r"(?:过了|超过|超了|错过)\s*结题(?:期限|时间|日期)|结题(?:期限|时间|日期)(?:已经?)?过了?.{0,4}(?:没|未)|overdue|"
        # ("项目过了期限还没结题": the deadline passed, then still not closed)
        r"(?:过了|超过了?|超了|错过了?)(?:执行|实施|合同|规定)?(?:期限|期|时限)[^。，,]{0,4}?(?:还没|没有?|未|仍未|尚未)\s*结(?:题|项)|"
        r"(?:已经|已)(?:逾期|超期)|(?:没能|未能|没有|没)按[时期]结(?:题|项)|逾期(?:的)?(?:市级|市里的|市财政支持的)?(?:科技)?项目|"
        r"past (?:its|the) (?:deadline|end date|completion date)|passed (?:its|the) (?:completion |end )?(?:deadline|date)",
        r"(?:没有|没|无|不存在)\s*(?:任何)?\s*(?:在研|在手|手上|手头|名下)?的?\s*(?:逾期|未结题|没结题)|都(?:已|已经)?结(?:题|项|了)|"
        # ("没有拖着没结题的市里项目": a project dragged on unfinished, denied)
        r"(?:没有|没|无|不存在)(?:任何)?(?:拖着|拖了很久|拖延|超时)(?:还)?(?:没|未)结(?:题|项)|"
        r"(?:从未|从没|从来没有?|没有|没|未)(?:承担|主持|负责)?过?(?:任何)?(?:逾期|超期)|(?<![没未])已经?(?:按[时期])?结题|"
        r"(?<!没能)(?<!未能)(?<!没有)(?<![没未])按[时期]结(?:题|项|了)|(?:尚未|还没|还未|未|没)到期|未逾期|"
        # a project still running ("还在执行期内，没到结题时间")
        r"(?:尚未|还没|还未|未|没)到结(?:题|项)(?:的)?(?:时间|期限|日期)|(?:还|仍|尚|正)(?:在|处于)(?:执行|实施|研究)(?:期(?:内|间)?|中)|"
        # ... its term not yet come ("合同期还没到", "执行期限未到")
        r"(?:合同|执行|实施|结题|研究|约定的?|规定的?)(?:期|期限|时间)(?:还|尚|都)?(?:没|未)(?:到|满)|"
        # no city project at all ("市里的科技项目倒是一个都没有")
        r"市(?:里|级)?的?(?:科技)?项目[^，,。]{0,4}(?:一个都没有|都没有|一个也没有)|"
        # ... or never held one ("没有承担过市财政支持的科技项目", "没主持过市级项目")
        # ... or hold none running ("没有在研的市财政科技项目": none running, none overdue)
        r"(?:(?:从未|从没|从来没有?|没有|没|未|未曾)(?:承担|主持|负责|拿|做|申请|获批)过?|(?:手上|手头|名下|目前|现在)(?:没有|没|无)|"
        r"(?:没有|没|无)(?:任何)?(?:在研|在手|在执行|在承担|正在承担|正在执行)的?)"
        r"(?:任何)?(?:郑州)?(?:市财政|市级|市里|市科技局|市)"
        r"(?:财政)?(?:支持|资助)?的?(?:科技)?(?:计划)?(?:项目|课题)|不算逾期|"
        r"no (?:outstanding|unfinished|open|running|ongoing|current|active) (?:zhengzhou )?(?:city|municipal)[- ](?:funded )?projects?|"
        r"no (?:zhengzhou )?(?:city|municipal)[- ]funded projects? (?:outstanding|overdue|unfinished|open)|"
        r"(?:never|not|n't) (?:had|held|led|run|hold|have) (?:a|any) (?:zhengzhou )?(?:city|municipal)[- ](?:funded )?project|"
        r"no overdue|not overdue|(?:was|has been|have been|were|got) (?:formally |officially |finally |already )?(?:closed|completed|concluded)",
    )
    if (value or value is None and re.search(r"(?:没|未)结(?:题|项)", text)) and _NOT_CITY.search(text) and not _CITY.search(text):
        # The rule is about projects the city funds: an overdue (or unfinished) provincial or national one is not it.
        value = False
    if value is not None:
        facts["overdue_city_project"] = value
    value = _flag(text, r"涉密|保密|机密|秘密|classified|confidential|state secret", r"不涉密|不涉及涉密|无涉密|没有涉密|非涉密|不含涉密|已脱密|(?:做了|已作|已做|作了)脱密|not classified|no classified|unclassified|"
              # ("项目内容不保密", "不涉及国家秘密", "nothing in it is classified")
              r"(?:不|无需|不需要|不用)保密|非保密|不属于(?:保密|涉密)|(?:没有|没|无|不涉及|不含)(?:任何)?(?:国家)?(?:秘密|机密)|"
              r"nothing (?:in it )?is (?:classified|confidential)")
    if value is not None:
        facts["classified_content"] = value
    value = _flag(
        text,
        r"已(?:经)?(?:获得|拿|得到|获)(?:到|过)?(?:了|过)?\s*(?:郑州)?(?:市级|市里|市财政)|市里(?:已经)?(?:资助|支持)过|市级(?:财政)?(?:资金)?(?:已经)?(?:资助|支持)过|already (?:received|got|been given) (?:zhengzhou )?(?:city|municipal)|already (?:city|municipal)[- ]funded|"
        r"already (?:received|got|had) (?:funding|money|support|a grant) from (?:the )?(?:zhengzhou )?(?:city|municipal)|"
        r"(?:received|got|given|had) (?:any )?(?:zhengzhou )?(?:city|municipal) (?:funding|money|support|grants?)|"
        # "市里已经给过钱了", "前年就拿过市科技局的资助", "never any city funding"
        r"(?:市里|市级|市财政|市科技局)[^，,。；;]{0,6}?(?:给过|资助过|拨过|支持过|给了钱)|"
        r"(?:拿|获得|得到)(?:过|了)(?:郑州)?(?:市里|市级|市财政|市科技局)[^，,。；;]{0,6}?(?:资助|资金|钱|经费|支持)|"
        r"any (?:city|municipal) (?:funding|funds|money|support|grants?)|funded by (?:the )?(?:city|municipal)",
        # ("没有重复申请市级资金": applying for it again is what the rule forbids)
        r"(?:没有|没|未|从未|未曾|不曾|从没)\s*(?:重复)?(?:获得|获|拿到|得到|拿过|拿|申报)(?:过)?\s*(?:任何)?(?:市级|市里|市财政)|"
        # ("没重复申请过财政资金": a second application for the same money is the case the rule forbids)
        r"(?:没有|没|未|从未|未曾|不曾|从没)\s*重复(?:申报|申请)(?:过)?\s*(?:任何)?(?:市级|市里|市)?财政|(?:not|never) (?:been |previously |ever been |already )?city[- ]funded|"
        r"no (?:other |additional |further |earlier |prior |previous )?(?:city|municipal)[- ](?:funding|funds|money|support|grants?)|"
        r"(?:市里|市级|市财政|市科技局)[^，,。；;]{0,4}?(?:没有|没|未|从未|从没)(?:给过|资助|支持|拨|给)|"
        # no public money at all, the city's among it ("该项目没有获得过财政支持")
        r"(?:没有|没|未|从未|未曾|从没)(?:获得|拿到|得到|拿|获)过?(?:其他|其它)?(?:任何)?(?:财政|政府)(?:资金)?(?:支持|资助)|"
        # ... nor any funding at all ("没拿过任何资助"), nor a second application ("不存在重复申报", "没有重复申请")
        r"(?:没有|没|未|从未|未曾|从没)(?:获得|拿到|得到|拿|获)过?任何(?:资助|资金支持|经费支持)|"
        r"(?:没有|没|不存在|无|未)(?:任何)?(?:重复|变相重复)(?:申报|申请|立项|资助|支持|拨款)|"
        r"(?:has|have)(?:n't| not| never) (?:yet )?(?:received|got|been given|had) any (?:government |public |state )?(?:funding|funds|money|grants?)|"
        r"never (?:received|got|had) any (?:government |public |state )?(?:funding|funds|money|grants?)|"
        # "拿的是省社科联的资助，不是市里的钱"
        r"(?:不是|并非|非)(?:郑州)?(?:市里|市级|市财政|市科技局)的?(?:钱|资金|经费|资助|财政资金)",
    )
    if value and _ANOTHER_PROJECT.search(text):
        value = None  # the city funded another project ("拿过市科技局资助的是另一个课题"), not this one
    if value and _KIND_ASKED.search(text):
        value = None  # whether the city funds a kind of project is asked, not said of the asker's
    if value is not None:
        facts["already_city_funded"] = value
    # Two districts named as recommenders ("航空港区和郑东新区两个口子推荐", "让金水区和高新区分别推荐").
    two_districts = re.search(r"[\u4e00-\u9fff]{1,5}区(?:科技局|科技主管部门)?(?:和|与|、|跟)[\u4e00-\u9fff]{1,5}区.{0,14}(?:推荐|申报|报)", text) or (
        # each district with its own submission ("高新区报一个、金水区再报一个")
        (m := re.search(r"([\u4e00-\u9fff]{2,4}区).{0,3}(?:报|推荐).{0,8}?([\u4e00-\u9fff]{2,4}区).{0,3}(?:报|推荐)", text))
        and m.group(1) != m.group(2)
    )
    if re.search(r"多头申报|多个推荐部门|两个推荐部门|两头推荐|既(?:走|通过|经过)[^，,。]{0,16}?又(?:走|通过|经过)|几个推荐部门同时|(?:两|三|四|几|多)个(?:口子|渠道)|(?:两|几|多)边(?:都)?(?:走|报|推)|"
                 # "同时透过两个区的科技局推荐"
                 r"同时(?:通过|经过|透过|走|找|从)?(?:两|三|几|多|2|3)个[^，,。]{0,8}?(?:推荐|报|申报)|(?:两|三|几|多|2|3)个(?:推荐)?部门(?:推荐|申报|报)|"
                 # "让两个区的科技部门分别推荐": several departments each recommending
                 # ... named by their area too ("找两个区同时推荐")
                 r"(?:两|几|多|2|3)个[\u4e00-\u9fff]{0,6}?(?:部门|区|县|开发区).{0,6}?(?:分别|同时|都|各自)[^，,。]{0,4}?推荐|"
                 r"multiple (?:recommending )?departments|"
                 # "through both the high-tech zone bureau and our district bureau", "more than one department"
                 r"through (?:both|two|several|multiple|more than one)\b.{0,50}?\b(?:bureaus?|departments?|channels?|districts?|zones?)\b",
                 text) or two_districts:
        facts["recommending_departments"] = _count(text, _NUM + r"\s*个(?:推荐)?(?:部门|口子|渠道|开发区|区|县)") or 2
    # (the body may be named before its count: "通过所在区科技局一个渠道推荐")
    elif (n := _count(text, r"(?:通过|经过|走)[^，,。；;和与及、]{0,10}?" + _NUM + r"\s*个\s*(?:推荐)?(?:部门|渠道|口子)")) is not None:
        facts["recommending_departments"] = n
    elif re.search(r"(?:一个|单个|1个|一家)推荐(?:部门|渠道|口子)|单一(?:的)?推荐(?:部门|渠道)|"
                   # "推荐渠道只有一个", "we apply only through the university's research office"
                   r"(?:推荐)?(?:部门|渠道|口子)(?:只有|就|仅有|就只有)(?:一个|1个)|"
                   # "由所在区科技局单独推荐": one body recommending alone
                   r"由[^，,。；;和与及、两几多]{1,10}?单独(?:推荐|报送)|"
                   r"(?:apply|applying|go|going|submit|submitting)\s+only\s+(?:through|via)\s+(?:the|our|its|my)\s+(?:(?!and\b|or\b)[^,.;\s]+\s*){1,6}[,.;]|"
                   r"(?:只|仅|就)(?:通过|经过|走|透过|经)[^，,。；;]{0,14}?(?:一个|单个|1个|一家)(?:推荐)?(?:部门|渠道|口子)|"
                   # "只通过一个区科技局推荐": one body named, whatever it is
                   # (or asked to: "只找一个区科技局推荐", "只请所在区推荐")
                   r"(?:只|仅|就)(?:通过|经过|走|透过|经|由|找|请|让)\s*(?:一个|单个|1个|一家)[^，,。；;和与及、]{0,8}?推荐|"
                   # "只通过所在区科技局推荐": one body, named with no other beside it
                   r"(?:只|仅|统一)(?:通过|经过|走|透过|经|由|找|请|让)[^，,。；;和与及、两几多]{1,10}?推荐|"
                   # ... its body named for what it is ("只走金水区科技局", "仅通过学校科研处报")
                   r"(?:只|仅|统一)(?:通过|经过|走|透过|经|由)[^，,。；;和与及、两几多]{0,8}?(?:科技局|科技主管部门|主管部门|科研处|科技处)(?![和与及、])|"
                   # ("we apply via the Jinshui District science bureau only")
                   r"\b(?:via|through) (?:the |our |its |a )?(?:(?!and\b|or\b)[\w&-]+ ){1,6}?only\b|"
                   # ("we go through just one district S&T bureau")
                   r"(?:through|use|via|with) (?:only |just )?(?:one|a single|a sole|one single) (?:[\w&.-]+ ){0,3}?"
                   r"(?:department|bureau|body|authority|channel)\b|"
                   r"\b(?:a |one )?(?:single|sole|one) recommending (?:department|bureau|body|authority)|"
                   # ("only one department recommends us")
                   r"\bonly (?:one|a single) (?:[\w&.-]+ ){0,2}?(?:department|bureau|body|authority|channel)s? (?:recommends?|puts? us forward|nominates?)\b", text):
        facts["recommending_departments"] = 1
    _counts(text, facts)
    if "org_quota_used" not in facts:
        _unit_chain_count(text, facts)
    _form_lines(text, facts)
    return Profile(**cast(dict[str, Any], facts))  # each value is of its field's type (validated here)


_UNIT = r"(?:学校|我校|我院|我所|本所|本院|本校|院所|院校|高校|本中心|本单位|我单位|单位|院里|所里|校里|我们|学院|大学|研究所|研究院|医院|our (?:unit|university|institute|school))"


# "我们是一家科研院所", "我们单位": the unit speaks; "我是…" or "本人" is a person speaking (for a unit, maybe).
_UNIT_SPEAKS = re.compile(r"(?:我们|咱们|我单位|本单位)(?:是|为)?[^，,。？?]{0,12}?"
                          r"(?:大学|学院|高校|院校|研究所|研究院|院所|科学院|研究中心|事业单位|单位)")
_PERSON_SPEAKS = re.compile(r"我(?!们|单位|校|院|所)|本人|负责人")
_PUT = r"(?:推荐|报|申报|上报|提交|推)"  # putting a project forward
# A unit's count of projects put forward, in the order tried: "学校已经推荐了4项", "已推荐3个".
_UNIT_COUNTS = (
    # ("学校已经报上去3个了")
    # (not what it may put forward, asked: "每个单位能报2个吗")
    re.compile(_UNIT + r".{0,8}?(?:已经|已)?(?<!能)(?<!可以)(?<!可)(?<!最多)" + _PUT + r"(?:上去|出去)?(?:满|够)?了?\s*(?:项目|课题)?\s*" + _NUM + r"\s*(?:个|项)"),
    re.compile(r"(?:已经|已)?推荐了?\s*(?:项目|课题)?\s*" + _NUM + r"\s*(?:个|项)"),
    # ("我们学校已经有3个项目报上去了")
    re.compile(_UNIT + r".{0,8}?(?:已经|已)?有\s*" + _NUM + r"\s*(?:个|项)\s*(?:项目|课题)?\s*(?:已经|已)?" + _PUT + r"(?:上去|出去)?了?"),
)
# A unit's count said as below a bound ("学校今年推荐的项目还没到5项", "报的不到3个"): at most one fewer, the most it
# can be (people name the quota itself as the bound not yet reached).
_UNIT_BELOW = re.compile(_UNIT + r"[^。；;？?]{0,12}?" + _PUT + r"[^。；;？?，,]{0,8}?"
                         r"(?:还没到|还不到|没到|不到|少于|未满|没满|不满|还没有到)\s*" + _NUM + r"\s*(?:个|项)")
_SPEAKER_COUNT = re.compile(r"(?:已经|已)" + _PUT + r"(?:满|够)?了?\s*" + _NUM + r"\s*(?:个|项)")
# The unit's places, taken: "今年5个名额已经用完了", "指标已经用掉2个", "已经报满5项" (only a unit fills its places).
_PLACES_USED = (
    # ("5个名额还没用满" is the quota, not yet reached: no count of places taken, read as none below)
    re.compile(_NUM + r"\s*个\s*(?:名额|指标)[^，,。？?没未不]{0,4}?(?:已经|已|都)?(?:用完|用满|占满|报满|满了|用光)"),
    re.compile(r"(?:名额|指标)[^，,。？?]{0,4}?(?:已经|已)?(?:用掉|用了|占了|用去)了?\s*" + _NUM + r"\s*(?:个|项)"),
    re.compile(r"(?:报|推|推荐|用)满了?\s*" + _NUM + r"\s*(?:个|项)"),
)
# A unit that has put nothing forward yet ("所里今年还一个都没推荐", "学校还没有推荐任何项目").
_UNIT_NONE = re.compile(_UNIT + r"[^，,。？?我]{0,6}?(?:(?:一个|一项)(?:项目|课题)?(?:都|也)|任何项目(?:都|也)|还|尚)(?:还)?(?:没有?|未)(?:推荐|上报|报|推)(?:过)?(?:任何)?(?:项目)?|"
                        # "单位今年就报这1项": the asked one is the unit's only one, none other put forward
                        # ("所里就报我这一个": the leader named between)
                        + _UNIT + r"[^，,。？?我]{0,6}?(?:就|只|仅)(?:报|推荐|上报|申报|推)了?(?:我|他|她)?(?:这|此)(?:一|1)?(?:项|个)|"
                        # "名额还一个没用", "hasn't recommended a single project yet"
                        r"(?:名额|指标)[都还也]{0,3}(?:一个|一项)?[都还也]{0,2}(?:没|未)(?:用|占)|"
                        # places left, said without a count ("学校名额够", "还有名额", "still has quota left"):
                        # read as the places not yet used (not asked: "还有名额吗", "名额够不够")
                        r"(?:名额|指标)(?:还|也|都)?(?:够用?|足够|充足|充裕|有剩余?|有富余|有空余)(?![吗么没不])|"
                        r"还有(?:名额|指标)(?![吗么没不]|[?？])|(?:名额|指标)(?:还|也|都)有(?![吗么没不几多]|[?？])|"
                        # ("名额还剩两个", "名额富余", "还没超过限额")
                        r"(?:名额|指标)(?:还|也)?(?:剩|富余|有余)(?![吗么没不几多])|(?:还)?(?:没有|没|未)(?:超过?|达到|到)(?:限额|名额|指标|上限)|"
                        r"(?:slots?|places?|quota) (?:left|remaining|to spare)|"
                        r"(?:still )?ha(?:s|ve) (?:some |enough )?(?:quota|slots?|places?) (?:left|remaining|available)|"
                        r"within (?:its|our|the|their) quota|"
                        r"(?:hasn't|has not|haven't|have not) (?:yet )?(?:used up|exhausted|filled|reached) (?:all of )?(?:its|our|the|their) "
                        r"(?:\w+ )?(?:quota|slots|places|limit)\b|"
                        # (not the leader's own: "I haven't submitted any other application")
                        r"(?<!\bi )(?:hasn't|has not|haven't|have not) (?:yet )?(?:recommended|put forward|submitted|nominated) "
                        r"(?:a single|any|anything)\b|(?:put forward|recommended|submitted|nominated) nothing|"
                        r"(?:unit|university|institute|school|we)\b[^.,;]{0,20}?(?:has|have) (?:so far |yet )?(?:put forward|recommended|submitted|nominated) "
                        r"(?:none|zero|no (?:projects?|applications?|proposals?))\b")
_PLANNED = r"想|打算|准备|计划|拟"  # a count planned in all, the asked one among them
_EN_NUMBERS = {"no": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_EN_NUM = r"(\d+|" + "|".join(_EN_NUMBERS) + r")"


def _en_number(word: str) -> int:
    return int(word) if word.isdigit() else _EN_NUMBERS[word]


# A profile written as a form, "label: value" per line ("负责人今年其他申报：没有", "Recommending departments: 1"):
# the count or yes/no a label's line gives, for the fields the sentences above left unset.
_FORM_LABELS = (
    ("applications_this_year", r"其他申报|别的项目|其他项目|其他申请|other applications?"),
    ("org_quota_used", r"已报|已推荐|已经推荐|已申报|put forward|already (?:recommended|submitted)|quota used|slots used"),
    ("recommending_departments", r"推荐部门|推荐渠道|recommending departments?"),
    ("project_level", r"项目级别|项目类别|申报级别|project level|^level"),
    ("already_city_funded", r"市财政已?资助|市级资金|市级财政|市里资助|funded by the city|city funding"),
)
_FORM_LINE = re.compile(r"(?:^|[\n•·\-*])\s*([^：:\n•·]{2,60}?)\s*[：:]\s*([^\n；;•·-]{1,20})")
_NONE_VALUE = re.compile(r"^(?:都|均|也)?(?:没有|没|无|否|不是|none|no|nil|0|零)\b|^(?:none|no)$")


def _form_lines(text: str, facts: dict[str, object]) -> None:
    for m in _FORM_LINE.finditer(text):
        label, value = m.group(1).strip(), m.group(2).strip()
        for field_name, pattern in _FORM_LABELS:
            if field_name in facts or not re.search(pattern, label):
                continue
            if field_name == "project_level":
                level = next((lv for word, lv in (("重大", "major"), ("重点", "key"), ("一般", "general"), ("major", "major"),
                                                  ("key", "key"), ("general", "general")) if value.startswith(word)), None)
                if level:
                    facts[field_name] = level
            elif field_name == "already_city_funded":
                facts[field_name] = not _NONE_VALUE.search(value)
            elif _NONE_VALUE.search(value):
                facts[field_name] = 0
            elif (n := re.search(r"\d+|[一二两三四五六七八九十]+|" + "|".join(_EN_NUMBERS), value)) is not None:
                facts[field_name] = _en_number(n.group()) if n.group() in _EN_NUMBERS or n.group().isdigit() else cn_number(n.group())
            break


# A clause chain: clauses joined by commas share the subject the first of them names, as Chinese drops it after
# ("学校只通过一个推荐部门报，目前才报了2项": the unit reported two). A semicolon or full stop ends the chain.
_CHAIN = re.compile(r"[^；;。！!？?]+")
# the unit's count so far ("目前才报了2项", "今年共推荐了3个"), the asked one's place ("这是第1项"), none other ("还没报别的")
_SO_FAR = re.compile(r"(?:目前|现在|至今|到现在|截至目前|已经|已|才|共|一共|总共)[^，,]{0,4}?" + _PUT + r"(?:上去|出去)?了?\s*" + _NUM + r"\s*(?:个|项)")
# ("这是医院今年推荐的第1个项目": who put it forward said between)
_NTH = re.compile(r"(?:这|此|本项目?)(?:个|项)?(?:是|为)?(?:[^，,。；;第]{0,10}?" + _PUT + r"的)?第\s*" + _NUM + r"\s*(?:个|项)")
_NONE_OTHER = re.compile(r"(?:还|尚)?(?:没有?|未)(?:再)?" + _PUT + r"(?:过)?(?:别的|其他|其它|任何)|"
                         # "今年还没推荐过软科学项目": by the unit, none put forward yet (the clause ends there)
                         r"(?:还|尚)(?:没有?|未)" + _PUT + r"过?(?:[^，,]{0,8}?(?:项目|课题))?$")
# "it would be our 3rd project this year": the asked one's place among the unit's, in English
# (English ordinals, shared with assistant.topics: "the second sub-topic")
ORDINALS_EN = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
               "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
_EN_NTH = re.compile(r"\b(?:it|this|this one|this project|that)(?:'s| is| would be| will be| is going to be)\s+"
                     r"(?:our|the (?:unit|university|institute|school)'s)\s+(?:(\d+)(?:st|nd|rd|th)|("
                     + "|".join(ORDINALS_EN) + r"))\b")


def _unit_chain_count(text: str, facts: dict[str, object]) -> None:
    """The unit's count of projects put forward, said in a clause whose subject is the unit by the chain."""
    for chain in _CHAIN.findall(text):
        subject = ""
        for clause in re.split(r"[，,、]", chain):
            subject = _whose(clause, subject)
            if subject != "unit":
                continue
            if (m := _SO_FAR.search(clause)) and (n := cn_number(m.group(1))) is not None:
                facts["org_quota_used"] = n
            elif (m := _NTH.search(clause)) and (n := cn_number(m.group(1))) is not None and n >= 1:
                facts["org_quota_used"] = n - 1
            elif _NONE_OTHER.search(clause):
                facts["org_quota_used"] = 0
            else:
                continue
            return
    if (m := _EN_NTH.search(text)) and "org_quota_used" not in facts:
        facts["org_quota_used"] = (int(m.group(1)) if m.group(1) else ORDINALS_EN[m.group(2)]) - 1


def _counts(text: str, facts: dict[str, object]) -> None:
    """Unit quota ("学校已经推荐了4项") versus the leader's own applications ("我已经报了一个")."""
    unit = next((m for pattern in _UNIT_COUNTS if (m := pattern.search(text))), None)
    bound = _UNIT_BELOW.search(text) if unit is None else None
    if bound and (n := cn_number(bound.group(1))) is not None:
        facts["org_quota_used"] = max(n - 1, 0)
        text = text[: bound.start()] + "。" + text[bound.end():]
    if unit is None and not bound and _UNIT_SPEAKS.search(text) and not _PERSON_SPEAKS.search(text):
        # The unit speaking ("我们是郑州的一家科研院所……今年已报1项"): what "we" put forward is its count.
        unit = _SPEAKER_COUNT.search(text)
    if unit is None and not bound:
        unit = next((m for pattern in _PLACES_USED if (m := pattern.search(text))), None)
    if unit is None and not bound and (m := _UNIT_NONE.search(text)):
        facts["org_quota_used"] = 0  # "所里今年还一个都没推荐": none put forward yet
        text = text[: m.start()] + "。" + text[m.end():]
    elif unit and (n := cn_number(unit.group(1))) is not None:
        # "今年想报两个项目" counts the one asked about: the others already put forward are one fewer.
        facts["org_quota_used"] = max(n - 1, 0) if re.search(_PLANNED, unit.group(0)) else n
        # The leader's own count is read from the rest ("学校推荐了2项…我今年只报这一个").
        text = text[: unit.start()] + "。" + text[unit.end():]
    # "put forward 5 soft science projects": up to three words may describe the projects.
    elif (m := re.search(r"(?:has |have )?used\s*(?:only |just )?" + _EN_NUM + r"\s*(?:of (?:its|our|their|the) (?:\w+ )?)?(?:slots?|quota|places?|spots?)\b", text)):
        facts["org_quota_used"] = _en_number(m.group(1))  # "our unit has used two of its slots"
    elif (m := re.search(r"(?:put forward|recommended|submitted|nominated)\s*(?:only |just )?" + _EN_NUM + r"\s*(?:[a-z-]+\s+){0,3}?"
                         r"(?:projects?|applications?|proposals?)\b|"  # ("1 project": one, singular)
                         r"(?:has|have)\s*(?:already\s*)?" + _EN_NUM + r"\s*(?:[a-z-]+\s+){0,3}?(?:projects?|applications?|proposals?)\s*"
                         r"(?:recommended|submitted|put forward)", text)) and (
        re.search(r"unit|university|institute|school|we ", text)
    ):
        facts["org_quota_used"] = _en_number(m.group(1) or m.group(2))
    elif (m := re.search(r"(?:university|institute|unit|school|we)\b[^.;]{0,20}?(?:has|have)\s*(?:already\s*)?"
                         r"(?:submitted|put forward|recommended|nominated)\s*" + _EN_NUM
                         + r"\s*(?:(?:so far|already|this year|to date|until now)\b|(?=[.;,]|$))", text)):
        facts["org_quota_used"] = _en_number(m.group(1))  # "the university has submitted 2 so far"
    personal = re.search(
        # someone else's application ("单位里已经有人报了这个课题") is not the leader's own
        r"(?:我|本人|负责人)?(?:今年|本年度)?(?:已经|已)(?:(?!有人|别人|他人|其他人|同事|[他她]们?)[^，,。?？]){0,12}?"
        r"(?:申报|报|申请)(?:上去了?|了|过)\s*" + _NUM
        + r"?\s*(?:个|项)?(?:其他)?(?:项目|课题)?", text
    )
    if personal and re.search(r"去年|前年|往年|上一年|以前年度|last year", text[max(personal.start() - 12, 0): personal.end()]):
        personal = None  # "我去年已经报过一个": an earlier year's application is not this year's
    leader_read = False
    if "org_quota_used" not in facts and personal:
        n = cn_number(personal.group(1)) if personal.group(1) else 1
        # (the unit speaking, "我们是…院校，目前已经报了4项": more than one is the unit's count)
        if n is not None and (n >= 5 or n >= 2 and _UNIT_SPEAKS.search(text)):
            facts["org_quota_used"] = n  # a leader may hold one; five or more can only be the unit's count
            # (the leader's own count is then read from the rest: "我们学校已经报了3个了……我今年就报这一个")
            text = text[: personal.start()] + "。" + text[personal.end():]
        else:
            leader_read = True
            if n is not None:
                facts["applications_this_year"] = n
    if leader_read:
        pass  # (the leader's own count, read above)
    elif re.search(r"(?:还没|没有|没|未|尚未|未曾)(?:以[^，,。；;]{0,8}?身份|作为负责人|其他|别的)?(?:申报|报)过?(?:其他|别的|他项|任何)?(?:项目)?|"
                   # "今年第一次报": this year's first application is its only one so far ("我是第一次报" says no year:
                   # the programme's first time, asked as a newcomer, no count of this year's)
                   r"第一次申报|(?:今年|本年度)(?:是|算)?(?:第一次|头一回|首次)(?:申报|报|申请)|"
                   # "第一次当负责人": never a leader before, so of no other application this year either
                   r"(?:第一次|头一回|首次)(?:当|做|担任|作为)(?:项目)?负责人|"
                   r"no other application|\b(?:my|his|her|(?:it is|it's) the leader's) first application\b|first application this year|(?:只|就|仅)(?:报|申报)此一项|"
                   # "这是我今年唯一的申报": the asked one is the leader's only application
                   r"唯一(?:的)?(?:一个|一项)?(?:申报|申请|项目)|"
                   # "今年就这一个申报": this one is the only application
                   # ("今年就这一项", "只有这一个")
                   r"(?:只|就|仅)(?:有)?(?:这|此)(?:一|1)(?:个|项)(?:申报|申请|(?=[，,。；;）)]|$))|"
                   # ("只以负责人身份报这一个项目": the role said between)
                   r"(?:只|就|仅)(?:想|打算|准备)?(?:以[^，,。；;]{0,8}?身份|作为(?:项目)?负责人)?(?:报|申报|申请)(?:我)?(?:这|这么)?(?:一|1)(?:个|项)|only (?:[a-z]+ ){0,2}(?:this|one) (?:[a-z]+ )?(?:application|project)|"
                   # "我今年只牵头这一个", "本年度仅申报本项目", "没有同时申报其他项目", "没有其他在申项目", "今年不会再报别的"
                   r"(?:只|就|仅)(?:牵头|主持|负责)(?:这|此|本)(?:一|1)?(?:个|项)|(?:只|就|仅)(?:报|申报|申请)(?:本|该|此)(?:项目|课题)|"
                   r"(?:没有|没|未)同时(?:申报|报|申请)(?:其他|别的)|(?:没有|没|无)(?:其他|别的)(?:在申|在报|申报中)的?(?:项目|课题)|"
                   r"(?:不会|不再|不打算)再?(?:报|申报|申请)(?:别的|其他)|"
                   # "I am not applying for anything else", "I'm not leading any other application"
                   r"\bi(?: am|'m) not (?:applying for|submitting|leading) (?:anything else|any other|another)\b|"
                   r"\bi (?:have not|haven't) (?:applied for|submitted|led) (?:other|any other|another)\b|"
                   # ("I don't have any other application this year", "I have no other proposal pending")
                   r"\bi (?:do not|don't) have (?:any )?other (?:[a-z]+ )?(?:applications?|proposals?|projects?)\b|"
                   r"\bno other (?:[a-z]+ )?(?:proposals?|submissions?)\b|"
                   r"(?:my|the) only (?:[a-z]+ )?(?:application|project|proposal)|\bonly (?:[a-z]+ )?(?:application|proposal) this year|"
                   # "she has not applied for anything else this year"
                   r"(?:has|have|had)(?: not|n't| never)(?: yet)? (?:applied|submitted)(?: for)? (?:anything|any other|another)",
                   text):
        facts["applications_this_year"] = 0
    elif m := re.search(r"(?:i've|i have|i) already (?:submitted|made|filed|applied for) " + _EN_NUM + r" (?:other )?(?:applications?|projects?)", text):
        facts["applications_this_year"] = _en_number(m.group(1))
    elif re.search(r"already (?:applied|submitted)(?: for)? (?:another|one|a)|second application|已经报了一个|已报一个", text):
        facts["applications_this_year"] = 1
    elif re.search(r"(?:想|打算|准备|计划)同时(?:牵头|主持|作为负责人)?(?:申报|报|申请)[^，,。；;]{0,4}?(?:两|2|二)\s*(?:个|项)|"
                   r"(?:想|打算|准备|计划)同时(?:牵头|主持|作为负责人)?(?:申报|报|申请)[^，,。；;]{0,14}?和(?:一个|一项)|"
                   # "两个都当负责人"
                   r"(?:两个|两项|俩)(?:都|全)(?:当|做|作|担任|挂)(?:项目)?负责人|"
                   r"(?:两|2)\s*个都以[^，,。；;]{1,6}为负责人|"
                   r"\b(?:i|we|she|he)(?:'m| am| are| is)? (?:want|wants|plan|plans|intend|intends|going) to (?:lead|apply for|submit) "
                   r"(?:two|2) (?:[a-z]+ ){0,2}(?:projects|applications|proposals) at (?:once|the same time)",
                   text):
        # "同一位老师想同时牵头报一个重大项目和一个重点项目": the leader's second application this year, as they
        # intend it ("同一个负责人能不能同时报两个题" asks the rule, of no one in particular)
        facts["applications_this_year"] = 1
