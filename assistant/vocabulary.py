"""How applicants phrase things: question words per facet, time words, pronouns, list words.

These are words of questions, not facts of the notice (facts and their triggers are in corpus/).
All entries are in canonical form (simplified, lower case) because matching runs on that form.
"""

from __future__ import annotations

import re

FACETS: dict[str, tuple[str, ...]] = {
    "funding": ("经费", "多少钱", "资助", "万元", "钱", "额度", "资金", "拨多少", "给多少", "funding", "money",
                "how much", "amount", "grant", "budget"),
    "contact": ("联系", "电话", "找谁", "问谁", "处室", "哪个处", "联系单位", "联系人", "号码", "热线", "contact", "phone",
                "to call", "i call", "we call", "call whom", "call the", "who to ask", "office", "telephone", "number"),
    "deliverable": ("报告", "成果形式", "成果", "形成", "交付", "产出", "结题要", "最终", "提交什么", "交什么", "deliverable",
                    "report", "output", "produce", "outcome", "deliver"),
    "references": ("参考", "参照", "对标", "借鉴", "标准", "城市", "依据", "国标", "哪些地方", "经验", "试点", "框架", "reference", "benchmark",
                   "standard", "cities", "city", "learn from", "gb/t"),
    "content": ("研究内容", "做什么", "研究什么", "内容", "干什么", "是什么", "介绍", "要求", "方向", "重点", "about",
                "what is", "what does", "describe", "research content", "focus"),
    "level": ("级别", "重大还是重点", "属于", "什么级别", "哪一类", "类别", "哪类", "重大项目吗", "重点项目吗", "level", "major or key"),
    "title": ("题目", "名称", "全称", "叫什么", "标题", "title", "name"),
}
# The study's content asked in general, as a verb and what it does ("具体要做哪些研究", "主要开展什么工作", "研究哪些方面"):
# no sentence's own words, the content facet
CONTENT_ASKED = re.compile(r"(?:做|开展|进行|搞|从事)(?:些|一些)?(?:哪些|什么|啥|哪几(?:个|项|方面))(?:样的?|方面的?)?"
                           r"(?:研究|工作|内容|事情?)|研究(?:些)?(?:哪些|什么|啥)(?:内容|方面|问题)?(?![\u4e00-\u9fff])")
# Who may apply for a named topic ("课题2科研院所能报吗", "低空那个课题限什么单位申报", "Which units may apply for topic 3?"): the
# topic's own restriction, where the notice gives its topics one (Topic.applicants)
TOPIC_APPLICANTS = ("能报", "能申报", "可以报", "可以申报", "能不能报", "能不能申报", "能否申报", "可否申报", "谁能", "谁可以",
                    "哪些单位", "什么单位", "哪类单位", "哪种单位", "申报单位", "限制", "限什么", "承担", "who can apply",
                    "who may apply", "which units", "which organisations", "which organizations", "can universities",
                    "may universities", "eligible to apply", "restricted", "restriction")
# When a named topic must be done ("课题2什么时候要完成", "课题6的完成时间", "When must topic 1 be completed?"), or its
# period ("课题一的研究期限是多久"): the topic's own date, where the notice gives it one (Topic.due_quote)
TOPIC_DUE = re.compile(r"(?:什么时候|何时|哪天|几号|最晚|最迟|截止)[^，,。？?]{0,4}?(?:完成|结题|结项|做完|交成果)|"
                       r"(?:完成|结题|结项)(?:时间|期限|日期)|(?:研究|实施|执行)(?:期限|周期)|\bwhen\b[^?]{0,40}?\b(?:complet|finish|done|due)|"
                       r"\b(?:completion|finish|completed by|finished by|due)\b")
# ... the English words for a restriction the notice's topics state in Chinese ("Which topic is directly commissioned?")
TOPIC_APPLICANTS_EN = {"commissioned": "定向委托", "designated unit": "定向委托", "commissioning": "定向委托"}
# What a question asks for in general words ("怎么规定的", "有啥要求"): not what it is about. A passage holding
# only these words of the question ("…保证按规定使用项目资金") neither leads an answer nor is ranked on them.
ASKED_IN_GENERAL = re.compile(r"(?:怎么|怎样|如何|什么|啥|哪些|咋)(?:样的)?(?:规定|要求|条件|说法|讲究)")
# ... of them, those the notice's sentences hold in passing ("在规定时间内", "按规定使用"), not as what they state
# (its conditions are "要求…", "条件"): what a question is ranked without
ASKED_AS_RULE = re.compile(r"(?:怎么|怎样|如何|什么|啥|哪些|咋)(?:样的)?(?:规定|说法|讲究)")
# A topic question without any facet word gets an overview of the topic.
LIST_WORDS = ("有哪些", "哪几个", "哪些", "列表", "都有什么", "有什么", "清单", "列出", "全部", "所有", "各个", "每个",
              "分别是", "是哪几", "哪两", "哪三", "哪四", "哪五", "list", "which", "all ", "what are ")
