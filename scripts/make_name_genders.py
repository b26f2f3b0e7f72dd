"""Regenerate `exporter/analysis/data/given_name_genders.tsv` from the nomquamgender package.

The table lists given names that people of one gender bear almost always, for the analysis to
tell which `he` or `she` a name can take up (`Tess Amberly … “…,” he said`: not her). It is
taken once from nomquamgender's name data (Ian Van Buskirk, MIT licence; name-gender counts
from 31 sources, among them the US Social Security Administration's lists) rather than read at
run time: importing that package loads numpy and pandas and a 30 MB JSON file, a second or more
in every fresh worker for a table of under 10,000 names.

    pip install nomquamgender==0.1.4
    python scripts/make_name_genders.py

A name is kept when at least 8 sources and 1,000 people attest it and at least 97% of them are
of one gender; names of any other shape (initials, several words, markup) are left out.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "exporter" / "analysis" / "data" / \
    "given_name_genders.tsv"
MIN_SOURCES = 8
MIN_COUNT = 1000
SHARE = 0.97

HEADER = """\
# Given names people of one gender bear almost always, from nomquamgender 0.1.4's name data
# (Copyright (c) 2022 Ian Van Buskirk, MIT licence: "Permission is hereby granted, free of
# charge, to any person obtaining a copy of this software and associated documentation files
# (the "Software"), to deal in the Software without restriction, including without limitation
# the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
# of the Software, and to permit persons to whom the Software is furnished to do so, subject to
# the following conditions: The above copyright notice and this permission notice shall be
# included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS
# IS", WITHOUT WARRANTY OF ANY KIND."). Kept: names at least 8 sources and 1,000 people attest,
# 97% or more of one gender. Regenerate with `python scripts/make_name_genders.py`. Used for
# genders only, never to tell a name from a word (see census_first_names.tsv).
"""


def main() -> int:
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        print("nomquamgender is not installed: pip install nomquamgender==0.1.4")
        return 1
    # The data file alone: importing the package would load numpy and pandas for nothing.
    data = json.loads((Path(next(iter(spec.submodule_search_locations))) /
                       "name_data.json").read_text(encoding="utf-8"))
    rows = []
    for name, (sources, count, share_f, *_rest) in sorted(data.items()):
        if not re.fullmatch(r"[a-zà-ÿ][a-zà-ÿ'-]+", name) or sources < MIN_SOURCES or \
                count < MIN_COUNT:
            continue
        if share_f >= SHARE:
            rows.append(f"{name}\tf")
        elif share_f <= 1 - SHARE:
            rows.append(f"{name}\tm")
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names written to {OUT.relative_to(OUT.parents[3])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
