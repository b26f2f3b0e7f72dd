"""The pictures an `<image>` block may show: the brand's logo and the template folder's images.

The build layer reads the template folder's PNG and JPEG files into `RenderOptions.images`
(`build.template_images`); writers look a block's `src` up here and never read a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..errors import RenderError
from ..options import RenderOptions


@dataclass(frozen=True, slots=True)
class Picture:
    """Image bytes with their type and size in pixels."""

    data: bytes
    mime: str
    width: int
    height: int

    @property
    def aspect(self) -> float:
        """Return width over height."""
        return self.width / self.height if self.height else 1.0


def picture(src: str, options: RenderOptions) -> Picture:
    """Return the picture `src` names; RenderError when the brand or folder has none."""
    if src.lower() == "brand:logo":
        logo = options.theme.logo if options.theme else None
        if logo is None:
            raise RenderError("image", "<image src='brand:logo'>: the brand has no logo "
                                       "(give --brand FILE with a logo)")
        return Picture(logo.data, logo.mime, logo.width, logo.height)
    for name, data in options.images:
        if name == src:
            return _decode(data, name)
    raise RenderError("image", f"<image src={src!r}>: no such PNG or JPEG file in the template "
                               "folder (--templates DIR)")


@cache
def _decode(data: bytes, name: str) -> Picture:
    from docx.image.exceptions import UnrecognizedImageError
    from docx.image.image import Image

    try:
        image = Image.from_blob(data)
    except UnrecognizedImageError as exc:
        raise RenderError("image", f"{name} is not a PNG or JPEG image") from exc
    if image.content_type not in ("image/png", "image/jpeg"):
        raise RenderError("image", f"{name} is {image.content_type}, not PNG or JPEG")
    return Picture(data, image.content_type, image.px_width, image.px_height)


def aspects(options: RenderOptions) -> dict[str, float]:
    """Return each picture's aspect (width / height) by `src`, for the deck's layout."""
    out = {name: _decode(data, name).aspect for name, data in options.images}
    logo = options.theme.logo if options.theme else None
    if logo is not None and logo.height:
        out["brand:logo"] = logo.width / logo.height
    return out


__all__ = ["Picture", "aspects", "picture"]
