"""parse_notice on the real State Council notices 2008–2026 (tests/calendar/notices/, sources there).

Each overlay is compared day by day with chinese-calendar 1.11.0 (built from the same
notices): whether each day is worked, and the holiday's name on every special day.
"""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import chinese_calendar
import pytest
from chinese_calendar import constants
from hypothesis import given
from hypothesis import strategies as st

from gongkai.calendar import Overlay, WorkCalendar, parse_notice, read_overlay
from gongkai.calendar.days import HOLIDAY_NAMES
from gongkai.calendar.overlays import bundled_overlay
from gongkai.errors import CalendarDataError, NoticeError

NOTICES = Path(__file__).parent / "notices"
YEARS = range(2008, 2027)
#: Notices that change one holiday of a year, read with that year's notice (the extension
#: 国办发明电〔2020〕1号 kept the 2020 Spring Festival off "至2月2日").
SUPPLEMENTS = {
    2015: ("2015-victory-day.txt", 2015),
    2019: ("2019-labour-day.txt", None),
    2020: ("2020-extension.txt", None),
}


def notice_text(name: str) -> str:
    """The notice as published (the file's first line is the source comment)."""
    return (NOTICES / name).read_text(encoding="utf-8").partition("\n")[2]


def source_url(name: str) -> str:
    first = (NOTICES / name).read_text(encoding="utf-8").partition("\n")[0]
    found = re.search(r"https?://\S+", first)
    assert found, first
    return found.group(0)


def days_of(overlay: dict[str, Any]) -> dict[date, dict[str, str]]:
    return {date.fromisoformat(day["date"]): day for day in overlay["days"]}


def schedule(year: int) -> dict[date, dict[str, str]]:
    """The year's days from its notice, its supplement, and next year's notice (元旦 in December)."""
    days = days_of(parse_notice(notice_text(f"{year}.txt")))
    if year in SUPPLEMENTS:
        name, given = SUPPLEMENTS[year]
        days |= days_of(parse_notice(notice_text(name), year=given))
    if (NOTICES / f"{year + 1}.txt").exists():
        following = days_of(parse_notice(notice_text(f"{year + 1}.txt")))
        days |= {d: v for d, v in following.items() if d.year == year}
    return days


@pytest.mark.parametrize("year", YEARS)
def test_every_notice_equals_chinese_calendar_day_by_day(year: int) -> None:
    days = schedule(year)
    worked_differently: set[date] = set()
    day = date(year, 1, 1)
    while day.year == year:
        ours = days[day]["kind"] == "makeup_workday" if day in days else day.weekday() < 5
        if ours != chinese_calendar.is_workday(day):
            worked_differently.add(day)
        theirs = constants.holidays.get(day) or constants.workdays.get(day)
        if theirs and day in days:
            names = [HOLIDAY_NAMES[n] for n in days[day]["name"].split("、")]
            assert theirs in names, (day, days[day]["name"], theirs)
        day += timedelta(days=1)
    assert worked_differently == set()


@pytest.mark.parametrize("year", [2008, 2014, 2019, 2026])
def test_a_calendar_built_from_the_notice_alone_counts_like_the_bundled_one(year: int) -> None:
    notice = WorkCalendar((read_overlay(parse_notice(notice_text(f"{year}.txt"))),))
    if year in SUPPLEMENTS:
        name, given = SUPPLEMENTS[year]
        notice = notice.with_overlay(parse_notice(notice_text(name), year=given))
    bundled = WorkCalendar.default()
    start = date(year, 1, 1)
    for offset in range(0, 330, 3):
        day = start + timedelta(days=offset)
        assert notice.is_workday(day) == bundled.is_workday(day), day
        assert notice.add_workdays(day, 20) == bundled.add_workdays(day, 20), day


def test_the_overlay_names_the_notice_and_covers_its_year() -> None:
    url = source_url("2026.txt")
    overlay = parse_notice(notice_text("2026.txt"), url=url)
    assert overlay["format"] == "gongkai-calendar/1"
    assert overlay["covers"] == [2026]
    assert overlay["notice"] == {
        "title": "国务院办公厅关于2026年部分节假日安排的通知",
        "number": "国办发明电〔2025〕7号",
        "date": "2025-11-04",
        "url": url,
    }
    assert overlay["sources"] == [
        "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025-11-04）",
        url,
    ]
    spring = [d for d in overlay["days"] if d["name"] == "春节"]
    assert [d["date"] for d in spring if d["kind"] == "holiday"] == [
        f"2026-02-{n}" for n in range(15, 24)
    ]  # "2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天"
    assert [d["date"] for d in spring if d["kind"] == "makeup_workday"] == [
        "2026-02-14",
        "2026-02-28",
    ]
    cal = WorkCalendar.default().with_overlay(overlay)
    assert any("国办发明电〔2025〕7号" in line for line in cal.provenance)


