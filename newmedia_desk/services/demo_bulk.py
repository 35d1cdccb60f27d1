"""Many synthetic posts for the demo office (``newmedia-desk demo --posts N``), for scale.

The posts are years of a city weather bureau's output on its Weibo, WeChat and website:
forecasts at 07:30 and 17:00, warnings, popular science, key services, work news,
activities and reposts, in varied Chinese assembled from phrase lists with a fixed seed
(the same N gives the same posts). Each has its revisions, targets, signed sign-offs along
its route (the demo leaders' personal keys, opened once with the demo password), the
publications of published posts and its row in the trigram index — what the post service
would have written, but inserted in bulk with Core ``executemany`` in one transaction
(perf-baselines.md §3: the ORM unit of work is about ten times slower). One audit entry
records the generation; the individual synthetic posts have no audit history, and their
revisions record no checker findings (the checker is not run on them).
"""

from __future__ import annotations

import base64
import gc
import itertools
import json
import multiprocessing
import os
import random
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from newmedia_desk.domain.accounts import Decision
from newmedia_desk.domain.errors import ValidationError
from newmedia_desk.domain.posts import (
    GENERAL_KNOWLEDGE_CATEGORIES,
    ActivityType,
    PostContent,
    PostKind,
    PostStatus,
    Tier,
    route_for,
    signoff_payload,
)
from newmedia_desk.domain.working_days import OFFICE_TZ
from newmedia_desk.services.audit import Actor
from newmedia_desk.storage.models import Account, Platform, Staff
from newmedia_desk.storage.post_models import (
    Post,
)
from newmedia_desk.storage.post_search import has_index

if TYPE_CHECKING:
    from newmedia_desk.context import AppContext

SEED = 20261123
CHUNK = 5000
"""Posts built and inserted at a time (keeps memory flat for any N)."""
MAX_POSTS = 2_000_000

_ACTOR = Actor(None, "demo")

# -- phrases -------------------------------------------------------------------------------

_PLACES = (
    "城区",
    "东山县",
    "西河县",
    "南湖县",
    "高新区",
    "江北新区",
    "桃源镇",
    "石门乡",
    "青石镇",
    "白沙镇",
    "龙泉乡",
    "柳溪镇",
    "凤凰山景区",
    "湖滨街道",
    "梅岭乡",
    "长岗镇",
    "云台山",
    "双溪镇",
    "黄土岭",
    "金鸡湖",
)
_SKY = (
    "晴",
    "多云",
    "晴转多云",
    "多云转阴",
    "阴",
    "阴有小雨",
    "小雨",
    "中雨",
    "阵雨",
    "雷阵雨",
    "小到中雨",
    "中到大雨",
    "多云间晴",
    "阴转小雨",
    "雨夹雪",
    "小雪",
    "多云有雾",
)
_WIND = (
    "偏北风2～3级",
    "东北风3～4级",
    "偏南风2级",
    "东南风3级，阵风5级",
    "西北风4～5级",
    "风力不大",
    "偏东风2～3级",
)
_LOCAL = ("有短时阵雨", "早晨有雾", "气温略低", "风力较大", "云量较多", "有零星小雨")
_TIPS = (
    "早晚温差较大，请适时增减衣物。",
    "出行请携带雨具，注意交通安全。",
    "空气较干燥，注意补水保湿。",
    "有雾路段能见度较低，驾车请减速慢行。",
    "紫外线较强，外出注意防晒。",
    "雨天路滑，老人和小朋友出行要当心。",
    "天气适宜户外活动，可以出门走走。",
    "夜间气温较低，注意防寒保暖。",
    "森林火险等级较高，进山请勿携带火种。",
    "农户可抓住晴好天气晾晒、收割。",
    "请关注最新预报预警信息。",
)
_SUMMER = frozenset({4, 5, 6, 7, 8, 9})
_WINTER = frozenset({11, 12, 1, 2, 3})
_ALL_YEAR = frozenset(range(1, 13))

