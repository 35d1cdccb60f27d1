"""Images attached to posts: checked, cleaned of metadata and kept by content hash.

An image is refused when it cannot be read, is larger than the office allows (bytes or
pixels), is not really an image, is not of the kind its file name says (a ``.jpg`` that is
a PNG, a text file named ``.jpg``), is damaged, or would expand into a decompression bomb.
An accepted image is decoded and encoded again without EXIF, GPS, XMP, comments or text
chunks (the camera's orientation is applied to the pixels first, so nothing turns
sideways); only the colour profile is kept, because it is needed to show the colours right.
The cleaned bytes are stored as ``<data_dir>/images/ab/<sha256>.<ext>`` (written atomically;
the same picture added twice is stored once) and a ``StoredImage`` row describes them.

Pillow is imported only when an image is added, not when the program starts.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from newmedia_desk.domain.clock import Clock
from newmedia_desk.domain.errors import NotFoundError, ValidationError
from newmedia_desk.domain.roles import Permission
from newmedia_desk.domain.staff import Principal
from newmedia_desk.services.audit import AuditService
from newmedia_desk.services.common import require
from newmedia_desk.storage.database import Database
from newmedia_desk.storage.post_models import ImageData, StoredImage

if TYPE_CHECKING:
    from PIL.Image import Image as PilImage

MB = 1024 * 1024
MAX_FRAMES = 1000
"""An animation with more frames than this is refused."""
MAX_NAME = 260

_SHA = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True, slots=True)
class ImageFormat:
    """A format the office accepts: its MIME type, stored extension and file-name endings."""

    pillow: str
    mime: str
    extension: str
    suffixes: tuple[str, ...]


_JPEG = ImageFormat("JPEG", "image/jpeg", "jpg", (".jpg", ".jpeg", ".jpe", ".jfif"))
FORMATS: dict[str, ImageFormat] = {
    "JPEG": _JPEG,
    "MPO": _JPEG,  # a phone camera's JPEG with a second picture: only the first is kept
    "PNG": ImageFormat("PNG", "image/png", "png", (".png",)),
    "GIF": ImageFormat("GIF", "image/gif", "gif", (".gif",)),
    "WEBP": ImageFormat("WEBP", "image/webp", "webp", (".webp",)),
}
"""Pillow's format name → what is accepted and stored; the platforms take all four."""

ACCEPTED_SUFFIXES: tuple[str, ...] = tuple(s for f in FORMATS.values() for s in f.suffixes)

_KEPT_INFO = ("transparency", "duration", "loop", "background")
"""Decoder info that is drawing, not metadata: kept when the image is written again."""


@dataclass(frozen=True, slots=True)
class ImageLimits:
    """How large an image may be (office settings ``image_max_mb`` and ``image_max_side``)."""

    max_bytes: int = 10 * MB
    max_side: int = 8000

    @property
    def max_pixels(self) -> int:
        """Pixels of all frames together (a square of the largest side)."""
        return self.max_side * self.max_side


@dataclass(frozen=True, slots=True)
class ImageInfo:
    """A stored image as the editor shows it."""

    sha256: str
    mime: str
    width: int
    height: int
    size: int
    original_name: str
    created_at: datetime


def _refuse(message: str, name: str, **params: Any) -> ValidationError:
    return ValidationError(message, field="image", name=name, **params)


def _mb(size: int) -> str:
    return f"{size / MB:.1f}"


