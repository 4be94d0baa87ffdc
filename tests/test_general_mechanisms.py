"""Mechanisms of understanding and composing, each checked on phrasings written for this file
(not taken from any gold set): what the question is shaped like decides, not its wording."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from assistant.engine import Assistant
from assistant.models import Intent
from corpus import load_corpus, squash
from index.retriever import Hit
from index.tokenize import canonical

CORPUS = load_corpus()
FACTS = {f.id: f for f in CORPUS.facts}


def _phones(fact_id: str) -> list[str]:
    import re

    return re.findall(r"\d{8}", "".join(FACTS[fact_id].quotes))


def _website() -> str:
    """The application website, as the notice gives it (its host, read from the online-application fact's quote)."""
    m = re.search(r"https?://([\w.-]+)", "".join(FACTS["online_application"].quotes))
    assert m is not None
    return m.group(1)


def test_an_aspect_asked_with_a_general_predicate_gets_every_fact_of_that_kind(assistant: Assistant) -> None:
    answer = assistant.ask("申报程序是怎么样的？")
    assert answer.intent == Intent.PROCESS
    # Registration, the unit administrator's check and the district recommendation are all steps.
    for word in ("注册", "单位管理员", "审核推荐"):
        assert word in answer.answer, word


def test_each_item_under_a_shared_predicate_is_asked_with_it(assistant: Assistant) -> None:
    answer = assistant.ask("业务咨询和网络技术支持各打什么电话？")
    assert _phones("contact_business")[0] in answer.answer
    assert _phones("contact_tech")[0] in answer.answer


def test_a_bare_predicate_after_a_list_asks_about_the_list(assistant: Assistant) -> None:
    u = assistant.understander.understand("年龄、职称，分别有什么要求？")
    assert len(u.parts) == 2 and all(p.endswith("有什么要求") for p in u.parts)


def test_each_sentence_closed_by_a_question_mark_is_a_question(assistant: Assistant) -> None:
    # "多长" asks as "多少" does, and a sentence the asker ends with "？" asks whatever its words.
    u = assistant.understander.understand("几号开始报？项目周期多长？")
    assert len(u.parts) == 2
    answer = assistant.ask("几号开始报？项目周期多长？")
    window = next(f for f in assistant.corpus.facts if f.window)
    assert window.window is not None and f"{window.window.opens.month}月{window.window.opens.day}日" in answer.answer
    assert "一年" in answer.answer
    # Stated facts closed by commas stay facts: one question.
    assert len(assistant.understander.understand("我是讲师，今年48岁，能报吗？").parts) == 1


def test_an_english_pair_is_two_questions(assistant: Assistant) -> None:
    u = assistant.understander.understand("When are the submission deadline and the completion deadline?")
    assert len(u.parts) == 2


def test_a_topic_named_in_a_guess_is_not_the_subject(assistant: Assistant) -> None:
    # The description (Beijing, Shenzhen, Hangzhou) belongs to the proof-of-concept sub-topic, not the
    # finance one the asker guesses.
    answer = assistant.ask("要研究北京、深圳、杭州概念验证平台建设模式的，是科创金融那个子课题吧？")
    assert "北京、深圳、杭州" in answer.answer
    assert "科创金融" not in answer.answer.split("：")[0]


def test_the_asked_part_decides_scope_when_the_asker_states_facts(assistant: Assistant) -> None:
    answer = assistant.ask("我50岁，在郑州大学当教授，想问项目经费要不要交个人所得税？")
    assert answer.intent == Intent.OUT_OF_SCOPE


def test_an_english_word_between_chinese_characters_is_understood(assistant: Assistant) -> None:
    u = assistant.understander.understand("申报用的portal在哪？")
    assert u.attribute == "url"
    assert "http" in assistant.ask("申报用的portal在哪？").answer


def test_a_leader_applying_already_is_read_with_words_between(assistant: Assistant) -> None:
    answer = assistant.ask("我今年已经作为主持人报了一个项目，还能再报吗？")
    assert answer.eligibility is not None and answer.eligibility.verdict == "ineligible"


def test_a_topic_is_described_with_the_level_names_of_the_served_corpus() -> None:
    from assistant.compose import topic_overview

    topic = next(t for t in CORPUS.topics if t.level == "major")
    assert "重大专项" in topic_overview(topic, "zh", levels={"major": "重大专项"}).text
    assert CORPUS.levels["major"] in topic_overview(topic, "zh", levels=CORPUS.levels).text


def test_a_malfunction_reported_is_a_question_for_technical_support(assistant: Assistant) -> None:
    for question in ("提交的时候页面报错了，该问谁？", "The website is down, who can help?"):
        answer = assistant.ask(question)
        assert _phones("contact_tech")[0] in answer.answer, question
        assert not answer.answer.startswith("通知原文"), question  # no topic's sentence leads


def test_a_topic_named_before_a_second_sentence_carries_over(assistant: Assistant) -> None:
    topic = next(t for t in CORPUS.topics if t.parent and t.reports)
    answer = assistant.ask(f"{topic.label}经费多少？联系电话呢？")
    assert f"{topic.funding_text}万元" in answer.answer
    assert topic.contacts[0].phone in answer.answer


def test_a_section_asked_as_a_whole_is_laid_out_as_the_notice_numbers_it(assistant: Assistant) -> None:
    from assistant.sections import Outline

    outline = Outline(CORPUS)
    section = next(s for s in outline.sections if len(s.parts) >= 4)
    answer = assistant.ask(f"{section.label}一共有哪几条？").answer
    for part in section.parts:
        label = part.heading.split(" ")[-1].lstrip("0123456789.、()（）一二三四五六七八九十")
        assert label in answer, (label, answer[:200])
    # A section named beside a value asked is not laid out whole.
    assert outline.asked(f"{section.label}里的截止时间") is None


def test_an_office_or_amount_guessed_is_the_askers_hypothesis(assistant: Assistant) -> None:
    import re

    # The guessed office (named by the tail of its name) is not the subject: the described need is.
    answer = assistant.ask("网络系统技术支持是不是也找法规处？").answer
    assert _phones("contact_tech")[0] in answer and _phones("contact_business")[0] not in answer
    # A guessed amount asks for the amount of the level named, not for how many projects it has.
    major = next(q for q in FACTS["funding_levels"].quotes if CORPUS.levels["major"] in q)
    amount = re.search(r"\d+(?:\.\d+)?\s*万元", major).group().replace(" ", "")
    answer = assistant.ask(f"{CORPUS.levels['major']}一共几项，那每项是1万吗？").answer
    assert amount in answer.replace(" ", ""), answer[:200]


def test_a_new_attribute_alone_asks_it_of_the_previous_subject(assistant: Assistant) -> None:
    office = FACTS["contact_macro"].quotes[0].split("：")[0]
    sid = "gen-attribute-follow-up"
    first = assistant.ask("宏观指导方面的问题找哪个处？", session_id=sid)
    assert office in first.answer
    second = assistant.ask("号码呢？", session_id=sid)
    assert _phones("contact_macro")[0] in second.answer and second.intent == Intent.CONTACTS


def test_what_follows_a_step_is_the_notices_next_clause(assistant: Assistant) -> None:
    import re

    # The quote of a fact that lists steps: each clause after the first follows the one before.
    quote = next(q for f in CORPUS.facts if f.intent == "process" for q in f.quotes if "上传附件" in q)
    clauses = [c for c in re.split(r"[，,；;。]", quote) if c]
    step = next(i for i, c in enumerate(clauses) if "上传附件" in c)
    answer = assistant.ask("上传完附件以后还要做什么？").answer
    assert answer.startswith(f"通知原文：“{clauses[step + 1]}”"), answer[:120]
    # "最后" is not "after": a question about the last blank of a template is not a step question.
    assert not assistant.understander.understand("信用承诺书模板最后要谁签字？").after


def test_two_alternatives_are_both_asked(assistant: Assistant) -> None:
    u = assistant.understander.understand("申报是线上还是线下？")
    assert u.parts == ["申报是线上吗", "申报是线下吗"]
    # "还是" meaning "still" is not an alternative.
    assert len(assistant.understander.understand("截止以后还是要交纸质材料吗？").parts) == 1


def test_a_negation_reaches_over_a_short_list_of_facts() -> None:
    from assistant.extract import extract_profile
    from index.tokenize import canonical

    profile = extract_profile(canonical("我和学校都没有失信和黑名单记录"))
    assert profile.credit_blacklisted is False and profile.serious_misconduct_in_penalty is False
    assert extract_profile(canonical("我有失信记录和黑名单")).credit_blacklisted is True
    # Secret data is classified content, whatever noun follows ("保密数据", "保密资料").
    assert extract_profile(canonical("课题里有保密数据，没法脱密")).classified_content is True
    assert extract_profile(canonical("数据已脱密")).classified_content is False
    # A city project denied is not one: "不是市里的，是省里的".
    assert extract_profile(canonical("有个项目逾期没结题，但不是市里的，是省里的项目")).overdue_city_project is False
    assert extract_profile(canonical("有个市里的项目逾期没结题")).overdue_city_project is True


def test_colloquial_ages_and_counts_are_read() -> None:
    from assistant.extract import extract_profile
    from index.tokenize import canonical

    assert extract_profile(canonical("俺63了，还能当负责人报不？")).age == 63
    # Applying for this one only: no other application this year.
    assert extract_profile(canonical("我今年就报这一个项目")).applications_this_year == 0
    assert extract_profile("i will only submit this one application").applications_this_year == 0
    assert extract_profile(canonical("我们学院今年已经报俩了")).org_quota_used == 2


def test_an_english_description_names_a_topic_and_a_general_question_names_none(assistant: Assistant) -> None:
    from index.tokenize import canonical

    concept = next(t for t in CORPUS.topics if "concept" in t.title_en.lower())
    resolve = assistant.understander.topics.resolve
    assert resolve(canonical("What is the contact phone for the concept verification platform sub-topic?")) == [concept.id]
    assert resolve(canonical("I'm 64 and work at a research institute in Zhengzhou. Can I lead a project?")) == []
    answer = assistant.ask("What is the contact phone for the concept verification platform sub-topic?")
    assert concept.contacts[0].phone in answer.answer


def test_the_rule_half_known_from_what_was_said_is_asked_about_first(assistant: Assistant) -> None:
    import datetime as dt

    from assistant.models import Profile

    result = assistant.check(Profile(project_level="major", age=50, org_type="university"), dt.date(2024, 9, 10))
    assert result.verdict == "unknown"
    assert {f.field for f in result.follow_up[:2]} == {"title", "degree"}, [f.field for f in result.follow_up]


def test_the_capacity_one_applies_in_may_stand_between_modal_and_verb(assistant: Assistant) -> None:
    answer = assistant.ask("我已经作为负责人报了一个子课题，还能再以负责人身份报另一个重点项目吗？")
    assert answer.eligibility is not None and answer.eligibility.verdict == "ineligible"
    assert "one_per_leader" in [r.id for r in answer.eligibility.rules if r.passed is False]


def test_a_step_done_and_what_next_asked_is_a_next_step_question(assistant: Assistant) -> None:
    u = assistant.understander.understand("申报书填完了，附件也传好了，接下来该怎么走？")
    assert u.after and "传好" in u.after


def test_how_long_asks_for_a_length_of_time_not_a_date(assistant: Assistant) -> None:
    from assistant.rank import fact_attributes

    lasting = [f for f in CORPUS.facts if "duration" in fact_attributes(f)]
    assert lasting and all(f.window is None for f in lasting)
    answer = assistant.ask("这类课题从立项到做完一般给多长时间？")
    assert answer.answer.startswith(lasting[0].zh[:12]), answer.answer[:80]
    assert assistant.understander.understand("离系统关闭还有多久截止？").attribute == "date"


def test_counts_planned_in_all_and_stated_in_english_are_read() -> None:
    from assistant.extract import extract_profile
    from index.tokenize import canonical

    # Planning three in all means two besides the one asked about; "already three" means three.
    assert extract_profile(canonical("我们研究院打算今年报三个项目")).org_quota_used == 2
    assert extract_profile(canonical("我们学校已经推荐了三项")).org_quota_used == 3
    assert extract_profile(canonical("Our institute has already recommended three projects")).org_quota_used == 3


def test_an_ended_penalty_and_a_provincial_overdue_project_break_no_rule() -> None:
    from assistant.extract import extract_profile
    from index.tokenize import canonical

    assert extract_profile(canonical("我的科研失信惩戒期前年就已经满了")).serious_misconduct_in_penalty is False
    assert extract_profile(canonical("我有个国家社科基金项目逾期还没结题")).overdue_city_project is False
    assert extract_profile(canonical("我有个市科技计划项目逾期没结题")).overdue_city_project is True
    assert extract_profile(canonical("我去年那个市里的项目过了结题期限还没结")).overdue_city_project is True


def test_still_after_a_condition_asks_about_the_condition_not_the_window(assistant: Assistant) -> None:
    u = assistant.understander.understand("信用方面有过问题的还能报吗？")
    assert not u.status and "信用" in u.focus and "还能" not in u.focus
    assert assistant.understander.understand("现在还能报吗？").status
    answer = assistant.ask("信用方面有过问题的还能报吗？")
    assert answer.intent != Intent.DATES and "黑名单" in answer.answer


def test_a_verdict_cites_the_rules_the_stated_facts_passed(assistant: Assistant) -> None:
    answer = assistant.ask("我们单位有个项目逾期没结题，但不是市里的，是省里的项目，我能报吗？")
    assert answer.eligibility is not None
    passed = [r for r in answer.eligibility.rules if r.passed is True]
    assert passed and passed[0].citation.id in [c.id for c in answer.citations[:3]]


def test_an_english_may_we_add_one_more_gets_the_quota_verdict(assistant: Assistant) -> None:
    answer = assistant.ask("We are a university in Zhengzhou and have already put forward five projects. Can we add one more?")
    assert answer.eligibility is not None and answer.eligibility.verdict == "ineligible"
    assert any(r.passed is False and r.id == "org_quota" for r in answer.eligibility.rules)


def test_a_core_question_in_words_the_notice_lacks_gets_the_facts_of_its_kind(assistant: Assistant) -> None:
    # "报名" is not a word of the notice; the model is sure it asks about the process.
    answer = assistant.ask("请问该如何报名呀？")
    assert answer.intent == Intent.PROCESS, answer.answer[:80]
    process = [f for f in CORPUS.facts if f.intent == "process"]
    assert any(f.zh[:10] in answer.answer for f in process)


def test_words_every_clause_shares_name_no_step(assistant: Assistant) -> None:
    # "项目报上去": "项目" and "报" (and the direction "上去") name no clause of the notice.
    assert assistant.quotes.next_step("项目报上去") is None
    assert assistant.quotes.next_step("上传完附件") is not None


def test_two_named_districts_and_english_municipal_funding_are_read() -> None:
    from assistant.extract import extract_profile
    from index.tokenize import canonical

    text = "我们所打算同时让中原区和二七区这两家区级科技主管部门都推荐"
    assert extract_profile(canonical(text)).recommending_departments == 2
    text = "This study already received municipal funding in 2023; may we apply again?"
    assert extract_profile(canonical(text)).already_city_funded is True


def test_a_clause_in_the_questions_own_words_settles_a_yes_no_question(assistant: Assistant) -> None:
    # "注册过" is the notice's wording of one clause only; the answer leads with that clause verbatim.
    answer = assistant.ask("账号早在系统里注册过了，这次是否需要重新注册？")
    first = answer.answer.splitlines()[0]
    assert first.startswith("通知原文") and "注册过" in first, first
    quoted = first.split("“")[1].split("”")[0]
    assert any(quoted in c.text.replace(" ", "") for c in answer.citations[:1]), answer.citations[:1]


def test_words_the_notice_never_uses_are_counted_for_the_kind_model(assistant: Assistant) -> None:
    novel = assistant._novel_words("这个项目在学校算横向还是纵向啊？")
    assert "横向" in novel and "纵向" in novel
    assert "项目" not in novel  # the notice's own word
    assert not assistant._novel_words("申报对象有哪些？")
    with assistant.features_seen() as seen:
        assistant.ask("这个项目在学校算横向还是纵向啊？")
    assert any(f.startswith("novel:") and f != "novel:0" for f in seen[0])


def test_a_sure_kind_of_question_outweighs_a_fact_that_only_shares_words(assistant: Assistant) -> None:
    # "提交" and "网上" are words of the dated submission sentences too; the question asks who submits.
    answer = assistant.ask("网上填好以后，是我自己提交还是单位统一提交？")
    assert answer.intent == Intent.PROCESS
    first = answer.answer.splitlines()[0]
    assert "单位管理员审核" in answer.answer and "拥堵" not in first


@pytest.mark.parametrize("question", ["项目经费管理依据的是哪个文件？", "《郑州市软科学研究计划管理办法》的文号是多少？"])
def test_a_question_for_a_regulation_is_answered_with_its_title_and_number(assistant: Assistant, question: str) -> None:
    from assistant.understand import asked_attribute

    assert asked_attribute(canonical(question)) == "document"
    answer = assistant.ask(question)
    assert answer.intent != Intent.OUT_OF_SCOPE and re.search(r"〔\d{4}〕\d+号", answer.answer)


def test_a_regulation_is_asked_in_english_and_not_by_materials_or_rules_questions() -> None:
    from assistant.understand import asked_attribute

    assert asked_attribute("which regulation governs the funding?") == "document"
    assert asked_attribute("what is the document number of the funding rules?") == "document"
    assert asked_attribute("需要提交什么文件") != "document"
    assert asked_attribute("有哪些禁止性规定") != "document"


def test_a_sure_core_kind_with_only_other_kinds_found_answers_with_that_kind(assistant: Assistant) -> None:
    # "规定" shares a word with a process sentence ("在规定时间内…审核推荐"); the question asks for the rules.
    answer = assistant.ask("申报有哪些禁止性规定？")
    said = [f.id for f in CORPUS.facts if f.intent == "rules" and f.zh[:12] in answer.answer]
    assert answer.intent == Intent.RULES and len(said) >= 3


def test_a_guess_going_on_in_a_second_clause_is_still_the_askers_hypothesis(assistant: Assistant) -> None:
    business, tech = _phones("contact_business"), _phones("contact_tech")
    u = assistant.understander.understand(f"网络系统技术支持是法规处负责吧，电话{business[-1]}？")
    assert u.focus == "网络系统技术支持"
    answer = assistant.ask(f"网络系统技术支持是法规处负责吧，电话{business[-1]}？")
    assert answer.answer.index(tech[0]) < (answer.answer.index(business[-1]) if business[-1] in answer.answer
                                           else len(answer.answer))


def test_still_allowed_after_a_stated_fact_asks_for_the_verdict_not_the_window(assistant: Assistant) -> None:
    # "还让报不" after a stated fact: may one apply despite it, not "is the window still open".
    u = assistant.understander.understand("我手上有个市里的项目一直没结题，今年还让报不？")
    assert u.conditioned and not u.status
    answer = assistant.ask("我手上有个市里的项目一直没结题，今年还让报不？")
    assert answer.eligibility is not None and answer.eligibility.verdict == "ineligible"
    needing = {r.id for r in CORPUS.rules if "overdue_city_project" in r.needs}
    assert any(r.passed is False and r.id in needing for r in answer.eligibility.rules)


def test_words_introducing_the_question_separate_it_from_the_askers_facts(assistant: Assistant) -> None:
    # After "想问", a question about something else gets its answer (the verdict follows it) ...
    answer = assistant.ask("我在郑州一所高校做科研管理，48岁，想问申报单位要有什么样的科研管理制度？")
    management = FACTS["management_system"].zh[:10]
    assert answer.answer.startswith(management)
    # ... one the notice is silent on is not covered ...
    answer = assistant.ask("我是郑州一所高校的副教授，50岁，想问报软科学能不能折算成学校的科研工作量？")
    assert answer.intent == Intent.OUT_OF_SCOPE
    # ... and one asking whether one may apply still gets the verdict.
    answer = assistant.ask("我是郑州一所高校的副教授，50岁，想问我能不能报重大项目？")
    assert answer.intent == Intent.ELIGIBILITY and answer.eligibility is not None


def test_a_level_named_beside_a_named_topic_asks_its_level(assistant: Assistant) -> None:
    sub = next(t for t in CORPUS.topics if t.parent)  # a sub-topic: its level is its parent's children's
    level_name = CORPUS.levels[sub.level]
    other = next(name for key, name in CORPUS.levels.items() if key != sub.level)
    answer = assistant.ask(f"{sub.aliases[0]}那个子课题算{other}吧？")
    assert f"属于{level_name}" in answer.answer.splitlines()[0]


def test_a_named_level_narrows_its_fact_but_keeps_the_other_facts_chosen(assistant: Assistant) -> None:
    # The sub-topics' level is the answer here, beside the named (major) level's amount.
    sub_level = CORPUS.levels[next(t for t in CORPUS.topics if t.parent).level]
    answer = assistant.ask("子课题的经费也含在重大项目那笔钱里面吗？")
    assert f"子课题为{sub_level}" in answer.answer


def test_a_group_after_except_is_left_out_of_the_list(assistant: Assistant) -> None:
    sub_level = next(t for t in CORPUS.topics if t.parent).level
    parents = {t.parent for t in CORPUS.topics if t.parent}
    others = [t for t in CORPUS.topics if t.level == sub_level and not t.parent and t.id not in parents]
    answer = assistant.ask(f"{CORPUS.levels[sub_level]}里面除了子课题以外，剩下的是哪几个？")
    assert all(t.title in answer.answer for t in others)
    assert not any(t.title in answer.answer for t in CORPUS.topics if t.parent)


def test_a_value_asked_of_a_named_topic_is_its_facet(assistant: Assistant) -> None:
    topic = next(t for t in CORPUS.topics if t.parent)
    answer = assistant.ask(f"搞{topic.aliases[0]}那个子课题能拿多少？")
    assert topic.funding_wan is not None
    assert f"{topic.funding_wan:g}万元" in answer.answer.splitlines()[0]


def test_the_units_count_and_the_leaders_own_count_are_both_read() -> None:
    from assistant.extract import extract_profile

    p = extract_profile(canonical("院里已经上报了1个，我本人今年就报这一个，能行吗"))
    assert (p.org_quota_used, p.applications_this_year) == (1, 0)
    assert extract_profile(canonical("所里的名额已经报满两个了，我还想报")).org_quota_used == 2


def test_each_district_with_its_own_submission_is_two_recommenders() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("我们想在郑东新区报一项，二七区也推荐一项可以吗")).recommending_departments == 2
    assert extract_profile(canonical("我们在郑东新区报一项可以吗")).recommending_departments is None


def test_a_good_credit_record_denies_the_blacklist() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("学校信用记录良好")).credit_blacklisted is False
    assert extract_profile(canonical("我们单位被列入了黑名单")).credit_blacklisted is True


def test_a_stated_limit_is_a_rule_question_not_a_may_i_question(assistant: Assistant) -> None:
    answer = assistant.ask("听说今年高校只能报两项吧？")
    assert answer.intent == Intent.RULES
    assert answer.eligibility is None
    assert "限报" in answer.answer


def test_a_question_asked_after_the_verdict_question_is_answered_too(assistant: Assistant) -> None:
    answer = assistant.ask("我是郑州一所高校的讲师，45岁，想报重点项目。我能报吗？还有申报书要在哪个系统填？")
    assert answer.eligibility is not None
    assert "郑州市科技业务管理系统" in answer.answer


def test_a_may_i_question_stating_nothing_of_the_asker_follows_the_sure_kind(assistant: Assistant) -> None:
    answer = assistant.ask("我们在系统里把账号注册好了，是不是立刻就可以申报了？")
    assert answer.intent == Intent.PROCESS and answer.eligibility is None
    assert "审核通过后方可进行申报" in answer.answer


def test_a_tag_question_asks_about_the_statement_before_it(assistant: Assistant) -> None:
    # The statement names a capacity ("以个人名义"), which reads as a fact of the asker; the tag alone
    # ("是不是？") is no question to rank on.
    u = assistant.understander.understand("包干制承诺书是单位以个人名义代签的，是不是？")
    assert "承诺书" in u.focus


def test_a_call_for_proposals_is_not_a_phone_question_and_an_aside_glosses_a_word(assistant: Assistant) -> None:
    from assistant.understand import asked_attribute

    u = assistant.understander.understand("which topics are in the 2024 call for proposals?")
    assert u.attribute is None
    assert asked_attribute("what number should we call about the system?") == "phone"
    assert asked_attribute("what is the number of key projects?") == "count"
    answer = assistant.ask("Which are the key (important) projects of this year's call?")
    # Each listed topic carries its official Chinese title, the name to pick in the online system.
    for t in CORPUS.topics:
        if t.level == "key":
            assert t.title in answer.answer


def test_facet_words_inside_a_topic_name_do_not_ask_for_that_facet(assistant: Assistant) -> None:
    # Both topic names below hold 成果, a word that otherwise asks for the deliverable.
    for question in ("职务科技成果赋权改革那个课题，要去调研哪些方面的现状？",
                     "打通科技成果转化关键链条那个子课题，要借鉴哪些城市的做法？"):
        answer = assistant.ask(question)
        assert answer.intent == Intent.TOPICS
        assert not answer.answer.splitlines()[0].count("需形成"), answer.answer


def test_an_overview_question_with_no_fact_found_gets_the_likeliest_aspect(assistant: Assistant) -> None:
    import assistant.engine as engine

    answer = assistant.ask("有什么要求？")
    assert answer.intent != Intent.OUT_OF_SCOPE
    assert answer.citations and "申报要求" in answer.citations[0].section  # the requirements, whichever kind
    engine.OVERVIEW_LIKELIEST = False
    try:  # the switch is what answers it: without it the question is refused
        assert assistant.explain("有什么要求？")[0].intent == Intent.OUT_OF_SCOPE
    finally:
        engine.OVERVIEW_LIKELIEST = True


def test_a_proposed_free_hand_is_answered_by_the_obligation_that_bounds_it(assistant: Assistant) -> None:
    answer = assistant.ask("包干了以后经费是不是想怎么用就怎么用？")
    first = answer.answer.splitlines()[0]
    assert first.startswith("通知原文") and "负责" in first, answer.answer


def test_still_needed_later_on_a_named_thing_is_no_next_step_question(assistant: Assistant) -> None:
    assert not assistant.understander.understand("公示以后还要寄纸质申报书吗？").after
    assert assistant.understander.understand("单位管理员审核完以后还要做什么？").after is not None


def test_a_sure_core_kind_asked_how_with_only_other_kinds_found_answers_with_that_kind(assistant: Assistant) -> None:
    answer = assistant.ask("这个项目怎么报名？")
    assert answer.intent == Intent.PROCESS
    assert "郑州市科技业务管理系统" in answer.answer


def test_a_programme_named_only_by_a_demonstrative_is_this_one(assistant: Assistant) -> None:
    assert assistant.understander.understand("这个计划的项目什么时候截止？").foreign == []
    assert assistant.understander.understand("省重点研发计划什么时候截止？").foreign != []


def test_a_who_question_on_a_form_leads_with_the_blank_that_names_the_signer(assistant: Assistant) -> None:
    answer = assistant.ask("承诺书谁签字盖章？")
    assert answer.answer.splitlines()[0].startswith("通知原文") and "法定代表人签字" in answer.answer.splitlines()[0]


def test_english_may_someone_lead_gets_a_verdict_and_an_age_limit_question_the_rule(assistant: Assistant) -> None:
    answer = assistant.ask("Could a 63-year-old researcher be the project leader?")
    assert answer.eligibility is not None and answer.eligibility.verdict == "ineligible"
    answer = assistant.ask("What is the age limit for the leader?")
    assert answer.intent != Intent.OUT_OF_SCOPE and "60" in answer.answer


