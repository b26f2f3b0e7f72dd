"""Transcripts: a paragraph that opens with a speaker's label, then a colon and the quotation.

An interview or a hearing excerpt prints each turn as `Bell: “Are you running?”`, with no speech
verb. The label speaks only when it is a person the article has already named in full (`Marcus
Bell`, then `Bell:`): a label is otherwise often a section word (`Update:`, `Editor's note:`), a
place or an organisation, and a wrong speaker is worse than none.
"""

from __future__ import annotations

import re

from .cast import Cast
from .speakers import AMBIGUOUS, Name, Speaker

# One or two capitalised name words opening the paragraph, a colon, then the opening mark.
_LABEL = re.compile(r"\s*([A-Z][^\W\d_][\w\u2019'-]*(?: [A-Z][^\W\d_][\w\u2019'-]*)?):\s*"
                    r"[\u201c\"]?$")


def label_speaker(cast: Cast, paragraph: int, text: str, start: int) -> Speaker | None:
    """Return the person whose label opens the paragraph right before the quotation starting at
    `start` (`Lindqvist: “…”`), when the article named a person of that surname in full; else
    None."""
    label = _LABEL.match(text[:start])
    if label is None:
        return None
    words = tuple(label.group(1).split())
    if not any(len(key.split()) > 1 for key in cast.by_last.get(words[-1], [])):
        return None  # nobody of that surname named in full
    # Two people of one surname are told apart as a speech verb's `Lindqvist said` would be.
    found = cast.resolve(Name(words, label.start(1), label.end(1)), paragraph)
    if found is None or found is AMBIGUOUS or found.kind != "person":
        return None
    return found


__all__ = ["label_speaker"]