class ImageStore:
    """Adds images for posts (permission to draft posts) and finds them again.

    Args:
        db: the database.
        audit: the audit log (each newly stored image is recorded).
        clock: the time of storing.
        data_dir: the user data folder; images go to its ``images`` folder.
        limits: the current limits (read from the office settings for every image).
    """

    def __init__(
        self,
        db: Database,
        audit: AuditService,
        clock: Clock,
        data_dir: Path,
        *,
        limits: Callable[[], ImageLimits] | None = None,
    ) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock
        self._root = data_dir / "images"
        self._limits = limits if limits is not None else ImageLimits

    # -- adding --------------------------------------------------------------------------

    def add(self, actor: Principal, path: Path) -> str:
        """Check, clean and store the image file at ``path``; return its SHA-256.

        Raises ``ValidationError`` (field ``image``, parameter ``name``) for a file that
        cannot be read, is too large, is not an image of its named kind, or is damaged.
        """
        require(actor, Permission.DRAFT_POSTS, actor.unit_id)
        name = path.name
        limits = self._limits()
        try:
            if not path.is_file():
                raise _refuse("the image cannot be read", name)
            size = path.stat().st_size
            if size > limits.max_bytes:
                raise self._too_large(name, size, limits)
            with path.open("rb") as handle:
                data = handle.read(limits.max_bytes + 1)
        except OSError as exc:
            raise _refuse("the image cannot be read", name, detail=exc.strerror or "") from exc
        return self.add_bytes(actor, data, name)

    def add_bytes(self, actor: Principal, data: bytes, name: str) -> str:
        """Check, clean and store an image given as bytes with its file name."""
        require(actor, Permission.DRAFT_POSTS, actor.unit_id)
        name = (name.strip() or "image")[-MAX_NAME:]
        limits = self._limits()
        if len(data) > limits.max_bytes:
            raise self._too_large(name, len(data), limits)
        if not data:
            raise _refuse("the file is not an image", name)
        cleaned, fmt, width, height = self._clean(data, name, limits)
        digest = hashlib.sha256(cleaned).hexdigest()
        target = self._path(digest, fmt.extension)
        self._write(target, cleaned, digest)
        with self._db.write() as s:
            if s.get(StoredImage, digest) is None:
                s.add(
                    StoredImage(
                        sha256=digest,
                        mime=fmt.mime,
                        width=width,
                        height=height,
                        size=len(cleaned),
                        original_name=name,
                        created_at=self._clock.now(),
                        created_by=actor.staff_id,
                    )
                )
                s.flush()
                self._audit.append(
                    s,
                    actor,
                    "image_stored",
                    "image",
                    digest,
                    after={
                        "name": name,
                        "mime": fmt.mime,
                        "width": width,
                        "height": height,
                        "size": len(cleaned),
                    },
                )
            if s.get(ImageData, digest) is None:  # after its image row: the foreign key
                s.add(ImageData(sha256=digest, data=cleaned))
        return digest

    @staticmethod
    def _too_large(name: str, size: int, limits: ImageLimits) -> ValidationError:
        return _refuse(
            "the image is too large",
            name,
            size_mb=_mb(size),
            limit_mb=_mb(limits.max_bytes),
        )

    # -- finding -------------------------------------------------------------------------

    def info(self, sha256: str) -> ImageInfo:
        """What is known about a stored image."""
        with self._db.read() as s:
            row = s.get(StoredImage, self._checked_sha(sha256))
            if row is None:
                raise NotFoundError("no such image", entity="image", sha256=sha256)
            return ImageInfo(
                sha256=row.sha256,
                mime=row.mime,
                width=row.width,
                height=row.height,
                size=row.size,
                original_name=row.original_name,
                created_at=row.created_at,
            )

    def path_of(self, sha256: str) -> Path:
        """Where the stored image's file is, written from the database when missing here.

        The database holds every image's bytes (since schema 0008); the file in the data
        folder is a cache. An image stored before that, whose file is on this PC only, is
        taken into the database now. The returned file may still be missing: an old image
        whose file was on another PC.

        Raises ``NotFoundError`` when no image with this hash was ever stored.
        """
        mime = self.info(sha256).mime
        extension = next((f.extension for f in FORMATS.values() if f.mime == mime), "bin")
        target = self._path(sha256, extension)
        intact = self._intact(target, sha256)
        with self._db.read() as s:
            stored = s.scalar(select(ImageData.data).where(ImageData.sha256 == sha256))
        if stored is not None and not intact and hashlib.sha256(stored).hexdigest() == sha256:
            with contextlib.suppress(OSError):  # a read-only data folder: shown as missing
                self._write(target, stored, sha256)
        elif stored is None and intact:
            with self._db.write() as s:
                if s.get(ImageData, sha256) is None:
                    s.add(ImageData(sha256=sha256, data=target.read_bytes()))
        return target

    @staticmethod
    def _intact(target: Path, digest: str) -> bool:
        try:
            return hashlib.sha256(target.read_bytes()).hexdigest() == digest
        except OSError:
            return False

    def _path(self, sha256: str, extension: str) -> Path:
        return self._root / sha256[:2] / f"{sha256}.{extension}"

    @staticmethod
    def _checked_sha(sha256: str) -> str:
        if not _SHA.match(sha256):
            raise NotFoundError("no such image", entity="image", sha256=sha256)
        return sha256

    # -- checking and cleaning -------------------------------------------------------------

    def _clean(
        self, data: bytes, name: str, limits: ImageLimits
    ) -> tuple[bytes, ImageFormat, int, int]:
        """Decode, check and encode again without metadata."""
        from PIL import Image, UnidentifiedImageError

        suffix = Path(name).suffix.lower()
        if suffix not in ACCEPTED_SUFFIXES:
            raise _refuse("this image format is not supported", name, suffix=suffix)
        with warnings.catch_warnings():
            # Pillow warns above its own pixel limit; here that is an error.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            try:
                image = Image.open(io.BytesIO(data))
            except UnidentifiedImageError as exc:
                raise _refuse("the file is not an image", name) from exc
            except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
                raise _refuse("the image has too many pixels", name, limit=limits.max_side) from exc
            except (OSError, ValueError, SyntaxError) as exc:
                raise _refuse("the image is damaged", name) from exc
            with image:
                fmt = FORMATS.get(image.format or "")
                if fmt is None:
                    raise _refuse("this image format is not supported", name, suffix=suffix)
                if suffix not in fmt.suffixes:
                    raise _refuse(
                        "the file name's extension does not match the image",
                        name,
                        suffix=suffix,
                        actual=fmt.extension,
                    )
                width, height = image.size
                frames = 1 if fmt is _JPEG else int(getattr(image, "n_frames", 1))
                if (
                    width > limits.max_side
                    or height > limits.max_side
                    or frames > MAX_FRAMES
                    or width * height * frames > limits.max_pixels
                ):
                    raise _refuse(
                        "the image has too many pixels",
                        name,
                        width=width,
                        height=height,
                        limit=limits.max_side,
                    )
                try:
                    cleaned, width, height = self._encode(image, fmt, frames)
                except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
                    raise _refuse(
                        "the image has too many pixels", name, limit=limits.max_side
                    ) from exc
                except (OSError, ValueError, SyntaxError, EOFError) as exc:
                    raise _refuse("the image is damaged", name) from exc
        return cleaned, fmt, width, height

    @staticmethod
    def _encode(image: PilImage, fmt: ImageFormat, frames: int) -> tuple[bytes, int, int]:
        """Write the pixels again in the same format, with nothing but drawing information."""
        from PIL import ImageOps, ImageSequence

        icc = image.info.get("icc_profile")
        out = io.BytesIO()
        if frames > 1:
            pictures = []
            durations = []
            for frame in ImageSequence.Iterator(image):
                frame.load()
                copy = frame.copy()
                durations.append(int(frame.info.get("duration", 100)))
                copy.info = {k: frame.info[k] for k in ("transparency",) if k in frame.info}
                pictures.append(copy)
            first = pictures[0]
            options: dict[str, Any] = {
                "save_all": True,
                "append_images": pictures[1:],
                "duration": durations,
                "loop": int(image.info.get("loop", 0)),
            }
            if fmt.extension == "webp":
                options["quality"] = 90
            first.save(out, format=fmt.pillow, **options)
            return out.getvalue(), first.width, first.height
        image.load()
        upright = ImageOps.exif_transpose(image)
        upright.info = {k: upright.info[k] for k in _KEPT_INFO if k in upright.info}
        options = {}
        if isinstance(icc, bytes):
            options["icc_profile"] = icc
        if fmt.extension == "jpg":
            if upright.mode not in ("RGB", "L", "CMYK"):
                upright = upright.convert("RGB")
            options.update(quality=92, optimize=True)
        elif fmt.extension == "webp":
            options.update(quality=90)
        elif fmt.extension == "png":
            options.update(optimize=False)
        upright.save(out, format=fmt.pillow, **options)
        return out.getvalue(), upright.width, upright.height

    @staticmethod
    def _write(target: Path, data: bytes, digest: str) -> None:
        """Write ``data`` to ``target`` atomically, unless an intact copy is already there."""
        if ImageStore._intact(target, digest):
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
