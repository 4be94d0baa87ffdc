"""Answer text in Chinese or English, built only from corpus data.

Each composer returns the text and the ids of the passages it rests on (cited first).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from assistant.eligibility import window_status
from assistant.models import Eligibility
from corpus import Corpus, Fact, Topic, batch_kind, format_wan, squash
from corpus.passages import UNFUNDED
from corpus.script import simplified

STATUS = {
    "open": ("正在进行", "open"),
    "not_yet_open": ("尚未开始", "not yet open"),
    "closed": ("已截止", "closed"),
}


@dataclass
class Draft:
    text: str
    passages: list[str] = field(default_factory=list)
    # True: cite these passages in the order of their relevance to the question (a fact's several
    # sentences); False: in the order given (a list, an overview).
    rank_passages: bool = False

    def led_by(self, clause: str, passages: list[str] | None = None) -> Draft:
        """This draft with a clause of the notice leading it, verbatim ("通知原文：“…”。"), citing
        `passages` (default: the draft's own)."""
        cited = list(dict.fromkeys(self.passages if passages is None else passages))
        return Draft(f"通知原文：“{clause.rstrip('。；;')}”。\n{self.text}", cited, self.rank_passages)


def zh_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def amount(wan: float | None, lang: str) -> str:
    """An amount in 万元, as the notice writes it: 7.5 -> "7.5万元" / "CNY 75,000 (7.5万元)"."""
    if wan is None:
        return "未列明" if lang == "zh" else "not stated"
    text = format_wan(wan)
    return f"{text}万元" if lang == "zh" else f"CNY {round(wan * 10000):,} ({text}万元)"


# A topic's funding the notice gives as a range ("资助额度：3万—5万元"), its amount the range's top
_FUNDING_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:万元?)?\s*(?:[—~～至到－–-]+)\s*(\d+(?:\.\d+)?)\s*万元")


# ... or one it writes in thousands of yuan or in yuan ("150千元", "300000元"), not in 万元
_OTHER_UNIT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(千元|元)")


def _in_other_unit(quote: str, wan: float) -> str | None:
    """The amount `wan` as `quote` writes it in 千元 or 元 ("150千元" for 15.0), None where it does not."""
    if "万元" in quote:
        return None  # (it says its sums in 万元 too, "叁拾万元（300000元）": as 万元)
    for m in _OTHER_UNIT.finditer(quote):
        if float(m.group(1)) / (10 if m.group(2) == "千元" else 10000) == wan:
            return f"{m.group(1)}{m.group(2)}"
    return None


def topic_amount(t: Topic, lang: str) -> str:
    """A topic's funding as the notice says it: its range when it gives one ("3万—5万元", never its top alone)."""
    if t.funding_wan is None and (unfunded := [c.strip() for c in re.split(r"[，,；;。]", t.funding_quote) if UNFUNDED.search(c)]):
        # (a topic of a level the notice gives no city money: the notice's words saying so, "自筹经费项目，市财政不予资助")
        said_zh = "，".join(re.sub(r"^(?:为|是|系|属于)", "", c) for c in unfunded)
        return said_zh if lang == "zh" else f"no city funding (self-funded; notice: {said_zh})"
    # (a quote in traditional characters, "資助額度：3萬—5萬元", is read in simplified ones, each character in its place,
    # and what it says is given back in its own)
    quote, read = t.funding_quote, simplified(t.funding_quote)
    said = next((m for m in _FUNDING_RANGE.finditer(read)
                 if t.funding_wan is not None and float(m.group(2)) == t.funding_wan), None)
    if said is None and t.funding_wan is not None and (other := _in_other_unit(read, t.funding_wan)):
        # (an amount the notice writes in 千元 or in 元, "每项资助150千元": in its words, as the quote says it)
        return other if lang == "zh" else f"CNY {round(t.funding_wan * 10000):,} ({other})"
    if said is None or t.funding_wan is None:
        own = None if t.funding_wan is None else re.search(rf"(?<![\d.]){re.escape(format_wan(t.funding_wan))}\s*万元", read)
        if own and t.funding_wan is not None and quote[own.start():own.end()] != own.group(0):
            # (the amount in the characters the notice writes it in, "12萬元", not the "12万元" its figure composes)
            written = quote[own.start():own.end()]
            return written if lang == "zh" else f"CNY {round(t.funding_wan * 10000):,} ({written})"
        return amount(t.funding_wan, lang)
    low, written = float(said.group(1)), quote[said.start():said.end()]
    return written if lang == "zh" else f"CNY {round(low * 10000):,} to {round(t.funding_wan * 10000):,} ({written})"