# A count of the holders of a value ("一共有几个咨询电话", "how many phone numbers are there") is asked as their list:
# the list states the count.
COUNTED_HOLDERS = re.compile(r"(?:几|多少)\s*(?:个|部|条|家)[^，,。；;？?]{0,4}?(?:电话|号码|热线|部门|处室|网址|网站|邮箱)|"
                             r"\bhow many (?:\w+ ){0,2}?(?:phones?|phone numbers|numbers|hotlines|offices|departments|contacts)\b")
ALL_WORDS = ("所有", "全部", "各个", "每个", "各课题", "各项目", "每一个", "all ", "each", "every")
SUBTOPIC_WORDS = ("子课题", "sub-topic", "subtopic")
# Words that make a list question about the topics rather than about something else.
TOPIC_WORDS = ("课题", "题目", "选题", "研究方向", "重大项目", "重点项目", "子课题", "哪些项目", "什么项目",
               "topic", "major project", "key project", "projects are")
PRONOUNS = ("它", "这个", "该", "那个", "这项", "此", "上述", "这个课题", "该课题", "那它", "其", "它的", "这一", "it",
            "its", "this", "that one", "the same")
TIME_NOW = ("现在", "目前", "还能", "还可以", "今天", "今日", "当前", "此刻", "已经截止", "截止了吗", "过了吗", "还来得及",
            "开始了吗", "still", "now", "today", "yet", "currently", "already closed", "is it open")
# "Do applicants still need to draw up a budget?": a requirement that continues, not whether a window is open.
STILL_REQUIRED = re.compile(r"\bstill (?=(?:need|needs|have|has|require|requires|required|necessary|must)\b)")
ASK_ELIGIBLE = (
    "能申报", "能不能申报", "可以申报", "可不可以申报", "能否申报", "能报", "能不能报", "可以报", "可不可以报", "能否报",
    "有资格", "有没有资格", "符合条件", "符合申报条件", "够条件", "具备资格", "能参加", "可以参加", "能申请", "可以申请",
    "能否申请", "我能", "我可以", "我们能", "我们可以", "我单位能", "是否符合", "能不能参加", "能当负责人", "可以当负责人",
    "能做负责人", "可以做负责人", "能不能当", "行不行", "行吗", "可以吗", "有资格吗", "还能报吗", "能再报", "能再申报",
)
# "能不能当重点项目负责人", "可以报子课题吗", "有没有资格参加": a modal, then (within a few words) a verb
# of applying or of leading; "能再以负责人身份报…吗": the capacity in which one applies may come between.
# "只能报3项" and "才能申报" state a limit or a condition, not a question of whether one may.
# What is applied for once a project is funded ("申请延期", "申请变更负责人"): no application to the call.
_POST_AWARD = r"延期|延长|变更|调整|提前结题|结题|验收|撤销|退出|报销"
POST_AWARD_ASKED = re.compile(r"(?:申报|申请|报)(?:" + _POST_AWARD + ")")
ASK_ELIGIBLE_ZH = re.compile(
    r"(?<![只才])(?:能|可以|可不可以|能不能|能否|可否|允许|让|够格)\s*(?:再|也|还)?\s*(?:(?:自己)?(?:以[^，,。？?]{1,8}?(?:身份|名义)|作为[^，,。？?]{1,8}?))?"
    # (not a step of a project once funded: "结题后可以申请延期吗", "能申请变更负责人吗")
    r"\s*(?:往上|网上|直接|单独|自己|再次)?(?:申报|报|申请|参加|参与|当|做|担任|推荐?)(?!" + _POST_AWARD + ")"
    r".{0,10}?"
    r"(?:吗|么|不|？|\?|$)|有没有资格|有资格|够条件|符合条件|符合申报条件|符合(?:申报)?资格|够资格|具备(?:申报)?资格"
)
# "直接在系统里报就行吗", "盖个章就可以了吧": whether doing something is enough, a question about a step.
SUFFICES = re.compile(r"就(?:行|可以|好|够)了?(?:吗|吧|么|呢|[?？]|$)")
LIMIT_MODAL = re.compile(r"[只才](?:能|可以)")
# (the asker described between, within the sentence: "Can a private technology company registered in X apply")
ASK_ELIGIBLE_EN = re.compile(r"\b(?:can|may|could)\b[^.?!;]{0,70}?\b(?:apply|lead (?:a|the|this|one)\b|be (?:a |the )?(?:project )?(?:leader|pi\b|principal investigator))|\beligib|\bqualif|allowed to apply|"
                             r"\b(?:can|may|could) (?:we|i) (?:still |also )?(?:add|submit|put forward|recommend|lead)\b|"
                             # whether a stated fact bars the asker: "Does that stop me from applying…?"
                             r"\b(?:does|do|will|would|could|can) (?:that|this|it|these|those) (?:stop|prevent|bar|block|affect|"
                             r"disqualify|rule (?:me|us) out|count against)\b.{0,40}?\b(?:apply|applying|application|eligib|lead)|"
                             # after the asker's facts, whether the person or unit described passes: "Is he OK?"
                             r"\b(?:is|are) (?:he|she|they|we|i|it|this|that|our \w+) (?:ok|okay|fine|all right|good to go)\b",
                             re.ASCII)
