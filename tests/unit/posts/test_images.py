"""Images for posts: refused when unreadable, oversized, fake or bombs; cleaned; deduplicated."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import ExifTags, Image, PngImagePlugin
from sqlalchemy import delete, func, select

from newmedia_desk.context import AppContext
from newmedia_desk.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from newmedia_desk.domain.roles import Role
from newmedia_desk.domain.settings import IMAGE_MAX_MB, IMAGE_MAX_SIDE
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.images import ImageLimits, ImageStore
from newmedia_desk.storage.models import AuditRow
from newmedia_desk.storage.post_models import StoredImage
from tests.conftest import make_staff

pytestmark = pytest.mark.all_backends


@pytest.fixture
def clerk(ctx: AppContext, admin: Principal) -> Principal:
    return make_staff(ctx, admin, "clerk", {Role.CLERK}, name="张晓")[1]


def _exif_with_gps(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "CanonSecretCamera"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (30.0, 35.0, 12.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (114.0, 17.0, 40.0),
    }
    return exif


def jpeg_with_gps(path: Path, size: tuple[int, int] = (64, 32), orientation: int = 1) -> Path:
    picture = Image.new("RGB", size, (200, 30, 30))
    picture.paste((20, 20, 220), (0, 0, size[0] // 2, size[1]))  # left half blue
    picture.save(
        path,
        "JPEG",
        exif=_exif_with_gps(orientation),
        comment=b"taken at home",
        xmp=b"<x:xmpmeta><location>Wuhan</location></x:xmpmeta>",
    )
    return path


def png_with_text(path: Path) -> Path:
    info = PngImagePlugin.PngInfo()
    info.add_text("Location", "CanonSecretCamera at 30.58N 114.29E")
    picture = Image.new("RGBA", (40, 40), (0, 128, 0, 128))
    picture.save(path, "PNG", pnginfo=info, exif=_exif_with_gps())
    return path


def test_jpeg_is_stored_without_exif_gps_or_comments(
    ctx: AppContext, clerk: Principal, tmp_path: Path
) -> None:
    source = jpeg_with_gps(tmp_path / "现场.jpg")
    with Image.open(source) as original:
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test file has GPS
    sha = ctx.images.add(clerk, source)
    stored = ctx.images.path_of(sha)
    assert stored == ctx.data_dir / "images" / sha[:2] / f"{sha}.jpg"
    data = stored.read_bytes()
    for secret in (b"CanonSecretCamera", b"taken at home", b"Wuhan", b"Exif\x00\x00"):
        assert secret not in data
    with Image.open(stored) as cleaned:
        assert cleaned.format == "JPEG"
        assert dict(cleaned.getexif()) == {}
        assert "exif" not in cleaned.info and "xmp" not in cleaned.info
        assert "comment" not in cleaned.info
        assert cleaned.size == (64, 32)
    info = ctx.images.info(sha)
    assert (info.mime, info.width, info.height, info.original_name) == (
        "image/jpeg",
        64,
        32,
        "现场.jpg",
    )
    assert info.size == len(data)


def test_orientation_is_applied_before_the_tag_is_dropped(
    ctx: AppContext, clerk: Principal, tmp_path: Path
) -> None:
    # Orientation 6: the camera was turned; the picture must be shown rotated 90° clockwise.
    sha = ctx.images.add(clerk, jpeg_with_gps(tmp_path / "turned.jpg", orientation=6))
    with Image.open(ctx.images.path_of(sha)) as cleaned:
        assert cleaned.size == (32, 64)
        assert ExifTags.Base.Orientation not in cleaned.getexif()
        top = cleaned.convert("RGB").getpixel((16, 4))
    assert isinstance(top, tuple)
    assert top[2] > 150  # the blue left half is now on top


def test_png_text_chunks_and_exif_are_dropped_transparency_kept(
    ctx: AppContext, clerk: Principal, tmp_path: Path
) -> None:
    sha = ctx.images.add(clerk, png_with_text(tmp_path / "图.png"))
    data = ctx.images.path_of(sha).read_bytes()
    assert b"CanonSecretCamera" not in data and b"Location" not in data
    with Image.open(io.BytesIO(data)) as cleaned:
        assert cleaned.mode == "RGBA"
        assert cleaned.getpixel((1, 1)) == (0, 128, 0, 128)
        assert dict(cleaned.getexif()) == {}


def test_animated_gif_keeps_its_frames(ctx: AppContext, clerk: Principal, tmp_path: Path) -> None:
    colours = ((255, 0, 0), (0, 255, 0), (0, 0, 255))
    frames = [Image.new("RGB", (20, 20), c) for c in colours]
    path = tmp_path / "动图.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=120, loop=0)
    sha = ctx.images.add(clerk, path)
    with Image.open(ctx.images.path_of(sha)) as stored:
        assert stored.format == "GIF"
        assert getattr(stored, "n_frames", 1) == 3
        stored.seek(2)
        assert stored.convert("RGB").getpixel((5, 5)) == (0, 0, 255)


def test_a_phone_photo_with_a_second_picture_keeps_the_first(
    ctx: AppContext, clerk: Principal, tmp_path: Path
) -> None:
    path = tmp_path / "IMG_0001.JPG"
    main, extra = Image.new("RGB", (64, 48), (250, 0, 0)), Image.new("RGB", (32, 24))
    main.save(path, "MPO", save_all=True, append_images=[extra], exif=_exif_with_gps())
    with Image.open(path) as original:
        assert original.format == "MPO"
    sha = ctx.images.add(clerk, path)
    with Image.open(ctx.images.path_of(sha)) as stored:
        assert (stored.format, stored.size) == ("JPEG", (64, 48))
        assert getattr(stored, "n_frames", 1) == 1
        assert dict(stored.getexif()) == {}


def test_the_same_picture_is_stored_once(ctx: AppContext, clerk: Principal, tmp_path: Path) -> None:
    first = jpeg_with_gps(tmp_path / "a.jpg")
    copy = tmp_path / "b.jpeg"
    copy.write_bytes(first.read_bytes())
    sha = ctx.images.add(clerk, first)
    assert ctx.images.add(clerk, copy) == sha
    assert ctx.images.add(clerk, first) == sha
    files = [p for p in (ctx.data_dir / "images").rglob("*") if p.is_file()]
    assert files == [ctx.images.path_of(sha)]
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(StoredImage)) == 1
        stored = s.scalar(
            select(func.count()).select_from(AuditRow).where(AuditRow.action == "image_stored")
        )
    assert stored == 1
    assert ctx.images.info(sha).original_name == "a.jpg"  # the first name is kept


def test_a_damaged_copy_on_disk_is_written_again(
    ctx: AppContext, clerk: Principal, tmp_path: Path
) -> None:
    source = jpeg_with_gps(tmp_path / "a.jpg")
    sha = ctx.images.add(clerk, source)
    stored = ctx.images.path_of(sha)
    stored.write_bytes(b"broken")
    assert ctx.images.add(clerk, source) == sha
    assert stored.read_bytes() != b"broken"
    assert not [p for p in stored.parent.iterdir() if p.name.startswith(".incoming")]


def _refusal(ctx: AppContext, clerk: Principal, path: Path) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        ctx.images.add(clerk, path)
    assert caught.value.field == "image"
    assert caught.value.params["name"] == path.name
    assert not (ctx.data_dir / "images").exists() or not any(
        p.is_file() for p in (ctx.data_dir / "images").rglob("*")
    )
    return caught.value


def test_a_text_file_named_jpg_is_refused(
    ctx: AppContext, clerk: Principal, tmp_path: Path
) -> None:
    fake = tmp_path / "照片.jpg"
    fake.write_text("这不是图片，是一段文字。", encoding="utf-8")
    assert _refusal(ctx, clerk, fake).message == "the file is not an image"


def test_a_png_named_jpg_is_refused(ctx: AppContext, clerk: Principal, tmp_path: Path) -> None:
    disguised = tmp_path / "disguised.jpg"
    Image.new("RGB", (10, 10)).save(disguised, "PNG")
    error = _refusal(ctx, clerk, disguised)
    assert error.message == "the file name's extension does not match the image"
    assert error.params["actual"] == "png"


def test_unsupported_and_missing_and_damaged_files_are_refused(
    ctx: AppContext, clerk: Principal, tmp_path: Path
) -> None:
    tiff = tmp_path / "scan.tiff"
    Image.new("RGB", (10, 10)).save(tiff, "TIFF")
    assert _refusal(ctx, clerk, tiff).message == "this image format is not supported"
    assert _refusal(ctx, clerk, tmp_path / "gone.png").message == "the image cannot be read"
    assert _refusal(ctx, clerk, tmp_path).message == "the image cannot be read"  # a folder
    whole = jpeg_with_gps(tmp_path / "whole.jpg", size=(400, 300)).read_bytes()
    truncated = tmp_path / "truncated.jpg"
    truncated.write_bytes(whole[: len(whole) // 2])
    assert _refusal(ctx, clerk, truncated).message == "the image is damaged"
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    assert _refusal(ctx, clerk, empty).message == "the file is not an image"


def test_oversized_files_are_refused(ctx: AppContext, admin: Principal, tmp_path: Path) -> None:
    clerk = make_staff(ctx, admin, "clerk", {Role.CLERK})[1]
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * (1024 * 1024 + 10))
    ctx.settings.set(admin, IMAGE_MAX_MB.key, 1)
    error = _refusal(ctx, clerk, big)
    assert error.message == "the image is too large"
    assert error.params["limit_mb"] == "1.0"
    assert error.params["size_mb"] == "1.0"


def test_too_many_pixels_and_decompression_bombs_are_refused(
    ctx: AppContext, admin: Principal, tmp_path: Path
) -> None:
    clerk = make_staff(ctx, admin, "clerk", {Role.CLERK})[1]
    wide = tmp_path / "wide.png"
    Image.new("1", (600, 10)).save(wide, "PNG")
    ctx.settings.set(admin, IMAGE_MAX_SIDE.key, 500)
    error = _refusal(ctx, clerk, wide)
    assert error.message == "the image has too many pixels"
    assert (error.params["width"], error.params["limit"]) == (600, 500)
    # Files of a few bytes that claim 20 000 × 20 000 and 12 000 × 12 000 pixels: beyond
    # Pillow's own limits (an error, a warning); within the office's largest setting.
    ctx.settings.set(admin, IMAGE_MAX_SIDE.key, 20_000)
    for side in (20_000, 12_000):
        bomb = png_header(tmp_path / f"bomb{side}.png", side, side)
        assert _refusal(ctx, clerk, bomb).message == "the image has too many pixels"


def png_header(path: Path, width: int, height: int) -> Path:
    """A PNG that only claims a size: header, one empty compressed block, end."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    data += chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")
    path.write_bytes(data)
    return path


