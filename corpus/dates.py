"""How a notice writes its dates, read as the notice's usual "2042年3月16日": dotted ("2033.4.1", "3.5—4.15", "注册 3.1"),
in Chinese numerals ("二〇四二年三月十六日"), a time of day in words ("下午五时"), a table's cells. `corpus.ingest` reads
every passage through `read_dates`; the ranker reads a fact's quotes through it (`assistant.rank.fact_attributes`),
so a date a slide writes "3.1" is a date there too. Kept apart from `corpus.ingest` so the answering engine does
not load the whole ingester to read a date."""

from __future__ import annotations

import re

from corpus.passages import number_of

DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
# A date written with dots ("2033.4.1—2033.4.30"): read as the notice's usual "2033年4月1日"
_DOTTED_DATE = re.compile(r"(?<![\d.])((?:19|20)\d{2})([.．/／-])(\d{1,2})\2(\d{1,2})(?![\d.])")  # also "2049/3/15", "2049-04-30"
# ... or in Chinese numerals ("二〇四二年三月十六日"), read as "2042年3月16日" too
_CN_DATE = re.compile(r"([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*日)?")
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}
# ... or without its year, left to the title's ("三月二十日上午九时至四月十五日下午五时", "五月中旬"): read as "3月20日",
# "5月中旬", a month of 1 to 12 and a day of 1 to 31 (no figure or year before it: "二〇七八年三月" is a date above)
_CN_MONTH_DAY = re.compile(r"(?<![〇零一二三四五六七八九十年\d])([一二三四五六七八九十]{1,2})\s*月\s*"
                           r"(?:([一二三四五六七八九十]{1,3})\s*日|(?=上中旬|中下旬|上旬|中旬|下旬|底|末|初))")


def _cn_month_day(m: re.Match[str]) -> str:
    month, day = number_of(m.group(1)), number_of(m.group(2)) if m.group(2) else None
    if not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
        return m.group(0)
    return f"{month}月" + (f"{day}日" if day is not None else "")


# A time of day in words after a date ("二〇五九年四月二十四日下午五时三十分", "3月1日上午9时"): as "17:30"
# (or after the date's weekday: "4月18日（星期五）下午5点前", the weekday kept)
_WORD_TIME = re.compile(r"(?<=日)(\s*[（(](?:星期|周)[一二三四五六日天][)）])?\s*(上午|下午|晚上|中午|早上)?\s*"
                        r"(\d{1,2}|[零一二两三四五六七八九十]{1,3})\s*[时点]"
                        r"(?:\s*(\d{1,2}|[零一二三四五六七八九十]{1,3})\s*分|(半)|整)?")


def _clock(m: re.Match[str]) -> str:
    hour = number_of(m.group(3))
    hour += 12 if m.group(2) in ("下午", "晚上") and hour < 12 else 0
    return f"{m.group(1) or ''}{hour}:{30 if m.group(5) else number_of(m.group(4) or '0'):02d}"


def times_as_written(read: str, original: str) -> str:
    """`read` (words of `original` read by `read_dates`) with the times of day `original` writes in words after a date's
    weekday as it writes them ("（星期五）17:00前" back to "（星期五）17时前"): read to date a window, said as written."""
    for m in _WORD_TIME.finditer(original):
        if m.group(1):
            read = read.replace(_clock(m), m.group(0))
    return read


# A two-column table's row, "网上填报 | 2044年3月1日…": its label, read as "网上填报：…"
_LABEL_CELL = re.compile(r"^([^|｜\t。，,；;]{1,12}?)\s*[|｜\t]\s*(?=\S)")


# A short dotted date, its year left to the title or the byline ("网上填报：3.5—4.15", "4.16-4.20", "4.15 17:00前"): read
# as "3月5日—4月15日" (with_years gives it the notice's year), only where it cannot be a decimal: two of them spanning a
# window, or one before a time of day or a word for a date's start or end ("3.5开始"); never before a unit ("6.5万元")
_MONTH_DAY = r"(1[0-2]|0?[1-9])\.(3[01]|[12]\d|0?[1-9])"
_NOT_A_NUMBER = r"(?![\d.．]|\s*(?:万|元|亿|千|百|%|％|倍|个|项|家|人|名|分|米|吨|岁|周岁|年|版|次|期))"
SHORT_DOTTED_RANGE = re.compile(r"(?<![\d.．/／-])" + _MONTH_DAY + r"\s*(?:[—\-－–~～至到]+)\s*(?:(1[0-2]|0?[1-9])\.)?"
                                 r"(3[01]|[12]\d|0?[1-9])" + _NOT_A_NUMBER)
_SHORT_DOTTED_DAY = re.compile(r"(?<![\d.．/／-])" + _MONTH_DAY + r"(?=\s*\d{1,2}\s*[:：]\d{2}|\s*(?:前|之前|以前|起|开始|截止|止))")
# ... or a timeline's step, a few words and the day alone ("纸质 4.28", one step of "… → 推荐 4.22–4.25 → 纸质 4.28"):
# nothing after the day, and nothing before the words but the step's start
_STEP_DOTTED_DAY = re.compile(r"^([\u4e00-\u9fff]{2,8}\s*[：:]?\s*)" + _MONTH_DAY + r"$")


def _short_dotted(m: re.Match[str]) -> str:
    first, last = (int(m.group(1)), int(m.group(2))), (int(m.group(3) or m.group(1)), int(m.group(4)))
    if last < first:
        return m.group(0)  # ("3.5-1.2" runs backwards: no window, numbers)
    return f"{first[0]}月{first[1]}日—{last[0]}月{last[1]}日"


# A schedule table's row with its start and its end in cells side by side ("网上申报 | 2077-03-15 09:00 | 2077-04-20 17:00",
# under "阶段 | 开始 | 截止"): the window the two dates bound, read as one range ("…9:00至2077年4月20日17:00")
_CELL_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*\d{1,2}\s*[:：]\s*\d{2})?\s*"
_CELL_RANGE = re.compile(r"((?:^|(?<=[|｜\t]))\s*" + _CELL_DATE + r")[|｜\t](?=\s*" + _CELL_DATE + r"(?:[|｜\t]|$))")


def read_dates(text: str) -> str:
    """`text` with dates written with dots or Chinese numerals as the notice's usual "2042年3月16日" (and a
    two-column row's label followed by a colon, as a labelled line's)."""
    text = _LABEL_CELL.sub(r"\1：", text) if len(re.split(r"[|｜\t]", text)) == 2 else text
    text = _DOTTED_DATE.sub(lambda m: f"{m.group(1)}年{int(m.group(3))}月{int(m.group(4))}日", text)
    text = _CELL_RANGE.sub(r"\1至", text)
    text = SHORT_DOTTED_RANGE.sub(_short_dotted, text)
    text = _SHORT_DOTTED_DAY.sub(lambda m: f"{int(m.group(1))}月{int(m.group(2))}日", text)
    text = _STEP_DOTTED_DAY.sub(lambda m: f"{m.group(1)}{int(m.group(2))}月{int(m.group(3))}日", text)
    text = _CN_DATE.sub(lambda m: "".join(_CN_DIGIT[c] for c in m.group(1)) + f"年{number_of(m.group(2))}月"
                        + (f"{number_of(m.group(3))}日" if m.group(3) else ""), text)
    text = _CN_MONTH_DAY.sub(_cn_month_day, text)
    # ("…日下午五时三十分": the time of day as "17:30", as a window's dates are read with it)
    return _WORD_TIME.sub(_clock, text)
