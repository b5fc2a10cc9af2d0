"""Real 公文 texts as published web pages and PDF conversions gave them, with their true fields.

Each text under ``corpus/`` is a stored copy of a public page (found with the
``search`` tool, corpus "pages"), kept as the page gave it: breadcrumbs,
metadata rows, blank lines, half-width punctuation, garbled PDF conversions.
The fields below were read off each text by eye, not from the reader. A field
the text does not show is ``None`` (no guessing from a website's dates or a
number's prefix). ``KNOWN_MISSES`` lists what the reader gets wrong on purpose
or by limitation, each with its reason; the corpus test fails if one of them
starts being read right (so the list shrinks) or if any other field is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"


@dataclass(frozen=True)
class Case:
    """One real text: where it comes from and the fields a careful clerk reads off it."""

    source: str
    doc_number: str | None
    title: str | None
    issuer: str | None
    issue_date: date | None
    disclosure_marking: str | None
    joint_issuers: list[str] = field(default_factory=list)

    def text(self, name: str) -> str:
        return (CORPUS / f"{name}.txt").read_text(encoding="utf-8")


CASES: dict[str, Case] = {
    # number in brackets at the end of the title line; joint signature
    "12_yueyang_title_number": Case(
        "https://pingjiang.gov.cn/35048/40718/40820/40821/content_1202379.html",
        "岳办发〔2017〕2号",
        "中共岳阳市委办公室岳阳市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知",
        "中共岳阳市委办公室",
        date(2017, 1, 10),
        None,
        joint_issuers=["中共岳阳市委办公室", "岳阳市人民政府办公室"],
    ),
    # (发至县人民政府) is a distribution note, not a disclosure marking; the page has no title
    "13_qinghai_distribution_note": Case(
        "http://cdm.qinghai.gov.cn/system/2017/09/06/010280201.shtml",
        "青政办〔2017〕31号",
        None,
        "青海省人民政府办公厅",
        date(2017, 3, 12),
        None,
    ),
    # 发布日期 of the web page is not the 成文日期
    "14_dongyang_web_date": Case(
        "http://www.dongyang.gov.cn/art/2023/3/21/art_1229692327_59603057.html",
        None,
        "东阳市人民政府办公室关于印发《东阳市促进残疾人就业行动实施方案(2023—2025年)》的通知",
        "东阳市人民政府办公室",
        date(2023, 3, 13),
        "(此件公开发布)",
    ),
    # the page title line starts with the number; the excerpt ends before the signature
    "15_shandong_page_title_number": Case(
        "https://0798ci.com/law/8240.html",
        "鲁政发〔2014〕20号",
        "山东省人民政府关于深化预算管理制度改革的实施意见",
        "山东省人民政府",
        None,
        None,
    ),
    "16_yiyang_unnumbered": Case(
        "http://www.yiyang.gov.cn/yyshjbhj/3454/3628/3651/content_149744.html",
        None,
        "益阳市人民政府办公室关于印发《益阳市重污染天气应急预案》的通知",
        "益阳市人民政府办公室",
        date(2014, 12, 25),
        None,
    ),
    # the page starts at the 主送 line: no title, no number
    "17_lufeng_no_title": Case(
        "https://ynlf.gov.cn/info/egovinfo/1007/overt_centent/11532331015179648Q-/2024-1121001.htm",
        None,
        None,
        "禄丰市人民政府",
        date(2024, 11, 20),
        "(此件公开发布)",
    ),
    # the title only in 《》 (page heading), the number three times
    "18_beijing_quoted_title": Case(
        "https://0798ci.com/policy/70942.html",
        "京政办发〔2016〕26号",
        "北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知",
        "北京市人民政府办公厅",
        date(2016, 5, 28),
        None,
    ),
    # number and title on one line; the page cut the title's 的通知
    "19_shanxi_number_title_one_line": Case(
        "https://0798ci.com/policy/20846.html",
        "晋政办发〔2017〕55号",
        "山西省人民政府办公厅关于印发山西省贯彻落实《促进中部地区崛起“十三五”规划》工作方案",
        "山西省人民政府办公厅",
        date(2017, 5, 15),
        None,
    ),
    # red header, title split over two lines with a blank line, „2009‟ in a citation
    "20_hunan_red_header": Case(
        "https://xiexiebang.com/a10/2019051410/d2bb0893c964bd97.html",
        "湘政办发〔2009〕24号",
        "湖南省人民政府办公厅关于加强普通高等学校毕业生就业工作的通知",
        "湖南省人民政府办公厅",
        None,
        None,
    ),
    # metadata 文号 empty, 发文日期 2019-01-23 but the signature says 2019年1月17日
    "21_taihu_metadata_date": Case(
        "http://zwgkw.thx.gov.cn/openness/detail/content/5c4829ad7f8b9a6f388be521.html",
        None,
        "太湖县人民政府关于印发《太湖县人民政府工作规则》的通知",
        "太湖县人民政府",
        date(2019, 1, 17),
        None,
    ),
    # date in 二OO六 with trailing spaces, no signature name
    "22_lincang_unsigned_date": Case(
        "http://law732.infoeach.com/view-NzMyfDk4Mjgz.html",
        None,
        "临沧市人民政府关于印发临沧市道路交通安全管理特别规定(试行)的通知",
        "临沧市人民政府",
        date(2006, 2, 20),
        None,
    ),
    # [ 发文字号 ] metadata; the PDF conversion lost 〕号 and 年月日 (signed "2023515")
    "23_qushui_bracket_labels": Case(
        "http://cqlp.gov.cn/qs/zwgk_29815/fdzdgknr_29817/yjya/202306/t20230603_12026259.html",
        "曲水府发〔2023〕21号",
        "重庆市梁平区曲水镇人民政府关于印发曲水镇自然灾害救助应急预案的通知",
        "重庆市梁平区曲水镇人民政府",
        date(2023, 5, 15),
        "(此件公开发布)",
    ),
    # "- 发文字号:" list metadata; 发布日期 is the web date
    "24_ali_list_metadata": Case(
        "https://dscjxm.com/www/info/1112/41099",
        "阿行发〔2021〕42号",
        "阿里地区行政公署关于印发《阿里地区行政公署工作规则》的通知",
        "阿里地区行政公署",
        date(2021, 11, 9),
        None,
    ),
    # (阿署办发〔2007〕22号) under the title, date in 二○○七 without a signature
    "25_alashan_number_in_parens": Case(
        "https://bdocx.com/doc/5043956.html",
        "阿署办发〔2007〕22号",
        "阿拉善盟行政公署办公室关于印发阿拉善盟行政公署办公室公文处理实施细则及文种式样的通知",
        "阿拉善盟行政公署办公室",
        date(2007, 6, 5),
        None,
    ),
    "26_ulanhot_split_title": Case(
        "https://fanpusoft.com/xingzheng/gw/88752.html",
        "乌政办发〔2013〕11号",
        "乌兰浩特市人民政府办公室关于印发《乌兰浩特市人民政府公文形式、适用范围、审批程序和"
        "公文处理有关规定》和《乌兰浩特市人民政府公文格式细则》的通知",
        "乌兰浩特市人民政府办公室",
        date(2013, 2, 27),
        None,
    ),
    # [] brackets, a dashed rule under the number
    "27_guizhou_square_brackets": Case(
        "https://xiexiebang.com/a3/2019051222/736fb3de2916973e.html",
        "黔国土资发[2006]83号",
        "关于推进矿产资源勘查规范探矿权延续登记有关问题的通知",
        "贵州省国土资源厅",
        None,
        None,
    ),
    # "( 吉府发〔2003〕37号 )" with spaces, the office's name two blank lines above the title
    "28_jian_spaced_parens": Case(
        "http://law406.infoeach.com/view-NDA2fDQ1NzI0.html",
        "吉府发〔2003〕37号",
        "关于印发吉安市市本级政务公开工作实施细则的通知",
        "江西省吉安市人民政府办公室",
        date(2003, 12, 4),
        None,
    ),
    # label and value on separate lines; 发文机构 is "县政府网站", 发文日期 is not 成文日期
    "29_zhenba_label_value_lines": Case(
        "http://zb.gov.cn/zbxzf/xzfwj/202404/49ca3d0c669f4c2ebf6f7fabf563549c.shtml",
        "镇政发〔2024〕7号",
        "镇巴县人民政府工作规则",
        None,
        None,
        None,
    ),
    # a government and a court on one line, in the title and in the signature
    "30_hegang_joint_court": Case(
        "https://www.hgds.gov.cn/hegang/hzf/202505/74521.shtml",
        "鹤政发〔2025〕4号",
        "鹤岗市人民政府鹤岗市中级人民法院印发关于完善“府院联动”机制的意见的通知",
        "鹤岗市人民政府",
        date(2025, 4, 30),
        None,
        joint_issuers=["鹤岗市人民政府", "鹤岗市中级人民法院"],
    ),
    # the page heading adds (2019修订) after the title
    "31_qingyuan_pkulaw": Case(
        "https://gd.pkulaw.com/gdnormativedoc/13327b4c3aa83630ddccf78d2c8690a6bdfb.html",
        None,
        "清远市人民政府关于印发《清远市人民政府工作规则》的通知",
        "清远市人民政府",
        date(2019, 11, 29),
        None,
    ),
    # PDF conversion lost 〕号 and 年月日: "牟政办发〔201746", "{ 2017 6 23"
    "32_mouding_garbled_pdf": Case(
        "http://www.mdx.gov.cn/info/egovinfo/1007/overt_centent/11532323015172622Y-/2018-1220012.htm",
        "牟政办发〔2017〕46号",
        "牟定县人民政府办公室关于印发牟定县突发环境事件应急预案(试行)的通知",
        "牟定县人民政府办公室",
        date(2017, 6, 23),
        "(此件公开发布)",
    ),
    # a law database's copy: title three times, no number, no date
    "33_yongzhou_title_only": Case(
        "http://law618.infoeach.com/view-NjE4fDk5ODI4.html",
        None,
        "永州市人民政府关于印发《永州市实施〈湖南省发展推广应用新型墙体材料管理规定〉办法》的通知",
        "永州市人民政府",
        None,
        None,
    ),
    # the number between the page's heading and the document's own title; 发布时间 in 年月日
    "34_alashankou_number_above_title": Case(
        "https://www.alsk.gov.cn/info/1045/2905.htm",
        "阿市政发〔2016〕83号",
        "关于印发《阿拉山口市人民政府工作规则》的通知",
        "阿拉山口市人民政府",
        date(2016, 10, 14),
        None,
    ),
}

#: (text, field) the reader does not get, and why. It must say so in a note, never guess.
KNOWN_MISSES: dict[tuple[str, str], str] = {
    ("23_qushui_bracket_labels", "issue_date"): (
        "the signed date lost 年月日 in conversion (2023515): digits alone are not read as a "
        "date, so the 成文日期 row (2023-06-03) is all the text gives"
    ),
    ("32_mouding_garbled_pdf", "doc_number"): "牟政办发〔201746 lost 〕 and 号: not a number",
    ("32_mouding_garbled_pdf", "issue_date"): "{ 2017 6 23 lost 年月日: not a date",
}
