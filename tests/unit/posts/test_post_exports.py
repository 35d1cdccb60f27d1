"""The 发布内容审批表 and the 发布台账: files reopened and their cells asserted."""

from __future__ import annotations

import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import Decision
from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.forms import audit_line
from newmedia_desk.domain.posts import PostKind, Tier
from newmedia_desk.domain.staff import Principal
from newmedia_desk.exports.ledger import COLUMNS, HEADER_ROW, export_ledger
from newmedia_desk.exports.post_forms import (
    CONTINUATION_FIELDS,
    MAX_PART_CHARS,
    POST_APPROVAL_TEMPLATE,
    POST_FORM_FIELDS,
    export_post_form,
    signoff_names,
    split_parts,
    wrap_lines,
)
from newmedia_desk.exports.xlsx import MAX_CELL_CHARS, defined_names, resolve_name
from newmedia_desk.paths import forms_dir
from newmedia_desk.services.posts import PostRecord
from tests.unit.posts.office import (
    Office,
    approved_by_deputy,
    content,
    make_office,
    sign,
    submitted,
)

PRINTED = datetime(2026, 3, 2, 2, 30, tzinfo=UTC)
"""10:30 in Beijing."""
HEAD = "审计日志 #42 0123456789abcdef"


@pytest.fixture
def office(ctx: AppContext, admin: Principal) -> Office:
    return make_office(ctx, admin)


def export(record: PostRecord, tmp_path: Path, name: str = "审批表.xlsx") -> Path:
    return export_post_form(record, audit_head=HEAD, out=tmp_path / name, printed_at=PRINTED)


def named(path: Path) -> dict[str, Any]:
    wb = load_workbook(path)
    values: dict[str, Any] = {}
    for name in defined_names(wb):
        ws, coordinate = resolve_name(wb, name)
        values[name] = ws[coordinate].value
    return values


def beijing(moment: datetime | None) -> datetime:
    assert moment is not None
    return moment.astimezone(UTC).replace(tzinfo=None) + timedelta(hours=8)


# -- the template ----------------------------------------------------------------------


def test_shipped_template_names_every_field_and_prints_on_a4() -> None:
    wb = load_workbook(forms_dir() / POST_APPROVAL_TEMPLATE)
    names = defined_names(wb)
    lines = {n for line in range(1, 5) for n in signoff_names(line)}
    assert names == {*POST_FORM_FIELDS, *CONTINUATION_FIELDS, *lines, "note"}
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == 9
        assert ws.page_setup.orientation == "portrait"
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert int(ws.page_setup.fitToWidth) == 1
        assert ws.print_area
    for name in names:
        ws, coordinate = resolve_name(wb, name)
        min_col, min_row, max_col, max_row = range_boundaries(
            str(ws.print_area).split("!")[-1].replace("$", "")
        )
        assert min_row <= ws[coordinate].row <= max_row, name
        assert min_col <= ws[coordinate].column <= max_col, name


# -- the approval form -------------------------------------------------------------------