def test_an_aspect_the_notice_is_silent_on_puts_only_its_own_part_out_of_scope(assistant: Assistant) -> None:
    answer = assistant.ask("网上申报几号截止？申报书的页数有限制吗？")
    assert answer.intent == Intent.DATES
    assert "关于“申报书的页数有限制吗”" in answer.answer
    # a place the notice does not know still puts the whole question out of scope
    assert assistant.ask("洛阳的软科学几号截止？经费多少？").intent == Intent.OUT_OF_SCOPE


def test_someone_elses_application_is_not_the_askers_own() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("听说已经有别人报了这个课题，我也想报")).applications_this_year is None
    assert extract_profile(canonical("我已经报了一个")).applications_this_year == 1


def test_each_of_a_group_of_topics_asked_lists_them_with_the_asked_facet(assistant: Assistant) -> None:
    answer = assistant.ask("各子课题的联系处室是哪个？")
    subtopics = [t for t in CORPUS.topics if t.parent]
    assert all(t.contacts[0].phone in answer.answer for t in subtopics)


def test_a_part_naming_nothing_is_asked_of_the_part_before_it(assistant: Assistant) -> None:
    answer = assistant.ask("子课题一共多少个？都找哪个处？")
    subtopics = [t for t in CORPUS.topics if t.parent]
    assert all(t.contacts[0].phone in answer.answer for t in subtopics)


def test_a_city_the_notice_names_as_a_reference_is_foreign_when_its_own_call_is_asked(assistant: Assistant) -> None:
    cited = [c for c in ("深圳", "杭州", "成都", "合肥", "北京") if c in assistant.understander.notice]
    assert cited
    city = cited[0]
    assert assistant.understander.understand(f"{city}市的软科学项目几号截止？").foreign == [city]
    assert assistant.understander.understand(f"哪个课题要借鉴{city}的经验？").foreign == []


def test_not_on_the_credit_blacklist_and_applying_as_a_unit_are_read() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("学校和我都没上过信用黑名单")).credit_blacklisted is False
    from assistant import vocabulary as V

    assert V.ASK_ELIGIBLE_ZH.search(canonical("我们中心能作为独立的申报单位来报吗？"))


def test_who_asked_of_a_named_topic_is_its_contact(assistant: Assistant) -> None:
    topic = next(t for t in CORPUS.topics if "人才评价" in t.title)
    answer = assistant.ask("科技人才评价那个子课题由谁对接？")
    assert topic.contacts[0].phone in answer.answer


def test_two_english_questions_joined_by_and_are_both_answered(assistant: Assistant) -> None:
    u = assistant.understander.understand("Who may apply, and how much money does a major project get?")
    assert len(u.parts) == 2
    # a second question referring back to the first is not split off
    assert len(assistant.understander.understand("Is there a pledge template, and what is its title?").parts) == 1


# ---------------------------------------------------------------- round 7


def _window_day(assistant: Assistant, end: bool) -> str:
    window = next(f for f in assistant.corpus.facts if f.window).window
    assert window is not None
    day = window.closes if end else window.opens
    return f"{day.month}月{day.day}日"


def test_a_common_phrase_is_no_typo_of_a_word_the_notice_says_once(assistant: Assistant) -> None:
    _, corrections = assistant.understander.speller.correct(canonical("结题报告写不完能延期吗"))
    assert all(c.typed != "不完" for c in corrections)
    # a long word of the notice still corrects a slip in one of its characters
    _, corrections = assistant.understander.speller.correct(canonical("分校区没有独立法仁资格"))
    assert [c.corrected for c in corrections] == ["独立法人"]


def test_an_amount_the_asker_names_asks_the_amount(assistant: Assistant) -> None:
    answer = assistant.ask("重点项目每项给10万吧？我们打算照这个数安排人手")
    assert "6万元" in answer.answer
    assert assistant.understander.understand("重点项目每项给10万吧？我们打算照这个数安排人手").attribute == "amount"


def test_a_bare_sub_question_after_a_distributed_list_asks_of_every_item(assistant: Assistant) -> None:
    answer = assistant.ask("重大项目和重点项目各有几项？每项分别资助多少？")
    assert "20万元" in answer.answer and "6万元" in answer.answer


def test_a_short_follow_up_naming_nothing_asks_of_the_previous_question(assistant: Assistant) -> None:
    assistant.ask("网上填报几号开始？", session_id="r7-bare")
    answer = assistant.ask("到哪天停？", session_id="r7-bare")
    assert answer.intent != Intent.OUT_OF_SCOPE
    assert _window_day(assistant, end=True) in answer.answer
    # a short question of its own, in words the notice does not use, is not a follow-up
    assistant.ask("网上填报几号开始？", session_id="r7-bare-2")
    assert assistant.ask("明天天气怎么样？", session_id="r7-bare-2").intent == Intent.OUT_OF_SCOPE


def test_a_topic_named_by_its_place_within_a_level() -> None:
    from assistant.topics import TopicResolver

    resolver = TopicResolver(CORPUS.topics)
    key = [t.id for t in CORPUS.topics if t.level == "key" and not t.parent]
    subs = [t.id for t in CORPUS.topics if t.parent]
    assert resolver.resolve("重点课题里的第二个研究什么") == [key[1]]
    assert resolver.resolve("子课题中第4个找谁") == [subs[3]]


def test_a_stated_fact_failing_a_rule_is_what_a_consequence_question_asks(assistant: Assistant) -> None:
    overdue = CORPUS.fact_by_role("overdue_projects")
    assert overdue is not None
    answer = assistant.ask("手头一个市里资助的科技项目逾期还没结题，对申报软科学有影响吗？")
    assert answer.answer.splitlines()[1].startswith(overdue.zh)
    # "软科学会" is no 学会 (a social organisation) of the asker's
    from assistant.extract import extract_profile

    assert extract_profile(canonical("这次报软科学会受影响吗")).org_type is None


def test_a_call_of_another_level_of_government_is_foreign(assistant: Assistant) -> None:
    understand = assistant.understander.understand
    assert understand("省里的软科学计划几号截止？").foreign
    assert understand("Is the national soft science programme open now?").foreign
    assert understand("区科技部门几号审核推荐？").foreign == []


def _quoted(role: str, pattern: str) -> str:
    """The first value matching `pattern` in the quotes of the fact playing `role`, spaces removed."""
    fact = CORPUS.fact_by_role(role)
    assert fact is not None
    found = re.search(pattern, "".join(fact.quotes))
    assert found
    return found.group().replace(" ", "")


def test_what_follows_a_step_is_looked_for_in_the_procedure_only(assistant: Assistant) -> None:
    day = _quoted("completion_deadline", r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
    answer = assistant.ask("立项以后最晚什么时候完成？")
    assert day in answer.answer
    assert "多头申报" not in answer.answer


def test_a_question_about_the_programme_itself_is_answered_with_what_it_is(assistant: Assistant) -> None:
    answer = assistant.ask("这个计划是做什么的？")
    assert answer.intent == Intent.OTHER
    assert CORPUS.meta.programme in answer.answer.replace(" ", "")
    assert "决策参考" in answer.answer
    assert not assistant.understander.about_programme(canonical("软科学项目几号截止"))


def test_an_english_unit_count_may_describe_its_projects() -> None:
    from assistant.extract import extract_profile

    profile = extract_profile(canonical("Our institute has already put forward 2 key research projects"))
    assert profile.org_quota_used == 2


def _pledge_clause(n: int) -> str:
    return next(p.text for p in CORPUS.passages if p.section.startswith("附件2") and p.text.startswith(f"{n}."))


def test_a_question_inside_a_form_leads_with_the_clause_that_answers_it(assistant: Assistant) -> None:
    # by the clause's number
    answer = assistant.ask("信用承诺书第四条讲的是啥？")
    assert answer.answer.splitlines()[0].endswith(f"“{_pledge_clause(4)}”")
    # by its words, a paraphrase voting with the dense ranking ("换了负责人" for "负责人变更")
    answer = assistant.ask("按承诺书模板，项目中途换了负责人的话单位要做什么？")
    assert _pledge_clause(4) in answer.answer.splitlines()[0]
    # another document the notice names with the same word is not the form
    understand = assistant.understander.understand
    assert understand("“包干制”承诺书里要写些什么？").document == ""
    assert understand("信用承诺书上传前盖不盖章？").document == ""


def test_a_why_question_leads_with_the_purpose_the_notice_states(assistant: Assistant) -> None:
    answer = assistant.ask("通知为什么让大家别都等到最后才去提交？")
    assert answer.answer.splitlines()[0].startswith("通知原文：“为避免")
    assert assistant.understander.understand("为啥这么规定？").attribute == "why"


def test_an_english_topic_description_meets_its_title_in_another_word_form(assistant: Assistant) -> None:
    talent = next(t for t in CORPUS.topics if "人才评价" in t.title)
    resolve = assistant.understander.topics.resolve
    # "evaluating" meets "evaluation", a sub-project is a topic, and "talent", which only the guide's
    # aims also say, still names one
    assert resolve(canonical("Which office handles the sub-project on evaluating talent?")) == [talent.id]


def test_another_body_inside_the_askers_guess_is_corrected_not_refused(assistant: Assistant) -> None:
    url = _quoted("online_application", r"https?://[^\s）)>]+")
    answer = assistant.ask("网上填报的入口是在省科技厅的网站上吧？")
    assert answer.intent != Intent.OUT_OF_SCOPE
    assert url.rstrip("/") in answer.answer
    # asking about the other body's own call is still out of scope
    assert assistant.ask("省科技厅的软科学什么时候申报？").intent == Intent.OUT_OF_SCOPE


def test_the_programme_with_a_guess_of_who_runs_it_is_described(assistant: Assistant) -> None:
    answer = assistant.ask("这个是国家科技部的软科学项目吧？")
    assert answer.intent == Intent.OTHER
    assert CORPUS.meta.issuer in answer.answer


def test_who_signs_a_form_named_by_its_title_leads_with_its_signature_blank(assistant: Assistant) -> None:
    blank = next(p.text for p in CORPUS.passages if p.section.startswith("附件2") and "签字" in p.text)
    answer = assistant.ask("单位那份信用承诺书，由课题负责人签名就可以吗？")
    assert blank in answer.answer.splitlines()[0]
    # whether to stamp before uploading is a step of the materials, not the form's blank
    assert blank not in assistant.ask("信用承诺书上传前需要盖章吗？").answer.splitlines()[0]


def test_english_submissions_through_two_bureaus_are_read() -> None:
    from assistant.extract import extract_profile

    profile = extract_profile(canonical("Could we go through both the Jinshui district bureau and the high-tech zone bureau?"))
    assert profile.recommending_departments == 2


def test_a_person_himself_is_not_the_asker() -> None:
    from assistant import vocabulary as V

    assert not V.speaks_of_self(canonical("承诺书由课题负责人本人签名吗"))
    assert V.speaks_of_self(canonical("本人今年48岁，能报吗"))


def test_english_word_forms_meet() -> None:
    from index.tokenize import words

    assert words("evaluating") == words("evaluation")
    assert words("incubators") == words("incubation")
    # "responsibility" and "responsible" meet ("Who bears primary responsibility for the funds?")
    assert words("responsibility") == words("responsible")


def test_a_value_stated_right_after_the_named_level_is_that_levels_value(assistant: Assistant) -> None:
    # "重点项目 10 项" states how many 重点项目 there are; "含 7 个子课题，子课题为重点项目" does not.
    count = _quoted("project_counts", r"重点项目\s*\d+\s*项")
    answer = assistant.ask("今年重点课题一共设置了几个？")
    assert count.removeprefix("重点项目") in canonical(answer.answer).replace(" ", "")
    ranked = {c.fact.id: c for c in assistant.ranker.rank("重点项目设了几个", [], "count", False, False,
                                                          entities=("重点项目",))}
    counts = CORPUS.fact_by_role("project_counts")
    assert counts is not None and ranked[counts.id].features.get("entity_value") == 1.0
    assert all(c.features.get("entity_value") is None for fid, c in ranked.items() if fid != counts.id)


def test_a_dictionary_word_is_corrected_only_where_the_notice_says_its_correction_in_that_context(
        assistant: Assistant) -> None:
    speller = assistant.understander.speller
    # "时限" reads like "实现", a word of the notice, but the notice never says "实现内".
    assert speller.correct("审核后要在什么时限内交上去")[1] == []
    # A word the notice's text lacks (the question word 截止) has no context to check: still corrected.
    assert ("戒指", "截止") in [(c.typed, c.corrected) for c in speller.correct("申报的戒指日期是哪天")[1]]
    # A typed non-word is corrected as before.
    assert speller.correct("资注多少")[1]


def test_a_fact_quoting_a_clause_of_another_facts_passage_is_not_what_that_passage_is_about() -> None:
    window = CORPUS.fact_by_role("submission_window")
    assert window is not None
    late = [q for q in window.quotes if "逾期" in q]
    assert late, "the dates fact says late applications are refused: it must quote where the notice says so"
    (pid,) = {p for q in late for p in FACTS[window.id].passage_ids if squash(q) in squash(CORPUS.passage(p).text)}
    assert pid in window.passage_ids and pid not in window.about_ids
    owners = [f.id for f in CORPUS.facts if pid in f.about_ids]
    assert owners and window.id not in owners


def test_a_silent_aspect_in_a_sentence_that_only_tells_is_context(assistant: Assistant) -> None:
    told = assistant.ask("Our unit set up its account in the system last year. Does it have to sign up again?")
    assert told.intent != Intent.OUT_OF_SCOPE
    assert assistant.ask("How many projects were approved last year?").intent == Intent.OUT_OF_SCOPE


def test_an_english_programme_name_with_words_the_corpus_never_uses_is_another_programme(
        assistant: Assistant) -> None:
    for q in ("How can we apply to the Hubei Youth Science Fund?", "How do I apply to the Wuhan soft science programme?"):
        answer = assistant.ask(q)
        assert answer.intent == Intent.OUT_OF_SCOPE, q
        assert answer.eligibility is None, q  # the name's city or "foundation" is not the asker's
    assert assistant.ask("Can a college apply to this soft science programme?").intent != Intent.OUT_OF_SCOPE


def test_english_applicants_without_an_organisation_are_individuals() -> None:
    from assistant.extract import extract_profile

    for q in ("I'm an unaffiliated scholar, may I apply?", "As a freelance analyst with no institutional affiliation, can I apply?"):
        assert extract_profile(q.lower()).org_type == "individual", q


def test_a_deliverable_is_answered_with_every_clause_that_names_it_verbatim(assistant: Assistant) -> None:
    # A report "及相关政策建议" delivers the recommendations too; a topic may name two outputs.
    topic = next(t for t in CORPUS.topics if any(re.search(r"》及", o) for o in t.outputs))
    answer = assistant.ask(f"{topic.label}最终要交付哪些成果？")
    for clause in topic.outputs:
        assert clause in answer.answer
    # "形成…体系" in a description is a goal, not an output.
    assert not any(o.endswith("体系") for t in CORPUS.topics for o in t.outputs)


def test_an_age_limit_asked_is_answered_by_the_clause_holding_the_age(assistant: Assistant) -> None:
    age = _quoted("leader_requirements", r"\d+\s*周岁")
    answer = assistant.ask("项目负责人的年纪有没有上限？")
    assert age in canonical(answer.answer.split("\n")[0]).replace(" ", "")
    english = assistant.ask("How old can the person leading the project be?")
    assert age.removesuffix("周岁") in english.answer.split(".")[0]


def test_a_topics_content_asked_in_english_gets_its_stated_focus(assistant: Assistant) -> None:
    for topic in [t for t in CORPUS.topics if t.focus_quote and t.label_en][:3]:
        answer = assistant.ask(f"What is {topic.label_en} about?")
        assert topic.focus_quote in answer.answer, topic.id


def test_a_stretch_holding_a_measure_or_place_word_is_corrected_only_in_context(assistant: Assistant) -> None:
    speller = assistant.understander.speller
    for text in ("研究的过程中要注意什么", "能改个题目再报吗", "任务书里有哪些内容"):
        assert speller.correct(text)[1] == [], text
    # Typos of content words are still corrected.
    assert ("盖张", "盖章") in [(c.typed, c.corrected) for c in speller.correct("承诺书需要盖张吗")[1]]


def test_whether_a_step_is_enough_is_not_a_may_i_question(assistant: Assistant) -> None:
    answer = assistant.ask("我们学院以前在系统里注册过单位账号，这回直接登录报就行吗？")
    assert answer.intent != Intent.ELIGIBILITY
    assert _quoted("registered_units", r"已在该系统注册过的单位可直接申报") in canonical(answer.answer)


def test_a_value_question_is_not_led_by_a_clause_without_that_kind_of_value(assistant: Assistant) -> None:
    # "立项" is shared with the pledge's penalties (撤销项目立项), which hold no date.
    answer = assistant.ask("项目立项之后最晚哪天结束？")
    lead = answer.answer.split("\n")[0]
    assert not lead.startswith("通知原文") or re.search(r"\d{4}\s*年", lead)


def test_an_english_question_orders_a_facts_passages_by_its_english_segments(assistant: Assistant) -> None:
    # The unit's pledge item of the materials list, asked in English, is cited before the other items.
    materials = CORPUS.fact_by_role("materials")
    assert materials is not None
    pledge = next(pid for pid in materials.passage_ids[1:] if "公示型信用承诺书" in CORPUS.passage(pid).text)
    answer = assistant.ask("Our unit's public credit pledge: must it carry the stamp when we upload it?")
    assert pledge in [c.id for c in answer.citations[:2]]


def test_still_needing_something_is_not_asking_whether_a_window_is_open(assistant: Assistant) -> None:
    u = assistant.understander.understand("Do we still have to prepare a budget for the project?")
    assert not u.status
    answer = assistant.ask("Do we still have to prepare a budget for the project?")
    assert "包干制" in answer.answer
    assert assistant.understander.understand("Is online submission still open?").status


def test_a_unit_speaking_of_what_it_put_forward_states_its_quota_count() -> None:
    from assistant.extract import extract_profile

    said = extract_profile(canonical("我们单位是郑州的一家研究院，今年已报1项，想再报一个"))
    assert said.org_quota_used == 1 and said.applications_this_year is None
    # A person speaking is not the unit speaking.
    assert extract_profile(canonical("我是研究员，今年已报1项")).org_quota_used is None
    # "没报过" denies as "没有报过" does.
    assert extract_profile(canonical("我今年没报过别的项目")).applications_this_year == 0


def test_steps_described_alike_are_told_apart_by_the_rest_of_the_question(assistant: Assistant) -> None:
    # "填报" describes two clauses of the procedure; the asker's role names the step that follows the
    # leader's filling in, not the clause after "网络在线填报方式".
    answer = assistant.ask("我在研究院当单位管理员，老师们填报以后我该干什么？")
    assert answer.answer.splitlines()[0].startswith("通知原文：“经单位管理员审核")


def test_english_parts_asking_different_values_are_split_even_when_one_refers_back(assistant: Assistant) -> None:
    u = assistant.understander.understand("How much does a key project receive, and by when does it have to be completed?")
    assert len(u.parts) == 2
    answer = assistant.ask("How much does a key project receive, and by when does it have to be completed?")
    key = next(f for f in CORPUS.facts if any("重点项目支持经费" in q for q in f.quotes))
    completion = next(f for f in CORPUS.facts if any("项目完成时间" in q for q in f.quotes))
    amount = re.search(r"重点项目支持经费额度\s*(\d+)\s*万元", "".join(key.quotes))
    year = re.search(r"(\d{4})\s*年", "".join(q for q in completion.quotes if "项目完成时间" in q))
    assert amount and year and f"{amount.group(1)}万元" in answer.answer and year.group(1) in answer.answer
    # "each" refers to what the first part lists: one question.
    assert len(assistant.understander.understand("How many key projects are there, and how much does each get?").parts) == 1


def test_a_continuing_english_turn_asks_a_facet_of_the_topic_under_discussion(assistant: Assistant) -> None:
    first = assistant.ask("How much funding does sub-topic 3 get?", session_id="r9-en-facet")
    assert first.topic is not None
    topic = CORPUS.topic(first.topic)
    answer = assistant.ask("And who is the contact office?", session_id="r9-en-facet")
    assert answer.topic == topic.id and topic.contacts[0].phone in answer.answer


def test_a_programme_name_ending_in_general_words_of_the_notice_is_another_programme(assistant: Assistant) -> None:
    assert assistant.ask("郑州市产业科技创新专项每项多少钱？").intent == Intent.OUT_OF_SCOPE
    # This programme under a shorter name, a kind of call the notice names, and "本计划" are not.
    assert assistant.ask("郑州市软科学计划每项给多少钱？").intent == Intent.FUNDING
    assert assistant.ask("单位出现科技计划失信行为会怎么处理？").intent != Intent.OUT_OF_SCOPE
    assert assistant.understander.other_calls("已获得市级资金支持的项目能否再申报本计划") == []


def test_the_programmes_own_name_is_no_word_the_intent_model_reads(assistant: Assistant) -> None:
    from assistant.sessions import SessionState

    u = assistant.understander.understand("郑州市软科学项目每项给多少钱？")
    words = {f for f in assistant._intent_features(u, [], SessionState()) if f.startswith("w:")}
    assert words and not any(w in f for f in words for w in ("软科学", "郑州"))
    # Another programme's name is read (it is what makes a question out of scope).
    u = assistant.understander.understand("郑州市产业科技创新专项每项多少钱？")
    assert any("专项" in f for f in assistant._intent_features(u, [], SessionState()))


def test_a_who_question_is_not_answered_by_a_fact_naming_no_one(assistant: Assistant) -> None:
    answer = assistant.ask("Who answers for misuse of the grant money?")
    assert answer.citations and "第一责任人" in answer.citations[0].text
    assert not re.search(r"\d+\s*万元", answer.citations[0].text)


def test_the_first_step_asked_is_the_procedures_first_step(assistant: Assistant) -> None:
    order = {p.id: p.order for p in CORPUS.passages}
    first = min((f for f in CORPUS.facts if f.intent == "process" and f.about_ids),
                key=lambda f: min(order[pid] for pid in f.about_ids))
    for q in ("我们单位以前从没报过，头一步该做啥？", "We have never applied before. What is the first step?"):
        answer = assistant.ask(q)
        assert answer.citations and answer.citations[0].id in first.about_ids, q
    # A stated unit does not turn the question into a verdict alone: the step comes first.
    answer = assistant.ask("我们是郑州的一家研究所，第一次申报，首先要做什么？")
    assert answer.citations[0].id in first.about_ids


def test_a_yes_no_need_asked_beside_stated_facts_gets_its_answer_before_the_verdict(assistant: Assistant) -> None:
    from assistant.intent_model import IntentModel

    publicity = next(f for f in CORPUS.facts if any("内部公示" in q for q in f.quotes))
    model, assistant.intents = assistant.intents, IntentModel.empty()  # without the model being sure of the kind
    try:
        answer = assistant.ask("我是郑州一所学院的科研秘书，学院准备推荐的项目要先公示吗？")
        assert answer.intent != Intent.ELIGIBILITY and answer.citations[0].id in publicity.about_ids
        # May-I, or whether a stated fact bears on applying, still seeks the verdict.
        assert assistant.ask("我是讲师，有博士学位，在郑州高校，能不能牵头重大项目？").eligibility is not None
        assert assistant.ask("我有个省里的项目还没结题，这会影响我申报吗？").eligibility is not None
    finally:
        assistant.intents = model


def test_a_word_of_an_uncovered_aspect_said_beside_the_question_does_not_refuse_it(assistant: Assistant) -> None:
    # "立项名单" (not covered as a question of its own) only dates what is asked here.
    paper = next(f for f in CORPUS.facts if any("纸质" in q for q in f.quotes))
    answer = assistant.ask("我是第一次报，拟立项名单公布之前需要交纸质材料吗？")
    assert answer.intent != Intent.OUT_OF_SCOPE and answer.citations[0].id in paper.about_ids
    # Asked for itself, it is still out of scope.
    assert assistant.ask("立项名单什么时候公布？").intent == Intent.OUT_OF_SCOPE


@pytest.mark.parametrize(("said", "field", "value"), [
    # 结项 and 验收 close a project as 结题 does
    ("我主持的一个市级科技计划项目到期至今仍未验收", "overdue_city_project", True),
    ("我之前承担的郑州市科技项目超期了，结项还没办完", "overdue_city_project", True),
    ("我被列为失信被执行人了", "credit_blacklisted", True),
    ("我们学校今年5个名额已经用完了", "org_quota_used", 5),
    ("我们打算让两个区的科技部门分别推荐我们单位的项目", "recommending_departments", 2),
    ("我在郑州一家私立培训机构工作", "org_type", "enterprise"),
    ("we are a zhengzhou hospital without independent legal person status", "independent_legal_person", False),
    ("我们中心是研究院的内设机构，没有单独做法人登记", "independent_legal_person", False),
    ("我已经64了，还在岗", "age", 64),
    ("我这次已经报上去一项了", "applications_this_year", 1),
    ("我们所的指标已经用掉3个了", "org_quota_used", 3),
    ("科研处说学校已经报满5项了", "org_quota_used", 5),
    ("我们是一家事业单位，已经推了1个项目了", "org_quota_used", 1),
    ("项目已经获得了郑州市级财政资金支持", "already_city_funded", True),
    ("we already received funding from the zhengzhou municipal government for this project", "already_city_funded", True),
    ("our university is in xinzheng, a city of zhengzhou", "located_in_zhengzhou", True),
    ("我们学院在荥阳，不在郑州市区", "located_in_zhengzhou", True),
    ("my provincial project is overdue, but i have no city-funded projects", "overdue_city_project", False),
    # 无 denies as 没有 does ("均无…黑名单")
    ("本人与所在学院均无失信黑名单记录", "credit_blacklisted", False),
])

def test_eligibility_facts_in_words_of_their_own(said: str, field: str, value: object) -> None:
    from assistant.extract import extract_profile

    assert getattr(extract_profile(canonical(said)), field) == value


def test_an_earlier_years_application_is_not_this_years() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("我去年已经报过一个软科学项目了")).applications_this_year is None
    assert extract_profile(canonical("我今年已经报过一个项目了")).applications_this_year == 1


def test_a_foundation_as_a_body_is_no_other_programme(assistant: Assistant) -> None:
    assert assistant.understander.other_calls("我们是郑州的一家公益基金会，能以基金会名义申报吗") == []
    assert assistant.understander.other_calls("国家自然科学基金今年什么时候申报") != []
    # "this year's soft science program" is this one.
    assert assistant.understander.other_calls("can i apply to this year's soft science program?") == []


def test_a_may_i_question_is_decided_by_the_clause_that_asks(assistant: Assistant) -> None:
    # "合同" (an aspect the notice is silent on) is part of what the asker states, not what they ask.
    answer = assistant.ask("我负责的市级科技项目延期了还没验收，已经超出合同期半年，还能报今年的软科学吗？")
    assert answer.eligibility is not None and answer.eligibility.verdict == "ineligible"
    # ... and a modal reaches a verb a few adverbs away ("还能往上推荐项目吗").
    answer = assistant.ask("学校被列入了信用黑名单还没移出，今年还能往上推荐项目吗？")
    assert answer.eligibility is not None and answer.eligibility.verdict == "ineligible"


def test_an_overview_the_model_is_unsure_of_follows_the_best_ranked_fact(assistant: Assistant) -> None:
    from assistant.intent_model import IntentModel

    credit = next(f for f in CORPUS.facts if any("黑名单" in q for q in f.quotes))
    # A model split between two kinds (0.51 / 0.49) for every question: the evidence decides the aspect.
    model, assistant.intents = assistant.intents, IntentModel(("eligibility", "rules"), (0.04, 0.0), {})
    try:
        answer = assistant.ask("申报单位在信用方面有哪些要求？")
        assert answer.citations and answer.citations[0].id in credit.about_ids
        # the credit rules, not the eligibility facts the unsure model leaned to (the leader's age limit)
        leader = next(f for f in CORPUS.facts if any("周岁" in q for q in f.quotes))
        assert not any(c.id in leader.about_ids for c in answer.citations[:3])
    finally:
        assistant.intents = model