_HAZARDS: tuple[tuple[str, str, str, frozenset[int]], ...] = (
    ("暴雨", "蓝色", "累计雨量将达50毫米以上，局地伴有短时强降水和雷电", _SUMMER),
    ("暴雨", "黄色", "累计雨量将达100毫米以上，城乡低洼地带易出现渍涝", _SUMMER),
    ("大风", "蓝色", "平均风力可达6级以上，阵风8级", _ALL_YEAR),
    ("寒潮", "蓝色", "最低气温将下降8℃以上，并伴有5级左右偏北风", _WINTER),
    ("高温", "黄色", "最高气温将升至35℃以上", frozenset({6, 7, 8, 9})),
    ("高温", "橙色", "最高气温将升至37℃以上", frozenset({7, 8})),
    ("雷电", "黄色", "可能发生雷电活动，并伴有短时强降水、局地冰雹", _SUMMER),
    ("大雾", "黄色", "将出现能见度小于500米的雾", _WINTER | {10}),
    ("道路结冰", "黄色", "将出现对交通有影响的道路结冰", frozenset({12, 1, 2})),
    ("冰雹", "橙色", "可能出现冰雹天气，并伴有强雷电", frozenset({3, 4, 5, 6, 7})),
    ("霜冻", "蓝色", "地面最低温度将降到0℃以下，对农业将产生影响", _WINTER),
)
_GUIDES = (
    "请有关单位和人员做好防范准备。",
    "请减少户外活动，远离河道、山塘和危旧建筑。",
    "驾驶人员应注意路况，低速行驶，保持车距。",
    "请加固围板、棚架等易被风吹动的搭建物。",
    "切勿在树下、电杆下避雨，注意防范雷击。",
    "中小学校可根据实际情况调整上下学时间。",
    "农业、林业等部门做好相应防御工作。",
)
_SCIENCE = (
    (
        "二十四节气",
        "二十四节气是我国古代订立的一种用来指导农事的补充历法，"
        "2016年被列入联合国教科文组织人类非物质文化遗产代表作名录。",
    ),
    ("霜降", "霜降是秋季的最后一个节气，此时天气渐冷、开始降霜，昼夜温差进一步加大。"),
    ("雷电防护", "雷雨天气时请关好门窗，不要使用太阳能热水器淋浴，尽量不要拨打、接听固定电话。"),
    ("台风", "台风是发生在热带海洋上的强烈气旋，中心附近最大风力达12级或以上。"),
    ("积雨云", "积雨云云体浓厚庞大，常产生雷暴、阵雨、冰雹等天气，是强对流天气的“制造者”。"),
    ("雾和霾", "雾是大量微小水滴浮游空中，霾是大量极细微的干尘粒等均匀地浮游在空中。"),
    ("人工增雨", "人工增雨是在有利的天气条件下，向云中播撒催化剂，使云滴或冰晶增大而降落。"),
    ("梅雨", "每年初夏，长江中下游地区常出现持续阴雨天气，因正值梅子黄熟，故称梅雨。"),
    ("寒潮", "寒潮是冬半年来自极地或寒带的寒冷空气大规模向中、低纬度侵袭的天气过程。"),
    ("彩虹", "彩虹是阳光照射到空中接近圆形的小水滴，发生色散和反射形成的。"),
    ("天气预报", "天气预报的制作要经过观测、资料收集、分析会商和产品发布等多个环节。"),
    ("冰雹", "冰雹多出现在春夏之交，是强对流天气的产物，常伴有大风和雷电。"),
    ("气象观测", "地面气象观测包括气温、湿度、气压、风向风速、降水、能见度等要素。"),
)
_SERVICES: tuple[tuple[str, str, frozenset[int]], ...] = (
    (
        "春运气象服务",
        "春运期间，市气象局加密发布主要交通干线天气预报，为旅客出行提供参考。",
        frozenset({1, 2}),
    ),
    (
        "高考气象服务",
        "高考期间，市气象台将为各考点提供逐日天气预报和临近预警服务。",
        frozenset({6}),
    ),
    (
        "春播气象服务",
        "当前正值春播春种关键期，请农户关注天气变化，抢晴播种，做好秧苗防寒。",
        frozenset({3, 4}),
    ),
    (
        "森林防火",
        "近期持续晴好少雨，森林火险气象等级较高，请严格管控野外用火。",
        frozenset({10, 11, 12, 1, 2, 3}),
    ),
    (
        "汛期气象服务",
        "入汛以来，市气象局加强监测预警，及时向防汛部门报送雨情和预报信息。",
        _SUMMER,
    ),
    (
        "防雷安全检查",
        "气象科技服务中心对全市加油站、学校等重点单位开展防雷装置安全检测。",
        _ALL_YEAR,
    ),
    (
        "秋收气象服务",
        "秋收时节，请农户抓住晴好天气及时收割晾晒，防止粮食霉变。",
        frozenset({9, 10}),
    ),
    (
        "旅游气象服务",
        "节假日期间，凤凰山景区、云台山等地天气总体晴好，适宜出游。",
        frozenset({1, 2, 4, 5, 7, 8, 10}),
    ),
    (
        "设施农业气象服务",
        "近期昼夜温差较大，请种植户白天适时通风降湿，夜间做好大棚保温。",
        _WINTER,
    ),
)
_WHAT = (
    "汛期气象服务",
    "防灾减灾",
    "安全生产",
    "气象科普",
    "人工影响天气",
    "气象为农服务",
    "防雷减灾",
)
_PARTNERS = (
    "市应急管理局",
    "市交通运输局",
    "市农业农村局",
    "市文化旅游局",
    "江城供电公司",
    "江城水务集团",
    "市第一人民医院",
)
_SCHOOLS = (
    "市第一实验小学",
    "江城中学",
    "东山县第二中学",
    "南湖小学",
    "江城职业技术学院",
    "西河县实验学校",
)
_NEWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "市气象局召开{what}工作部署会",
        (
            "会议传达学习了上级有关会议精神，对下一阶段重点工作作出安排。",
            "会议要求各单位压实责任，强化监测预警，确保各项措施落到实处。",
            "各县气象局负责同志通过视频参加会议。",
        ),
    ),
    (
        "市气象局开展{what}专题培训",
        (
            "培训邀请省气象局专家授课，内容涵盖业务规范和典型案例。",
            "参训人员表示，通过培训进一步提升了业务能力和服务水平。",
            "培训结束后进行了闭卷测试。",
        ),
    ),
    (
        "{place}气象观测站完成设备升级",
        (
            "此次升级更换了温湿度、雨量和风向风速传感器。",
            "升级后，观测数据每分钟上传一次，为精细化预报提供支撑。",
            "技术人员将定期巡检，确保设备稳定运行。",
        ),
    ),
    (
        "市气象局与{partner}签订合作协议",
        (
            "根据协议，双方将建立信息共享和联合会商机制。",
            "下一步，双方将在预警信息发布、专项气象服务等方面深化合作。",
            "双方有关负责同志出席签约仪式。",
        ),
    ),
    (
        "气象科普进校园活动走进{school}",
        (
            "活动中，气象专家结合实例讲解了天气预报的制作过程，现场互动热烈。",
            "同学们参观了校园气象站，亲手记录了气温和降水数据。",
            "学校表示，将把气象科普纳入课外实践活动。",
        ),
    ),
    (
        "市气象局组织开展{what}应急演练",
        (
            "演练模拟突发强对流天气，检验了预警发布和信息报送流程。",
            "演练检验了应急预案的可操作性，提升了快速响应能力。",
            "演练结束后，局领导对演练情况进行了点评。",
        ),
    ),
)
_SOURCES = ("中国气象局", "省气象局", "省气象台", "国家气象中心", "中国天气网")
_REPOSTS: tuple[tuple[str, str], ...] = (
    ("全国天气", "【全国天气】未来三天，北方地区有一次较强冷空气过程，气温将下降6～8℃。"),
    ("防暑小贴士", "【气象科普】夏季防暑降温小贴士：避免正午时段外出，多喝水，注意休息。"),
    ("暴雨蓝色预警", "【预警】省气象台发布暴雨蓝色预警，我市北部将有大到暴雨，请注意防范。"),
    ("节气知识", "【节气】二十四节气是我国古代订立的指导农事的历法，蕴含丰富的气象知识。"),
    ("全国天气", "【全国天气】南方地区将迎来新一轮降雨过程，部分地区有大到暴雨。"),
)
_ACTIVITIES = (
    (ActivityType.VOTE, "“我心中最美江城天气照片”网络投票开始啦，快来为你喜欢的作品投票！"),
    (ActivityType.TOPIC, "#晒晒江城的四季# 话题征集中，欢迎分享你拍到的江城风景。"),
    (ActivityType.INTERVIEW, "世界气象日微访谈：市气象台首席预报员在线解答网友关心的天气问题。"),
    (ActivityType.CALL, "气象科普作品征集：欢迎中小学生投稿气象主题绘画、手抄报。"),
)
_WITHDRAW_REASONS = (
    "预报更新，原信息已不准确，撤回后重新发布",
    "配图有误，撤回",
    "与省台口径不一致，按要求撤回",
)
_AGREE_OPINIONS = ("同意。", "同意发布。", "同意，注意核实数据。", "")
_RETURN_OPINIONS = ("请核实气温数据后再报。", "措辞再斟酌。", "与省台口径不一致，请修改。")