# "How many …" questions ask for a quota or a count, not for a verdict.
COUNT = ("几项", "几个", "多少项", "多少个", "几次", "一共", "how many", "number of")
WHEN = ("什么时候", "何时", "啥时候", "哪天", "几号", "几月", "日期", "时间", "截止", "when", "date", "until", "deadline")
SELF = ("我", "我们", "本人", "本单位", "我单位", "我校", "我院", "我所", "咱", "俺", "i", "i'm", "we", "our", "my", "me")
# (an English one as a word: "income tax" holds "me ", "wifi" "i")
_SELF_WORDS = re.compile("|".join(rf"\b{re.escape(w)}\b" if w.isascii() else re.escape(w) for w in SELF))
# "负责人本人签名": 本人 after a person is that person himself, not the asker.
_HIMSELF = re.compile(r"(?<=[人师授员长者])本人")


# ... or of the applicant they ask for ("拟任项目负责人…他44岁", "the proposed leader is 60")
# ("负责人" alone is the rules' word: "重大项目负责人一定要博士吗" states nothing of anyone)
_APPLICANT = re.compile(r"(?<![其吉])他(?!人)|她|拟任|\b(?:he|she)\b|\bthe proposed (?:leader|pi|applicant)\b|"
                        # ... but a leader's facts stated are: "负责人：五十五岁", "负责人1962年5月出生"
                        # ("负责人今年可以申报两个吗", "负责人是否需要博士" ask the rules)
                        r"负责人(?=\s*(?:[：:]|\d|今年\s*(?:\d|[一二三四五六七八九]十)|是(?!否|不是)|为|[一二三四五六七八九]十))")


def speaks_of_self(q: str) -> bool:
    """Whether the asker speaks of themselves or their unit ("我们学校", "本人48岁"), or of the applicant
    they ask for (facts stated of "他" or "负责人" are a profile too)."""
    return bool(_SELF_WORDS.search(_HIMSELF.sub("", q))) or bool(_APPLICANT.search(q))
GREETINGS = ("你好", "您好", "hello", "hi", "在吗", "哈喽", "嗨")
THANKS = ("谢谢", "感谢", "多谢", "thanks", "thank you")

# Who issued the notice ("这个通知是哪个部门发的", "发文单位是谁", "Who issued this call?"), not who issued a
# regulation it names ("管理办法是哪年出的"), who runs a step or who pays ("这个项目是哪个单位出钱").
ISSUER_ASKED = re.compile(r"(?:通知|公告|文件|这个|这份|本次申报)[^，,。？?]{0,6}?(?:是)?(?:谁|哪个(?:部门|单位|机关|机构))"
                          r"(?:发|印发|发布|下发)的?|发文(?:单位|机关|部门)|(?:发布|印发)(?:单位|部门|机关)|"
                          # (one body offered against another: "这个通知是A发的还是B发的")
                          r"(?:通知|公告|文件|这个|这份)[^，,。？?]{0,4}?是[^，,。？?]{2,16}?(?:发|印发|发布|下发)的还是|"
                          r"\bwho (?:issued|published|released|put out|sent out)\b|"
                          r"\b(?:which|what) (?:government )?(?:agency|department|body|authority|organi[sz]ation|bureau|office)"
                          r" (?:issued|published|released)\b|\bissuer\b")

