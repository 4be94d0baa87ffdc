"""Stage 1 of answering: understand the question before anything is looked up.

From the raw text to an `Understanding`: normalised text, homophone corrections against the
corpus vocabulary, sub-questions of a multi-part question, the asked attribute (amount, date,
phone, who, whether, how many, materials, how, website) and the entities named (topics, project
levels, offices, the asker's own facts, and entities the notice does not know: other cities and
programmes). An elliptical follow-up ("那重大项目呢", "And sub-topic 6?") is rewritten into the
previous question with the new entity substituted, so later stages see a complete question.

The word lists here are words of questions (how people ask), never facts of one notice; the
entities come from the loaded corpus.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from assistant import vocabulary as V
from assistant.extract import age_at_most, cn_number, extract_profile
from assistant.models import Profile
from assistant.topics import TopicResolver
from corpus import Corpus, RuleTerms, english_glossary, family_vocabulary, glossary_pattern, squash
from corpus.passages import LEVEL_WORDS
from corpus.script import simplified
from index.spelling import Correction, SpellingCorrector
from index.tokenize import canonical, normalize, words

# English words are matched on ASCII word boundaries (re.ASCII), so "申报的website是哪个" finds
# "website" between Chinese characters.
# The asked attribute: what kind of value would answer the question, as patterns of how people
# ask (with gaps: "经费是多少", "资助金额有多少"). The first attribute that matches wins, specific before
# general ("哪天截止" is a date, not a yes/no).
ATTRIBUTES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(pattern, re.ASCII)) for name, pattern in (
    ("person", r"(?:处长|局长|主任|科长|联系人|经办人)(?:是谁|叫什么)|\bwho is the (?:director|head)\b"),
    # Which regulation or document ("经费管理依据的是哪个文件", "管理办法的文号是多少"), or its name.
    ("document", r"文号|发文字号|依据|根据(?:的)?(?:是)?(?:哪|什么)|\b(?:basis|based on)\b|按(?:照)?(?:哪|什么)(?:个|份)?(?:文件|办法|规定)|"
                 r"(?:哪|什么)(?:个|份|部)?(?:[\u4e00-\u9fff]{0,4}?管理)?办法|\b(?:document number|which (?:document|regulation|rules?|policy))\b|"
                 # a regulation's name asked ("诚信管理办法全称是什么", "what is the measures' full name")
                 r"(?:办法|规定|条例|细则|意见)(?:的)?[,，]?(?:它的)?(?:全称|全名|完整名称|名称|叫(?:什么|啥))"),
    # What follows from breaking a rule or pledge ("违反承诺会有什么后果", "what penalties could we face"): the
    # clause saying what is done then.
    ("consequence", r"后果|(?:会|将)(?:被)?(?:怎么|怎样|如何)(?:样|处理|处罚|惩罚)|(?:受到|面临|有|会有|给|接受)(?:什么|哪些|啥)(?:样的)?"
                    r"(?:处理|处罚|惩罚|惩戒|处分)|\b(?:penalt(?:y|ies)|consequences?|sanctions?|punish(?:ed|ment)?|"
                    r"what (?:will )?happens? (?:if|when|to))\b"),
    # Why the notice asks something ("为啥提醒别扎堆最后几天提交"): the clause that gives its purpose.
    # (what something is for asks its purpose too: "软科学项目主要是干嘛用的", "what is the programme for")
    ("why", r"为什么|为啥|为何|(?:什么|啥)原因|理由是|\bwhy\b|为了(?:什么|啥)|干(?:嘛|啥|什么)用|(?:做|有)(?:什么|啥)用|"
            r"用来(?:干|做)(?:什么|啥|嘛)|(?:目的|宗旨|用意|定位)(?:是|在于)?(?:什么|啥|哪)|\b(?:purpose|aim)\b|"
            # (the question word before the noun: "是想达到什么目的", "出于什么用意")
            r"(?:什么|啥|哪些)(?:样的?)?(?:目的|宗旨|用意)|"
            # whom it serves ("成果最后给谁用", "为谁服务"): what the notice says it is for
            r"(?:给|供|为)谁(?:用|服务|参考)|服务(?:于)?(?:谁|哪些人)|\bwho (?:uses|benefits from)\b|"
            # ... and what it serves ("成果最后是给郑州建设什么做参考", "为哪方面提供决策参考")
            r"(?:给|供|为)[^，,。？?]{0,12}?(?:什么|啥|哪些|哪方面)[^，,。？?]{0,4}?(?:提供|做|作)(?:决策)?(?:参考|服务|支撑)|"
            # ... or what the research gives someone ("研究成果主要是给郑州提供什么"): the asker hands nothing in
            r"(?:成果|研究)[^，,。？?]{0,10}?(?:给|为|向)[^，,。？?]{1,8}?提供(?:些)?(?:什么|啥|哪些|哪方面)(?:样的|的)?"
            r"(?:东西|服务|支撑|帮助)?(?=[？?。，,！!]|$)|"
            r"^what (?:is|are) (?:the |this |that )?[a-z -]{0,40}\bfor\s*\??$|"
            # (what it is meant to do: "What is the programme meant to support?", "what does it aim to achieve")
            r"\b(?:meant|intended|designed) (?:to|for)\b|\baim(?:s|ed)? (?:at|to)\b"),
    # "number", not "the number of" (a call for proposals is the notice: see _CALL_NOUN).
    ("phone", r"电话|号码|热线|联系方式|打哪个|打给谁|\b(?:phone|call|telephone|hotline)\b|\bnumber\b(?! of\b)"),
    ("office", r"哪(?:个|些|几个)(?:处(?![分理罚置])|部门|科室|单位负责)|找谁|问谁|联系谁|归哪|谁(?:管|负责)|联系单位|"
               r"\bwhich (?:office|department|division)\b|\bwho (?:do|should|can) (?:i|we) (?:ask|contact)\b|\bcontact\b"),
    # How long something lasts ("项目要多长时间做完", "实施周期几年"), not when: "还有多久截止" is a date.
    ("duration", r"(?<!还有)(?:多长时间|多久|多长)(?!截止|结束|开始|到期|以前|之前)|周期|几年|几个月|"
                 r"\bhow long (?:is|does|do|will|should|must)\b(?!.*\b(?:open|left|have)\b)|\bduration\b"),
    # Who answers for something ("经费用出问题谁来担责", "谁背锅", "who is accountable"): the one a sentence holds responsible.
    ("responsible", r"谁(?:来|去|要)?(?:负责|担责|负这个责|负责任|背锅|兜底|承担(?:责任|后果))|算谁的|谁的责任|责任(?:在|由|归)谁|"
                    r"\bwho(?:'s| is| will be| would be)? (?:responsible|accountable|liable)\b|"
                    r"\bwho (?:bears|has|takes|carries) (?:the )?(?:primary |main |first |overall )?(?:responsibility|liability)\b"),
    # (the hour asked, "系统几点关闭", "截止到几点", not points made: "有几点要求")
    ("date", r"什么时[候间]|何时|啥时候?|哪(?:一|几)?天|(?<!第)几天|几号|几月|日期|时间|多久|期限|时限|截止到|最晚|"
             r"几点(?:钟|前|之前|以前|截止|关闭|开始|结束|关|开)|(?:截止|关闭|开始|结束|开放|关|开)(?:到|在|于)?几点|"
             r"\b(?:when|date|dates|deadline|until|how long|by when|(?:last|final|closing|first|opening) day|"
             r"how many (?:more )?(?:days|weeks|months)|how much (?:more )?time|how much longer|"
             r"(?:time )?windows?|timeline|timetable|schedule)\b|"
             # a named period asked as what it is ("What is the online filing period?"): its dates
             r"\bwhat(?:'s| is| are| was) the (?:[a-z-]+ ){1,3}periods?\s*\??$"),
    # An age limit asked ("年龄有限制吗", "最大多少岁", "maximum age"), not an age stated ("我58岁").
    ("age", r"年龄|(?:多大|几|多少)岁|岁数|年纪|\b(?:how old|too old|older than)\b|(?<!years of )\bage\b"),
    # ("支持多少个重点项目" counts the projects supported)
    ("amount", r"(?:经费|资助|资金|钱|支持|额度|拨款|给|拿|补助)[^，,。？?]{0,8}?(?:多少(?![个项家类])|几万|几十万)|多少(?:钱|万|经费)|额度|金额|"
               r"\bhow much\b|\bamount\b|\bwhat(?:'s| is| are) the (?:funding|grants?)\b"),
    # (a count asked by its noun: "项目的数量", "课题个数")
    ("count", r"(?<![哪好])几(?:个|项|家|类)|多少(?:个|项)|(?:项目|课题|子课题)的?(?:数量|个数|总数)|\bhow many\b|\bnumber of\b"),
    # ("在哪个平台上报", "which platform do we submit on")
    ("url", r"网站|网址|哪里填|在哪(?:里|儿|个平台|个系统)?(?:上)?(?:填|报|上报|申报|提交|注册)|(?:什么|哪个)(?:系统|平台)|"
            r"\b(?:website|url|link|portal)\b|\bwhich (?:platform|system)\b|"
            r"\bwhere (?:do|should|can|must|shall|to) (?:i |we |you |one )?(?:submit|apply|register|upload|file|fill)\b"),
    ("address", r"地址|在哪(?:个区|儿|里)?办公|办公地点|\baddress\b|\bwhere is\b.*\boffice\b"),
    # How things are handed in, asked as other than online ("能不能线下交", "要寄纸质版吗", "can we hand it in on paper"):
    # the sentences saying how the notice takes applications
    # (printing is making paper copies: "申报书要打印几份", "do we need to print it out")
    # (the form a document goes in, "寄原件还是传扫描件": how it is handed in)
    ("channel", r"线下|纸质|纸本|纸版|邮寄|寄(?:过去|到|给|送|原件)|快递|现场|窗口|当面|送(?:到|过去|去)|打印|原件|扫描件|复印件|"
                r"\b(?:offline|in person|on paper|print(?:ed|ing)?(?: it| them)?(?: out)?|printouts?|paper (?:cop(?:y|ies)|version|form|application)s?|hard ?cop(?:y|ies)|"
                r"by (?:post|mail|courier)|courier|mail (?:it|them|in))\b"),
    ("who", r"谁|什么人|哪个人|\b(?:who|whom)\b"),
    # (what is handed in, asked by its verb: "要上传哪些东西", "附件都要传些什么", "what do we need to upload")
    ("materials", r"材料|附件|交什么|提交什么|准备什么|证明|承诺书|\b(?:documents?|materials?|attachments?)\b|"
                  r"(?:交|上传|传|准备|提供|附|签)(?:些|上|好|订)?(?:什么|啥|哪些|哪几(?:样|份|个))(?!时|人|部门|单位)|"
                  r"\bwhat (?:do|should|must|shall) (?:i|we|they|he|she) (?:need to |have to )?(?:upload|submit|prepare|attach|hand in)\b"),
    ("how", r"怎么|怎样|如何|流程|步骤|程序|\bhow (?:do|to|can|should)\b|\b(?:process|procedure|steps)\b"),
    ("content", r"研究内容|研究什么|做什么|干什么|什么内容|哪些内容|\bwhat (?:is|does)\b|\babout\b"),
))
# Yes/no questions: the answer is the one clause that settles it, not the whole section.
# The words that make a sentence a yes/no question ("有没有", "能不能", "是否"), where its subject ends.
_YESNO_FORM = re.compile(r"是否|([\u4e00-\u9fff])不\1|需要不需要|可不可以|可否|有没有")
YESNO = re.compile(r"吗[?？]?$|吗[，,。]|" + _YESNO_FORM.pattern + r"|必须|了没有?[?？]?$|"
                   r"^(?:is|are|do|does|can|may|must|should|will)\b", re.ASCII)
# (a supposition after "那": "那要是62呢", "那假如换成重点项目呢")
ELLIPTICAL = re.compile(r"^(?:(?:那么|那)\s*(?:如果是|如果|假如|假设|换成|要是)?|如果是|换成|要是)|"
                        r"^(?:and\b|what about\b|how about\b|and for\b|and the\b)|呢[?？]?$", re.ASCII)
ASKS = re.compile(r"什么|啥|干嘛|哪|谁|几|多[少长久大]|何时|怎么|怎样|如何|咋|吗|呢|么|\b(?:what|when|where|who|which|how|whom|is|are|do|does|can)\b", re.ASCII)
# A question for the whole of an aspect ("整体的时间安排", "整个流程分哪几步", "对负责人有哪些要求").
OVERVIEW = re.compile(r"整体|整个|全部|所有|总体|哪几步|怎么安排|怎样安排|如何安排|有哪些(?:要求|规定|条件|步骤|环节)|"
                      r"有(?:什么|啥)(?:要求|规定|条件)|哪些(?:限制性)?(?:步骤|环节|规定|条件)|"
                      # the aspect named first, asked as a list: "申报条件有哪些", "要求都有啥"
                      r"(?:条件|要求|流程|程序|步骤|规定)(?:都|一共|主要)?(?:有哪些|有啥|包括哪些|包括什么|包含哪些)|"
                      r"(?:满足|具备|符合|达到)(?:什么|啥|哪些)(?:样的)?(?:条件|要求)|"
                      # an aspect named with a general predicate: "申报流程是怎样的", "申报条件是什么"
                      # ("咋样" the spoken "怎么样")
                      r"(?:条件|要求|流程|程序|步骤|安排|规定)(?:是什么|是啥|是(?:怎|咋)样的?|是怎么样的?|(?:怎么|咋)样|如何)|"
                      r"\b(?:overall|all the|what are the (?:rules|requirements|steps|conditions))\b", re.ASCII)
GUESS = re.compile(r"(?:，|,|\s)?(?:(?:是不是|是否)(?:也|还|都)?(?:要|该|应该)?(?:打|找|问|联系|由)?[^，,。？?]{1,16}(?:吗|么|吧)?"
                   # a guess may go on in a second clause: "…是法规处负责吧，电话67181456？"
                   r"|是(?:要|该|应该)?(?:打|找|问|联系|由)?[^，,。？?]{1,16}(?:吗|么|吧)(?:[，,][^，,。？?]{1,16})?)[?？]?$")
# "负责人把申报书填好后，提交前还要经过谁", "单位管理员审核提交后，项目到谁手里": what follows a step.
AFTER_STEP = re.compile(r"(?P<step>[^，,。？?]{3,20}?)(?<![最然随前])(?:以后|之后|后)[，,]?[^，,。？?]{0,12}?"
                        # "还要" asks what follows only when what it asks is open ("还要做什么", not
                        # "后面还要交纸质版不", a yes/no on a named thing)
                        r"(?:谁|哪个|哪一?步|什么|啥|干嘛|做啥|接下来|下一(?:个|项)?(?:步|环节|阶段)|(?:还要|还得)[^，,。？?]{0,8}?(?:谁|什么|哪|啥|干嘛|怎么)|就算)")
# "是网上报还是交纸质的": two alternatives, each asked ("还是要交吗" is "still", not "or").
_ALTERNATIVE = re.compile(r"^(?P<head>[^，,]*?是)(?P<a>[^，,是]{2,12}?)还是(?!(?:要|可以|能|会|得|不|需要|应该|没|有|按))"
                          r"(?P<b>[^，,]{2,14}?)(?:呢|啊|吗)?[？?。]?$")
# "附件也传好了，接下来该怎么走": a step done, and what comes next asked.
# A clause in the perfective ("已经把申报书传上去了") is a step done as well.
AFTER_DONE = re.compile(r"(?P<step>[^，,。？?]{3,24}?(?:(?:完|好|过)了?|了))[，,]?\s*(?:接下来|下一步|然后)")
# "是不是我点提交就完事了", "传完附件就行了吧": whether anything follows a step, which asks what does.
# ("要交纸质版吗，还是网上传了就完事": one of two ways asked, not what follows)
AFTER_ENOUGH = re.compile(r"^(?!.*还是)(?:.*[，,])?(?P<step>[^，,。？?]{2,20}?)(?:以后|之后|后)?就(?:算)?"
                          r"(?:完事|完了|行了|结束|没事|好了|齐活|可以了)")
# ("单位管理员审核完，项目就算推荐上去了吗": whether a step done counts as the next one, which asks what follows it)
AFTER_COUNTS = re.compile(r"(?P<step>[^，,。？?]{2,20}?(?:完|好|过)了?)[，,][^，,。？?]{0,6}?就算")
_NEGATED = re.compile(r"[没未不]")
# "Who reviews our submission after the unit's administrator has approved it?", "after we submit, what then?"
AFTER_EN = re.compile(r"(?:\bafter|(?:^|, )once) (?P<step>[a-z'’ -]{3,60}?)(?:[,?.]|$| (?:who|what|where|which|then|does|do|is|are|will|"
                      r"how|must|should)\b)")
# A value the asker guesses tells what is asked of the subject ("每项是10万吗" asks the amount).
AMOUNT_MENTION = re.compile(r"\d+(?:\.\d+)?\s*万")  # "20万": an amount named in a question
# A time something is proposed to be done by: "10月底之前", "9月30号前", "11月上旬以前".
BY_DATE = re.compile(r"\d{1,2}\s*月\s*(?:\d{1,2}\s*[日号]|底|初|中|末|上旬|中旬|下旬)\s*(?:之前|以前|前)")
_GUESSED_VALUE = (("amount", AMOUNT_MENTION), ("date", re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]")))
OFFICE_TAIL = 4  # a guessed office may be named by the last characters of its name ("情报研究所")
# Whether a window is open now: "系统开了没", "现在还能报吗", "is it still open".
STATUS = re.compile(r"(?:开|开通|开放|开始|截止|结束|关闭|关)了?(?:没|吗|没有)|还(?:开着|能|可以|来得及|收|接受|让)|现在|目前|"
                    r"这会儿|今天|此刻|当前|\b(?:still|now|today|yet|currently)\b|is it (?:still )?(?:open|closed)", re.ASCII)
CONDITIONED = re.compile(r"的(?:人|单位|老师|项目|负责人)?(?:还能|还可以|还让|也能|也可以)")
STILL = re.compile(r"还(?:能|可以|让|允许)")
NAMED_NOW = re.compile(r"现在|目前|这会儿|今天|此刻|当前|截止|过了|来得及|\b(?:now|today|currently)\b", re.ASCII)
# Words that list several asked things at once ("截止时间、经费、联系电话分别是？").
_LIST_SPLIT = re.compile(r"[、]|(?<=[\u4e00-\u9fff])(?:和|以及|及|还有)(?=[\u4e00-\u9fff])")
_ATTRIBUTE_PATTERN = dict(ATTRIBUTES)
# A may-I ending ("可以申报吗", "能报吗"): what is left before it is the subject asked about
_MAY_I_TAIL = re.compile(r"(?:可以|能|能否|可否|是否|能不能|可不可以|允许)[\u4e00-\u9fff]{0,4}?(?:吗|么)?[?？。]?$")
# A frame the first listed item opens and every item shares ("信用方面对单位和负责人都有啥规定": what is
# required of the unit's credit and of the leader's): the words up to its preposition.
# (not the 对 of a word: "对口", "对接", "核对")
# Asked to be told or summed up ("给我概括一下", "介绍下", "说说"): the things named after it are asked.
_TELL_ME = re.compile(r"概括|介绍|说说|说|讲讲|讲|总结|列|告诉我|汇总|梳理")
_SHARED_FRAME = re.compile(r"^.*?(?:对于|(?<![核相针面绝])对(?![口接比应照外象待方话])|关于|针对)(?=[\u4e00-\u9fff])")
OWN_ATTRIBUTE_ITEMS = True  # under a shared predicate, items naming the attribute each are split whatever their length
ALTERNATIVE_ASKS = True  # a clause offering a choice ("A还是B") asks, whatever facts of the asker it names
# An amount in Chinese numerals ("能拿到二十万吗", "两万块"): written in digits, as the notice's amounts are read.
_CN_AMOUNT = re.compile(r"(?<![〇零一二两三四五六七八九十百千])([一二两三四五六七八九十]{1,3})(?=\s*万)")
CN_AMOUNTS_AS_DIGITS = True
_ASIDE = re.compile(r"(?<=[a-z])\s*\((?:[a-z][a-z-]*\s?){1,2}\)(?=\s)")
TOLD_RANKS_NOT = True  # a question whether something is open now is ranked on its asking sentences only
# ... or on its asking clauses, after clauses that tell of things done ("附件材料都备齐了，网上现在能交了吗")
# ... or whether a step is all ("附件都传好了，是不是点提交就完事了": not what is handed in)
DONE_TOLD_APART = True
_DONE_CLAUSE = re.compile(r"(?:了|过|好|完|齐|妥)(?:啊|呀|的)?$")
# A vague turn of a few characters ("钱的事", "材料这块", "咋报"): what it is about, asked plainly ("钱", "怎么报").
VAGUE_TURNS = True
VAGUE_MAX_CHARS = 4
# ("钱的事怎么说", "材料这块咋样": asked how it stands, with a word of asking that names nothing)
_VAGUE_ABOUT = re.compile(r"^([\u4e00-\u9fff]{1,4}?)(?:的事儿?|的事情|的问题|方面的?|这块儿?|那块儿?)"
                          r"(?:怎么说|咋说|怎么讲|怎么样|咋样|如何)?(?:呢|吗|啊|呀)?[?？]?$")
_VAGUE_HOW = re.compile(r"^咋(?=[\u4e00-\u9fff]{1,3}[?？]?$)")
# ("the 2025 soft science call", "next year's call": up to three words describing a call between, not "a quick call")
_CALL_NOUN = re.compile(r"(\b(?:this|the|a|that|year's|annual|next|\d{4})\s+"
                        r"(?:(?:soft|science|soft-science|research|city|municipal|zhengzhou|current|new|annual|funding|"
                        r"year's|\d{4})\s+){0,3})call\b(?:\s+for\s+(?:proposals|applications))?")
# (a year of the call between: "北京市2024年软科学研究计划")
# (a year between, in figures or as this or next year's: "深圳市今年有软科学项目申报吗")
_CITY_CALL = re.compile(r"(?:市|的|市的)?\s*(?:(?:(?:19|20)\d\d|今|明|本)\s*年度?的?\s*)?(?:有没有|有|也有)?\s*"
                        r"(?:软科学|科技局|科技计划|科研计划|项目申报)")
# Another city's own thing asked of ("深圳的概念验证中心能拿到多少补贴"): the city heads the clause as the owner of
# what follows 的, and what it owns is no unit (the asker's: "洛阳的一所高校能申报吗") nor something studied
# ("深圳的经验要借鉴吗": a topic's reference), and a value of a call is asked of it
CITY_OWNS = True
# (the city's own body heads it too, "深圳市科技创新委员会的电话"; or what the city does for something, "深圳对孵化器
# 有什么补贴"; and what it has may be asked as a list, "杭州的概念验证中心有哪些")
_CITY_OWNED = re.compile(r"\s*市?(?:[\u4e00-\u9fff]{2,10}?(?:委员会|局|厅|委|办公室))?(?:的|对)"
                         r"(?!一|[^，,。？?]{0,12}?(?:高校|大学|学院|院校|研究所|研究院|院所|单位|企业|公司|机构|医院|"
                         r"老师|教授|学者|经验|做法|模式|案例|实践|情况|现状|特点|启示))"
                         r"[^，,。？?]{1,12}?(?:补贴|补助|资助|奖励|奖补|经费|多少钱|能拿|拿到|申报|申请|电话|有哪些|有几[个家所]|名单)")
_CLAUSE_HEAD = re.compile(r"(?:^|[，,。？?；;！!])\s*(?:那么?|请问|问一下|想问一下?)?\s*$")
_TAG = re.compile(r"^(?:对吧|是吧|对不对|是不是|是吗|对吗|没错吧|没错吗|对么|是么|right|correct)\s*[?？]?$", re.ASCII | re.I)
# Whole sentences (each with its closing mark): "We registered last year. Do we need to register again?"
_SENTENCES = re.compile(r"[^。.!！?？]+[。.!！?？]*")
# (a clause may end in a figure: "技术支持电话是67183377，那业务咨询是…")
# The asker's own numbering of what they ask: "(2)", "2.", "②", "二是", "second,".
_ENUMERATOR = re.compile(r"^\s*(?:[(（]\s*(?:\d{1,2}|[一二三四五六七八九十])\s*[)）]|\d{1,2}\s*[.、)）]|[①-⑩]|"
                         r"[一二三四五六七八九十][是、]|(?:first|second|third|also|and)\b\s*[,，:：]?)\s*", re.IGNORECASE)
# The asker's numbering of what they ask, in a run of two or more ("一是…；二是…", "（1）…（2）…", "第一，…第二，…"):
# a bracketed or circled number anywhere but after a topic's noun ("子课题①"); a bare one, "X是" or "第X" after a
# boundary only
_NUMBER_MARK = re.compile(
    r"(?<![题目项课])(?:[(（]\s*(?P<a>\d{1,2}|[一二三四五六七八九十])\s*[)）]|(?P<c>[①-⑩]))|"
    r"(?:^|(?<=[:：，,；;。？?！!\s]))(?:(?P<b>\d{1,2})\s*(?:\.(?!\d)|[、)）])|(?P<d>[一二三四五六七八九十])是|"
    r"第(?P<e>[一二三四五六七八九十]|\d{1,2})(?=[，,、:：\s]))")
_NUMBER_MARK_SAID = re.compile(f"(?:{_NUMBER_MARK.pattern})\\s?")  # ... with the space `_numbered_apart` puts after it
NUMBERED_ASK = True  # pieces the asker numbers in a run ask, whatever their words
_SENTENCE_SPLIT = re.compile(r"[?？;；!！。]|(?<=[\u4e00-\u9fff\d)）])[，,](?=[\u4e00-\u9fff])|(?<=[a-z)])(?:\.(?=\s+[a-z])|，(?=\s*[a-z]))")
_SHARED_PREDICATE = re.compile(r"(分别|各自|各|都)((?:是|为|打|找|给|要|需要|有)?(?:多少|什么|哪些|哪个|哪天|几)?"
                               r"[\u4e00-\u9fff]{0,6})[?？]?$")
# A sentence that is only a shared predicate ("，分别是怎么规定的") asks about the list before it.
# A malfunction reported ("系统出毛病了", "网页上传不上去", "login不上去", "页面打不开"; a file that will not go up,
# "附件一直传不上去", says so by its verb alone).
TROUBLE = re.compile(r"[传登]不[上进了]|(?:保存|提交|上传)不了|(?:系统|网站|网页|页面|平台|账号|帐号|网上|上传|登录|登陆|提交|注册|密码|验证码|"
                     r"login|log in|upload|website|system|portal|password|regist\w*)"
                     r".{0,8}?(?:不上去|不进去|[进上登连]不[去上进]|不了|失败|出错|报错|故障|毛病|出问题|打不开|登不上|崩|卡[住着死在]|异常|"
                     r"过不去|没反应|不成功|"
                     r"fails?|failed|error|not working|down|broken|crash|"
                     r"(?:won't|wouldn't|doesn't|does not|can't|cannot) (?:open|load|work|access|connect))", re.ASCII)
_BARE_PREDICATE = re.compile(r"^(?:(?:分别|各自)[\u4e00-\u9fff]{0,2}?|都(?:是|为)?)(?:什么|啥|多少|怎么|如何|怎样|哪|几)")
# ... in English, the things the question before names, asked back by a pronoun alone ("What are they?")
_BARE_WHAT_EN = re.compile(r"^(?:and\s+)?(?:what|which)(?:\s+(?:are|were|is)\s+(?:they|those|these|it)|\s+ones?)\s*$",
                           re.ASCII | re.IGNORECASE)
# Two things asked by one English predicate: "What are the X and the Y?", "When are X and Y?"
_ENGLISH_PAIR = re.compile(r"^(what|when|which|who)(?:\s+(?:are|were|is)|'s)\s+(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+?)\s*\??$",
                           re.ASCII)
# Two attributes of one subject joined: "子课题的电话和完成期限" (the subject closed by 的)
_ATTRIBUTE_JOIN = re.compile(r"(?<=[\u4e00-\u9fff])(?:和|以及|及|与|跟|还有|、)(?=[\u4e00-\u9fff])")
SUMMARY_ASKS = True  # "Summarise the notice in one sentence" asks what it is, as "What is it about?" does
# "What are the two windows, and who is each one for?": what follows "and" is a clause asking of the first thing
CLAUSE_NOT_PAIRED = True
_CLAUSE_OPENS = re.compile(r"(?:who|whom|what|when|where|which|why|how|is|are|was|were|do|does|did|can|could|"
                           r"must|should|will|would|may|shall)\b")
# "the Science and Technology Bureau": an "and" between two capitalised words joins a name, not two things asked
NAMES_KEEP_AND = True
_TITLED_AND = re.compile(r"\b[A-Z][a-z]+ and [A-Z][a-z]+\b")
SHARED_HEAD_EN = True  # "What are the numbers for A and for B?" asks the numbers of B too
ATTRIBUTE_PAIR_MAX = 10  # characters of the second attribute's phrase (with its question words)
# Two English questions joined by "and" before a second question word.
_ENGLISH_AND_ASK = re.compile(r",?\s+and\s+(?=(?:(?:by|until|till|from|to) )?(?:what|when|where|who|whom|which|how|is|are|do|does|can|may|must)\b)",
                              re.ASCII)
# ... and a list of English questions, each a clause asking of its own, joined by commas before the "and" ("When's the
# deadline, how much is a key project worth, and who do I call…?"): a comma ends a question that opened asking
# (not a condition before it: "If the system is down, who do I call?" opens with no interrogative)
_ENGLISH_COMMA_ASK = re.compile(r",\s+(?=(?:what|when|where|who|whom|which|how)\b)", re.ASCII)
# ... unless the second refers back to the first ("…, and what is its exact title?", "and how much does each get?").
_BACK_REFERENCE = re.compile(r"\b(?:it|its|they|them|their|this|that|these|those|each)\b", re.ASCII)
# ... "each" or "they" refers to the things the first part lists ("…, and how much does each get?").
_PLURAL_REFERENCE = re.compile(r"\b(?:they|them|their|these|those|each)\b", re.ASCII)
CITY_WORDS = re.compile(
    r"洛阳|开封|新乡|许昌|南阳|平顶山|安阳|鹤壁|焦作|濮阳|漯河|三门峡|商丘|信阳|周口|驻马店|济源|北京|上海|天津|重庆|广州|深圳|杭州|"
    r"南京|武汉|西安|成都|长沙|合肥|济南|石家庄|太原|苏州|青岛|厦门|宁波|无锡|东莞|佛山|福州|昆明|贵阳|南宁|南昌|兰州|沈阳|大连|"
    r"长春|哈尔滨|乌鲁木齐|呼和浩特|银川|西宁|拉萨|海口|luoyang|kaifeng|xinxiang|beijing|shanghai|wuhan|xi'an|nanjing|"
    r"guangzhou|shenzhen|hangzhou|chengdu"
)
# A call of another level of government than a city's: "省里的软科学计划", "科技厅的项目", "the
# provincial soft science programme" (foreign unless the notice itself says it).
OTHER_LEVEL_CALL = re.compile(
    r"(?:省级?|国家级?|全国|科技部(?!门)|科技厅)(?:里|里的|的)?(?:(?:19|20)\d\d\s*年度?)?(?:里|里的|的)?(?:软科学|科技计划|科研计划|基金|计划|科技厅)|科技厅|科技部(?!门)|"
    r"\b(?:provincial|national|ministry|ministry's|state-level)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:soft[- ]science|programmes?|programs?|calls?|plans?|funds?|projects?|department|bureau)\b")
# "这是个什么项目", "软科学项目到底是干啥的", "What is this programme about?": the programme itself is
# asked, nothing of it. A reference to it (its name, or a demonstrative), and these words only:
_THIS_PROGRAMME = (r"这个(?:项目|计划|通知|申报)|(?:这份|这篇|此)?(?:通知|文件)(?=的?(?:是|主要|讲|说|内容)|[?？]?$)|这个(?=(?:到底|究竟)?是|$)|这次(?:的)?(?:项目|申报|通知)|本(?:项目|计划|通知)|该(?:项目|计划|通知)|这(?=是)|"
                   # (in English, with no word but the programme's own kind of words: "the Henan programme" is another)
                   r"\b(?:this|the) (?:(?:soft|science|soft-science|research|city|municipal|whole|current|present|year's) ){0,3}?"
                   r"(?:programme|program|call|notice|scheme|plan)\b")
# The programme named in English, with its year and place: "the 2024 Zhengzhou soft science projects"
_EN_PROGRAMME_NAME = re.compile(r"\b(?:the |this |our )?(?:\d{4} )?(?:[a-z]+ )?soft[- ]science(?: research)?"
                                r"(?: plan| programme| program)?(?: projects?| programmes?| programs?| plan| call)?\b")
# The call itself, applied for by its short name ("apply for the soft science project", "apply to this soft science
# programme"): the name adds nothing to what is asked.
_APPLY_FOR_CALL = re.compile(r"(\bapply(?:ing)?)\s+(?:for|to)\s+" + _EN_PROGRAMME_NAME.pattern)


def _formal_name_out(m: re.Match[str]) -> str:
    """A programme name as a formal title (with its year, its city, or "研究计划") is blanked; a short mention
    ("软科学项目", "soft science projects") is left: a notice's rules say it too ("限申报1项软科学项目")."""
    name = m.group()
    return " " if re.search(r"\d|市|研究计划", name) else name