@dataclass
class _People:
    unit_id: int
    drafters: list[int]
    left_drafter: int | None
    responsible: int
    supervisor: int
    chief: int
    names: dict[int, str]
    key_bytes: dict[int, bytes] = field(default_factory=dict)
    """The leaders' raw signing keys (demo keys), so that worker processes can sign."""


@dataclass
class _Accounts:
    weibo: int
    wechat: int
    website: int


@dataclass(frozen=True, slots=True)
class BulkResult:
    """What ``add_demo_posts`` wrote."""

    posts: int
    revisions: int
    signoffs: int
    publications: int
    first_id: int
    last_id: int


_SNOW = frozenset({"雨夹雪", "小雪"})
_SKY_BY_MONTH = {
    month: tuple(sky for sky in _SKY if month in {12, 1, 2} or sky not in _SNOW)
    for month in range(1, 13)
}


def _skies(month: int) -> tuple[str, ...]:
    """The sky words that fit the month (no snow outside winter)."""
    return _SKY_BY_MONTH[month]


def _date_text(moment: datetime) -> str:
    local = moment.astimezone(OFFICE_TZ)
    return f"{local.month}月{local.day}日"


def _temperatures(rng: random.Random, month: int) -> tuple[int, int]:
    base = (4, 6, 11, 17, 22, 26, 29, 29, 25, 19, 13, 6)[month - 1]
    high = base + rng.randint(-3, 5)
    return high - rng.randint(5, 10), high


