"""Office Open XML packages, shared by the DOCX and PPTX writers.

- `package`: parts in, a reproducible zip out;
- `parts`: content types and relationships read and written as XML;
- `props`: the core and extended properties parts (`docProps/core.xml`, `docProps/app.xml`).

Parts are generated as XML here or by the writers; no library's package classes are rewritten.
"""

from __future__ import annotations

from .package import reproducible_zip, write_package, zip_time
from .props import MAX_CORE_PROPERTY, core_property

__all__ = ["MAX_CORE_PROPERTY", "core_property", "reproducible_zip", "write_package", "zip_time"]