def _level(level: str, levels: Mapping[str, str]) -> tuple[str, str]:
    """A project level's name as the served corpus writes it (rules.yaml project_levels), and in English."""
    return levels.get(level, level), f"{level} project"


def _role_passages(corpus: Corpus, role: str) -> list[str]:
    """The passages of the fact that plays `role`; none where the notice has no such fact."""
    fact = corpus.fact_by_role(role)
    return fact.passage_ids if fact else []


def window_line(fact: Fact, today: dt.date, lang: str) -> str:
    w = fact.window
    assert w is not None  # facts_answer calls this only for a fact with a window
    status = window_status(w.opens, w.closes, today)
    zh, en = STATUS[status]
    # (how long is left, counted from today's date: "还有几天截止", "how many days are left")
    left = (w.closes - today).days if status == "open" else (w.opens - today).days if status == "not_yet_open" else 0
    if lang == "zh":
        until = (f"，距截止还有{left}天" if status == "open" and left else "，今天是最后一天" if status == "open"
                 else f"，距开始还有{left}天" if left else "")
        return f"按{zh_date(today)}计，{w.name_zh}{zh}（{zh_date(w.opens)}—{zh_date(w.closes)}）{until}。"
    until = (f"; {left} day{'s' if left != 1 else ''} left until it closes" if status == "open" and left
             else "; today is the last day" if status == "open"
             else f"; it opens in {left} day{'s' if left != 1 else ''}" if left else "")
    return (f"As of {today.isoformat()}, the {w.name_en} period is {en} "
            f"({w.opens.isoformat()} to {w.closes.isoformat()}){until}.")


def facts_answer(facts: list[Fact], today: dt.date, lang: str) -> Draft:
    parts, ids = [], []
    said: list[str] = []
    for fact in facts:
        text = getattr(fact, lang)
        if squash(text) in said and not fact.window:
            continue  # two facts a notice states in one sentence (online filing, registered units): said once
        said.append(squash(text))
        parts.append(text)
        if lang != "zh" and fact.quotes:
            # The notice's own words beside the translation: the Chinese text is what counts.
            parts.append(notice_words(fact.quotes))
        if fact.window:
            parts.append(window_line(fact, today, lang))
        ids.extend(fact.passage_ids)
    return Draft(("" if lang == "zh" else " ").join(parts), ids, rank_passages=True)


def _ids(t: Topic, *quotes: str) -> list[str]:
    """The passages of a topic's quotes, skipping a value the notice does not give for this topic."""
    return [t.passage_of[q] for q in quotes if q in t.passage_of]


def _name(t: Topic, lang: str) -> str:
    if lang == "zh":
        return f"{t.label}“{t.title}”"
    # The notice's own title beside the English one: an applicant searches the notice by it.
    if t.title_en == t.title:
        return f"{t.label_en} ({t.label}“{t.title}”)"
    return f"{t.label_en} \"{t.title_en}\" ({t.label}“{t.title}”)"


def _contacts(t: Topic, lang: str) -> str:
    if lang == "zh":
        return "、".join(" ".join(x for x in (f"{c.unit}{c.office}", c.person, c.phone) if x) for c in t.contacts)
    return ", ".join(f"{c.office}{f' ({c.unit})' if c.unit else ''}{f', {c.person}' if c.person else ''}, phone {c.phone}"
                     for c in t.contacts)


_SUBTOPICS_SAID = re.compile(r"[（(]([^（）()]*子课题[^（）()]*)[)）]")


def notice_words(quotes: Iterable[str]) -> str:
    """The notice's own words beside an English rendering: the Chinese text is what counts."""
    return "(Notice: " + " … ".join(f"“{q}”" for q in quotes) + ")"


