"""Repairs the PDF/Word-extraction artefacts of a notice's text without changing its wording.

Driven by patterns, not by any one notice's sentences: page-number lines and page breaks (form
feeds) anywhere; a sentence or heading a page break cut in two (joined, and a heading's glyph
repeated on both sides of the cut kept once); a line that continues the sentence before it (it
starts with a comma, or with a bracketed note and a comma: a form's "(正楷填写或机打)，"); blocks of lines the extractor emitted twice;
title characters spaced out for display ("关 于 组 织"); a label alone on its line
("联系单位：") joined to its value; Markdown heading marks, bullets and table rules; tables a copied web page
kept as their HTML markup (read as rows, a cell spanning rows in each); a table whose columns are the
project levels (said row by row, level by level). Everything else, including odd spacing inside Chinese text,
is kept so that citations stay verbatim (the contract lets whitespace differ, nothing else).
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import Counter
from html.parser import HTMLParser

from corpus.script import AsWritten, simplified

# A sentence cut by a page break ends mid-word (an ideograph) or after a comma.
_CUT_TAIL = re.compile(r"[\u4e00-\u9fff，,、]$")
# A line ending in a comma or an opening bracket or quote is never complete, however short (a PDF
# wrapped "3）申报单位及项目负责人信用记录良好，" / "…门户网站（" + "http://…"); headings end otherwise.
_OPEN_TAIL = re.compile(r"[，,、（(“《]$")
# Sentence punctuation inside a line: it is body text, not a heading, so an ideograph at its end is a cut.
# A label's colon alone does not make a line body text ("附件：…承诺书" is complete); before a date that
# the sentence goes on with ("…须于" + "2035年5月31日…前完成"), it does.
_INNER_PUNCT = re.compile(r"[，,；;]")
_DATE_LEAD = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日.")
_DATE_ONLY = re.compile(r"^\d{4}年\d{1,2}月(?:\d{1,2}日)?$")  # a signature's date line
SIGNATURE_NAME = re.compile(r"[\u4e00-\u9fff（）()]{2,24}(?:局|委员会|委|厅|办公室|政府|中心|院)")  # ... under its issuer's name
# A line that starts one of these opens a new block; it can never be the tail of a broken sentence.
_BLOCK_START = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[—\-–－]+\s*第\s*\d{1,3}\s*页|[(（](?:[一二三四五六七八九十]+|\d{1,2})[)）]|\d+\s*[.、]|子课题|子选题|(?:选题|课题|方向)\s*\d|附件|研究内容|项目经费|联系单位|- |"
    r"【[一二三四五六七八九十]+】|[\u4e00-\u9fff]{2,6}[：:]|注\s*[：:]|"  # a labelled field ("研究要点：…") opens a line, a note too
    r"【[\u4e00-\u9fff]{2,6}】|"  # ... and one whose label is in brackets ("【类别】重点项目  【归口处室】…")
    r"\d{1,2}月\d{1,2}日[^。，,；;]{0,20}?[：:]|"  # ... and a dated item of a schedule ("5月6日前：报送纸质材料")
    r"各[^。；;：:]{2,60}[：:]$)"  # ... and a document's addressee ("各区县科技主管部门，各有关单位："), after its title
)
# A schedule's dated item, its year said in the heading above ("（二）2050年工作安排" / "3月2日：系统开放"): a line
# of its own, complete when shorter than a full body line (a PDF wraps only full lines)
_DATED_ITEM = re.compile(r"^\d{1,2}月\d{1,2}日[^。，,；;]{0,20}?[：:]")
_FULL_LINE = 30
# Document titles end without punctuation but are complete; a cut never falls right after them (an annex of
# questions and answers titled "…申报指南问答", "常见问题解答" as well).
_TITLE_END = ("通知", "指南", "问答", "解答", "答疑")
_MIN_CUT_LINE = 20  # a page-cut line is a full body line; shorter unpunctuated lines are headings
# A news deck under a headline: phrases of four or more characters set apart by a space, no punctuation
# ("今年发布12个定题课题 重大项目每项资助25万元"): a line of its own, not the headline's tail
_DECK = re.compile(r"^[\u4e00-\u9fff\w]*[\u4e00-\u9fff]{4}(?:[ \u3000]+[\u4e00-\u9fff][\u4e00-\u9fff\w]{3,})+$")
# Page furniture: "- 3 -", "3", "第3页", "第 3 页 共 9 页", "3/9".
_PAGE_NUMBER = re.compile(r"^(?:[-—–－]?\s*\d{1,3}\s*[-—–－]?|第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?|\d+\s*[/／]\s*\d+)$")
# A slide deck's page mark, as a presentation exported to text writes it between its slides: "— 第3页 —", "—— 3 / 18 ——",
# "Slide 3", "Slide 3 of 18", "幻灯片 3", "第3张". (A bare "— 3 —" is a printed page's number, not a slide's.)
_DASHES = r"[—\-–－=]+"
SLIDE_MARK = re.compile(r"^(?:" + _DASHES + r"\s*(?:第\s*\d{1,3}\s*[页张](?:\s*[/／]?\s*共\s*\d{1,3}\s*[页张])?|\d{1,3}\s*[/／]\s*\d{1,3})\s*"
                        + _DASHES + r"|(?:" + _DASHES + r"\s*)?(?:(?i:slide)\s*\d{1,3}(?:\s*(?:[/／]|(?i:of))\s*\d{1,3})?|"
                        r"幻灯片\s*\d{1,3}|第\s*\d{1,3}\s*张(?:幻灯片)?)(?:\s*" + _DASHES + r")?)$")
SLIDE_DECK_MIN = 3  # three slide marks make the text a deck: each of its lines is a bullet or a title, whole
# Three or more single CJK characters separated by spaces: a title spaced out for display.
# (a heading's enumeration comma is spaced out with its words: "二 、 申 报 条 件")
_SPACED = re.compile(r"(?:[\u4e00-\u9fff、] ){3,}[\u4e00-\u9fff]")
# ... and an annex's label, whatever its length: "附 件 1"
_SPACED_ANNEX = re.compile(r"^附 件(?= ?\d)")
_L1_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
# A label alone on its line; its value is on the next one.
_BARE_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,8}[：:]$")
# ... but not a line opening with a numbered label of its own ("课题1：…", "选题二：…"): the first item of the list
# the label heads ("各课题研究要点："), no value of it
_NUMBERED_LABEL = re.compile(r"^[\u4e00-\u9fff]{1,6}\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[：:]")
_SENTENCE_PUNCT = re.compile(r"[。，；,;]")
# A line no sentence can start with: a comma, or a bracketed note followed by a comma ("(正楷填写或机打)，").
_CONTINUES = re.compile(r"^(?:[，,、]|[(（][^()（）]{1,12}[)）]\s*[，,])")
_SENTENCE_END = re.compile(r"[。；！？：:;!?]$")
# Markdown a web page's export leaves: heading marks and bullets before a line's words, and a table's
# separator row ("|---|---|"). The words stay as they are.
# (and the symbols an article's editor marks its lines with: "✅ ", "❌ ", "📌 ", "🔹 ")
_SYMBOLS = r"(?:[\u2600-\u27bf\U0001f300-\U0001faff\u2b50\u2b55\u203c\u2049\u2705\u274c]\ufe0f?)"
# (a bullet glyph may carry the selector that shows it as an emoji: "▪️ 重点项目：…" is "▪" and U+FE0F)
_BULLET = re.compile(r"^(?:[-*+•●○◦■□◆◇▪►▸▶☐☑]\ufe0f?|" + _SYMBOLS + r")\s*(?=\S)")
_MARKUP = re.compile(r"^(?:#{1,6}\s+|[-*+]\s+(?=\S)|>\s*(?=\S)|(?:[•●○◦■□◆◇▪►▸▶☐☑]\ufe0f?|" + _SYMBOLS + r")\s*(?=\S))")
# (a Markdown blockquote's mark, "> **提示**：…", opens a block as a bullet does: a note set apart, its words kept)
_QUOTE_MARK = re.compile(r"^>\s*(?=\S)")
# A Markdown link ("[附件1：申报书模板](https://…/sbs.docx)", "登录[某市科技计划项目管理系统](https://…)"): its words,
# and its address after them in brackets as a notice writes a site's address ("…管理系统（https://…）")
_MD_LINK = re.compile(r"(?<!!)\[([^\[\]\n]{1,120})\]\((https?://[^\s()]+)\)")
# A Markdown table row's cell holding two lines ("政策法规处<br>资源配置处", "…组织实施<br>与绩效评价机制研究") or two
# items parted by an escaped bar ("0374-… \| 0374-…", a bar the row does not part its cells at): a wrapped title
# goes on, short items stay apart (as a table's markup is read: _cell_breaks), two items parted by an escaped bar
# are listed ("0374-…、0374-…")
_ROW_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_ESCAPED_BAR = re.compile(r"\s*\\\|\s*")
# A Markdown export whose section headings carry no number ("## 申报条件", "### 申报单位条件", as a document platform
# writes them): its heading marks are all that says where its sections begin and how deep they are, so they are
# kept on those headings ("## 申报条件"; the title's "# " goes) for the segmenter to read (corpus/passages.py). A
# notice numbering its headings ("## 一、申报条件") is read by its numbers, its marks dropped.
MD_HEADING = re.compile(r"^(#{2,6})\s+(\S.*)$")
_NUMBERED_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d|第[一二三四五六七八九十\d]{1,3}[条章节部])")
MD_HEADINGS_MIN = 2
# A step numbered with a keycap emoji ("1️⃣ 注册：…"): its number, as a list writes it ("1. 注册：…")
_KEYCAP = re.compile(r"^(\d{1,2})\ufe0f?\u20e3\s*")
# A section heading an article marks with a symbol instead of a number ("📅 申报时间", "☎️ 联系方式"): a few words
# alone after the symbol. Kept with its symbol, so that the segmenter reads it as a heading whatever follows it.
# (not a tick, a cross, a warning or a pointer, which mark a list's items: "✗ 超出本单位申报指标", "🔹 申报书")
_HEADING_SYMBOL = (r"(?:(?![\u2611\u2612\u2705\u2713-\u2718\u274c\u274e\u26a0\u27a1\u25b6\U0001f446-\U0001f449"
                   r"\U0001f536-\U0001f53b])[\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?)")
MARKED_HEADING = re.compile(r"^" + _HEADING_SYMBOL + r"\s*([\u4e00-\u9fff]{2,10})$")
# A web page saved as text: its breadcrumb, its buttons and its footer are not the notice.
_WEB_FURNITURE = re.compile(r"^(?:首页|当前位置[：:]?|您的位置[：:]?)\s*(?:[>＞»›]|\s*首页\s*[>＞»›])|^(?:【[^】]{2,6}】\s*){2,}$|"
                            # (a breadcrumb with no 首页: "某市科学技术局 > 通知公告")
                            r"^[\u4e00-\u9fff]{2,20}(?:\s*[>＞»›]\s*[\u4e00-\u9fff]{2,12}){1,4}$|"
                            r"ICP备|公网安备|版权所有|网站标识码|建议使用.{0,20}分辨率|浏览次数|"
                            # a service portal's: its page buttons, its QR prompt, its sponsor and operator in the footer
                            r"^(?:我要(?:咨询|评价|纠错|投诉|收藏|打印|分享)\s*){2,}$|^扫一扫[，,\s]*(?:手机|移动端|在手机上)?(?:办理|查看|访问|打开)|"
                            r"^(?:无障碍|长者模式|适老化|关怀版|登录|注册|English|繁体)(?:\s+(?:无障碍|长者模式|适老化|关怀版|登录|注册|English|繁体)){2,}$|"
                            r"^主办单位[：:].{2,40}\s*承办单位[：:]|"
                            # an article's: its view counter, its end mark, its buttons
                            r"阅读[：:]\s*\d+\s*$|^[—\-–]+\s*END\s*[—\-–]+$|^点击阅读原文$|^(?:分享|收藏|在看|点赞)(?:\s+(?:分享|收藏|在看|点赞))+$|"
                            # a document platform's export stamp ("本文档由…从飞书云文档导出 · 最后更新于 2080-03-05 16:42")
                            r"^(?:本|此)?文档由.{1,40}导出|(?:^|[·•|｜]\s*)(?:最后|最近)(?:更新|编辑|修改)(?:于|时间[：:]?)\s*"
                            r"\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$")
# ... and the rest of a portal page's frame: its navigation bar ("首页 | 机构概况 | 政务公开 | …") and its search box
# ("请输入关键字  搜索") above the article, its row of buttons ("【字体：大 中 小】【打印】【关闭】"), its share bar
# ("分享到：微信 微博 …") and its links to the articles before and after it ("上一篇：…", "下一篇：…") below it, and the
# links bar of its footer ("网站地图 | 联系我们 | 使用帮助 | …")
_PAGE_FRAME = re.compile(r"^(?:网站)?首页(?:\s*[|｜]\s*[^|｜\s]{2,10}){3,}$|"
                         r"^(?:请输入(?:关键字|关键词|搜索内容|检索内容|搜索关键字)[.…。]*\s*)?(?:搜索|检索|站内搜索|全文检索)$|"
                         r"^(?:[【\[]\s*(?:字[号体][：:]?\s*大\s*中\s*小|打印(?:本页|此页)?|关闭(?:窗口|本页)?|收藏(?:本页)?|"
                         r"返回(?:顶部)?|分享)\s*[】\]]\s*){2,}$|"
                         r"^分享到\s*[：:]|^(?:上一篇|下一篇)\s*[：:]|"
                         r"^(?:网站地图|站点地图|联系我们|关于我们|使用帮助|帮助中心|隐私声明|隐私政策|网站声明|法律声明|免责声明)"
                         r"(?:\s*[|｜]\s*[^|｜\s]{2,10})+$")
# A page's images as its text export leaves them: a placeholder alone on its line ("[图片]"), or one carrying the
# image's alternative text ("[图片：申报流程：单位注册→在线填报→…]", which says what the image shows: kept, as its
# words), and the caption on the line beside it ("图1 申报流程图", a figure's name, no part of the text)
_IMAGE = re.compile(r"^[\[【［]\s*(?:图片|图像|图|image|img|picture)\s*\d{0,2}\s*[\]】］]$", re.IGNORECASE)
_IMAGE_ALT = re.compile(r"^[\[【［]\s*(?:图片|图像|image|img|picture)\s*[：:]\s*(\S.*?)\s*[\]】］]$", re.IGNORECASE)
_CAPTION = re.compile(r"^图\s*\d{1,2}(?:[-－.．]\d{1,2})?(?:\s+|[：:．.、]\s*)[^\s。；;，,：:]{2,30}$")
# A page's list of related links under its heading ("相关链接" over "·某市软科学研究计划管理办法", "·…立项项目名单"):
# other pages' titles, each a bullet's, an older call's among them
_RELATED = re.compile(r"^(?:相关链接|相关文章|相关新闻|相关信息|相关文件|友情链接)\s*[：:]?$")
_LINK_ITEM = re.compile(r"^[·•▪◆●]")
# A portal page's footer: from its first line naming the site's sponsor, its record numbers or its copyright (or its
# links bar) to the end of the page, every line short and no sentence - the site's address and phone among them
# ("地址：…　邮编：…　联系电话：…", the site's office, no contact of the call)
_FOOTER_MARK = re.compile(r"^主办(?:单位)?\s*[：:]|^承办(?:单位)?\s*[：:]|网站标识码|ICP备|公网安备|版权所有|"
                          r"^(?:网站地图|站点地图|联系我们|关于我们)\s*[|｜]")
_FOOTER_LINE_MAX = 100
FOOTER_SHARE = 0.5  # ... in the page's second half


def _page_furniture(lines: list[str]) -> set[int]:
    """The lines of `lines` that are a web page's own furniture around its article: image placeholders and the
    captions beside them, a list of related links under its heading, and the footer closing the page."""
    drop: set[int] = set()
    filled = [k for k, ln in enumerate(lines) if ln.strip()]
    for pos, k in enumerate(filled):
        ln = lines[k].strip()
        if _IMAGE.match(ln) or _IMAGE_ALT.match(ln):
            drop |= {k} if _IMAGE.match(ln) else set()
            drop |= {j for j in (filled[pos - 1] if pos else None, filled[pos + 1] if pos + 1 < len(filled) else None)
                     if j is not None and _CAPTION.match(lines[j].strip())}
        elif _RELATED.match(ln) and pos + 1 < len(filled) and _LINK_ITEM.match(lines[filled[pos + 1]].strip()):
            drop.add(k)
            for j in filled[pos + 1 :]:
                if not _LINK_ITEM.match(lines[j].strip()):
                    break
                drop.add(j)
    for pos, k in enumerate(filled):
        if k >= len(lines) * FOOTER_SHARE and _FOOTER_MARK.search(lines[k].strip()):
            rest = [lines[j].strip() for j in filled[pos:]]
            if all(len(x) <= _FOOTER_LINE_MAX and "。" not in x for x in rest):
                drop |= set(filled[pos:])
            break
    return drop


# ... and an article's font-size buttons closing its byline ("来源：…　发布时间：…　字号：大 中 小"): the byline is
# whole without them (they end in an ideograph, as a cut line does)
_FONT_SIZE = re.compile(r"[ \t\u3000]*[【\[]?字号[：:]?[ \t\u3000]*[【\[]?大[】\]]?[ \t\u3000]*[【\[]?中[】\]]?[ \t\u3000]*"
                        r"[【\[]?小[】\]]?[ \t\u3000]*$", re.M)
# Markdown a converted Word file keeps: bold or italic spans ("**逾期不予受理**") and a table row's
# outer bars ("| 高等院校 | 6项 |" is the row "高等院校 | 6项").
# (not "__…__": a form's blanks are underscores, "单位名称：_____")
_EMPHASIS = re.compile(r"\*\*([^*]+?)\*\*")
_HEADING_MARK = re.compile(r"^#{1,6}\s")
_OUTER_BARS = re.compile(r"^\|\s*(.*?)\s*\|$")
# A posting's publication line as a news column prints it under the title ("发布时间：2069-04-07　来源：政策法规处"):
# whole on its line (the next line is the posting's own text), and the posting's date; perhaps after the
# document's number and its other particulars, each a labelled field, parted by spaces or a dot as a document
# platform sets them ("发文字号：某科〔2080〕9号 · 发布单位：某市科学技术局 · 发布日期：2080年3月2日"). (A report's
# byline, "来源：某市晚报 发布时间：…", stays a passage of the report.)
_PARTICULAR = r"(?:发文字号|文号|索引号|发布单位|发布机构|发文单位|来源|作者|信息来源|文章来源)[：:]\s*[^。，,；;\s·•]{1,30}"
PUBLISHED = re.compile(r"^(?:(?:发文字号|文号|索引号)[：:]\s*[^。，,；;\s·•]{1,30}\s*[·•]?\s*(?:" + _PARTICULAR + r"\s*[·•]?\s*)*)?"
                       r"(?:发布时间|发布日期|发文日期|发布于)\s*[：:]?\s*(\d{4})\s*[-./／年]\s*(\d{1,2})\s*[-./／月]\s*(\d{1,2})日?"
                       r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?(?:(?:\s+|\s*[·•]\s*)" + _PARTICULAR + r")*$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
# An article's byline as an official account's page prints it under the title ("原创 某市科技 2074-03-02 09:00 河南":
# the original-post mark or the account, the date and time posted, the province posted from): whole on its line,
# never the tail of the title above it, and no part of the notice (the segmenter passes it by as a publication line)
ARTICLE_BYLINE = re.compile(r"^(?:原创\s+(?:[^\s\d，。；：,;:]{1,20}\s+){1,2}|(?:[^\s\d，。；：,;:]{1,20}\s+){1,2}"
                            r"(?=\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}\s+(?:发表于)?[\u4e00-\u9fff]{2,8}$))"
                            r"(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+\d{1,2}:\d{2})?(?:\s+(?:发表于)?[\u4e00-\u9fff]{2,8})?$")
# An article's own furniture: the calls to follow the account ("点击蓝字 关注我们", "长按识别二维码关注我们"), its
# WeChat id, and its credits ("来源：…", "编辑：张某", "审核：李某", each a name or a body, no sentence)
_ARTICLE_FURNITURE = re.compile(r"^[^。；;，,]{0,12}关注我们[!！~～]*$|识别(?:图中)?二维码|扫码关注|^微信号\s*[：:]\s*[\w-]+$|"
                                r"^(?:(?:来源|编辑|责任编辑|责编|审核|审校|校对|作者|初审|复审|终审|排版|美编|供稿|撰稿|文字|图片)"
                                r"\s*[：:｜|]\s*[^\s。；;，,：:]{2,20}\s*)+$")
# Where an article's page ends and its recommendations begin ("— END —", "往期推荐", "推荐阅读"): what follows is
# other articles' titles, older calls among them, no part of the notice
# (or a site's link to a related page under its label, "【相关阅读】某市2150年度…名单公示", and its disclaimer,
# "【免责声明】本站转载内容仅供参考" or "免责声明：…", below a notice it republished)
_ARTICLE_END = re.compile(r"^[—\-–]+\s*END\s*[—\-–]+$|^[—\-–·\s]*(?:往期推荐|往期回顾|往期精彩|推荐阅读|相关阅读|延伸阅读|"
                          r"精彩推荐|精彩回顾|热门推荐|猜你喜欢|更多推荐)[—\-–·\s]*$|"
                          r"^[【\[]\s*(?:相关阅读|相关链接|延伸阅读|推荐阅读|免责声明)\s*[】\]]|^免责声明\s*[：:]")
ARTICLE_END_SHARE = 0.5  # ... in the article's second half: a call never ends before half its text


# A row of a table written as text ("1 | 郑州市…研究 | 重大项目 | 25万元 | …"): whole on its line.
TABLE_ROW = re.compile(r"^[^|｜\t]*(?:\s*[|｜\t]\s*[^|｜\t]*){2,}$")
# ... or saved from a spreadsheet as CSV ("1,郑州市…研究,重大项目,25,…"): commas with no space after them, as
# English prose puts one, and no full stop or colon, as Chinese prose typed with ASCII commas has
CSV_ROW = re.compile(r"^[^,。：:]+(?:,(?! )[^,。：:]+){2,}$")


# A row of a two-column table ("网上填报 | 2044年3月1日…"): a short label, a bar, its value
_LABEL_ROW = re.compile(r"^[^|｜\t。，,；;]{1,12}\s*[|｜\t]\s*\S")
# ... or one whose first cell is longer, a span of dates ("2044年3月1日—2044年4月10日 | 网上填报"): one bar on the
# line, no sentence's punctuation before it; two such lines in a row are rows, never a cut sentence
_PAIR_ROW = re.compile(r"^[^|｜\t。，,；;]{1,40}\s*[|｜\t]\s*[^|｜\t]+$")


def _csv_row(line: str, beside: str) -> bool:
    """`line` is a CSV row: ASCII commas parting cells; with a full-width comma in it too, only beside another
    row (a scan's prose mixes the two commas: "…“包干制”,立项后一次性拨付，…承诺书,对经费使用的合")."""
    return bool(CSV_ROW.match(line)) and ("，" not in line or bool(CSV_ROW.match(beside)))


def _is_cut(line: str, nxt: str) -> bool:
    if TABLE_ROW.match(line) or TABLE_ROW.match(nxt) or _csv_row(line, nxt) or _csv_row(nxt, line) or (
            _LABEL_ROW.match(line) and _LABEL_ROW.match(nxt)) or (_PAIR_ROW.match(line) and _PAIR_ROW.match(nxt)):
        return False  # a table's rows are never a page-cut sentence, nor its continuation
    body = line.replace(" ", "")
    if _DATED_ITEM.match(body) and len(body) < _FULL_LINE and not _OPEN_TAIL.search(body):
        return False
    if _CONTINUES.match(nxt) and not _SENTENCE_END.search(body):
        return True  # "我单位（单位名称：___）" + "(正楷填写或机打)，未处于…": one sentence
    if _OPEN_TAIL.search(body) and not _BLOCK_START.match(nxt):
        return True
    nxt_body = nxt.replace(" ", "")
    if _CUT_TAIL.search(body) and not _BLOCK_START.match(nxt) and not _DATE_ONLY.match(nxt_body) and (
            _INNER_PUNCT.search(body[:-1]) or ("：" in body or ":" in body) and _DATE_LEAD.match(nxt_body)):
        return True  # a short wrapped line of a sentence ("2）单位审核：申报单位管理员须于" + "2035年5月31日…前完成")
    if len(body) < _MIN_CUT_LINE or not _CUT_TAIL.search(body) or body.endswith(_TITLE_END) or (
            _DECK.match(nxt.strip()) and not _SENTENCE_PUNCT.search(line)):
        return False
    return not _BLOCK_START.match(nxt)


def _join(line: str, nxt: str) -> str:
    # In a heading the PDF repeats the glyph at the cut ("对策研" + "研究——…"); in body text a
    # doubled character can be real Chinese, so only headings are de-duplicated.
    heading = _BLOCK_START.match(line) and not _SENTENCE_PUNCT.search(line)
    if heading and nxt and line[-1] == nxt[0]:
        nxt = nxt[1:]
    return line + nxt


def _drop_repeated_blocks(paragraphs: list[str], max_block: int = 3) -> list[str]:
    out: list[str] = []
    for para in paragraphs:
        out.append(para)
        for k in range(1, max_block + 1):
            if len(out) >= 2 * k and out[-k:] == out[-2 * k : -k]:
                del out[-k:]
                break
    return out


def _unspace(line: str) -> str:
    return _SPACED_ANNEX.sub("附件", _SPACED.sub(lambda m: m.group(0).replace(" ", ""), line))


def _beside(lines: list[str], i: int) -> list[int]:
    """The nearest non-blank lines before and after line i."""
    out = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j]:
            j += step
        if 0 <= j < len(lines):
            out.append(j)
    return out