_COLUMNS: dict[str, tuple[str, ...]] = {
    "post": (
        "id", "unit_id", "drafter_id", "status", "kind", "tier", "title", "column",
        "category", "revision", "planned_at", "approval_round", "round_revision", "direct",
        "filing_required", "filed_at", "approved_at", "created_at", "updated_at", "version",
    ),
    "post_revision": (
        "post_id", "number", "title", "body", "column", "category", "tier", "kind",
        "activity_type", "source", "account_ids", "image_hashes", "content_sha256",
        "checker_tier", "checker_blocks", "checker_findings", "planned_at", "created_at",
        "created_by", "note",
    ),
    "post_target": ("post_id", "account_id"),
    "post_signoff": (
        "post_id", "revision", "round", "position", "key", "title", "role", "own_unit",
        "signer_id", "signer_name", "on_behalf_of_id", "on_behalf_of_name", "decision",
        "opinion", "signed_at", "content_sha256", "signature", "voided_at",
    ),
    "publication": (
        "post_id", "revision", "account_id", "published_at", "title", "column", "link",
        "platform_post_id", "published_text", "mismatch", "imported", "recorded_at",
        "recorded_by", "removed_at", "removal_kind", "removal_reason", "removed_by", "version",
    ),
}  # fmt: skip
"""Columns of each table, in the order the row tuples give them."""

# Positions in the mutable rows.
_P_STATUS, _P_FILED, _P_APPROVED, _P_UPDATED = 3, 15, 16, 18
_S_SIGNER, _S_NAME, _S_DECISION, _S_OPINION, _S_SIGNED_AT, _S_SIGNATURE, _S_VOIDED = (
    8, 9, 12, 13, 14, 16, 17,
)  # fmt: skip
_U_REMOVED_AT, _U_KIND, _U_REASON, _U_BY, _U_VERSION = 13, 14, 15, 16, 17


def _sqlite_time(moment: datetime | None) -> str | None:
    """A UTC time as SQLAlchemy stores it in SQLite (so it compares and loads the same)."""
    if moment is None:
        return None
    text = moment.isoformat(" ")
    if len(text) == 25 and text.endswith("+00:00"):  # whole seconds in UTC: the usual case
        return text[:19] + ".000000"
    utc = moment.astimezone(UTC).replace(tzinfo=None)
    return f"{utc:%Y-%m-%d %H:%M:%S}.{utc.microsecond:06d}"


def _as_is(moment: datetime | None) -> datetime | None:
    return moment


def _signer(raw: bytes) -> Callable[[bytes], str]:
    """Signs a payload as ``PersonalKeys.sign_payload`` does, with a raw Ed25519 key."""
    key = Ed25519PrivateKey.from_private_bytes(raw)

    def sign(payload: bytes) -> str:
        return base64.b64encode(key.sign(payload)).decode("ascii")

    return sign