_WHAT_ONLY = re.compile(
    r"(?:什么|啥)(?:样的?)?(?:项目|计划|东西|性质)|干(?:啥|什么|嘛)(?:用)?的?|做什么(?:用)?的?|有(?:什么|啥)用|"
    r"(?:简单)?介绍(?:一下)?|(?:主要)?(?:讲|说)(?:了|的)?是?(?:些)?(?:什么|啥)|(?:主要)?内容|概况|关于|"
    r"(?:用|给我)?(?:一句话|几句话|简单)?(?:概括|总结|说说|讲讲)(?:一下)?|"
    # what it is for: "主要是为了什么", "目的是啥", "研究成果给谁用"
    r"为了(?:什么|啥)|(?:的)?(?:目的|宗旨|用途)|(?:(?:做|研究|写)出来的|研究)?成果(?:是)?(?:给|供)谁(?:用|参考)|这|"
    r"请问|到底|究竟|主要|是|个|一个|什么|啥|的|吗|呢|啊|呀|"
    # ("这个通知的主要内容有哪些": what it holds, asked as a list)
    r"(?:都)?有(?:哪些|啥|些什么)|包括(?:哪些|什么|啥)|"
    # ("What is the purpose of the programme?", "what's the aim of it")
    r"\b(?:what|is|it|about|for|exactly|all|tell|me|give|an?|overview|summary|summarise|summarize|briefly|"
    r"the|of|main|purpose|aim|goal|point|in|one|a|few|sentences?|words|short|please|could|can|would|you|sum|up)\b|'s\b|[?？!！,，。.\s]")
