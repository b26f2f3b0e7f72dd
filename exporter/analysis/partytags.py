"""Party and state tags after a name (`Rep. Adam Schiff, D-Calif., said`, `Sen. Jane Roe (D.,
Wash.)`), blanked with the other things around a name that are no speaker nor part of one."""

from __future__ import annotations

import re

from .actors import blank_dateline, blank_district_tags, blank_nicknames

_PARTY_TAG = re.compile(r"\s*\((?:[DRIL](?:[-–][A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?|"
                        # Wall Street Journal style: `Sen. Jane Roe (D., Wash.)`.
                        r"[DRI]\.,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?|"
                        r"[A-Z]{1,3}[-–][A-Z][\w. ]{0,20}|Democrat|Republican|Independent|"
                        r"Conservative|Labour|Lab|Con|LD|Lib Dem|SNP|Green|Greens)\)"
                        # AP style between commas: `Rep. Adam Schiff, D-Calif., said`, and
                        # with a hometown (`D-West Valley City`, `R-Coeur d’Alene`).
                        r"|(?<=,)\s*(?:[DRI]|DFL)[-–][A-Z][\w.’']*(?:\s(?:[A-Z]|d[’'])[\w.’']*){0,2}(?=,)"
                        # Washington Times style: `Rep. Jane Roe, Ohio Republican, said`.
                        r"|(?<=,)\s*(?:[A-Z][a-z.]+\s){1,2}(?:Democrat|Republican|Independent)(?=,)"
                        # New York Times style: `Representative Jane Roe, Democrat of Ohio,`.
                        r"|(?<=,)\s*(?:Democrat|Republican|[Ii]ndependent)\s+of\s+"
                        r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)?(?=,|\s+and\s+[a-z])")
_PARTY_NEEDS = ("-", "\u2013", "Democrat", "Republican", "ndependent")
"""What a tag between commas holds (`D-Calif.`, `Ohio Republican`, `Democrat of Ohio`); one in
brackets holds its `(`."""


def mask_party_tags(text: str) -> str:
    """Return `text` with party and state tags (`(D-Wis.)`, `(R)`), an opening dateline and
    quoted nicknames inside names blanked, offsets kept: none is a speaker nor part of one."""
    text = blank_district_tags(blank_nicknames(blank_dateline(text)))
    if "(" not in text and ("," not in text or not any(map(text.__contains__, _PARTY_NEEDS))):
        return text  # no tag can be there: its scan opens with a look-behind at each character
    return _PARTY_TAG.sub(lambda m: " " * len(m.group()), text)


__all__ = ["mask_party_tags"]