def _page_break(line: str) -> bool:
    """A page's number or a slide's mark: where one page (or slide) ends and the next begins."""
    return bool(_PAGE_NUMBER.match(line) or SLIDE_MARK.match(line))


def _running_lines(lines: list[str]) -> set[int]:
    """Where running headers and footers stand: a line met beside two or more page-number lines or slide marks
    (the nearest non-blank line after or before one), the same text each time; only there, not elsewhere
    (the title on top stays), and as the last page's footer, the text's last line (no break follows it)."""
    at_break = [j for i, ln in enumerate(lines) if ln and _page_break(ln)
                for j in _beside(lines, i) if not _page_break(lines[j])]
    repeated = {ln for ln, n in Counter(lines[j] for j in at_break).items() if n >= 2}
    last = next((k for k in range(len(lines) - 1, -1, -1) if lines[k]), None)
    if last is not None and lines[last] in repeated:
        at_break.append(last)
    return {j for j in at_break if lines[j] in repeated}


def _unmark(line: str, headings: bool = False) -> str:
    """`line` without its Markdown; with `headings`, a heading keeps its mark ("## 申报条件": _kept_headings)."""
    if m := MARKED_HEADING.match(bare := _EMPHASIS.sub(r"\1", line)):
        return bare[: m.start(1)].strip() + " " + m.group(1)  # ("📅 **申报时间**" is "📅 申报时间")
    if headings and (m := MD_HEADING.match(line)):
        return f"{m.group(1)} {_unmark(m.group(2))}"
    if "](" in line:
        line = _MD_LINK.sub(r"\1（\2）", line)
    if _OUTER_BARS.match(line) and ("<" in line or "\\|" in line):
        line = _cell_breaks(_ROW_BREAK.sub(_CELL_BREAK, _ESCAPED_BAR.sub("、", line)))
    return _unspace(_OUTER_BARS.sub(r"\1", _EMPHASIS.sub(r"\1", _MARKUP.sub("", _KEYCAP.sub(r"\1. ", line)))))