def test_a_holiday_across_the_new_year_and_month_omitted_for_following_days() -> None:
    days = days_of(parse_notice(notice_text("2008.txt")))
    # "元旦：2007年12月30日—2008年1月1日放假，共3天。…12月29日（星期六）上班。"
    assert [d for d, v in days.items() if v["name"] == "元旦" and v["kind"] == "holiday"] == [
        date(2007, 12, 30),
        date(2007, 12, 31),
        date(2008, 1, 1),
    ]
    assert days[date(2007, 12, 29)]["kind"] == "makeup_workday"
    # 2010: "2月20日（星期六）、21日（星期日）上班" — the month of 21日 is the one before it
    days_2010 = days_of(parse_notice(notice_text("2010.txt")))
    assert days_2010[date(2010, 2, 21)] == {
        "date": "2010-02-21",
        "kind": "makeup_workday",
        "name": "春节",
    }


def test_two_holidays_in_one_section_and_a_day_only_encouraged() -> None:
    days = days_of(parse_notice(notice_text("2024.txt")))
    # "鼓励各单位……安排职工在除夕（2月9日）休息" encourages; it does not schedule.
    assert date(2024, 2, 9) not in days
    days_2017 = days_of(parse_notice(notice_text("2017.txt")))
    assert days_2017[date(2017, 10, 4)]["name"] == "中秋节、国庆节"


def test_a_notice_changing_one_holiday_covers_no_year() -> None:
    overlay = parse_notice(notice_text("2019-labour-day.txt"))
    assert overlay["covers"] == []
    assert overlay["correction"] is True  # it changes the year's published schedule
    assert [d["date"] for d in overlay["days"] if d["kind"] == "holiday"] == [
        "2019-05-01",
        "2019-05-02",
        "2019-05-03",
        "2019-05-04",
    ]
    victory = parse_notice(notice_text("2015-victory-day.txt"), year=2015)
    assert {d["name"] for d in victory["days"]} == {
        "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"
    }


#: The 2023 notice as http://fz.xmtw.org.cn/show-20778.html copies it: one paragraph, no title.
ONE_PARAGRAPH_2023 = (
    "国办发明电〔2022〕16号各省、自治区、直辖市人民政府，国务院各部委、各直属机构： "
    "经国务院批准，现将2023年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的"
    "具体安排通知如下。 一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。 "
    "二、春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。 "
    "三、清明节：4月5日放假，共1天。 四、劳动节：4月29日至5月3日放假调休，共5天。"
    "4月23日（星期日）、5月6日（星期六）上班。 五、端午节：6月22日至24日放假调休，共3天。"
    "6月25日（星期日）上班。 六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。"
    "10月7日（星期六）、10月8日（星期日）上班。 节假日期间，各地区、各部门要妥善安排好值班和"
    "安全、保卫、疫情防控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众"
    "祥和平安度过节日假期。 国务院办公厅 2022年12月8日"
)


def test_a_copy_run_into_one_paragraph_reads_the_same() -> None:
    overlay = parse_notice(ONE_PARAGRAPH_2023)
    assert overlay["days"] == parse_notice(notice_text("2023.txt"))["days"]
    assert overlay["notice"] == {"number": "国办发明电〔2022〕16号", "date": "2022-12-08"}


def test_a_title_split_over_two_lines_inside_a_saved_page() -> None:
    """http://by.caiyes.cn/thread-16212-1-1.html breaks the title after "2010年"."""
    title = "国务院办公厅关于2010年部分节假日安排的通知"
    split = notice_text("2010.txt").replace(title, "国务院办公厅关于2010年\n部分节假日安排的通知")
    page = f"首页 > 政策 > 国务院文件\n字号：大 中 小\n{split}\n相关链接 返回顶部\n"
    overlay = parse_notice(page)
    assert overlay["notice"] == {
        "title": title,
        "number": "国办发明电〔2009〕27号",
        "date": "2009-12-07",
    }
    assert overlay["days"] == parse_notice(notice_text("2010.txt"))["days"]