def test_a_step_said_done_in_the_perfective_asks_what_follows(assistant: Assistant) -> None:
    # "…都上传了，接下来呢": the clause ending in 了 is the step done, as "填完了" is.
    u = assistant.understander.understand("负责人已经把附件都上传了，接下来呢？")
    assert u.after
    online = next(f for f in CORPUS.facts if any("单位管理员审核" in q for q in f.quotes))
    answer = assistant.ask("负责人已经把附件都上传了，接下来呢？")
    assert answer.citations and answer.citations[0].id in online.about_ids


def test_a_level_naming_a_topic_does_not_replace_the_facet_asked(assistant: Assistant) -> None:
    topic = next(t for t in CORPUS.topics if not t.parent and t.level == "key" and t.focus_quote and t.aliases)
    level_name = CORPUS.levels[topic.level]
    answer = assistant.ask(f"{topic.aliases[0]}这个{level_name}具体研究啥？")
    assert squash(topic.focus_quote[:12]) in squash(answer.answer)
    assert f"属于{level_name}" not in answer.answer
    # A level guessed of the topic, with nothing else asked, is still its level ("重点项目" holds the
    # content word 重点, which asks nothing here).
    sub = next(t for t in CORPUS.topics if t.parent and t.aliases)
    other = next(name for key, name in CORPUS.levels.items() if key != sub.level)
    answer = assistant.ask(f"{sub.aliases[0]}那个课题是{other}还是{CORPUS.levels[sub.level]}？")
    assert f"属于{CORPUS.levels[sub.level]}" in answer.answer


def test_a_topics_content_includes_what_else_it_is_asked_to_do(assistant: Assistant) -> None:
    from assistant.compose import topic_facet

    topic = next(t for t in CORPUS.topics if t.references)
    zh = topic_facet(topic, "content", "zh")
    assert all(r.zh in zh.text for r in topic.references)
    assert all(topic.passage_of[r.quote] in zh.passages for r in topic.references)
    # In English the requirement carries the notice's own clause beside its rendering.
    en = topic_facet(topic, "references", "en")
    assert all(r.quote in en.text for r in topic.references)


def test_an_english_point_of_a_topic_is_not_matched_against_its_chinese_sentences(assistant: Assistant) -> None:
    topic = next(t for t in CORPUS.topics if t.references and t.parent)
    answer = assistant.ask(f"Sub-topic {topic.label_en.split()[-1]}: what reference model or benchmark must it follow?")
    assert any(r.quote in answer.answer for r in topic.references)


def test_a_fact_stated_beside_an_eligibility_rule_answers_eligibility_questions(assistant: Assistant) -> None:
    from assistant import rank

    rule_fact = next(f for f in CORPUS.facts for r in CORPUS.rules if any(squash(r.quote) in squash(q) for q in f.quotes)
                     and f.intent != "eligibility")
    kinds = {"eligibility": 0.9, rule_fact.intent: 0.1}
    ranked = {c.fact.id: c for c in assistant.ranker.rank("单位要满足什么", [], None, False, False, kinds)}
    if rule_fact.id not in ranked:
        ranked = {c.fact.id: c for c in assistant.ranker.rank(rule_fact.quotes[0], [], None, False, False, kinds)}
    assert ranked[rule_fact.id].features["intent"] == 0.9
    saved = rank.CONDITIONS_ANSWER_ELIGIBILITY
    rank.CONDITIONS_ANSWER_ELIGIBILITY = False
    try:
        ranked = {c.fact.id: c for c in assistant.ranker.rank(rule_fact.quotes[0], [], None, False, False, kinds)}
        assert ranked[rule_fact.id].features["intent"] == 0.1
    finally:
        rank.CONDITIONS_ANSWER_ELIGIBILITY = saved


def test_an_english_question_for_the_topics_of_a_level_lists_them(assistant: Assistant) -> None:
    from assistant.intent_model import IntentModel

    # With a model that leans to no kind, the question's shape asks for the list, as "有哪些课题" does.
    model, assistant.intents = assistant.intents, IntentModel(("eligibility", "rules"), (0.04, 0.0), {})
    try:
        answer = assistant.ask("What are the major projects in the guide?")
        for t in CORPUS.topics:
            if t.level == "major" and not t.parent:
                assert t.title in answer.answer
    finally:
        assistant.intents = model


def test_a_group_of_topics_named_by_its_count_is_listed(assistant: Assistant) -> None:
    # Of a level's topics, the ones a stated count names: those of their own, or the sub-topics.
    for level in CORPUS.levels:
        of_level = [t for t in CORPUS.topics if t.level == level]
        own = [t for t in of_level if not t.parent and not any(c.parent == t.id for c in CORPUS.topics)]
        if own and len(own) != len(of_level):
            answer = assistant.ask(f"那{len(own)}个{CORPUS.levels[level]}叫什么？")
            assert all(t.title in answer.answer for t in own)
            assert not any(t.title in answer.answer for t in of_level if t not in own)
            return
    pytest.fail("the corpus has no level whose own topics are fewer than all of its topics")


def test_an_english_question_on_who_signs_gets_the_forms_signature_blank(assistant: Assistant) -> None:
    blank = next(p for p in CORPUS.passages if p.text.endswith("签字：") or "签字：" in p.text)
    answer = assistant.ask("Who needs to sign the credit pledge form of the unit?")
    assert answer.citations and answer.citations[0].id == blank.id


def test_an_english_overview_of_who_may_apply_quotes_the_notice(assistant: Assistant) -> None:
    applicants = CORPUS.fact_by_role("applicants")
    assert applicants is not None
    answer = assistant.ask("Which organisations are allowed to apply?")
    assert applicants.quotes[0] in answer.answer


@pytest.mark.parametrize("asked", ["请你帮我起草一份课题申报书", "能不能替我润色一下我的研究报告？",
                                   "Could you draft a proposal for the talent evaluation topic?"])
def test_a_request_to_produce_a_text_is_out_of_scope(assistant: Assistant, asked: str) -> None:
    assert assistant.ask(asked).intent == Intent.OUT_OF_SCOPE


def test_asking_to_be_told_what_the_notice_says_is_no_task(assistant: Assistant) -> None:
    assert assistant.ask("帮我写一下申报流程是怎样的").intent != Intent.OUT_OF_SCOPE


def test_a_question_naming_another_form_is_not_answered_from_the_annexed_one(assistant: Assistant) -> None:
    # The annexed template is the unit's credit pledge; the leader's lump-sum pledge is another form
    # (named in the materials list, not annexed): its signing is not the template's signature blank.
    template = [p for p in CORPUS.passages if p.section.startswith("附件2")]
    answer = assistant.ask("那份“包干制”承诺书是不是法定代表人来签？")
    assert answer.citations and not {c.id for c in answer.citations[:3]} & {p.id for p in template}
    assert any("包干制" in c.text for c in answer.citations[:3])
    # The annexed form itself still gets its blank.
    assert assistant.ask("单位那份信用承诺书由谁签名？").citations[0].id in {p.id for p in template}


def test_an_ordinal_with_its_classifier_names_a_topic(assistant: Assistant) -> None:
    # "第3项" after a level is the third topic of it ("重点项目3项" stays a count).
    third = next(t for t in CORPUS.topics if t.id == "key-3")
    level = CORPUS.levels["key"]
    assert assistant.understander.topics.resolve(canonical(f"{level}第3项的联系电话是多少")) == [third.id]
    assert assistant.understander.topics.resolve(canonical(f"{level}3项")) == []


def test_english_words_the_corpus_never_uses_are_counted_for_the_model(assistant: Assistant) -> None:
    from assistant.sessions import SessionState

    # As "novel:" counts Chinese words new to the notice, "novel_en:" counts English ones.
    u = assistant.understander.understand("Is there a shuttle bus to the airport?")
    features = assistant._intent_features(u, [], SessionState())
    assert any(f.startswith("novel_en:") and f != "novel_en:0" for f in features)
    u = assistant.understander.understand("What is the funding for a major project?")
    assert "novel_en:0" in assistant._intent_features(u, [], SessionState())


def test_an_english_step_asks_what_the_notice_says_next(assistant: Assistant) -> None:
    # "after …" in English: the step is found among the notice's clauses by its words, then what follows.
    recommend = next(f for f in CORPUS.facts if any("审核推荐工作" in q for q in f.quotes))
    answer = assistant.ask("Once our unit administrator has checked the application, who handles it next?")
    assert answer.citations and answer.citations[0].id in recommend.about_ids
    # A value asked after a step is that value, not the next step.
    completion = next(f for f in CORPUS.facts if f.role == "completion_deadline")
    answer = assistant.ask("After approval, by when must the project be finished?")
    assert answer.citations and answer.citations[0].id in completion.about_ids


def test_asking_what_is_forbidden_gets_the_rules_that_forbid(assistant: Assistant) -> None:
    forbidding = [f for f in CORPUS.facts if f.intent == "rules" and re.search(r"严禁|不得|禁止|不接受", "".join(f.quotes))]
    answer = assistant.ask("这次申报都明令禁止了哪些做法？")
    said = sum(any(squash(q[:10]) in squash(answer.answer) for q in f.quotes) for f in forbidding)
    assert said >= min(4, len(forbidding))
    # (a rule that forbids nothing is not among them)
    management = FACTS["management_system"]
    assert squash(management.quotes[0][:10]) not in squash(answer.answer)


def test_a_subtopics_level_is_said_with_the_notices_own_words_for_it(assistant: Assistant) -> None:
    sub = next(t for t in CORPUS.topics if t.parent and t.aliases)
    parent = next(t for t in CORPUS.topics if t.id == sub.parent)
    said = re.search(r"[（(]([^（）()]*子课题[^（）()]*)[)）]", parent.title_quote)
    assert said is not None
    answer = assistant.ask(f"{sub.aliases[0]}这个子课题是什么级别的项目？")
    assert squash(said.group(1)) in squash(answer.answer)


def test_a_contact_question_whose_guess_names_the_wrong_office_is_not_answered_with_the_guess(
        assistant: Assistant) -> None:
    # Set aside the guessed office, what the asker describes (policy questions) is what is searched: the
    # technical-support line they guessed is not the answer; the business contact is said.
    business, tech = _phones("contact_business")[0], _phones("contact_tech")[0]
    answer = assistant.ask("关于申报政策有疑问的话，是找情报研究所吗")
    assert business in answer.answer
    assert tech not in answer.answer.split("\n")[0]


def test_an_english_negation_reaches_the_end_of_its_clause() -> None:
    from assistant.extract import extract_profile

    said = extract_profile(canonical(
        "Neither our college nor I appear on any blacklist, none of the work is classified, and the study "
        "was never given municipal funding. Am I eligible?"))
    assert said.credit_blacklisted is False
    assert said.classified_content is False
    assert said.already_city_funded is False
    # a negation in another clause does not reach across: "not" belongs to the first clause only
    both = extract_profile(canonical("I am not a professor, but my unit is on the blacklist."))
    assert both.credit_blacklisted is True


def test_a_topic_described_by_rare_words_of_its_title_is_found() -> None:
    from assistant.topics import TopicResolver
    from corpus import Topic

    def topic(tid: str, title: str) -> Topic:
        return Topic(id=tid, level="key", label=tid, title=title, title_quote=title)

    topics = [topic("key-1", "郑州市湿地公园碳汇计量方法研究"), topic("key-2", "郑州市冷链物流枢纽布局优化研究"),
              topic("key-3", "郑州市老旧小区适老化改造对策研究"), topic("key-4", "郑州市科技金融服务体系研究")]
    resolver = TopicResolver(topics, general_zh=["本次申报的项目均围绕郑州市科技创新开展研究。"])
    assert resolver.resolve(canonical("碳汇计量那个课题归哪个处管？")) == ["key-1"]
    assert resolver.resolve(canonical("有没有研究冷链枢纽的题目")) == ["key-2"]
    # words the notice uses outside its topics name no topic; one word only one title has names that topic where the
    # asker calls the topic by it, right before the word for a topic, and nowhere else in the question
    assert resolver.resolve(canonical("科技创新的课题有哪些？")) == []
    assert resolver.resolve(canonical("物流方面的课题多吗")) == ["key-2"]
    assert resolver.resolve(canonical("哪个课题要研究物流成本？")) == []


def test_a_question_asked_before_the_askers_facts_is_answered_beside_the_verdict(assistant: Assistant) -> None:
    answer = assistant.ask("申报书在哪个系统里填？我只是个讲师，能报重大项目吗？")
    assert "郑州市科技业务管理系统" in answer.answer  # the first question, not dropped for the verdict
    assert answer.eligibility is not None  # and the verdict on what the asker said of themselves
    assert "副高以上职称" in answer.answer


def test_a_date_without_its_year_or_written_with_dots_is_a_date() -> None:
    from assistant.rank import text_attributes

    assert "date" in text_attributes("各推荐部门须于5月10日前完成审核推荐。")
    assert "date" in text_attributes("网上填报：2033.4.1—2033.4.30")
    assert "date" not in text_attributes("每项资助10万元，共5项。")


def test_recommenders_named_by_their_area_count_as_recommending_departments() -> None:
    from assistant.extract import extract_profile

    assert extract_profile("想让两个县同时推荐我们的项目，可以吗").recommending_departments == 2
    assert extract_profile("我们想找两个开发区分别推荐").recommending_departments == 2
    assert extract_profile("两个区的项目我们都想报").recommending_departments is None  # no recommending named


def test_a_guessed_topic_does_not_outweigh_the_topic_the_question_describes(assistant: Assistant) -> None:
    # the asker guesses the concept-verification topic; the cities named are the research institutes topic's
    answer = assistant.ask("参照合肥、成都、苏州等地经验的，是概念验证那个课题吧？").answer
    assert "一流大学（郑州）研究院" in answer


def test_an_english_profile_spelled_out_in_full_is_read_in_full() -> None:
    from assistant.extract import extract_profile

    p = extract_profile(canonical(
        "Our university in Zhengzhou has independent legal-person status and has recommended 2 project so far; "
        "I have not applied for anything else this year, and we go through a single recommending department."))
    assert p.independent_legal_person is True and p.org_quota_used == 2
    assert p.applications_this_year == 0 and p.recommending_departments == 1


def test_a_chinese_negation_reaches_the_end_of_its_clause() -> None:
    from assistant.extract import extract_profile

    said = extract_profile(canonical("我们所和我本人都没有在处罚期内的科研严重失信记录，也不在信用黑名单上。"))
    assert said.serious_misconduct_in_penalty is False and said.credit_blacklisted is False
    # the negation stays in its clause: a record stated in the next clause is stated
    stated = extract_profile(canonical("我没有别的申请，有一条惩戒执行期内的学术不端记录。"))
    assert stated.serious_misconduct_in_penalty is True
    # a clause that asks denies nothing
    asked = extract_profile(canonical("不确定是否有科研严重失信记录，能报吗？"))
    assert asked.serious_misconduct_in_penalty is not False


def test_a_unit_that_has_put_nothing_forward_has_used_none_of_its_quota() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("学院今年一项都还没推荐，我45岁，想报一般项目。")).org_quota_used == 0
    assert extract_profile(canonical("我们研究院尚未推荐任何项目。")).org_quota_used == 0
    assert extract_profile(canonical("我还没报过其他项目。")).org_quota_used is None  # the leader's own, not the unit's


def test_a_turn_asking_only_an_attribute_asks_it_of_the_previous_subject(assistant: Assistant) -> None:
    sid = "attribute-only-turn"
    assistant.ask("系统登录不上去一般是哪个单位负责处理？", session_id=sid)
    answer = assistant.ask("号码是多少", session_id=sid)
    assert "67183377" in answer.answer  # the technical-support line, not the business one
    assert "67177127" not in answer.answer
    # asked first in a session, the same words ask the general consultation line
    assert "67177127" in assistant.ask("号码是多少").answer


def test_an_english_topic_answer_names_the_notices_own_title(assistant: Assistant) -> None:
    answer = assistant.ask("What does sub-topic 5 study?").answer
    topic = next(t for t in assistant.corpus.topics if t.label == "子课题⑤")
    assert topic.title in answer and topic.title_en in answer


def test_an_acronym_written_against_chinese_names_the_topic_whose_english_title_it_spells() -> None:
    from assistant.topics import TopicResolver
    from corpus import Topic

    def topic(tid: str, title: str, en: str) -> Topic:
        return Topic(id=tid, level="key", label=tid, title=title, title_en=en, title_quote=title)

    topics = [topic("key-1", "郑州市知识产权运营体系研究", "Intellectual property operation system in Zhengzhou"),
              topic("key-2", "郑州市冷链物流枢纽布局研究", "Layout of cold-chain logistics hubs in Zhengzhou")]
    resolver = TopicResolver(topics)
    assert resolver.resolve(canonical("IP那个课题找谁")) == ["key-1"]
    assert resolver.resolve(canonical("有没有关于IP的选题")) == ["key-1"]
    # a word of an English sentence is no acronym, and letters no title spells name nothing
    assert resolver.resolve(canonical("Is there a topic on 物流?")) != ["key-1"]
    assert resolver.resolve(canonical("XY那个课题找谁")) == []


def test_what_a_topic_studies_is_answered_from_the_topic_not_a_clause_elsewhere(assistant: Assistant) -> None:
    answer = assistant.ask("关于AI的选题主要研究内容是啥").answer
    assert answer.startswith("重点项目3")  # no clause of the pledge ("主要研究目标…") before it
    assert "人工智能" in answer


def test_an_overview_of_an_aspect_nothing_of_it_answers_is_of_the_aspect_the_evidence_names(
        assistant: Assistant) -> None:
    # the model leans to the application process, but only rules about finishing a project share its words
    answer = assistant.ask("到结题那一步有什么要求").answer
    assert "应用证明" in answer
    assert "网络在线填报" not in answer  # not the whole application process


def test_a_clause_that_doubts_states_nothing_either_way() -> None:
    from assistant.extract import extract_profile

    p = extract_profile(canonical("我们中心在郑州，说不准算不算独立法人，材料里可能有保密数据我也拿不准。"))
    assert p.independent_legal_person is None and p.classified_content is None
    english = extract_profile(canonical("We are not sure whether our lab is a separate legal entity."))
    assert english.independent_legal_person is None


def test_a_list_denied_after_it_and_a_record_since_removed() -> None:
    from assistant.extract import extract_profile

    listed = extract_profile(canonical("失信黑名单、科研严重失信、逾期没结题的项目，以上我们均无。"))
    assert listed.credit_blacklisted is False and listed.serious_misconduct_in_penalty is False
    assert listed.overdue_city_project is False
    removed = extract_profile(canonical("学院前几年进过黑名单，后来已经被移除，现在不在名单里了。"))
    assert removed.credit_blacklisted is False
    still = extract_profile(canonical("单位上了黑名单，至今还没移出。"))
    assert still.credit_blacklisted is True
    running = extract_profile(canonical("我有过学术不端的处理，处罚期到现在还没满。"))
    assert running.serious_misconduct_in_penalty is True


def test_someone_elses_facts_are_not_the_applicants() -> None:
    from assistant.extract import extract_profile

    p = extract_profile(canonical("我们所长已经63岁，还上过黑名单；我是44岁的助理研究员。"))
    assert p.age == 44 and p.title == "intermediate" and p.credit_blacklisted is None
    english = extract_profile(canonical("My supervisor is a full professor aged 64. I'm thirty-eight and an assistant professor."))
    assert english.age == 38 and english.title == "intermediate"
    # asked on that person's behalf, they are the applicant
    behalf = extract_profile(canonical("帮我们系主任问一下，她今年五十九，是教授，能报重大项目吗"))
    assert behalf.age == 59 and behalf.title == "senior"


def test_kinds_of_unit_are_no_degrees_and_city_bodies_place_no_one() -> None:
    from assistant.extract import extract_profile

    p = extract_profile(canonical("我在登封的一所高职院校教书，中级职称，大专学历。"))
    assert p.org_type == "university" and p.degree == "other" and p.located_in_zhengzhou is True
    q = extract_profile(canonical("我们是开封的本科院校，从没被郑州市公共信用信息平台列入黑名单。"))
    assert q.degree is None and q.located_in_zhengzhou is False and q.credit_blacklisted is False
    assert extract_profile(canonical("我是正高职称")).org_type is None  # "高职" inside "正高职称" is no unit


def test_counts_and_funding_said_in_other_words() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("院里的申报名额都还一个没占，我能报吗")).org_quota_used == 0
    assert extract_profile(canonical("Our college has used three of its slots.")).org_quota_used == 3
    assert extract_profile(canonical("I have already filed one other application this year.")).applications_this_year == 1
    assert extract_profile(canonical("这项研究去年市科技局资助过。")).already_city_funded is True
    assert extract_profile(canonical("这项研究省里支持过，市里从没给过钱。")).already_city_funded is False
    assert extract_profile(canonical("我们想同时找三个区推荐")).recommending_departments == 3
    assert extract_profile(canonical("I turned sixty-one in May and I am a professor.")).age == 61


def test_profile_statements_written_by_another_hand_are_read_as_an_exact_reader_would() -> None:
    """150 self-descriptions (a dev set: negations far from their word, numerals, third persons, doubts,
    English and traditional Chinese), each with the fields an exact reader takes from it."""
    import json

    from assistant.extract import extract_profile

    lines = [json.loads(x) for x in (Path(__file__).parent / "fixtures" / "profile_statements.jsonl").read_text(
        encoding="utf-8").splitlines() if x.strip()]
    exact, contradicted = 0, []
    for d in lines:
        got = extract_profile(canonical(d["question"])).model_dump(exclude_none=True)
        if "project_level" not in d["expect"]:
            got.pop("project_level", None)  # a level named in passing ("重大项目的条件") is no statement of one's own
        exact += got == d["expect"]
        # a value stated one way and read the other is the worst error: it turns a verdict
        contradicted += [(d["id"], k) for k, v in d["expect"].items() if isinstance(v, bool) and got.get(k) is (not v)]
    assert exact / len(lines) >= 0.93
    assert len(contradicted) <= 1, contradicted


def test_verdicts_on_situations_written_by_another_hand(assistant: Assistant) -> None:
    """80 applicants' situations (a dev set written from the notice and CONTRACT.md: forms, bullet lists,
    third persons asked for, colleagues who do not count, boundary values), each with its verdict."""
    import datetime as dt
    import json

    lines = [json.loads(x) for x in (Path(__file__).parent / "fixtures" / "verdict_statements.jsonl").read_text(
        encoding="utf-8").splitlines() if x.strip()]
    right, wrong_way = 0, []
    for d in lines:
        e = assistant.ask(d["question"], dt.date(2024, 9, 20)).eligibility
        verdict = e.verdict if e else None
        failed = [r.id for r in e.rules if r.passed is False] if e else []
        right += verdict == d["verdict"] and (d["failed"] is None or d["failed"] in failed)
        if {verdict, d["verdict"]} == {"eligible", "ineligible"}:
            wrong_way.append(d["id"])  # the worst error: the opposite verdict
    assert right / len(lines) >= 0.9
    assert len(wrong_way) <= 1, wrong_way


def test_an_english_description_after_another_preposition_is_still_read() -> None:
    from assistant.topics import _english_description

    # "for the topic" describes nothing; "topic on …" does
    assert _english_description(canonical("Who is the contact for the topic on rural digital governance?")) == \
        "rural digital governance"
    assert _english_description(canonical("What is the phone of the study about cold-chain logistics hubs?")) == \
        "cold-chain logistics hubs"
    assert _english_description(canonical("What is the age limit for the project leader?")) == ""


def test_a_period_not_over_another_projects_funding_and_a_closed_project() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("My sanction period for misconduct has not ended yet.")).serious_misconduct_in_penalty is True
    assert extract_profile(canonical("My penalty period for misconduct ended in 2022.")).serious_misconduct_in_penalty is False
    # the city funded a different project: no duplicate of this one
    assert extract_profile(canonical("市里资助过的是我另外一个项目，这次是新题目。")).already_city_funded is None
    assert extract_profile(canonical("这个课题市里资助过。")).already_city_funded is True
    closed = extract_profile(canonical("My city-funded project was late, but it has been officially closed."))
    assert closed.overdue_city_project is False


def test_facts_of_the_applicant_asked_for_get_a_verdict_and_the_rules_word_does_not() -> None:
    from assistant import vocabulary as V

    assert V.speaks_of_self(canonical("拟任负责人他今年58岁，副教授，能牵头吗"))
    assert V.speaks_of_self(canonical("负责人：五十五岁，研究员"))
    assert not V.speaks_of_self(canonical("同一个负责人今年可以申报两个项目吗？"))
    assert not V.speaks_of_self(canonical("重大项目负责人是否需要博士学位？"))


@pytest.mark.parametrize(("text", "field", "value"), [
    ("内容不涉密，没有重复申请市级资金。", "already_city_funded", False),
    ("the project has no other city funding, and we apply through one department", "already_city_funded", False),
    ("学校只通过一个区科技局推荐。", "recommending_departments", 1),
    ("我们所只由一家主管部门推荐", "recommending_departments", 1),
    ("学校和我都不在黑名单，也没啥失信处罚。", "serious_misconduct_in_penalty", False),
    ("the university has submitted none so far", "org_quota_used", 0),
    ("我们学校已经报上去3个了，还能再报吗", "org_quota_used", 3),
])
def test_a_fact_stated_in_words_of_another_hand(text: str, field: str, value: object) -> None:
    """Ways of stating a profile fact that applicants use (a dev set's), read as an exact reader would."""
    from assistant.extract import extract_profile

    assert extract_profile(canonical(text)).model_dump()[field] == value


def test_a_bare_ordinal_follow_up_renumbers_the_topic_asked_before(assistant: Assistant) -> None:
    """"子课题①是什么题目" then "第二个呢" / "And the third one?": the previous question of the next topic."""
    from assistant.understand import _ordinal_alone, _renumber

    assert [_ordinal_alone(x) for x in ("第二个", "第3个", "the third one", "no. 4", "第二个课题")] == [2, 3, 3, 4, None]
    assert [_renumber(x, 2) for x in ("子课题①", "重点项目3", "sub-topic 5", "课题")] == ["子课题②", "重点项目2", "sub-topic 2", None]
    labels = {t.label: t.id for t in assistant.corpus.topics}
    first, second = assistant.ask("子课题①是什么题目？", session_id="ordinal-1"), assistant.ask("第二个呢？", session_id="ordinal-1")
    assert first.topic == labels["子课题①"] and second.topic == labels["子课题②"]
    assert assistant.ask("And the third one?", session_id="ordinal-1").topic == labels["子课题③"]


def test_two_attributes_asked_of_one_subject_are_two_sub_questions(assistant: Assistant) -> None:
    """"X的电话和完成期限": each attribute of the subject is a part; a part a topic cannot answer (a date of the
    notice's) is answered by the notice's fact beside the topic's own."""
    from assistant.understand import _attribute_pair

    assert _attribute_pair("人才评价那个子课题的电话和完成期限?") == ["人才评价那个子课题的电话", "人才评价那个子课题的完成期限?"]
    assert _attribute_pair("重大项目和重点项目的经费") is None  # two subjects, one attribute
    completion = next(f for f in assistant.corpus.facts if f.role == "completion_deadline")
    sub = next(t for t in assistant.corpus.topics if t.label == "子课题①")
    words = re.sub(r"(?:郑州市|研究|机制|改革|路径|与|对策)", " ", sub.title).split()[0]  # a word of its title
    answer = assistant.ask(f"{words}那个子课题的电话和完成期限？").answer.replace(" ", "")
    assert sub.contacts[0].phone in answer
    assert completion.zh.replace(" ", "").rstrip("。") in answer
    en = assistant.understander.split(canonical("What's the application website and the technical support number?"))
    assert en == ["what is application website?", "what is technical support number?"]