# What to do first ("第一步得先干啥", "新单位要先做什么", "What must we do first?"): the first step asked.
# The notice's own title asked ("这份通知的标题是什么", "通知全称叫啥", "What is the title of this notice?"), not a
# form's or a topic's ("申报书的全称", "子课题的题目").
# ("这个通知，它的标题全称是什么": the notice pointed back to by a pronoun in the next clause; "通知的完整标题",
# "正式名称": the title said whole)
NOTICE_TITLE = re.compile(r"(?:通知|公告|文件)(?:[,，]?(?:它|其))?(?:的)?(?:完整|正式|准确|具体)?(?:的)?(?:标题|全称|全名|名称|名字|题目)|(?:通知|公告)(?:全称|全名)?叫(?:什么|啥)|"
                          r"\b(?:title|full name|name) of (?:the|this) (?:notice|call|announcement|document)\b|"
                          r"\bwhat is (?:the|this) (?:notice|call|announcement) (?:called|titled)\b|"
                          r"\b(?:notice|call|announcement)'s (?:title|full name)\b")

# ("要先干嘛", "得先弄些什么": doing something first, asked with any verb of doing and any question word)
FIRST_STEP = re.compile(r"第一步|头一步|首先要|最先|(?:要|得|需要|应该)先(?:做|干|弄|办)|"
                        r"先(?:要|得)?(?:做|干|弄|办)(?:些)?(?:什么|啥|嘛)|\b(?:first step|do first|start with)\b")

# A yes/no question seeking the verdict even beside another need: may-I, or whether a stated fact bears
# on applying ("能不能牵头重大项目", "这会影响我报…吗"); "拟推荐的项目需要先公示吗" seeks neither.
# A request to produce a text ("帮我写一篇…论文摘要", "translate my proposal"): a task, not a question on the notice.
# (an adverb of how may come before the verb: "帮我直接写一份…申报书")
_FOR_ME = r"(?:帮我|帮忙|替我|给我|请你|你帮我|帮我们|替我们)\s*(?:直接|简单|简要|快速|大概|顺便|先|再|好好)?\s*"
TASK_REQUEST = re.compile(
    _FOR_ME + r"(?:写|撰写|起草|翻译|润色|修改|改写|生成|编写|拟)[^，,。？?]{0,16}?"
    r"(?:论文|摘要|文章|报告|申报书|邮件|总结|讲话稿|代码|诗|简历|文案|稿)|"
    + _FOR_ME + r"(?:写|撰写|起草|编写)\s*一(?:篇|份|段|封|首)|"  # a composed text
    # a text made over into another ("帮我把摘要翻译成英文", "帮我把研究报告改成论文")
    + _FOR_ME + r"把[^，,。？?]{1,16}?(?:改|写|翻译|译|润色|修改|改写|整理|扩写|缩写)(?:成|为)|"
    # literature asked to be found, which no notice holds ("帮我推荐几篇关于同群效应的参考文献", "recommend some papers on…")
    + _FOR_ME + r"(?:推荐|找|搜|查|列)[^，,。？?]{0,16}?(?:文献|论文|专著|书目|期刊)|"
    # ... or counted as reading ("能不能推荐几本…的书", "介绍几篇…"): volumes and articles recommended, whoever asks
    r"(?:推荐|介绍)\s*(?:几|一些|一两|两三)\s*(?:本|篇|部)[^，,。？?]{0,20}?(?:书|书籍|教材|著作|文献|论文|文章)|"
    r"\b(?:recommend|suggest|find)\b (?:me |us )?(?:some |a few |any |several |good )?(?:[\w-]+ ){0,2}?"
    r"(?:papers|literature|readings|references|books|journal articles)\b|"
    r"\b(?:write|draft|translate|polish|rewrite|proofread)\b (?:me |us )?(?:an? |my |our |the |this )?"
    r"(?:[\w-]+ ){0,3}?(?:paper|abstract|essay|article|report|proposal|email|letter|summary|code|poem)s?\b")