def _kept_headings(lines: list[str]) -> bool:
    """The notice is a Markdown export whose section headings (below its title) carry no number."""
    heads = [_EMPHASIS.sub(r"\1", m.group(2)) for ln in lines if (m := MD_HEADING.match(ln))]
    return len(heads) >= MD_HEADINGS_MIN and not any(_NUMBERED_HEADING.match(h) for h in heads)


# A table laid out with spaces: cells parted by a tab or by two spaces or more.
_CELL_GAP = re.compile(r"(?<=\S)(?:[ \u3000\xa0]{2,}|\t)[ \t\u3000\xa0]*(?=\S)")
ALIGNED_MIN_ROWS = 3  # a header and two rows; a single spaced-out line ("郑科〔2033〕17号　　发布单位：…") is no table


_RULE_LINE = re.compile(r"^\s*[-=—─━_]{5,}\s*$")  # a table's ruled line under its header


def _width(text: str) -> int:
    """Display columns: a CJK character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cells_at(line: str) -> list[tuple[int, str]]:
    """A spaced-out row's cells with the display column each starts at."""
    line = line.replace("\t", "    ")  # (a tab parts cells, as a wide gap does)
    return [(_width(line[: m.start()]), m.group()) for m in re.finditer(r"\S+(?:[ \u3000\xa0]\S+)*", line)]


# A wrapped cell's next character, with the closing marks that may not start a line (they go with it)
_NEXT_WORD = re.compile(r".[，。、；：？！）》”’%,.;:)]*")
# What a cell's room holds beyond the text the typesetter wrapped at: the gap to the next column and the cell's padding
# (in a narrow column, no more than half of it)
_WRAP_SLACK = 8


