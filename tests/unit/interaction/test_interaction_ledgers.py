"""The moderation and incident ledgers: written, reopened and read back, and from the CLI."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from newmedia_desk.cli import main
from newmedia_desk.context import AppContext, build_context
from newmedia_desk.domain.clock import FixedClock
from newmedia_desk.domain.incidents import IncidentDraft, IncidentLevel, IncidentStep
from newmedia_desk.domain.interaction import FeedbackDraft, Handling, ModerationAction
from newmedia_desk.exports.interaction_ledgers import (
    FEEDBACK_COLUMNS,
    INCIDENT_COLUMNS,
    MODERATION_COLUMNS,
    export_incident_ledger,
    export_moderation_ledger,
)
from newmedia_desk.security.passwords import PasswordHashing
from newmedia_desk.security.secrets import MemorySecretStore
from tests.unit.interaction.office import Office, at, message

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def header_index(columns: tuple[tuple[str, float], ...]) -> dict[str, int]:
    return {caption: i for i, (caption, _) in enumerate(columns)}


def fill(ctx: AppContext, o: Office, clock: FixedClock) -> None:
    """A late answered message, a formula-like deleted comment, feedback, two incidents."""
    late = ctx.interaction.record_moderation(o.clerk, message(o, occurred_at=at(2026, 3, 2, 8)))
    ctx.interaction.record_moderation(
        o.clerk,
        message(
            o,
            text='=HYPERLINK("http://x","点我")',
            needs_answer=False,
            occurred_at=at(2026, 3, 2, 8, 30),
            handling=Handling(ModerationAction.DELETED, reason="广告"),
        ),
    )
    ctx.interaction.hand_over(
        o.clerk,
        FeedbackDraft("施工噪音扰民", at(2026, 3, 2, 8), o.other_unit, date(2026, 3, 5), "李女士"),
    )
    major = ctx.interaction.open_incident(
        o.clerk,
        IncidentDraft("暴雨致城区内涝", IncidentLevel.MAJOR, o.service_unit, at(2026, 3, 2, 8)),
    )
    major = ctx.interaction.record_step(
        o.clerk, major.id, IncidentStep.CHIEF, at(2026, 3, 2, 8, 15), major.version
    )
    ctx.interaction.hold(o.chief, major.id, [o.weibo])
    ctx.interaction.open_incident(
        o.clerk,
        IncidentDraft("网传预报错误", IncidentLevel.GENERAL, o.service_unit, at(2026, 3, 2, 9)),
    )
    clock.advance(days=4)  # Friday 6 March 09:00
    ctx.interaction.handle_moderation(
        o.clerk, late.id, Handling(ModerationAction.REPLIED, reply="明天无雨。"), late.version
    )


def test_moderation_ledger_reads_back(
    ctx: AppContext, office: Office, fixed_clock: FixedClock, tmp_path: Path
) -> None:
    fill(ctx, office, fixed_clock)
    ledger = ctx.interaction.moderation_ledger(None, *MARCH)
    out = export_moderation_ledger(
        ledger.entries,
        ledger.feedback,
        start=MARCH[0],
        end=MARCH[1],
        out=tmp_path / "moderation.xlsx",
        audit_head="审计日志 #9",
        printed_at=ctx.clock.now(),
    )
    book = load_workbook(out)
    assert book.sheetnames == ["评论处置台账", "群众反馈台账"]
    ws = book["评论处置台账"]
    assert ws["A1"].value == "评论处置台账（2026-03-01 至 2026-03-31）"
    assert ws["A2"].value == "共 2 条　导出时间 2026-03-06 09:00　审计日志 #9"
    assert [c.value for c in ws[3]] == [caption for caption, _ in MODERATION_COLUMNS]
    col = header_index(MODERATION_COLUMNS)
    first, second = list(ws.iter_rows(min_row=4, values_only=True))
    assert first[col["时间"]] == datetime(2026, 3, 2, 8, 0)  # Beijing wall time
    assert first[col["账号"]] == "江城气象"
    assert first[col["类型"]] == "私信/留言"
    assert first[col["答复期限"]] == datetime(2026, 3, 5)
    assert first[col["处置"]] == "回复"
    assert first[col["回复内容"]] == "明天无雨。"
    assert first[col["逾期"]] == "是"
    assert ws.cell(row=4, column=col["逾期"] + 1).font.color.rgb.endswith("C00000")
    assert second[col["内容"]] == '=HYPERLINK("http://x","点我")'
    text_cell = ws.cell(row=5, column=col["内容"] + 1)
    assert text_cell.data_type == "s"  # text, never a formula
    assert (second[col["处置"]], second[col["理由"]], second[col["逾期"]]) == ("删除", "广告", "否")
    fb = book["群众反馈台账"]
    fcol = header_index(FEEDBACK_COLUMNS)
    [row] = list(fb.iter_rows(min_row=4, values_only=True))
    assert (row[fcol["转交部门"]], row[fcol["反映人"]], row[fcol["逾期"]]) == (
        "城南区气象局",
        "李女士",
        "是",
    )
    assert row[fcol["答复"]] is None


def test_incident_ledger_reads_back(
    ctx: AppContext, office: Office, fixed_clock: FixedClock, tmp_path: Path
) -> None:
    fill(ctx, office, fixed_clock)
    incidents = ctx.interaction.incident_ledger(None, *MARCH)
    out = export_incident_ledger(
        incidents, start=MARCH[0], end=MARCH[1], out=tmp_path / "incidents.xlsx"
    )
    ws = load_workbook(out)["突发事件台账"]
    assert [c.value for c in ws[3]] == [caption for caption, _ in INCIDENT_COLUMNS]
    col = header_index(INCIDENT_COLUMNS)
    major, general = list(ws.iter_rows(min_row=4, values_only=True))
    assert (major[col["事件"]], major[col["级别"]]) == ("暴雨致城区内涝", "重大")
    assert major[col["报告主要领导时限"]] == datetime(2026, 3, 2, 9, 0)
    assert major[col["报告主要领导完成"]] == datetime(2026, 3, 2, 8, 15)
    assert major[col["发布权威信息时限"]] == datetime(2026, 3, 2, 13, 0)
    assert major[col["发布权威信息完成"]] == "逾期未办"
    assert major[col["逾期环节"]] == "发布权威信息、回应/新闻发布会、妥善处置、结果报送上级"
    assert major[col["暂停发布账号"]] == "江城气象（微博）"
    assert general[col["发布权威信息时限"]] == "不适用"
    assert general[col["回应/新闻发布会时限"]] == datetime(2026, 3, 4, 9, 0)  # 48 h
    assert general[col["报告主要领导完成"]] == "逾期未办"
    red = ws.cell(row=4, column=col["发布权威信息完成"] + 1)
    assert red.font.color.rgb.endswith("C00000")


def test_empty_period_says_so(ctx: AppContext, office: Office, tmp_path: Path) -> None:
    out = export_incident_ledger([], start=MARCH[0], end=MARCH[1], out=tmp_path / "none.xlsx")
    ws = load_workbook(out).active
    assert ws is not None
    assert ws["A4"].value == "（本期无突发事件）"


@pytest.mark.sqlite_only
def test_export_commands(
    ctx: AppContext,
    office: Office,
    fixed_clock: FixedClock,
    db_url: str,
    memory_secrets: MemorySecretStore,
    fast_hashing: PasswordHashing,
    data_dir: Path,
    tmp_path: Path,
) -> None:
    fill(ctx, office, fixed_clock)

    def factory(_db: str | None) -> AppContext:
        return build_context(
            db_url, secrets=memory_secrets, hashing=fast_hashing, data_dir=data_dir
        )

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(list(argv), context_factory=factory, stdout=out, stderr=err)
        return code, out.getvalue(), err.getvalue()

    target = tmp_path / "m.xlsx"
    code, out, _ = run(
        "export", "moderation", "--from", "2026-03-01", "--to", "2026-03-31", "--out", str(target)
    )
    assert code == 0 and "2 entries and 1 feedback" in out
    assert load_workbook(target).sheetnames == ["评论处置台账", "群众反馈台账"]
    target = tmp_path / "i.xlsx"
    code, out, _ = run(
        "export", "incidents", "--from", "2026-03-02", "--to", "2026-03-02", "--out", str(target)
    )
    assert code == 0 and "2 incidents" in out
    code, _, err = run("export", "incidents", "--from", "2026-03-02", "--out", str(target))
    assert code == 2 and "--to" in err
    code, _, err = run(
        "export", "incidents", "--from", "2026-03-09", "--to", "2026-03-02", "--out", str(target)
    )
    assert code == 2