def topic_facet(t: Topic, facet: str, lang: str, parent: Topic | None = None, *,
                levels: Mapping[str, str] = MappingProxyType({})) -> Draft:
    zh = lang == "zh"
    name = _name(t, lang)
    if facet == "funding":
        text = f"{name}的项目经费为{topic_amount(t, lang)}。" if zh else f"{name}: funding {topic_amount(t, lang)}."
        return Draft(text, _ids(t, t.funding_quote))
    if facet == "contact":
        text = f"{name}的联系单位：{_contacts(t, lang)}。" if zh else f"{name}: contact {_contacts(t, lang)}."
        return Draft(text, _ids(t, t.contact_quote))
    if facet == "deliverable":
        if t.outputs:
            # Each clause that names what is delivered, verbatim: "形成《…研究报告》及相关政策建议".
            said = "；".join(t.outputs)
            text = f"{name}：{said}。" if zh else f"{name} must deliver (the notice's words): {said}."
            return Draft(text, _ids(t, *t.outputs))
        reports = "和".join(t.reports) if zh else " and ".join(t.reports)
        text = f"{name}需形成{reports}。" if zh else f"{name} must deliver the report {reports}."
        return Draft(text, _ids(t, t.report_quote, *t.report_quotes_more))
    if facet == "references":
        if not t.references:
            return topic_facet(t, "content", lang, parent, levels=levels)
        refs = "；".join(r.zh for r in t.references) if zh else "; ".join(r.en for r in t.references)
        text = f"{name}的研究要求：{refs}。" if zh else f"{name} asks to {refs}. {notice_words(r.quote for r in t.references)}"
        return Draft(text, [t.passage_of[r.quote] for r in t.references])
    if facet == "content":
        # What the study must do: its stated focus, then what else it is asked to do (the platform it
        # serves, the standard it follows), each the notice's own clause.
        if not t.focus_quote and not t.references:
            return topic_overview(t, lang, parent, levels=levels)  # a topic listed by its title and terms alone
        text = f"{name}的研究重点：{t.focus_quote}。" if zh else f"{name} - focus (quoted): {t.focus_quote}."
        if t.references:
            text += (f"研究要求：{'；'.join(r.zh for r in t.references)}。" if zh
                     else f" It also asks to {'; '.join(r.en for r in t.references)}. {notice_words(r.quote for r in t.references)}")
        return Draft(text, [*_ids(t, t.focus_quote, t.title_quote), *(t.passage_of[r.quote] for r in t.references)])
    if facet == "level":
        lv_zh, lv_en = _level(t.level, levels)
        extra, said, ids = "", "", _ids(t, t.title_quote, t.funding_quote)
        if parent:
            extra = f"，是{_name(parent, lang)}下的子课题" if zh else f", a sub-topic of {_name(parent, lang)}"
            # where the notice says its sub-topics' level ("（含 7 个子课题，子课题为重点项目）"), in its words
            if m := _SUBTOPICS_SAID.search(parent.title_quote):
                said = f"（通知原文：“{m.group(1)}”）" if zh else f' (Notice: "{m.group(1)}")'
                ids = [*_ids(parent, parent.title_quote), *ids]
        text = f"{name}属于{lv_zh}{extra}{said}，经费{topic_amount(t, lang)}。" if zh else (
            f"{name} is a {lv_en} ({lv_zh}){extra}{said}, funded with {topic_amount(t, lang)}."
        )
        return Draft(text, ids)
    if facet == "applicants" and t.applicants:
        # who may apply for the topic, in the notice's words ("本课题仅限高校申报", "定向委托…承担")
        text = (f"{name}的申报单位限制：{t.applicants}。" if zh
                else f"{name} - who may apply (the notice's words): {t.applicants}.")
        return Draft(text, _ids(t, t.applicants_quote, t.title_quote))
    if facet == "due" and t.due_quote:
        # its own completion date, apart from the call's, in the notice's words
        text = (f"{name}的完成时间：{t.due_quote}" if zh
                else f"{name} has its own completion date (the notice's words): {t.due_quote}")
        return Draft(text, _ids(t, t.due_quote, t.title_quote))
    if facet == "title":
        text = f"{t.label}的题目是“{t.title}”。" if zh else f"{t.label_en} is titled \"{t.title}\" ({t.title_en})."
        return Draft(text, _ids(t, t.title_quote))
    return topic_overview(t, lang, parent, levels=levels)