def _wrapped(said: str, more: str, room: int, widest: int) -> bool:
    """A cell whose line reads `said` went on with `more` on the next line only because the next word did not fit:
    with it the line would be wider than any its column holds (`widest`) and fill the column's `room` less its slack.
    (A short cell, "3项" in a column as wide as its header, never wraps: its next line is the next row's.)"""
    word = _NEXT_WORD.match(more)
    need = _width(said) + _width(word.group() if word else more)
    return need > widest and need > room - min(_WRAP_SLACK, room // 2)


def _continued(row: list[tuple[int, str]], line: str, last: list[str] | None = None,
               widest: dict[int, int] | None = None) -> list[tuple[int, str]] | None:
    """`row` with `line`'s text added to the cells it is written under, when `line` is a wrapped cell's
    rest: indented, each of its pieces starting in a cell's column and no wider than that column. A line
    going on with two cells or more, or with the row's first cell, goes on only with cells whose text (`last`,
    each cell's last line) had to wrap (_wrapped): otherwise it is the next row, a cell or two of it empty."""
    if not line[:1].isspace() or not line.strip():
        return None
    cells = list(row)
    pieces = _cells_at(line)
    strict = last is not None and widest is not None and (
        len(pieces) > 1 or bool(pieces) and abs(pieces[0][0] - cells[0][0]) <= 1)
    for col, text in pieces:
        k = next((k for k, (start, _) in enumerate(cells) if abs(start - col) <= 1), None)
        if k is None:
            return None
        start, said = cells[k]
        room = cells[k + 1][0] - start if k + 1 < len(cells) else max(40, (widest or {}).get(start, 0))
        if _width(text) > room:
            return None
        if strict:
            assert last is not None and widest is not None
            if not last[k] or not _wrapped(last[k], text, room, widest.get(start, 0)):
                return None
        cells[k] = (start, said + (" " if said[-1:].isascii() and text[:1].isascii() else "") + text)
    if last is not None:
        for col, text in pieces:
            k = next(k for k, (start, _) in enumerate(cells) if abs(start - col) <= 1)
            last[k] = text
    return cells


# A table's header over two columns ("时间节点    工作内容"): two names, short, with no sentence's marks
_HEADER_PAIR = re.compile(r"^[^\s，。；：,;:、]{2,12}(?:[ \u3000\xa0]{2,}|\t)[ \t\u3000\xa0]*[^\s，。；：,;:、]{2,12}$")
# A table whose rows wrap: a header and one row will do when the row fills four columns or more and wraps
WRAPPED_MIN_ROWS = 2
WRAPPED_MIN_COLUMNS = 4


def _widest(lines: list[str], start: int) -> dict[int, int]:
    """The widest piece written at each column in the block of lines from `start` to a blank line."""
    out: dict[int, int] = {}
    for ln in lines[start:]:
        if not ln.strip():
            break
        for col, text in _cells_at(ln):
            for c in (col - 1, col, col + 1):
                out[c] = max(out.get(c, 0), _width(text))
    return out


def _in_columns(line: str, gaps: int, starts: set[int]) -> bool:
    """`line` is a row of cells (two or more) each standing in one of a table's columns (`starts`)."""
    return gaps >= 1 and bool(starts) and all(any(abs(col - s) <= 1 for s in starts) for col, _ in _cells_at(line))


def _aligned_rows(lines: list[str]) -> list[str]:
    """Runs of lines of three cells or more parted by wide gaps, written as the "a | b | c" rows a table
    of the notice is read as. A ruled line under the header is part of the run, and a cell wrapped onto an
    indented line below its row ("R01   郑州都市圈…与利益   重大 …" over "      共享模式研究") is
    joined to its cell: the row keeps its cells, the wrapped line is left blank. A row leaving its last cells
    empty ("科研院所      5项" under "高等院校      8项      含附属医院…") is a row of the run when its cells
    stand in the columns of the rows above; and a table of two columns is one under a header naming them
    ("时间节点      工作内容", as a PDF's text layer prints a schedule), its rows' second cells in one column."""
    gaps = [len(_CELL_GAP.findall(ln.strip())) for ln in lines]
    wide = [n >= 2 for n in gaps]
    out = list(lines)
    header = ""  # the last table's header
    i = 0
    while i < len(lines):
        j, rows, wrapped, columns = i, 0, False, 0
        table: dict[int, str] = {}
        starts: set[int] = set()
        widest = _widest(lines, i)
        pair = not wide[i] and gaps[i] == 1 and bool(_HEADER_PAIR.match(lines[i].strip())) and (
            i + 1 < len(lines) and gaps[i + 1] == 1)

        while j < len(lines) and (wide[j] or pair and j == i or rows and _RULE_LINE.match(lines[j])
                                  or rows >= 2 and _in_columns(lines[j], gaps[j], starts) or pair and rows == 1 and gaps[j] == 1):
            if _RULE_LINE.match(lines[j]):
                table[j] = ""
            else:
                row, cells = j, _cells_at(lines[j])
                last = [text for _, text in cells]
                if rows >= 1:
                    starts.update(col for col, _ in cells)
                while j + 1 < len(lines) and (not wide[j + 1] or rows >= 1) and (
                        joined := _continued(cells, lines[j + 1], last if rows >= 1 else None, widest)):
                    cells, j, wrapped = joined, j + 1, True
                    table[j] = ""
                table[row] = " | ".join(text for _, text in cells)
                columns = max(columns, len(cells))
                rows += 1
            j += 1
        if rows >= ALIGNED_MIN_ROWS or rows >= WRAPPED_MIN_ROWS and wrapped and columns >= WRAPPED_MIN_COLUMNS:
            for k, text in table.items():
                out[k] = text
            # (the header a word processor prints again over the rows a page break carried to the next page: said once)
            before = next((ln.strip() for ln in reversed(lines[:i]) if ln.strip()), "")
            if table.get(i) == header and _PAGE_NUMBER.match(before):
                out[i] = ""
            header = table.get(i, "")
        i = max(j, i + 1)
    return out


# A PDF's text layer printed line by line (`pdftotext -layout`): each paragraph hard-wrapped at the page's width, no
# blank line between paragraphs, only its first line indented (two characters, "    一、申报条件" as well); a wrapped
# line ends wherever the width fell ("…不超过58周岁（2030年1月1日以" / "后出生）…", "…资助经费" / "57.5万元。…", a
# full stop at the margin, "…证明。" / "经公示…", the next line's words opening like a point or a label, "信用代码：…").
# There the layout says what the words cannot: a line that fills the page's width goes on in the next line that starts
# at the margin (across the page's foot: its number, blank lines and a form feed between), whatever either says; an
# indented line opens a paragraph. A text whose lines are not so laid out is left to the words (_is_cut).
LAYOUT_MIN_WIDTH = 40  # a page's width in display columns (twenty CJK characters), not a table column's
LAYOUT_MIN_WRAPS = 5  # full lines going on at the margin, and indented paragraph openings, a layout has
_LAYOUT_FILL = 4  # a full line comes within two CJK characters of the width (a closing mark pushed in or out, a Latin run)
_LAYOUT_INDENT = (2, 8)  # a paragraph's first-line indent beyond the margin, in columns (a centred line is further in)


def _lead(line: str) -> int:
    return _width(line) - _width(line.lstrip())


def _layout_paragraphs(lines: list[str], fixed: set[int]) -> tuple[list[str], set[int]]:
    """`lines` with each hard-wrapped paragraph of a PDF's layout on one line, and the lines that open a paragraph
    (by their indent); `lines` as they are, and no openings, for a text not laid out so. `fixed`: the lines a table's
    rows stand on (or its wrapped cells stood on), which are no paragraph's."""
    prose = [k for k, ln in enumerate(lines) if ln.strip() and k not in fixed and not _page_break(ln.strip())
             and not _CELL_GAP.search(ln.strip())]
    if not prose:
        return lines, set()
    # (the margin: the least indent many lines share; a paragraph's indented first lines may be more of them)
    margin = min((lead for lead, n in Counter(_lead(lines[k]) for k in prose).items() if n >= LAYOUT_MIN_WRAPS), default=0)
    widths = [_width(lines[k].rstrip()) for k in prose]
    width = max(widths, key=lambda w: sum(w - _LAYOUT_FILL <= v <= w for v in widths))
    if width < LAYOUT_MIN_WIDTH:
        return lines, set()

    def full(k: int) -> bool:
        return abs(_width(lines[k].rstrip()) - width) <= _LAYOUT_FILL

    def next_line(k: int) -> int | None:
        """The next line of text after line k, across the page's foot (its number, blank lines) but no blank line else."""
        page_foot, n = False, k + 1
        while n < len(lines) and (not lines[n].strip() or _page_break(lines[n].strip())):
            page_foot = page_foot or bool(lines[n].strip())
            n += 1
        if n >= len(lines) or n > k + 1 and not page_foot:
            return None
        return n

    goes_on = {}
    for k in prose:
        n = next_line(k)
        if full(k) and n is not None and n not in fixed and lines[n].strip() and _lead(lines[n]) == margin and (
                not _CELL_GAP.search(lines[n].strip())):
            goes_on[k] = n
    opening = {k for k in prose if _LAYOUT_INDENT[0] <= _lead(lines[k]) - margin <= _LAYOUT_INDENT[1]}
    if len(goes_on) < LAYOUT_MIN_WRAPS or len(opening) < LAYOUT_MIN_WRAPS:
        return lines, set()
    out = list(lines)
    for k in prose:
        if k in goes_on and out[k]:
            head, n = k, goes_on[k]
            while True:
                said, more = out[head].rstrip(), lines[n].strip()
                out[head] = said + (" " if said[-1:].isascii() and said[-1:].isalnum() and more[:1].isascii()
                                    and more[:1].isalnum() else "") + more
                out[n] = ""
                if n not in goes_on:
                    break
                n = goes_on[n]
    return out, {k for k in opening if out[k]}


# A table a word processor exports as text: its cells parted by tabs ("申报单位<TAB>郑州市…；"), a row on each line,
# rows perhaps parted by blank lines, and a cell's further paragraphs on lines of their own, as many tabs before them
# as cells before their cell ("<TAB>企业、社会团体…不属于…" goes on the second cell). Written as the "a | b | c" rows a
# table of the notice is read as, each cell's paragraphs joined in it; the paragraphs' own lines are left blank.
TAB_MIN_ROWS = 3  # a label and its value parted by a tab on one line or two ("电话：<TAB>0371-…") are no table


_PARAGRAPH_END = re.compile(r"[。；;！？!?，,、：:）)]$")


def _tab_row(line: str) -> bool:
    return "\t" in line.strip(" \t\u3000\xa0")


def _tab_rows(lines: list[str]) -> list[str]:
    out = list(lines)
    rows: list[tuple[int, list[str]]] = []  # the run's rows: where each stands, its cells
    said_on: list[int] = []  # the lines of the run that go on a cell above

    def close() -> None:
        if len(rows) >= TAB_MIN_ROWS:
            if not said_on:
                _spreadsheet_cells([cells for _, cells in rows])
            for k, cells in rows:
                out[k] = " | ".join(c for c in cells if c)
            for k in said_on:
                out[k] = ""
        rows.clear()
        said_on.clear()

    for k, line in enumerate(lines):
        text = line.strip(" \t\u3000\xa0")
        if not text:
            continue  # (a blank line between two rows is no end of the table)
        if _tab_row(line):
            rows.append((k, [c.strip(" \u3000\xa0") for c in line.rstrip().split("\t")]))
        elif rows and line.startswith("\t") and not _L1_HEADING.match(text) and not text.startswith("附件"):
            cells = rows[-1][1]
            col = min(len(line) - len(line.lstrip("\t")), len(cells) - 1)
            said = cells[col]
            # (a paragraph closing without a stop, "…：0371-6791xxxx", is parted from the next by a space)
            cells[col] = said + ("" if _PARAGRAPH_END.search(said) else " ") + text
            said_on.append(k)
        else:
            close()
    close()
    return out


# A tab table copied from a spreadsheet and pasted: a header of named columns, then rows of no more cells than it,
# no cell's paragraph on a line of its own (a word processor's export has those). A MERGED cell arrives written on its
# first row only and EMPTY on each row below it spans ("申报单位" once over three steps, a window over two steps): an
# empty cell with a filled cell after it in its row is the merged cell above it, written again in its row, as a
# page's rowspan is (_TableCells). A row of totals ("合计<TAB><TAB>10<TAB>74") leaves its cells empty for no merge.
# A bare figure under a header naming its unit ("资助额度（万元/项）" over "16") is in that unit, as in a CSV export.
_TOTAL_ROW = re.compile(r"^(?:合|总|小|共)\s*计")


def _spreadsheet_cells(rows: list[list[str]]) -> None:
    """`rows` (the header first) with merged cells filled and bare figures given their header's unit, in place; a
    table whose first row is no header, or with a row wider than it, is left as it is."""
    header = rows[0]
    if len(header) < 2 or not all(header) or any(_BARE_FIGURE.match(c) for c in header) or any(
            len(cells) > len(header) for cells in rows[1:]):
        return
    units = {i: m.group(1) for i, c in enumerate(header) if (m := _HEADER_UNIT.search(c))}
    above: list[str] = []
    for cells in rows[1:]:
        last = max((i for i, c in enumerate(cells) if c), default=-1)
        total = bool(_TOTAL_ROW.match(next((c for c in cells if c), "")))
        for i, cell in enumerate(cells):
            if not cell and i < last and not total and i < len(above):
                cells[i] = above[i]
            elif i in units and _BARE_FIGURE.match(cell):
                cells[i] = cell + units[i]
        above = cells


# A table pasted as a spreadsheet's CSV export: a header line, then rows of as many comma-parted cells, a cell holding
# a comma quoted ("1,\"郑州市…研究,兼论…\",重点项目,12,…", a quote inside one doubled). Written as the "a | b | c"
# rows a table of the notice is read as, each cell as the export holds it (its quotes gone, its commas kept).
CSV_MIN_ROWS = 2  # rows under the header; a header and one row is a line of prose as well as a table


def _csv_cells(line: str) -> list[str] | None:
    """The cells of a CSV export's line, or None for a line no such export writes: no comma, a bar or a tab (another
    table's), fewer than two cells, or a cell with space after its comma (English prose: "…, and …")."""
    text = line.strip(" \t\u3000\xa0")
    if "," not in text or "|" in text or "｜" in text or "\t" in text:
        return None
    try:
        cells = next(csv.reader([text], strict=True))
    except (csv.Error, StopIteration):
        return None
    if len(cells) < 2 or any(c != c.strip() for c in cells) or not any(cells):
        return None
    return cells


def _csv_rows(lines: list[str]) -> list[str]:
    out = list(lines)
    k = 0
    while k < len(lines):
        header = _csv_cells(lines[k])
        if header is None or not all(header) or any(re.fullmatch(r"[\d.]+", c) for c in header):
            k += 1
            continue
        rows = []
        j = k + 1
        while j < len(lines) and (cells := _csv_cells(lines[j])) is not None and len(cells) == len(header):
            rows.append((j, cells))
            j += 1
        if len(rows) >= CSV_MIN_ROWS:
            out[k] = " | ".join(header)
            units = {i: m.group(1) for i, c in enumerate(header) if (m := _HEADER_UNIT.search(c))}
            for at, cells in rows:
                out[at] = " | ".join(c + units[i] if i in units and _BARE_FIGURE.match(c) else c
                                     for i, c in enumerate(cells) if c)
        k = max(j, k + 1)
    return out


# A spreadsheet's figure with no unit, its column's header naming the unit in brackets ("资助金额（万元）" over "12",
# "限报数量（项）" over "7", "资助额度（万元/项）" over "16"): the figure in that unit ("12万元", "7项", "16万元"), as the
# header has the reader read it. (Only in a CSV export or a spreadsheet's tab rows pasted, whose cells hold the
# spreadsheet's numbers; a table typed into the notice keeps its cells as typed.)
_HEADER_UNIT = re.compile(r"[（(]\s*(万元|元|项|个|人|家|周岁|岁|天|%|％)\s*(?:[/／]\s*[项个人年])?\s*[)）]\s*$")
_BARE_FIGURE = re.compile(r"^\d+(?:\.\d+)?$")


# A label spaced out to the width of the longest one ("电　　话：", "联 系 人："): its characters, as one word
_SPACED_LABEL = re.compile(r"^[\u4e00-\u9fff](?: [\u4e00-\u9fff]){1,3}\s*(?=[：:])")


# A web page copied with its markup: indentation as "&nbsp;" entities and line breaks as "<br>" tags at a line's
# ends. Only there are they dropped, so what stays is a part of the line as the notice writes it.
_EDGE_MARKUP = re.compile(r"^(?:&nbsp;|\s)+|(?:&nbsp;|\s|<br\s*/?>)+$", re.IGNORECASE)


# An e-mail's header lines on top of a forwarded notice ("发件人：…", "收件人：…", "主  题：…"): not the notice,
# but for its subject, which is its title
_MAIL_HEADER = re.compile(r"^(?:发件人|收件人|抄送|密送|主题|日期|时间|发送时间|附件|From|To|Cc|Subject|Date|Sent|Attachments?)\s*[：:]",
                          re.IGNORECASE)
_MAIL_SUBJECT = re.compile(r"^(?:主题|Subject)\s*[：:]\s*", re.IGNORECASE)


# The line a mail program sets above the message a forwarded or answered e-mail quotes ("-----原始邮件-----",
# "----- Original Message -----", "---------- Forwarded message ---------"): what follows is the forwarded message
MAIL_QUOTE = re.compile(r"^[-—–_=*\s]{3,}\s*(?:原始邮件|转发邮件(?:信息)?|邮件原文|被转发的邮件|Original Message|Forwarded message)"
                        r"\s*[-—–_=*\s]{3,}$", re.IGNORECASE)


def _mail_header(lines: list[str], top: int) -> int:
    """Where the block of header lines from `top` ends."""
    end = top
    while end < len(lines) and _MAIL_HEADER.match(lines[end]):
        end += 1
    return end


def _without_mail_header(lines: list[str]) -> list[str]:
    top = _mail_header(lines, 0)
    if top >= 3:  # (one labelled line, "日期：…", is no e-mail)
        lines = [_MAIL_SUBJECT.sub("", ln) for ln in lines[:top] if _MAIL_SUBJECT.match(ln)] + lines[top:]
    # A message quoted under its mail program's line keeps the line (where it begins) but not its headers: its
    # subject is its title, unless the message's own title repeats it on the line after them
    out: list[str] = []
    k = 0
    while k < len(lines):
        out.append(lines[k])
        if MAIL_QUOTE.match(lines[k]) and (end := _mail_header(lines, k + 1)) > k + 1:
            after = next((ln for ln in lines[end:] if ln.strip()), "")
            out += [s for ln in lines[k + 1:end] if _MAIL_SUBJECT.match(ln)
                    and re.sub(r"\s+", "", s := _MAIL_SUBJECT.sub("", ln)) != re.sub(r"\s+", "", after)]
            k = end
            continue
        k += 1
    return out


# A bilingual edition: each Chinese paragraph followed by its English translation, headings and labels glossed
# in English ("三、申报条件 III. Eligibility", "电话 Tel：…"). The Chinese text is the notice (it prevails); the
# translation lines are left out and the glosses dropped, so that they are read as no item, section or sentence.
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_LINK = re.compile(r"^\S*(?:://|@|www\.)\S*$")  # a web address or an e-mail alone on its line is no translation
# "… I. Project Categories and Funding", "附件1 Annex 1": an English gloss closing a Chinese line (words, no link)
_TAIL_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff\d）)])\s+(?:[IVXLC]+\.\s+)?[A-Z][A-Za-z'’&\-]*(?:\s+[A-Za-z0-9'’&(),.\-]+)*$")
# "类别 Category：重点 Key；归口 Office：规划处 Planning Division；": a gloss after a Chinese word, before its field's end
_INNER_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\s+[A-Z][A-Za-z'’&\-]*(?:\s+[A-Za-z'’&\-]+)*(?=\s*[：:；;，,|｜])")
BILINGUAL_MIN_LINES = 5  # translation lines the notice must have; a stray English title is no bilingual edition
BILINGUAL_SHARE = 0.3  # ... and their share of its Chinese lines


