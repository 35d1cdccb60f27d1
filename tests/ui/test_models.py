"""Every table and tree model passes Qt's model tester, with data in it."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from newmedia_desk.domain.audit import AuditEntry
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.staff import StaffRecord, UnitRecord
from newmedia_desk.ui.audit_model import AuditTableModel
from newmedia_desk.ui.record_table import RowRole, SortRole
from newmedia_desk.ui.staff_model import StaffColumn, StaffFilterProxy, StaffTableModel
from newmedia_desk.ui.unit_model import UnitTreeModel, unit_paths

from .conftest import Office, check_model

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def _staff(i: int, *, active: bool = True, unit_id: int = 2) -> StaffRecord:
    return StaffRecord(
        id=i,
        login=f"user{i}",
        name=f"员工{i}",
        position="科员",
        phone="0571-1234567",
        qq="123456",
        unit_id=unit_id,
        unit_name="办公室",
        roles=frozenset({Role.CLERK}) if i % 2 else frozenset({Role.ADMIN, Role.CHIEF}),
        active=active,
        left_at=None if active else NOW,
        version=1,
        locked_until=NOW if i == 2 else None,
    )


UNITS = [
    UnitRecord(1, "市气象局", None, 1),
    UnitRecord(2, "办公室", 1, 1),
    UnitRecord(3, "东山县气象局", 1, 1),
    UnitRecord(4, "综合科", 3, 1, active=False),
    UnitRecord(5, "另一棵树", None, 1),
]


def test_staff_model_passes_model_tester(qtmodeltester: ModelTester) -> None:
    model = StaffTableModel()
    model.set_records([_staff(i, active=i != 3) for i in range(1, 6)], unit_paths(UNITS))
    check_model(qtmodeltester, model)
    assert model.rowCount() == 5
    assert model.index(0, StaffColumn.UNIT).data() == "市气象局 / 办公室"
    assert model.index(2, StaffColumn.STATUS).data() == "Left"
    assert isinstance(model.index(0, 0).data(RowRole), StaffRecord)
    assert model.index(1, StaffColumn.LOCKED_UNTIL).data(SortRole) > 0


def test_staff_proxy_passes_model_tester_and_filters(qtmodeltester: ModelTester) -> None:
    model = StaffTableModel()
    model.set_records([_staff(i, active=i != 3) for i in range(1, 6)], unit_paths(UNITS))
    proxy = StaffFilterProxy()
    proxy.setSourceModel(model)
    check_model(qtmodeltester, proxy)
    assert proxy.rowCount() == 4  # the person who left is hidden
    proxy.set_show_left(True)
    assert proxy.rowCount() == 5
    proxy.set_filter_text("USER4")
    assert proxy.rowCount() == 1
    assert proxy.record_at(0) == model.record(3)
    proxy.set_filter_text("")
    proxy.sort(StaffColumn.LOGIN, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, StaffColumn.LOGIN).data() == "user5"


def test_unit_tree_passes_model_tester(qtmodeltester: ModelTester) -> None:
    model = UnitTreeModel()
    model.set_units(UNITS)
    check_model(qtmodeltester, model)
    assert model.rowCount() == 2
    root = model.index(0, 0)
    assert root.data() == "市气象局"
    assert model.rowCount(root) == 2
    county = model.index(1, 0, root)
    leaf = model.index(0, 0, county)
    assert leaf.data() == "综合科"
    assert model.parent(leaf) == county
    assert model.index(0, 2, county).data() == "市气象局 / 东山县气象局 / 综合科"
    assert [u.id for u in model.units()] == [1, 2, 3, 4, 5]
    assert model.index_of(4) == leaf
    assert model.parent(QModelIndex()) == QModelIndex()


def test_unit_tree_survives_a_parent_cycle(qtmodeltester: ModelTester) -> None:
    model = UnitTreeModel()
    model.set_units([UnitRecord(1, "甲", 2, 1), UnitRecord(2, "乙", 1, 1)])
    check_model(qtmodeltester, model)
    assert model.rowCount() >= 1


def test_audit_model_passes_model_tester(qtmodeltester: ModelTester) -> None:
    entries = [
        AuditEntry(i, NOW, 1, "admin", "staff_created", "staff", str(i), "", '{"a": 1}', "0", "f")
        for i in range(3, 0, -1)
    ]
    model = AuditTableModel()
    model.set_entries(entries)
    check_model(qtmodeltester, model)
    assert model.index(0, 0).data() == "3"
    assert model.index(0, 3).data() == "Staff added"


def test_models_with_real_office_data(qtmodeltester: ModelTester, office: Office) -> None:
    ctx = office.ctx
    units = ctx.directory.list_units(office.admin)
    staff = StaffTableModel()
    staff.set_records(ctx.directory.list_staff(office.admin), unit_paths(units))
    check_model(qtmodeltester, staff)
    tree = UnitTreeModel()
    tree.set_units(units)
    check_model(qtmodeltester, tree)
    audit = AuditTableModel()
    audit.set_entries(ctx.audit.recent(200))
    check_model(qtmodeltester, audit)
    assert audit.rowCount() > 5