def topic_overview(t: Topic, lang: str, parent: Topic | None = None, *,
                   levels: Mapping[str, str] = MappingProxyType({})) -> Draft:
    lv_zh, lv_en = _level(t.level, levels)
    reports = "和".join(t.reports) if lang == "zh" else " and ".join(t.reports)
    if lang == "zh":
        parts = [f"{_name(t, lang)}属于{lv_zh}"]
        if t.funding_wan is not None:
            parts.append(f"项目经费{topic_amount(t, lang)}")
        if t.contacts:
            parts.append(f"联系单位：{_contacts(t, lang)}")
        text = "，".join(parts) + (f"；需形成{reports}" if reports else "") + "。"
        if t.focus_quote:
            text += f"研究重点：{t.focus_quote}。"
    else:
        text = (f"{_name(t, lang)} is a {lv_en} ({lv_zh}) funded with {topic_amount(t, lang)}; contact: "
                f"{_contacts(t, lang)}" + (f"; deliverable: {reports}." if reports else "."))
    ids = _ids(t, t.title_quote, t.funding_quote, t.contact_quote, t.report_quote)
    return Draft(text, ids)


def topic_list(topics: list[Topic], facet: str | None, lang: str, heading: str, *,
               levels: Mapping[str, str] = MappingProxyType({})) -> Draft:
    lines, ids = [heading], []
    for t in topics:
        if facet in ("funding", "contact", "deliverable", "applicants"):
            d = topic_facet(t, facet, lang, levels=levels)
            lines.append(f"- {d.text}")
            ids.extend(d.passages[:1])
        else:
            lv_zh, lv_en = _level(t.level, levels)
            lines.append(
                f"- {t.label}：{t.title}（{lv_zh}，{topic_amount(t, lang)}）" if lang == "zh"
                # the official title too: it is the name to pick in the online system
                else f"- {t.label_en} ({t.label}“{t.title}”): {t.title_en} - {lv_en}, {topic_amount(t, lang)}"
            )
            ids.extend(_ids(t, t.title_quote))
    return Draft("\n".join(lines), ids)


def office_answer(office: str, corpus: Corpus, lang: str) -> Draft:
    """Every phone the notice gives for one office, each with what it is for."""
    lines, ids = [], []
    for fact in corpus.facts:
        if fact.intent == "contacts" and office in "".join(fact.quotes):
            lines.append(getattr(fact, lang))
            ids.extend(fact.passage_ids)
    titled = []
    for t in corpus.topics:
        for c in t.contacts:
            if c.office == office:
                # each topic by its title too: which topics an office looks after is asked of their subjects
                # ("成果处负责联系哪几个题"), and a label alone names none
                lines.append(
                    f"{_name(t, lang)}的联系单位为{office}：{c.phone}。" if lang == "zh"
                    else f"{office} is the contact for {_name(t, lang)}: {c.phone}."
                )
                ids.extend(_ids(t, t.contact_quote))
                titled.extend(_ids(t, t.title_quote))
    return Draft(("" if lang == "zh" else " ").join(dict.fromkeys(lines)), list(dict.fromkeys(ids + titled)))


def batch_windows(corpus: Corpus, fact: Fact | None) -> list[Fact]:
    """The other batches' windows of the kind `fact`'s is ("第二批网上填报" beside "第一批网上填报"): a call in
    batches has one each."""
    if not fact or not fact.window or (kind := batch_kind(fact.window.name_zh)) is None:
        return []
    return [f for f in corpus.facts if f is not fact and f.window and batch_kind(f.window.name_zh) == kind]


