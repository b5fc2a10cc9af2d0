"""Duration.parse: the text forms of a legal period."""

import pytest

from gongkai import Duration
from gongkai.clocks import Unit
from gongkai.errors import DurationError


@pytest.mark.parametrize(
    ("text", "value", "unit", "zh"),
    [
        ("20个工作日", 20, Unit.WORKDAYS, "20个工作日"),
        ("20 workdays", 20, Unit.WORKDAYS, "20个工作日"),
        ("5小时", 5, Unit.HOURS, "5小时"),
        ("5h", 5, Unit.HOURS, "5小时"),
        ("48 hours", 48, Unit.HOURS, "48小时"),
        ("3日", 3, Unit.DAYS, "3日"),
        ("3天", 3, Unit.DAYS, "3日"),
        ("3 days", 3, Unit.DAYS, "3日"),
        ("7 个工作日", 7, Unit.WORKDAYS, "7个工作日"),
        ("二十个工作日", 20, Unit.WORKDAYS, "20个工作日"),
        ("十五个工作日", 15, Unit.WORKDAYS, "15个工作日"),
        ("四十八小时", 48, Unit.HOURS, "48小时"),
        ("两日", 2, Unit.DAYS, "2日"),
        ("1 working day", 1, Unit.WORKDAYS, "1个工作日"),
        ("  24 Hours ", 24, Unit.HOURS, "24小时"),
    ],
)
def test_parse(text: str, value: int, unit: Unit, zh: str) -> None:
    duration = Duration.parse(text)
    assert duration == Duration(value, unit)
    assert str(duration) == zh
    assert Duration.parse(str(duration)) == duration
    assert Duration.parse(duration.en) == duration


def test_constructors_and_english() -> None:
    assert Duration.workdays(20) == Duration.parse("20个工作日")
    assert Duration.days(3) == Duration.parse("3 days")
    assert Duration.hours(5) == Duration.parse("5h")
    assert Duration.workdays(20).en == "20 workdays"


@pytest.mark.parametrize(
    "text",
    ["", "   ", "abc", "-3日", "20 weeks", "3.5日", "个工作日", "二十", "20", "三 weeks", None, 20],
)
def test_bad_text(text: object) -> None:
    with pytest.raises(DurationError) as info:
        Duration.parse(text)  # type: ignore[arg-type]
    assert "无法识别期限" in info.value.zh
    assert "cannot read the duration" in info.value.en


@pytest.mark.parametrize("value", [-1, 1.5, True, "3"])
def test_bad_value(value: object) -> None:
    with pytest.raises(DurationError):
        Duration(value, Unit.DAYS)  # type: ignore[arg-type]