def test_form_of_a_post_approved_by_a_deputy(
    ctx: AppContext, office: Office, tmp_path: Path
) -> None:
    post = approved_by_deputy(ctx, office, account_ids=(office.weibo, office.wechat))
    out = export(post, tmp_path)
    values = named(out)
    first, second = post.round_steps()
    assert values["unit"] == "气象科技服务中心"
    assert values["post_no"] == post.id
    assert values["accounts"] == "江城气象（微博）、江城气象服务（微信公众号）"
    assert (values["column"], values["category"]) == ("#天气预报#", "预报类")
    assert (values["tier"], values["kind"]) == ("重要", "原创")
    assert values["title"] == "明日天气"
    assert values["body"] == post.content.body
    assert values["body_note"] is None
    assert values["planned_at"] == beijing(post.planned_at)
    assert (values["drafter"], values["revision"]) == ("张晓", "第1稿")
    assert values["route"] == "责任人审核 → 分管领导审批（第1轮，审批第1稿）。状态：已批准"
    assert values["so1_step"] == "责任人审核"
    assert (values["so1_signer"], values["so1_decision"]) == ("钱芳", "同意")
    assert values["so1_opinion"] == "同意发布"
    assert values["so1_time"] == beijing(first.signed_at)
    assert values["so2_step"] == "分管领导审批"
    assert values["so2_signer"] == "赵敏 代 刘志强"
    assert values["so2_time"] == beijing(second.signed_at)
    assert values["so3_step"] is None and values["so4_signer"] is None
    assert values["earlier"] == "无"
    assert (values["filing_required"], values["filed_at"]) == ("否", None)
    assert values["content_sha256"] == post.current.content_sha256
    assert values["audit_head"] == HEAD
    assert values["printed_at"] == datetime(2026, 3, 2, 10, 30)
    wb = load_workbook(out)
    assert wb.sheetnames == ["发布内容审批表"]  # nothing continues: no second sheet
    ws = wb.worksheets[0]
    _, step3 = resolve_name(wb, "so3_step")
    assert ws.row_dimensions[ws[step3].row].hidden
    _, step2 = resolve_name(wb, "so2_step")
    assert not ws.row_dimensions[ws[step2].row].hidden


def test_title_starting_with_equals_stays_text(
    ctx: AppContext, office: Office, tmp_path: Path
) -> None:
    title = '=HYPERLINK("http://example.com","点此领奖")'
    post = ctx.posts.create(office.clerk, content(office, title=title))
    out = export(post, tmp_path)
    wb = load_workbook(out)
    ws, coordinate = resolve_name(wb, "title")
    assert ws[coordinate].value == title
    assert ws[coordinate].data_type == "s"
    with zipfile.ZipFile(out) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert all(b"<f>" not in z.read(n) for n in sheets)


def test_a_body_over_the_cell_limit_continues_whole_and_in_order(
    ctx: AppContext, office: Office, tmp_path: Path
) -> None:
    paragraph = "今天白天多云转阴，傍晚前后有小雨，气温十二到十八度，东南风三到四级。" * 3
    paragraphs = [f"第{i}段：{paragraph}" for i in range(1, 300)]
    paragraphs.insert(150, "长" * 5000)  # one paragraph far longer than a part
    body = "\n".join(paragraphs)
    assert len(body) > MAX_CELL_CHARS
    post = ctx.posts.create(office.clerk, content(office, body=body, category="科普宣传类"))
    assert post.content.body == body
    out = export(post, tmp_path)
    wb = load_workbook(out)
    assert wb.sheetnames == ["发布内容审批表", "正文续页"]
    form, more = wb.worksheets
    ws, coordinate = resolve_name(wb, "body")
    parts = [str(ws[coordinate].value)]
    marks = []
    row = 3
    while more.cell(row=row, column=2).value is not None:
        marks.append(more.cell(row=row, column=1).value)
        parts.append(str(more.cell(row=row, column=2).value))
        assert more.row_dimensions[row].height <= 409
        row += 1
    assert "".join(parts) == body
    assert all(len(p) <= MAX_PART_CHARS for p in parts)
    assert marks == [f"续{k}" for k in range(1, len(parts))]
    # Parts end at paragraphs, except inside the one paragraph longer than a part.
    assert all(p.endswith("\n") or set(p) == {"长"} for p in parts[:-1])
    note = named(out)["body_note"]
    n = len(parts)
    assert note == f"正文共分 {n} 部分：此处为第 1 部分，其余见“正文续页”续1至续{n - 1}。"
    assert str(more["A2"].value).startswith(f"稿件编号 {post.id}")
    assert more.row_breaks.brk, "the parts are spread over pages with breaks"
    _, _, _, last = range_boundaries(str(more.print_area).split("!")[-1].replace("$", ""))
    assert last == row - 1
    assert more.print_title_rows
    assert int(form.page_setup.fitToWidth) == 1