def test_limits_default_to_10_mb_and_8000_pixels() -> None:
    limits = ImageLimits()
    assert (limits.max_bytes, limits.max_side) == (10 * 1024 * 1024, 8000)
    assert (IMAGE_MAX_MB.default, IMAGE_MAX_SIDE.default) == (10, 8000)


def test_only_people_who_draft_may_add(ctx: AppContext, admin: Principal, tmp_path: Path) -> None:
    leader = make_staff(ctx, admin, "leader", {Role.SUPERVISOR})[1]
    with pytest.raises(PermissionDeniedError):
        ctx.images.add(leader, jpeg_with_gps(tmp_path / "a.jpg"))


def test_unknown_hashes_are_not_found(ctx: AppContext, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        ctx.images.path_of("0" * 64)
    with pytest.raises(NotFoundError):
        ctx.images.path_of("../../etc/passwd")


def test_store_without_settings_uses_defaults(
    ctx: AppContext, clerk: Principal, tmp_path: Path
) -> None:
    store = ImageStore(ctx.db, ctx.audit, ctx.clock, tmp_path / "other")
    sha = store.add(clerk, jpeg_with_gps(tmp_path / "a.jpg"))
    assert store.path_of(sha).is_file()


def test_the_database_holds_the_bytes_and_writes_a_missing_file_again(
    ctx: AppContext, clerk: Principal, tmp_path: Path
) -> None:
    """A backup, or another PC of a shared database, has the images: the file is a cache."""
    from newmedia_desk.storage.post_models import ImageData

    sha = ctx.images.add(clerk, jpeg_with_gps(tmp_path / "a.jpg"))
    stored = ctx.images.path_of(sha)
    original = stored.read_bytes()
    with ctx.db.read() as s:
        assert s.scalar(select(ImageData.data).where(ImageData.sha256 == sha)) == original
    other_pc = ImageStore(ctx.db, ctx.audit, ctx.clock, tmp_path / "other-pc")
    copy = other_pc.path_of(sha)
    assert copy != stored and copy.read_bytes() == original
    stored.write_bytes(b"damaged")
    assert ctx.images.path_of(sha).read_bytes() == original


def test_an_image_from_before_schema_0008_is_taken_into_the_database(
    ctx: AppContext, clerk: Principal, tmp_path: Path
) -> None:
    from newmedia_desk.storage.post_models import ImageData

    sha = ctx.images.add(clerk, jpeg_with_gps(tmp_path / "a.jpg"))
    with ctx.db.write() as s:
        s.execute(delete(ImageData))
    other_pc = ImageStore(ctx.db, ctx.audit, ctx.clock, tmp_path / "other-pc")
    assert not other_pc.path_of(sha).exists()  # only the PC that stored it has the file
    ctx.images.path_of(sha)  # that PC shows it: its file is taken in
    assert other_pc.path_of(sha).read_bytes() == ctx.images.path_of(sha).read_bytes()
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(ImageData)) == 1