# Asked to sum something up ("概括一下这个通知", "Summarise the notice in one sentence"): a question without a question word.
_SUMMARY = re.compile(r"概括|总结一下|简单(?:说|讲)一?下|\b(?:summari[sz]e|sum up|in (?:one|a) sentence|give me an overview)\b")
APPLIED_NAME_UNRANKED = True  # the short name applied for ("可以申报这次的软科学项目") is not ranked on either
OTHER_LEVELS = True  # a call of another level of government is foreign
# A named programme: "国家社科基金", "省软科学计划", "自然科学基金项目".
# (a 基金会 is a body, not a fund; "计划" before what is planned is the verb: "三类项目加起来计划立多少项")
PROGRAMME = re.compile(r"([\u4e00-\u9fff]{2,10}?(?:基金(?!会)|计划(?![立花用拨要将]|安排|支持|资助|投入)|专项|工程|奖))")
# A named programme in English: "the Henan Natural Science Foundation", "the Shanghai soft science
# programme": up to four name words (no function or question word) before the programme noun.
_EN_NAME_STOP = ("the|a|an|for|of|to|in|on|at|apply|applying|applied|this|that|these|those|our|my|your|their|its|"
                 "and|or|is|are|was|were|do|does|did|can|could|i|we|you|how|what|when|which|who|about|under|"
                 "with|from|by|same|similar|other|another|any|each|every|there|here|have|has|get|join")
EN_PROGRAMME = re.compile(rf"\b((?:(?!(?:{_EN_NAME_STOP})\b)(?:[a-z][a-z'-]*|(?:19|20)\d\d) ){{1,4}})"
                          r"(?:foundation|fund|programme|program|scheme|award|prize|grant|plan|call)s?\b", re.ASCII)
CALLS_ARE_NAMES = True  # the words of another programme's name state nothing of the asker
SUBJECT_MIN_BM25 = 6.0  # a follow-up's words name a subject of the notice when they score this high
SUBJECT_MIN_BM25_LATIN = 2.0  # English words score lower (no character bigrams)
PRONOUN_MAX_CHARS = 16  # a longer question with a pronoun says enough on its own
# A pronoun that stands for the previous answer's subject ("它是哪个处？"); "这个项目…" is not one.
PRONOUN = re.compile(r"它|其|上述|\b(?:it|its|they|them|those|these)\b|\bthat(?:\s+one)?\s*\??$", re.ASCII)  # ("which office is that?", "which of those…")
PRONOUN_MAX_WORDS = 6  # ... in English, counted in words
# A part picked out of what was just said ("Which of those need to be stamped?", "其中哪些要盖章"): the previous
# question's subject, however many words the turn takes to ask it
_PART_OF_PREVIOUS = re.compile(r"\b(?:which|any|all|each|some|none|one|both|either|neither|how many)\s+of\s+(?:those|these|them)\b|"
                               r"^(?:其中|这些里面?|这几(?:个|项|样)(?:里面?|中))", re.ASCII)
PART_OF_PREVIOUS_MAX_WORDS = 12
NAMED_TOPIC_ASKED_ALIKE = True  # a follow-up naming another topic asks of it what the previous turn asked of its one
FOLLOWUP_MAX_CHARS = 24  # a longer turn is a question of its own
FOLLOWUP_MAX_WORDS = 6  # ... in English, asking of the previous subject with a pronoun or an attribute
ENGLISH_ELLIPSIS_IN_WORDS = True  # ... and an elliptical one naming a topic ("And the X one?"), long in letters
QUESTIONS_BEFORE_VERDICT = True  # whole questions before the asker's facts and may-I question are parts too
NAMED_ATTRIBUTES_STAY = True  # a previous question's subject keeps the paper copies or materials it named
RELATIVE_TIME_NAMES_NOTHING = True  # "以后", "到时候" in a follow-up asking an attribute name no subject of their own
_RELATIVE_TIME = re.compile(r"以后|之后|然后|后面|后来|到时候|到时|届时|之前|以前|那时")
FACTS_WITHOUT_VERDICT_SPLIT = True  # the asker's facts and several questions, none may-I: split as any question
TOPIC_NE = True  # "X呢，…吗": X is the topic of the question after the comma, not a question of its own
_TOPIC_NE = re.compile(r"^(?:那|那么)?([\u4e00-\u9fff\w]{2,12}?)呢$")
ENGLISH_VERDICT_PARTS = True  # an English may-I question closes the asker's facts too ("…Is he OK? (2) And…?")
TOPIC_WORD = re.compile(r"课题|题目|选题|子课题|哪个项目|哪些项目|哪几个项目|\btopics?\b|\bsub-?topics?\b", re.ASCII)
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年度?")
# A later round of the programme asked whether there is: "明年还有这个项目吗", "下一批什么时候申报" (not "项目明年
# 几月结题" asks this call's completion date, which falls next year).
LATER_ROUNDS = True
_LATER_ROUND = re.compile(r"(?:明年|后年|下一?年度|下一?批|下一?期|下一?轮|以后|今后)(?:还|也)?(?:会)?(?:不会)?"
                          r"(?:有没有|有|办|开展|组织|继续|再)(?:这个|这类|软科学)?[^，,。？?]{0,4}?(?:项目|申报|计划|通知|征集)|"
                          r"\bnext (?:year'?s?|round'?s?) (?:call|round|programme|program)\b|"
                          r"\b(?:will|is) there (?:be )?(?:another|a new|a) (?:call|round)\b(?=.{0,20}\bnext\b)", re.ASCII)
# What makes a year name a call: "2025年度", "2023年的选题", "2025年软科学", "2026年申报".
_CALL_AFTER_YEAR = re.compile(r"(?<=度)|[^，,。？?]{0,8}?(?:申报|软科学|计划|通知|指南|选题|课题|项目|批)")
# ... or right after a year the notice has in a date only: the programme's name or a call of it.
_CALL_RIGHT_AFTER_YEAR = re.compile(r"\s*(?:的)?\s*(?:[\u4e00-\u9fff]{2,3}市的?)?(?:软科学|申报通知|申报指南|申报工作|征集|指南|通知|计划项目)")
# What an English question seeks to obtain: "apply for a …", "get an …" (up to four words, to a preposition; not
# "register for the platform": registering is a step of any call)
# (with or without an article: "How do I apply for high-tech enterprise certification?")
_EN_SOUGHT = re.compile(r"\b(?:apply(?:ing)? for|get|getting|obtain|renew|book|buy)\s+(?:(?:a|an|the)\s+)?"
                        r"((?:(?!(?:as|to|for|in|at|through|with|from|by|of|under|on|and|or|if|so)\b)[a-z][a-z'&-]*\s*){1,4})",
                        re.ASCII)
# ... and in Chinese: "能申请人才公寓补贴吗", "怎么办理居住证" (to the end of its clause or a particle)
# (the thing after a modal and a verb of obtaining, naming no question word: "申报截止日期是哪天" seeks nothing)
_ZH_SOUGHT = re.compile(r"(?:能|可以|可否|能否|能不能|可不可以|怎么|怎样|如何|想)(?:申请|申报|申领|办理|领取|享受)(?:到|一下)?"
                        r"(?:个|一个|这个|那个)?((?:(?!什么|啥|哪|几|谁|怎|多少|是|的)[\u4e00-\u9fff]){2,16}?)"
                        r"(?=吗|么|呢|不|吧|嘛|啊|[?？，,。；;！!]|$)")
SOUGHT_UNKNOWN = True  # a thing sought that the notice's English never names is out of scope ...
SOUGHT_MIN_UNKNOWN = 2  # ... when this many of its words are unknown to it
OTHER_YEAR_CALLS = True  # a year the notice has only in its dates names another call when the call follows it
_TIME_OR_PLAN = re.compile(r"时间|安排|打算|计划书|计划任务")
# How a form is written: by hand, typed, in regular script (a question asks it, a form's line says it).
WRITING_MANNER = re.compile(r"(?:手写|手填|手工填|打字|电脑(?:填|打|上填)|机打|打印(?:填|出来填)|正楷|书写)")
_WHICH_ROUND = re.compile(r"哪(?:一|个)?(?:年|届|批|次|期)")  # "哪一年度的计划": which round of it this is, asked