def _is_english(line: str) -> bool:
    return bool(line) and not _CJK.search(line) and bool(_LATIN_WORD.search(line)) and not _LINK.match(line)


def _translation_runs(lines: list[str]) -> dict[int, list[int]]:
    """Chinese line -> the English lines right after it that translate it (the empty dict when the notice is
    no bilingual edition)."""
    runs: dict[int, list[int]] = {}
    last = None  # the Chinese line the current run translates
    for i, ln in enumerate(lines):
        if not ln:
            continue
        if _CJK.search(ln):
            last = i
        elif last is not None and _is_english(ln):
            runs.setdefault(last, []).append(i)
        else:
            last = None
    chinese = sum(1 for ln in lines if _CJK.search(ln))
    english = sum(len(r) for r in runs.values())
    return runs if english >= BILINGUAL_MIN_LINES and english >= BILINGUAL_SHARE * chinese else {}


def _without_translation(lines: list[str]) -> list[str]:
    runs = _translation_runs(lines)
    if not runs:
        return lines
    english = {j for r in runs.values() for j in r}
    return ["" if k in english else _TAIL_GLOSS.sub("", _INNER_GLOSS.sub("", ln)) if _CJK.search(ln) else ln
            for k, ln in enumerate(lines)]


def translations(raw: str) -> dict[str, str]:
    """In a bilingual edition, each Chinese line (its glosses dropped, as `clean_lines` gives it) -> its English
    translation; empty for a notice in Chinese only."""
    lines = [re.sub(r"[ \t\u3000\xa0]+", " ", ln).strip() for ln in notice_source(raw).replace("\r\n", "\n").split("\n")]
    return {_TAIL_GLOSS.sub("", _INNER_GLOSS.sub("", lines[k])): " ".join(lines[j] for j in run)
            for k, run in _translation_runs(lines).items()}


# A table an OCR or a PDF extractor gives one cell per line: its header's labels on lines of their own ("序号",
# "课题名称", "类别", …), then each row as as many lines, rows parted by blank lines (or a page break).
_HEADER_CELL = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
_ROW_NUMBER = re.compile(r"^\d{1,3}$")
CELL_ROWS_MIN = 2  # rows of the header's width; one block of short lines is no table


def _cell_per_line_rows(lines: list[str], gaps: set[int]) -> list[str]:
    """Such a table written as the "a | b | c" rows a table of the notice is read as: each row on its first
    line, its other lines left blank (the list keeps its length). `gaps` are the lines that part blocks
    (blanks, page furniture)."""
    runs: list[list[int]] = []
    for k in range(len(lines)):
        if k in gaps or not lines[k]:
            continue
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    out = list(lines)
    for r, run in enumerate(runs):
        width = len(runs[r + 1]) if r + 1 < len(runs) else 0
        if width < 3 or len(run) < width:
            continue
        header = run[-width:]
        if not all(_HEADER_CELL.match(lines[k]) for k in header):
            continue
        rows = []
        for nxt in runs[r + 1:]:
            if len(nxt) == 1 and _PAGE_NUMBER.match(lines[nxt[0]]):
                continue  # a page's bare number between two rows
            if len(nxt) != width or not _ROW_NUMBER.match(lines[nxt[0]]) or any(
                    "。" in lines[k] or len(lines[k]) > 60 for k in nxt):
                break
            rows.append(nxt)
        if len(rows) < CELL_ROWS_MIN:
            continue
        for block in (header, *rows):
            out[block[0]] = " | ".join(lines[k] for k in block)
            for k in block[1:]:
                out[k] = ""
    return out


# A table copied out of a word processor as box-drawing text: rules of box characters ("┌──┬──┐", "├──┼──┤",
# "└──┴──┘") above, between and below its rows, each row's cells parted by bars ("│序号│选题名称 │…│") and padded with
# spaces, a cell too long for its column WRAPPED onto the row's next lines at the same bar ("│1 │某市低空经济产业培育│…"
# over "│  │路径研究          │…"; an office over its phone in a contact cell). A ruled row is the lines between two
# rules: each cell its pieces joined ("本课题仅限高" + "校申报"), the row written as the "a | b | c" rows a table of the
# notice is read as, on its first line (the rest left blank). A table ruled under its header only has a row on each line
# whose first cell is written, a line leaving it empty going on with the row above. The bars are read as they stand,
# not by their columns: a closing comma a copy pushed past a column's width moves the bars after it on that line.
_BOX_LINES = "─━═┄┅┈┉╌╍"
_BOX_JOINTS = "┌┬┐├┼┤└┴┘┏┳┓┣╋┫┗┻┛╔╦╗╠╬╣╚╩╝╒╤╕╞╪╡╘╧╛╓╥╖╟╫╢╙╨╜┝┥┯┷┿"
_BOX_RULE = re.compile("^[" + _BOX_LINES + _BOX_JOINTS + r"│┃║+\- \t\u3000]+$")
_BOX_ROW = re.compile(r"^[│┃║].*[│┃║]$")
BOX_MIN_ROWS = 2  # a header and one row


def _box_rule(line: str) -> bool:
    text = line.strip(" \t\u3000\xa0")
    return bool(_BOX_RULE.match(text)) and any(c in _BOX_JOINTS for c in text) and any(c in _BOX_LINES for c in text)


def _box_cells(line: str) -> list[str] | None:
    text = line.strip(" \t\u3000\xa0")
    if not _BOX_ROW.match(text) or len(text) < 3:
        return None
    return [c.strip(" \t\u3000\xa0") for c in re.split(r"[│┃║]", text[1:-1])]


def _joined_cell(pieces: list[str]) -> str:
    """A wrapped cell's pieces as one: run together, as the word processor wrapped them (a figure too long for its
    column, a phone, is cut anywhere), but for a space between two Latin words (a line breaks at the space between
    them)."""
    out = ""
    for piece in (p for p in pieces if p):
        out += (" " if out and re.match(r"[A-Za-z]", piece) and re.search(r"[A-Za-z]$", out) else "") + piece
    return out


def _box_rows(lines: list[str]) -> tuple[list[str], set[int]]:
    """`lines` with each box-drawing table written as "a | b | c" rows (its rules and wrapped lines left blank), and
    the indices of the rows written."""
    out = list(lines)
    written: set[int] = set()
    k = 0
    while k < len(lines):
        if not _box_rule(lines[k]) and _box_cells(lines[k]) is None:
            k += 1
            continue
        j = k
        groups: list[list[tuple[int, list[str]]]] = [[]]  # the lines between two rules
        rules = 0
        while j < len(lines):
            if _box_rule(lines[j]):
                rules += 1
                if groups[-1]:
                    groups.append([])
            elif (cells := _box_cells(lines[j])) is not None:
                groups[-1].append((j, cells))
            else:
                break
            j += 1
        groups = [g for g in groups if g]
        rows: list[tuple[int, list[list[str]]]] = []  # where each row starts, its cells' pieces
        # (ruled between its rows, a table has a row between each two rules; ruled under its header only, its body
        # has a row at each line whose first cell is written)
        by_line = len(groups) == 2 and len(groups[1]) > 1 and rules <= 3
        for n, group in enumerate(groups):
            for at, cells in group:
                if at == group[0][0] or n >= 1 and by_line and cells[0]:
                    rows.append((at, [[c] for c in cells]))
                    continue
                pieces = rows[-1][1]
                for i, c in enumerate(cells):
                    if i < len(pieces):
                        pieces[i].append(c)
                    else:
                        pieces.append([c])
        if len(rows) >= BOX_MIN_ROWS and rules:
            body = [[_joined_cell(p) for p in pieces] for _, pieces in rows]
            blank = all(not any(cells[1:]) for cells in body[1:])  # (a form's empty table: nothing of it is the notice's)
            for x in range(k, j):
                out[x] = ""
            if not blank:
                for (at, _), cells in zip(rows, body, strict=True):
                    out[at] = " | ".join(c for c in cells if c)
                    written.add(at)
        k = max(j, k + 1)
    return out, written


# A web page saved as its HTML source: the notice is the text its tags lay out. Block tags (paragraphs, headings,
# list items, divisions, "<br>") end lines; a table row is the "a | b | c" row a table of the notice is read as,
# however its cells are spread over source lines; the page's head, scripts and styles and its furniture (the
# elements a site marks as its navigation, header, breadcrumb, share buttons, download list or footer) are no
# part of it. Entities are the characters they stand for ("&ldquo;" is "“").
_HTML_TAG = re.compile(r"<(?:p|div|td|tr|table|li|h[1-6]|body|html)\b[^>]*>", re.IGNORECASE)
HTML_MIN_TAGS = 10  # a text with a stray "<br>" or an e-mail address in angle brackets is no web page
_HTML_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "section",
                "article", "blockquote", "pre", "center", "address", "caption", "hr"}
