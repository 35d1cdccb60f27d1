"""The demo office's content library (素材库): the texts and a picture its clerks reuse.

A standard forecast opening and closing line, flood and anti-fraud reminders, a lightning
tip, and a sunny-weather picture drawn here (no file is shipped). The picture is stored
through the image store like any other, so it is checked and cleaned the same way.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.library import LibraryRecord

if TYPE_CHECKING:
    from newmedia_desk.context import AppContext

PICTURE_NAME = "江城气象-晴天配图.png"

# (title, text, tags) — added in this order by the clerk, then the editor.
TEXTS: tuple[tuple[str, str, str], ...] = (
    (
        "天气预报标准开头",
        "#江城天气# 【天气预报】江城市气象台今天17时发布：今天夜里到明天，",
        "天气预报 开头 预报类",
    ),
    (
        "防汛安全提示",
        "【防汛安全提示】汛期来临，请广大市民注意：\n"
        "1. 暴雨期间尽量减少外出，远离河道、水库、山塘和低洼地带；\n"
        "2. 不要涉水通过积水路段、下穿通道，发现井盖缺失及时绕行；\n"
        "3. 关注气象部门发布的预警信息，服从当地防汛部门的统一安排。",
        "防汛 暴雨 安全提示",
    ),
    (
        "雷电防护小常识",
        "#气象科普# 【雷电防护】打雷时请关好门窗，不要在大树下、电线杆旁避雨，"
        "不要在空旷的田野、水边停留，尽量不使用固定电话和太阳能热水器。",
        "雷电 科普宣传 安全提示",
    ),
    (
        "反诈骗宣传",
        "【防骗提醒】近期有不法分子冒充气象部门工作人员，以“安装防雷设施”“气象灾害补贴”"
        "等名义索要费用或个人信息。气象部门不会通过电话、短信要求转账汇款，"
        "如遇可疑情况请拨打110或全国反诈专线96110。",
        "反诈 防骗 科普宣传",
    ),
    (
        "标准结尾与话题",
        "更多天气资讯请关注@江城气象 ，预警信息以气象部门发布为准。#江城天气# #气象服务#",
        "结尾 话题",
    ),
)


def sunny_picture() -> bytes:
    """A small PNG: blue sky, a sun and a cloud (drawn in memory, a few KB)."""
    from PIL import Image, ImageDraw

    width, height = 480, 270
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        share = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=(int(70 + 110 * share), int(140 + 80 * share), int(220 + 30 * share)),
        )
    draw.ellipse((330, 40, 420, 130), fill=(255, 210, 60))
    for box in ((90, 150, 210, 220), (150, 120, 260, 210), (220, 155, 320, 220)):
        draw.ellipse(box, fill=(250, 250, 252))
    draw.rectangle((0, 235, width, height), fill=(90, 160, 80))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def seed_demo_library(
    ctx: AppContext, clerk: Principal, editor: Principal | None = None
) -> list[LibraryRecord]:
    """Add the demo's library items through the service; return them.

    Args:
        ctx: The demo context.
        clerk: Adds the texts (needs permission to draft posts).
        editor: Adds the picture and the closing line (the clerk when not given).
    """
    other = editor if editor is not None else clerk
    added: list[LibraryRecord] = []
    for number, (title, text, tags) in enumerate(TEXTS):
        actor = other if number == len(TEXTS) - 1 else clerk
        added.append(ctx.library.add(actor, title, text, tags=tags))
    sha256 = ctx.images.add_bytes(other, sunny_picture(), PICTURE_NAME)
    added.append(ctx.library.add(other, "晴天配图", image_sha256=sha256, tags="配图 晴 天气预报"))
    return added