def level_words(levels: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """How a notice's project levels are named in questions, from the corpus (level -> "重大项目"):
    "重大项目", "重大课题", "重大", and the English "major project"."""
    out: dict[str, tuple[str, ...]] = {}
    for level, written in levels.items():
        zh = simplified(written)  # (a notice in traditional characters names them "重點項目"; questions are read simplified)
        # a level the notice names by a class too ("A类（重大项目）"): both names
        name, *classes = [part for part in re.split(r"[（()）]", zh) if part][::-1] if "类" in zh else [zh]
        head = name.removesuffix("项目").removesuffix("课题") or name
        en = level.replace("_", " ")  # the level's key is its English name: major, key, general
        # as the notice writes them and as a canonical (lower-cased) question does
        extra = tuple(dict.fromkeys(w for c in classes for form in (c, c.lower()) for w in (f"{form}项目", f"{form}课题", form)))
        if letter := re.fullmatch(r"([A-Z])类", head):
            # a level the notice names by its class letter alone ("A类项目"): as a canonical (lower-cased)
            # question writes it, and in English ("a Class A project")
            x = letter.group(1).lower()
            extra += (f"{x}类项目", f"{x}类课题", f"{x}类", *(f"{word} {x} project{s}" for word in ("class", "category", "type")
                                                        for s in ("s", "")), f"class-{x} projects", f"class-{x} project")
        out[level] = (f"{head}项目", f"{head}课题", f"{en} project", f"{en} projects", head, *extra)
    return out


@dataclass
class Understanding:
    question: str  # as typed
    text: str  # canonical, corrected and, for a follow-up, completed: what later stages read
    lang: str
    corrections: list[Correction] = field(default_factory=list)
    rewritten_from: str | None = None  # the follow-up as typed, when `text` was completed from context
    elliptical: bool = False  # a turn that only continues ("And which office is the contact?"), not completed
    parts: list[str] = field(default_factory=list)  # sub-questions (one when the question is simple)
    attribute: str | None = None
    conditioned: bool = False  # "…的还能报吗": may one with a condition apply, not is it still open
    yesno: bool = False
    status: bool = False  # asks whether something is open or closed now
    overview: bool = False  # asks for the whole of an aspect, not one value
    after: str = ""  # a step the question asks what follows ("上传完附件以后还要做什么" -> "上传完附件")
    topics: list[str] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    absent_levels: list[str] = field(default_factory=list)  # levels this notice does not set, asked to exist ("有没有一般项目")
    offices: list[str] = field(default_factory=list)
    profile: Profile = field(default_factory=Profile)
    foreign: list[str] = field(default_factory=list)  # places and programmes the notice does not know
    questioned: str = ""  # `text` without the whole sentences that only tell (`Understander.questioned`)
    focus: str = ""  # the text to rank on: `text` without a guessed office ("…是找法规处吗")
    document: str = ""  # an annex asked inside ("承诺书里…", "按承诺书模板…"): its section root
    clause: int | None = None  # ... and the clause it numbers ("承诺书第二条")
    hypothesis: str = ""  # the asker's guess naming another body ("…是在省科技厅的网站上吧"), not asked of

    def __post_init__(self) -> None:
        self.focus = self.focus or self.text

    def lines(self) -> list[str]:
        """For `ask --explain`."""
        out = [f"normalised: {self.text}"]
        if self.rewritten_from:
            out.append(f"follow-up completed from the previous turn: {self.rewritten_from!r} -> {self.text!r}")
        if self.corrections:
            out.append("corrections: " + ", ".join(f"{c.typed}->{c.corrected}" for c in self.corrections))
        if self.document:
            out.append(f"inside: {self.document}" + (f", clause {self.clause}" if self.clause else ""))
        if len(self.parts) > 1:
            out.append("sub-questions: " + " | ".join(self.parts))
        if self.focus != self.text:
            out.append(f"ranked on: {self.focus}")
        out.append(f"attribute: {self.attribute or '-'}{' (yes/no)' if self.yesno else ''}"
                   f"{' (status now)' if self.status else ''}")
        ents = {"topics": self.topics, "levels": self.levels, "levels not set, asked of": self.absent_levels,
                "offices": self.offices, "foreign": self.foreign,
                "profile": [f"{k}={v}" for k, v in self.profile.model_dump(exclude_none=True).items()]}
        out.append("entities: " + "; ".join(f"{k}: {', '.join(map(str, v))}" for k, v in ents.items() if v) or "-")
        return out


_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


# Mechanisms that an ablation may switch off (`scripts/crossfit.py --set understand.NAME=False`).
GUESSED_VALUES = True  # a guessed value or office tells the asked attribute
GUESSED_FOREIGN = True  # another body inside the asker's guess about what the notice says is no scope question
# ... and inside one side of a choice the asker offers whose other side names what the notice says ("这个通知是郑州市
# 科技局发的还是省科技厅发的": the notice answers which)
OFFERED_FOREIGN = True
_OFFERED = re.compile(r"(?P<a>[^，,。？?；;]{2,24}?)还是(?!(?:要|可以|能|会|得|不|需要|应该|没|有|按))(?P<b>[^，,。？?；;]{2,24})")
OFFERED_KNOWN_CHARS = 4  # the other side names the notice's words: a stretch of this many characters it writes
# A follow-up that names its own subject besides the asked attribute ("那网上要传哪些附件") is a whole question,
# not the previous question's subject asked anew.
OWN_SUBJECT_STANDS = True
LEADING_CONTEXT = True  # what is told before two or more questions is the first one's context
ATTRIBUTE_FOLLOWUPS = True  # "号码呢" asks a new attribute of the previous subject
ATTRIBUTE_ONLY_MAX_CHARS = 12  # a longer turn asking an attribute says what it is about
NEXT_STEPS = True  # "…以后还要做什么" asks what follows a step
OWN_UNIT_NO_TOPIC = True  # the asker's own kind of unit, told apart from the question, is no topic named
FOLLOWUP_FACTS_REPLACE = True  # a completed follow-up's own facts replace the completed question's
BARE_NUMBER_FOLLOWUPS = True  # "那62呢" after "我58岁能报吗" re-asks it with the number replaced
ENOUGH_ASKS_AFTER = True  # ... and so does "…就完事了吗", whether nothing does
CONTRAST_ASKS = True  # "X是…，那Y…？": the clause after 那 is what is asked, the one before it only told
_CONTRAST = re.compile(r"[，,]\s*那(?![个些边里种位天时会样儿])么?")
OFFICE_ASKED_FIRST = True  # of several offices named, the asking clause's comes first
PART_OF_PREVIOUS = True  # "which of those…" asks of what the previous turn asked about
FORM_PARTS = True  # a part of an annexed form ("承诺书开头") or what is filled in on it is asked inside it
OFFICES_TOGETHER = True  # offices named side by side ("成果处和服务业处的电话") are each asked of
_JOINED = re.compile(r"\s*(?:和|与|跟|及|以及|还有|、|/|,|，|&|and)\s*$", re.ASCII)
OWN_NAME_TAILS = True  # a programme name is this one's when its head ends in words of this one's name
SPLIT_VALUES = ("date", "amount", "phone", "office", "url", "count", "age")  # values a back-referring part may ask apart
ALTERNATIVES = True  # "是网上报还是交纸质的" asks both
CLOSED_APART = True  # a bare predicate after a closed question is a question of its own
CONDITIONED_SUBJECT_ALONE = True  # "那已经注册过的单位呢" asks what the notice says of units in that state
# A subject told by a state it is in ("已经注册过的单位", "逾期未结题的负责人", "没拿过市级项目的"): a clause
# in the perfective or negated, before 的.
_CONDITIONED_SUBJECT = re.compile(r"(?:已经?|曾经?|没有?|未|尚未|还没)[\u4e00-\u9fff]{1,10}?的|[\u4e00-\u9fff](?:过|了)的")
BARE_WHAT_JOINS = True  # ... unless it asks no attribute ("分别是什么"): then it asks what the one before lists
PROGRAMME_NAME_UNRANKED = True  # the programme's own name in a question is not ranked on
GENERAL_ASK_UNRANKED = True  # "…有啥规定" is ranked on what it is about, not on 规定 (V.ASKED_AS_RULE)
SUBJECT_CARRIED = True  # "新型研发机构可以申报吗？有什么要求？": a bare general ask is asked of the may-I subject before
HEAD_LIST_ASKED = True  # a list ending a request to be told, after "X的", asks each item of X (dev18)
SHARED_FRAMES = True  # "对A和B都…" asks of A and of B, each with the frame "对"
ATTRIBUTE_PAIRS = True  # "子课题的电话和完成期限" asks two attributes of one subject
# A malfunction reported beside a question of a value ("网上申报的网址是多少？我登录不上去") asks for help of its own:
# the value, and whom to call about the malfunction
TROUBLE_ASKS_APART = True
CALL_NAMES_NAME_NOTHING = True  # words inside another programme's name name no topic or level of this one
AGE_BOUND_READ = True  # an age said as below a bound is read as the most it can be only where that settles every limit


def _limits_of(terms: RuleTerms) -> list[int]:
    """Every age limit a rule's terms set (plain, per level, per sex, per level and sex)."""
    return [*([terms.limit] if terms.limit is not None else []), *terms.limit_by_level.values(),
            *terms.limit_by_sex.values(), *(x for by_sex in terms.limit_by_level_sex.values() for x in by_sex.values())]


TROUBLE_OBJECT = True  # a malfunction of a thing handed in ("附件传不上去") asks for help, not which materials
_WHICH_THINGS = re.compile(r"哪些|什么|啥|哪几|哪个|\b(?:which|what)\b", re.ASCII)
VALUE_ASKED_APART = ("url", "date", "amount", "count", "materials")
NAMED_TOPIC_FOLLOWS = True  # "那X那个呢" with a topic under discussion asks the previous attribute of the topic X names
WHOLE_TOPIC_NAME_REPLACED = True  # a follow-up's topic replaces the whole stretch of the previous topic's title words
THAT_ONE_TOPIC = True  # ... and so does "X那个" where X resolves to no topic by name: the one of X, among the topics
TOPIC_OF_ASKING_CLAUSE = True  # the topics the asking clause names, when it names some, are the ones asked of (dev41)
SUB_TOPIC_BEFORE_PARENT = True  # ... except a sub-topic named before of the topic the asking clause names: still the one asked (dev48)
GLOSSED_KNOWN = ("topic_en",)  # the vocabulary's English name of a topic word the notice writes is no other programme
OFFICES_IN_ENGLISH = True  # "the Talent Division" names 人才处 by the vocabulary's office_en (dev41)
ASKER_STATES = True  # clauses are dropped as the asker's own facts only when someone speaks of themselves or asks may-I


def family_english() -> tuple[str, ...]:
    """The English wording `ingest` gives every notice of this family (its roles' English triggers):
    words an English question uses for this call whatever notice is loaded."""
    roles = family_vocabulary().get("roles", {})
    return tuple(t for r in roles.values() for t in r.get("triggers", []) if isinstance(t, str) and t.isascii())


_EN_TAG_GUESS = re.compile(r",?\s*(?:right|correct|isn't it|aren't they|is that right|am i right|yes)\s*\?\s*$", re.I)
# an office in English: its word(s), then what it is ("the Talent Division", "information institute")
_EN_OFFICE_NOUN = r"\s+(?:division|office|department|dept\.?|section|bureau|institute)\b"
# ... or after it, "of" and a few words: "the Institute of Science and Technology Information" (情报研究所)
_EN_OFFICE_OF = r"\b(?:division|office|department|section|bureau|institute)\s+(?:of|for)\s+(?:[a-z&,-]+\s+){0,5}?"


def without_shared(text: str, name: str, shortest: int = 4) -> str:
    """`text` with each stretch of at least `shortest` characters that `name` also holds blanked out."""
    out, i = [], 0
    while i < len(text):
        n = shortest
        while i + n <= len(text) and text[i:i + n] in name:
            n += 1
        if n > shortest:
            out.append(" ")
            i += n - 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _values_apart(parts: list[str]) -> bool:
    """Whether each part asks a different kind of value ("What's the funding for a major project, and
    by when must it be finished?"). Then a part that refers back with "it" is still a question of its
    own: the value it asks is found without the thing "it" names. A part referring to several things
    ("…, and how much does each get?") is not."""
    asked = [asked_attribute(p) for p in parts]
    return (all(a in SPLIT_VALUES for a in asked) and len(set(asked)) == len(asked)
            and not any(_PLURAL_REFERENCE.search(p) for p in parts[1:]))


def _numbered_run(q: str) -> list[re.Match[str]]:
    """The marks of the asker's numbering in q, when they run 1, 2, … in one style (two or more); else none."""
    runs: dict[str, list[re.Match[str]]] = {}
    for m in _NUMBER_MARK.finditer(q):
        style = next(k for k, v in m.groupdict().items() if v)
        value = m.group(style)
        n = ord(value) - ord("①") + 1 if style == "c" else int(value) if value.isdigit() else cn_number(value)
        run = runs.setdefault(style, [])
        if n == len(run) + 1:
            run.append(m)
    return max((r for r in runs.values() if len(r) >= 2), key=len, default=[])


def _numbered_apart(q: str) -> tuple[str, int]:
    """q with a sentence break before each numbered piece after the first ("（1）A（2）B" -> "（1）A；（2）B"), and
    how many pieces the asker numbered (0 when no run)."""
    run = _numbered_run(q)
    for i, m in reversed(list(enumerate(run))):
        # ("第二，项目完成时间": the comma after the number closes no piece)
        end = m.end() + len(re.match(r"[，,、:：]?", q[m.end():]).group())  # type: ignore[union-attr]
        q = q[: m.start()] + m.group() + " " + q[end:]
        if i and not re.search(r"[；;。？?！!]\s*$", q[: m.start()]):
            q = q[: m.start()] + "；" + q[m.start():]
    return q, len(run)


def _asked_in_turn(text: str) -> list[str]:
    """An English stretch split at its commas where each piece opens asking (_ENGLISH_COMMA_ASK), else whole."""
    pieces = _ENGLISH_COMMA_ASK.split(text)
    return pieces if all(_CLAUSE_OPENS.match(p) for p in pieces) else [text]


def language_of(text: str) -> str:
    return "en" if len(_LATIN.findall(text)) > 2 * len(_CJK.findall(text)) else "zh"


def asked_attribute(q: str, skip: tuple[str, ...] = ()) -> str | None:
    return next((name for name, pattern in ATTRIBUTES if name not in skip and pattern.search(q)), None)


def _tells_only(text: str) -> bool:
    """Whether text only tells: no question mark, question word or yes/no ask in it ("我们找过法规处了")."""
    return not (re.search(r"[?？]", text) or ASKS.search(text) or YESNO.search(text))


class Understander:
    """Built once per corpus; `understand()` is pure given the text and the previous turn."""

    def __init__(self, corpus: Corpus, topics: TopicResolver, speller: SpellingCorrector,
                 relevance: Callable[[str], float] = lambda text: 0.0) -> None:
        """`relevance(text)`: how strongly the notice speaks of `text` (the best BM25 score)."""
        self.corpus, self.topics, self.speller, self.relevance = corpus, topics, speller, relevance
        self.level_words = level_words(corpus.levels)
        self.notice = canonical(corpus.clean_notice).replace(" ", "")
        # The lowest age any of the notice's limits allows (at any level, for either sex, on any track): an age said
        # only as below a bound settles the limits when the most it can be is within this one
        self.age_ceiling = min((limit for rule in corpus.rules if rule.check == "at_most" and rule.field == "age"
                                for terms in (rule, *rule.tracks.values()) for limit in _limits_of(terms)), default=None)
        offices = {c.office for t in corpus.topics for c in t.contacts} | {
            q.split("：")[0] for f in corpus.facts if f.intent == "contacts" for q in f.quotes
        }
        # The English words the corpus itself uses (its facts' and topics' English): a programme name
        # with another word is another programme.
        self._en_vocabulary = set(re.findall(r"[a-z][a-z'-]*", " ".join(
            [f.en for f in corpus.facts] + [t.title_en for t in corpus.topics]
            + [t for f in corpus.facts for t in f.triggers if t.isascii()] + list(family_english())
            + [a for t in corpus.topics for a in t.aliases if a.isascii()]).lower()))
        # ... and a name the vocabulary gives in English for a word the notice writes is none of another programme ("the
        # 15th Five-Year Plan" of a notice writing 十五五, where its topics have no English of their own)
        self._glossed_names = [glossary_pattern(ens) for key in GLOSSED_KNOWN for zh, ens in english_glossary(key).items()
                               if canonical(zh) in self.notice]
        self.offices = sorted(((canonical(o), o) for o in offices), key=lambda pair: -len(pair[0]))
        # (each word of an office's name -> one pattern of its English before an office noun, compiled once)
        self._office_en = {zh: re.compile(r"\b(?:" + (said := "|".join(map(re.escape, ens))) + ")" + _EN_OFFICE_NOUN
                                          + "|" + _EN_OFFICE_OF + "(?:" + said + r")\b")
                           for zh, ens in english_glossary("office_en").items()} if OFFICES_IN_ENGLISH else {}
        # The annexes ("附件2 信用承诺书模板") and the names a question gives them ("信用承诺书模板",
        # "信用承诺书", "承诺书"): the name without 模板/参考, and its last three characters.
        self.documents: list[tuple[str, str]] = []
        # Only a form (an annex of no topic: the pledge template, not the guide) is asked inside of.
        topical = {p.section.split(" > ")[0] for p in corpus.passages if p.topic}
        for root in dict.fromkeys(p.section.split(" > ")[0] for p in corpus.passages):
            m = re.match(r"附件\s*\d+\s*(.+)$", root)
            if not m or root in topical:
                continue
            name = canonical(m.group(1)).replace(" ", "")
            short = re.sub(r"(?:参考)?模板$|（参考模板）$", "", name)
            for alias in dict.fromkeys([name, short, short[-3:]]):
                if len(alias) >= 2:
                    self.documents.append((alias, root))
        self.documents.sort(key=lambda pair: -len(pair[0]))
        self._document_patterns = [
            (re.compile(re.escape(a) + r"(?:模板)?(?:里面|里|中|上面|上(?![传交报])|当中|的内容)|(?:按|按照|根据|依照)(?:信用)?"
                        + re.escape(a)
                        # how the form itself is written ("承诺书能手写吗", "承诺书可以用电脑打字吗")
                        + r"|" + re.escape(a) + r"[^，,。？?]{0,6}?" + WRITING_MANNER.pattern
                        # a part of the form ("承诺书开头", "承诺书的落款") or what is filled in on it ("承诺书开头要填单位
                        # 什么信息", "承诺书填哪些东西": the whole question, when it ends so), not filling it in as a step
                        # ("承诺书填好后上传")
                        + (r"|" + re.escape(a) + r"(?:模板)?的?(?:开头|开篇|抬头|结尾|末尾|落款|正文)"
                           + r"|" + re.escape(a) + r"[^，,。？?]{0,6}?(?:(?:要|需要?|得|应|该)填|填(?:写)?(?:什么|啥|哪些|哪几))[^，,。；;？?]*[？?]?\s*$"
                           if FORM_PARTS else "")),
             re.compile(re.escape(a) + r"(?:模板)?(?:里|中|的)?\s*第\s*([一二三四五六七八九十\d]+)\s*[条点项款]"))
            for a, _ in self.documents]
        # The programme named by its own name (郑州市软科学研究计划 -> "软科学", "郑州市软科学项目") or a
        # demonstrative ("这个项目"): what `about_programme` asks about.
        name = canonical(corpus.meta.programme).replace(" ", "")
        city = m.group(1) if (m := re.match(r"([\u4e00-\u9fff]{2,3})市", name)) else ""
        head = re.sub(r"(?:研究)?计划$", "", name.removeprefix(f"{city}市"))
        self._programme_name = name
        refs = [_THIS_PROGRAMME] + ([(f"(?:{re.escape(city)}市?)?" if city else "") + re.escape(head)
                                     + r"(?:研究)?(?:计划)?(?:项目)?"] if len(head) >= 2 else [])
        self._programme_ref = re.compile("|".join(refs))
        # The programme's own name alone ("郑州市软科学项目"), which any question about it may say.
        self._own_name = re.compile(refs[1]) if len(refs) > 1 else None
        # ... as a question names what it asks of ("哪些单位可以申报2024年郑州市软科学研究计划项目", "Who can apply
        # for the 2024 Zhengzhou soft science projects?"): with its year, in either language (only the formal name
        # is left out of the ranking, `_formal_name_out`: "限申报1项软科学项目" is a rule's own words)
        # ... and its short name as what one applies for ("哪些单位可以申报这次的软科学项目"): applying is asked, of this call
        self._applied_call = (re.compile(r"((?:申报|报|申请|参加|参与)(?:这次|今年|本次|本年度|这个|这一?期)?的?)(?:"
                                         + refs[1] + r")") if len(refs) > 1 else None)
        # ... or fronted as what the sentence is about, before a clause asking of applying ("软科学项目哪些单位可以申报")
        self._fronted_call = (re.compile(r"^(?:这次|今年|本次|本年度)?的?(?:" + refs[1] + r")[,，]?"
                                         r"(?=[^，,。？?]{0,12}?(?:申报|申请|报名|可以报|能报))") if len(refs) > 1 else None)
        self._named_call = re.compile((r"(?:\d{4}\s*年度?\s*的?)?(?:" + refs[1] + r")|" if len(refs) > 1 else "")
                                      + _EN_PROGRAMME_NAME.pattern)
        self.office_of_phone: dict[str, list[str]] = {}
        for t in corpus.topics:
            for c in t.contacts:
                self.office_of_phone.setdefault(c.phone, []).append(c.office)
        for f in corpus.facts:
            for quote in f.quotes:
                if f.intent == "contacts" and "：" in quote:
                    office, _, numbers = quote.partition("：")
                    for phone in re.findall(r"\d{7,8}", numbers):
                        self.office_of_phone.setdefault(phone, []).append(office)

    # ------------------------------------------------------------------ pieces
    def levels_in(self, q: str) -> list[tuple[int, int, str]]:
        """Project levels named in q, with their spans; the longest wording wins."""
        found: list[tuple[int, int, str]] = []
        for level, wordings in self.level_words.items():
            for w in sorted(wordings, key=len, reverse=True):
                for m in re.finditer(re.escape(w), q):
                    if not any(s <= m.start() < e for s, e, _ in found):
                        found.append((m.start(), m.end(), level))
        # "子课题" are key projects in this family of notices, but naming one is a topic, not a level.
        return sorted(found)

    def absent_levels(self, q: str) -> list[str]:
        """Project levels other calls set that this notice does not, asked to exist ("这次有没有一般项目", "还设青年
        项目吗", "Is there a youth project?"), not a point of one ("一般课题对职称有没有要求" asks of a requirement)."""
        out = []
        for word, level in LEVEL_WORDS:
            en = level.replace("_", "[- ]")
            if level not in self.corpus.levels and re.search(
                    rf"(?:有没有|有无|是否(?:有|设)|是不是(?:还)?有|还有|还设|设没设|设有|没有|有)\s*{word}(?:项目|课题|类)|"
                    rf"\b(?:is|are) there (?:a |an |any )?{en} (?:projects?|category|class)\b|\bany {en} projects?\b", q):
                out.append(level)
        return out

    def unsupported(self, attribute: str | None) -> bool:
        """An attribute the notice never states (no address, no person's name in it): asking for one
        is out of scope, whatever else the question shares with the notice."""
        evidence = {"address": r"[路街道]\s*\d+\s*号|\d+\s*号(?:楼|院)",
                    # "联系人：…", or a name between an office and its phone ("法规处 王立新 0371-…", "李明远（0371）…")
                    # ("科研处 周老师，电话：0597-…": the name before the phone's label)
                    "person": r"联系人\s*[:：]|(?:处|室|科|中心)\s+[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,2}\s*"
                              r"(?:[（(]?0\d{2,3}|[，,]\s*(?:联系)?电话\s*[:：])"}
        return attribute in evidence and not re.search(evidence[attribute], self.corpus.clean_notice)

    def foreign_entities(self, q: str) -> list[str]:
        # A city the notice does not name, or one it names (as a reference) whose own call is asked of
        # ("成都市软科学项目什么时候申报": not the issuer's city).
        out = [m.group() for m in CITY_WORDS.finditer(q) if m.group() not in self.notice or (
            _CITY_CALL.match(q, m.end()) and m.group() not in self.corpus.meta.issuer)]
        return list(dict.fromkeys(out + self.owning_cities(q) + self.sought_unknown(q)
                                  + [name for name, _ in self._other_calls(q)]))

    def owning_cities(self, q: str) -> list[str]:
        """Other cities whose own thing is asked of ("深圳的概念验证中心能拿到多少补贴"), even where the notice names
        them (as places a topic studies): what such a city offers is no fact of this notice's."""
        return [m.group() for m in CITY_WORDS.finditer(q) if CITY_OWNS and m.group() not in self.corpus.meta.issuer
                and _CLAUSE_HEAD.search(q[: m.start()]) and _CITY_OWNED.match(q, m.end())]

    def sought_unknown(self, q: str) -> list[str]:
        """Things applied for or obtained that the notice never names: in English, "How do I apply for a
        Zhengzhou residence permit?", "a Chinese work visa" (two words of the thing unknown to its English: "a
        grant", "an account" may be a word the notice's English lacks for what it offers); in Chinese, "能申请人才
        公寓补贴吗" (two words of two characters or more its text never writes)."""
        if not SOUGHT_UNKNOWN:
            return []
        return [m.group(1).strip() for m in _EN_SOUGHT.finditer(q)
                if sum(w not in self._en_vocabulary for w in m.group(1).split()) >= SOUGHT_MIN_UNKNOWN] + [
            m.group(1) for m in _ZH_SOUGHT.finditer(q)
            if sum(len(w) > 1 and w not in self.notice for w in words(m.group(1))) >= SOUGHT_MIN_UNKNOWN]

    def unnamed(self, q: str) -> str:
        """q without the programme's own name: every question is about it, so its words tell nothing of
        what is asked (other cities' soft-science calls must not make "郑州市软科学项目" a scope word)."""
        return self._own_name.sub(" ", q) if self._own_name else q

    def other_calls(self, q: str) -> list[str]:
        """Other calls and programmes named in q (another year's, level's or body's; not a bare
        place): "国家社科基金", "the Hubei Youth Science Fund", "2025年度的软科学项目"."""
        return [name for name, _ in self._other_calls(q)]

    def _other_calls(self, q: str) -> list[tuple[str, tuple[int, int]]]:
        # A call of another year: "2025年度的软科学项目", "2023年的选题" when the notice never says so;
        # not a date the asker proposes ("2026年再结题可以吧" asks about this call's deadline).
        # A year the notice writes only in its dates ("完成时间不晚于2025年9月30日") is another call's when it
        # names one straight after it: "2025年的软科学项目什么时候申报" (not "2025年项目要结题吗").
        year = str(self.corpus.meta.year or "")
        out = [(m.group(), m.span()) for m in _YEAR.finditer(q)
               if (m.group().replace(" ", "") not in self.notice and _CALL_AFTER_YEAR.match(q, m.end())
                   or OTHER_YEAR_CALLS and year and m.group(1) != year and _CALL_RIGHT_AFTER_YEAR.match(q, m.end()))]
        out += [(m.group(), m.span()) for m in OTHER_LEVEL_CALL.finditer(q) if m.group() not in self.notice and OTHER_LEVELS]
        # A later round asked of ("明年还有这个项目吗", "Will there be a call next year?"): not this notice's
        out += [(m.group(), m.span()) for m in _LATER_ROUND.finditer(q) if LATER_ROUNDS]
        # An English name with a word the corpus never uses: "the Henan Natural Science Foundation".
        out += [(m.group(), m.span()) for m in EN_PROGRAMME.finditer(q)
                # (a year is a word of the name only when it is another year: "the 2027 soft science program")
                if any(w not in self._en_vocabulary and w != year for w in m.group(1).split())
                and not any(p.search(m.group()) for p in self._glossed_names)
                # "this year's soft science program" is this one
                and not (m.group(1).startswith("year's ") and q[: m.start()].endswith(("this ", "the current ")))]
        for m in PROGRAMME.finditer(q):
            name = m.group(1)
            # ("这是哪一年度的计划": which round of this programme it is, asked, names no other one)
            if _TIME_OR_PLAN.search(name) or name in self.notice or _WHICH_ROUND.search(name):
                continue
            # Known if its distinctive head (the words before 基金/计划…) is in the notice, or ends with
            # words of the programme's own name: "软科学计划" is this programme even though the notice
            # writes "软科学研究计划"; "这个计划" has no head of its own and is this one too. A head ending
            # in other words of the notice ("重大科技创新专项": 科技创新) names another programme.
            head = re.sub(r"(基金|计划|专项|工程|奖)$", "", name)
            head = re.sub(r"^(?:郑州市?|市级?|本市|今年|本年度|这个|该|这次|本次)", "", head)
            if OWN_NAME_TAILS:
                # "单位要是发生科技计划" (the match starts where the clause does): a kind of call the notice
                # names ("科技计划") is no other programme; nor is "本计划", this one.
                named = any(name[-n:] in self.notice for n in range(4, len(name) + 1)) or bool(
                    re.search(r"(?:本|该|此|这个|这次|本次)(?:基金|计划|专项|工程|奖)$", name))
                tails = self._programme_name
            else:
                named, tails = False, self.notice
            if not head or named or (head in self.notice or any(head.endswith(w) and len(w) >= 3 and w in tails
                                                             for w in (head[-3:], head[-4:]))):
                continue
            out.append((name, m.span(1)))
        return out

    def without_calls(self, q: str) -> str:
        """q with other programmes' names blanked: "How do I apply to the Shanghai soft science
        programme?" or "上海的软科学计划怎么报" states no city of the asker's, "the Henan Natural Science
        Foundation" no foundation they work at."""
        # (an English name is said as "another programme", so that what the asker says of its project stays
        # said of another programme's: "My National Social Science Fund project is overdue" is no city project)
        spans = [(*span, " another programme ") for name, span in self._other_calls(q) if EN_PROGRAMME.fullmatch(name)]
        spans += [(m.start(), c.end(), "") for m in CITY_WORDS.finditer(q) if (c := _CITY_CALL.match(q, m.end()))]
        for start, end, said in sorted(spans, reverse=True):
            q = q[:start] + said.ljust(end - start) + q[end:]
        return q

    def inside_document(self, q: str) -> tuple[str, int | None]:
        """The annex a question asks inside of ("承诺书里说…", "按承诺书模板…", "承诺书第二条…"), and the
        clause it numbers; ("", None) when it asks about no annex's wording."""
        for (alias, root), (inside_at, numbered_at) in zip(self.documents, self._document_patterns, strict=True):
            if alias not in q:
                continue
            inside, numbered = inside_at.search(q), numbered_at.search(q)
            found = inside or numbered
            if not found:
                continue
            # Another document the notice names with the same word ("“包干制”承诺书") is not this one.
            start = q.find(alias, found.start())
            name = next(a for a, r in self.documents if r == root)  # the longest name
            if any((named := q[max(start - k, 0): start] + alias) in self.notice and named not in name
                   for k in range(1, 5) if start - k >= 0):
                continue
            return root, (cn_number(numbered.group(1)) if numbered else None)
        return "", None

    def _unnamed_call(self, q: str) -> str:
        """q without the programme's formal name, and without its short name where it is what one applies for."""
        rest = self._named_call.sub(_formal_name_out, q)
        if APPLIED_NAME_UNRANKED and self._fronted_call and (fronted := self._fronted_call.sub("", rest)) != rest \
                and len(_CJK.findall(fronted)) >= 4:
            return fronted
        return self._applied_call.sub(r"\1", rest) if APPLIED_NAME_UNRANKED and self._applied_call else rest

    def about_programme(self, q: str, asking: bool = True) -> bool:
        """Whether q asks what the programme itself is ("这是个什么项目", "软科学项目到底是干啥的"); with
        `asking` false, whether q only refers to it ("这个", "这次的项目")."""
        pattern = self._programme_ref
        if not pattern.search(q) or asking and not (ASKS.search(q) or SUMMARY_ASKS and _SUMMARY.search(q)):
            return False
        return not _WHAT_ONLY.sub("", pattern.sub("", q))

    def after_verdict(self, q: str) -> list[str]:
        """The asker's facts and may-I question are one part; questions asked after it, each closed
        with a question mark ("…这样能报吗？另外要准备哪些附件？"), are parts of their own."""
        asked = [m for m in re.finditer(r"[^?？。!！]+[?？]", q)
                 if V.ASK_ELIGIBLE_ZH.search(m.group()) or ENGLISH_VERDICT_PARTS and V.ASK_ELIGIBLE_EN.search(m.group())]
        asking = [m.end() for m in asked]
        before: list[str] = re.findall(r"[^?？]+[?？]", q[: asked[0].start()]) if asked else []
        if (QUESTIONS_BEFORE_VERDICT and before and "".join(before) == q[: asked[0].start()] and not any(
                extract_profile(p).model_dump(exclude_none=True) or V.speaks_of_self(p) for p in before)):
            # "身份证和职称证都要上传吗？我要是没职称还能报重点项目吗？": questions asked before the asker's
            # facts and may-I question are parts of their own too
            return [*(p.strip() for p in before), *self.after_verdict(q[asked[0].start():])]
        if not asking or asking[-1] == len(q.rstrip()):
            return [q]
        head, tail = q[: asking[-1]], q[asking[-1]:]
        rest = [p.strip() for p in re.findall(r"[^?？]+[?？]", tail) if p.strip()]
        if not rest or "".join(rest) != tail.strip():
            return [q]
        # ("(1) …Is he OK? (2) What's the last day…?": the asker's numbering is no part of what is asked)
        return [head, *(_ENUMERATOR.sub("", p) or p for p in rest)]

    @staticmethod
    def subject_of(part: str) -> str:
        """A sub-question without what it asks: "子课题有几个？" -> "子课题", "信用承诺书有没有模板" -> "信用承诺书"
        (the words before the first question word, when some come before it; else the part without its asked
        attribute)."""
        attribute = asked_attribute(part)
        asked = _ATTRIBUTE_PATTERN[attribute].search(part) if attribute else None
        # (a part that opens with what it asks, "经费多少", has no subject of its own)
        asking = [m.start() for m in (ASKS.search(part), _YESNO_FORM.search(part)) if m and m.start() >= 2
                  and _CJK.search(part) and not (asked and asked.start() == 0)]
        if asking:
            rest = part[: min(asking)]
        else:
            rest = _ATTRIBUTE_PATTERN[attribute].sub("", part) if attribute else part
        return re.sub(r"(?:一共|总共|共|总计)?(?:有|是|要|需要)?(?:多少|几|什么|哪些|吗|呢)?[?？。，,\s]*$", "", rest)

    @classmethod
    def subject_of_parts(cls, parts: list[str]) -> str:
        """The subject of the last part, or of the last parts one sentence distributed under a shared
        predicate: ["重大项目有几项", "重点项目有几项"] -> "重大项目和重点项目" (from "重大项目和重点项目各有几项")."""
        subject = cls.subject_of(parts[-1])
        tail = parts[-1][len(subject):]
        group = [subject]
        for part in reversed(parts[:-1]):
            if not tail or not part.endswith(tail) or not (other := part[: -len(tail)]):
                break
            group.insert(0, other)
        return "和".join(group)

    def _writes(self, piece: str, n: int) -> bool:
        """Whether the notice writes some stretch of `n` Chinese characters of piece."""
        cjk = "".join(_CJK.findall(piece))
        return any(cjk[i:i + n] in self.notice for i in range(len(cjk) - n + 1))

    def names_something(self, piece: str) -> bool:
        """Whether a Chinese piece of a question names something the notice speaks of (a word of two
        or more characters the notice uses); an English piece, or one guessing a value, always does."""
        if not _CJK.search(piece) or re.search(r"\d", piece):
            return True  # English, or a value guessed ("那每项是1万吗")
        return any(len(w) >= 2 and w in self.notice for w in words(piece))

    def split(self, q: str, asked: str = "") -> list[str]:
        """Sub-questions: sentences that each ask something, and lists under one shared predicate. `asked`:
        the question as the asker wrote it (its capitals tell a name's "and" from one joining two things)."""
        pieces: list[str] = []
        marked: set[int] = set()  # pieces the asker closed with a question mark ask, whatever their words
        numbered = 0
        if NUMBERED_ASK:
            q, numbered = _numbered_apart(q)
        start = 0
        topic = ""  # "承诺书呢，要盖章吗": a thing named with 呢 before a comma is what the next piece asks of
        for sep in [*_SENTENCE_SPLIT.finditer(q), None]:
            end = sep.start() if sep else len(q)
            p = topic + q[start:end].strip()
            topic = ""
            if (TOPIC_NE and sep and sep.group() in "，," and (m := _TOPIC_NE.match(p))
                    and not ASKS.search(m.group(1))):
                topic, start = m.group(1), sep.end()
                continue
            # (after a question the asker closed, "子课题有几个？分别多少钱？", a bare predicate asks anew of
            # the same subject: its own sub-question)
            # ("通知带了几个附件？分别是什么？": a bare predicate asking nothing of its own, after a closed
            # question, asks what that one's answer lists: the same question)
            if p and pieces and (_BARE_PREDICATE.match(p) or BARE_WHAT_JOINS and _BARE_WHAT_EN.match(p)) and not (
                    len(pieces) - 1 in marked and CLOSED_APART and (asked_attribute(p) or not BARE_WHAT_JOINS)):
                pieces[-1] += p  # "年龄、职称、几项，分别是怎么规定的": the predicate of the list before it
            elif p:
                pieces.append(p)
            if pieces and sep and sep.group() in "?？":
                marked.add(len(pieces) - 1)
            start = sep.end() if sep else start
        if numbered:
            # the pieces the asker numbered ask, whatever their words ("二是网上填报的截止日期")
            marked |= {i for i, p in enumerate(pieces) if _NUMBER_MARK.search(p)}
        joined = [y for x in _ENGLISH_AND_ASK.split(q) for y in _asked_in_turn(x)]
        if len(joined) > 1 and all(len(x.split()) >= 3 for x in joined) and (
                not any(_BACK_REFERENCE.search(x) for x in joined[1:]) or _values_apart(joined)):
            # "What's the deadline, and how many projects can one university put forward?"
            return [x.strip(" ,") for x in joined]
        english = _ENGLISH_PAIR.match(q)
        if english and CLAUSE_NOT_PAIRED and _CLAUSE_OPENS.match(english.group(3)):
            # "…the two review periods, and who is each one for?": a question of its own after the first thing,
            # not a second thing the first one's head asks
            first = english.group(2).rstrip(" ,")
            return [f"{english.group(1)} is {first}?", f"{english.group(3).rstrip(' ?')}?"]
        if english and NAMES_KEEP_AND and english.group(3).split()[-1] not in english.group(2).split() and re.search(
                rf"\b{re.escape(english.group(2).split()[-1])} and {re.escape(english.group(3).split()[0])}\b",
                " ".join(_TITLED_AND.findall(asked)).lower()):
            english = None  # "the office hours of the Science and Technology Bureau": one name, not two things
        if english and all(2 <= len(x.split()) <= 6 for x in english.group(2, 3)):
            # "What are the online filing window and the district review window?" (not "the rules for
            # the leader and the unit": a one-word second item shares the first one's head)
            head = f"{english.group(1)} is"
            first, second = english.group(2, 3)
            prep = re.match(r"(for|of|on|about|in)\s", second)
            if SHARED_HEAD_EN and prep and (at := first.find(f" {prep.group(1)} ")) > 0:
                # "the contact numbers for A and for B": the second asks the first's head of B
                second = f"{first[:at]} {second}"
            return [f"{head} {first}?", f"{head} {second}?"]
        # A piece is a question of its own only if it asks (an interrogative word or a yes/no form),
        # not merely because it names something ("按信用承诺书，单位要和谁签订…" is one question).
        asking = [p for i, p in enumerate(pieces) if ASKS.search(p) or YESNO.search(p) or i in marked]
        if (TROUBLE_ASKS_APART and asking and len(asking) < len(pieces)
                and all(asked_attribute(p) in VALUE_ASKED_APART for p in asking)):
            # (not beside a question of whom to call or what to do: "系统登不上去，找谁" is one question)
            asking = [p for p in pieces if p in asking or TROUBLE.search(p)]
        parts = pieces if len(asking) >= 2 and len(asking) == len(pieces) else [q]
        if (LEADING_CONTEXT and len(asking) >= 2 and len(asking) < len(pieces)
                and pieces[len(pieces) - len(asking):] == asking and set(range(len(pieces) - len(asking),
                                                                                len(pieces) - 1)) <= marked):
            # "我是做金融学的，报哪个子课题比较对口？联系谁？": what is only told comes first, the context of the
            # first question; the questions after it, each closed by the asker, are asked in turn ("…截止以后，
            # 接下来是什么环节，在什么时间" runs on: one question of one step)
            told = len(pieces) - len(asking)
            parts = ["，".join(pieces[: told + 1]), *asking[1:]]
        out: list[str] = []
        for part in parts:
            m = _SHARED_PREDICATE.search(part)
            items = _LIST_SPLIT.split(part[: m.start()] if m else part)
            items = [i.strip(" ,，") for i in items if i.strip(" ,，")]
            # "截止时间、经费、联系电话分别是？" (a shared predicate), or a bare list of short asks.
            # Under a shared predicate each item is asked by it; a bare list needs each item to ask.
            # (items each naming the attribute asked are asks of their own, however long: "宏观指导的资源处电话和
            # 创新平台那个子课题的资源处电话，分别是多少")
            listed = m is not None and (all(len(i) <= 10 for i in items)
                                        or OWN_ATTRIBUTE_ITEMS and all(asked_attribute(i) for i in items))
            bare = all(len(i) <= 8 and asked_attribute(i) for i in items)
            if len(items) >= 2 and (listed or bare):
                # "业务咨询和技术支持分别打什么电话": each item is asked by the shared predicate.
                pred = m.group(2) if m and listed else ""
                if SHARED_FRAMES and (frame := _SHARED_FRAME.match(items[0])) and len(frame.group()) < len(items[0]):
                    items = [items[0], *(i if i.startswith(frame.group()) else frame.group() + i for i in items[1:])]
                out.extend(i + pred if pred not in ("", "是", "为") else i for i in items)
            elif (HEAD_LIST_ASKED and len(items) >= 2 and all(len(i) <= 4 for i in items[1:])
                    and (k := items[0].rfind("的")) > 0 and len(items[0]) - k - 1 <= 4
                    and (tell := _TELL_ME.search(items[0][:k]))):
                # "给我概括一下今年项目的数量、经费和周期": what the asker asks to be told, of one thing named before 的,
                # is each item of the list ending the sentence ("今年项目的经费", "今年项目的周期"), the request aside
                of = re.sub(r"^(?:一下|下|一|给我|我)+", "", items[0][tell.end(): k + 1])
                out.extend(of + i for i in [items[0][k + 1:], *items[1:]])
            elif ATTRIBUTE_PAIRS and (pair := _attribute_pair(part)):
                out.extend(pair)
            elif (alt := _ALTERNATIVE.search(part)) and ALTERNATIVES:
                out.extend(f"{alt.group('head')}{alt.group(x)}吗" for x in ("a", "b"))
            else:
                out.append(part)
        if numbered and len(out) > 1:
            out = [_NUMBER_MARK_SAID.sub("", p) for p in out]  # the asker's numbering asks nothing
        if SUBJECT_CARRIED:
            for i in range(1, len(out)):
                if V.ASKED_IN_GENERAL.search(out[i]) and len(_CJK.findall(
                        re.sub(r"[有都还具体需要的些]", "", V.ASKED_IN_GENERAL.sub("", out[i])))) == 0:
                    # "有什么要求" names nothing it asks of: the subject of the question before it
                    subject = _MAY_I_TAIL.sub("", out[i - 1])  # (a may-I question's subject: "新型研发机构")
                    if subject != out[i - 1] and len(_CJK.findall(subject)) >= 2:
                        out[i] = subject + out[i]
        return out

    @staticmethod
    def asked_part(q: str) -> str:
        """Without the clauses that only state the asker's facts ("我是讲师，今年48岁，上传完附件以后还要
        做什么" asks about the step after uploading): what to rank the notice's facts on."""
        pieces = [p for p in _SENTENCE_SPLIT.split(q) if p and p.strip()]
        if ASKER_STATES and not (V.speaks_of_self(q) or V.ASK_ELIGIBLE_ZH.search(q) or V.ASK_ELIGIBLE_EN.search(q)):
            return q  # nobody's facts are told ("高校跟地方合建研究院的管理模式研究，找谁联系"): all of it is asked
        # A tag ("…以个人名义签的，对吧？") asks about the statement before it.
        # ("学历证要传本科的还是硕士的": a choice between two of the asker's facts asks which)
        asked = [p for i, p in enumerate(pieces) if ASKS.search(p) or YESNO.search(p) or ALTERNATIVE_ASKS and "还是" in p
                 or not extract_profile(p).model_dump(exclude_none=True)
                 or i + 1 < len(pieces) and _TAG.match(pieces[i + 1].strip())]
        return "，".join(asked) if asked and len(asked) < len(pieces) else q

    def _after_done(self, q: str, status: bool = True) -> str:
        """q without its leading clauses that tell of things done and ask nothing ("申报书已经写好了，系统开了没":
        "系统开了没"); q itself when no clause is told so."""
        clauses = [c for c in _SENTENCE_SPLIT.split(q) if c.strip()]
        told = done = 0
        # (a clause saying who the asker is may come first: "我是负责人，附件都传好了，是不是点提交就完事了")
        # Asked of anything but whether a window is open, a clause counts as done only when nothing in it is
        # negated ("单位以前没在系统里注册过，咋整" asks about the registration), and what is left must name
        # something ("…就不能再报了，对吗" asks about the clause before its tag).
        def done_clause(clause: str) -> bool:
            return bool(_DONE_CLAUSE.search(clause.strip())) and (status or not _NEGATED.search(clause))
        while told < len(clauses) - 1 and _tells_only(clauses[told]) and (
                done_clause(clauses[told]) or DONE_TOLD_APART and V.speaks_of_self(clauses[told])):
            done += done_clause(clauses[told])
            told += 1
        asked = "，".join(clauses[told:])
        if not (told and done) or not status and (_TAG.match(asked.strip()) or not self.names_something(asked)):
            return q
        return asked

    def _offices_named(self, text: str) -> list[str]:
        """The offices text names, by name or by a phone of theirs ("67176525对应的是哪个处")."""
        offices = [name for key, name in self.offices if key in text]
        if not _EN_TAG_GUESS.search(text):
            # ("Technical support is handled by the Resources Division, right?": the office in a statement put to be
            # confirmed is the asker's guess, as GUESS has it in Chinese)
            offices += [name for name in self._offices_in_english(text) if name not in offices]
        for phone in re.findall(r"(?<!\d)\d{7,8}(?!\d)", text):
            offices += [o for o in self.office_of_phone.get(phone, ()) if o not in offices]
        return offices

    def offices_together(self, text: str) -> list[str]:
        """The offices text names side by side, joined by a conjunction only ("成果处和服务业处的电话分别是多少",
        "法规处、资源处的号码"), in the order named; empty when fewer than two are so joined (an office told of
        beside one asked of, "技术支持是情报所，那业务咨询找法规处还是资源处", is not asked together with it)."""
        if not OFFICES_TOGETHER:
            return []
        spans = sorted((m.start(), m.end(), name) for key, name in self.offices for m in re.finditer(re.escape(key), text))
        spans = [sp for sp in spans if not any(o[0] <= sp[0] and sp[1] <= o[1] and o != sp for o in spans)]
        run: list[str] = []
        for (_, end, name), (start, _, nxt) in pairwise(spans):
            if _JOINED.match(text[end:start]) and name != nxt:
                run += [o for o in (name, nxt) if o not in run]
            elif run:
                break
        return run if len(run) >= 2 else []

    def _offices_in_english(self, text: str) -> list[str]:
        """The offices text names in English by the words of their Chinese names ("the Talent Division": 人才处)."""
        if not (OFFICES_IN_ENGLISH and re.search(r"[a-zA-Z]", text)):
            return []
        lower = text.lower()
        said = {zh for zh, pattern in self._office_en.items() if pattern.search(lower)}
        return [name for _, name in self.offices if any(zh in name for zh in said)]

    @staticmethod
    def asking_clause(q: str) -> str:
        """The last clause of q, where a question's ask sits ("我去年拿过国家社科基金，今年能报吗": "今年能报吗")."""
        return next((p for p in reversed(_SENTENCE_SPLIT.split(q)) if p.strip()), q)

    @staticmethod
    def questioned(q: str) -> str:
        """Without the whole sentences that only tell ("We registered on the system last year. Do we
        need to register again?" asks about registering; what happened last year is context): the
        sentences that ask, when some sentence does not."""
        sentences = [m.group() for m in _SENTENCES.finditer(q) if m.group().strip()]
        asking = [s for s in sentences if s.rstrip().endswith(("?", "？")) or ASKS.search(s) or YESNO.search(s)]
        return " ".join(asking) if asking and len(asking) < len(sentences) else q

    # ------------------------------------------------------------------ follow-ups
    def _without_naming(self, text: str, topic: str) -> str:
        """An English question without the words it names `topic` by: a fewest set of its words that still finds
        the topic alone is the naming ("the proof-of-concept sub-topic"), found by dropping each word that is not
        needed."""
        tokens = text.split()
        kept = list(range(len(tokens)))
        for i in range(len(tokens)):
            fewer = [j for j in kept if j != i]
            if fewer and self.topics.resolve(" ".join(tokens[j] for j in fewer)) == [topic]:
                kept = fewer
        return " ".join(t for j, t in enumerate(tokens) if j not in kept)

    def complete_followup(self, q: str, previous: str | None, topic_context: bool = False) -> str | None:
        """An elliptical turn that names only an entity or a value re-asks the previous question
        with it substituted: "重点项目多少钱" then "那重大项目呢" asks "重大项目多少钱". With a topic
        under discussion, a turn naming no entity is left to the session's topic ("要交哪些报告呢")."""
        if not previous:
            return None
        elliptical = bool(ELLIPTICAL.search(q))
        if (PART_OF_PREVIOUS and _PART_OF_PREVIOUS.search(q) and not topic_context and not self._entity_spans(q)
                and len(q.split()) <= PART_OF_PREVIOUS_MAX_WORDS and len(q) <= FOLLOWUP_MAX_CHARS * 3):
            return f"{previous} {q}"
        # (an English turn is measured in words, for a pronoun's sake: "Which organisation is that?", and for a topic's
        # name: "And the first-class university institute one?")
        if len(q) > FOLLOWUP_MAX_CHARS and (_CJK.search(q) or len(q.split()) > FOLLOWUP_MAX_WORDS or elliptical and not (
                ENGLISH_ELLIPSIS_IN_WORDS and any(kind == "topic" for *_, kind in self._entity_spans(q)))):
            return None
        if not elliptical:
            # "它是哪个处？" after a general fact, or "哪天关？" after "系统哪天开放填报？" (a question
            # naming nothing the notice speaks of): the previous question, with this turn's words.
            # (every word of it a question word: "明天天气怎么样" asks something else)
            if self._attribute_only(q) and not topic_context:
                # "电话多少" after "网络系统技术支持是哪个单位负责？": a turn asking only an attribute asks
                # it of the previous question's subject.
                subject = self._subject_of(previous)
                return f"{subject} {q}" if subject else None
            bare = ASKS.search(q) and not self.names_something(q) and all(
                len(w) < 2 or ASKS.search(w) for w in words(q) if _CJK.search(w))
            short = len(q) <= PRONOUN_MAX_CHARS or not _CJK.search(q) and len(q.split()) <= PRONOUN_MAX_WORDS
            if (PRONOUN.search(q) or bare) and short and not topic_context and not self._entity_spans(q):
                return f"{previous} {q}"
            return None
        core = ELLIPTICAL.sub("", q).strip(" ,，?？")
        core = re.sub(r"^(?:那|那么|and|what about|how about)\s*", "", core).strip()
        if not core:
            return None
        if asked_attribute(core):
            # "那电话呢" asks a new attribute of the topic under discussion (the session carries the
            # topic); "那子课题5的电话呢" is a whole question of its own. Without a topic, "号码呢" after
            # "宏观指导方面的问题找哪个处" asks the new attribute of the previous question's subject.
            if topic_context or self._entity_spans(core) or not ATTRIBUTE_FOLLOWUPS:
                return None
            if OWN_SUBJECT_STANDS and not self._attribute_only(core):
                return None  # "那网上要传哪些附件": words of its own besides the ask, a whole question
            subject = self._subject_of(previous)
            return f"{subject} {core}" if subject else None
        new = self._entity_spans(core)
        old = self._entity_spans(previous)
        if not new and (n := _ordinal_alone(core)) is not None:
            # "子课题①是什么题目" then "第二个呢": the previous question's numbered entity, renumbered
            for s, e, kind in old:
                if kind == "topic" and (renumbered := _renumber(previous[s:e], n)):
                    return previous[:s] + renumbered + previous[e:]
        if (not new and BARE_NUMBER_FOLLOWUPS and (number := re.fullmatch(r"(\d{1,3})\s*(?:周岁|岁)?", core))
                and not any(kind == "topic" for *_, kind in old)
                and len(said := list(re.finditer(r"(?<![\d.])\d{1,3}(?![\d.])", previous))) == 1):
            # "我58岁能当负责人吗" then "那62呢": the one number of the previous question, replaced
            return previous[: said[0].start()] + number.group(1) + previous[said[0].end():]
        if new and old:
            kind = new[0][2]
            same = [span for span in old if span[2] == kind]
            if same:
                s, e, _ = same[0]
                ns, ne, _ = new[0]
                if kind == "topic" and WHOLE_TOPIC_NAME_REPLACED:
                    s, e = self._widened(previous, s, e)
                return previous[:s] + core[ns:ne] + previous[e:]
        if new:
            # The previous question named no entity of this kind: ask the previous attribute of it.
            asked = self._attribute_phrase(previous)
            if (not asked and NAMED_TOPIC_ASKED_ALIKE and new[0][2] == "topic" and not _CJK.search(previous)
                    and len(was := self.topics.resolve(previous)) == 1 and self.topics.resolve(core) not in ([], was)):
                # ("Which cities should the proof-of-concept sub-topic study?" then "And the incubator one?": what was
                # asked of the one topic described, asked of the one this turn names, without the words describing it)
                rest = TOPIC_WORD.sub(" ", self._without_naming(previous, was[0]))
                if ASKS.search(rest):
                    return f"{core} {' '.join(rest.split())}"
            return f"{core} {asked}".strip()
        bar = SUBJECT_MIN_BM25 if _CJK.search(core) else SUBJECT_MIN_BM25_LATIN
        if topic_context:
            # "重大项目1的经费是多少" then "子课题呢": a subject the notice speaks of, asked the previous
            # attribute; anything else is left to the topic under discussion.
            asked = self._attribute_phrase(previous)
            if asked and ATTRIBUTE_FOLLOWUPS and NAMED_TOPIC_FOLLOWS and _CJK.search(core) and (
                    self.topics.resolve(q) or THAT_ONE_TOPIC and core.endswith("那个")):
                # ("那科技立法那个呢？": a topic this turn names by words of its title, the previous attribute of it;
                # "赋权改革那个" is "the one of 赋权改革", a topic, though no alias holds its words)
                return f"{core.removesuffix('那个')}那个课题 {asked}"
            if (not asked and NAMED_TOPIC_ASKED_ALIKE and _CJK.search(core) and (now := self.topics.resolve(q))
                    and len(was := self.topics.resolve(previous)) == 1 and now != was):
                # ("概念验证平台课题要参考哪些城市" then "一流大学研究院那个呢": what was asked of the one topic, asked of
                # the one this turn names; the previous question without the words of its topic's title)
                rest = TOPIC_WORD.sub(" ", without_shared(previous, self.corpus.topic(was[0]).title))
                return f"{core}那个课题 {rest.strip()}" if ASKS.search(rest) else None
            spoken_of = core in self.notice or self.relevance(core) >= bar
            return f"{core} {asked}" if asked and ATTRIBUTE_FOLLOWUPS and spoken_of else None
        if self.relevance(core) >= bar:
            if CONDITIONED_SUBJECT_ALONE and _CONDITIONED_SUBJECT.search(core):
                # "在哪个网站申报" then "已经注册过的单位呢": a subject in a state of its own asks what the notice
                # says of that state, which need not hold the value asked before
                return core
            # A new subject the notice speaks of ("那系统技术问题呢"): the previous attribute of it.
            return f"{core} {self._attribute_phrase(previous)}".strip()
        # Nothing the notice names ("那再大几岁呢"): the previous question, with this turn's words added.
        return f"{previous} {core}"

    def _widened(self, q: str, s: int, e: int) -> tuple[int, int]:
        """A topic's mention in q widened over the words of its title around it ("指标评价" in "指标评价与数据监测那个
        项目": the whole stretch names the topic, and a follow-up naming another topic replaces all of it)."""
        title = next((squash(self.corpus.topic(tid).title) for ms, me, tid in self.topics.mentions(q)
                      if (ms, me) == (s, e)), "")
        if not title:
            return s, e
        while e < len(q) and squash(q[s: e + 1]) in title:
            e += 1
        while s > 0 and squash(q[s - 1: e]) in title:
            s -= 1
        return s, e

    def levels_besides_topics(self, q: str) -> list[str]:
        """Project levels named in q other than inside a topic's own name or label ("那个子课题算重大
        项目吧" names one; "重点项目3" is a topic)."""
        topics = self.topics.mentions(q)
        return [lv for s, _, lv in self.levels_in(q) if not any(ts <= s < te for ts, te, _ in topics)]

    def _entity_spans(self, q: str) -> list[tuple[int, int, str]]:
        spans = [(s, e, "topic") for s, e, _ in self.topics.mentions(q)]
        spans += [(s, e, "level") for s, e, _ in self.levels_in(q)
                  if not any(ts <= s < te for ts, te, _ in spans)]
        spans += [(m.start(), m.end(), "office") for key, _ in self.offices for m in re.finditer(re.escape(key), q)]
        spans += [(m.start(), m.end(), "age") for m in re.finditer(r"\d{2}\s*(?:周岁|岁)", q)]
        return sorted(spans)

    def _attribute_only(self, q: str) -> bool:
        """Whether a short turn asks an attribute and names nothing else ("电话多少", "what's the phone?")."""
        # (a time relative to what was discussed names nothing of its own: "那以后什么时候交")
        return (ATTRIBUTE_FOLLOWUPS and len(q) <= ATTRIBUTE_ONLY_MAX_CHARS
                and self.asks_only_attribute(q, relative_time=RELATIVE_TIME_NAMES_NOTHING))

    def asks_only_attribute(self, q: str, relative_time: bool = False) -> bool:
        """Whether `q` asks an attribute and says nothing else of its own ("What are the dates?", "要交啥"):
        every word left beside the words asking it is a question word (or, with `relative_time`, a time relative
        to what was discussed)."""
        asked = self._attribute_phrase(q)
        return bool(asked) and not self._entity_spans(q) and all(
            ASKS.search(w) or relative_time and _RELATIVE_TIME.fullmatch(w)
            for w in words(q.replace(asked, " ")) if len(w) >= 2)

    def _subject_of(self, q: str) -> str:
        """`q` without the words asking its attribute: what it asks about ("网络系统技术支持是哪个单位负责")."""
        asked = self._attribute_phrase(q)
        if NAMED_ATTRIBUTES_STAY and asked_attribute(q) in ("channel", "materials"):
            asked = ""  # ("要不要交纸质材料": the paper copies asked of are the subject, not a question word)
        return (q.replace(asked, " ") if asked else q).strip(" ,，?？")

    @staticmethod
    def _attribute_phrase(q: str) -> str:
        """The words of `q` that ask for its attribute (or whether something is open now)."""
        for _, pattern in (*ATTRIBUTES, ("status", STATUS)):
            if m := pattern.search(q):
                return m.group()
        return ""

    # ------------------------------------------------------------------ all together
    def understand(self, question: str, previous: str | None = None, topic_context: bool = False) -> Understanding:
        """`previous`: the last turn's question as understood; `topic_context`: a topic is under
        discussion in the session (its attributes are asked without naming it)."""
        # An English aside in brackets ("the two major (flagship) projects") glosses the word before it.
        # A call for proposals ("this year's call") is the notice itself, which every question is about: no phone call.
        # (said "programme", so that another year's call is still a programme named: "the 2025 soft science call")
        raw = _CALL_NOUN.sub(r"\g<1>programme", _ASIDE.sub("", canonical(question)))
        if CN_AMOUNTS_AS_DIGITS:
            raw = _CN_AMOUNT.sub(lambda m: str(n) if (n := cn_number(m.group(1))) is not None else m.group(), raw)
        text, corrections = self.speller.correct(raw)
        if VAGUE_TURNS and (about := _VAGUE_ABOUT.match(text)):
            text = about.group(1)
        if VAGUE_TURNS and len(text.rstrip("?？")) <= VAGUE_MAX_CHARS:
            text = _VAGUE_HOW.sub("怎么", text)  # ("系统老是登不上去咋整" is a sentence of its own: left)
        completed = self.complete_followup(text, previous, topic_context)
        u = Understanding(question=question, text=completed or text, lang=language_of(normalize(question)),
                          corrections=corrections, rewritten_from=text if completed else None,
                          elliptical=not completed and bool(ELLIPTICAL.search(text)))
        q = u.text
        u.profile = extract_profile(self.without_calls(q) if CALLS_ARE_NAMES else q)
        if completed and FOLLOWUP_FACTS_REPLACE and (told := extract_profile(text).model_dump(exclude_none=True)):
            # "我55岁，副教授，能报重大项目吗" then "假如我是讲师呢": what the turn says replaces what the question
            # it completes said of the same thing
            u.profile = u.profile.model_copy(update=told)
        if (AGE_BOUND_READ and u.profile.age is None and (most := age_at_most(q)) is not None
                and self.age_ceiling is not None and most <= self.age_ceiling):
            # "负责人都不到50岁": within every limit whatever the age is; "我不到62岁" against a limit of 60 stays
            # unknown (it may be 45 or 61), and the age is asked
            u.profile = u.profile.model_copy(update={"age": most})
        stated = {k for k in u.profile.model_dump(exclude_none=True) if k != "project_level"}
        # A statement of the asker's own facts and a may-I question are one question, not two; two
        # questions about rules in general ("涉密项目能不能报？重复申请行不行？") are two.
        own = V.speaks_of_self(q)
        u.parts = self.after_verdict(q) if (stated or V.ASK_ELIGIBLE_ZH.search(q)) and own else self.split(q, question)
        if (FACTS_WITHOUT_VERDICT_SPLIT and u.parts == [q] and stated and own
                and not V.ASK_ELIGIBLE_ZH.search(q) and not V.ASK_ELIGIBLE_EN.search(q)):
            # the asker's facts beside questions of other things, none asking may-I ("我是副教授，48岁，…经费是多少？
            # 要不要自己做预算？"): the questions are parts as anyone's are
            u.parts = self.split(q, question)
        u.attribute = asked_attribute(q)
        u.questioned = self.questioned(q)
        u.yesno = bool(YESNO.search(q) or YESNO.search(u.questioned.strip()))
        # "信用上有污点的还能报吗" asks whether someone with a condition may apply, not whether the window
        # is still open: "还能" after a condition ("…的") is not "still", unless a time is named.
        # "…没结题的，今年还让报不": with a fact of the asker stated, "还能/还让" asks whether one may apply
        # despite it, not whether the window is still open.
        u.conditioned = bool(CONDITIONED.search(q) or stated and STILL.search(q)) and not NAMED_NOW.search(q)
        u.status = bool(STATUS.search(V.STILL_REQUIRED.sub("", q))) and not u.conditioned
        if (step := AFTER_STEP.search(q) or AFTER_DONE.search(q) or AFTER_EN.search(q)
                or ENOUGH_ASKS_AFTER and u.yesno and (AFTER_ENOUGH.search(q) or AFTER_COUNTS.search(q))) and NEXT_STEPS:
            u.after = step.group("step")
        u.overview = bool(OVERVIEW.search(q)) and not u.topics
        u.topics = self.topics.resolve(q)
        if (TOPIC_OF_ASKING_CLAUSE and u.topics and (clause := self.asking_clause(q)) != q and not PRONOUN.search(clause)
                # (a clause guessing a topic names the asker's guess, not what is asked: "…的，是科创金融那个子课题吧？")
                and not GUESS.search(q)
                and (of_clause := self.topics.resolve(clause))
                and (set(of_clause) < set(u.topics) or set(of_clause).isdisjoint(u.topics))):
            # "大家都问人工智能那个题，我想问成果转化方面有没有题目": a topic the clause that asks names is the one asked
            # of; one named only before it is what others ask, or the asker already knows
            # (but a sub-topic named before, of the topic the clause names, is still the one asked: "人才评价那个子课题，
            # 在一体化平台建设方面具体要做什么" - the parent's words there say where in the sub-topic)
            within = [t for t in u.topics if t not in of_clause and (topic := self.topics.by_id.get(t)) is not None
                      and topic.parent in of_clause] if SUB_TOPIC_BEFORE_PARENT else []
            u.topics = within or of_clause
        # An office or phone inside a guess ("…是打法规处的电话吗", "…是打67183377吗") is the asker's
        # hypothesis, not the subject.
        guess = GUESS.search(q)
        guessed = guess and (any(key[-n:] in guess.group() for key, _ in self.offices
                                 for n in range(min(len(key), OFFICE_TAIL), len(key) + 1))
                             or re.search(r"(?<!\d)\d{7,8}(?!\d)", guess.group())
                             or self._offices_in_english(guess.group()))
        if guess and u.attribute is None and GUESSED_VALUES:
            # "…是找情报研究所吗" asks who to contact; "每项是10万吗" asks the amount.
            u.attribute = "office" if guessed else next(
                (a for a, pattern in _GUESSED_VALUE if pattern.search(guess.group())), None)
        if u.attribute is None and GUESSED_VALUES and BY_DATE.search(q):
            # A time the asker proposes something be done by ("10月底之前交上去都行吧") asks the deadline.
            u.attribute = "date"
        if u.attribute is None and GUESSED_VALUES and AMOUNT_MENTION.search(q):
            # An amount named anywhere is the asker's figure for the funding ("重大项目是每项30万吧？我们想按
            # 30万来规划"), whatever sentence follows it; a date named is often the asker's own (when they
            # submitted), so only a guessed date asks for one.
            u.attribute = "amount"
        described = q[: guess.start()] if guess else ""
        if guess and guessed and guess.start() >= 4:  # an office or a phone number guessed
            u.focus = described  # rank on what the asker describes, not on the guessed office
        elif guess and u.topics and guess.start() >= 4 and not self.topics.resolve(described) and (
                self.topics.resolve(guess.group())):
            # "参考合肥、成都经验的是概念验证那个课题吧": the topic named is the asker's guess; the topic
            # is the one the description finds.
            u.topics, u.focus = [], described
        elif stated:
            u.focus = self.asked_part(q)
        elif u.conditioned and (m := CONDITIONED.search(q)) and len(cond := _SENTENCE_SPLIT.split(q[: m.start()])[-1]) >= 2:
            u.focus = cond  # "信用上有污点的还能报吗": the condition is what the notice's rules speak of
        elif TOLD_RANKS_NOT and u.status and u.questioned != q and not PRONOUN.search(u.questioned):
            # (unless the asking sentence points back to the telling one: "…hasn't recommended our project yet.
            # Is there still time for them?")
            # "系统现在能填了吗？我们想先把申报书录进去": whether something is open now is asked by the asking
            # sentence; the sentence that only tells says why (its words name no window).
            u.focus = u.questioned
        elif TOLD_RANKS_NOT and (u.status or DONE_TOLD_APART and u.after) and (asked := self._after_done(q, u.status)) != q:
            u.focus = asked
            u.attribute = asked_attribute(asked)  # (what is told done, "附件材料", is not what is asked)
        if (OWN_UNIT_NO_TOPIC and u.topics and u.profile.org_type and u.focus != q and (at := q.rfind(u.focus)) > 0
                and not self.topics.resolve(u.focus) and not PRONOUN.search(u.focus)
                and (mentions := self.topics.mentions(q))
                and all(e <= at and extract_profile(q[s:e]).org_type for s, e, _ in mentions)):
            # "我们单位是新型研发机构，问下资助金额是多少": the kind of unit the asker is, told before the question,
            # names no topic, though a topic's alias says it (each mention is itself a kind of unit)
            u.topics = []
        foreign = self.foreign_entities(q)  # (other cities and calls, `other_calls` among them)
        # (another programme named is among the foreign entities just found: only then are their spans sought again)
        calls = [span for _, span in self._other_calls(q)] if CALL_NAMES_NAME_NOTHING and foreign else []
        if calls and u.topics and (mentions := self.topics.mentions(q)) and all(
                any(cs <= s and e <= ce for cs, ce in calls) for s, e, _ in mentions):
            # "郑州市重大科技创新专项今年怎么申报": the words of another programme's name ("科技创新") name no topic of
            # this notice's
            u.topics = []
        if (PROGRAMME_NAME_UNRANKED and u.attribute != "document" and not self.about_programme(q)
                and not foreign  # (another city's call is asked of)
                and (rest := self._unnamed_call(u.focus)) != u.focus
                and (len(_CJK.findall(rest)) >= 3 or not _CJK.search(rest) and len(re.findall(r"[a-z]{2,}", rest)) >= 3)):
            u.focus = rest  # every question is about the programme: its name would rank the notice's preamble
        elif (PROGRAMME_NAME_UNRANKED and u.lang == "en" and not foreign
              and (rest := _APPLY_FOR_CALL.sub(r"\1", u.focus)) != u.focus):
            u.focus = rest  # "How do I apply for the soft science project?" asks how to apply, of this call
        if GENERAL_ASK_UNRANKED and len(_CJK.findall(rest := V.ASKED_AS_RULE.sub("", u.focus))) >= 2:
            u.focus = rest  # "职称方面是如何规定的" is ranked on 职称方面: any sentence says 规定
        told_apart = False
        if CONTRAST_ASKS and (found := list(_CONTRAST.finditer(u.focus))) and _tells_only(u.focus[: found[-1].start()]) \
                and self.names_something(asked := u.focus[found[-1].end():]) and _CJK.search(asked):
            # "技术支持电话是67183377，那业务咨询是…": what the asker knows is told before "那"; what follows asks
            u.focus = asked
            # (a level named in the told part is not asked of, when the asking part names what it asks of: "知道重大
            # 项目是20万，那子课题每个多少"; "重大项目一共2项，那每项是10万吗" still asks of the major projects)
            told_apart = bool(self.levels_in(asked) or TOPIC_WORD.search(asked) or self.topics.resolve(asked))
        u.offices = self._offices_named(u.focus)
        if OFFICE_ASKED_FIRST and len(u.offices) > 1:
            # "技术支持电话是67183377，那业务咨询是…还是…": of the offices named, the one the asking clause names
            # is asked of; the others are what the asker already knows.
            named = self._offices_named(self.asking_clause(u.focus))
            u.offices = [*named, *(o for o in u.offices if o not in named)]
        if OFFICE_ASKED_FIRST and u.offices and (clause := self.asking_clause(u.focus)) != u.focus and not (
                self._offices_named(clause)) and self.names_something(clause) and _tells_only(u.focus[: u.focus.rfind(clause)]):
            # "我们找过法规处了，技术支持打哪个电话": an office told of, when the asking clause names a subject
            # of its own, is not what is asked (an office asked of before it is: "高新处电话多少？对应哪个课题？").
            u.offices, u.focus = [], clause
        if not u.topics and TOPIC_WORD.search(q):
            # A topic named by who handles it: "院校处联系的那个子课题", "67180459对应哪个课题".
            phones = set(re.findall(r"\d{7,8}", q))
            u.topics = [t.id for t in self.corpus.topics
                        if any(c.office in u.offices or c.phone in phones for c in t.contacts)]
        if TROUBLE.search(q) and (u.attribute in (None, "office", "phone", "who", "url", "how") or TROUBLE_OBJECT
                                  and u.attribute == "materials" and not _WHICH_THINGS.search(q)):
            # (what fails to upload is no question of which materials: "那要是系统登不上、附件传不上去呢")
            # "系统login不上去找谁", "The website is down, who can help?", "平台打不开怎么办": a malfunction
            # reported asks whom to contact for technical support, whatever words the notice uses beside those.
            u.focus = f"{u.focus} {'技术支持' if u.lang == 'zh' else 'technical support'}"
            u.attribute = "phone" if u.attribute == "phone" else "office"
        u.document, u.clause = self.inside_document(q)
        u.levels = list(dict.fromkeys(level for s, e, level in self.levels_in(u.focus if told_apart else q)
                                      # (nor a level: "重大" in "重大科技创新专项")
                                      if told_apart or not any(cs <= s and e <= ce for cs, ce in calls)))
        u.absent_levels = self.absent_levels(q)
        u.foreign = foreign + self.topics.unknown_numbers(q)
        if guess and u.foreign and GUESSED_FOREIGN and all(f in guess.group() for f in u.foreign) and (
                guess.start() >= 4 and self.names_something(described) or self.about_programme(described, asking=False)):
            # "申报系统入口是在河南省科技厅的网站上吧？": the other body is the asker's guess about something
            # the notice does say; the answer is what it says (the guess is left out of the ranking).
            u.hypothesis, u.focus, u.foreign = guess.group(), described, []
        if OFFERED_FOREIGN and u.foreign and (offered := _OFFERED.search(q)):
            sides = offered.group("a"), offered.group("b")
            for side_known, side_offered in (sides, sides[::-1]):
                if all(f in side_offered for f in u.foreign) and self._writes(side_known, OFFERED_KNOWN_CHARS):
                    # (the side offered is the asker's guess: its words are not what is asked)
                    u.foreign, u.hypothesis = [], u.hypothesis or side_offered
                    break
        if self.unsupported(u.attribute):
            u.foreign.append({"address": "地址", "person": "人员姓名"}[u.attribute or ""])
        return u


_EN_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# A turn that is a place in a list and nothing else: "第二个", "第3个", "the second one", "no. 3"
_ORDINAL_ALONE = re.compile(r"^(?:第\s*([一二两三四五六七八九十\d]+)\s*(?:个|项|条|号)?|(?:the\s+)?(" + "|".join(_EN_ORDINALS)
                            + r")(?:\s+one)?|(?:no\.?|number|#)?\s*(\d{1,2}))$")  # ("那5呢" after a numbered topic)
_CIRCLED_DIGITS = "①②③④⑤⑥⑦⑧⑨⑩"


def _ordinal_alone(text: str) -> int | None:
    m = _ORDINAL_ALONE.match(text.strip())
    if not m:
        return None
    if m.group(2):
        return _EN_ORDINALS.index(m.group(2)) + 1
    token = m.group(1) or m.group(3)
    return int(token) if token.isdigit() else cn_number(token)


def _renumber(mention: str, n: int) -> str | None:
    """A numbered mention ("子课题①", "重点项目3", "sub-topic 2") with its number replaced by n, written
    as the mention writes its number; None when it has none."""
    if not 1 <= n <= 10:
        return None
    if m := re.search("[" + _CIRCLED_DIGITS + "]", mention):
        return mention[: m.start()] + _CIRCLED_DIGITS[n - 1] + mention[m.end():]
    if m := re.search(r"\d{1,2}", mention):
        return mention[: m.start()] + str(n) + mention[m.end():]
    if m := re.search(r"[一二三四五六七八九十]+", mention):
        return mention[: m.start()] + "一二三四五六七八九十"[n - 1] + mention[m.end():]
    return None


def _attribute_pair(part: str) -> list[str] | None:
    """"人才评价那个子课题的电话和完成期限" -> ["人才评价那个子课题的电话", "人才评价那个子课题的完成期限"]: two
    different attributes asked of one subject, each a sub-question of that subject."""
    for c in _ATTRIBUTE_JOIN.finditer(part):
        a, b = part[: c.start()], part[c.end():]
        first, second = asked_attribute(a), asked_attribute(b)
        if not first or not second or first == second or len(b.rstrip("?？。 ")) > ATTRIBUTE_PAIR_MAX:
            continue
        said = [m for m in _ATTRIBUTE_PATTERN[first].finditer(a)]
        if not said or said[-1].end() < len(a) or not a[: said[-1].start()].endswith("的"):
            continue  # "X的A": the attribute closes the first phrase, and what comes before it is the shared subject
        return [a, a[: said[-1].start()] + b]
    return None
