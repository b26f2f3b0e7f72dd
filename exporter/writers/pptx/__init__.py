"""The PPTX deck's parts, generated as XML: the reference presentation the slides go into
(`reference`), DrawingML for text, shapes and tables (`drawing`), and a laid-out page painted as
a slide and its notes (`paint`). `slides_pptx.PptxWriter` streams them into one package.
"""

from __future__ import annotations