def test_section_names_without_a_colon_read_the_same() -> None:
    """http://space.foodmate.net/13634/viewspace-24894.html writes "三、清明节4月4日至6日放假"."""
    text = notice_text("2009.txt")
    for name in ("清明节", "劳动节", "端午节", "国庆节、中秋节"):
        text = text.replace(f"{name}：", name)
    assert "三、清明节4月4日至6日放假" in text
    assert parse_notice(text)["days"] == parse_notice(notice_text("2009.txt"))["days"]


# -- refusing what it cannot read completely ---------------------------------------------

NOTICE_2026 = notice_text("2026.txt")


def refused(text: str, **kwargs: Any) -> NoticeError:
    with pytest.raises(NoticeError) as caught:
        parse_notice(text, **kwargs)
    assert isinstance(caught.value, CalendarDataError)
    assert re.search(r"[\u4e00-\u9fff]", caught.value.zh), caught.value.zh
    assert str(caught.value).startswith(caught.value.zh)
    return caught.value


def test_a_removed_sentence_is_named() -> None:
    text = NOTICE_2026.replace(
        "2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。", ""
    )
    error = refused(text)
    assert error.sentence == "2月14日(周六)、2月28日(周六)上班"
    assert "没有放假日期" in error.zh


def test_a_removed_section_is_named() -> None:
    text = NOTICE_2026.replace("五、端午节：6月19日（周五）至21日（周日）放假，共3天。\n", "")
    assert refused(text).zh == "年度通知缺少 端午节 的放假安排"


@pytest.mark.parametrize(
    ("garbled", "said", "sentence"),
    [
        (
            ("共9天", "共8天"),
            "共 8 天",
            "2月15日(农历腊月二十八、周日)至23日(农历正月初七、周一)放假调休,共8天",
        ),
        (("1月4日（周日）", "1月4日（周一）"), "2026-01-04 是星期日", "1月4日(周一)上班"),
        (
            ("6月19日（周五）", "6月31日（周五）"),
            "2026年6月31日不存在",
            "6月31日(周五)至21日(周日)放假,共3天",
        ),
        (("4月4日（周六）至6日（周一）放假", "4月4日（周六）至6日（周一）休息"), "无法读懂", None),
        (("5月9日（周六）上班", "5月8日（周五）上班"), "是工作日", "5月8日(周五)上班"),
        (("9月25日（周五）至27日（周日）", "9月27日（周日）至25日（周五）"), "颠倒", None),
    ],
)
def test_a_garbled_sentence_is_named(
    garbled: tuple[str, str], said: str, sentence: str | None
) -> None:
    old, new = garbled
    assert old in NOTICE_2026
    error = refused(NOTICE_2026.replace(old, new))
    assert said in error.zh
    if sentence:
        assert error.sentence == sentence


@pytest.mark.parametrize("year", YEARS)
def test_no_notice_loses_a_section_line_silently(year: int) -> None:
    """Never a partial overlay: without any one numbered line, every notice is refused."""
    lines = notice_text(f"{year}.txt").splitlines()
    numbered = [i for i, line in enumerate(lines) if re.match(r"[一二三四五六七八九十]、", line)]
    assert len(numbered) >= 6
    for i in numbered:
        refused("\n".join(lines[:i] + lines[i + 1 :]))


#: The 2016 notice as http://zhiyuanku.com/xuexi/tongzhi/481153.html copies it: years taken
#: out, and only 元旦 and 春节 kept.
TEMPLATE_2016 = """国办发明电〔2015〕18号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将元旦、春节放假调休日期的具体安排通知如下。
一、元旦：1月1日放假，与周末连休。
二、春节：2月7日至13日放假调休，共7天。2月6日（星期六）、2月14日（星期日）上班。
"""


def test_a_copy_without_its_years_needs_the_year_and_all_seven_holidays() -> None:
    assert "--year" in refused(TEMPLATE_2016).zh
    missing = refused(TEMPLATE_2016, year=2016)
    assert missing.zh == "年度通知缺少 清明节、劳动节、端午节、中秋节、国庆节 的放假安排"
    whole = notice_text("2016.txt").replace("现将2016年", "现将").replace("关于2016年", "关于")
    assert parse_notice(whole, year=2016)["covers"] == [2016]