class _Writer:
    """Builds the synthetic posts one at a time into batches of row tuples."""

    def __init__(
        self, rng: random.Random, people: _People, accounts: _Accounts, *, sqlite: bool
    ) -> None:
        self.rng = rng
        self.people = people
        self.accounts = accounts
        self.sqlite = sqlite
        self.time: Callable[[datetime | None], object] = _sqlite_time if sqlite else _as_is
        self.rows: dict[str, list[Sequence[object]]] = {name: [] for name in _COLUMNS}
        self.signers = {staff_id: _signer(raw) for staff_id, raw in people.key_bytes.items()}
        self.fts: list[tuple[int, str, str]] = []
        self.counts = {"revisions": 0, "signoffs": 0, "publications": 0}

    # -- content --

    def content(self, planned: datetime, forecast: bool) -> PostContent:
        """One post's content: the forecast at a forecast slot, else any other kind."""
        rng = self.rng
        local = planned.astimezone(OFFICE_TZ)
        day = _date_text(planned)
        a = self.accounts
        roll = rng.random()
        if forecast:  # 07:30 or 17:00
            morning = local.hour < 12
            places = rng.sample(_PLACES, 2)
            low, high = _temperatures(rng, local.month)
            skies = _skies(local.month)
            sky1, sky2 = rng.choice(skies), rng.choice(skies)
            lines = [
                f"#江城天气# 【{day}{'早间' if morning else '晚间'}天气预报】",
                f"{'今天白天' if morning else '今天夜里到明天'}{sky1}，"
                f"{'夜里' if morning else '明天白天'}{sky2}，{rng.choice(_WIND)}，"
                f"气温{low}～{high}℃。",
                f"其中{places[0]}、{places[1]}{rng.choice(_LOCAL)}。",
                rng.choice(_TIPS),
            ]
            if rng.random() < 0.3:
                lines.append("更多天气信息请拨打12121或关注江城气象微信公众号。")
            title = f"{day}{'早间' if morning else '晚间'}天气预报"
            accounts = (a.weibo, a.wechat) if rng.random() < 0.3 else (a.weibo,)
            return PostContent(
                title, "\n".join(lines), "#江城天气#", "预报类", Tier.GENERAL,
                PostKind.ORIGINAL, accounts,
            )  # fmt: skip
        if roll < 0.08:  # warning signal
            hazard, colour, effect, _months = rng.choice(
                [h for h in _HAZARDS if local.month in h[3]]
            )
            where = "、".join(rng.sample(_PLACES, rng.randint(2, 4)))
            body = (
                f"#预警发布# 江城市气象台{local.hour}时{local.minute:02d}分发布{hazard}{colour}"
                f"预警信号：预计未来{rng.choice((6, 12, 24))}小时内，{where}{effect}。"
                f"{rng.choice(_GUIDES)}{rng.choice(_GUIDES)}"
            )
            tier = Tier.IMPORTANT if colour == "蓝色" else Tier.SENSITIVE
            return PostContent(
                f"江城市气象台发布{hazard}{colour}预警信号", body, "#预警发布#", "预报类",
                tier, PostKind.ORIGINAL, (a.weibo, a.wechat),
            )  # fmt: skip
        if roll < 0.38:  # popular science
            topic, fact = rng.choice(_SCIENCE)
            extra = rng.choice(_TIPS) if rng.random() < 0.5 else ""
            body = f"#气象科普# 【{topic}】{fact}{extra}你了解吗？欢迎在评论区分享。"
            return PostContent(
                f"气象科普：{topic}", body, "#气象科普#", "科普宣传类", Tier.GENERAL,
                PostKind.ORIGINAL, (a.weibo, a.wechat),
            )  # fmt: skip
        if roll < 0.58:  # key services
            topic, lead, _months = rng.choice([x for x in _SERVICES if local.month in x[2]])
            low, high = _temperatures(rng, local.month)
            sky = rng.choice(_skies(local.month))
            body = (
                f"#气象服务# 【{topic}】{lead}预计{day}起未来三天{sky}，"
                f"气温{low}～{high}℃，{rng.choice(_TIPS)}"
            )
            return PostContent(
                f"{day}{topic}", body, "#气象服务#", "重点服务类", Tier.GENERAL,
                PostKind.ORIGINAL, (a.weibo, a.wechat),
            )  # fmt: skip
        if roll < 0.85:  # work news
            template, sentences = rng.choice(_NEWS)
            headline = template.format(
                what=rng.choice(_WHAT),
                place=rng.choice(_PLACES),
                partner=rng.choice(_PARTNERS),
                school=rng.choice(_SCHOOLS),
            )
            body = f"{day}，{headline}。" + "".join(rng.sample(sentences, rng.randint(2, 3)))
            return PostContent(
                headline, body, "#走进气象#", "工作动态", Tier.GENERAL, PostKind.ORIGINAL,
                (a.website, a.wechat) if rng.random() < 0.5 else (a.website,),
            )  # fmt: skip
        if roll < 0.97:  # repost
            source = rng.choice(_SOURCES)
            subject, text = rng.choice(_REPOSTS)
            body = f"{text}（来源：{source}）"
            return PostContent(
                f"转发{source}：{subject}", body, "#转发#", "转发", Tier.GENERAL,
                PostKind.REPOST, (a.weibo,), source=source,
            )  # fmt: skip
        activity, body = rng.choice(_ACTIVITIES)
        return PostContent(
            body[:20].rstrip("，。！"), "#江城气象互动# " + body, "#江城气象互动#", "互动类",
            Tier.GENERAL, PostKind.ACTIVITY, (a.weibo, a.wechat), activity_type=activity,
        )  # fmt: skip

    # -- one post --

    def add(self, post_id: int, planned: datetime, forecast: bool, recent: bool) -> None:
        """Build one post with everything it has, planned for ``planned``."""
        rng, p, ts = self.rng, self.people, self.time
        content = self.content(planned, forecast)
        drafter = (
            p.left_drafter
            if p.left_drafter is not None and not recent and rng.random() < 0.4
            else rng.choice(p.drafters)
        )
        created = planned - timedelta(minutes=rng.randint(40, 600))
        status = self._status(rng.random())
        versions = [content]
        if rng.random() < 0.2:  # a first draft, changed once before submission
            versions.insert(0, replace(content, body=content.body.replace("。", "，", 1)))
        revisions = len(versions)
        digest = ""
        accounts_json = json.dumps(sorted(content.account_ids))
        activity = None if content.activity_type is None else content.activity_type.value
        for number, version in enumerate(versions, start=1):
            digest = version.sha256()
            self.rows["post_revision"].append(
                (
                    post_id, number, version.title, version.body, version.column,
                    version.category, version.tier.value, version.kind.value, activity,
                    version.source, accounts_json, "[]", digest, Tier.GENERAL.value, False, 0,
                    ts(planned), ts(created + timedelta(minutes=5 * (number - 1))), drafter,
                    "" if number == 1 else "修改措辞",
                )
            )  # fmt: skip
        self.counts["revisions"] += revisions
        targets = sorted(set(content.account_ids))
        self.rows["post_target"].extend((post_id, a) for a in targets)
        self.fts.append((post_id, content.title, content.body))
        updated = created + timedelta(minutes=5 * (revisions - 1))
        post: list[object] = [
            post_id, p.unit_id, drafter, status.value, content.kind.value, content.tier.value,
            content.title, content.column, content.category, revisions, ts(planned), 0, None,
            False, False, None, None, ts(created), ts(updated), 1 + revisions,
        ]  # fmt: skip
        self.rows["post"].append(post)
        if status is PostStatus.DRAFT:
            return
        direct = (
            content.kind is PostKind.REPOST or content.category in GENERAL_KNOWLEDGE_CATEGORIES
        ) and content.tier is Tier.GENERAL and content.kind is not PostKind.ACTIVITY and (
            rng.random() < 0.7
        )  # fmt: skip
        route = route_for(content.tier, content.kind, content.category, direct=direct)
        if route.direct and status is PostStatus.EXPIRED:  # approved at once: cannot expire
            status = PostStatus.PUBLISHED
            post[_P_STATUS] = status.value
        post[11:15] = [1, revisions, route.direct, route.filing_required]
        moment = created + timedelta(minutes=10 * revisions)
        steps: list[list[object]] = []
        returned = status is PostStatus.CANCELLED and bool(route.steps) and rng.random() < 0.3
        for position, step in enumerate(route.steps, start=1):
            row: list[object] = [
                post_id, revisions, 1, position, step.key, step.title, step.role.value,
                step.own_unit, None, "", None, "", None, "", None, digest, None, None,
            ]  # fmt: skip
            steps.append(row)
            if status is PostStatus.EXPIRED:
                continue
            if returned and position > 1:
                row[_S_VOIDED] = ts(moment)  # the round ended with the return
                continue
            moment += timedelta(minutes=rng.randint(3, 40))
            decision = Decision.RETURN if returned else Decision.AGREE
            self._sign(row, post_id, revisions, step.key, digest, decision, moment)
        self.rows["post_signoff"].extend(steps)
        self.counts["signoffs"] += len(steps)
        if status is PostStatus.EXPIRED:  # not approved by its planned time
            for row in steps:
                row[_S_VOIDED] = ts(planned)
            post[_P_UPDATED] = ts(planned)
            return
        if status is PostStatus.CANCELLED:  # cancelling voids what is left of the round
            moment += timedelta(hours=rng.randint(1, 20))
            for row in steps:
                if row[_S_VOIDED] is None:
                    row[_S_VOIDED] = ts(moment)
            post[_P_UPDATED] = ts(moment)
            return
        post[_P_APPROVED] = ts(moment)
        if route.filing_required:
            post[_P_FILED] = ts(moment + timedelta(hours=rng.randint(2, 30)))
        published = max(planned, moment + timedelta(minutes=2))
        recorded = published
        pubs: list[list[object]] = []
        for account_id in targets:
            at = published + timedelta(minutes=rng.randint(0, 8))
            recorded = max(recorded, at + timedelta(minutes=rng.randint(1, 30)))
            link = (
                f"https://weibo.com/jcqx12121/{post_id}{account_id}"
                if account_id == self.accounts.weibo
                else ""
            )
            pubs.append(
                [
                    post_id, revisions, account_id, ts(at), content.title, content.column, link,
                    f"{post_id:07d}{account_id}", content.body, False, False, ts(recorded),
                    drafter, None, None, "", None, 1,
                ]
            )  # fmt: skip
        post[_P_UPDATED] = ts(recorded)
        if status is PostStatus.WITHDRAWN:
            removed = recorded + timedelta(minutes=rng.randint(10, 120))
            reason = rng.choice(_WITHDRAW_REASONS)
            for pub in pubs:
                pub[_U_REMOVED_AT:] = [ts(removed), "withdrawn", reason, drafter, 2]
            post[_P_UPDATED] = ts(removed)
        self.rows["publication"].extend(pubs)
        self.counts["publications"] += len(pubs)

    @staticmethod
    def _status(roll: float) -> PostStatus:
        if roll < 0.86:
            return PostStatus.PUBLISHED
        if roll < 0.88:
            return PostStatus.WITHDRAWN
        if roll < 0.94:
            return PostStatus.CANCELLED
        if roll < 0.97:
            return PostStatus.EXPIRED
        return PostStatus.DRAFT

    def _sign(
        self,
        row: list[object],
        post_id: int,
        revision: int,
        key: str,
        digest: str,
        decision: Decision,
        at: datetime,
    ) -> None:
        rng = self.rng
        agree = decision is Decision.AGREE
        opinion = rng.choice(_AGREE_OPINIONS if agree else _RETURN_OPINIONS)
        signer = {
            "responsible": self.people.responsible,
            "supervisor": self.people.supervisor,
            "chief": self.people.chief,
        }[key]
        payload = signoff_payload(
            post_id=post_id,
            revision=revision,
            round_no=1,
            step_key=key,
            decision=decision,
            opinion=opinion,
            content_sha256=digest,
            signer_id=signer,
            on_behalf_of_id=None,
            signed_at=at,
        )
        row[_S_SIGNER] = signer
        row[_S_NAME] = self.people.names[signer]
        row[_S_DECISION] = decision.value
        row[_S_OPINION] = opinion
        row[_S_SIGNED_AT] = self.time(at)
        row[_S_SIGNATURE] = self.signers[signer](payload)


