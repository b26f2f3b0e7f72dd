"""Names out of a web page's author credits: `By TOM KRISHER, AP Auto Writer` → `Tom Krisher`.

A credit (a JSON-LD author name, a `meta author`, the text of a byline element) is split on
"and", commas, bars and dashes; each part keeps the name at its head and loses the role,
affiliation, handle, date or bio that follows it. A credit that is a dateline (`RAFAH, Gaza
Strip (AP) —`) names no one. Word lists: `data/byline_words.txt`, `data/agencies.txt`.
"""

from __future__ import annotations

import html
import re
from functools import cache
from importlib import resources

from ..normalise import clean_inline
from .masthead import is_agency, is_name, name_word, parse_dateline, squash, strip_name_tail

# `By`, `Written by`, `Analysis by`, `Text:`: a label before the names.
_LABEL = re.compile(r"^(?:[^\W\d_]+\s+)?by\b\s*[:\-–—]?\s*|^[^\W\d_]+\s*:\s+", re.IGNORECASE)
# `Por`, `Von`, `Par`, `Door`, `About`: the same label in other languages or on an author box;
# some are name particles too (`Von Miller`), so only before a name of two words or more.
_LABEL_WORD = re.compile(r"^(?:por|von|par|door|di|av|af|przez|от|від|about)\s+(?=\S+\s+\S)",
                         re.IGNORECASE)
# `y`, `e`, `en`: "and" in Spanish, Portuguese/Italian, Dutch; also inside one name (`Ortega y
# Gasset`), so they split a credit only where both sides are whole names.
_FOREIGN_AND = re.compile(r"\s(?:y|e|en)\s")
# `Ana OrtizView More Articles`: a name glued to the link after it.
_GLUED = re.compile(r"^(\w*[a-z])([A-Z][a-z]+)$")
# A picture's credit, not the article's.
_PICTURE = re.compile(r"^\(?(?:photo(?:graph)?|image|picture|graphic|illustration|video|"
                      r"credit)s?\b", re.IGNORECASE)
# Where a credit stops naming people: an address, a handle, a date stamp, any digit.
_CUT = re.compile(r"\S+@\S+|(?<!\w)@\w+|https?://\S+|\b(?:last\s+)?(?:updated|published|"
                  r"posted|modified)\b|\d", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|;|&|\||·|•|\s/\s|\s[—–-]\s|\band\b|\bwith\b|\bund\b|\bet\b)\s*"
                    r"|(?<=[^\W\d_]{3})\.\s+(?=[^\W\d_])", re.IGNORECASE)
_TRAILING_DATE = re.compile(
    r"(?:[\s,]+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|"
    r"wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?)+[\s,]*$",
    re.IGNORECASE)
_DOMAIN = re.compile(r"\.(?:com|org|net|info|news|co|tv|media|[a-z]{2})$", re.IGNORECASE)