# The procedure's words in English, by stem, as the notices' Chinese says them: a step asked in English
# ("after the administrator has approved it") is found among the notice's clauses by these.
STEP_WORDS_EN = {"administr": "管理员", "approv": "审核", "review": "审核", "check": "审核", "upload": "上传",
                 "regist": "注册", "submit": "提交", "recommend": "推荐", "publicis": "公示", "fill": "填报",
                 "log": "登录", "leader": "负责人", "pi": "负责人", "princip": "负责人", "investig": "负责人"}


def english_step(step: str) -> str:
    """An English step in the notice's Chinese words ("the administrator has approved it" -> "管理员 审核")."""
    from index.tokenize import words

    # (a stem shorter than three letters is a word of its own: "pi" is not "pick")
    return " ".join(dict.fromkeys(zh for w in words(step) for stem, zh in STEP_WORDS_EN.items()
                                  if w == stem or len(stem) >= 3 and w.startswith(stem)))


# A modal over a step of handing in ("能不能9月份就提前提交", "可以晚几天上传吗"): whether the step may be done so, not
# whether one may apply ("能不能提交申请" applies).
STEP_MODAL = re.compile(r"(?:能|可以|可不可以|能不能|能否|可否)[^，,。？?申]{0,8}?(?:提交|上传|交|填报|修改|补交|撤回|寄|送)(?!申请|申报)")
# ... in English ("Can we submit a hard copy by post?", "Could I upload it after the deadline?"), where applying or
# leading is not named ("Can we submit a proposal on AI?" asks whether one may apply)
STEP_MODAL_EN = re.compile(r"\b(?:can|could|may) (?:we|i|you|one|the unit) (?:still |also )?(?:submit|upload|hand in|send|post|"
                           r"mail|deliver|revise|amend|withdraw)\b(?!.*\b(?:apply|applying|eligib|qualif|lead|leader)\b)"
                           r"(?!\s+(?:(?:a|an|our|my|the|one) )?(?:proposal|application|project)s?\s*(?:[?.!]|$))",
                           re.ASCII)
SEEKS_VERDICT = re.compile(r"能|可以|可不可以|可否|允许|让不让|影响|\b(?:can|could|may|allowed|affect)\b", re.ASCII)

# Acting at a window's end ("拖到最后一天再交", "截止当天还能交吗", "last-minute"): a question of the window.
WINDOW_END = re.compile(r"最后(?:一天|几天|两天|一刻|关头|时刻|时间)|截止(?:当天|那天|日当天)|卡着(?:点|截止|最后)|"
                        r"\b(?:last[- ](?:day|minute|few days)|deadline day|final day)\b", re.ASCII)

# When the notice itself was issued ("通知啥时候发的", "这份文件哪天印发的", "When was this notice published?"): the
# notice as the subject, then a verb of issuing, asked of a time (not when applications are published or sent).
NOTICE_ISSUED = re.compile(
    r"(?:通知|文件|公告|函|通告)(?:是|都)?(?:什么时候|啥时候|何时|哪天|哪一天|哪个月|几月几号|几号|几月份?)(?:才)?(?:发|印发|发布|下发|出|公布|发出)|"
    r"\bwhen (?:was|is|did) (?:this|the) (?:notice|call|document|circular) (?:issued|published|released|put out|dated|come out)\b|"
    r"\b(?:date|issue date) of (?:the|this) (?:notice|document|circular)\b")
# An outcome or a change that happened to the asker's application or to the call ("没通过", "被退回", "经费变少了",
# "Why was my application rejected?"): its reason is no condition of the notice.
OUTCOME = re.compile(
    # (not a class of projects named by it: "没立项的项目")
    # (nor a way not taken, "为什么不通过邮寄…", "没通过区里推荐": a failure ends its clause or names the review it failed)
    r"(?:(?:没|未)(?:通过|批|立项|选上|入选|中)(?=了|呢|吗|[?？。，,！!]|$|评审|审核|审查|初审|答辩|验收)|"
    r"被(?:拒|退回|驳回|刷|否|淘汰|取消)|落选|变少|少了|减少了|降低了|缩水|砍了)(?!的)|"
    # (in a question the auxiliary comes first: "Why was my application rejected?")
    r"\b(?:was|were|got|been)\b[^?.;]{0,40}?\b(?:rejected|turned down|refused|declined|not (?:approved|selected|funded|accepted)|"
    r"cut|reduced|lowered|decreased)\b|\b(?:smaller|less|lower|fewer) (?:this|than)\b")
