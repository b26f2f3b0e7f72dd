"""The deck model: one layout of the slides that the PPTX deck, the handouts and slides.md paint.

- `outline`: which slides a document makes and what each holds (no measuring, no ReportLab);
- `metrics`: how wide text is in the deck's font;
- `wrap`: runs into lines no wider than a box;
- `shape`: the slide size and where each layout puts title and body (built in or a template's);
- `paginate`: a slide into measured pages, shrunk to fit or continued over "(cont.)" pages.

The painters (`slides_pptx`, `handout`, `slides_md`) only draw what these modules decide.
"""

from __future__ import annotations