def test_a_kind_of_unit_named_in_the_english_plural() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("Can companies apply for this program?")).org_type == "enterprise"
    assert extract_profile(canonical("Are universities and colleges allowed?")).org_type == "university"
    assert extract_profile(canonical("Do research institutes qualify?")).org_type == "research_institute"
    assert extract_profile(canonical("Is this class open to everyone?")).org_type is None  # "class" is no plural


def test_an_english_follow_up_asking_what_that_is(assistant: Assistant) -> None:
    tech = next(f for f in CORPUS.facts if f.role == "contact_tech")
    organisation = re.split(r"[：:]", tech.quotes[-1])[0]
    assistant.ask("Which number do I ring when the online system fails?", session_id="r15-that")
    answer = assistant.ask("Which organisation is that?", session_id="r15-that")
    assert organisation in answer.answer
    # a long English question with "that" in it is a question of its own
    own = assistant.ask("Is it true that the lump-sum funding needs no budget at all?", session_id="r15-that")
    assert organisation not in own.answer


def test_a_topic_described_with_its_level_named(assistant: Assistant) -> None:
    majors = [t for t in CORPUS.topics if t.level == "major" and not t.parent and "平台" in t.title]
    assert len(majors) == 1 and majors[0].outputs  # (key topics' titles say 平台 too)
    assert sum("平台" in t.title for t in CORPUS.topics) > 1
    answer = assistant.ask("平台那个重大项目最后交的报告叫什么名字？").answer
    assert any(o in answer for o in majors[0].outputs)


def test_a_topic_described_by_a_title_or_a_study_in_the_askers_words(assistant: Assistant) -> None:
    def topic_with(word: str):
        (topic,) = [t for t in CORPUS.topics if word in t.title]
        return topic

    institutes = topic_with("研究院")
    answer = assistant.ask("地方和高校合建研究院的管理体制研究，联系电话是多少？").answer
    assert institutes.contacts[0].phone in answer
    peers = topic_with("同群效应")
    answer = assistant.ask("研究企业之间互相带动创新的，电话多少？").answer
    assert peers.contacts[0].phone in answer


def test_the_programmes_own_name_puts_no_preamble_before_the_answer(assistant: Assistant) -> None:
    answer = assistant.ask("软科学研究计划几号开始报？").answer
    assert _window_day(assistant, end=False) in answer.split("\n")[0]
    assert not answer.startswith("通知原文")


def test_a_leader_applying_twice_at_once_and_the_leader_named_among_colleagues() -> None:
    from assistant.extract import extract_profile

    twice = extract_profile(canonical("张老师打算同时申报一个重点项目和一个重大项目，都当负责人，可以吗？"))
    assert twice.applications_this_year == 1
    assert extract_profile(canonical("She plans to lead two projects at the same time.")).applications_this_year == 1
    # asked of no one in particular, it is the rule that is asked
    assert extract_profile(canonical("同一个负责人能不能同时报两个题？")).applications_this_year is None
    named = extract_profile(canonical("我们系有两位老师，赵老师63岁，刘老师47岁，这次由刘老师牵头申报，赵老师参与研究。"))
    assert named.age == 47
    # with no one named as the leader, nothing is taken from the colleagues' clauses as the leader's
    assert extract_profile(canonical("赵老师63岁，刘老师47岁，谁能报？")).age != 47


def test_a_vague_turn_of_a_few_characters_asks_about_its_word(assistant: Assistant) -> None:
    materials = assistant.ask("材料的事儿")  # the materials list, not a clause of the pledge that says 材料
    assert materials.intent == Intent.MATERIALS and not materials.answer.startswith("通知原文")
    how = assistant.ask("咋弄")
    assert how.intent == Intent.PROCESS and how.citations
    # a sentence saying 咋 is read as it stands
    assert assistant.ask("系统登不上咋整").intent == Intent.CONTACTS


def test_a_colleagues_record_is_not_the_askers_who_applies_themself() -> None:
    from assistant.extract import extract_profile

    asked = extract_profile(canonical("我们所里有个同事上了失信黑名单，这会不会影响我作为负责人申报？"))
    assert asked.credit_blacklisted is None
    # asking on the colleague's behalf, the record is the applicant's
    assert extract_profile(canonical("我们所里有个同事上了失信黑名单，他还能申报吗？")).credit_blacklisted is True


def test_counts_and_records_said_in_other_forms_are_read_as_the_applicants() -> None:
    from assistant.extract import extract_profile

    # "没有别的申报": no other application of the leader's this year
    assert extract_profile(canonical("负责人本年度没有别的申报。")).applications_this_year == 0
    # the places a unit has, not yet filled, are no count of places taken
    assert extract_profile(canonical("研究院今年3个名额还没用满")).org_quota_used != 3
    assert extract_profile(canonical("The institute has used 1 of its 4 places.")).org_quota_used == 1
    # a project still in its implementation period is not overdue
    assert extract_profile(canonical("我手上那个市级项目还在实施期内，没到结题时间。")).overdue_city_project is False


def test_a_bare_word_naming_a_part_of_the_notice_is_answered_with_that_part(assistant: Assistant) -> None:
    process = assistant.ask("流程？")
    assert process.intent == Intent.PROCESS and len(process.citations) >= 3  # the section's parts, each cited
    for bare in ("课题呢", "题目？"):  # refused, or answered with the guide's preamble
        topics = assistant.ask(bare)
        assert topics.intent == Intent.TOPICS
        assert all(t.title in topics.answer for t in CORPUS.topics if not t.parent), bare  # the list


def test_an_unsure_verdict_quotes_every_rule_still_to_confirm(assistant: Assistant) -> None:
    answer = assistant.ask("我在郑州一所高校当讲师，可以报这个吗？")
    assert answer.eligibility is not None and answer.eligibility.verdict == "unknown"
    age = next(r for r in CORPUS.rules if r.id == "age")
    assert squash(age.quote) in squash(answer.answer)  # beyond the three questions asked first


def test_after_an_item_of_the_procedure_the_next_item_follows(assistant: Assistant) -> None:
    answer = assistant.ask("网络申报弄完了以后还有啥？")
    assert answer.intent == Intent.PROCESS and "审核推荐" in answer.answer  # the next item, not the item itself


def test_a_topic_found_only_by_shared_words_yields_to_a_sure_out_of_scope(assistant: Assistant) -> None:
    # "北京" is a city the notice names (as a model to learn from), so no foreign place refuses it
    answer = assistant.ask("北京的概念验证中心有多少家？")
    assert answer.intent == Intent.OUT_OF_SCOPE
    # asked as a topic, the same words are the topic
    assert assistant.ask("概念验证那个课题归哪个处？").intent != Intent.OUT_OF_SCOPE


def test_what_the_programme_is_for_is_what_the_call_is(assistant: Assistant) -> None:
    direction = next(f for f in CORPUS.facts if f.role == "guide_direction")
    for q in ("这个软科学计划的目的是啥？", "软科学项目做出来的成果供谁参考？"):
        answer = assistant.ask(q)
        assert answer.intent != Intent.OUT_OF_SCOPE and squash(direction.zh)[:20] in squash(answer.answer), q


def test_a_whole_aspect_holds_the_facts_of_another_kind_that_answer_it_too(assistant: Assistant) -> None:
    lump = FACTS["lump_sum"]
    assert "rules" in lump.also_intents and lump.intent != "rules"
    answer = assistant.ask("项目经费的管理上都有哪些规定呀")
    assert squash(lump.zh)[:20] in squash(answer.answer)


def test_a_record_stated_of_the_unit_and_denied_of_the_leader_fails_the_rule_on_either() -> None:
    from assistant.extract import extract_profile

    # the rule is on the unit or the leader: one of them listed fails it (not the leader's denial winning)
    assert extract_profile(canonical("我们所去年被列进了失信黑名单，至今没撤出；我个人信用记录良好。")).credit_blacklisted is True
    assert extract_profile(canonical("The institute got blacklisted last spring, but my own credit is clean.")).credit_blacklisted is True
    # one subject listed and taken off since is not listed
    assert extract_profile(canonical("我前年上过黑名单，后来已经移出了，单位信用也没问题。")).credit_blacklisted is False


def test_an_english_pronoun_is_a_word_not_the_tail_of_another() -> None:
    from assistant import vocabulary as V

    # "income" ends in "me", "your" holds "our": neither speaks of the asker
    assert not V.speaks_of_self("what's the income tax on research grants for your staff?")
    assert V.speaks_of_self("can my institute apply?") and V.speaks_of_self("i'm 52, is that too old?")


def test_a_question_naming_a_kind_of_unit_in_general_gets_no_verdict(assistant: Assistant) -> None:
    answer = assistant.ask("How much income tax do private companies pay on consulting revenue?")
    assert answer.eligibility is None and answer.intent == Intent.OUT_OF_SCOPE


def test_a_unit_of_its_own_legal_person_one_channel_and_its_only_project_are_read() -> None:
    from assistant.extract import extract_profile

    p = extract_profile(canonical("我们所是独立事业法人，院里今年就报这一项，只经过高新区管委会推荐。"))
    assert (p.independent_legal_person, p.org_quota_used, p.recommending_departments) == (True, 0, 1)
    # two bodies named is not one channel
    assert extract_profile(canonical("只通过高新区和金水区科技局推荐")).recommending_departments == 2


def test_what_a_form_asks_to_be_filled_in_is_where_it_leaves_blanks(assistant: Assistant) -> None:
    blank = next(p for p in CORPUS.passages if "_____" in p.text and p.section.startswith("附件"))
    answer = assistant.ask("信用承诺书上要填哪些单位的情况？")
    assert squash(blank.text)[:15] in squash(answer.answer)


def test_a_question_word_is_no_word_a_typo_is_corrected_to(assistant: Assistant) -> None:
    # "哪填" reads like "哪天" (a question word some trigger is built with): the asker wrote where to fill in
    u = assistant.understander.understand("这个表格去哪填呀？", None)
    assert "填" in u.text and not u.corrections
    # a slip for a word of what is asked is still corrected
    assert "截止" in assistant.understander.understand("几号戒指？", None).text


def test_a_bare_predicate_after_a_closed_question_is_a_question_of_its_own(assistant: Assistant) -> None:
    counts = next(f for f in CORPUS.facts if f.role == "project_counts")
    answer = assistant.ask("重点课题一共设了几个？分别是多少钱？")
    # both asked: how many (the counts) and how much (the amounts), not the amounts alone
    assert squash(counts.zh)[:12] in squash(answer.answer) and "6万元" in answer.answer


def test_a_count_said_after_the_unit_in_its_clause_chain_is_the_units() -> None:
    from assistant.extract import extract_profile

    # the unit named once, its count in the next clause without a subject of its own
    assert extract_profile(canonical("研究院只走市直口推荐，眼下才推了3个，我还没报过别的。")).org_quota_used == 3
    assert extract_profile(canonical("所里走一个推荐口子，这个是第2项。")).org_quota_used == 1
    assert extract_profile(canonical("学院只经过一个部门，今年还没推荐其他的。")).org_quota_used == 0
    # the leader speaking after a semicolon is the leader, not the unit
    p = extract_profile(canonical("学院只经过一个部门；我已经报了1项。"))
    assert p.org_quota_used is None and p.applications_this_year == 1
    assert extract_profile(canonical("The institute has nominated just two projects so far.")).org_quota_used == 2
    assert extract_profile(canonical("这个选题没重复申请过财政资金")).already_city_funded is False


def test_how_a_form_is_written_is_its_own_line_on_writing(assistant: Assistant) -> None:
    line = next(p for p in CORPUS.passages if p.section.startswith("附件2") and "机打" in p.text)
    for q in ("单位那份信用承诺书可以拿笔手写不？", "信用承诺书是不是必须电脑打出来？"):
        assert squash(line.text)[:20] in squash(assistant.ask(q).answer), q


def test_whom_the_notice_is_sent_to_is_its_salutation(assistant: Assistant) -> None:
    salutation = next(f for f in CORPUS.facts if f.role == "addressee")
    for q in ("这个通知主要是发给谁看的？", "Who is this notice addressed to?"):
        answer = assistant.ask(q)
        assert answer.intent.value == "other" and squash(salutation.quotes[0])[:10] in squash(answer.answer), q


def test_which_year_or_whose_programme_this_is_asks_about_this_one(assistant: Assistant) -> None:
    # "哪一年度的计划" names no other programme: the notice's year is the answer, not "not covered"
    answer = assistant.ask("请问这属于哪个年度的计划？")
    assert answer.intent.value != "out_of_scope" and str(CORPUS.meta.year) in answer.answer
    assert assistant.ask("湖北省有什么基金可以报吗").intent.value == "out_of_scope"
    # which of another body's programmes is asked is still another programme
    assert assistant.ask("湖北省哪个基金适合我报").intent.value == "out_of_scope"


def test_an_amount_asked_a_few_words_after_the_money_is_an_amount(assistant: Assistant) -> None:
    u = assistant.understander.understand("这次给的经费算下来总共大概有多少？", None)
    assert u.attribute == "amount"


def test_who_answers_for_something_is_the_sentence_holding_someone_to_it(assistant: Assistant) -> None:
    pledge = next(f for f in CORPUS.facts if "第一责任人" in "".join(f.quotes))
    for q in ("项目的钱万一用得不规范，最后由谁担责？", "Who takes responsibility if the grant is misused?"):
        u = assistant.understander.understand(q, None)
        assert u.attribute == "responsible", q
    answer = assistant.ask("项目的钱万一用得不规范，由谁来负责？")
    # the sentence holding the leader to it, not the amounts the money words find
    amounts = next(f for f in CORPUS.facts if f.intent == "funding" and "万元" in "".join(f.quotes))
    assert squash(pledge.zh)[:12] in squash(answer.answer) and not answer.answer.startswith(amounts.zh[:8])


def test_how_many_phones_asks_for_every_contact(assistant: Assistant) -> None:
    phones = {p for f in CORPUS.facts if f.intent == "contacts" for p in re.findall(r"\d{8}", "".join(f.quotes))}
    assert len(phones) >= 3
    for q in ("这次到底能打几个电话咨询？", "How many hotline numbers does the notice give?"):
        answer = assistant.ask(q).answer
        assert all(p in answer for p in phones), q
    # a predicate with a verb of its own after 分别/各自 is the predicate of the question before it
    assert len(assistant.understander.split("总共有几条热线，各自负责啥？")) == 1


def test_a_record_denied_in_a_list_and_a_unit_called_yuansuo() -> None:
    from assistant.extract import extract_profile

    p = extract_profile(canonical("本单位与负责人均无失信或严重失信记录"))
    assert p.credit_blacklisted is False and p.serious_misconduct_in_penalty is False
    assert extract_profile(canonical("我们院所今年一个都还没推荐")).org_quota_used == 0


def test_what_the_programme_is_for_is_the_purpose_it_states(assistant: Assistant) -> None:
    direction = next(f for f in CORPUS.facts if f.role == "guide_direction")
    answer = assistant.ask("搞这个软科学计划是做什么用的？")
    assert squash(direction.quotes[0])[-12:] in squash(answer.answer)
    # a why-question about a rule still gets that rule's purpose, not the programme's
    budget = assistant.ask("为啥不用编制经费预算了")
    assert "包干制" in budget.answer and squash(direction.quotes[0])[:12] not in squash(budget.answer)


def test_that_office_is_the_office_of_the_topic_under_discussion(assistant: Assistant) -> None:
    by_office: dict[str, list] = {}
    for t in CORPUS.topics:
        for c in t.contacts:
            by_office.setdefault(c.office, []).append(t)
    office, topics = next((o, ts) for o, ts in by_office.items() if len(ts) >= 3)
    first = assistant.ask(f"{topics[0].title}这个课题归哪个处室？", session_id="that-office")
    assert office in first.answer
    then = assistant.ask("那这个处室另外还负责哪些课题？", session_id="that-office")
    assert all(t.label in then.answer for t in topics[1:]), then.answer


def test_whether_it_is_open_now_is_ranked_on_the_asking_sentence(assistant: Assistant) -> None:
    window = next(f for f in CORPUS.facts if f.role == "submission_window")
    answer = assistant.ask("网上系统目前开放填写了吗？我们准备先把申报书内容录入。")
    assert answer.intent.value == "dates" and squash(window.zh)[:10] in squash(answer.answer)


def test_a_second_question_naming_nothing_asks_of_the_first_ones_subject(assistant: Assistant) -> None:
    assert assistant.understander.subject_of("信用承诺书有没有固定格式") == "信用承诺书"
    assert assistant.understander.subject_of("经费多少") == ""
    answer = assistant.ask("信用承诺书有没有范本？谁来签字？")
    assert "法定代表人签字" in answer.answer


def test_a_field_the_asker_works_in_finds_the_topic_that_suits_it(assistant: Assistant) -> None:
    legislation = next(t for t in CORPUS.topics if "立法" in t.title)
    answer = assistant.ask("本人长期从事知识产权法研究，有没有适合我的题目？")
    assert legislation.title[:10] in answer.answer and answer.intent.value == "topics"
    # a field no topic suits: the notice's topics are set, and the answer says so and lists them
    none = assistant.ask("我是做古代文学研究的，有适合的课题吗")
    assert none.answer.startswith("通知中没有与“古代文学”明显对应的课题")
    assert all(t.title[:8] in none.answer for t in CORPUS.topics)


def test_our_suo_is_a_research_institute_but_all_of_us_is_not() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("咱们所今年已推荐两项，我还能报吗")).org_type == "research_institute"
    assert extract_profile(canonical("我所在的单位是一所大学")).org_type == "university"
    assert extract_profile(canonical("我们所有材料都准备好了")).org_type is None


def test_an_only_application_and_an_only_channel_are_counts() -> None:
    from assistant.extract import extract_profile

    p = extract_profile(canonical("这是我本年度唯一的一项申请，院里只推荐了这一项，走的是一个推荐渠道"))
    assert (p.applications_this_year, p.org_quota_used, p.recommending_departments) == (0, 0, 1)


def test_the_programme_itself_asked_in_english_or_colloquially(assistant: Assistant) -> None:
    direction = next(f for f in CORPUS.facts if f.role == "guide_direction")
    for q in ("What's the main aim of the soft science programme?", "这个软科学计划是干嘛的"):
        answer = assistant.ask(q)
        assert answer.intent.value == "other" and squash(direction.quotes[0])[-12:] in squash(answer.answer), q
    # another place's programme is not this one
    assert assistant.ask("What is the purpose of the Hubei programme?").intent.value != "other"


def test_which_platform_asks_where_to_apply(assistant: Assistant) -> None:
    online = next(f for f in CORPUS.facts if f.role == "online_application")
    answer = assistant.ask("要在什么平台上提交？")
    assert squash(online.zh)[:12] in squash(answer.answer), answer.answer


def test_a_passage_level_with_the_drafts_best_still_leads(assistant: Assistant) -> None:
    from assistant.compose import Draft
    from index.retriever import Hit

    # A form's bare title a hair below the draft's own best passage (two BM25 scores that any other passage's
    # words in the index may swap) is level with it: the form's clause the question asks about leads.
    pledge = next(f for f in CORPUS.facts if f.id == "credit_pledge_template")
    materials = next(f for f in CORPUS.facts if f.role == "materials")
    section = CORPUS.passage(pledge.passage_ids[0]).section
    title = next(p for p in CORPUS.passages if p.section == section)
    own = CORPUS.passage(materials.passage_ids[0])
    draft = Draft(materials.zh, list(materials.passage_ids))
    q = canonical("信用承诺书开头要填单位的哪些信息")
    for first, second in ((own, title), (title, own)):
        hits = [Hit(first, 13.23), Hit(second, 13.21)]
        leads = assistant.quotes.lead_passages(draft, hits, q)
        assert title.id in leads, (first.id, leads)


def test_an_english_step_done_by_the_leader_is_the_leaders_step(assistant: Assistant) -> None:
    # "after the leader fills it in" is the clause after the leader's filling-in, not after the unit's
    # logging in, which the notice says of filling in too
    clause = next(p for p in CORPUS.passages if "负责人" in p.text and "填报" in p.text and "管理员" in p.text)
    answer = assistant.ask("Once the project leader has filled in the application online, what's next?")
    assert answer.answer.startswith("Next, the notice says:") and "管理员" in answer.answer, answer.answer
    assert clause.id in [c.id for c in answer.citations]


def test_who_issued_the_notice_is_cited_with_its_title_line(assistant: Assistant) -> None:
    title = next(p for p in CORPUS.passages if squash(p.text) == squash(CORPUS.title))
    issue = next(f for f in CORPUS.facts if f.role == "issue_date")
    assert title.id not in issue.passage_ids  # (the title rests on no fact: naming the programme draws no date in)
    answer = assistant.ask("这份通知是哪个单位印发的？")
    assert title.id in [c.id for c in answer.citations[:3]], answer.citations
    # a question on anything else cites no title line for it
    assert title.id not in [c.id for c in assistant.ask("业务咨询电话是多少").citations]


def test_a_date_asked_after_a_dated_step_is_the_next_steps(assistant: Assistant) -> None:
    # The asker names a dated step as done and asks when the next one is: the window opening next after it,
    # with no clause of the step done leading the answer.
    windows = sorted((f for f in CORPUS.facts if f.window), key=lambda f: f.window.opens if f.window else None)
    first, second = windows[0], windows[1]
    assert first.window and second.window
    answer = assistant.ask("网上系统填报截止以后，下一个环节安排在哪几天？")
    assert answer.intent == "dates", answer.intent
    assert f"{second.window.opens.month}月{second.window.opens.day}日" in answer.answer, answer.answer
    assert second.passage_ids[0] == answer.citations[0].id, answer.citations
    assert not answer.answer.startswith("通知原文"), answer.answer


def test_paper_copies_called_by_their_hong_kong_and_taiwan_name(assistant: Assistant) -> None:
    # 紙本 is what a traditional-character writer calls the paper copies (the notice says 纸质)
    paper = next(f for f in CORPUS.facts if f.role == "paper_materials")
    answer = assistant.ask("申請書的紙本要不要郵寄過去？")
    assert paper.passage_ids[0] in [c.id for c in answer.citations[:3]], answer.citations
    assert squash(paper.quotes[0])[:10] in squash(answer.answer), answer.answer


def test_an_english_question_finds_the_procedures_clause_by_its_chinese_words(assistant: Assistant) -> None:
    # "who approves … before it goes in": approving and submitting, in the notice's words, are the clause of
    # the unit administrator's review
    clause = next(p for p in CORPUS.passages if "管理员" in p.text and "审核" in p.text and "提交" in p.text)
    answer = assistant.ask("Who in our institution must approve the proposal before it can be submitted?")
    assert clause.id in [c.id for c in answer.citations[:3]], answer.citations
    assert "管理员" in answer.answer, answer.answer
    # one procedure word alone is the verb of any question: it draws in no clause of its own
    answer = assistant.ask("May one researcher submit two proposals this year?")
    assert answer.intent != "dates", answer.answer


def test_a_levels_topics_asked_as_a_list_are_all_listed(assistant: Assistant) -> None:
    major = [t for t in CORPUS.topics if t.level == "major"]
    assert len(major) >= 2
    answer = assistant.ask("What are this year's major projects?")
    for t in major:
        assert squash(t.title)[:8] in squash(answer.answer), (t.title, answer.answer)


def test_a_request_to_write_a_text_is_out_of_scope_whatever_topic_it_names(assistant: Assistant) -> None:
    answer = assistant.ask("帮我写一份科创金融方向的申报书")
    assert answer.intent == Intent.OUT_OF_SCOPE, answer.answer


def test_a_count_of_a_numbered_list_is_asked_of_the_list(assistant: Assistant) -> None:
    annexes = next(f for f in CORPUS.facts if f.role == "attachments")
    answer = assistant.ask("这份通知最后附了几个附件？")
    assert annexes.passage_ids[0] in [c.id for c in answer.citations[:2]], answer.citations


def test_the_pledges_stamp_is_quoted_in_an_english_answer(assistant: Assistant) -> None:
    # the template's seal line is a quote of the fact that says the pledge is stamped
    answer = assistant.ask("Has the credit pledge template got to carry our institution's seal?")
    assert "公章" in answer.answer, answer.answer


def test_this_one_as_the_only_application_and_no_prior_city_funding_are_read() -> None:
    from assistant.extract import extract_profile

    assert extract_profile("我在郑州的高校工作，58岁，报一般项目，今年就此一项申请").applications_this_year == 0
    assert extract_profile("We have had no previous municipal funding for this study.").already_city_funded is False


def test_the_first_step_asked_with_any_verb_of_doing(assistant: Assistant) -> None:
    first = next(f for f in CORPUS.facts if f.role == "online_application")
    for q in ("新成立的研究所第一次报，得先弄些什么？", "我们单位以前没报过，要先干嘛"):
        answer = assistant.ask(q)
        assert answer.citations[0].id == first.passage_ids[0], (q, answer.citations)
        assert not answer.answer.startswith("通知原文"), answer.answer


def test_a_section_asked_what_it_is_like_is_given_whole(assistant: Assistant) -> None:
    # "…是什么样的" of a section's own name asks for all of it: each of its parts, by heading
    procedure = next(p for p in CORPUS.passages if p.section.endswith("申报流程") or "二、申报流程" in p.section)
    answer = assistant.ask("项目申报的流程是什么样的")
    assert "申报流程" in answer.answer.splitlines()[0], answer.answer
    assert procedure.section.split(" > ")[1] in answer.answer, answer.answer


def test_a_heading_introducing_a_list_is_never_quoted_alone() -> None:
    # "(四) 项目申报材料包括：" says nothing on its own: it may not lead an answer as the notice's words
    from assistant.compose import Draft
    from assistant.quotes import QuoteFinder
    from index.retriever import Hit

    heading = next(p for p in CORPUS.passages if p.text.rstrip().endswith("：") and "材料包括" in p.text)
    online = next(f for f in CORPUS.facts if f.role == "online_application")
    picker = QuoteFinder(CORPUS)
    draft = Draft(online.zh, list(online.passage_ids))
    hits = [Hit(heading, 9.0), *(Hit(CORPUS.passage(pid), 4.0) for pid in online.passage_ids)]
    assert heading.id not in picker.lead_passages(draft, hits, "申报流程是怎样的？", listing=True)
    assert heading.id not in picker.lead_passages(draft, hits, "申报流程是怎样的？")


def test_a_follow_up_naming_its_own_subject_is_a_question_of_its_own(assistant: Assistant) -> None:
    # the second turn asks what goes up online: not the paper copies of the turn before, with its words added
    paper = next(f for f in CORPUS.facts if f.role == "paper_materials")
    assistant.ask("纸质的申报材料现在还用交吗？", session_id="r22-own-subject")
    answer, lines = assistant.explain("那网上得传哪些附件？", session_id="r22-own-subject")
    assert not any("follow-up completed" in line for line in lines), lines
    assert paper.passage_ids[0] not in [c.id for c in answer.citations[:1]], answer.citations


def test_a_why_question_finds_the_stated_purpose_without_shared_words(assistant: Assistant) -> None:
    purpose = next(p for p in CORPUS.passages if "拥堵" in p.text)
    answer = assistant.ask("为什么建议大家别等到最后一天再交")
    assert answer.intent != Intent.OUT_OF_SCOPE, answer.answer
    assert purpose.id in [c.id for c in answer.citations[:2]], answer.citations


def test_the_topic_one_part_finds_is_what_the_next_part_asks_about(assistant: Assistant) -> None:
    # told first, then two questions: which topic suits the field, then whom to contact for it
    finance = next(t for t in CORPUS.topics if "金融" in t.title)
    office = finance.contacts[0].office
    for q in ("我的研究方向是金融，适合报哪个子课题？归哪个处管？", "做金融研究的适合报哪个题目，该找哪个处室"):
        answer = assistant.ask(q)
        assert finance.title[:10] in answer.answer, (q, answer.answer)
        assert office in answer.answer, (q, answer.answer)