def test_the_year_must_be_known_and_agree() -> None:
    assert "--year" in refused(notice_text("2015-victory-day.txt")).zh
    assert "年份不一致" in refused(NOTICE_2026, year=2025).zh
    assert refused("").zh == "通知是空的"
    assert "通知如下" in refused("国务院办公厅关于2027年部分节假日安排的通知\n元旦放假。").zh


def test_an_extension_notice_gives_the_days_from_the_holiday_to_its_new_end() -> None:
    extension = parse_notice(notice_text("2020-extension.txt"))
    assert extension["covers"] == [] and extension["correction"] is True
    assert extension["notice"]["number"] == "国办发明电〔2020〕1号"
    # "延长2020年春节假期至2月2日（农历正月初九，星期日）": 正月初一 (1月25日) to 2月2日
    assert [d["date"] for d in extension["days"]] == [
        f"2020-{m:02d}-{d:02d}" for m, d in [(1, n) for n in range(25, 32)] + [(2, 1), (2, 2)]
    ]
    annual = WorkCalendar((read_overlay(parse_notice(notice_text("2020.txt"))),))
    extended = annual.with_overlay(extension)
    assert annual.is_workday(date(2020, 2, 1))  # "2月1日（星期六）上班" before the extension
    assert not extended.is_workday(date(2020, 2, 1))
    error = refused(
        notice_text("2020-extension.txt").replace("（农历正月初九，星期日）", "（星期一）")
    )
    assert "星期一" in error.zh


# -- encodings -----------------------------------------------------------------------------


# -- law: a notice loses nothing silently ---------------------------------------------------


def _section_lines(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"(?m)^[一二三四五六七八九十]、.*$", text))


def _deleting_is_loud_or_harmless(name: str, position: int) -> bool:
    """Deleting one character of a section line is refused or changes no day (a moved digit
    of 端午 "6月18日" -> "6月8日" is caught by the lunar date it must include)."""
    text = notice_text(name)
    try:
        days = parse_notice(text[:position] + text[position + 1 :])["days"]
    except NoticeError:
        return True
    return bool(days == parse_notice(text)["days"])


def _every_deletion(names: list[str]) -> list[tuple[str, int]]:
    return [
        (name, position)
        for name in names
        for line in _section_lines(notice_text(name))
        for position in range(line.start(), line.end())
    ]


def test_deleting_any_character_of_the_2026_notice_is_loud_or_harmless() -> None:
    for name, position in _every_deletion(["2026.txt"]):
        assert _deleting_is_loud_or_harmless(name, position), position


@pytest.mark.skipif(
    os.environ.get("GONGKAI_HYPOTHESIS_PROFILE") != "thorough", reason="thorough profile only"
)
def test_deleting_any_character_of_every_notice_is_loud_or_harmless() -> None:
    every = _every_deletion([f"{year}.txt" for year in YEARS])
    assert len(every) == 5348
    assert [d for d in every if not _deleting_is_loud_or_harmless(*d)] == []


@given(st.data())
def test_deleting_any_character_of_any_notice_is_loud_or_harmless(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from([f"{year}.txt" for year in YEARS]))
    line = data.draw(st.sampled_from(_section_lines(notice_text(name))))
    position = data.draw(st.integers(line.start(), line.end() - 1))
    assert _deleting_is_loud_or_harmless(name, position)


@pytest.mark.parametrize("year", range(2008, 2027))
def test_every_real_notice_gives_the_statutory_holidays_off(year: int) -> None:
    """The check that refuses a calendar file missing a statutory holiday (a 2027 file with
    元旦 alone) accepts every real notice, laid over the data as it stood before it."""
    bundled = bundled_overlay()
    before = Overlay(
        {d: i for d, i in bundled.days.items() if d.year < year},
        frozenset(range(2004, year)),
        (),
        f"chinese-calendar until {year - 1}",
    )
    after = WorkCalendar((before,)).with_overlay(parse_notice(notice_text(f"{year}.txt")))
    assert year in after.covered_years


def test_a_file_missing_statutory_holidays_is_refused() -> None:
    only_new_year = {
        "format": "gongkai-calendar/1",
        "covers": [2027],
        "days": [{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}],
    }
    with pytest.raises(CalendarDataError, match=r"2027-02-05（春节）.*2027-10-01（国庆节）"):
        WorkCalendar.default().with_overlay(only_new_year)