_HTML_VOID = {"br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "source", "wbr", "param"}
_HTML_SKIPPED = {"head", "script", "style", "noscript", "nav", "header", "footer", "iframe", "form", "select", "button",
                 "template", "svg", "object"}
_HTML_FURNITURE = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|header|footer|top-?bar|crumbs?|breadcrumbs?|position|"
                             r"share|toolbar|sidebar|logo|attach(?:ment)?s?|downloads?|print|copyright)(?:$|[\s_-])",
                             re.IGNORECASE)


# A line break inside a cell ("<td>…特派员服务<br>绩效评价研究</td>", "<td>陈老师<br>刘老师</td>"): a long run of text
# wrapped to the column's width goes on with no space between its ideographs; short items (names, a phone and its
# hours) stay apart; a title's quotation marks are its text ("…“揭榜挂帅”项目组织实施<br>与绩效评价机制研究")
_CELL_BREAK = "\ue000"
_CELL_WRAP = re.compile(r"(?<=[\u4e00-\u9fff“”‘’《》]{7}[\u4e00-\u9fff])\s*\ue000\s*(?=[\u4e00-\u9fff])")
MAX_SPAN = 100  # a rowspan or colspan beyond it is a page's error, read as 1


def _cell_breaks(text: str) -> str:
    text = _CELL_WRAP.sub("", text) if _CELL_BREAK in text else text
    return text.replace(_CELL_BREAK, " ")


def _span(value: str | None) -> int:
    m = re.match(r"\s*(\d{1,3})", value or "")
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= MAX_SPAN else 1


class _PageText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._line: list[str] = []
        self._skip: tuple[str, int] | None = None  # the element being left out and how deep its tag is nested
        self._row: list[str] | None = None  # a table row's cells
        self._cell: list[str] | None = None
        # A cell spanning rows down ("<td rowspan="3">重大项目</td>") stands in each row it covers, in its column, as
        # the row it heads has it: column -> (its text, the rows below still covered). A cell spanning columns
        # counts as that many columns, its text said once.
        self._down: dict[int, tuple[str, int]] = {}
        self._column = 0  # the column the next cell of the row starts at
        self._spans = (1, 1)  # the open cell's rowspan and colspan

    @staticmethod
    def _text(parts: list[str]) -> str:
        text = _cell_breaks("".join(parts))
        # a source line break inside a paragraph is no space between Chinese words; between Latin ones it is
        text = re.sub(r"\s*\n\s*", lambda m: " " if re.match(r"[A-Za-z0-9]", text[m.end():m.end() + 1] or "")
                      and re.search(r"[A-Za-z0-9.,;:]$", text[:m.start()]) else "", text)
        return re.sub(r"[ \t\u3000\xa0]+", " ", text).strip()

    def _end_line(self) -> None:
        if self._cell is not None:
            self._cell.append(_CELL_BREAK)  # (a paragraph inside a cell stays in its cell)
            return
        text = self._text(self._line)
        if text:
            self.lines.append(text)
        self._line = []

    def _carry_down(self, last: int | None = None) -> None:
        """The cells spanning down into this row from rows above, from the current column on (up to `last`)."""
        while self._row is not None and self._column in self._down and (last is None or self._column <= last):
            text, rows = self._down.pop(self._column)
            if rows > 1:
                self._down[self._column] = (text, rows - 1)
            self._row.append(text)
            self._column += 1

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            text = self._text(self._cell)
            self._row.append(text)
            down, across = self._spans
            if down > 1:
                for k in range(across):
                    self._down[self._column + k] = (text if k == 0 else "", down - 1)
            self._column += across
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None:
            self._carry_down(max(self._down, default=-1))  # (the row's last columns covered from above)
            cells = [c for c in self._row if c]
            if cells:
                self.lines.append(" | ".join(cells))
        self._row = None
        self._column = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip is not None:
            if tag == self._skip[0] and tag not in _HTML_VOID:
                self._skip = (tag, self._skip[1] + 1)
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        if tag not in _HTML_VOID and (tag in _HTML_SKIPPED or _HTML_FURNITURE.search(marks)):
            self._skip = (tag, 1)
            return
        if tag == "tr":
            self._end_row()
            self._end_line()
            self._row = []
        elif tag in ("td", "th"):
            self._end_cell()
            if self._row is None:
                self._row = []
            self._carry_down()
            self._cell = []
            spans = dict(attrs)
            self._spans = (_span(spans.get("rowspan")), _span(spans.get("colspan")))
        elif tag == "table":
            self._end_row()
            self._end_line()
            self._down = {}
        elif tag == "br" or tag in _HTML_BLOCKS:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if self._skip is not None:
            if tag == self._skip[0]:
                self._skip = (tag, self._skip[1] - 1) if self._skip[1] > 1 else None
            return
        if tag in ("td", "th"):
            self._end_cell()
        elif tag in ("tr", "table"):
            self._end_row()
            self._end_line()
            if tag == "table":
                self._down = {}
        elif tag in _HTML_BLOCKS:
            self._end_line()

    def handle_data(self, data: str) -> None:
        if self._skip is None:
            (self._cell if self._cell is not None else self._line).append(data)

    def close(self) -> None:
        super().close()
        self._end_row()
        self._end_line()


def _markup_lines(markup: str) -> list[str]:
    parser = _PageText()
    parser.feed(markup)
    parser.close()
    return parser.lines


def page_lines(raw: str) -> list[str] | None:
    """The text lines of a notice saved as a web page's HTML source; None for a notice that is text (its tables
    may be markup: see table_markup)."""
    if not _PAGE_ROOT.search(raw) and len(_HTML_TAG.findall(_TABLE_MARKUP.sub("", raw))) < HTML_MIN_TAGS:
        return None
    return _markup_lines(raw)