def test_split_parts_prefers_paragraph_then_sentence_ends() -> None:
    # 6 CJK characters a line: each paragraph takes two lines.
    paragraph = "一二三四五。六七八九十。\n"
    text = paragraph * 3 + "甲乙丙丁戊己庚辛壬癸" * 2 + "子丑寅卯。" + "甲乙丙丁戊己庚辛壬癸" * 2
    parts = split_parts(text, units=12, first_lines=4, more_lines=5)
    assert "".join(parts) == text
    assert parts[:2] == [paragraph * 2, paragraph]  # the long paragraph starts a part
    assert parts[2] == "甲乙丙丁戊己庚辛壬癸" * 2 + "子丑寅卯。"  # then a sentence end
    assert "".join(wrap_lines(text, 12)) == text
    assert split_parts("", units=10, first_lines=2, more_lines=2) == [""]
    long_line = "x" * 5000
    pieces = split_parts(long_line, units=80, first_lines=100, more_lines=100, max_chars=1000)
    assert "".join(pieces) == long_line and max(map(len, pieces)) <= 1000


def test_earlier_round_is_listed_and_the_new_round_fills_the_table(
    ctx: AppContext, office: Office, tmp_path: Path
) -> None:
    post = submitted(ctx, office)
    post = sign(ctx, office.head, post, Decision.RETURN, "气温数据请核实")
    post = ctx.posts.submit(office.clerk, post.id, expected_version=post.version)
    post = sign(ctx, office.head, post, opinion="已核实，同意")
    values = named(export(post, tmp_path))
    returned = next(s for s in post.signoffs if s.round == 1)
    when = beijing(returned.signed_at).strftime("%Y-%m-%d %H:%M")
    assert values["earlier"] == f"第1轮（第1稿）责任人审核 钱芳 退回 {when}：气温数据请核实"
    assert values["route"] == "责任人审核（第2轮，审批第1稿）。状态：已批准"
    assert (values["so1_decision"], values["so1_opinion"]) == ("同意", "已核实，同意")


def test_many_earlier_rounds_keep_the_newest_that_fit(
    ctx: AppContext, office: Office, tmp_path: Path
) -> None:
    post = submitted(ctx, office)
    for n in range(1, 31):
        post = sign(ctx, office.head, post, Decision.RETURN, f"第{n}次退回：请再核对一遍气温数据。")
        post = ctx.posts.submit(office.clerk, post.id, expected_version=post.version)
    out = export(post, tmp_path)
    earlier = str(named(out)["earlier"])
    lines = earlier.split("\n")
    assert lines[0].startswith("（另有更早的 ")
    assert lines[-1].endswith("第30次退回：请再核对一遍气温数据。")
    wb = load_workbook(out)
    ws, coordinate = resolve_name(wb, "earlier")
    assert ws.row_dimensions[ws[coordinate].row].height <= 409


def test_a_draft_shows_the_route_it_will_take(
    ctx: AppContext, office: Office, tmp_path: Path
) -> None:
    post = ctx.posts.create(office.clerk, content(office, tier=Tier.SENSITIVE, body="天气晴。"))
    values = named(export(post, tmp_path))
    assert values["route"] == (
        "第1稿尚未提交审批；应经：责任人审核 → 分管领导审批 → 主要领导审批。状态：草稿"
    )
    assert [values[f"so{n}_step"] for n in (1, 2, 3, 4)] == [
        "责任人审核",
        "分管领导审批",
        "主要领导审批",
        None,
    ]
    assert values["so1_signer"] is None
    assert values["filing_required"] == "否"  # decided when the route starts


def test_a_sensitive_post_shows_filing_and_an_activity_its_form(
    ctx: AppContext, office: Office, tmp_path: Path
) -> None:
    from newmedia_desk.domain.posts import ActivityType

    post = submitted(
        ctx,
        office,
        tier=Tier.SENSITIVE,
        kind=PostKind.ACTIVITY,
        activity_type=ActivityType.VOTE,
        category="互动类",
        body="请投票选出您最喜爱的气象科普作品。",
    )
    for who in (office.head, office.sup, office.chief):
        post = sign(ctx, who, post)
    values = named(export(post, tmp_path))
    assert values["kind"] == "互动活动（投票）"
    assert (values["filing_required"], values["filed_at"]) == ("是（敏感信息，须备案）", "尚未备案")
    filed = ctx.posts.mark_filed(office.clerk, post.id, expected_version=post.version)
    values = named(export(filed, tmp_path, "filed.xlsx"))
    assert values["filed_at"] == beijing(filed.filed_at)