SPAN_DAYS = 5 * 365
"""The synthetic posts go back at most about this many days (more posts: busier days)."""


def _planned_times(
    count: int, end: datetime, rng: random.Random
) -> Iterator[tuple[datetime, bool]]:
    """``count`` planned times going back from ``end``, and whether each is a forecast.

    Every day has the forecasts at 07:30 and 17:00 and other posts between 08:00 and 22:00.
    """
    per_day = max(6, -(-count // SPAN_DAYS))
    day = end.astimezone(OFFICE_TZ).replace(hour=0, minute=0, second=0, microsecond=0)
    made = 0
    while made < count:
        others = rng.sample(range(8 * 60, 22 * 60), per_day - 2)
        slots = [(7 * 60 + 30, True), (17 * 60, True)] + [(m, False) for m in others]
        for minutes, forecast in sorted(slots, reverse=True):
            moment = (day + timedelta(minutes=minutes)).astimezone(UTC)
            if moment >= end:
                continue
            yield moment, forecast
            made += 1
            if made >= count:
                return
        day -= timedelta(days=1)


def _people(s: Session, ctx: AppContext, password: str) -> _People:
    def staff(login: str) -> Staff:
        row = s.scalar(select(Staff).where(Staff.login == login))
        if row is None:
            raise ValidationError(
                "run 'newmedia-desk demo' first: --posts adds to the demo office", field="db"
            )
        return row

    clerk = staff("clerk")
    left = s.scalar(select(Staff).where(Staff.login == "liuyang"))
    responsible, supervisor, chief = staff("service"), staff("deputy"), staff("chief")
    people = _People(
        unit_id=clerk.unit_id,
        drafters=[clerk.id],
        left_drafter=None if left is None else left.id,
        responsible=responsible.id,
        supervisor=supervisor.id,
        chief=chief.id,
        names={p.id: p.name for p in (clerk, responsible, supervisor, chief)},
    )
    for person in (responsible, supervisor, chief):
        keys = ctx.keys.unlock(person.id, password)
        people.key_bytes[person.id] = keys.sign.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
    return people


def _accounts(s: Session, unit_id: int) -> _Accounts:
    rows = s.execute(
        select(Account.id, Platform.name)
        .join(Platform, Platform.id == Account.platform_id)
        .where(Account.unit_id == unit_id, Account.status == "open")
        .order_by(Account.id)
    ).all()
    by_platform: dict[str, int] = {}
    for account_id, platform in rows:
        by_platform.setdefault(platform, account_id)
    try:
        return _Accounts(by_platform["微博"], by_platform["微信公众号"], by_platform["网站"])
    except KeyError as exc:
        raise ValidationError(
            "the demo accounts are missing: run 'newmedia-desk demo' on a new database first",
            field="db",
        ) from exc


@dataclass(frozen=True, slots=True)
class _ChunkJob:
    """One chunk of posts to build: everything a worker process needs."""

    index: int
    seed: int
    first_id: int
    slots: tuple[tuple[datetime, bool], ...]
    recent_from: int
    """Posts from this id on are recent (drafted after 刘洋 left)."""
    people: _People
    accounts: _Accounts
    sqlite: bool


@dataclass(frozen=True, slots=True)
class _Chunk:
    """The rows of one chunk, ready to insert."""

    rows: dict[str, list[Sequence[object]]]
    fts: list[tuple[int, str, str]]
    counts: dict[str, int]


def _build(job: _ChunkJob) -> _Chunk:
    """Build one chunk (in a worker process, or inline for a small count)."""
    rng = random.Random(f"{job.seed}:{job.index}")
    writer = _Writer(rng, job.people, job.accounts, sqlite=job.sqlite)
    for offset, (planned, forecast) in enumerate(job.slots):
        post_id = job.first_id + offset
        writer.add(post_id, planned, forecast, recent=post_id >= job.recent_from)
    return _Chunk(writer.rows, writer.fts, writer.counts)


def _workers(chunks: int) -> int:
    """Worker processes worth starting; 0 to build in this process.

    Workers are forked, which is only safe in a process without other threads (the command
    line; not the GUI or the benchmark) and possible only where ``fork`` exists (not on
    Windows). One chunk is built here: starting a process would cost more.
    """
    if chunks < 2 or threading.active_count() > 1:
        return 0
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return max(1, min(chunks, os.cpu_count() or 1, 8))


def add_demo_posts(
    ctx: AppContext,
    count: int,
    *,
    password: str = "demo",
    seed: int = SEED,
    before: datetime | None = None,
) -> BulkResult:
    """Add ``count`` synthetic posts to the demo office, older than any post so far.

    They are planned before ``before`` (default: a day before the oldest post, or now) and
    numbered after the posts already there.

    Deterministic for a given ``seed`` and count (each chunk of ``CHUNK`` posts has its own
    random generator, so the result does not depend on how many processes build them).
    Needs the demo office (its people and accounts) and the demo password, which opens the
    leaders' keys to sign the sign-offs. Chunks are built in worker processes while this
    one inserts, all in one transaction.
    """
    if not 0 < count <= MAX_POSTS:
        raise ValidationError(
            "the number of posts is from 1 to {maximum}", field="posts", maximum=MAX_POSTS
        )
    with ctx.db.read() as s:
        people = _people(s, ctx, password)
        accounts = _accounts(s, people.unit_id)
        oldest = s.scalar(select(func.min(Post.created_at)))
        first_id = int(s.scalar(select(func.max(Post.id))) or 0) + 1
        indexed = has_index(s)
    end = ctx.clock.now() if before is None else before
    if oldest is not None:
        end = min(end, oldest - timedelta(days=1))
    # Made going back from ``end``; numbered forward, so that ids grow with time.
    slots = list(_planned_times(count, end, random.Random(seed)))[::-1]
    jobs = [
        _ChunkJob(
            index=index,
            seed=seed,
            first_id=first_id + start,
            slots=tuple(slots[start : start + CHUNK]),
            recent_from=first_id + count - 200,
            people=people,
            accounts=accounts,
            sqlite=indexed,
        )
        for index, start in enumerate(range(0, count, CHUNK))
    ]
    totals = {"revisions": 0, "signoffs": 0, "publications": 0}
    collecting = gc.isenabled()
    gc.disable()  # millions of new tuples, none cyclic: the collector would only slow it
    try:
        workers = _workers(len(jobs))
        if workers:
            # Fork the workers before the write transaction opens its connection.
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                _write(ctx, _ahead(pool, jobs, workers), totals, first_id, count, seed, indexed)
        else:
            _write(ctx, map(_build, jobs), totals, first_id, count, seed, indexed)
    finally:
        if collecting:
            gc.enable()
    return BulkResult(
        posts=count,
        revisions=totals["revisions"],
        signoffs=totals["signoffs"],
        publications=totals["publications"],
        first_id=first_id,
        last_id=first_id + count - 1,
    )


def _ahead(pool: ProcessPoolExecutor, jobs: list[_ChunkJob], workers: int) -> Iterator[_Chunk]:
    """The chunks in order, built by the pool a few ahead of the inserts."""
    pending = iter(jobs)
    ahead: deque[Future[_Chunk]] = deque(
        pool.submit(_build, job) for job in itertools.islice(pending, workers + 1)
    )
    while ahead:
        chunk = ahead.popleft().result()
        ahead.extend(pool.submit(_build, job) for job in itertools.islice(pending, 1))
        yield chunk


def _write(
    ctx: AppContext,
    chunks: Iterator[_Chunk],
    totals: dict[str, int],
    first_id: int,
    count: int,
    seed: int,
    sqlite: bool,
) -> None:
    """Insert every chunk and the audit entry, in one transaction."""
    with ctx.db.write() as s:
        for chunk in chunks:
            _insert(s, chunk, sqlite=sqlite)
            for name, value in chunk.counts.items():
                totals[name] += value
        ctx.audit.append(
            s,
            _ACTOR,
            "demo_posts_generated",
            "post",
            f"{first_id}-{first_id + count - 1}",
            after={"posts": count, "seed": seed, **totals},
        )


def _insert(s: Session, chunk: _Chunk, *, sqlite: bool) -> None:
    """Insert one chunk's rows (driver-level ``executemany``, one statement per table)."""
    mark = "?" if sqlite else "%s"
    conn = s.connection()
    for name, columns in _COLUMNS.items():
        rows = chunk.rows[name]
        if rows:
            quoted = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join(mark for _ in columns)
            conn.exec_driver_sql(
                f"INSERT INTO {name} ({quoted}) VALUES ({marks})", [tuple(r) for r in rows]
            )
    if sqlite and chunk.fts:
        conn.exec_driver_sql(
            "INSERT INTO post_fts (rowid, title, body) VALUES (?, ?, ?)", chunk.fts
        )