def eligibility_answer(e: Eligibility, lang: str, corpus: Corpus, stated_any: bool, today: dt.date | None = None,
                       about: Fact | None = None) -> Draft:
    """The verdict and its reasons; with nothing stated, who may apply, led by `about`, a condition of the notice's
    the question names that no profile field states ("退休返聘的老师可以当负责人吗": who may lead by employment)."""
    zh = lang == "zh"
    failed = [r for r in e.rules if r.passed is False]
    passed = [r for r in e.rules if r.passed is True]
    by_id = {r.id: r for r in corpus.rules}
    lines: list[str] = []
    if e.verdict == "ineligible":
        lines.append("结论：不符合申报条件，不能申报。" if zh else "Verdict: not eligible (ineligible) on the facts given.")
        for r in failed:
            quote = f"（通知原文：“{r.citation.text}”）" if zh else f' (notice: "{r.citation.text}")'
            lines.append(f"- ✗ {r.message}{quote}")
    elif e.verdict == "eligible":
        lines.append("结论：符合全部申报条件，可以申报。" if zh else "Verdict: eligible - every rule passes on the facts given.")
    else:
        if stated_any:
            lines.append("结论：根据目前信息，暂未发现不符合的条件，但还不能确定。" if zh else
                         "Verdict: unknown - nothing fails so far, but some facts are still missing.")
        else:
            leading = [about] if about else []
            for fact in [*leading, *(f for role in ("applicants", "leader_requirements")
                                     if (f := corpus.fact_by_role(role)) and f not in leading)]:
                lines.append(getattr(fact, lang))
                if not zh and fact.quotes:
                    # The notice's own words beside the translation, as every English fact answer has them.
                    lines.append(notice_words(fact.quotes))
            lines.append("请告诉我您的情况，我来逐条核对。" if zh else "Tell me about your situation and I will check each rule.")
    if about and stated_any and about.quotes:
        # the condition the question names, which no rule checks: said beside the verdict, in the notice's words
        # ("我们所里还没有成型的科研管理制度，能申报吗")
        lines.append(f"另需满足（通知原文）：“{about.quotes[0]}”" if zh else f'The notice also requires: "{about.quotes[0]}"'
                     + (f" ({about.en.rstrip('.')})" if about.en else ""))
    if passed and stated_any:
        lines.append(("已满足：" if zh else "Passed: ") + ("；" if zh else "; ").join(r.message.rstrip("。.") for r in passed))
    if e.verdict == "unknown" and stated_any:
        # a rule the stated facts leave undecided by what no profile field holds (an age between the limits the
        # notice sets for men and for women): what decides it, as the rule says
        # (a quota is that of the unit's kind: undecided while the kind is asked for)
        needs = {r.id: {*r.needs, *(["org_type"] if r.check == "below_quota" else [])} for r in corpus.rules}
        open_rules = [r.message for r in e.rules if r.passed is None and r.message and not needs.get(r.id, set()) & set(e.missing)]
        if open_rules:
            lines.append(("待定：" if zh else "Undecided: ") + ("；" if zh else "; ").join(m.rstrip("。.") for m in open_rules))
    if e.verdict != "eligible" and e.follow_up and stated_any:
        asks = [f.question for f in e.follow_up[:3]]
        lines.append(("还需确认：" if zh else "Still to confirm: ") + " ".join(asks))
    if stated_any and (passed or e.follow_up):
        # The rules the verdict rests on, in the notice's own words: those passed and those still
        # to confirm, beyond the three asked too ("要求年龄不超过60周岁" for a teacher who named only the
        # university); a failed rule is quoted beside its reason above.
        asked = {f.field for f in e.follow_up} if e.verdict != "eligible" else set()
        quotes = [by_id[r.id].quote for r in passed if r.id in by_id]
        quotes += [r.quote for r in corpus.rules if r.field in asked or asked & set(r.fields)]
        quotes = list(dict.fromkeys(quotes))
        if quotes:
            lines.append(("依据（通知原文）：" if zh else "Rules (the notice's words): ")
                         + ("；" if zh else "; ").join(f"“{q}”" for q in quotes))
    w = e.submission_window
    zh_status, en_status = STATUS[w.status]
    window_fact = corpus.fact_by_role("submission_window")
    name_zh, name_en = ((window_fact.window.name_zh, window_fact.window.name_en) if window_fact and window_fact.window
                        else ("申报", "submission"))
    said_zh = [f"{name_zh}时间{zh_date(w.opens)}—{zh_date(w.closes)}，目前{zh_status}"]
    said_en = [f"{name_en} {w.opens.isoformat()} to {w.closes.isoformat()} is {en_status}"]
    others = batch_windows(corpus, window_fact) if today else []
    if others and window_fact and window_fact.window and today:
        # (the verdict's window is the batch still to close; each batch is said by its own)
        fw = window_fact.window
        f_zh, f_en = STATUS[window_status(fw.opens, fw.closes, today)]
        said_zh = [f"{fw.name_zh}时间{zh_date(fw.opens)}—{zh_date(fw.closes)}，目前{f_zh}"]
        said_en = [f"{name_en} ({fw.name_zh}) {fw.opens.isoformat()} to {fw.closes.isoformat()} is {f_en}"]
    for other in others:
        # a call in batches: each batch's window, not the first one's as if it were the only one
        ow = other.window
        assert ow is not None and today is not None  # batch_windows gives facts with a window only, asked with a date
        o_zh, o_en = STATUS[window_status(ow.opens, ow.closes, today)]
        said_zh.append(f"{ow.name_zh}时间{zh_date(ow.opens)}—{zh_date(ow.closes)}，目前{o_zh}")
        said_en.append(f"{ow.name_en} ({ow.name_zh}) {ow.opens.isoformat()} to {ow.closes.isoformat()} is {o_en}")
    lines.append(f"另：{'；'.join(said_zh)}。" if zh else f"Note: {'; '.join(said_en)}.")
    # Cited: the rules that failed; else those the stated facts passed (the ones the asker spoke of), then, when
    # facts are still missing, the rules they would decide, in the order they are asked for (what the asker has
    # to check), then who may apply.
    order = {f.field: i for i, f in enumerate(e.follow_up)}
    rule_needs = {r.id: set(r.needs) for r in by_id.values()}
    undecided = sorted((r for r in e.rules if r.passed is None and rule_needs.get(r.id, set()) & order.keys()),
                       key=lambda r: min(order[f] for f in rule_needs[r.id] & order.keys()))
    ids = [r.citation.id for r in failed] or list(dict.fromkeys([
        *(r.citation.id for r in passed if stated_any),
        *(r.citation.id for r in undecided if stated_any),
        *(pid for role in ([about.role] if about and about.role and not stated_any else []) + ["applicants", "leader_requirements"]
          for pid in _role_passages(corpus, role)),
    ]))
    return Draft("\n".join(lines), ids)