def test_a_direct_repost_and_a_recalled_round(
    ctx: AppContext, office: Office, tmp_path: Path
) -> None:
    repost = ctx.posts.create(
        office.clerk, content(office, kind=PostKind.REPOST, category="转发", source="中国气象局")
    )
    repost = ctx.posts.submit(office.clerk, repost.id, expected_version=repost.version, direct=True)
    values = named(export(repost, tmp_path))
    assert str(values["route"]).startswith("直接发布：")
    assert values["kind"] == "转发" and values["source"] == "中国气象局"
    assert values["so1_step"] is None
    post = sign(ctx, office.head, submitted(ctx, office, tier=Tier.IMPORTANT))
    post = ctx.posts.recall(office.clerk, post.id, expected_version=post.version)
    values = named(export(post, tmp_path, "recalled.xlsx"))
    assert str(values["route"]).startswith("第1稿的审批已终止；应经：责任人审核 → 分管领导审批")
    assert values["so1_signer"] is None and values["so1_step"] == "责任人审核"
    assert str(values["earlier"]).startswith("第1轮（第1稿）责任人审核 钱芳 同意")


def test_a_long_opinion_continues_on_the_second_sheet(
    ctx: AppContext, office: Office, tmp_path: Path
) -> None:
    opinion = "请补充数据来源并核对站点名称。" * 130
    post = submitted(ctx, office)
    post = sign(ctx, office.head, post, Decision.RETURN, opinion)
    out = export(post, tmp_path)
    values = named(out)
    assert str(values["so1_opinion"]).endswith("……（全文见“正文续页”意见1）")
    assert values["so1_decision"] == "退回"
    more = load_workbook(out)["正文续页"]
    texts, marks = [], []
    row = 3
    while more.cell(row=row, column=2).value is not None:
        marks.append(more.cell(row=row, column=1).value)
        texts.append(more.cell(row=row, column=2).value)
        row += 1
    assert "".join(texts) == opinion
    assert marks[0] == "意见1"


def test_form_export_through_the_service_audit_head(
    ctx: AppContext, office: Office, tmp_path: Path
) -> None:
    post = submitted(ctx, office)
    head = audit_line(ctx.audit.head())
    out = export_post_form(ctx.posts.get(None, post.id), audit_head=head, out=tmp_path / "a.xlsx")
    assert named(out)["audit_head"] == head and head.startswith("审计日志 #")


# -- the ledger --------------------------------------------------------------------------


def publish(
    ctx: AppContext, o: Office, post: PostRecord, account: int, text: str | None = None
) -> PostRecord:
    return ctx.posts.record_publication(
        o.clerk,
        post.id,
        account,
        published_at=ctx.clock.now(),
        link=f"https://weibo.com/1/{post.id}",
        platform_post_id=f"P{post.id}",
        published_text=text,
        expected_version=post.version,
    )