def test_a_status_question_pointing_back_is_asked_of_the_sentence_before(assistant: Assistant) -> None:
    # "them" is the district bureau the sentence before names: its recommending window, not the filing one
    review = next(f for f in CORPUS.facts if f.window and any("推荐" in q for q in f.quotes) and f.role != "submission_window")
    answer = assistant.ask("Our district bureau hasn't recommended us so far. Is it still possible for them?",
                           today=dt.date(2024, 10, 26))
    assert review.passage_ids[0] in [c.id for c in answer.citations[:2]], (review.id, answer.citations)


def test_slots_used_said_with_only_and_no_repeated_city_money_are_read() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("Our institute has used just 1 of its slots this year.")).org_quota_used == 1
    assert extract_profile(canonical("这个课题从没重复拿过市级财政的钱")).already_city_funded is False


def test_an_overview_of_one_kind_of_requirement_leads_with_the_fact_of_that_kind(assistant: Assistant) -> None:
    # "what is required of X's credit" is an overview of requirements; the credit sentence answers it first
    # (a clause of the annexed pledge about the unit's credit may lead, in the notice's words)
    credit = next(p for p in CORPUS.passages if "黑名单" in p.text and "信用记录" in p.text)
    for q in ("信用方面对单位和项目负责人都有啥规定？", "申报单位和负责人在信用记录上有什么要求"):
        answer = assistant.ask(q)
        assert credit.id in [c.id for c in answer.citations[:3]], (q, answer.citations)
        said = next(line for line in answer.answer.splitlines() if not line.startswith("通知原文"))
        assert said.startswith("项目负责人、申报单位须信用记录良好"), answer.answer


def test_the_conditions_asked_as_a_list_are_the_requirements_section(assistant: Assistant) -> None:
    # "有哪些" after a section's own word asks for the whole section, by its parts
    section = next(p.section for p in CORPUS.passages if "申报对象" in p.text).split(" > ")[1]
    for q in ("申报条件一共有哪些？", "项目的申报条件都包括什么"):
        answer = assistant.ask(q)
        assert section in answer.answer.splitlines()[0], (q, answer.answer)


def test_a_frame_opening_a_list_is_shared_by_every_item(assistant: Assistant) -> None:
    # "对A和B都有啥要求" asks what is required of A and of B, each under the frame
    parts = assistant.understander.split("信用上对申报单位和项目负责人都有啥要求")
    assert len(parts) == 2 and all(p.startswith("信用上对") for p in parts), parts


def test_a_passage_sharing_only_the_general_ask_does_not_lead(assistant: Assistant) -> None:
    # "规定" of "如何规定" says what is asked for, not what about: the leader's conditions answer, no pledge clause
    leader = next(f for f in CORPUS.facts if f.role == "leader_requirements" or "职称" in f.zh and "年龄" in f.zh)
    answer = assistant.ask("职称方面是如何规定的？")
    assert answer.citations[0].id in leader.passage_ids, answer.citations
    assert not answer.answer.startswith("通知原文"), answer.answer


def test_a_bare_general_ask_after_a_may_i_question_asks_of_its_subject(assistant: Assistant) -> None:
    # "有哪些要求" names nothing: what is required of the unit type the question before asks about
    parts = assistant.understander.split("科研院所可以报吗？具体有哪些要求？")
    assert len(parts) == 2 and parts[1].startswith("科研院所"), parts
    answer = assistant.ask("科研院所可以报吗？具体有哪些要求？")
    assert "科研院所、事业单位限报" in answer.answer.replace(" ", ""), answer.answer
    # a question before that names its own subject leaves the bare ask alone
    assert assistant.understander.split("截止时间是哪天？有什么要求？")[1] == "有什么要求"


def test_the_programme_named_in_a_question_is_not_what_it_is_ranked_on(assistant: Assistant) -> None:
    # every question is about the programme: its full name (with the year) would rank the preamble and the
    # legal basis first, whatever is asked
    applicants = next(f for f in CORPUS.facts if f.role == "applicants")
    for q in ("哪几类单位有资格申报2024年郑州市软科学研究计划项目？",
              "Which kinds of bodies may apply for the 2024 Zhengzhou soft science projects?"):
        answer = assistant.ask(q)
        assert answer.citations[0].id in applicants.passage_ids, (q, answer.citations)


def test_a_year_the_notice_has_only_in_a_date_names_another_call_when_a_call_follows_it(assistant: Assistant) -> None:
    completion = next(f for f in CORPUS.facts if f.role == "completion_deadline")
    later = re.search(r"(\d{4})\s*年", "".join(completion.quotes))
    assert later and int(later.group(1)) != CORPUS.meta.year
    year = later.group(1)
    # the year of the completion date, said of a call: another year's call, not this one's dates
    for q in (f"{year}年的软科学申报通知大概什么时候发？", f"When does the {year} soft science call open?"):
        assert assistant.ask(q).intent == Intent.OUT_OF_SCOPE, q
    # ... said of this call's projects, it is this call's completion date asked
    answer = assistant.ask(f"项目{year}年能做完吗？")
    assert answer.intent != Intent.OUT_OF_SCOPE and year in answer.answer.replace(" ", "")


def test_a_call_named_in_english_is_no_phone_call(assistant: Assistant) -> None:
    # "call" as the call for applications: neither a phone asked nor the call's own purpose refused
    answer = assistant.ask("What does this call aim to achieve?")
    assert answer.intent != Intent.OUT_OF_SCOPE, answer.answer
    assert assistant.understander.understand("When does the soft science call close?").attribute == "date"


def test_something_sought_that_the_notice_never_names_is_out_of_scope(assistant: Assistant) -> None:
    for q in ("How can I apply for a driving licence in Zhengzhou?", "How do I get a parking permit for the bureau?"):
        assert assistant.ask(q).intent == Intent.OUT_OF_SCOPE, q
    # a thing the notice offers, asked the same way, is answered (one word the notice's English lacks, "grant",
    # is no other thing)
    answer = assistant.ask("I'm 41 with a PhD at a university in Zhengzhou. Can I apply for a key project?")
    assert answer.intent == Intent.ELIGIBILITY
    assert assistant.ask("Can I get a grant for the key project?").intent != Intent.OUT_OF_SCOPE


def test_a_level_the_asker_says_is_not_theirs_names_none() -> None:
    from assistant.extract import extract_profile

    assert extract_profile("我报的是重点项目，不是重大项目").project_level == "key"
    assert extract_profile("打算申报重大项目，并非重点课题").project_level == "major"
    # (both named as candidates: no level stated)
    assert extract_profile("重大项目和重点项目哪个好报").project_level is None


def test_overdue_and_count_said_in_other_words() -> None:
    from assistant.extract import extract_profile

    assert extract_profile("我没有在研的逾期市级项目").overdue_city_project is False
    assert extract_profile("我今年就报这一项，没有别的").applications_this_year == 0
    assert extract_profile("负责人今年就这一项。").applications_this_year == 0


def test_the_purpose_the_notice_opens_with_answers_what_the_call_is_for(assistant: Assistant) -> None:
    purpose = next(f for f in CORPUS.facts if f.role == "purpose")
    assert squash(purpose.quotes[0]) in squash(CORPUS.clean_notice)
    for q in ("开展这次申报的宗旨是什么？", "What's the aim of this call?"):
        answer = assistant.ask(q)
        assert squash(purpose.quotes[0])[-8:] in squash(answer.answer), (q, answer.answer)
    # a why asked of a step is still answered by that step's own purpose
    answer = assistant.ask("为啥叫大家别挤在最后几天交？")
    assert squash(purpose.quotes[0])[-8:] not in squash(answer.answer.splitlines()[0])


def test_a_bare_deadline_is_the_calls_own_window(assistant: Assistant) -> None:
    window = CORPUS.main_window()
    assert window is not None and window.window is not None
    # (tied with the completion date on every feature: the call's own window is said first)
    for q in ("What is the deadline?", "deadline?"):
        first = re.search(r"\d{4}-\d{2}-\d{2}", assistant.ask(q).answer)
        assert first and first.group() in (window.window.opens.isoformat(), window.window.closes.isoformat()), q


def test_what_follows_from_breaking_the_pledge_is_the_clause_saying_so(assistant: Assistant) -> None:
    # the pledge's own clause of what is done to a unit that breaks it leads, verbatim, in either language
    pledge = [p for p in CORPUS.passages if "撤销项目立项" in p.text]
    assert len(pledge) == 1
    for q in ("What sanctions does a unit face if it breaks its credit pledge?",
              "单位要是违背了信用承诺，会受到什么处理？"):
        answer = assistant.ask(q)
        assert "撤销项目立项" in answer.answer.splitlines()[0], (q, answer.answer[:200])
        assert pledge[0].id in [c.id for c in answer.citations[:3]], (q, answer.citations)


def test_a_time_the_asker_proposes_to_submit_by_is_weighed_against_the_window(assistant: Assistant) -> None:
    # "…月底之前交都行吧" names no deadline word: the proposed time asks the deadline of what is done
    window = CORPUS.main_window()
    assert window is not None and window.window is not None
    closes = window.window.closes
    answer = assistant.ask(f"{closes.month}月底之前交上去应该都行吧？")
    assert answer.intent == Intent.DATES
    assert f"{closes.year}年{closes.month}月{closes.day}日" in answer.answer.split("。")[0], answer.answer


def test_acting_at_a_windows_end_is_a_question_of_the_window(assistant: Assistant) -> None:
    # "the last day" names no date and shares no word with the window's sentences: it is the window asked
    window = CORPUS.main_window()
    assert window is not None and window.window is not None
    closes = window.window.closes
    answer = assistant.ask("打算最后一天再交，会不会有麻烦？")
    assert f"{closes.year}年{closes.month}月{closes.day}日" in answer.answer, answer.answer
    assert closes.isoformat() in assistant.ask("Is it OK to submit on the last day?").answer


def test_a_short_english_turn_asking_a_facet_asks_it_of_the_topic_discussed(assistant: Assistant) -> None:
    # a few English words are as short as "电话多少": the phone of the topic under discussion, not the hotline
    topic = next(t for t in CORPUS.topics if t.contacts and t.parent)
    phone = topic.contacts[0].phone
    general = _phones("contact_business")
    assert phone not in general
    first = assistant.ask(f"Which office handles {topic.title_en}?", session_id="short-en")
    assert phone in first.answer or topic.contacts[0].office in first.answer, first.answer
    answer = assistant.ask("What is the phone number?", session_id="short-en")
    assert phone in answer.answer and general[0] not in answer.answer, answer.answer
    # "what is" asks what a topic is only of a topic named: a short turn asking a date is the call's own
    window = CORPUS.main_window()
    assert window is not None and window.window is not None
    assert window.window.closes.isoformat() in assistant.ask("What is the deadline?", session_id="short-en").answer


def test_another_citys_call_with_its_year_between_is_out_of_scope(assistant: Assistant) -> None:
    # a city the notice only cites, then the year of a call, then the call: that city's call is asked of
    year = CORPUS.meta.year
    assert "北京" in CORPUS.clean_notice  # cited as a reference city in a topic
    for q in (f"北京市{year}年软科学研究计划几号截止？", f"北京{year}年度的软科学项目在哪报？"):
        assert assistant.ask(q).intent == Intent.OUT_OF_SCOPE, q
    # a city that is only where the asker studied does not make the question another call's
    assert assistant.ask(f"我在北京读的博士，{year}年软科学项目什么时候截止？").intent == Intent.DATES


def test_whether_a_topic_on_something_exists_gets_the_topic_whole(assistant: Assistant) -> None:
    # "的题目" ending a have-or-not question names a topic, not its title asked for
    topic = next(t for t in CORPUS.topics if "立法" in "".join(t.passage_of) and t.contacts)
    answer = assistant.ask("有没有跟地方立法相关的题目？")
    assert topic.contacts[0].phone in answer.answer, answer.answer
    assert topic.title in answer.answer


def test_an_office_the_asker_already_knows_is_not_what_is_asked(assistant: Assistant) -> None:
    business, tech = _phones("contact_business"), _phones("contact_tech")
    # the office of the asking clause comes first, the one told of before it is context
    answer = assistant.ask(f"网络技术支持是{tech[0]}，那业务咨询打哪个？")
    assert business[0] in answer.answer.split("。")[0], answer.answer
    answer = assistant.ask("法规处我们已经问过了，网上系统的技术问题找谁？")
    assert tech[0] in answer.answer.split("。")[0], answer.answer
    # an office asked of in a question of its own before stays asked of
    answer = assistant.ask("法规处电话多少？它还管哪个课题？")
    assert business[0] in answer.answer or "法规处" in answer.answer.split("。")[0], answer.answer


def test_a_condition_named_in_a_question_ranks_the_rule_reading_it(assistant: Assistant) -> None:
    # "a PhD" states a degree: the leader qualification rule reads it, whatever the question's other words
    rule = next(r for r in CORPUS.rules if "degree" in r.fields)
    answer = assistant.ask("Do I need a PhD to lead a major project?")
    assert squash(rule.quote)[:12] in squash(answer.answer), answer.answer
    # (the change-of-leader clause shares "project leader" and "major" with it, and is no answer)
    assert "变更" not in answer.answer


def test_profiles_read_from_long_statements_of_every_condition() -> None:
    from assistant.extract import extract_profile

    # never having held a city project: none of them can be overdue
    assert extract_profile("本人从来没有主持过市级财政资助的科技项目").overdue_city_project is False
    assert extract_profile("我手头没有市科技局的项目").overdue_city_project is False
    assert extract_profile("i don't hold any city-funded project").overdue_city_project is False
    # a term that came and went without the project closed is overdue
    assert extract_profile("我那个市里的课题执行期去年6月就到了，还没验收").overdue_city_project is True
    # another programme's project, however long its name, is no city project
    assert extract_profile("my provincial key research and development project is overdue").overdue_city_project is not True
    # one recommending body named with 统一
    assert extract_profile("单位统一通过二七区科技局推荐").recommending_departments == 1
    assert extract_profile("we use one recommending bureau").recommending_departments == 1
    # units put forward nothing else; a count "so far"
    assert extract_profile("our institute hasn't put forward anything else this year").org_quota_used == 0
    assert extract_profile("the university has submitted 3 so far").org_quota_used == 3
    # two projects both led by the asker
    assert extract_profile("想报两个课题，两个都当负责人").applications_this_year == 1
    # a privately run school, an organ of government
    assert extract_profile("我们是一所民办小学").org_type == "social_organization"
    assert extract_profile("我在区直机关工作").org_type == "other"
    # no separate legal registration; applying in the parent's name is the parent applying
    assert extract_profile("我们科室没有单独的法人登记").independent_legal_person is False
    assert extract_profile("研究中心不是独立法人，会以研究院的名义申报").independent_legal_person is True
    # money from elsewhere, said not to be the city's
    assert extract_profile("经费是省里给的，不是市级财政资金").already_city_funded is False


def test_a_stated_fact_asked_whether_it_bars_the_asker_is_a_verdict(assistant: Assistant) -> None:
    # ... and another programme named in it is what they hold, not what they ask about
    answer = assistant.ask("My National Natural Science Foundation project is overdue. Does that stop me from applying? I'm 50.")
    assert answer.intent == Intent.ELIGIBILITY and answer.eligibility is not None
    assert answer.eligibility.verdict != "ineligible"  # (an overdue project that is not the city's passes)
    answer = assistant.ask("I'm 63. Would that rule me out of applying?")
    assert answer.eligibility is not None and answer.eligibility.verdict == "ineligible"


def test_a_place_word_is_no_slip_for_a_homophone(assistant: Assistant) -> None:
    # "报市软科学" names the city: it is not corrected to "报时"
    u = assistant.understander.understand("想报市软科学项目，需要什么条件？", None, False)
    assert "报时" not in u.text


def test_an_english_trigger_word_weighs_as_a_chinese_word(assistant: Assistant) -> None:
    # "call" is one word of asking for a phone, not worth a four-character phrase: the technical support
    # line that the question's other words find comes first
    tech = _phones("contact_tech")
    answer = assistant.ask("Whom should I call about technical problems in the online system?")
    assert tech[0] in answer.answer.split(".")[0], answer.answer


def test_when_the_notice_itself_was_issued_is_its_dateline(assistant: Assistant) -> None:
    issued = next(f for f in CORPUS.facts if f.role == "issue_date")
    window = CORPUS.main_window()
    assert window is not None and window.window is not None
    for q in ("这份通知啥时候发出来的？", "When was this notice issued?"):
        answer = assistant.ask(q)
        assert squash(issued.quotes[0]) in squash(answer.answer) or issued.en.split("(")[0][:20] in answer.answer, (q, answer.answer)
        assert window.window.opens.isoformat() not in answer.answer and f"{window.window.opens.month}月{window.window.opens.day}日" not in answer.answer, answer.answer


def test_a_clause_leading_an_answer_states_no_value_the_answer_does_not_give(assistant: Assistant) -> None:
    # after a topic, "它经费多少" is that topic's amount: the other level's amount sentence must not lead it
    topic = next(t for t in CORPUS.topics if t.funding_wan and t.contacts and t.level == "key")
    amounts = set(re.findall(r"\d+(?:\.\d+)?万元", squash("".join(q for f in CORPUS.facts if f.role == "funding_levels" for q in f.quotes))))
    assert len(amounts) >= 2
    first = assistant.ask(f"{topic.title}归哪个处？", session_id="lead-values")
    assert topic.contacts[0].phone in first.answer
    answer = assistant.ask("它经费多少？", session_id="lead-values")
    stated = set(re.findall(r"\d+(?:\.\d+)?万元", squash(answer.answer)))
    assert stated and len(stated) == 1, answer.answer


def test_what_the_asker_studies_and_how_a_unit_is_registered_decide_its_kind() -> None:
    from assistant.extract import extract_profile

    # the subject of the asker's research names no unit of theirs
    assert extract_profile("i study how start-up companies raise money. is there a topic for me?").org_type is None
    assert extract_profile("we are a company and we study industrial policy").org_type == "enterprise"
    # a privately run university is a university; a privately run middle school is not
    assert extract_profile("我在一所民办大学当老师").org_type == "university"
    assert extract_profile("我们是一所民办中学").org_type == "social_organization"
    # a new R&D institution is the kind it says it is registered as
    assert extract_profile("我们是新型研发机构").org_type == "new_rd_institution"
    assert extract_profile("我们是新型研发机构，登记为事业单位").org_type == "public_institution"
    assert extract_profile("a new r&d institution registered as a limited company").org_type == "enterprise"
    # English ways of saying one recommending body and no city money
    assert extract_profile("we apply through only one district s&t bureau").recommending_departments == 1
    assert extract_profile("the project was never city-funded").already_city_funded is False


def test_a_unit_kind_registered_as_several_is_undecided_where_one_of_them_may_apply(assistant: Assistant) -> None:
    from assistant.models import Profile

    org = next(r for r in CORPUS.rules if r.check == "one_of" and r.field == "org_type")
    assert "public_institution" in (org.allowed or []) and "new_rd_institution" not in (org.allowed or [])
    e = assistant.checker.check(Profile(org_type="new_rd_institution", located_in_zhengzhou=True), dt.date(2024, 9, 10))
    assert e.verdict == "unknown"
    assert "org_type" in e.missing
    # stated as a company, the same institution is not an admitted unit
    assert assistant.checker.check(Profile(org_type="enterprise"), dt.date(2024, 9, 10)).verdict == "ineligible"


def test_a_topic_suiting_the_askers_field_is_found_in_any_order_and_language(assistant: Assistant) -> None:
    peer = next(t for t in CORPUS.topics if "同群效应" in t.title)
    answer = assistant.ask("I study how tech firms imitate each other's innovation. Is there a matching topic?")
    assert answer.intent == Intent.TOPICS and answer.eligibility is None
    assert peer.title in answer.answer
    # the topic word before the word of fitting, and the field said in a clause of its own
    indicator = next(t for t in CORPUS.topics if "指标评价" in t.title)
    answer = assistant.ask("我们在学院里做城市创新能力评价和排名，哪个课题比较对口？")
    assert indicator.title in answer.answer, answer.answer
    # no topic suits: said in the asker's language
    answer = assistant.ask("We research marine fisheries. Is there a suitable topic?")
    assert answer.intent == Intent.TOPICS and answer.answer.startswith("No topic of the notice")


def test_another_citys_call_asked_for_this_year_is_out_of_scope(assistant: Assistant) -> None:
    assert "深圳" in CORPUS.clean_notice or "北京" in CORPUS.clean_notice
    city = "深圳" if "深圳" in CORPUS.clean_notice else "北京"
    for q in (f"{city}市今年有软科学项目吗？", f"{city}明年有没有软科学计划"):
        assert assistant.ask(q).intent == Intent.OUT_OF_SCOPE, q


def test_a_level_the_notice_does_not_set_gets_the_levels_it_does(assistant: Assistant) -> None:
    assert "general" not in CORPUS.levels and "youth" not in CORPUS.levels
    for q in ("今年有青年项目吗？", "Is there a general project category?"):
        answer = assistant.ask(q)
        assert answer.intent == Intent.TOPICS, q
        # every level the notice sets, with what it receives
        amounts = re.findall(r"\d+(?:\.\d+)?万元", next(f for f in CORPUS.facts if f.role == "funding_levels").zh)
        assert len(amounts) == len(CORPUS.levels)
        for amount in amounts:
            assert amount in answer.answer, (q, amount)


def test_a_topics_deliverable_asked_with_what_it_serves_gets_that_sentence(assistant: Assistant) -> None:
    topic = next(t for t in CORPUS.topics if "孵化载体" in t.title)
    sentence = next(pid for quote, pid in topic.passage_of.items() if "为出台" in quote)
    answer = assistant.ask("孵化载体课题成果要支持出台什么文件")
    assert "为出台" in answer.answer and sentence in [c.id for c in answer.citations]
    # the deliverable alone asked: the clause naming it, not the whole sentence
    plain = assistant.ask("孵化载体那个课题的成果是什么？")
    assert topic.reports[0] in plain.answer and "为出台" not in plain.answer


def test_the_call_applied_for_by_its_short_english_name_asks_how_to_apply(assistant: Assistant) -> None:
    plain = assistant.ask("How do we apply?")
    named = assistant.ask("How do we apply for the soft science project?")
    assert named.intent == plain.intent == Intent.PROCESS
    assert [c.id for c in named.citations][:1] == [c.id for c in plain.citations][:1]


def test_a_thing_sought_without_an_article_and_a_title_hoped_for(assistant: Assistant) -> None:
    from assistant.extract import extract_profile

    assert assistant.ask("How can our lab apply for national key laboratory accreditation?").intent == Intent.OUT_OF_SCOPE
    assert extract_profile("will this help my promotion to full professor?").title is None
    assert extract_profile("i'm an associate professor").title == "associate_senior"


def test_a_count_asked_of_one_kind_of_holder_is_not_answered_by_the_others_limit(assistant: Assistant) -> None:
    quota = next(f for f in CORPUS.facts if f.role == "quota")
    leader = next(f for f in CORPUS.facts if any("负责人" in q and "一个项目" in q for q in f.quotes))
    unit = assistant.ask("一个单位最多能报几个项目")
    assert {c.id for c in unit.citations} & set(quota.passage_ids)
    assert not any(squash(q) in squash(unit.answer) for q in leader.quotes), unit.answer
    person = assistant.ask("How many projects may one project leader put forward?")
    assert person.citations and person.citations[0].id in leader.passage_ids, person.answer


def test_a_unit_count_said_as_below_a_bound_is_at_most_one_fewer() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("所里今年报上去的还不到3项")).org_quota_used == 2
    assert extract_profile(canonical("我们学院推荐的项目少于4个")).org_quota_used == 3


def test_a_modal_over_a_step_of_handing_in_asks_about_the_step_not_for_a_verdict(assistant: Assistant) -> None:
    window = next(f for f in CORPUS.facts if f.id == "submission_window")
    early = assistant.ask("我是河南农业大学的副教授，下个月要出差，能否提早几周就提交上去？")
    # the window answers first; the verdict on the stated facts only follows it
    assert early.intent != Intent.ELIGIBILITY and not early.answer.startswith("结论"), early.answer
    assert {c.id for c in early.citations} & set(window.passage_ids), early.answer
    # applying itself is still a may-I question
    assert assistant.ask("我是河南农业大学的副教授，能不能提交申请？").intent == Intent.ELIGIBILITY


def test_acting_at_a_windows_end_is_answered_with_the_window(assistant: Assistant) -> None:
    window = next(f for f in CORPUS.facts if f.id == "submission_window")
    closes = re.findall(r"\d{4}年\d{1,2}月\d{1,2}日", window.zh)[-1]
    for q in ("准备等到最后一天才提交，这样有风险吗？", "我们准备最后两天再交，来得及吗"):
        answer = assistant.ask(q)
        assert closes in answer.answer, (q, answer.answer)


def test_a_consequence_asked_is_found_outside_the_facts_sections(assistant: Assistant) -> None:
    clause = next(p for p in CORPUS.passages if "撤销项目立项" in p.text)
    answer = assistant.ask("万一被认定科研失信，会受到什么处理？")
    assert "撤销项目立项" in answer.answer and clause.id in [c.id for c in answer.citations], answer.answer


def test_the_short_name_applied_for_is_no_evidence_of_the_application_form(assistant: Assistant) -> None:
    plain = assistant.ask("哪些单位都可以申报？")
    named = assistant.ask("哪些单位都可以申报今年的软科学项目？")
    assert named.intent == plain.intent == Intent.ELIGIBILITY
    assert [c.id for c in named.citations][:1] == [c.id for c in plain.citations][:1]


def test_whom_the_results_serve_is_asked_as_a_purpose() -> None:
    from assistant.understand import asked_attribute

    assert asked_attribute(canonical("课题做完以后成果供谁参考")) == "why"
    assert asked_attribute(canonical("Who benefits from these studies?")) == "why"


def test_a_told_sentence_describing_a_topic_does_not_make_the_asked_phone_a_topic_list(assistant: Assistant) -> None:
    business = next(f for f in CORPUS.facts if f.id == "contact_business")
    answer = assistant.ask("I work at a research institute and I'm unsure whether our topic suits the programme. "
                           "What number do I ring with policy questions?")
    assert _phones("contact_business")[0] in answer.answer, answer.answer
    assert set(business.passage_ids) & {c.id for c in answer.citations}


def test_every_numbered_item_of_an_annex_asked_as_a_list(assistant: Assistant) -> None:
    annex = next(p.section for p in CORPUS.passages if "信用承诺书" in p.section)
    items = [p for p in CORPUS.passages if p.section == annex and re.match(r"\d+\s*[.、．]", p.text)]
    assert len(items) >= 3
    answer = assistant.ask("信用承诺书里单位一共承诺了哪些内容？")
    for p in items:
        assert squash(p.text) in squash(answer.answer), p.text
    # one item asked of is still that item alone
    one = assistant.ask("信用承诺书里关于经费使用是怎么承诺的？")
    assert sum(squash(p.text) in squash(one.answer) for p in items) == 1, one.answer


def test_a_condition_stated_beside_who_may_apply_leads_when_the_question_names_it(assistant: Assistant) -> None:
    condition = next(f for f in CORPUS.facts if f.id == "management_system")
    for q in ("我们学院缺少科研管理制度，能不能报？", "要是单位的科研管理制度还没建起来，可以报吗？"):
        answer = assistant.ask(q)
        assert answer.intent == Intent.ELIGIBILITY
        # with the asker's unit stated, beside the verdict; with nothing stated, first
        assert squash(condition.quotes[0]) in squash(answer.answer.split("已满足")[0]), (q, answer.answer)



