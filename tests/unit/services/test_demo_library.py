"""The demo's content library: texts and one picture, added through the services."""

from __future__ import annotations

from newmedia_desk.context import AppContext
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.demo import seed_demo
from newmedia_desk.services.demo_library import PICTURE_NAME, TEXTS, seed_demo_library

PASSWORD = "Demo-Staff-Pw1"


def test_the_demo_office_has_a_library(ctx: AppContext) -> None:
    seed_demo(ctx, PASSWORD)
    clerk = ctx.auth.sign_in("clerk", PASSWORD)
    items = ctx.library.search(clerk)
    assert len(items) == len(TEXTS) + 1
    titles = {i.title for i in items}
    assert {"天气预报标准开头", "防汛安全提示", "反诈骗宣传", "标准结尾与话题"} <= titles
    opening = next(i for i in items if i.title == "天气预报标准开头")
    assert "【天气预报】" in opening.text and opening.created_by == "张晓"
    [picture] = [i for i in items if i.image_sha256 is not None]
    assert picture.text == "" and picture.created_by == "吴婷"
    info = ctx.images.info(picture.image_sha256 or "")
    assert (info.original_name, info.mime, info.width) == (PICTURE_NAME, "image/png", 480)
    assert ctx.images.path_of(info.sha256).is_file()
    assert "安全提示" in ctx.library.tags(clerk)
    assert [i.title for i in ctx.library.search(clerk, tag="反诈")] == ["反诈骗宣传"]


def test_seeding_alone_needs_only_someone_who_drafts(ctx: AppContext, admin: Principal) -> None:
    added = seed_demo_library(ctx, admin)
    assert [r.title for r in added][: len(TEXTS)] == [t[0] for t in TEXTS]
    assert all(r.created_by == "管理员" for r in added)