# A notice copied from a web page as text whose tables came along as their markup ("<table><tr><th>序号</th>…"):
# the text stays as it is, and each table is its rows, "a | b | c" as a table of the notice is read (a cell spanning
# rows stands in each of them). The page's own root tags, or its paragraphs and divisions outside its tables, make
# it a page's source instead (page_lines).
_TABLE_MARKUP = re.compile(r"<table\b[^>]*>.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_PAGE_ROOT = re.compile(r"<(?:html|body)\b", re.IGNORECASE)


def table_markup(text: str) -> tuple[str, set[str]]:
    """`text` with each table in markup as its rows, one a line, and the set of those rows (each whole on its line)."""
    rows: set[str] = set()

    def as_rows(m: re.Match[str]) -> str:
        lines = _markup_lines(m.group(0))
        rows.update(lines)
        return "\n" + "\n".join(lines) + "\n"

    return _TABLE_MARKUP.sub(as_rows, text), rows


# A notice exported by a content-management system as one JSON document ({"title", "docNo", "publishTime",
# "paragraphs": [...], "attachments": [{"name", "paragraphs"}], "tables": [{"caption", "header", "rows"}]}, or any
# such nesting): the notice is the text its string values lay out. A title, a document number and a publish date
# are the notice's head and signature lines (each written once: a paragraph saying it already stands for it); a
# paragraph is a line; an object's heading (its name, title or caption) comes before its content; a table is its
# caption, then its header and each row as the "a | b | c" row a table of the notice is read as. The system's own
# fields (ids, channels, sources, links, counters) are no part of the notice.
_JSON_TITLE = re.compile(r"(?i)^(?:title|name|caption|heading|subject|标题|名称)$")
_JSON_DOC_NO = re.compile(r"(?i)^(?:doc(?:ument)?|file|wen)_?(?:no|num(?:ber)?|hao)$|^文号$")
_JSON_DATE = re.compile(r"(?i)^(?:(?:publish|pub|release|issue|sign)(?:ed)?_?(?:time|date|at)?|date|发布(?:时间|日期)|成文日期)$")
_JSON_SYSTEM = re.compile(r"(?i)^(?:id|uuid|guid|channel|column|category|source|author|editor|url|link|href|site|"
                          r"views?|hits|clicks|status|type|lang(?:uage)?|sort|order|(?:creat|updat|modifi)\w*)$|"
                          r"(?:Id|_id|Url|_url|Time|_time)$")
_JSON_HEADER = re.compile(r"(?i)^(?:header|headers|head|columns|fields|表头)$")
_JSON_ROWS = re.compile(r"(?i)^(?:rows|body|data|records|cells)$")
_TABLE_NUMBER = re.compile(r"^(?:附)?表\s*(\d{1,2})(?!\d)")
_ISO_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$")


def _json_cell(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return " ".join(_json_cell(v) for v in value)
    return "" if value is None or isinstance(value, dict) else re.sub(r"\s+", " ", str(value)).strip()


def _json_table(node: dict[str, object]) -> list[str] | None:
    """A table's lines (its caption, its header, its rows), or None for an object that is no table."""
    rows = next((v for k, v in node.items() if _JSON_ROWS.match(k) and isinstance(v, list)), None)
    if not rows or not all(isinstance(r, (list, dict)) for r in rows):
        return None
    header = next((v for k, v in node.items() if _JSON_HEADER.match(k) and isinstance(v, list)), None)
    keys = [str(h) for h in header] if header else None
    if keys is None and isinstance(rows[0], dict):
        keys = [str(k) for k in rows[0]]
    out = [_json_cell(v) for k, v in node.items() if _JSON_TITLE.match(k) and isinstance(v, str)]
    if keys:
        out.append(" | ".join(keys))
    for row in rows:
        cells = [row.get(k) for k in keys or row] if isinstance(row, dict) else row
        out.append(" | ".join(c for c in map(_json_cell, cells) if c))
    return [ln for ln in out if ln]


def _json_walk(node: object, out: list[str | list[str]]) -> None:
    if isinstance(node, str):
        out.extend(ln.strip() for ln in node.split("\n") if ln.strip())
    elif isinstance(node, list):
        for item in node:
            _json_walk(item, out)
    elif isinstance(node, dict):
        table = _json_table(node)
        if table is not None:
            out.append(table)
            return
        head = [v for k, v in node.items() if isinstance(v, str) and _JSON_TITLE.match(k)]
        head += [v for k, v in node.items() if isinstance(v, str) and _JSON_DOC_NO.match(k)]
        dates = [f"{int(m.group(1))}年{int(m.group(2))}月{int(m.group(3))}日" for k, v in node.items()
                 if isinstance(v, str) and _JSON_DATE.match(k) and (m := _ISO_DATE.match(v.strip()))]
        body: list[str | list[str]] = []
        signed_at, nested = 0, False  # the date signs the object's own paragraphs, not its annexes after them
        for k, v in node.items():
            if _JSON_SYSTEM.search(k) or isinstance(v, str) and (_JSON_TITLE.match(k) or _JSON_DOC_NO.match(k)
                                                                 or _JSON_DATE.match(k)):
                continue
            _json_walk(v, body)
            if isinstance(v, str) or isinstance(v, list) and all(isinstance(x, str) for x in v):
                signed_at = len(body) if not nested else signed_at
            else:
                nested = True
        said = {re.sub(r"\s+", "", ln) for ln in body if isinstance(ln, str)}
        out.extend(h.strip() for h in head if h.strip() and re.sub(r"\s+", "", h) not in said)
        out.extend(body[:signed_at] + [d for d in dates[:1] if d not in said] + body[signed_at:])


def json_lines(raw: str) -> list[str] | None:
    """The text lines of a notice exported as a JSON document; None for a notice that is text."""
    text = raw.strip()
    if not text.startswith(("{", "[")):
        return None
    try:
        doc = json.loads(text)
    except ValueError:
        return None
    out: list[str | list[str]] = []
    _json_walk(doc, out)
    # a table whose caption numbers it ("表1 …") stands under the first paragraph referring to it ("…见表1。")
    lines = [ln for ln in out if isinstance(ln, str)]
    placed: dict[int, list[list[str]]] = {}
    for table in (t for t in out if isinstance(t, list)):
        number = _TABLE_NUMBER.match(table[0])
        cited = re.compile(rf"(?<!附)表\s*{number.group(1)}(?![\d.．])") if number else None
        at = next((k for k, ln in enumerate(lines) if cited and cited.search(ln)), len(lines) - 1)
        placed.setdefault(at, []).append(table)
    laid: list[str] = []
    for k, ln in enumerate(lines):
        laid.append(ln)
        laid.extend(row for table in placed.get(k, []) for row in table)
    return laid or None


def notice_source(raw: str) -> str:
    """A notice's text as its lines are read from: a JSON export's laid-out lines, or the text itself."""
    lines = json_lines(raw)
    return raw if lines is None else "\n".join(lines)


def clean_lines(raw: str) -> list[str]:
    """Returns the notice as logical lines: cuts joined, duplicates dropped, blanks removed. A notice in
    traditional characters is cleaned as its simplified form reads, and its lines keep its own characters."""
    simple = simplified(raw)
    lines = _clean_lines(simple)
    if simple == raw:
        return lines
    back = AsWritten(raw)
    return [back(ln, whole=True) for ln in lines]


def published_order(lines: list[str]) -> list[str]:
    """`lines` with the postings they hold in the order they were published: a news column's postings pasted
    newest first (an extension notice, then a Q&A on the call, then the call itself), each its title and the
    publication line under it ("发布时间：2069-04-07 …") to the next posting's title, put back oldest first, so
    that what a later posting changes follows what it changes. Lines before the first posting stay first; two
    postings of one date keep their order; lines with fewer than two postings, or already in order, are kept."""
    marks = [(k, m) for k, ln in enumerate(lines) if (m := PUBLISHED.match(ln.strip()))]
    if len(marks) < 2:
        return lines
    starts: list[int] = []
    for k, _m in marks:
        t = k - 1
        while t >= 0 and not lines[t].strip():
            t -= 1
        starts.append(max(t, 0))
    if any(b <= a for a, b in zip(starts, starts[1:], strict=False)):
        return lines
    dates = [(int(m.group(1)), int(m.group(2)), int(m.group(3))) for _k, m in marks]
    if dates == sorted(dates):
        return lines
    bounds = [*starts, len(lines)]
    postings = sorted(range(len(starts)), key=lambda i: dates[i])
    return lines[: starts[0]] + [ln for i in postings for ln in lines[bounds[i] : bounds[i + 1]]]


# A notice pasted from a viewer that dropped its paragraph breaks arrives as a few very long lines: its sections run on
# inline ("…通知如下：一、申报范围 （一）… （二）… 二、申报条件 1.… 2.…"), its topics' fields too ("选题1：… 项目类别：…
# 联系处室：… 电话：… 选题2：…"), and its issuer and date close the last line. Two or more of its numbered sections
# opening mid-line, after a sentence's end, a colon or a word and a space, say so (a Markdown heading's or a
# bullet's mark before one is no text: "## 二、…", "• 二、…").
_INLINE_SECTION = re.compile(r"(?:(?<=[\u4e00-\u9fff\d）)。；：”》]) |(?<=[。；：]))[一二三四五六七八九十]{1,2}、(?=[\u4e00-\u9fff])")
RUN_ON_SECTIONS_MIN = 2
# ... such a line is parted at a space before what opens a block: a section, a bracketed or numbered point, a topic's
# number, the annex list, a labelled field ("研究内容：", "联系处室："; not a phone's label, which stays with the office
# or person it is the phone of: "政策法规处 王老师 电话：…")
_RUN_ON_OPENS = re.compile(
    r"(?:[一二三四五六七八九十]{1,2}、|[（(](?:[一二三四五六七八九十]{1,2}|\d{1,2})[)）]|\d{1,2}[.．、](?!\d)|"
    r"(?:选题|课题|方向|子课题)\s*\d{1,2}[：:]|附件\s*\d*\s*[：:]|"
    r"(?![\u4e00-\u9fff]{0,4}(?:电话|手机|传真|邮箱)[：:])[\u4e00-\u9fff]{2,6}[：:])"
)
# ... and at a space after a document number ("某科〔2083〕6号") or before one, after a title ("…的通知") or a long
# text closing with a colon (the addressee: "各县（区）科技主管部门，…："), after a section's name before its text
# ("三、申报限额 本年度…"), and before the issuer's name over the date closing the last line
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号")
_SECTION_NAME = re.compile(r"^[一二三四五六七八九十]{1,2}、[^\s。，,；;：:]{2,15}$")
_RUN_ON_LABEL_MAX = 12  # a colon closing no more than a label's words ("业务咨询："): its value follows the space


def _run_on_notice(lines: list[str]) -> bool:
    """The notice lost its paragraph breaks: two or more of its numbered sections open mid-line."""
    return sum(len(_INLINE_SECTION.findall(ln)) for ln in lines) >= RUN_ON_SECTIONS_MIN


def _run_on_pieces(line: str) -> list[str]:
    """A run-on line parted where its paragraphs, points and fields began (each space a break is kept as the
    line's end; every other space stays)."""
    if not _INLINE_SECTION.search(line) and " " not in line:
        return [line]
    # a section opening right after a sentence or a colon, with no space ("…通知如下：一、申报范围")
    line = re.sub(r"(?<=[。；：])(?=[一二三四五六七八九十]{1,2}、[\u4e00-\u9fff])", " ", line)
    words = line.split(" ")
    pieces = [words[0]]
    for k, word in enumerate(words[1:], 1):
        piece = pieces[-1]
        after = words[k + 1] if k + 1 < len(words) else ""
        if (_RUN_ON_OPENS.match(word) or _DOC_NUMBER.fullmatch(word) or _DOC_NUMBER.fullmatch(piece)
                or (piece.endswith(_TITLE_END) and not _SENTENCE_PUNCT.search(piece))
                or (piece.endswith(("：", ":")) and len(piece) > _RUN_ON_LABEL_MAX)
                or _SECTION_NAME.match(piece)
                or (SIGNATURE_NAME.fullmatch(word) and _DATE_ONLY.match(after))
                or (SIGNATURE_NAME.fullmatch(piece) and _DATE_ONLY.match(word))):
            pieces.append(word)
        else:
            pieces[-1] = f"{piece} {word}"
    return [p for p in pieces if p]


# A FORM TEMPLATE pasted after the notice (its 申报书, 预算表, 推荐意见表, 承诺书 or 回执 to fill in) has fields left
# blank for the applicant: a placeholder run ("项目名称：________", "年龄：____周岁", "申请资助经费：______万元"), a list of
# boxes to tick ("职称：□正高级 □副高级 □中级 □其他": the form's options, not the notice's requirements), a date to
# write ("填报日期：    年  月  日", "____年__月至____年__月"), an opinion to write ("申报单位意见：……"). A line of nothing
# else says nothing: no age limit, amount, date, deadline or title required, and no passage to quote. (Who signs and
# who stamps, "承诺人（签字）：", "推荐单位（盖章）", is said, blank as the place is; and a line saying something around
# its blanks is kept: "本人______郑重承诺：", "注：请于____月____日前将本回执发送至________，截止日期以邮件送达时间为准。")
_PLACEHOLDER = re.compile(r"[_＿]{2,}\s*(?:周岁|岁|万元|元|个月|年|月|日|项|人|份)?")
_TICK_BOX = re.compile(r"[□☐]\s*[^\s□☐：:，,。；;]{1,12}")
# (an opinion to write after its label: "申报单位意见：……"; a place to sign or stamp, "承诺人（签字）：", "推荐单位（盖章）",
# is no blank: it says who signs and who stamps)
_OPINION = re.compile(r"(?<=[：:])\s*(?:…+|\.{3,})")
# (a date to write, its year perhaps printed: "    年  月  日", "2070年  月  日", "2049/ / ", "年月" of "出生年月" as well)
_BLANK_DATE = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})?\s*年\s*月(?:\s*日)?|(?<![\d/／])(?:\d{4})?\s*[/／]\s*[/／]\s*$")
_BLANK = "\x00"
# each field of a blank line: a label, perhaps none, and its blanks ("承诺人（签字）：", "填报日期：    年  月  日"; a label
# spaced out to its width, "日　　期：", as well)
_BLANK_FIELDS = re.compile(r"\s*(?:(?:[\u4e00-\u9fff（）()、/／][\u4e00-\u9fff（）()、/／ \u3000]{0,15})?\s*[：:]?\s*\x00[\x00\s]*[：:]?\s*[，,；;]?\s*)+")


FORM_LINE_MAX = 120  # (a form's line of fields is short; a longer line is a paragraph, whatever blanks it has)


def blank_form_line(line: str) -> bool:
    """A line of a form template with only its blanks to fill in: labels, each over its placeholder, boxes to tick, a
    date to write, or an opinion to write ("……")."""
    text = line.strip(" \t\u3000\xa0")
    if len(text) > FORM_LINE_MAX:
        return False
    marked = _OPINION.sub(_BLANK, _PLACEHOLDER.sub(_BLANK, text))
    if len(re.findall(r"[□☐]", text)) >= 2:  # (one box is a list's bullet: "□ 项目负责人身份证件扫描件")
        marked = _TICK_BOX.sub(_BLANK, marked)
    if not re.search(r"年\s*\d|月\s*\d", marked):
        marked = _BLANK_DATE.sub(_BLANK, marked)
    return _BLANK in marked and bool(_BLANK_FIELDS.fullmatch(marked))


def _row_cells(line: str) -> list[str] | None:
    """The cells of a table's row as pasted, parted by tabs or bars; None for a line of no table."""
    text = line.strip(" \u3000\xa0")
    if not re.search(r"[|｜\t]", text):
        return None
    if re.match(r"[|｜]", text) and re.search(r"[|｜]$", text):  # (a Markdown row's outer bars)
        text = text[1:-1]
    return [c.strip(" \u3000\xa0") for c in re.split(r"[|｜\t]", text)]


def _blank_row(line: str) -> bool:
    """A table's row left empty to fill in: a row's number or item alone in its first cell ("1．业务费 |  | ",
    "1<TAB><TAB><TAB>"), or no cell written at all."""
    cells = _row_cells(line)
    return cells is not None and len(cells) >= 3 and not any(cells[1:]) and len(cells[0]) <= 20


def _without_blank_forms(lines: list[str]) -> list[str]:
    """`lines` with a form template's blank lines emptied: its lines of fields to fill in, and each table whose rows
    are all left empty, with its header (it names the blanks: "序号<TAB>申报单位<TAB>…<TAB>年龄<TAB>职称")."""
    out = ["" if blank_form_line(ln) else ln for ln in lines]
    k = 0
    while k < len(lines):
        cells = _row_cells(lines[k])
        if cells is None or len([c for c in cells if c]) < 3:
            k += 1
            continue
        j, blank = k + 1, 0
        while j < len(lines) and (_blank_row(lines[j]) or not lines[j].strip()):
            blank += _blank_row(lines[j])
            j += 1
        if blank and (j == len(lines) or _row_cells(lines[j]) is None):  # (no row of it written)
            out[k:j] = [""] * (j - k)
        k = max(j, k + 1)
    return out


# A SELF-CHECK TABLE the call's conditions are set out in ("序号 | 自查事项 | 是 | 否 | 备注", each row a condition with
# its boxes to tick left empty, a note beside some: "4 | 项目负责人为申报单位在职在岗人员 |  |  | 离退休人员不得…"):
# each row is a sentence of the call, its condition and then its note ("项目负责人为申报单位在职在岗人员；离退休人员
# 不得…。"), read as the notice's other sentences are; the row's number, its tick boxes and the header go. Its header
# names the ticks: a "是" and a "否" column, "符合 | 不符合", or one column of the result ("自查结果", "是否符合").
_TICK_CELL = re.compile(r"^(?:是|否|符合|不符合|满足|不满足|是否符合|是否满足|是否具备|自查(?:结果|情况|结论)|[□☐√✓✔×✗Xx]|"
                        r"(?:[□☐]\s*(?:是|否|符合|不符合)\s*)+)$")
