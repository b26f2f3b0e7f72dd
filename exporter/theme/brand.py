"""Read a brand.yml file (posit-dev's brand standard) into a `Theme`, with its files' bytes.

Parsed and validated by the `brand_yml` package, as Quarto does; this module reads the logo and
font files the brand names (relative to the brand file), checks them, and hashes everything into
`Theme.digest`. What is used:

- `meta.name`; `logo` (`large`, else `medium`, else `small`; a plain `logo: file` too), PNG or
  JPEG; its `alt` text, else the brand's name;
- `color`: `primary`, `secondary`, `foreground` and any palette entry named after a colour role
  (`theme.ROLES`); `typography.headings.color`;
- `typography`: the `base` and `headings` families (and `monospace`, named only). A family with
  `source: file` fonts is embedded in PDFs (TrueType outlines: ReportLab cannot embed CFF
  OpenType); every family is named in Word documents and in the deck's theme.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from . import Decoration, FontFace, Logo, Theme, derive_colors

BUILTIN_FILE = Path(__file__).with_name("builtin.yml")
BRAND_FILE = "_brand.yml"
"""Read from the working directory when no `--brand` is given."""
MAX_ASSET = 20_000_000
"""Largest logo or font file read (bytes)."""


def load_builtin() -> Theme:
    """Return the built-in theme from the shipped `builtin.yml`.

    Our own file, in the plain subset of brand.yml it is written in (every role a `#RRGGBB`
    palette entry, font families by name), is read as YAML here: validating it with `brand_yml`
    (pydantic models) took a fifth of a second in every worker process, for every build without
    a brand. A test checks that `brand_yml` reads the file to the same theme.
    """
    import yaml

    # libyaml's parser where PyYAML has it (the same data: the constructor is SafeLoader's),
    # ~1 ms instead of ~7 of every worker's first article.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(BUILTIN_FILE.read_text(encoding="utf-8"), Loader=loader)
    palette = data["color"]["palette"]
    table = {role: _hex(palette[role], role) for role in _roles()}
    typography = data.get("typography") or {}
    return Theme(name="exporter", colors=derive_colors(table, table, {}),
                 office_body=_plain_family(typography.get("base")) or "Calibri",
                 office_heading=_plain_family(typography.get("headings")) or "Calibri")


def _plain_family(value: object) -> str | None:
    """Return the family of a brand.yml typography entry as YAML reads it."""
    if isinstance(value, dict):
        value = value.get("family")
    return str(value) if value else None


@cache
def _roles() -> tuple[str, ...]:
    from . import ROLES

    return tuple(ROLES)


def load_brand(path: Path) -> Theme:
    """Return the theme `path` describes; ConfigError (naming the file) when it cannot be used."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the brand file: {exc.strerror or exc}",
                          subject=str(path)) from exc
    try:
        return _theme(data, path)
    except ConfigError as exc:
        if exc.subject is None:
            exc.subject = str(path)
        raise


def _parse(data: bytes, path: Path) -> Any:
    from brand_yml import Brand
    from pydantic import ValidationError

    try:
        return Brand.from_yaml_str(data.decode("utf-8"), path=path)
    except UnicodeDecodeError as exc:
        raise ConfigError("the brand file is not UTF-8 text") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise ConfigError(f"not a valid brand.yml: {where}: {first.get('msg', '')}") from exc
    except Exception as exc:  # ruamel's YAML errors: several classes, one meaning here
        raise ConfigError(f"not a valid brand.yml: {' '.join(str(exc).split())}") from exc


def _theme(data: bytes, path: Path) -> Theme:
    brand = _parse(data, path)
    digest = hashlib.sha256(data)
    base = load_builtin()
    colors = brand.color.to_dict() if brand.color else {}
    sources = {key: _hex(colors[key], key) for key in ("primary", "secondary", "foreground")
               if isinstance(colors.get(key), str)}
    typography = brand.typography
    headings = getattr(typography, "headings", None) if typography else None
    heading_color = getattr(headings, "color", None)
    if isinstance(heading_color, str):
        sources["heading"] = _hex(colors.get(heading_color, heading_color), "headings.color")
    named = {role: _hex(value, role) for role, value in colors.items()
             if role in _roles() and isinstance(value, str)}
    table = dict(base.colors)

    body_family = _family(brand, "base")
    heading_family = _family(brand, "headings") or body_family
    faces = _faces(brand, path, digest)
    logo = _logo(brand, path, digest)
    name = brand.meta.name.full if brand.meta and brand.meta.name else path.stem
    return Theme(
        name=str(name),
        colors=derive_colors(table, named, sources),
        office_body=body_family or base.office_body,
        office_heading=heading_family or base.office_heading,
        deck_fonts=(heading_family, body_family) if body_family and heading_family else None,
        body_faces=tuple(f for f in faces if f.family == body_family),
        heading_faces=tuple(f for f in faces if f.family == heading_family),
        logo=logo,
        decoration=Decoration(),
        builtin=False,
        digest=digest.hexdigest(),
    )