def test_a_department_asked_to_recommend_alone_is_one_recommending_department() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("我们只请所在区的科技局帮忙推荐")).recommending_departments == 1
    assert extract_profile(canonical("学校只找一个开发区管委会推荐")).recommending_departments == 1


def test_a_condition_a_rule_already_checks_is_not_said_again_beside_the_verdict(assistant: Assistant) -> None:
    credit = next(f for f in CORPUS.facts if f.id == "credit")
    answer = assistant.ask("我在郑州一所高校（独立法人）当讲师，39岁，学校和我都没有黑名单和失信记录，想报重点项目，能报吗？")
    assert answer.intent == Intent.ELIGIBILITY
    # the credit condition is one of the verdict's own rules: said among them, not as one "also to be met"
    head = answer.answer.split("已满足")[0]
    assert squash(credit.quotes[0]) not in squash(head), answer.answer


def test_a_condition_a_rule_quotes_answers_a_question_read_as_about_the_rules(assistant: Assistant) -> None:
    leader = next(f for f in CORPUS.facts if f.id == "leader_requirements")
    # (read by the model as a question about the rules, of which the leader's title is not one)
    answer = assistant.ask("做一般项目负责人一定要副高以上吗")
    assert squash(leader.zh) in squash(answer.answer), answer.answer


def test_whether_a_window_is_open_now_is_led_by_its_dates_not_by_a_word_shared_elsewhere(assistant: Assistant) -> None:
    window = next(f for f in CORPUS.facts if f.id == "submission_window")
    opens = re.findall(r"\d{4}年\d{1,2}月\d{1,2}日", window.zh)[0]
    year, month, day_ = map(int, re.findall(r"\d+", opens))
    day = dt.date(year, month, day_) - dt.timedelta(days=5)
    answer = assistant.ask("附件材料都备齐了，网上系统现在能提交了吗？", day)
    lead = answer.answer.split("\n")[0]
    assert opens in lead, answer.answer
    assert answer.citations[0].id in window.passage_ids, answer.answer


def test_handing_in_other_than_online_is_answered_by_the_sentences_saying_how_applications_are_taken(
        assistant: Assistant) -> None:
    online = next(f for f in CORPUS.facts if f.id == "online_application")
    paper = next(f for f in CORPUS.facts if f.id == "paper_materials")
    how = set(online.passage_ids) | set(paper.passage_ids)
    for q in ("申报材料可以直接拿到科技局窗口交吗？", "Is it fine to hand the forms in on paper?"):
        answer = assistant.ask(q)
        assert answer.citations and answer.citations[0].id in how, (q, answer.answer)
        # a clause leading the answer says how, not a clause of the materials list sharing the word 材料
        lead = answer.answer.split("\n")[0]
        assert not lead.startswith("通知原文") or any(w in lead for w in ("网络", "在线", "纸质")), (q, answer.answer)


def test_an_english_modal_over_a_step_of_handing_in_is_not_a_may_i_apply_question(assistant: Assistant) -> None:
    window = next(f for f in CORPUS.facts if f.id == "submission_window")
    early = assistant.ask("Can we submit two weeks early?")
    assert early.intent != Intent.ELIGIBILITY and set(window.passage_ids) & {c.id for c in early.citations}, early.answer
    # submitting a proposal is applying
    assert assistant.ask("Can I submit a proposal?").intent == Intent.ELIGIBILITY



_CN_TENS = "零一二三四五六七八九"