_TICK_MARKS = re.compile(r"^(?:[□☐√✓✔×✗]|(?:[□☐]\s*(?:是|否|符合|不符合)\s*)+)*$")
_ROW_SERIAL = re.compile(r"^(?:\d{1,2}|[(（]?[一二三四五六七八九十]{1,3}[)）、]?)[.．、]?$")
_SENTENCE_STOP = re.compile(r"[。；;！？!?]$")
CHECK_HEADING_MAX = 12


def _checklist_header(cells: list[str] | None) -> set[int]:
    """The tick columns of a self-check table's header (both of a yes / no pair, or a result's); none for another row."""
    if not cells or len(cells) < 3:
        return set()
    ticks = {k for k, c in enumerate(cells) if _TICK_CELL.match(re.sub(r"\s", "", c))}
    said = {re.sub(r"\s", "", cells[k]) for k in ticks}
    paired = {"是", "否"} <= said or {"符合", "不符合"} <= said or {"满足", "不满足"} <= said
    result = any(re.match(r"是否|自查", c) for c in said)
    words = [c for k, c in enumerate(cells) if k not in ticks and c.strip()]
    return ticks if (paired or result) and words else set()


def _checklist_rows(lines: list[str]) -> tuple[list[str], set[int]]:
    """`lines` with each self-check table's rows written as the sentences they state (header emptied), and where
    those rows stand (each whole on its line, as a table's row is: no title above goes on with it)."""
    out = list(lines)
    written: set[int] = set()
    k = 0
    while k < len(lines):
        ticks = _checklist_header(_row_cells(lines[k]))
        if not ticks:
            k += 1
            continue
        j, rows = k + 1, []
        while j < len(lines) and ((cells := _row_cells(lines[j])) is not None or not lines[j].strip()):
            if cells is not None:
                rows.append((j, cells))
            j += 1
        if rows:
            out[k] = ""
            for at, cells in rows:
                said = [c for n, c in enumerate(cells) if c and not (n in ticks and _TICK_MARKS.match(re.sub(r"\s", "", c)))
                        and not (n == 0 and _ROW_SERIAL.match(c))]
                text = "；".join(c.rstrip("。；;") if n < len(said) - 1 else c for n, c in enumerate(said))
                # (a sentence closes with a stop; a short cell alone, "一、申报单位", is a group's heading)
                closes = text and not _SENTENCE_STOP.search(text) and (len(said) > 1 or len(text) > CHECK_HEADING_MAX)
                out[at] = text + "。" if closes else text
                written.add(at)
        k = max(j, k + 1)
    return out, written


# A table whose COLUMNS are the project levels ("事项｜重大项目｜重点项目｜一般项目" over rows "每项资助额度｜20万元｜8万元｜3万元",
# "负责人年龄｜不超过58周岁｜…"): each row is said level by level, as a notice organised by level says it.
_LEVEL_COLUMN = re.compile(r"^(?:重大|重点|一般|青年|自筹)(?:项目|课题|类项目|类课题)$")
_ROW_LABEL = re.compile(r"^[\u4e00-\u9fff（）()、/／]{2,16}$")
_SAID_AS_IS = re.compile(r"^(?:不超过|不得|不少于|不低于|不高于|须|应|需|限|为|以|按|在|可|原则上)")
_COUNT_CELL = re.compile(r"^\d{1,3}\s*[项个]$")
_COUNT_LABEL = re.compile(r"(?:数量|项数|个数|数)$")


def _level_column_cell(level: str, label: str, cell: str) -> str:
    """One cell of a levels-as-columns table as its level's clause: "重大项目每项资助额度为20万元", "重大项目拟支持2项",
    "重大项目负责人年龄不超过58周岁"."""
    cell = cell.rstrip("。；;")
    if _COUNT_CELL.match(cell) and _COUNT_LABEL.search(label):
        return level + _COUNT_LABEL.sub("", label) + cell
    return level + label + ("" if _SAID_AS_IS.match(cell) else "为") + cell


def _level_column_rows(lines: list[str]) -> tuple[list[str], set[int]]:
    """`lines` with each table whose columns are the project levels written row by row as sentences that name the level of
    each cell (the header emptied), and where those rows stand; any other table is left as it is."""
    out = list(lines)
    written: set[int] = set()
    k = 0
    while k < len(lines):
        head = _row_cells(lines[k])
        levels = head[1:] if head else []
        if not head or len(levels) < 2 or not all(_LEVEL_COLUMN.match(c) for c in levels) or _LEVEL_COLUMN.match(head[0]):
            k += 1
            continue
        j, rows = k + 1, []
        while j < len(lines) and (cells := _row_cells(lines[j])) is not None and len(cells) == len(head):
            rows.append((j, cells))
            j += 1
        if rows and all(_ROW_LABEL.match(cells[0]) for _, cells in rows):
            out[k] = ""
            for at, cells in rows:
                said = [_level_column_cell(level, cells[0], c) for level, c in zip(levels, cells[1:], strict=True) if c]
                out[at] = "；".join(said) + "。" if said else ""
                written.add(at)
        k = max(j, k + 1)
    return out, written


def _clean_lines(raw: str) -> list[str]:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    page = page_lines(text)
    if page is None:
        page = json_lines(text)
    table_rows: set[str] = set()
    if page is not None:
        text = "\n".join(page)
    else:
        text, table_rows = table_markup(text)
    text = "\n".join(_EDGE_MARKUP.sub("", ln) if "&" in ln or "<" in ln else ln for ln in text.split("\n"))
    text = _FONT_SIZE.sub("", text)
    boxed, box_rows = _box_rows(text.split("\n"))
    checked, check_rows = _checklist_rows(boxed)
    checked, level_rows = _level_column_rows(checked)
    check_rows |= level_rows
    split = _tab_rows(_csv_rows(_without_blank_forms(checked)))
    aligned = _aligned_rows(split)
    # (a laid-out PDF's wrapped paragraphs joined by the layout, the table rows the step above found left as they are)
    aligned, openings = _layout_paragraphs(aligned, {k for k, (a, b) in enumerate(zip(aligned, split, strict=True)) if a != b})
    lines = [_SPACED_LABEL.sub(lambda m: re.sub(r"\s", "", m.group(0)), re.sub(r"[ \t\u3000\xa0]+", " ", ln).strip())
             for ln in aligned]
    # (a table's row is whole on its line: no row ends a sentence, nor goes on with one; nor does a paragraph a laid-out
    # PDF opens go on with the line above it)
    table_rows |= {lines[k] for k, (a, b) in enumerate(zip(aligned, split, strict=True)) if a != b and " | " in a}
    table_rows |= {lines[k] for k in box_rows if " | " in lines[k]}
    table_rows |= {lines[k] for k in check_rows if lines[k]}
    opened = {lines[k] for k in openings}
    # (a notice that lost its paragraph breaks, its run-on lines parted again: each piece is whole, nothing joins it)
    run_on: set[str] = set()
    if _run_on_notice(lines):
        lines = [piece for ln in lines for piece in _run_on_pieces(ln)]
        run_on = set(lines)
    lines = published_order(_without_translation(_without_mail_header(lines)))
    running = _running_lines(lines)
    # (before page furniture goes: a row's number alone on its line, "3", is no page number there; the
    # furniture parting its rows is found without such lines)
    probe = ["" if _ROW_NUMBER.match(ln) else ln for ln in lines]
    lines = _cell_per_line_rows(lines, _running_lines(probe) | {k for k, ln in enumerate(probe) if ln and _PAGE_NUMBER.match(ln)})
    running = _running_lines(lines)
    furniture = _page_furniture(lines)
    # (an image's words, what it shows: whole on their line, as the image was)
    shown = {m.group(1) for ln in lines if (m := _IMAGE_ALT.match(ln))}
    lines = [m.group(1) if (m := _IMAGE_ALT.match(ln)) else ln for ln in lines]
    kept = [ln for k, ln in enumerate(_before_article_end(lines))
            if ln and not _PAGE_NUMBER.match(ln) and not _TABLE_RULE.match(ln) and not _RULE_LINE.match(ln) and k not in running
            and k not in furniture and not _WEB_FURNITURE.search(ln) and not _PAGE_FRAME.search(ln)
            and not _ARTICLE_FURNITURE.search(ln)]
    # A bulleted line ("● 申报单位须…", "□ 项目负责人身份证件") starts an item: nothing joins it to the line above.
    # (nor a heading marked with a symbol, "📅 申报时间", nor an article's byline)
    headings = _kept_headings(kept)
    bulleted = {_unmark(ln, headings) for ln in kept if _BULLET.match(ln) or _QUOTE_MARK.match(ln) or ARTICLE_BYLINE.match(ln)}
    # A Markdown heading or a line bold from end to end ("**选题1：…研究**") is whole: nothing joins it.
    whole = {_unmark(ln, headings) for ln in kept if _HEADING_MARK.match(ln) or _EMPHASIS.fullmatch(ln) or PUBLISHED.match(ln)
             or ARTICLE_BYLINE.match(ln) or MARKED_HEADING.match(_EMPHASIS.sub(r"\1", ln))}
    # (a table's row from its markup is whole on its line as well: no row ends a sentence, nor goes on with one)
    rows = {_unmark(re.sub(r"[ \t\u3000\xa0]+", " ", ln).strip()) for ln in table_rows}
    bulleted |= rows | run_on | shown | {_unmark(ln, headings) for ln in opened}
    whole |= rows | run_on | shown
    joined: list[str] = []
    unmarked = [_unmark(ln, headings) for ln in kept]
    # A signature, the issuer's name over the date line ("郑州市科学技术局" / "2077年3月8日"): its own lines, never the
    # tail of the line above it (an annex list's last item, "4. …联系方式", ends in an ideograph as a cut line does)
    signing = {k for k in range(len(unmarked) - 1) if SIGNATURE_NAME.fullmatch(unmarked[k])
               and _DATE_ONLY.match(unmarked[k + 1].replace(" ", ""))}
    # A slide deck exported to text (three or more slide marks) has each bullet, title and note on a line of its own:
    # no line of it is a cut one's tail, and no mark joins the line before it
    deck = sum(1 for ln in unmarked if SLIDE_MARK.match(ln)) >= SLIDE_DECK_MIN
    for k, ln in enumerate(unmarked):
        # (a heading after a line closing with a colon, "有关事项通知如下：", starts its block: it is no label's value)
        if page is not None or deck:
            joined.append(ln)  # (a web page's paragraphs are whole as its tags close them)
        elif joined and _BARE_LABEL.match(joined[-1]) and not _L1_HEADING.match(ln) and not MD_HEADING.match(ln) \
                and not _NUMBERED_LABEL.match(ln):
            joined[-1] += ln
        elif joined and joined[-1] not in whole and ln not in bulleted and k not in signing and _is_cut(joined[-1], ln):
            joined[-1] = _join(joined[-1], ln)
        else:
            joined.append(ln)
    return _drop_repeated_blocks(joined)


def _before_article_end(lines: list[str]) -> list[str]:
    """`lines` up to where an article's page ends ("— END —", then "往期推荐" and older articles' titles), when it
    ends in its second half; all of them otherwise."""
    end = next((k for k, ln in enumerate(lines) if ln and k >= len(lines) * ARTICLE_END_SHARE
                and _ARTICLE_END.match(_unmark(ln))), None)
    return lines if end is None else lines[:end]


def clean_text(raw: str) -> str:
    return "\n".join(clean_lines(raw))