def _hex(value: object, what: str) -> str:
    text = str(value).strip().lstrip("#").upper()
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if len(text) != 6 or any(c not in "0123456789ABCDEF" for c in text):
        raise ConfigError(f"colour {what} is {value!r}: give it as #RRGGBB")
    return text


def _family(brand: Any, key: str) -> str | None:
    typography = brand.typography
    if typography is None:
        return None
    value = getattr(typography, key, None)
    family = getattr(value, "family", None)
    return str(family) if family else None


def _asset(brand_path: Path, relative: Any, what: str, digest: Any) -> bytes:
    text = str(getattr(relative, "root", relative))
    if "://" in text:
        raise ConfigError(f"{what} {text} is a URL: the tool reads only local files")
    file = brand_path.parent / text
    try:
        size = file.stat().st_size
        if size > MAX_ASSET:
            raise ConfigError(f"{what} {text} is larger than {MAX_ASSET} bytes")
        data = file.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {what} {text}: {exc.strerror or exc}") from exc
    digest.update(text.encode())
    digest.update(hashlib.sha256(data).digest())
    return data


def _faces(brand: Any, path: Path, digest: Any) -> list[FontFace]:
    typography = brand.typography
    out: list[FontFace] = []
    for font in getattr(typography, "fonts", None) or ():
        if getattr(font, "source", None) != "file":
            continue  # Google or Bunny fonts would need the network: named only
        for file in font.files or ():
            data = _asset(path, file.path, "font", digest)
            if data[:4] not in (b"\x00\x01\x00\x00", b"true"):
                raise ConfigError(f"font {file.path.root} is not a TrueType font (the PDF "
                                  "writer embeds TrueType outlines only)")
            weight = getattr(getattr(file, "weight", None), "root", 400)
            bold = (isinstance(weight, int) and weight >= 600) or weight in ("bold", "bolder")
            out.append(FontFace(family=str(font.family), bold=bool(bold),
                                italic=getattr(file, "style", "normal") == "italic", data=data))
    return out


def _logo(brand: Any, path: Path, digest: Any) -> Logo | None:
    logo = brand.logo
    if logo is None:
        return None
    resource = logo
    if not hasattr(logo, "path"):
        resource = (getattr(logo, "large", None) or getattr(logo, "medium", None)
                    or getattr(logo, "small", None))
    if resource is not None and not hasattr(resource, "path"):
        resource = getattr(resource, "light", None) or getattr(resource, "dark", None)
    if resource is None:
        return None
    data = _asset(path, resource.path, "logo", digest)
    from docx.image.exceptions import UnrecognizedImageError
    from docx.image.image import Image

    try:
        image = Image.from_blob(data)
    except UnrecognizedImageError as exc:
        raise ConfigError(f"logo {resource.path.root} is not a PNG or JPEG image") from exc
    if image.content_type not in ("image/png", "image/jpeg"):
        raise ConfigError(f"logo {resource.path.root} is {image.content_type}: give a PNG or "
                          "JPEG")
    name = brand.meta.name.full if brand.meta and brand.meta.name else None
    alt = getattr(resource, "alt", None) or (f"{name} logo" if name else "Logo")
    return Logo(data=data, mime=image.content_type, width=image.px_width,
                height=image.px_height, alt=str(alt))


def find_brand(option: str | None, cwd: Path | None = None) -> Path | None:
    """Return the brand file to use: `option`, else `_brand.yml` in `cwd` when there is one."""
    if option:
        return Path(option)
    default = (cwd or Path.cwd()) / BRAND_FILE
    return default if default.is_file() else None


__all__ = ["BRAND_FILE", "find_brand", "load_brand", "load_builtin"]