def not_covered(corpus: Corpus, lang: str, unknown: list[str] | tuple[str, ...] = ()) -> Draft:
    """"Not covered", what the notice is about instead, and where to ask (its consultation line)."""
    contact = corpus.fact_by_role("contact_business")
    where_zh, where_en = (contact.zh, contact.en) if contact else ("", "")
    if lang == "zh":
        what = f"（{'、'.join(unknown)}）" if unknown else ""
        return Draft(f"抱歉，本通知中没有涉及这个问题{what}，我不能给出可靠答案。本助手只回答该通知涉及的申报条件、时间、经费、"
                     f"联系方式、材料、流程和课题。{where_zh}", [])
    what = f" ({', '.join(unknown)})" if unknown else ""
    return Draft(f"Sorry, the notice does not cover this{what}, so I cannot give a reliable answer. I answer only "
                 f"what the notice says about eligibility, dates, funding, contacts, materials, process and topics. "
                 f"{where_en}", [])


def greeting(lang: str, corpus: Corpus) -> Draft:
    if lang == "zh":
        return Draft(f"您好！我是“{corpus.title}”的申报助手，可以回答申报条件、时间、经费、联系电话、材料、流程和课题内容等问题，"
                     "例如：“申报截止时间是什么时候？”“各课题的联系电话？”“我是45岁的讲师，能申报吗？”")
    return Draft(f"Hello! I answer questions about the call \"{corpus.title}\": eligibility, dates, "
                 "funding, contacts, materials, process and topics. Try: \"When is the deadline?\"")
