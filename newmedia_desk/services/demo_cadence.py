"""Cadence rules of the demo office: slots, deadlines, a flagged rule, a silent account.

The rules come from the accounts ledger's 更新要求 as the office would take them over
(江城气象 on Weibo: forecasts at 07:30 and 17:00, other posts 6–7 a week; the website's
"每周更新" does not say how often and stays flagged), plus a weekly minimum for the website
and the 气象科普 column, whose next week is delivered every Friday. The website's last post
is over a week old, so it shows yellow (silent).

The rules took effect ten days ago (``RULES_SINCE_DAYS``, their effective-from date), when
the demo's own history begins: the calendar shows the fixed times and deadlines from then
on — that day's forecasts kept, missed ones in the days since — and nothing is judged in
the years of history before (``demo --posts``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from newmedia_desk.domain.staff import Principal
from newmedia_desk.domain.working_days import office_date
from newmedia_desk.services.cadence import RuleRecord

if TYPE_CHECKING:
    from newmedia_desk.context import AppContext

WEBSITE_RULE = "每周至少1次"
COLUMN = "#气象科普#"
COLUMN_RULE = "每周五提交下一周整周(周一至周日)的发布内容(图片),每天至少一条内容"
RULES_SINCE_DAYS = 10
"""The demo rules took effect this many days before the demo's today."""


def seed_demo_cadence(ctx: AppContext, admin: Principal) -> list[RuleRecord]:
    """Add the demo's cadence rules (after the demo accounts and posts); return them."""
    since = office_date(ctx.clock.now()) - timedelta(days=RULES_SINCE_DAYS)
    created = ctx.cadence.rules_from_account_texts(admin, effective_from=since)
    website = next(
        (a for a in ctx.accounts.list_accounts(admin) if a.platform_name == "网站"), None
    )
    if website is not None:
        created.append(
            ctx.cadence.add_rule(admin, WEBSITE_RULE, account_id=website.id, effective_from=since)
        )
    created.append(ctx.cadence.add_rule(admin, COLUMN_RULE, column=COLUMN, effective_from=since))
    return created