def _cn(n: int) -> str:
    """n (1..99) in Chinese numerals, as an asker would type it."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("" if tens == 1 else _CN_TENS[tens]) + "十") + (_CN_TENS[ones] if ones else "")


def _amounts() -> dict[str, int]:
    """The notice's amount per level, read from the funding fact's quotes (in 万元)."""
    quotes = FACTS["funding_levels"].quotes
    return {level: int(re.search(r"(\d+)\s*万", next(q for q in quotes if level in q)).group(1))  # type: ignore[union-attr]
            for level in ("重大", "重点")}


def test_an_amount_in_chinese_numerals_is_read_as_the_amount(assistant: Assistant) -> None:
    major = _amounts()["重大"]
    answer = assistant.ask(f"重大课题真能给{_cn(major)}万块钱？")
    assert answer.intent == Intent.FUNDING, answer.answer
    assert answer.citations[0].id in FACTS["funding_levels"].passage_ids, answer.answer
    assert f"{major}万" in squash(answer.answer), answer.answer


def test_a_level_named_in_what_the_asker_already_knows_is_not_what_is_asked(assistant: Assistant) -> None:
    amounts = _amounts()
    answer = assistant.ask(f"重大项目是{amounts['重大']}万这个我清楚，那子课题每个给多少？")
    assert f"{amounts['重点']}万" in squash(answer.answer), answer.answer


def test_an_undecided_verdict_cites_the_rule_the_asker_still_has_to_confirm(assistant: Assistant) -> None:
    answer = assistant.ask("我们是郑州的独立法人高校，我52岁，教授，想报重大项目，行吗")
    assert answer.eligibility is not None and answer.eligibility.verdict == "unknown"
    first_asked = answer.eligibility.follow_up[0].field
    rule = next(r for r in CORPUS.rules if first_asked in r.needs)
    # after the rules the stated facts pass (two passages here), before who may apply in general
    assert rule.passage_id in [c.id for c in answer.citations[:3]], (first_asked, [c.id for c in answer.citations])


def test_a_number_before_a_unit_is_no_topics_number(assistant: Assistant) -> None:
    amounts = _amounts()
    answer = assistant.ask(f"重大项目{amounts['重大']}万我知道，那子课题每个多少钱")
    assert answer.intent != Intent.OUT_OF_SCOPE and f"{amounts['重点']}万" in squash(answer.answer), answer.answer


def test_an_english_age_after_the_leaders_role_is_read() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("The PI is 44 and holds a doctorate.")).age == 44
    assert extract_profile(canonical("Our applicant is 63, a full professor.")).age == 63
    assert extract_profile(canonical("The deadline is 24 October.")).age is None


def test_a_clause_offering_a_choice_is_what_is_asked_among_the_askers_facts(assistant: Assistant) -> None:
    from assistant.understand import Understander

    asked = Understander.asked_part("我是讲师，硕士，职称证要传讲师的还是助教的")
    assert asked == "职称证要传讲师的还是助教的", asked


def test_a_general_contact_and_a_named_topics_contact_asked_together_are_each_answered(assistant: Assistant) -> None:
    office = re.sub(r"[：:].*", "", FACTS["contact_macro"].quotes[0])
    topic = next(t for t in CORPUS.topics if any(c.office.endswith(office) for c in t.contacts))
    theirs = next(c.phone for c in topic.contacts if c.office.endswith(office))
    label = topic.label
    answer = assistant.ask(f"负责宏观指导的{office}的号码和{label}归口的{office}的号码各是多少")
    assert _phones("contact_macro")[0] in answer.answer and theirs in answer.answer, answer.answer


def test_an_english_step_done_by_the_leader_named_by_role_is_found_with_its_agent(assistant: Assistant) -> None:
    answer = assistant.ask("After the PI has filled in the form online, what comes next?")
    lead = answer.answer.split("\n")[0]
    # the clause after the leader's filling in (the unit administrator's check), not after the call's online filing
    assert lead.startswith("Next") and "管理员" in lead, answer.answer


def test_what_the_notice_itself_is_about_is_answered_with_the_call(assistant: Assistant) -> None:
    for q in ("这份通知是关于啥的？", "文件主要说的是什么"):
        answer = assistant.ask(q)
        assert answer.intent == Intent.OTHER and answer.answer.startswith(CORPUS.title), (q, answer.answer)


def test_a_text_asked_to_be_made_over_into_another_is_a_task_not_a_question(assistant: Assistant) -> None:
    for q in ("帮我把申报书改成符合要求的格式吧", "你帮我把课题的研究内容整理成一份提纲"):
        assert assistant.ask(q).intent == Intent.OUT_OF_SCOPE, q
    assert assistant.ask("请帮我把截止时间查一下").intent != Intent.OUT_OF_SCOPE


def test_a_turn_only_naming_the_call_or_the_notice_asks_what_it_is(assistant: Assistant) -> None:
    head = "软科学"  # the programme's short name
    for q in (head, "文件？"):
        answer = assistant.ask(q)
        assert answer.intent == Intent.OTHER and answer.answer.startswith(CORPUS.title), (q, answer.answer)


def test_a_unit_that_has_put_nothing_forward_yet_is_read_through_its_chain_of_clauses() -> None:
    from assistant.extract import extract_profile

    text = canonical("我们研究院注册在郑州，有独立法人资格，今年还没上报过软科学课题。我想报一个一般项目")
    assert extract_profile(text).org_quota_used == 0


def test_the_asked_projects_place_among_the_units_said_in_english_gives_the_count_before_it() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("Our institute in Zhengzhou: this would be our second project this year.")).org_quota_used == 1
    assert extract_profile(canonical("For the university it is our 4th project.")).org_quota_used == 3


def test_an_english_question_asked_after_the_askers_facts_and_may_i_is_answered_too(assistant: Assistant) -> None:
    # (a topic named among the facts is not what the later question asks of: the window's own answer is given)
    answer = assistant.ask("(1) Our university in Zhengzhou wants a 52-year-old professor with a doctorate to lead "
                           "major project 1. Is he OK? (2) What is the final day for filing online?")
    assert answer.eligibility is not None and FACTS["submission_window"].en.split(";")[0] in answer.answer, answer.answer


def test_what_to_hand_in_asked_by_its_verb_beside_the_askers_facts_gets_the_materials(assistant: Assistant) -> None:
    answer = assistant.ask("我是郑州一所高校的讲师，40岁，报一般项目要上传些什么？")
    assert answer.intent == Intent.MATERIALS and "身份证件" in answer.answer, answer.answer


def test_the_days_left_in_an_open_window_are_counted_from_today(assistant: Assistant) -> None:
    window = FACTS["submission_window"].window
    assert window is not None
    today = window.closes - dt.timedelta(days=3)
    assert "还有3天" in assistant.ask("网上填报还剩多少天？", today).answer
    assert "3 days left" in assistant.ask("How long until online filing closes?", today).answer


def test_the_older_form_of_the_character_for_accounts_is_read_as_the_notices() -> None:
    assert canonical("經費到帳了嗎") == canonical("经费到账了吗")


def test_a_step_named_with_its_completion_is_found_where_its_words_stand_together(assistant: Assistant) -> None:
    # the unit's check ("…经单位管理员审核后…") is followed by the districts' review, whatever clause holds both words apart
    answer = assistant.ask("单位那边审核完了以后，接下来由谁审？")
    assert "区科技主管部门" in answer.answer.split("\n")[0], answer.answer


def test_attachments_asked_with_a_verb_of_handing_in_are_the_applicants_not_the_annexes(assistant: Assistant) -> None:
    handed = FACTS["materials"]
    for q in ("附件都得传啥", "附件要交哪些"):
        answer = assistant.ask(q)
        assert answer.answer.startswith(handed.zh[:12]), (q, answer.answer)
    # asking neither, both; asking of the notice, its annexes only
    both = assistant.ask("附件包括啥")
    assert FACTS["attachments"].zh[:12] in both.answer and handed.zh[:12] in both.answer, both.answer
    annexes = assistant.ask("这份通知后面附了什么附件")
    assert handed.zh[:12] not in annexes.answer, annexes.answer


def test_a_thing_named_with_ne_before_a_comma_is_what_the_question_after_it_asks_of(assistant: Assistant) -> None:
    parts = assistant.understander.split("包干制承诺书呢，要不要盖章")
    assert len(parts) == 1, parts


def test_a_short_line_of_an_annexed_form_is_cited_with_the_forms_title(assistant: Assistant) -> None:
    answer = assistant.ask("那份单位信用承诺书末尾由谁签名？")
    first, second = answer.citations[0], answer.citations[1]
    root = first.section.split(" > ")[0]
    title = next(p for p in CORPUS.passages if p.section.split(" > ")[0] == root)
    assert len(squash(first.text)) < 20 and second.id == title.id, [c.text for c in answer.citations[:3]]


def test_a_follow_up_asking_when_after_a_thing_discussed_asks_it_of_that_thing(assistant: Assistant) -> None:
    sid = "relative-time-follow-up"
    assistant.ask("纸质材料需要交吗？", session_id=sid)
    answer = assistant.ask("那之后啥时候交？", session_id=sid)
    assert "另行通知" in answer.answer, answer.answer


def test_a_later_part_pointing_back_with_a_pronoun_asks_of_the_topic_named_before(assistant: Assistant) -> None:
    # ("it" as a word: "submit" holds no pronoun, and a part asking the window names no topic)
    answer = assistant.ask("What is key project 2 about, and what level is it?")
    assert answer.answer.count("Key project 2") >= 2 and "is a key project" in answer.answer, answer.answer


def test_a_mistyped_word_of_an_aspect_the_notice_is_silent_on_is_that_aspect(assistant: Assistant) -> None:
    # 中其 reads as 中期: the mid-term check is no part of the notice, so the typo is out of scope too
    assert assistant.ask("中其检查安排在几月份？").intent == Intent.OUT_OF_SCOPE


def test_an_english_slip_near_several_forms_of_one_word_goes_to_the_nearest(assistant: Assistant) -> None:
    text, fixes = assistant.understander.speller.correct("who handles the incubtors sub-topic?")
    assert "incubators" in text and fixes, (text, fixes)


def test_a_registration_that_will_not_go_through_asks_for_technical_support(assistant: Assistant) -> None:
    answer = assistant.ask("注册的时候页面一直没反应，打什么电话？")
    assert answer.answer.startswith(FACTS["contact_tech"].zh[:10]), answer.answer


def test_a_wh_question_after_a_sentence_of_the_askers_facts_is_answered_before_any_verdict(assistant: Assistant) -> None:
    answer = assistant.ask("I'm the grants officer at an institute in Zhengzhou. Once our PI has filled everything in, "
                           "what comes next for me?")
    assert not answer.answer.startswith("Verdict") and "单位管理员" in answer.answer[:200], answer.answer


def test_a_question_asking_only_an_attribute_gets_the_facts_holding_it(assistant: Assistant) -> None:
    for q in ("What's the timetable?", "What are the dates?"):
        answer = assistant.ask(q)
        assert answer.intent != Intent.OUT_OF_SCOPE, (q, answer.answer)


def test_one_english_head_asked_for_two_described_topics_is_asked_of_each(assistant: Assistant) -> None:
    answer = assistant.ask("What are the phone numbers for the incubator sub-topic and for the talent evaluation sub-topic?")
    incubator, talent = (next(t for t in CORPUS.topics if w in t.title) for w in ("孵化", "人才评价"))
    for topic in (incubator, talent):
        assert topic.contacts[0].phone in answer.answer, answer.answer


def test_a_clause_closed_by_a_bracket_before_a_comma_is_told_apart_from_the_question(assistant: Assistant) -> None:
    u = assistant.understander.understand("我们是市属研究院（独立法人），想问需要交纸质版吗？")
    assert "研究院" not in u.focus, u.focus


def test_the_notices_own_title_asked_is_answered_with_its_title_line(assistant: Assistant) -> None:
    for q in ("这份通知标题叫啥？", "What's the full name of this notice?"):
        answer = assistant.ask(q)
        assert CORPUS.title in answer.answer and squash(answer.citations[0].text) == squash(CORPUS.title), (q, answer.answer)
    # a form's full name is the form's, not the notice's
    assert CORPUS.title not in assistant.ask("申报书全称叫什么？").answer


def test_asked_to_sum_up_the_notice_is_asked_what_it_is(assistant: Assistant) -> None:
    answer = assistant.ask("Could you sum up this notice in a sentence?")
    assert answer.intent == Intent.OTHER and CORPUS.title in answer.answer, answer.answer


def test_a_topic_of_a_field_none_suits_is_answered_with_the_set_topics(assistant: Assistant) -> None:
    counts = FACTS["project_counts"]
    for q in ("有没有跟文旅融合有关的课题？", "Are there any topics on cultural tourism?"):
        answer = assistant.ask(q)
        assert answer.intent == Intent.TOPICS and (counts.zh[:10] in answer.answer or counts.en[:20] in answer.answer), (q, answer.answer)
    # one the field's words name is that topic
    incubator = next(t for t in CORPUS.topics if "孵化" in t.title)
    assert incubator.title in assistant.ask("Is there a topic about incubators?").answer


def test_where_to_submit_asks_for_the_system(assistant: Assistant) -> None:
    answer = assistant.ask("Where do I submit the application?")
    assert _website() in answer.answer[:200], answer.answer


def test_a_vague_aspect_asked_how_it_stands_is_the_aspect(assistant: Assistant) -> None:
    for q in ("钱这块怎么样？", "钱方面咋样？"):
        answer = assistant.ask(q)
        assert answer.intent == Intent.FUNDING and FACTS["funding_levels"].zh[:10] in answer.answer, (q, answer.answer)


def test_the_notice_pointed_back_to_by_a_pronoun_has_its_title_asked(assistant: Assistant) -> None:
    answer = assistant.ask("我写总结时要引用这份文件，它的全称是什么？")
    assert CORPUS.title in answer.answer, answer.answer


def test_an_and_inside_a_capitalised_name_joins_no_two_things(assistant: Assistant) -> None:
    parts = assistant.understander.understand("What are the opening hours of the Science and Technology Bureau?").parts
    assert len(parts) == 1, parts
    # two things each named in capitals are still two
    parts = assistant.understander.understand("What are the phone numbers of the Resources Division and the Regulations Division?").parts
    assert len(parts) == 2, parts


def test_office_hours_are_not_covered(assistant: Assistant) -> None:
    for q in ("What are the bureau's opening hours?", "情报研究所办公时间是几点到几点？"):
        answer = assistant.ask(q)
        assert answer.intent == Intent.OUT_OF_SCOPE and answer.citations == [], (q, answer.answer)


def test_a_question_asked_on_someones_behalf_is_answered_before_any_verdict(assistant: Assistant) -> None:
    answer = assistant.ask("我们是高校，今年报了两项了，处长让我问这个名额以后会不会变？")
    assert not answer.answer.startswith("结论") and "动态调整" in answer.answer.split("另外")[0], answer.answer


def test_how_many_days_or_how_much_time_asks_a_date(assistant: Assistant) -> None:
    from assistant.understand import asked_attribute

    for q in ("how much time do we have left to apply?", "how many more weeks until it closes?"):
        assert asked_attribute(q) == "date", q
    answer = assistant.ask("How much time is left to apply?")
    assert answer.intent == Intent.DATES and FACTS["submission_window"].window is not None, answer.answer
    assert FACTS["submission_window"].window.closes.isoformat() in answer.answer, answer.answer


def test_whether_a_step_done_is_all_asks_what_follows_it(assistant: Assistant) -> None:
    answer = assistant.ask("我是项目负责人，申报书已经填好了，是不是点了提交就可以了？")
    assert answer.intent == Intent.PROCESS and "审核" in answer.answer, answer.answer
    # whether a step done counts as done with applying asks what follows it too
    answer = assistant.ask("附件上传好了，就算申报成功了吗？")
    assert answer.intent == Intent.PROCESS and "单位管理员" in answer.answer, answer.answer
    # a clause told in the negative is what is asked about, not a step done
    u = assistant.understander.understand("我们单位从来没在系统里注册过，怎么办？")
    assert "注册" in u.focus, u.focus


def test_who_issued_the_notice_is_answered_with_its_issuer_and_title_line(assistant: Assistant) -> None:
    for q in ("这份文件是哪个单位印发的？", "Which agency published this notice?"):
        answer = assistant.ask(q)
        assert answer.intent == Intent.OTHER and CORPUS.meta.issuer in answer.answer, (q, answer.answer)
        assert squash(answer.citations[0].text) == squash(CORPUS.title), (q, answer.citations)


def test_a_length_of_time_asked_in_english_is_no_word_of_its_subject(assistant: Assistant) -> None:
    from index.tokenize import words

    assert "mani" not in words("how many weeks until it closes") and "mani" in words("how many projects")
    answer = assistant.ask("How many weeks are left before applications close?")
    window = FACTS["submission_window"].window
    assert answer.intent == Intent.DATES and window is not None and window.closes.isoformat() in answer.answer, answer.answer


def test_printing_asks_how_things_are_handed_in(assistant: Assistant) -> None:
    paper = FACTS["paper_materials"]
    for q in ("材料需要打印出来交几份？", "Should we print the forms out?"):
        answer = assistant.ask(q)
        assert answer.answer.startswith(paper.zh[:12]) or answer.answer.startswith(paper.en[:20]), (q, answer.answer)


def test_a_malfunction_asked_what_to_do_about_asks_for_technical_support(assistant: Assistant) -> None:
    tech = FACTS["contact_tech"]
    for q in ("系统打不开怎么办？", "The upload page won't open, what can I do?", "网站一直进不去，打哪个电话？"):
        answer = assistant.ask(q)
        assert answer.intent == Intent.CONTACTS and _phones("contact_tech")[0] in answer.answer[:120], (q, answer.answer)
    assert tech.zh


def test_a_qualification_asked_whether_needed_is_not_the_askers_own(assistant: Assistant) -> None:
    from assistant.extract import extract_profile

    for q in ("我需要博士学位吗？", "Must the PI hold a PhD?", "一定要副高职称吗"):
        assert not extract_profile(canonical(q)).model_dump(exclude_none=True), q
    # a qualification told beside one asked about is the asker's
    assert extract_profile(canonical("我是博士，还需要副高职称吗")).degree == "doctorate"


def test_city_funding_of_a_different_project_is_no_duplicate_in_english(assistant: Assistant) -> None:
    from assistant.extract import extract_profile

    profile = extract_profile(canonical("We received city funding for a different project last year; can we still apply?"))
    assert profile.already_city_funded is None, profile


def test_a_clause_after_and_asks_of_the_things_before_it(assistant: Assistant) -> None:
    parts = assistant.understander.understand("What are the two review periods, and who is each one for?").parts
    assert not any(p.startswith("what is who") for p in parts), parts


def test_a_bare_number_as_a_follow_up_replaces_the_previous_questions_number(assistant: Assistant) -> None:
    assert "58" in assistant.ask("我今年58岁，能做项目负责人吗？", session_id="bare-number-age").answer
    answer = assistant.ask("那61呢？", session_id="bare-number-age")
    assert answer.eligibility is not None and answer.eligibility.verdict == "ineligible" and "61" in answer.answer, answer.answer
    # after a numbered topic, the number is the topic's
    first = assistant.ask("子课题2研究什么？", session_id="bare-number-topic")
    answer = assistant.ask("那4呢？", session_id="bare-number-topic")
    fourth = next(t for t in CORPUS.topics if "④" in t.label)
    assert first.topic != answer.topic and fourth.title in answer.answer, answer.answer


def test_the_askers_own_kind_of_unit_names_no_topic(assistant: Assistant) -> None:
    alias_topics = [(t, a) for t in CORPUS.topics for a in t.aliases if a in ("新型研发机构", "研究院")]
    assert alias_topics  # (a topic of this notice is known by the name of a kind of unit)
    topic, alias = alias_topics[0]
    answer = assistant.ask(f"我们单位属于{alias}，想问一下资助金额是多少？")
    assert topic.title not in answer.answer and answer.answer.startswith(FACTS["funding_levels"].zh[:8]), answer.answer
    # named as what is asked, it is the topic
    assert topic.title in assistant.ask(f"{alias}那个课题多少钱？").answer


def test_a_bare_what_after_a_closed_question_asks_what_its_answer_lists(assistant: Assistant) -> None:
    u = assistant.understander.understand("通知后面附了几个附件？都是什么？")
    assert len(u.parts) == 1, u.parts
    annexes = FACTS["attachments"].zh
    answer = assistant.ask("通知后面附了几个附件？都是什么？")
    assert answer.answer.startswith(annexes[:10]) and "没有涉及" not in answer.answer, answer.answer
    assert len(assistant.understander.understand("How many annexes are attached? Which ones?").parts) == 1
    # a bare predicate asking an attribute of its own is still a question of its own
    assert len(assistant.understander.understand("子课题有几个？各自多少钱？").parts) == 2


def test_the_notices_title_said_whole_is_its_title(assistant: Assistant) -> None:
    assert CORPUS.title in assistant.ask("麻烦告诉我这个通知的正式标题").answer


def test_a_regulations_name_asked_asks_a_document(assistant: Assistant) -> None:
    assert assistant.understander.understand("这里说的经费管理办法，全称叫什么？").attribute == "document"


def test_the_programmes_name_fronted_is_not_ranked_on(assistant: Assistant) -> None:
    answer = assistant.ask("郑州软科学项目什么单位可以申报？")
    assert answer.intent == Intent.ELIGIBILITY and FACTS["applicants"].quotes[0][5:15] in answer.answer, answer.answer


def test_a_follow_up_naming_a_subject_in_a_state_asks_what_the_notice_says_of_it(assistant: Assistant) -> None:
    assistant.ask("申报网址是什么？", session_id="state-subject")
    answer = assistant.ask("那之前注册过的单位呢？", session_id="state-subject")
    assert answer.answer.startswith(FACTS["registered_units"].zh[:8]), answer.answer


def test_the_hour_asked_is_a_date_not_points_made() -> None:
    from assistant.understand import asked_attribute

    assert asked_attribute("填报系统最后一天开到几点？") == "date"
    assert asked_attribute("几点之前必须提交") == "date"
    assert asked_attribute("申报书的写作要求有几点") != "date"


def test_a_may_i_naming_one_checked_rule_with_nothing_stated_gets_that_rule(assistant: Assistant) -> None:
    answer = assistant.ask("May I be the leader of two applications this year?")
    assert answer.eligibility is None or answer.eligibility.verdict != "ineligible"
    assert FACTS["one_per_leader"].quotes[0][:12] in answer.answer[:200], answer.answer


def test_what_the_notice_holds_asked_as_a_list_is_what_it_is(assistant: Assistant) -> None:
    u = assistant.understander
    assert u.about_programme("这个通知都有些什么主要内容？") or u.about_programme("这份通知主要包括哪些？")
    answer = assistant.ask("这份通知主要包括哪些？")
    assert answer.intent == Intent.OTHER and answer.answer.startswith(CORPUS.title), answer.answer
    # a thing it holds, named, is that thing
    assert not u.about_programme("这个通知有哪些附件")


def test_a_later_round_asked_of_is_another_call(assistant: Assistant) -> None:
    assert assistant.ask("下一年度还会组织这类申报吗？").intent == Intent.OUT_OF_SCOPE
    assert assistant.understander.understand("Will there be another round next year?").foreign
    # this call's own date falling next year is still this call's
    assert assistant.ask("项目明年几月前要结题？").intent != Intent.OUT_OF_SCOPE


def test_want_to_know_introduces_the_question_after_the_askers_facts(assistant: Assistant) -> None:
    # (the notice says nothing of when money arrives: the question introduced is out of scope, and no verdict is given)
    answer = assistant.ask("我是副教授，想知道中了以后钱多久能到位？")
    assert answer.intent == Intent.OUT_OF_SCOPE and answer.eligibility is None, answer.answer


def test_a_step_of_a_funded_project_applied_for_is_no_may_i_apply() -> None:
    from assistant import vocabulary as V

    assert not V.ASK_ELIGIBLE_ZH.search("结题后可以申请延期吗")
    assert not V.ASK_ELIGIBLE_ZH.search("能不能申报变更项目负责人")
    assert V.ASK_ELIGIBLE_ZH.search("我们单位可以申请吗")


def test_a_form_named_by_its_bare_noun_is_not_a_template_that_never_says_it(assistant: Assistant) -> None:
    pledge = next(p for p in CORPUS.passages if "法定代表人签字" in p.text)
    answer = assistant.ask("申报书上需要法定代表人签名吗？")
    assert pledge.id not in [c.id for c in answer.citations][:1], answer.answer
    # the template named is still answered with its own blank
    named = assistant.ask("信用承诺书上需要法定代表人签名吗？")
    assert named.citations and named.citations[0].id == pledge.id, named.answer


def test_a_good_credit_record_said_whole_states_both_credit_facts() -> None:
    from assistant.extract import extract_profile

    # the notice's good credit record is one with neither a blacklisting nor a misconduct record in its penalty period
    for said in ("单位和本人信用一直很好", "信用记录清白", "无不良信用记录", "Neither the institute nor I have any credit problems."):
        profile = extract_profile(canonical(said))
        assert (profile.credit_blacklisted, profile.serious_misconduct_in_penalty) == (False, False), said
    # a misconduct record stated beside it still counts
    assert extract_profile(canonical("信用良好，但有科研严重失信记录，惩戒期还没结束")).serious_misconduct_in_penalty is True


def test_places_left_said_without_a_count_are_below_the_quota() -> None:
    from assistant.extract import extract_profile

    for said in ("所里指标还有富余", "单位名额还剩一个", "院里还有名额，我想报", "The institute still has places left."):
        assert extract_profile(canonical(said)).org_quota_used == 0, said
    for asked in ("学校还有名额吗", "名额还剩几个？", "名额够不够"):
        assert extract_profile(canonical(asked)).org_quota_used is None, asked


def test_more_ways_of_stating_the_checked_facts() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("课题不需要保密")).classified_content is False
    assert extract_profile(canonical("This is not secret: nothing in it is classified.")).classified_content is False
    assert extract_profile(canonical("这个课题从未获得过政府资金支持")).already_city_funded is False
    assert extract_profile(canonical("我们的推荐口子只有一个")).recommending_departments == 1
    assert extract_profile(canonical("We are applying only through our district bureau.")).recommending_departments == 1
    assert extract_profile(canonical("We are applying only through our district bureau and the zone.")).recommending_departments != 1
    assert extract_profile(canonical("我们研究院在金水区")).located_in_zhengzhou is True
    assert extract_profile(canonical("课题由所在开发区科技局单独推荐")).recommending_departments == 1
    assert extract_profile(canonical("Only one district bureau recommends us.")).recommending_departments == 1
    assert extract_profile(canonical("我名下没有拖延没结题的市级项目")).overdue_city_project is False
    assert extract_profile(canonical("Nobody here is under a misconduct penalty.")).serious_misconduct_in_penalty is False


def test_a_thing_sought_in_chinese_that_the_notice_never_names_is_out_of_scope(assistant: Assistant) -> None:
    answer = assistant.ask("我是副教授，能申请购房补贴和子女入学优待吗？")
    assert answer.intent == Intent.OUT_OF_SCOPE and answer.eligibility is None, answer.answer
    # a thing the notice names is no such thing
    assert assistant.ask("我是副教授，能申请重点项目吗？").intent == Intent.ELIGIBILITY
    assert not assistant.understander.sought_unknown("申报截止日期是哪天")


def test_another_body_offered_beside_the_notices_own_is_no_scope_question(assistant: Assistant) -> None:
    u = assistant.understander.understand("申报是在郑州市科技局网站上报还是在省科技厅网站上报？")
    assert not u.foreign
    # both sides foreign: out of scope still
    assert assistant.understander.understand("这个是国家科技部的项目还是省科技厅的项目？").foreign


def test_more_ways_of_stating_the_leaders_and_the_units_counts() -> None:
    from assistant.extract import extract_profile

    for said in ("我今年只主持这一项", "本年度仅申请本项目", "没有同时申请别的项目", "I am not submitting any other application this year."):
        assert extract_profile(canonical(said)).applications_this_year == 0, said
    # the leader's own other applications are no unit's count
    assert extract_profile(canonical("I haven't submitted any other application this year.")).org_quota_used is None
    assert extract_profile(canonical("院里已经有2个课题推荐上去了")).org_quota_used == 2
    assert extract_profile(canonical("To date the institute has recommended one.")).org_quota_used == 1


def test_the_leaders_own_count_is_read_after_the_units_count_said_as_theirs() -> None:
    from assistant.extract import extract_profile

    # "we" (the unit) have put two forward, then the leader speaks of their own one
    profile = extract_profile(canonical("我们研究院今年已经往上推了2个了，我本人今年就申请这一项。"))
    assert (profile.org_quota_used, profile.applications_this_year) == (2, 0)
    # the role said between "only" and the verb
    assert extract_profile(canonical("我今年只以项目负责人的身份申报这一项")).applications_this_year == 0
    # the asked one's place, with who put it forward said between
    assert extract_profile(canonical("这是研究所本年度推荐的第3项")).org_quota_used == 2
    assert extract_profile(canonical("这是医院今年推荐的第1个项目")).org_quota_used == 0


def test_may_apply_in_english_with_a_long_description_of_the_asker(assistant: Assistant) -> None:
    answer = assistant.ask("Can a small private consulting firm that is registered in Zhengzhou apply for it?")
    assert answer.eligibility is not None and answer.eligibility.verdict == "ineligible", answer.answer


def test_an_office_named_in_english_by_the_words_of_its_chinese_name(assistant: Assistant) -> None:
    # every office of a topic, named in English by the vocabulary's words for its name, is the office asked of
    from corpus import english_glossary

    words = english_glossary("office_en")
    named = 0
    for office in sorted({c.office for t in CORPUS.topics for c in t.contacts}):
        zh = next((w for w in words if w in office), None)
        if zh is None:
            continue
        english = words[zh][0].title()
        u = assistant.understander.understand(f"What is the phone number of the {english} Division?")
        assert office in u.offices, (office, english)
        named += 1
    assert named >= 3
    assert not assistant.understander.understand("What is the phone number for planning questions?").offices


def test_the_topic_the_asking_clause_names_is_the_one_asked_of(assistant: Assistant) -> None:
    # a topic others ask about, told first; the clause that asks names another
    u = assistant.understander.understand("同事都在报人工智能那个课题，我想了解科技立法方面的课题？")
    assert u.topics and all("立法" in CORPUS.topic(t).title for t in u.topics), u.topics
    # a pronoun in the asking clause points back to the topic told first
    u = assistant.understander.understand("人工智能那个课题，它的联系电话是多少？")
    assert u.topics and all("人工智能" in CORPUS.topic(t).title for t in u.topics), u.topics


def test_a_regulation_named_inside_an_annex_is_found_by_its_title_marks(assistant: Assistant) -> None:
    titled = [p for p in CORPUS.passages if p.section.startswith("附件2") and "《" in p.text]
    assert titled
    name = re.search(r"《[^》]+》", titled[0].text).group(0)  # type: ignore[union-attr]
    answer = assistant.ask("承诺书里写的那个诚信管理办法全名叫什么？")
    assert name in answer.answer, answer.answer


def test_a_consequence_asked_inside_an_annex_is_its_line_of_penalties(assistant: Assistant) -> None:
    from assistant.quotes import CONSEQUENCE

    answer = assistant.ask("承诺书里面写了违约会受到哪些处分？")
    assert CONSEQUENCE.search(answer.answer.split("”")[0]), answer.answer
    # (处分 is no office: "哪些处分" asks no 处)
    assert assistant.understander.understand("违规了会受到哪些处分").attribute == "consequence"


def test_the_regulation_a_call_rests_on_asked_in_english_is_no_scope_question(assistant: Assistant) -> None:
    answer = assistant.ask("Which regulation is this soft science call based on?")
    basis = FACTS["legal_basis"].quotes[0]
    assert answer.intent != Intent.OUT_OF_SCOPE and re.search(r"〔\d{4}〕\d+号", basis)
    assert re.search(r"〔\d{4}〕\d+号", answer.answer).group(0) in basis, answer.answer  # type: ignore[union-attr]


def test_the_issuer_asked_as_a_choice_against_another_body(assistant: Assistant) -> None:
    by = CORPUS.meta.issuer
    assert by
    answer = assistant.ask("这份通知是市科技局下发的还是省科技厅下发的，有点分不清")
    assert answer.intent != Intent.OUT_OF_SCOPE and by in answer.answer, answer.answer


def test_a_numeral_before_a_measure_word_counts_and_after_di_it_orders(assistant: Assistant) -> None:
    # "重点项目一个" is each key project, not key project 1; "第三个重点项目" is still the third
    u = assistant.understander.understand("重点项目一个能拿多少钱")
    assert not u.topics and u.levels == ["key"], (u.topics, u.levels)
    assert assistant.understander.understand("第三个重点项目归哪个处").topics == ["key-3"]


def test_a_file_that_will_not_go_up_is_a_malfunction_for_technical_support(assistant: Assistant) -> None:
    answer = assistant.ask("承诺书扫描件死活传不上去，该问谁")
    assert _phones("contact_tech")[0] in answer.answer.split("。")[0], answer.answer


def test_a_question_whose_every_part_is_out_of_scope_says_so_once(assistant: Assistant) -> None:
    answer = assistant.ask("评审会请哪些专家？每项指标的分值是多少？")
    assert answer.intent == Intent.OUT_OF_SCOPE
    assert answer.answer.count(FACTS["contact_business"].zh) == 1, answer.answer


def test_a_city_project_still_running_is_not_overdue() -> None:
    from assistant.extract import extract_profile

    for said in ("我主持的市级项目目前还在执行中", "手上的市科技局项目执行期限还没到", "有个市里的项目合同期未满"):
        assert extract_profile(canonical(said)).overdue_city_project is False, said


def test_a_clause_asking_whether_the_askers_facts_bar_them_decides_the_scope(assistant: Assistant) -> None:
    # the contract's term is the asker's fact (the notice is silent on contracts); whether it bars them is asked
    answer = assistant.ask("我有个市财政支持的项目还没结题，不过任务书约定的期限还没到，这会影响我今年报吗")
    assert answer.intent != Intent.OUT_OF_SCOPE, answer.answer
    assert answer.eligibility is not None and answer.eligibility.verdict != "ineligible", answer.answer


def test_this_one_asked_what_it_is_at_the_start_is_the_programme(assistant: Assistant) -> None:
    answer = assistant.ask("这个究竟是干嘛的？")
    assert answer.intent == Intent.OTHER and CORPUS.title in answer.answer, answer.answer


def test_an_office_named_in_english_with_its_noun_first(assistant: Assistant) -> None:
    # "the Institute of … Information": the office noun before "of" and the words of its Chinese name (情报)
    office = next(o for _, o in assistant.understander.offices if "情报" in o)
    u = assistant.understander.understand("Which number reaches the Institute of Science and Technology Information?")
    assert office in u.offices, u.offices


def test_being_pi_asked_in_english_is_a_may_i() -> None:
    from assistant import vocabulary as V

    assert V.ASK_ELIGIBLE_EN.search("can i also be pi on the second sub-topic?")
    assert V.ASK_ELIGIBLE_EN.search("could she be the principal investigator of a key project?")


def test_more_ways_of_saying_the_project_has_no_city_funding() -> None:
    from assistant.extract import extract_profile

    for said in ("这个课题未获其他财政资助", "本项目不存在重复申报的情况", "课题是新的，没拿过任何资助",
                 "The study hasn't received any public funding."):
        assert extract_profile(canonical(said)).already_city_funded is False, said
    assert extract_profile(canonical("这个项目前年拿过市里的资金支持")).already_city_funded is True



def test_offices_named_side_by_side_are_each_answered(assistant: Assistant) -> None:
    # two liaison offices joined by 和 (or 、) are both asked of; each one's phone is in the answer
    offices = list(dict.fromkeys(c.office for t in CORPUS.topics for c in t.contacts))[:2]
    phone = {c.office: c.phone for t in CORPUS.topics for c in t.contacts}
    for joint in ("和", "、"):
        answer = assistant.ask(f"{offices[0]}{joint}{offices[1]}的电话各是多少？")
        assert answer.intent == Intent.CONTACTS
        assert all(phone[o] in answer.answer for o in offices), answer.answer
    # an office told of before the one asked of is not asked together with it
    assert assistant.understander.offices_together(f"{offices[0]}我打过了，那{offices[1]}呢") == []


def test_a_topic_referred_to_as_that_one_is_not_asked_its_title(assistant: Assistant) -> None:
    topic = next(t for t in CORPUS.topics if t.focus_quote)
    facets = assistant._facets(f"{topic.title}那个题目具体要研究些什么", [topic.id])
    assert "content" in facets and "title" not in facets, facets
    assert "title" in assistant._facets(f"{topic.title}那个题目叫什么", [topic.id])


def test_a_part_of_an_annexed_form_or_what_is_filled_in_on_it_is_asked_inside_it(assistant: Assistant) -> None:
    form, _ = assistant.understander.inside_document("承诺书里写了什么")
    assert form
    for said in ("承诺书开头要填单位什么信息", "承诺书的落款写什么", "承诺书要填哪些东西"):
        assert assistant.understander.inside_document(said)[0] == form, said
    assert assistant.understander.inside_document("承诺书填好后要上传吗")[0] == ""  # filling it in is a step
    # what is filled in is asked of the blanks under labels of their own ("名称：_____"), not a blank inside a sentence
    labelled = [p.id for p in CORPUS.passages if p.section.split(" > ")[0] == form
                and re.search(r"[\u4e00-\u9fff]{2,}[:：]_{3,}", p.text)]
    assert labelled
    answer = assistant.ask("承诺书模板要填哪些单位信息")
    assert answer.citations[0].id in labelled, answer.citations[0]


def test_which_of_those_asks_of_what_the_previous_turn_asked_about(assistant: Assistant) -> None:
    previous = "which attachments do we have to upload with the application?"
    u = assistant.understander.understand("Which of those have to be signed and stamped?", previous)
    assert u.rewritten_from and previous in u.text, u.text
    assert assistant.understander.understand("Which of those have to be signed and stamped?").rewritten_from is None


def test_a_first_application_this_year_no_duplicate_funding_and_turning_an_age() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("我今年第一次报，请问可以吗")).applications_this_year == 0
    assert extract_profile(canonical("我去年第一次报过")).applications_this_year is None  # another year's
    assert extract_profile(canonical("课题无重复资助")).already_city_funded is False
    assert extract_profile(canonical("The leader turns 59 this year.")).age == 59
    assert extract_profile(canonical("I turn exactly 60 this year.")).age == 60


def test_a_college_or_a_centre_inside_a_unit_is_no_legal_person_of_its_own() -> None:
    from assistant.extract import extract_profile

    for said in ("我们系是大学的二级学院，能自己报吗", "研究院下设的研究中心可以单独申报吗"):
        assert extract_profile(canonical(said)).independent_legal_person is False, said
    # applying in the name of the parent, the applicant is the parent
    assert extract_profile(canonical("我们是二级学院，以学校名义申报可以吗")).independent_legal_person is True


def test_what_the_work_serves_is_asked_as_its_purpose(assistant: Assistant) -> None:
    # "给…什么提供参考": what the notice says the work serves, not "not covered" nor the topics' own aims
    u = assistant.understander.understand("课题做完以后是给本市建设什么提供参考？")
    assert u.attribute == "why", u.attribute
    assert assistant.understander.understand("参考文献有格式要求吗").attribute != "why"


def test_a_purpose_asked_with_the_question_word_first_is_asked_as_its_purpose(assistant: Assistant) -> None:
    # "出于什么目的": the question word before the noun, as much as "目的是什么"
    for said in ("搞这个计划是出于什么目的", "发这个通知是什么用意"):
        assert assistant.understander.understand(said).attribute == "why", said
    answer = assistant.ask("局里组织这次申报，到底想达到啥样的目的？")
    assert answer.intent != Intent.OUT_OF_SCOPE
    purpose = FACTS["purpose"].quotes[0]
    assert any(c.text and squash(c.text) in squash(purpose) or squash(purpose) in squash(c.text)
               for c in answer.citations[:3]), answer.citations[:3]


def test_the_basis_of_the_call_asked_in_english_is_the_document_it_rests_on(assistant: Assistant) -> None:
    u = assistant.understander.understand("What is the statutory basis of this call?")
    assert u.attribute == "document", u.attribute
    answer = assistant.ask("What is the statutory basis of this call?")
    assert answer.intent != Intent.OUT_OF_SCOPE
    assert re.search(r"〔\d{4}〕\d+号", answer.answer), answer.answer


def test_another_levels_call_with_a_year_between_is_foreign(assistant: Assistant) -> None:
    # the province's call of the same year: not this notice's dates, though the notice has that year
    answer = assistant.ask(f"省里{CORPUS.meta.year}年度的软科学计划几号截止？")
    assert answer.intent == Intent.OUT_OF_SCOPE, answer.answer


def test_what_a_unit_may_put_forward_asked_is_no_count_it_has_put_forward() -> None:
    from assistant.extract import extract_profile

    for said in ("每个单位能报3个重点项目吗", "一个单位可以报4项吗", "单位最多报几项"):
        assert extract_profile(canonical(said)).org_quota_used is None, said
    assert extract_profile(canonical("我们单位已经报了3个")).org_quota_used == 3
    assert extract_profile(canonical("我们单位能报的名额已经报了2个")).org_quota_used == 2


def test_no_before_a_noun_denies_that_noun_not_the_place_after_at() -> None:
    from assistant.extract import extract_profile

    p = extract_profile(canonical("I hold no senior title at an independent legal-person institute in Zhengzhou."))
    assert p.independent_legal_person is True, p
    assert extract_profile(canonical("Our institute is no legal person.")).independent_legal_person is False
    assert extract_profile(canonical("We have no legal-person status.")).independent_legal_person is False


def test_a_title_denied_right_before_it_is_no_title_held() -> None:
    from assistant.extract import extract_profile

    for said in ("我还不是副研究员", "本人没有副高职称", "I'm not a full professor", "I do not hold an associate senior title"):
        assert extract_profile(canonical(said)).title is None, said
    # the title held beside a denied one, and a denial inside a clause describing the holder, still read
    assert extract_profile(canonical("不是正高，是副高")).title == "associate_senior"
    assert extract_profile(canonical("我是从没有过失信记录的副研究员")).title == "associate_senior"
    assert extract_profile(canonical("Not yet a professor: I'm a lecturer")).title == "intermediate"
    assert extract_profile(canonical("我目前没有职称")).title == "none"
    # "no … at all" is a denial still, not a place after it
    assert extract_profile(canonical("We have no blacklist record at all")).credit_blacklisted is False


def test_a_kind_of_unit_or_a_degree_denied_right_before_it_is_not_the_askers() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("我们不是高校，是一家研究所")).org_type == "research_institute"
    assert extract_profile(canonical("We're not a company; we are a public institution")).org_type == "public_institution"
    assert extract_profile(canonical("本单位并非企业")).org_type is None
    assert extract_profile(canonical("我不是博士，是硕士")).degree == "master"
    assert extract_profile(canonical("I haven't got a doctorate")).degree is None
    assert extract_profile(canonical("本人没有博士学位，本科毕业")).degree == "bachelor"  # (a denial of its own: kept)


def test_a_follow_up_supposing_another_value_replaces_the_stated_one(assistant: Assistant) -> None:
    session = "suppose-values"
    first = assistant.ask("本人53岁，副研究员，想牵头重大项目，符合吗？", session_id=session)
    assert first.eligibility is not None and first.eligibility.verdict != "ineligible"
    # the lead-ins stack ("那要是…呢") and the number stated replaces the one said before
    older = assistant.ask("那要是63呢", session_id=session)
    assert older.eligibility is not None and older.eligibility.verdict == "ineligible", older.answer
    # a fact of the same field said in the turn replaces it too
    u = assistant.understander.understand("假设我是助理研究员呢", "本人53岁,副研究员,想牵头重大项目,符合吗?")
    assert u.rewritten_from and u.profile.title == "intermediate", (u.text, u.profile)


def test_an_offices_topics_are_named_by_their_titles(assistant: Assistant) -> None:
    office = next(c.office for t in assistant.corpus.topics for c in t.contacts)
    mine = [t for t in assistant.corpus.topics if any(c.office == office for c in t.contacts)]
    answer = assistant.ask(f"{office}联系哪几个题，怎么联系？")
    for t in mine:  # which topics an office looks after is asked of what they are about
        assert t.title in answer.answer, t.title


def test_a_malfunction_told_beside_a_question_of_a_value_is_asked_of_too(assistant: Assistant) -> None:
    tech = _phones("contact_tech")[0]
    u = assistant.understander.understand("报名网站的地址在哪里？页面一直打不开")
    assert len(u.parts) == 2
    answer = assistant.ask("报名网站的地址在哪里？页面一直打不开")
    assert _website() in answer.answer and tech in answer.answer
    # a malfunction asked of whom to call stays one question
    assert len(assistant.understander.understand("页面一直打不开，该问谁？").parts) == 1
    # what fails to upload asks for help, not which materials are handed in
    assert tech in assistant.ask("要是证明材料一直上传失败呢？").answer
    assert "申报书" in assistant.ask("证明材料上传失败了，一共要交哪些材料？").answer


def test_a_text_asked_to_be_written_with_an_adverb_before_the_verb_is_out_of_scope(assistant: Assistant) -> None:
    assert assistant.ask("请你简单写一篇关于科技金融的论文").intent == Intent.OUT_OF_SCOPE
    assert assistant.ask("帮我们先起草一份申报书").intent == Intent.OUT_OF_SCOPE


def test_colloquial_spellings_of_asking_words_ask_as_the_standard_ones(assistant: Assistant) -> None:
    assert canonical("阔以申报吗") == canonical("可以申报吗")
    said = assistant.ask("我今年66岁，想当重点项目负责人，中不中？")
    assert said.eligibility is not None and said.eligibility.verdict == "ineligible"
    # a may-I question is a verdict whatever reason the asker gives for the plan
    plan = assistant.ask("我们打算同时找两个推荐部门推荐，这样把握大一点，阔以吗？")
    assert plan.intent == Intent.ELIGIBILITY and plan.eligibility is not None
    assert plan.eligibility.verdict == "ineligible"


def test_an_age_said_as_below_a_bound_is_no_age_unless_that_settles_the_limit(assistant: Assistant) -> None:
    from assistant.extract import age_at_most, extract_profile

    assert extract_profile(canonical("负责人还不满65周岁")).age is None
    assert age_at_most(canonical("负责人还不满65周岁")) == 64
    assert age_at_most(canonical("The PI is under 40")) == 39
    ceiling = assistant.understander.age_ceiling
    assert ceiling is not None
    # a bound just above the limit may hide an age above or within it: unknown, not ineligible
    above = assistant.ask(f"我还不到{ceiling + 3}岁，讲师，想报重点项目，能报吗？")
    assert above.eligibility is not None and above.eligibility.verdict != "ineligible"
    age_rule = next(r for r in above.eligibility.rules if r.id == "age")
    assert age_rule.passed is None
    # a bound well within it settles the limit
    within = assistant.ask(f"我还不到{ceiling - 15}岁，讲师，想报重点项目，能报吗？")
    assert within.eligibility is not None
    assert next(r for r in within.eligibility.rules if r.id == "age").passed is True


def test_a_unit_said_not_to_be_of_the_city_is_outside_it() -> None:
    from assistant.extract import extract_profile

    assert extract_profile(canonical("我们不是郑州的单位，能报吗")).located_in_zhengzhou is False
    assert extract_profile(canonical("Our institute is not located in Zhengzhou")).located_in_zhengzhou is False
    assert extract_profile(canonical("我们是郑州的高校")).located_in_zhengzhou is True



def test_a_level_named_after_a_general_question_of_the_rules_asks_that_levels_rule(assistant: Assistant) -> None:
    leader = FACTS["leader_requirements"]
    session = "level-after-rules"
    assistant.ask("负责人的年龄上限是多少岁？", session_id=session)
    then = assistant.ask("那重大项目的负责人对学历有啥要求？", session_id=session)
    # the rule, not a verdict asking for the asker's title and degree
    assert not then.answer.startswith("结论"), then.answer
    assert any(squash(quote)[:12] in squash(then.answer) for quote in leader.quotes) or "博士" in then.answer
    # after a may-I question the level asks the verdict again at that level
    session = "level-after-may-i"
    assistant.ask("我们能申报吗？", session_id=session)
    again = assistant.ask("那重大项目呢？", session_id=session)
    assert again.answer.startswith("结论"), again.answer


def test_a_step_the_asker_has_not_taken_is_answered_by_how_it_is_taken(assistant: Assistant) -> None:
    answer = assistant.ask("我们所从来没有在那个业务管理系统里注册过，接下来要怎么做？")
    online = FACTS["online_application"]
    # how registration is done leads, not what units already registered may do
    assert answer.citations and answer.citations[0].id in online.passage_ids, [c.text[:30] for c in answer.citations]
    assert _website() in answer.answer


def test_a_total_asked_of_counts_given_per_level_is_their_sum(assistant: Assistant) -> None:
    counts = [int(n) for n in re.findall(r"(?:重大项目|重点项目)\s*(\d+)\s*项", FACTS["project_counts"].quotes[0])]
    assert len(counts) == 2
    answer = assistant.ask("重大加重点，今年总共要立几项？")
    assert f"合计{sum(counts)}项" in answer.answer, answer.answer
    # one level's count asked is that level's, no sum
    assert "合计" not in assistant.ask("重点项目总共有几项？").answer


def test_a_step_not_taken_that_the_notice_sets_nobody_apart_by_ranks_nothing(assistant: Assistant) -> None:
    # "还没推荐过" is a fact of the asker's the rules read, not a step the notice speaks of those who took: no fact gains
    ranked = assistant.ranker.rank("今年能报几项", [], "count", False, False, told="学校今年还没推荐过项目，今年能报几项")
    assert not any(c.features.get("step_untaken") or c.features.get("not_theirs") for c in ranked)
    ranked = assistant.ranker.rank("现在怎么办", [], None, False, False, told="我们从没在系统里注册过，现在怎么办")
    assert any(c.features.get("step_untaken") for c in ranked)


def test_a_turn_asking_only_a_topics_facet_is_asked_of_the_topic_under_discussion(assistant: Assistant) -> None:
    # "联系单位" is both the facet's name and a word of a general fact (the liaison mechanism): a turn asking only
    # that facet, however many characters it takes, is still about the topic just discussed
    subs = [t for t in CORPUS.topics if t.label.startswith("子课题") and t.contacts and t.funding_wan]
    topic = subs[1]
    session = "facet-only-turn"
    assistant.ask(f"{topic.label}的项目经费是多少？", session_id=session)
    then = assistant.ask("联系单位是哪一个处？", session_id=session)
    assert topic.contacts[0].phone in then.answer and topic.contacts[0].office in then.answer, then.answer
    # a turn that says something of its own besides the asked facet is no such turn
    assert not assistant.understander.asks_only_attribute("网络技术支持的联系单位是哪一个？")


def test_a_period_asked_in_english_as_what_it_is_asks_its_dates(assistant: Assistant) -> None:
    def attribute(q: str) -> str | None:
        return assistant.understander.understand(q).attribute

    assert attribute("What is the district review period?") == "date"
    assert attribute("What's the application period?") == "date"
    # how long a period lasts stays a duration
    assert attribute("How long is the implementation period?") == "duration"


def test_what_the_research_gives_someone_asks_its_purpose_not_materials() -> None:
    from assistant.understand import asked_attribute

    assert asked_attribute("这些课题的研究成果是为市里提供哪方面的东西？") == "why"
    # what the asker hands someone is still materials
    assert asked_attribute("单位要给区科技局提供哪些东西？") == "materials"


def test_another_citys_own_thing_asked_of_is_out_of_scope_though_a_topic_studies_the_city(assistant: Assistant) -> None:
    # the notice names these cities only as places a topic studies; what they offer is not in it
    cities = [c for c in ("北京", "深圳", "杭州", "合肥", "成都", "苏州") if c in CORPUS.clean_notice]
    assert cities
    answer = assistant.ask(f"{cities[0]}的概念验证平台一般能拿到多少资助？")
    assert answer.intent == Intent.OUT_OF_SCOPE, answer.answer
    # the city as a place studied, or a unit of the city asking may-I, is no such question
    studied = assistant.ask(f"{cities[0]}的做法是哪个课题要参考的？")
    assert studied.intent != Intent.OUT_OF_SCOPE, studied.answer
    unit = assistant.ask(f"{cities[0]}的一家研究院能申报吗？")
    assert unit.intent == Intent.ELIGIBILITY, unit.answer
    # the city's own body asked for its phone, what the city does for something, and what it has, asked as a list
    for q in (f"{cities[0]}市科学技术委员会的联系电话是多少？", f"{cities[0]}对概念验证平台有什么补贴政策？",
              f"{cities[0]}的概念验证中心有哪些？"):
        answer = assistant.ask(q)
        assert answer.intent == Intent.OUT_OF_SCOPE, (q, answer.answer)
        assert not re.search(r"\d{8}", answer.answer.split("业务咨询")[0]), answer.answer  # no phone of this notice's as theirs
    # what a topic asks to study of the city is still the topic's
    studied = assistant.ask(f"{cities[0]}的概念验证平台建设模式有哪些要研究？")
    assert studied.intent != Intent.OUT_OF_SCOPE, studied.answer


def test_a_follow_up_naming_another_topic_replaces_the_whole_stretch_of_the_first_ones_title(assistant: Assistant) -> None:
    u = assistant.understander
    # a topic named by an alias its title continues after ("指标评价" of "…指标评价与数据监测…"), then more of the title
    named = [(t, alias, t.title[t.title.index(alias): t.title.index(alias) + len(alias) + 3]) for t in CORPUS.topics
             for alias in t.aliases if len(alias) >= 3 and alias in t.title
             and t.title.index(alias) + len(alias) + 3 <= len(t.title)
             and u.topics.resolve(canonical(f"{t.title[t.title.index(alias): t.title.index(alias) + len(alias) + 3]}那个课题")) == [t.id]]
    assert named
    topic, alias, stretch = named[0]
    other = next(t for t in CORPUS.topics if t.id != topic.id and t.aliases and u.topics.resolve(canonical(t.aliases[0])) == [t.id])
    completed = u.complete_followup(f"那{other.aliases[0]}那个呢", f"{stretch}那个课题给多少钱")
    assert completed is not None and other.aliases[0] in completed and stretch[len(alias):] not in completed, completed
    assert u.topics.resolve(canonical(completed)) == [other.id], completed


def test_a_set_phrase_spelling_out_a_verb_is_read_as_the_verb(assistant: Assistant) -> None:
    # "挪作他用" is "挪用": the clause forbidding it answers, not "not covered"
    forbidding = next(p for p in CORPUS.passages if "挪用" in p.text)
    answer = assistant.ask("课题经费可以挪作它用吗？")
    assert answer.intent != Intent.OUT_OF_SCOPE, answer.answer
    assert forbidding.id in [c.id for c in answer.citations[:3]], [c.text[:30] for c in answer.citations]



def test_a_trigger_word_one_character_off_is_a_slip_only_where_the_question_does_not_say_a_word_of_its_own() -> None:
    from assistant.matching import FactMatcher
    from corpus import Fact

    fact = Fact(id="f", intent="materials", quotes=["x"], zh="x", en="x", triggers=["提交什么", "申报材料", "截止时间", "网络系统"])
    matcher = FactMatcher([fact])

    def found(q: str) -> bool:
        return bool(matcher.score(canonical(q)))

    # a character breaking the words where it stands, or reading like the right one, is a slip
    assert found("申报才料在哪看") and found("截止十间是几号")
    # one making a word of its own that reads otherwise says that word: "提出什么" is no "提交什么"
    assert not found("这个课题要提出什么建议")
    assert found("这个课题要提交什么")
    # a word of its own rarer than the trigger's there is still read as the trigger's ("网上" for "网络")
    assert found("网上系统登不上去")


def test_a_level_naming_a_topic_in_a_clause_asking_what_of_it_is_no_level_asked(assistant: Assistant) -> None:
    # a titled key project named by its level and a stretch of its title, asked a point one of its sentences holds
    topic = next(t for t in CORPUS.topics if t.level == "key" and not t.parent and t.focus_quote)
    sentence = next(p.text for p in CORPUS.passages if p.topic == topic.id and len(p.text) > 60 and "研究" in p.text)
    point = next(w for w in re.findall(r"[\u4e00-\u9fff]{4}", sentence.split("，")[1]) if w not in topic.title)
    stretch = topic.title[-8:-2]
    answer = assistant.ask(f"{stretch}那个重点课题要做哪些{point}？")
    assert answer.topic == topic.id and sentence.removeprefix("研究内容：")[:20] in answer.answer, answer.answer
    # the level asked in a clause of its own is still answered
    answer = assistant.ask(f"{stretch}那个课题是重点还是重大？要做哪些{point}？")
    assert "属于" in answer.answer, answer.answer


def test_an_english_what_of_a_named_topic_no_facet_word_names_asks_its_content(assistant: Assistant) -> None:
    # (a topic's English name, as the served topics give it)
    topic, name = next((t, a) for t in CORPUS.topics for a in t.aliases if t.parent and t.focus_quote
                       and re.fullmatch(r"[a-z][a-z -]{5,}", a) and assistant.understander.topics.resolve(canonical(f"the {a} sub-topic")) == [t.id])
    answer = assistant.ask(f"What kinds of proposals should the {name} sub-topic put forward?")
    assert answer.topic == topic.id and topic.focus_quote[:15] in answer.answer, answer.answer
    # the topic's funding and contact asked in English are still those facets
    funding = assistant.ask(f"What is the funding of the {name} sub-topic?")
    assert topic.focus_quote[:15] not in funding.answer, funding.answer


def test_what_something_is_meant_to_do_asks_its_purpose() -> None:
    from assistant.understand import asked_attribute

    assert asked_attribute("What is the soft science plan intended to achieve?") == "why"
    assert asked_attribute("What do these studies aim at?") == "why"
    assert asked_attribute("What must the plan's applicants submit?") != "why"



def test_what_the_programme_is_meant_to_do_is_answered_with_the_purpose_the_notice_states(assistant: Assistant) -> None:
    purpose = next(f for f in CORPUS.facts if f.role == "purpose" or f.id == "purpose")
    answer = assistant.ask("What is the soft science plan intended to achieve this year?")
    assert answer.intent != Intent.OUT_OF_SCOPE and purpose.en[:30] in answer.answer, answer.answer


def test_a_regulation_asked_by_its_kind_names_it(assistant: Assistant) -> None:
    from assistant.understand import asked_attribute

    assert asked_attribute(canonical("承诺书里要遵守的是哪一部科技诚信管理办法？")) == "document"
    named = re.search(r"《([^》]*诚信[^》]*)》", CORPUS.clean_notice)
    assert named is not None
    answer = assistant.ask("信用承诺书上说要遵守哪个诚信管理办法？")
    assert named.group(1) in answer.answer, answer.answer


def test_literature_asked_to_be_found_is_no_question_of_the_notice(assistant: Assistant) -> None:
    topic_word = next(t.aliases[0] for t in CORPUS.topics if t.aliases)
    for q in (f"能不能帮我找几篇{topic_word}方面的论文？", "Could you recommend some readings on innovation policy?"):
        assert assistant.ask(q).intent == Intent.OUT_OF_SCOPE, q
    # materials to be found for the application are still the notice's
    assert assistant.ask("帮我找一下申报要交的材料").intent != Intent.OUT_OF_SCOPE


def test_a_documents_bare_title_does_not_lead_an_answer_naming_the_document_already(assistant: Assistant) -> None:
    # the materials name the annexed pledge with how it is handed in; its template's bare title says nothing of that
    title = next(p for p in CORPUS.passages if p.text.rstrip().endswith("（参考模板）") and "承诺书" in p.text)
    answer = assistant.ask("申报单位的信用承诺书如何提交")
    assert answer.citations and answer.citations[0].id != title.id, [c.text[:30] for c in answer.citations]
    assert "盖章后上传" in answer.answer and not answer.answer.startswith("通知原文"), answer.answer


def test_the_sub_topics_listed_cite_first_the_title_that_counts_them(assistant: Assistant) -> None:
    parent = next(t for t in CORPUS.topics if assistant.topics.children(t.id))
    answer = assistant.ask("子课题都有哪几个？")
    assert answer.citations[0].id == parent.passage_of[parent.title_quote], [c.text[:30] for c in answer.citations]


def test_an_english_follow_up_naming_another_topic_asks_of_it_what_was_asked_of_a_described_one(
        assistant: Assistant) -> None:
    u = assistant.understander
    # two sub-topics with English names; the first described in the previous turn, the second named by this one
    named = [(t, a) for t in CORPUS.topics if t.parent for a in t.aliases
             if re.fullmatch(r"[a-z][a-z -]{5,}", a) and u.topics.resolve(canonical(f"the {a} one")) == [t.id]]
    (first, a1), (second, a2) = named[0], next(n for n in named if n[0].id != named[0][0].id)
    previous = canonical(f"which documents should the {a1} sub-topic produce?")
    assert u.topics.resolve(previous) == [first.id]
    completed = u.complete_followup(canonical(f"And the {a2} one?"), previous, True)
    assert completed is not None and "documents" in completed and a1 not in completed, completed
    assert u.topics.resolve(completed) == [second.id], completed


def test_english_questions_listed_with_commas_before_the_and_are_asked_in_turn(assistant: Assistant) -> None:
    q = "Which day does online filing close, how much does a major project get, and which number handles website problems?"
    parts = assistant.understander.understand(q).parts
    assert len(parts) == 3, parts
    answer = assistant.ask(q).answer
    window = next(f for f in assistant.corpus.facts if f.window)
    assert window.window is not None and window.window.closes.isoformat() in answer, answer
    assert _phones("contact_tech")[0] in answer, answer
    # a condition before the comma is no question of its own
    assert len(assistant.understander.understand("If the website fails to load, whom should I phone?").parts) == 1


def test_the_asker_states_facts_in_words_the_profile_reads_alike() -> None:
    from assistant.extract import extract_profile

    def read(text: str) -> dict[str, object]:
        return {k: v for k, v in extract_profile(canonical(text)).model_dump().items() if v is not None}

    # places left, said after the word for them, or a quota not used up: none of the unit's places stand in the way
    assert read("我们所今年的名额还有，想报一个")["org_quota_used"] == 0
    assert read("Our institute has not used up its quota this year.")["org_quota_used"] == 0
    assert "org_quota_used" not in read("学校名额还有吗？")
    # one recommending channel, named after the body that recommends
    assert read("我们通过高新区科技局这一个渠道推荐")["recommending_departments"] == 1
    # no city project running: none overdue
    assert read("我目前没有在研的市级科技项目")["overdue_city_project"] is False
    assert read("I have no ongoing city-funded project.")["overdue_city_project"] is False
    # a place in a request made of the assistant ("帮我…") is not where the asker is
    assert "located_in_zhengzhou" not in read("能帮我查一下北京的科技计划有哪些吗？")
    assert read("我在北京工作，能报吗？")["located_in_zhengzhou"] is False
    # an age given as a form's field or in literary numerals; a limit named is no age
    assert read("Name: Wang; age: 47")["age"] == 47 and read("本人今年四十有七")["age"] == 47
    assert "age" not in read("Is the maximum age 60 or 65?") and "age" not in read("The maximum age is 60, right?")
    # one body the unit goes through, named for what it is; "only" after the body in English
    assert read("我们只走中原区科技局")["recommending_departments"] == 1
    assert read("We go through the high-tech zone bureau only.")["recommending_departments"] == 1
    assert "recommending_departments" not in read("我们只走中原区科技局和二七区科技局")
    # no other application, said in English as not having one; city projects all closed ("都结了")
    assert read("I don't have any other applications this year.")["applications_this_year"] == 0
    assert read("我之前的市级项目都结了")["overdue_city_project"] is False


def test_books_asked_to_be_recommended_are_no_question_of_the_notice(assistant: Assistant) -> None:
    assert assistant.ask("可以介绍几本讲科技政策评估的书吗？").intent == Intent.OUT_OF_SCOPE
    assert assistant.ask("单位最多能推荐几个项目？").intent != Intent.OUT_OF_SCOPE


def test_a_sub_topic_named_before_a_clause_naming_its_parent_is_the_one_asked(assistant: Assistant) -> None:
    u = assistant.understander
    # a sub-topic and its parent, each named by an alias that finds it alone
    pairs = [(t, a, p) for t in CORPUS.topics if t.parent for a in t.aliases if not a.isascii()
             and u.topics.resolve(canonical(a)) == [t.id]
             for p in assistant.corpus.topic(t.parent).aliases if not p.isascii()
             and u.topics.resolve(canonical(f"在{p}方面")) == [t.parent]]
    child, alias, parent_alias = pairs[0]
    understood = u.understand(canonical(f"{alias}那个子课题，在{parent_alias}方面要做哪些工作？"))
    assert understood.topics == [child.id], understood.topics
    # the parent named alone in the asking clause is still the one asked
    assert u.understand(canonical(f"{parent_alias}方面要做哪些工作？")).topics == [child.parent]


def test_the_thing_a_which_question_asks_for_finds_the_topic_sentence_naming_it(
        assistant: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    # in a topic of several content sentences: a noun only one sentence has, asked for after 哪些, and a verb only
    # another has - where the question's other words would choose the verb's sentence, the noun's answers
    from jieba import posseg

    import assistant.engine as engine
    from index.tokenize import jieba_frequency

    def first_cited(q: str) -> str:
        monkeypatch.setattr(assistant, "_caching", False)  # (asked twice, once with the mechanism off)
        answer = assistant.ask(q)
        return answer.citations[0].id if answer.citations else ""

    flipped, asked = 0, 0
    for topic in CORPUS.topics:
        own = [p for p in CORPUS.passages if p.id in assistant._content_of[topic.id]]
        alias = next((a for a in topic.aliases if not a.isascii() and len(a) >= 4
                      and assistant.understander.topics.resolve(canonical(a)) == [topic.id]), None)
        if alias is None or len(own) < 2:
            continue
        # (common words of two characters, by jieba's part of speech)
        tagged = [{(w.word, w.flag[:1]) for w in posseg.cut(p.text) if len(w.word) == 2 and w.word not in alias
                   and jieba_frequency(w.word) >= 1000} for p in own]
        alone = [{w for w, _ in t} - set().union(*({w for w, _ in u} for k, u in enumerate(tagged) if k != i))
                 for i, t in enumerate(tagged)]
        for i, a in enumerate(own):
            for j, b in enumerate(own):
                # (a noun of this one sentence in the whole notice: the thing asked for, not a general word)
                for noun in sorted(w for w in alone[i] if (w, "n") in tagged[i]
                                   and sum(w in p.text for p in CORPUS.passages) == 1)[:3] if i != j else ():
                    for verb in sorted(w for w in alone[j] if (w, "v") in tagged[j])[:3]:
                        q = f"{alias}那个课题要{verb}哪些{noun}？"
                        with monkeypatch.context() as m:
                            m.setattr(engine, "ASKED_NOUN_SHARE", 0.0)
                            if first_cited(q) != b.id:
                                continue
                        asked += 1
                        flipped += first_cited(q) == a.id
    # most questions that the other words alone answer with the verb's sentence now get the noun's
    assert asked >= 5 and flipped >= 0.75 * asked, (flipped, asked)


def test_the_reason_of_an_outcome_the_notice_never_names_is_out_of_scope(assistant: Assistant) -> None:
    for q in ("为什么我们的申请被驳回了？", "今年的资助为啥缩水了", "Why was our proposal turned down?",
              "Why is the grant smaller than before?"):
        answer = assistant.ask(q)
        assert answer.intent == Intent.OUT_OF_SCOPE, (q, answer.answer[:80])
    # a reason the notice states is still answered ("为…" before the thing it is for), and a class of projects named
    # by an outcome is no outcome asked about
    stated = next(p for p in CORPUS.passages if "纸质" in p.text and "为切实减轻" in p.text)
    for q in ("为什么没立项的项目不用交纸质版？", "为什么不通过邮寄交材料？"):  # (a way not taken is no failure)
        answer = assistant.ask(q)
        assert answer.intent != Intent.OUT_OF_SCOPE and stated.id in [c.id for c in answer.citations], (q, answer.answer[:120])


def test_a_list_ending_a_request_to_be_told_asks_each_item_of_the_thing_named_before_it(assistant: Assistant) -> None:
    u = assistant.understander.understand(canonical("麻烦给我讲一下重点项目的资助额度、完成时间和联系电话"))
    assert u.parts == ["重点项目的资助额度", "重点项目的完成时间", "重点项目的联系电话"], u.parts
    answer = assistant.ask("麻烦给我讲一下重点项目的资助额度、完成时间和联系电话").answer
    key = next(f for f in CORPUS.facts if f.intent == "funding" and any("重点项目" in q and "万元" in q for q in f.quotes))
    amount = re.search(r"重点项目[^；;。]*?(\d+\s*万元)", "".join(key.quotes))
    assert amount is not None and squash(amount.group(1)) in squash(answer), answer
    assert _phones("contact_business")[0] in answer, answer
    # a count asked by its noun
    assert assistant.understander.understand(canonical("今年子课题的数量")).attribute == "count"


def test_the_clause_leading_a_yes_no_answer_is_cited_first(assistant: Assistant) -> None:
    # "原件/扫描件/复印件" asks how a document is handed in; the clause that settles it leads, its passage cited first
    for q in ("包干制承诺书交复印件可以吗？", "信用承诺书要寄原件吗？"):
        u = assistant.understander.understand(canonical(q))
        assert u.attribute == "channel", (q, u.attribute)
        answer = assistant.ask(q)
        m = re.match(r"通知原文：“(.+?)”。", answer.answer)
        assert m is not None and answer.citations, answer.answer[:80]
        assert squash(m.group(1)) in squash(answer.citations[0].text), (m.group(1), answer.citations[0].text)


def test_pieces_the_asker_numbers_are_asked_in_turn_whatever_their_words(assistant: Assistant) -> None:
    # "一是…；二是…；三是…": a numbered piece asks though it names only a thing ("二是网上填报的截止日期");
    # what is told before the first one is its context
    q = "我在学校科研处工作，有几件事想确认：一是高校可以推荐几项；二是网上填报的截止日期；三是业务咨询电话。"
    u = assistant.understander.understand(canonical(q))
    assert len(u.parts) == 3, u.parts
    answer = assistant.ask(q).answer
    assert _phones("contact_business")[0] in answer, answer
    window = FACTS["submission_window"].window
    assert window is not None and f"{window.closes.month}月{window.closes.day}日" in answer, answer
    quota = re.search(r"高校限报\s*\d+\s*项", "".join(FACTS["quota"].quotes))
    assert quota is not None and squash(quota.group()) in squash(answer), answer
    # numbered "(1) (2)" and "第一/第二" alike; one numbered piece alone is no list
    for q in ("想问两点：（1）重点项目资助多少（2）项目完成时间", "请教两个问题，第一，重点项目资助多少；第二，项目完成时间"):
        assert len(assistant.understander.understand(canonical(q)).parts) == 2, q
    assert len(assistant.understander.understand(canonical("一是想问重点项目资助多少")).parts) == 1


def test_a_place_asked_as_a_condition_names_the_location_rule(assistant: Assistant) -> None:
    # "必须在郑州吗" asks the rule that places the unit in the city, not a rule that merely names the city's databases
    quote = next(r.quote for r in CORPUS.rules if r.id == "location")
    for q in ("申报单位必须在郑州吗？", "Does the applying unit have to be based in Zhengzhou?"):
        answer = assistant.ask(q)
        assert any(squash(quote) in squash(c.text) for c in answer.citations[:1]), (q, [c.text[:40] for c in answer.citations])


def test_a_number_before_a_level_in_the_plural_counts_projects_and_names_none(assistant: Assistant) -> None:
    # "the 10 key projects" counts them; "key project 12" names one the notice lacks
    key = next(f for f in CORPUS.facts if f.intent == "funding" and any("重点项目" in q and "万元" in q for q in f.quotes))
    amount = re.search(r"重点项目[^；;。]*?(\d+)\s*万元", "".join(key.quotes))
    assert amount is not None
    answer = assistant.ask("How much money do the 10 key projects get in all?")
    assert answer.intent != Intent.OUT_OF_SCOPE and f"{amount.group(1)}万元" in answer.answer, answer.answer
    assert assistant.ask("What is the phone for key project 12?").intent == Intent.OUT_OF_SCOPE


def test_the_content_asked_by_a_verb_and_what_it_does_is_the_topics_focus(assistant: Assistant) -> None:
    # "要做哪些研究", "主要开展什么工作" ask what the study does, as "研究什么" does: its focus, not whichever
    # sentence the word 研究 finds (a topic's first sentence may only say why it is set)
    for t in (t for t in CORPUS.topics if t.focus_quote and t.label and not t.parent):
        name = t.label
        for q in (f"{name}具体要做哪些研究？", f"{name}主要开展什么工作"):
            answer = assistant.ask(q).answer
            assert squash(t.focus_quote) in squash(answer), (q, answer[:120])


def test_the_asker_states_the_one_application_and_a_clean_record_in_more_words() -> None:
    from assistant.extract import extract_profile

    def read(text: str) -> dict[str, object]:
        return {k: v for k, v in extract_profile(canonical(text)).model_dump().items() if v is not None}

    # the only application, wished for ("就想报一个") or with the leader named in it ("所里就报我这一个")
    assert read("我今年就想申报一个一般性的课题")["applications_this_year"] == 0
    assert read("研究院今年只推荐我这一个项目")["org_quota_used"] == 0
    assert read("It is her first application this year.")["applications_this_year"] == 0
    # an age first in brackets before the person's title
    assert read("Our candidate (51, senior researcher) wants to apply.")["age"] == 51
    assert "age" not in read("Topics (12, 13) are new.")
    # a clean record said of credit and of misconduct together
    assert read("Neither he nor the institute has any credit or conduct problems.")["credit_blacklisted"] is False


def test_a_shorter_stretch_only_one_topics_title_writes_names_it_without_aliases() -> None:
    # an ingested notice's topics have no hand aliases: six characters of one title that no other title and no
    # passage outside the topics writes ("概念验证平台是哪个处的") name that topic; a stretch general text writes does not
    from assistant.topics import TITLE_SPAN_OWN, TopicResolver

    bare = [t.model_copy(update={"aliases": []}) for t in CORPUS.topics]
    general = [p.text for p in CORPUS.passages if not p.topic]
    resolver = TopicResolver(bare, (), general)
    titles = {t.id: canonical(t.title) for t in bare}
    outside = [canonical(text) for text in general]
    named = 0
    for t in bare:
        title = titles[t.id]
        for i in range(len(title) - TITLE_SPAN_OWN + 1):
            stretch = title[i: i + TITLE_SPAN_OWN]
            if not re.fullmatch(r"[\u4e00-\u9fff]+", stretch):
                continue
            elsewhere = any(stretch in other for tid, other in titles.items() if tid != t.id)
            general_too = any(stretch in text for text in outside)
            got = resolver.resolve(f"{stretch}是哪个处的")
            if not elsewhere and not general_too:
                assert got == [t.id], (stretch, got)
                named += 1
            elif general_too and not elsewhere:
                assert got == [], (stretch, got)
    assert named >= len(bare)


def test_a_count_the_asker_tells_is_no_count_asked(assistant: Assistant) -> None:
    # "学校今年一共推荐了3项…请问我能报吗": "一共" is in what the asker tells, not in what they ask; the answer is the
    # verdict on every stated fact, even with a topic named among them
    major = next(t for t in CORPUS.topics if t.level == "major")
    q = ("我是郑州市内一所具有独立法人资格的公办高校的教授，博士学历，今年52岁。学校科研管理制度完备，学校和我都不在信用"
         f"黑名单上，也没有惩戒执行期内的科研严重失信记录。我想牵头申报重大项目“{major.title}”，今年只报这一个项目，"
         "没有逾期未结题的市级项目。学校今年一共推荐了3项，内容不涉密，之前也没拿过市级财政资金，只通过区科技主管部门"
         "一个渠道推荐。请问我能报吗？")
    answer = assistant.ask(q, dt.date(2024, 9, 15))
    assert answer.eligibility is not None and answer.eligibility.verdict == "eligible"
    applicants = next(r.quote for r in CORPUS.rules if r.id == "org_type")
    assert any(squash(applicants) in squash(c.text) for c in answer.citations[:3]), [c.text[:40] for c in answer.citations]


def test_the_leaders_own_application_told_with_more_words_between() -> None:
    # "我已经作为负责人在系统里报了一个重点项目": the leader's application this year, with the role and the place said
    # between "已经" and the verb; someone else's is still not theirs
    from assistant.extract import extract_profile

    def read(text: str) -> dict[str, object]:
        return {k: v for k, v in extract_profile(canonical(text)).model_dump().items() if v is not None}

    assert read("我已经作为负责人在系统里报了一个重点项目，还想再牵头报一个")["applications_this_year"] == 1
    assert "applications_this_year" not in read("我们单位已经有同事在系统里报了一个重点项目，我能报吗")


def test_a_part_opening_with_its_asking_word_asks_of_the_subject_before_it(assistant: Assistant) -> None:
    # "信用承诺书要不要盖章？最后谁签字？": the second part names no subject of its own ("签字" is a verb the notice uses), so
    # it asks who signs the pledge: the template's signature line, not "not covered"
    signed = next(p for p in CORPUS.passages if p.id.startswith("p-") and "签字" in p.text)
    answer, trace = assistant.explain("信用承诺书要不要盖章？最后谁签字？")
    assert answer.intent != Intent.OUT_OF_SCOPE
    assert squash(signed.text) in squash(answer.answer), answer.answer[:300]
    parts = [line for line in trace if "[sub-question]" in line]
    assert len(parts) == 2 and "承诺书" in parts[1], parts
    # (a part naming its own subject keeps it: "联系电话是多少" after a question about the deadline)
    _, trace = assistant.explain("申报截止时间是什么时候？联系电话是多少？")
    assert [line for line in trace if "[sub-question]" in line][1].endswith("联系电话是多少")
    # (the first part opening with its asking word has no part before it: "怎么申报？要上哪个网站？" asks both)
    site = next(f for f in CORPUS.facts if f.role == "online_application")
    url = re.search(r"https?://[\w./-]+", " ".join(site.quotes))
    answer = assistant.ask("怎么申报？要上哪个网站？")
    assert url and url.group(0).rstrip("/") in answer.answer, answer.answer[:300]


def test_a_passage_no_fact_is_about_counts_for_the_fact_about_most_of_its_section(assistant: Assistant) -> None:
    # an annexed form's title line ("…承诺书（参考模板）") is no fact's quote; a question BM25 finds it for asks the form
    ranker = assistant.ranker

    def owners(section: str) -> list[tuple[str, int]]:
        return Counter(f.id for p in CORPUS.passages if p.section == section for f in ranker.facts_of(p.id)).most_common()

    # (the form's title: in a section most of whose passages one fact is about)
    titles = [p for p in CORPUS.passages if not ranker.facts_of(p.id) and "模板" in p.text and (o := owners(p.section))
              and o[0][1] >= 2 and all(m < o[0][1] for _, m in o[1:])]
    assert titles
    title = titles[0]
    heir = owners(title.section)[0][0]
    ranked = ranker.rank(title.text, [Hit(title, 10.0)], None, False, False)
    assert ranked and ranked[0].fact.id == heir and ranked[0].features.get("retrieval"), [c.describe() for c in ranked[:3]]
    # a passage some fact is about still counts for that fact alone
    owned = next(p for p in CORPUS.passages if p.section == title.section and ranker.facts_of(p.id))
    got = {c.fact.id for c in ranker.rank(owned.text, [Hit(owned, 10.0)], None, False, False) if c.features.get("retrieval")}
    assert got == {f.id for f in ranker.facts_of(owned.id)}
