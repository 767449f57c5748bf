"""Does page furniture change a draft? Each document is wrapped in furniture of the shapes real pages
have (a forum thread, an e-paper page, an aggregator page, a broken HTML fragment), drafted with the same
reference and published date, and its rows compared with the plain document's row by row.

    python benchmarks/furniture_invariance.py [--documents DIR ...] [--ids 000 001 ...]

Every difference is a bug: a row whose evidence lies in the furniture (a counter or a furniture date
drafted as a figure), a row of the document lost, or a field of a row changed (a furniture date taken
as the reporting year, the subject place or a paragraph shifted). The furniture is written here, in the
shapes such pages have; no word of it is taken from a corpus document.
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks import invariance  # noqa: E402
from pipelines.annotate import reference as reference_module  # noqa: E402
from pipelines.annotate.extract import extract  # noqa: E402

# A drafted figure's fields compared between the bare and the wrapped document: evidence as written too.
FIELDS = (*invariance.FIELDS, "evidence")

FORUM_HEAD = [
    "首页 > 论坛 > 城市论坛 > 经济观察",
    "查看: 12345|回复: 67",
    "楼主 电梯直达",
    "老王在路上",
    "积分 1234 帖子 56 精华 0 在线时间 789 小时 注册时间 2015-3-12 最后登录 2021-7-25",
    "发表于 2021-7-24 10:32 | 只看该作者 | 倒序浏览 | 阅读模式",
    "本帖最后由 老王在路上 于 2021-7-25 09:10 编辑",
    "引用 小李飞刀 发表于 2021-7-23 20:15",
    "已有 1.2万 人阅读, 共 67 条回复",
]
FORUM_TAIL = [
    "签名: 生活不止眼前的苟且",
    "回复 举报",
    "沙发",
    "小李飞刀",
    "积分 88 帖子 12 精华 0",
    "发表于 2021-7-24 11:05 | 只看该作者",
    "引用 老王在路上 发表于 2021-7-24 10:32",
    "顶一下,写得不错",
    "回复 举报",
    "返回列表 上一主题 下一主题",
    "浏览 12345 次 回复 67 收藏 3",
    "本版积分规则 | 12 人收藏 | 查看 12345 次",
]
EPAPER_HEAD = [
    "2021年07月24日 星期六",
    "第03版:要闻",
    "版面导航 上一版 下一版 上一期 下一期",
    "PDF版 往期回顾",
]
EPAPER_TAIL = [
    "上一篇 下一篇",
    "打印本页 关闭窗口 分享到:",
    "扫一扫 用手机看新闻",
    "第03版 共8版",
    "本期共 16 版 | 本版 12 篇文章",
]
AGGREGATOR_HEAD = [
    "首页 新闻 财经 科技 汽车 房产 教育 更多",
    "当前位置: 首页 > 财经 > 正文",
    "来源: 某某日报 2021-07-24 08:15:32",
    "阅读 3.2万 评论 128 点赞 56",
    "2021-07-24 08:15 发布 | 3.2万人看过 | 128条评论",
]
AGGREGATOR_TAIL = [
    "(来源: 某某日报 作者: 张三 编辑: 李四)",
    "责任编辑: 王五",
    "分享到: 微信 微博 QQ空间",
    "【打印】 【关闭】 【纠错】",
    "扫描二维码 手机阅读",
    "浏览 12345 次",
    "相关阅读",
    "热门排行 24小时 7天",
    "版权所有 © 2003-2021 某某网 备案号 桂ICP备12345678号",
]


@dataclass(frozen=True)
class Wrapped:
    text: str
    shape: str
    origin: dict[int, int]  # position in the document -> position in the wrapped text


def _lines(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def _around(document: str, shape: str, head: list[str], tail: list[str]) -> Wrapped:
    before = _lines(head)
    text = before + document + "\n" + _lines(tail)
    return Wrapped(text, shape, {i: i + len(before) for i in range(len(document) + 1)})


# Lines a page puts between an article's paragraphs: a photo caption, a continuation note, a related link.
BETWEEN = [
    "图为园区一角。(记者 张三 摄)",
    "(下转第04版)",
    "相关阅读: 某某市召开工业大会 2019-07-20",
    "【广告】 扫码关注 了解更多",
]
# A long article a forum poster splits over posts: the next post's meta between two paragraphs.
NEXT_POST = [
    "回复 举报",
    "老王在路上",
    "积分 1234 帖子 56 精华 0",
    "2# 发表于 2019年5月3日 10:40 | 只看该作者",
    "本帖最后由 老王在路上 于 2019年5月4日 09:10 编辑",
]
TAIL_DATED = [
    "发布时间: 2019年07月24日 10:32 来源: 某某网",
    "【责任编辑: 李四】",
]
FORUM_DATED_HEAD = [
    "楼主 电梯直达",
    "老王在路上",
    "发表于 2019年5月3日 10:32 | 只看该作者",
    "引用 小李飞刀 发表于 2019年5月2日 20:15",
]


# Furniture that names a place: a city's forum board, a city paper as the source, a site's copyright line.
PLACED_HEAD = [
    "首页 > 论坛 > 南宁论坛 > 经济观察",
    "来源: 柳州日报 2021-07-24 08:15",
    "浏览 12345 次",
]
PLACED_TAIL = [
    "(来源: 桂林日报 编辑: 李四)",
    "桂林新闻网 版权所有 备案号 桂ICP备12345678号",
]


def _between(document: str, lines: list[str] = BETWEEN, shape: str = "between paragraphs") -> Wrapped:
    """Furniture lines after the second paragraph that ends a sentence (a line break after 。)."""
    ends = [i for i, ch in enumerate(document) if ch == "\n" and i and document[i - 1] == "。"]
    at = ends[1] + 1 if len(ends) > 1 else len(document)
    inserted = _lines(lines)
    if at == len(document):
        inserted = "\n" + inserted
    text = document[:at] + inserted + document[at:]
    origin = {i: i if i < at else i + len(inserted) for i in range(len(document) + 1)}
    return Wrapped(text, shape, origin)


def _html(document: str) -> Wrapped:
    """A broken HTML fragment: each line a <p class=…> with &nbsp; indentation and <br>, a tag cut by a
    line break, entities; the document's own characters unchanged (its & < > escaped as HTML would)."""
    out = ['<div class="article-content" style="font-size:16px;\nline-height:2em">\n']
    origin: dict[int, int] = {}
    at = sum(map(len, out))
    position = 0
    for number, line in enumerate(document.split("\n")):
        if number:
            out.append("\n")
            origin[position] = at
            at += 1
            position += 1
        opening = '<p class="txt"\nstyle="text-indent:2em">&nbsp;&nbsp;' if line.strip() else "<p>"
        out.append(opening)
        at += len(opening)
        for ch in line:
            origin[position] = at
            written = html.escape(ch, quote=False)
            out.append(written)
            at += len(written)
            position += 1
        closing = "<br></p>" if line.strip() else "&nbsp;</p>"
        out.append(closing)
        at += len(closing)
    origin[position] = at
    out.append('\n<p class="share"><a href="javascript:void(0)">分享</a>&nbsp;|&nbsp;<a>打印</a></p></div')
    return Wrapped("".join(out), "html", origin)


