"""What the index adds to a passage's document besides its own text: how people ask for it.

Each fact and topic attribute of the corpus rests on passages; the words by which applicants ask
for that fact (its answer sentence, and its triggers unless switched off for the ablation) and
the names of the topic a passage belongs to are indexed with the passage. Retrieval then ranks
the passage that answers a question even when the question shares few words with the notice.
The attribute words below are words of questions (how people ask for an amount or a phone), not
facts of any one notice.
"""

from __future__ import annotations

from corpus import Corpus

ATTRIBUTE_WORDS = {
    "funding": "经费 多少钱 资助 金额 额度 funding amount money",
    "contact": "联系 电话 号码 处室 哪个处 联系单位 contact phone office",
    "content": "研究内容 研究什么 做什么 content research",
}


def expansions(corpus: Corpus, with_triggers: bool = True) -> dict[str, str]:
    """Passage id -> extra text to index with it."""
    extra: dict[str, list[str]] = {}

    def add(pid: str, text: str) -> None:
        extra.setdefault(pid, []).append(text)

    for fact in corpus.facts:
        words = [fact.zh, fact.en]
        if with_triggers:
            words += [t.replace("+", " ") for t in fact.triggers]
        for pid in fact.about_ids:
            add(pid, " ".join(words))
    for topic in corpus.topics:
        names = " ".join([topic.label, topic.label_en, topic.title_en, *topic.aliases])
        for quote, pid in topic.passage_of.items():
            add(pid, names)
            if quote == topic.funding_quote:
                add(pid, ATTRIBUTE_WORDS["funding"])
            elif quote == topic.contact_quote:
                add(pid, ATTRIBUTE_WORDS["contact"])
    for p in corpus.passages:
        if p.kind in ATTRIBUTE_WORDS:
            add(p.id, ATTRIBUTE_WORDS[p.kind])
    return {pid: " ".join(dict.fromkeys(texts)) for pid, texts in extra.items()}
