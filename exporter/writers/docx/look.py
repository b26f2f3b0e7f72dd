"""The theme's fonts and colours as the Word writer uses them."""

from __future__ import annotations

from dataclasses import dataclass

from ...theme import Theme


@dataclass(frozen=True, slots=True)
class _Look:
    """The theme's fonts and colours as the Word writer uses them (`Theme` roles docx-*).

    Built in, the fonts are Calibri, on every Windows and Mac Office install since 2007.
    """

    body_font: str
    heading_font: str
    ink: str
    accent: str
    muted: str
    link: str
    rule: str
    header_fill: str
    key_fill: str
    box_fill: str
    band_fill: str
    marking: str

    @staticmethod
    def of(theme: Theme) -> _Look:
        def c(role: str) -> str:
            return theme.hex(f"docx-{role}")

        return _Look(body_font=theme.office_body, heading_font=theme.office_heading,
                     ink=c("ink"), accent=c("accent"), muted=c("muted"), link=c("link"),
                     rule=c("rule"), header_fill=c("header-fill"), key_fill=c("key-fill"),
                     box_fill=c("box-fill"), band_fill=c("band-fill"), marking=c("marking"))