@cache
def _words(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """Return (words that end a name, words that make a credit an organisation)."""
    raw = (resources.files(__package__) / "data" / name).read_text(encoding="utf-8")
    stops: set[str] = set()
    orgs: set[str] = set()
    for line in raw.splitlines():
        line = line.strip().lower()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@org "):
            orgs.add(line[5:].strip())
        elif not line.startswith("@"):
            stops.add(line)
    return frozenset(stops), frozenset(orgs)


def credit_names(credit: str) -> list[str]:
    """Return the names in one author credit, people and organisations alike, in order."""
    text = clean_inline(html.unescape(credit))
    if not text or _is_dateline(text) or _PICTURE.match(text):
        return []
    if (dateline := parse_dateline(text)) is not None:
        text = dateline[1]  # `WASHINGTON (AP) — …`: the place and agency are no one's name
    text = _LABEL_WORD.sub("", _LABEL.sub("", text, count=1), count=1)
    if (cut := _CUT.search(text)) is not None:
        text = text[: cut.start()].rstrip(" ([{<")  # `Ana Ortiz (https://…)`
        if cut.group(0).isdigit():  # `Reuters, Nov 20 2019`: the month before the day too
            text = re.sub(r"\s+(?:on|at|the)\s*$", "", _TRAILING_DATE.sub("", text))
    parts = [piece for p in _SPLIT.split(text) for piece in _split_foreign_and(p.strip(" .,:;-–—"))]
    names: list[str] = []
    for index, part in enumerate(parts):
        name = _head_name(strip_name_tail(part), first=index == 0)
        if not name:
            continue
        # `Victor Tangermann, Futurism`, `Reuters, Washington`: one word after the first
        # credit is where they write or file from, not another writer.
        if index > 0 and len(name.split()) == 1:
            continue
        if name not in names:
            names.append(name)
    return names


def _split_foreign_and(part: str) -> list[str]:
    """Return `part` split on a foreign "and" when every piece is a name of two words or more."""
    pieces = _FOREIGN_AND.split(part)
    if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
        return pieces
    return [part]


def _is_dateline(text: str) -> bool:
    """Return True for a dateline standing alone (`RAFAH, Gaza Strip (AP) —`, `SHANGHAI:`)."""
    if not text.rstrip().endswith(("—", "–", "-", ":", ")")):
        return False
    found = parse_dateline(text.rstrip() + " Xx")
    return found is not None and found[1] == "Xx"


def _head_name(part: str, *, first: bool) -> str | None:
    """Return the name at the head of `part`, or None if the part is prose or a role.

    A role word ends the name in the first part (`Saima Sidik Author …`); any later part that
    holds one is a role itself (`Tom Krisher, AP Auto Writer`).
    """
    stops, orgs = _words("byline_words.txt")
    kept: list[str] = []
    words = part.split()
    for i, word in enumerate(words):
        if (glued := _GLUED.match(word)) and glued.group(2).lower() in stops:
            word = glued.group(1)  # `Ana OrtizView More Articles`
            if not name_word(word):
                return None
            kept.append(word)
            break
        key = word.lower().strip(".").split("-")[0]
        if key in orgs and i == len(words) - 1 and kept:
            kept.append(word)  # `HNN Staff`, `News Nation Bureau`: an organisation's credit
            break
        if key in stops:
            if not first:
                return None
            # `Tom Doe News reporter`, `Ana Ortiz Sports Writer`: the role's first words too.
            while len(kept) > 2 and kept[-1].lower() in _role_words():
                kept.pop()
            break
        # `DANICA KIRKA Associated Press`: a shouted name ends where the shouting does, and
        # `Kevin Doe USA TODAY`: a written name where the shouting (the paper's name) starts.
        if len(kept) >= 2 and all(w.isupper() for w in kept) and not word.isupper():
            break
        if len(kept) >= 2 and not any(_shouted(w) for w in kept) and _shouted(word):
            break
        if not name_word(word):
            return None  # `the Russian and Syrian defense ministries`: a description
        kept.append(word)
    # `Saima Sidik Saima Sidik`: a name printed twice (beside a photo, then as a link).
    for size in range(1, len(kept) // 2 + 1):
        if kept[:size] == kept[size: 2 * size]:
            kept = kept[:size]
            break
    if not kept or len(kept) > 6:
        return None
    name = " ".join(kept)
    if name.isupper() and len(name) > 3:
        name = " ".join(w if len(w.rstrip(".")) <= 1 else w[0] + w[1:].lower() for w in kept)
    return name


def _shouted(word: str) -> bool:
    """Return True for a word in capitals that is not an initial (`USA`, `TODAY`, not `J.`)."""
    letters = re.sub(r"[\W\d_]+", "", word)
    return len(letters) >= 2 and letters.isupper()


@cache
def _role_words() -> frozenset[str]:
    """Return the words that open a role before its last word (`News` in `News reporter`)."""
    raw = (resources.files(__package__) / "data" / "byline_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip()[6:].strip().lower() for line in raw.splitlines()
                     if line.strip().lower().startswith("@role "))


def is_organisation(name: str, sites: list[str]) -> bool:
    """Return True when `name` is an agency, the site itself or another organisation."""
    squashed = squash(name)
    if name.split()[0].lower() in ("the", "a", "an"):
        return True  # no person's name starts with an article
    if is_agency(name) or _DOMAIN.search(name):
        return True
    words = name.split()
    # `CNN Business`, `NBC Sports`: an acronym, then an ordinary word, is a brand, not a person.
    if len(words) > 1 and len(re.sub(r"\W+", "", words[0])) >= 3 and words[0].isupper() \
            and not all(w.isupper() for w in words):
        return True
    _, orgs = _words("byline_words.txt")
    if any(w.lower().strip(".") in orgs for w in name.split()):
        return True
    for site in sites:
        key = squash(site)
        if len(key) >= 3 and (squashed == key or (len(squashed) >= 4 and (
                key.startswith(squashed) or squashed.startswith(key)))):
            return True
    return not is_name(name)
