"""Importing an Excel account ledger: all rows or none."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from newmedia_desk.context import AppContext
from newmedia_desk.domain.accounts import AccountStatus, EventKind, ImportRejectedError
from newmedia_desk.domain.errors import PermissionDeniedError
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import Principal
from tests.conftest import make_staff

pytestmark = pytest.mark.all_backends

HEADER: list[object] = ["平台", "账号名称", "账号ID", "所属单位", "管理人", "责任人", "更新要求"]


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def office(ctx: AppContext, admin: Principal) -> dict[str, Principal]:
    service = ctx.directory.create_unit(admin, "气象科技服务中心", admin.unit_id).id
    county = ctx.directory.create_unit(admin, "东山县气象局", admin.unit_id).id
    return {
        "admin": admin,
        "clerk": make_staff(ctx, admin, "clerk", {Role.CLERK}, service, name="张晓")[1],
        "head": make_staff(ctx, admin, "head", {Role.RESPONSIBLE}, service, name="钱芳")[1],
        "county": make_staff(ctx, admin, "dongshan", {Role.CLERK}, county, name="黄磊")[1],
    }


GOOD: list[list[object]] = [
    ["序号", *HEADER, "备注"],
    [1, "微博", "江城气象", "jcqx12121", "气象科技服务中心", "张晓", "钱芳", "每天07:30和17:00"],
    [2, "微信公众号", "江城气象", "jcqx_wx", "气象科技服务中心", "clerk", "head", "每天1次"],
    [None] * 9,
    [3, "微博", "东山气象", 123456789, "本单位/东山县气象局", "黄磊", "黄磊", "", "县局"],
]


def audit_seq(ctx: AppContext) -> int:
    head = ctx.audit.head()
    return 0 if head is None else head.seq


def test_good_file_is_imported_and_audited(
    ctx: AppContext, office: dict[str, Principal], tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "台账.xlsx", GOOD)
    before = audit_seq(ctx)
    records = ctx.accounts.import_ledger(office["admin"], path)
    assert [(r.platform_name, r.name, r.handle, r.unit_name) for r in records] == [
        ("微博", "江城气象", "jcqx12121", "气象科技服务中心"),
        ("微信公众号", "江城气象", "jcqx_wx", "气象科技服务中心"),
        ("微博", "东山气象", "123456789", "东山县气象局"),
    ]
    assert all(r.status is AccountStatus.OPEN for r in records)
    assert records[0].administrator_name == "张晓" and records[0].responsible_name == "钱芳"
    assert records[1].administrator_name == "张晓"  # matched by login
    assert records[0].cadence_text == "每天07:30和17:00"
    history = ctx.accounts.history(None, records[2].id)
    assert [e.kind for e in history] == [EventKind.IMPORTED]
    assert history[0].details == {"file": "台账.xlsx", "row": 5}
    assert audit_seq(ctx) == before + 3
    assert {e.action for e in ctx.audit.recent(3)} == {"account_imported"}
    assert ctx.accounts.filings(None) == []  # taken over: nothing to file


def assert_rejected(ctx: AppContext, actor: Principal, path: Path) -> list[tuple[int, str, str]]:
    before = audit_seq(ctx)
    with pytest.raises(ImportRejectedError) as info:
        ctx.accounts.import_ledger(actor, path)
    assert ctx.accounts.list_accounts(None) == []
    assert audit_seq(ctx) == before
    return [(e.row, e.column, e.message) for e in info.value.errors]


def test_bad_rows_are_all_listed_and_nothing_changes(
    ctx: AppContext, office: dict[str, Principal], tmp_path: Path
) -> None:
    rows: list[list[object]] = [
        HEADER,
        ["微博", "江城气象", "a1", "气象科技服务中心", "张晓", "钱芳", ""],  # fine
        ["脸书", "江城气象", "a2", "气象科技服务中心", "张晓", "钱芳", ""],  # platform
        ["微博", "某号", "a3", "不存在的科", "张晓", "钱芳", ""],  # unit
        ["微博", "某号2", "a4", "气象科技服务中心", "王五", "钱芳", ""],  # staff
        ["微博", "江城气象", "a5", "气象科技服务中心", "张晓", "钱芳", ""],  # duplicate name
        ["微博", "", "a6", "气象科技服务中心", "张晓", "钱芳", ""],  # empty name
        ["微博", "长" * 61, "a7", "气象科技服务中心", "张晓", "钱芳", ""],  # too long
        ["微博", "公式号", "=1+1", "气象科技服务中心", "张晓", "钱芳", ""],  # formula
        ["微博", "重号", "a1", "气象科技服务中心", "张晓", "钱芳", ""],  # duplicate ID
    ]
    errors = assert_rejected(ctx, office["admin"], write_xlsx(tmp_path / "bad.xlsx", rows))
    where = {(row, column) for row, column, _ in errors}
    assert where == {
        (3, "平台"),
        (4, "所属单位"),
        (5, "管理人"),
        (6, "账号名称"),
        (7, "账号名称"),
        (8, "账号名称"),
        (9, "账号ID"),
        (10, "账号ID"),
    }
    messages = dict(((r, c), m) for r, c, m in errors)
    assert "row 2" in messages[(6, "账号名称")]
    assert "formula" in messages[(9, "账号ID")]
    assert "too long" in messages[(8, "账号名称")]


def test_missing_header_columns(
    ctx: AppContext, office: dict[str, Principal], tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "h.xlsx", [["平台", "账号名称"], ["微博", "江城气象"]])
    errors = assert_rejected(ctx, office["admin"], path)
    assert {c for _, c, _ in errors} == {"账号ID", "所属单位", "管理人", "责任人", "更新要求"}
    assert {r for r, _, _ in errors} == {1}


def test_empty_sheet_and_header_only(
    ctx: AppContext, office: dict[str, Principal], tmp_path: Path
) -> None:
    assert assert_rejected(ctx, office["admin"], write_xlsx(tmp_path / "e.xlsx", []))
    errors = assert_rejected(ctx, office["admin"], write_xlsx(tmp_path / "o.xlsx", [HEADER]))
    assert "no data rows" in errors[0][2]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ledger.csv", b"a,b\n"),
        ("ledger.xlsx", b"PK\x03\x04 this is not really a zip"),
        ("empty.xlsx", b""),
    ],
)
def test_unreadable_files(
    ctx: AppContext, office: dict[str, Principal], tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    errors = assert_rejected(ctx, office["admin"], path)
    assert errors[0][0] == 0


def test_missing_file(ctx: AppContext, office: dict[str, Principal], tmp_path: Path) -> None:
    errors = assert_rejected(ctx, office["admin"], tmp_path / "nope.xlsx")
    assert "not found" in errors[0][2]


def test_dates_are_not_text(ctx: AppContext, office: dict[str, Principal], tmp_path: Path) -> None:
    from datetime import datetime

    rows: list[list[object]] = [
        HEADER,
        ["微博", "江城气象", "a1", "气象科技服务中心", "张晓", "钱芳", datetime(2026, 1, 1)],
    ]
    errors = assert_rejected(ctx, office["admin"], write_xlsx(tmp_path / "d.xlsx", rows))
    assert [(r, c) for r, c, _ in errors] == [(2, "更新要求")]


def test_a_clerk_imports_only_their_own_units(
    ctx: AppContext, office: dict[str, Principal], tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", GOOD)
    errors = assert_rejected(ctx, office["county"], path)
    assert {(r, c) for r, c, _ in errors} == {(2, "所属单位"), (3, "所属单位")}
    with pytest.raises(PermissionDeniedError):
        ctx.accounts.import_ledger(_nobody(office), path)
    records = ctx.accounts.import_ledger(office["clerk"], write_xlsx(tmp_path / "u.xlsx", GOOD[:3]))
    assert len(records) == 2


def _nobody(office: dict[str, Principal]) -> Principal:
    from dataclasses import replace

    return replace(office["clerk"], roles=frozenset())


def test_already_registered_accounts_are_duplicates(
    ctx: AppContext, office: dict[str, Principal], tmp_path: Path
) -> None:
    ctx.accounts.import_ledger(office["admin"], write_xlsx(tmp_path / "a.xlsx", GOOD[:2]))
    before = audit_seq(ctx)
    with pytest.raises(ImportRejectedError) as info:
        ctx.accounts.import_ledger(office["admin"], write_xlsx(tmp_path / "b.xlsx", GOOD))
    assert {(e.row, e.column) for e in info.value.errors} == {(2, "账号名称"), (2, "账号ID")}
    assert len(ctx.accounts.list_accounts(None)) == 1
    assert audit_seq(ctx) == before