def _html_one_line(document: str) -> Wrapped:
    """A fragment with no line breaks of its own: each of the document's line breaks is </p><p>."""
    out, origin, at = ["<div><p>"], {}, len("<div><p>")
    for position, ch in enumerate(document):
        origin[position] = at
        written = "</p><p>" if ch == "\n" else html.escape(ch, quote=False)
        out.append(written)
        at += len(written)
    origin[len(document)] = at
    out.append("</p></div>")
    return Wrapped("".join(out), "html one line", origin)


def wrappings(document: str) -> list[Wrapped]:
    return [
        _around(document, "forum", FORUM_HEAD, FORUM_TAIL),
        _around(document, "e-paper", EPAPER_HEAD, EPAPER_TAIL),
        _around(document, "aggregator", AGGREGATOR_HEAD, AGGREGATOR_TAIL),
        _html(document),
        _around(document, "forum dated", FORUM_DATED_HEAD, []),
        _between(document),
        _around(document, "placed", PLACED_HEAD, PLACED_TAIL),
        _html_one_line(document),
        _between(document, NEXT_POST, "next post"),
        _around(document, "dated tail", [], TAIL_DATED),
    ]


def differences(document: str, published: str, reference) -> list[str]:
    """Each way the drafts of the document's wrappings differ from its own draft, as a line."""
    plain_rows = invariance.by_number(extract(document, published, reference))
    found: list[str] = []
    for wrapped in wrappings(document):
        back = {at: position for position, at in wrapped.origin.items()}
        drafted = invariance.by_number(extract(wrapped.text, published, reference), back)
        for a, b in invariance.paired(document, plain_rows, drafted, wrapped.shape, "furniture", found):
            changed = invariance.changed(a, b, FIELDS)
            if changed:
                found.append(f"{wrapped.shape}: «{a.evidence}»: " + "; ".join(changed))
    return found


documents = invariance.documents


def main() -> int:
    args = invariance.arguments(__doc__.splitlines()[0]).parse_args()
    reference = reference_module.load(REPO / "raw")
    total = 0
    for document_id, text, published in invariance.texts(args, REPO / "raw"):
        found = differences(text, published, reference)
        total += len(found)
        print(f"{document_id}: {len(found)} differences")
        for line in found:
            print("   ", line)
    print(f"total: {total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
