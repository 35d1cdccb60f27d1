"""Every action and record kind the services write to the audit log has words in the table."""

from __future__ import annotations

import ast
from pathlib import Path

from newmedia_desk.domain.audit import AuditEntry
from newmedia_desk.ui.audit_model import ACTIONS, ENTITIES, AuditColumn, AuditTableModel

SERVICES = Path(__file__).resolve().parents[2] / "newmedia_desk" / "services"

DYNAMIC: dict[str, tuple[str, ...]] = {
    "account_{kind.value}": ("account_suspended", "account_resumed"),
    "credential_{purpose}": ("credential_reveal", "credential_copy"),
    "credential_{how}": ("credential_changed", "credential_shared"),
}
"""f-string actions and what they become (services/accounts.py ``_move``, credentials.py)."""


def _pattern(node: ast.JoinedStr) -> str:
    return "".join(
        str(part.value) if isinstance(part, ast.Constant) else "{" + ast.unparse(part.value) + "}"
        for part in node.values
        if isinstance(part, ast.Constant | ast.FormattedValue)
    )


def _written() -> tuple[set[str], set[str], set[str]]:
    """(actions, entities, unknown f-string actions) found in the services' source."""
    actions: set[str] = set()
    entities: set[str] = set()
    unknown: set[str] = set()

    def action(node: ast.expr | None) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            actions.add(node.value)
        elif isinstance(node, ast.JoinedStr):
            pattern = _pattern(node)
            if pattern in DYNAMIC:
                actions.update(DYNAMIC[pattern])
            else:
                unknown.add(pattern)

    for path in SERVICES.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "append"
                and len(node.args) >= 4
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr == "_audit"
            ):
                action(node.args[2])
                entity = node.args[3]
                if isinstance(entity, ast.Constant) and isinstance(entity.value, str):
                    entities.add(entity.value)
            elif isinstance(node, ast.Call) and ast.unparse(node.func).endswith("_Change"):
                for keyword in node.keywords:
                    if keyword.arg == "action":
                        action(keyword.value)
            elif (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "action" for t in node.targets)
            ) or (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and node.target.id == "action"
                and node.value is not None
            ):
                action(node.value)
    return actions, entities, unknown


def test_every_audited_action_and_record_kind_has_a_label() -> None:
    actions, entities, unknown = _written()
    assert not unknown, f"add the values of these f-string actions to DYNAMIC: {unknown}"
    assert {"post_signed", "delegation_created", "account_suspended"} <= actions
    assert sorted(actions - ACTIONS.keys()) == []
    assert sorted(entities - ENTITIES.keys()) == []


def test_labels_show_in_the_table() -> None:
    from datetime import UTC, datetime

    model = AuditTableModel()
    entry = AuditEntry(
        seq=1,
        at=datetime(2026, 3, 2, tzinfo=UTC),
        actor_id=3,
        actor="leader",
        action="post_signed",
        entity="post",
        entity_id="7",
        before="",
        after="{}",
        prev="",
        mac="",
    )
    model.set_entries([entry])
    assert model.index(0, AuditColumn.ACTION).data() == "Post approval step signed"
    assert model.index(0, AuditColumn.ENTITY).data() == "Post 7"
