"""Make `exporter/writers/pptx/builtin.pptx`, the built-in deck's reference presentation.

The deck writer starts every deck from a reference presentation (its master, layouts, themes and
notes master) and adds generated slides; without `--pptx-template` that is this file. It is
python-pptx's default template (MIT licence) made 16:9 (13.333 × 7.5 in, master and layouts
stretched sideways as the deck's slides are), with a notes master, the theme's fonts set to Arial
(what the deck measures text with, so no run needs to name a typeface), and without the thumbnail
and printer settings. Run it again only to change the reference deck, and review the result:

    python scripts/make_builtin_deck.py
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

from exporter.writers.deck.shape import EMU_PER_PT, SLIDE_HEIGHT, SLIDE_WIDTH
from exporter.writers.ooxml import write_package
from exporter.writers.ooxml.parts import (
    CONTENT_TYPES,
    ContentTypes,
    Relationships,
    rels_member,
    resolve,
)

OUT = Path(__file__).resolve().parents[1] / "exporter" / "writers" / "pptx" / "builtin.pptx"
DROP_TYPES = ("/thumbnail", "/printerSettings")


def main() -> None:
    prs = Presentation()
    factor = SLIDE_WIDTH / 720.0
    prs.slide_width = Emu(round(SLIDE_WIDTH * EMU_PER_PT))
    prs.slide_height = Emu(round(SLIDE_HEIGHT * EMU_PER_PT))
    for part in [prs.slide_master, *prs.slide_layouts]:
        for shape in part.shapes:
            if shape.left is not None and shape.width is not None:
                shape.left = Emu(round(shape.left * factor))
                shape.width = Emu(round(shape.width * factor))
    prs.notes_master  # noqa: B018  # made on first use: the deck's notes need one
    saved = io.BytesIO()
    prs.save(saved)
    with zipfile.ZipFile(saved) as source:
        members = {name: source.read(name) for name in source.namelist()}
    types = ContentTypes.parse(members.pop(CONTENT_TYPES))
    for owner in ("", "ppt/presentation.xml"):
        rels_name = rels_member(owner) if owner else "_rels/.rels"
        rels = Relationships.parse(members[rels_name])
        dropped = [r for r in rels.items if r.type.endswith(DROP_TYPES)]
        for r in dropped:
            members.pop(resolve(owner, r.target), None)
        members[rels_name] = rels.without(r.rid for r in dropped).xml()
    presentation = members["ppt/presentation.xml"].decode()
    members["ppt/presentation.xml"] = presentation.replace(' type="screen4x3"', "").encode()
    for name in [n for n in members if n.startswith("ppt/theme/")]:
        theme = members[name].decode()
        theme = re.sub(r'(<a:(?:major|minor)Font><a:latin typeface=")[^"]*"', r'\1Arial"', theme)
        members[name] = theme.encode()
    members[CONTENT_TYPES] = types.xml(members)
    OUT.write_bytes(write_package(members, members.__getitem__, 0))
    print(f"wrote {OUT.relative_to(Path.cwd())} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