def test_ledger_rows_of_a_period(ctx: AppContext, office: Office) -> None:
    deputy = approved_by_deputy(ctx, office)
    deputy = publish(ctx, office, deputy, office.weibo, text="改过的正文")
    plain = sign(ctx, office.head, submitted(ctx, office, title="=1+1"))
    plain = publish(ctx, office, plain, office.weibo, text=plain.content.body)
    [pub] = plain.publications
    ctx.posts.remove_publication(
        office.clerk, pub.id, kind="withdrawn", reason="数据有误", expected_version=pub.version
    )
    today = date(2026, 3, 2)
    rows = ctx.post_reports.ledger_rows(office.clerk, today, today)
    assert [r.post_id for r in rows] == [deputy.id, plain.id]
    first, second = rows
    assert first.approvers == "责任人审核：钱芳；分管领导审批：赵敏 代 刘志强"
    assert (first.tier, first.matches, first.removal) == ("重要", "否（不一致）", "")
    assert (first.account, first.platform) == ("江城气象", "微博")
    assert (first.link, first.platform_post_id) == (
        f"https://weibo.com/1/{deputy.id}",
        f"P{deputy.id}",
    )
    assert second.approvers == "责任人审核：钱芳" and second.matches == "是"
    assert second.removal == "撤回 2026-03-02 09:00" and second.removal_reason == "数据有误"
    assert not first.imported
    assert ctx.post_reports.ledger_rows(None, date(2026, 3, 3), date(2026, 3, 31)) == []
    assert ctx.post_reports.ledger_rows(None, date(2026, 3, 1), date(2026, 3, 2)) == rows
    with pytest.raises(ValidationError):
        ctx.post_reports.ledger_rows(None, today, date(2026, 3, 1))


def test_ledger_marks_a_direct_post(ctx: AppContext, office: Office) -> None:
    repost = ctx.posts.create(
        office.clerk, content(office, kind=PostKind.REPOST, category="转发", source="中国气象局")
    )
    repost = ctx.posts.submit(office.clerk, repost.id, expected_version=repost.version, direct=True)
    publish(ctx, office, repost, office.weibo)
    [row] = ctx.post_reports.ledger_rows(None, date(2026, 3, 2), date(2026, 3, 2))
    assert (row.approvers, row.tier) == ("无需审批（直接发布）", "一般")


def test_ledger_file_reopened(ctx: AppContext, office: Office, tmp_path: Path) -> None:
    deputy = publish(ctx, office, approved_by_deputy(ctx, office), office.weibo)
    plain = sign(ctx, office.head, submitted(ctx, office, title="=1+1"))
    publish(ctx, office, plain, office.weibo)
    today = date(2026, 3, 2)
    rows = ctx.post_reports.ledger_rows(None, today, today)
    out = export_ledger(
        rows,
        start=today,
        end=today,
        out=tmp_path / "台账.xlsx",
        audit_head=HEAD,
        printed_at=PRINTED,
    )
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    assert ws.title == "发布台账"
    assert ws["A1"].value == "发布台账（2026-03-02 至 2026-03-02）"
    assert ws["A2"].value == f"共 2 条　导出时间 2026-03-02 10:30　{HEAD}"
    header = [c.value for c in ws[HEADER_ROW]]
    assert header == [c for c, _ in COLUMNS]
    data = [[c.value for c in row] for row in ws.iter_rows(min_row=HEADER_ROW + 1)]
    assert len(data) == 2
    by_name = [dict(zip(header, row, strict=True)) for row in data]
    assert by_name[0]["发布时间"] == datetime(2026, 3, 2, 9, 0)
    assert by_name[0]["审批人（逐级，含代签）"] == "责任人审核：钱芳；分管领导审批：赵敏 代 刘志强"
    assert by_name[0]["与审批稿一致"] == "未核对"
    assert by_name[0]["导入"] == "否" and by_name[0]["稿件编号"] == deputy.id
    assert by_name[1]["标题"] == "=1+1"
    assert ws.cell(row=HEADER_ROW + 2, column=5).data_type == "s"
    assert ws.freeze_panes == f"B{HEADER_ROW + 1}"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.fitToWidth) == 1
    assert ws.print_title_rows


def test_empty_ledger_says_so(ctx: AppContext, admin: Principal, tmp_path: Path) -> None:
    day = date(2026, 1, 1)
    out = export_ledger(
        ctx.post_reports.ledger_rows(admin, day, day), start=day, end=day, out=tmp_path / "x.xlsx"
    )
    ws = load_workbook(out).worksheets[0]
    assert ws.cell(row=HEADER_ROW + 1, column=1).value == "（本期无发布记录）"
    assert str(ws["A2"].value).startswith("共 0 条")
