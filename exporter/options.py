"""Options shared by every writer, fixed once per run by the orchestration layer."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Literal

from .errors import ConfigError
from .theme import Theme

Paper = Literal["a4", "letter"]
MdFlavour = Literal["marp", "pandoc"]
PAPER_SIZES: dict[str, tuple[float, float]] = {"a4": (595.2756, 841.8898), "letter": (612.0, 792.0)}
"""Page sizes in PostScript points (A4 is 210 × 297 mm)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RenderOptions:
    """How to render: paper, marking, and the one timestamp every output carries."""

    paper: Paper = "a4"
    duplex: bool = False
    """Mirror margins and start sections on right-hand pages."""
    classification: str | None = None
    """Protective marking printed at the top and bottom of every page."""
    timestamp: int = 0
    """Seconds since the epoch written into document properties (creation date)."""
    per_page: int = 3
    """Slides per handout page."""
    pptx_template: str | None = None
    """A user's .pptx whose layouts and theme the deck uses."""
    pdfa: bool = False
    """Make PDFs PDF/A-2b (archival) as well as tagged."""
    generator: str = "exporter"
    """Name written as the producing application / author of the outputs."""
    md_flavour: MdFlavour = "marp"
    """Speaker notes in slides.md as Marp's comments or as Pandoc's `::: notes` divs."""
    reference_docx: bytes | None = None
    """A user's .docx / .dotx whose styles, page setup, headers and footers Word outputs take
    (read by the build layer, `build.read_reference_docx`)."""
    images: tuple[tuple[str, bytes], ...] = ()
    """(file name, bytes) of the PNG and JPEG files in the template folder, which `<image>`
    blocks may show (read by the build layer, `build.template_images`)."""
    theme: Theme | None = None
    """Colours, fonts and logo of every output (None: the built-in look, `theme.builtin`)."""

    @property
    def page_size(self) -> tuple[float, float]:
        """Return (width, height) in points."""
        return PAPER_SIZES[self.paper]


def build_timestamp(environ: dict[str, str] | None = None) -> int:
    """Return SOURCE_DATE_EPOCH when set (reproducible builds), else the current time."""
    env = os.environ if environ is None else environ
    value = env.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return int(time.time())
    try:
        stamp = int(value)
    except ValueError as exc:
        raise ConfigError(f"SOURCE_DATE_EPOCH={value!r} is not a whole number of seconds") from exc
    if stamp < 315532800:  # ZIP dates cannot go before 1980.
        raise ConfigError("SOURCE_DATE_EPOCH must be 1980-01-01 or later")
    return stamp
