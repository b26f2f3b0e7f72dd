"""People the actor mentions missed, found where the text marks a name as a person's.

`actors.find_mentions` knows a person by a common first name or a title it lists; real news
also quotes `Oleksandr Shtupun`, `Lupe Villanueva-Ortiz` and `Dwayne Kosciuszko`. A run of two to
five capitalised words is taken as a person here when the text itself says so: a title before it
(`Sen. Ron Johnson`), a speech verb or `named` next to it, an appositive after it (`, a retired
steelworker,`), a gendered pronoun following it, or its last word written again on its own
(`… Kiptum had trained`). A run holding a gazetteer name, an organisation's head word or a title
word, or one an appositive calls a bank or a group, is no person. `cast.Cast` adds what this finds
to the mentions, with the surname written alone later.
"""

from __future__ import annotations

import re

from ..model import ActorKind
from .actors import (
    HOMETOWN_OF,
    NOT_ACTOR_HEADS,
    ORG_HEADS,
    ORG_WORDS,
    ROLE_NOUNS,
    SETTING_WORDS,
    STOP,
    Mention,
    leading_connectors,
)
from .actors import lookup as gazetteer_lookup
from .lexicon import (
    FIRST_NAMES,
    HONORIFICS,
    NOT_SPEAKERS,
    RELATION_GENDERS,
    RELATIONS,
    census_first_names,
)
from .matching import char_before
from .spans import SpanIndex
from .speakers import AGENT_NOUN, INITIAL, POSSESSIVE, bare_word, is_title

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_MID_CAPITAL = re.compile(r"[a-z,;]\s+([A-Z][a-z][\w-]*)")

# A run of capitalised name words: `Ron Johnson`, `J.D. Vance`, `Nguyen Thi Thanh Ha`,
# `Maria Delgado-Ruiz`, `Robert F. Kennedy Jr.`, `Jen O’Malley Dillon`.
# A full stop belongs to an initial or an abbreviation (`J.D.`, `Jr.`), never to a word that
# ends a sentence (`… the Central Division. Boudreau …`).
_NAME_WORD = (r"(?:(?:[A-Z]\.){1,3}|(?:" + "|".join(sorted(w.capitalize() for w in HONORIFICS))
              + r")\.|[A-Z][\w\u2019'-]*)")
# (The look-ahead for a capital passes over every other position with one test, before the
# look-behind and the name word's alternatives are tried: it halves the scan.)
_NAME_RUN = re.compile(r"(?=[A-Z])(?<![\w.\u2019'-])" + _NAME_WORD
                       + r"(?:\s+(?:(?:de|da|del|van|von|bin|al|"
                       r"el|la|le|di|dos|oglu|qizi)\s+)?" + _NAME_WORD + r")+")
# What makes a run of capitalised words a person although the mentions missed it: a title
# before it (`Sen. Ron Johnson`), a speech verb next to it (`said Oleksandr Shtupun`), an
# appositive after it (`Dwayne Kosciuszko, a retired steelworker`).
_APPOSITIVE_AFTER = re.compile(r",\s+(?:a|an|the|who|his|her|their|whose|another|one|\d+|"
                               r"[a-z]+-year-old)\b")
# Nouns an appositive gives an organisation, not a person.
_ORG_NOUN = re.compile(r"(?:(?!\b(?:of|for|at|in|with|from|who|that|whose)\b)[^,;.])*?"
                      r"\b(?:bank|firm|company|companies|group|lobby|network|outlet|"
                      r"newspaper|agency|organi[sz]ation|association|union|party|fund|charity|"
                      r"institute|think tank|nonprofit|non-profit|coalition|movement|brand|"
                      r"startup|start-up|chain|retailer|maker|manufacturer|developer|publisher|"
                      r"broadcaster|platform|app|website|service|committee|council|team|club)\b"
                      r"(?![\u2019'])")
# `His daughter, Inés, 19,`: a family noun, then one name and a comma.
_RELATIVE = re.compile(r"(?=[A-Zhtm])\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[A-Z][\w-]+[\u2019']s)\s+"
                       r"([a-z]+),?\s+"
                       r"([A-Z][^\W\d_][\w\u2019'-]*)(?=,)")
_WORD_COMMA = re.compile(r"\b([a-z][\w-]+),\s+$")
_VERB_AFTER = re.compile(r"\s*(?:said|says|told|added|wrote|asked|argued|posted|tweeted)\b")
# (`“…,” Thorsby said`: after a closing mark too.)
_ALONE = re.compile(r"(?<=[a-z,;\u201d\"] )([A-Z][a-z][\w-]+)(?![\w\u2019'-]| [A-Z])")
# A plural title before names joined by commas and `and` (party tags already blanked): each
# name holds it (`Sens. Arlo Jennings (R-Alaska) and Beth Crandall (R-Maine)`).
_PLURAL_TITLE_LIST = re.compile(r"\b(?:Sens|Reps|Govs|Drs|Messrs)\.\s+(?:[A-Z][\w.\u2019'-]*\s*"
                                r"|,\s*)*?(?:,\s*(?:and\s+)?|\s+and\s+)$")
_HONORIFIC_NAME = re.compile(r"\b(?:Mr|Mrs|Ms)\.?\s+([A-Z][\w\u2019'-]+)\b")
# A word alone before a speech verb, not the last of a longer name (`Nishimura said`).
_SAID_VERBS = ("said", "says", "told", "added", "asked", "replied", "wrote", "conceded", "paused")
_SAID_NAME = re.compile(r"(?<![\w\u2019'-]\s)(?<![\w\u2019'-])([A-Z][\w\u2019'-]+)\s+"
                        r"(?:" + "|".join(_SAID_VERBS) + r")\b")
# First words of places' names (`Port Haskell`, `Fort Stewart`, `Mount Pleasant`), never of a
# person's.
_PLACE_FIRST = frozenset({"port", "fort", "mount", "mt", "cape", "lake", "new"})
# `a New Haven hospital`, `an Eau Claire company`, `at the Campbell Works`: an article right
# before a run makes it a modifier or a thing's name, never a person's.
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:a|an|the)\s+$")
# Last words that make a run a place, never a surname (`Barlow County`, `Garfield Heights`).
_PLACE_LAST = frozenset({"county", "parish", "township", "borough", "heights", "springs",
                         "avenue", "highway", "canyon", "creek", "falls", "valley", "city",
                         "county's", "island", "islands", "peninsula", "reservoir", "terrace",
                         "boulevard", "plaza", "gardens", "estates"})
# Last words of places that are surnames too (`Seminary Park`, `Jennifer Park`): a place unless
# the first word is a given name.
_PLACE_OR_SURNAME = frozenset({"park", "square"})
_OFFICE_OF = re.compile(r"\b([a-z]+)\s+(?:to|of|for)\s+$")
_VERB_BEFORE = re.compile(r"\b(?:said|says|added|wrote|asked|argued|named|called)\s+$")
# A gendered pronoun after a run, no other capitalised word between but a sentence's first:
# `Lupe Villanueva-Ortiz has voted … This year, she isn’t sure`.
_PRONOUN_AFTER = re.compile(r"(?:\u201c[^\u201d]{0,300}\u201d|[.!?,]\s+(?:[A-Z]\w*)?|"
                            r"[^A-Z.!?\u201c])*?"
                            r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b")


def _relatives(texts: dict[int, str], by_paragraph: dict[int, list[Mention]],
               quoted: dict[int, list[tuple[int, int]]]) -> list[Mention]:
    """Return the people a family noun introduces by one name (`His daughter, Inés, 19,`,
    `Roger’s daughter, Kari,`), outside quotations and known mentions, and the later places
    the text calls them by that name alone."""
    out: list[Mention] = []
    first: dict[str, tuple[int, int]] = {}
    for p, text in texts.items():
        taken = [(m.start, m.end) for m in by_paragraph.get(p, ())] + quoted.get(p, [])
        for m in _RELATIVE.finditer(text):
            word = m.group(2)
            if bare_word(m.group(1)) not in RELATION_GENDERS or \
                    any(a <= m.start(2) < b for a, b in quoted.get(p, [])) or \
                    bare_word(word) in STOP or bare_word(word) in NOT_SPEAKERS or \
                    gazetteer_lookup([word], 0) or is_title(word):
                continue
            first.setdefault(word, (p, m.start(2)))
            if not any(a <= m.start(2) < b for a, b in taken):
                out.append(Mention(word, ActorKind.PERSON, p, m.start(2), m.end(2), word, "name"))
    if not first:
        return out
    # The text goes on calling such a relative by that name (`Kari, who built a spreadsheet
    # …, sides with neither of them`), which no run takes for a person on its own.
    given = re.compile(r"\b(" + "|".join(sorted(map(re.escape, first))) +
                       r")\b(?![\u2019'-]|\s+[A-Z])")
    introduced: dict[int, list[tuple[int, int]]] = {}
    for one in out:
        introduced.setdefault(one.paragraph, []).append((one.start, one.end))
    for p, text in texts.items():
        taken = [(m.start, m.end) for m in by_paragraph.get(p, ())] + quoted.get(p, []) + \
            introduced.get(p, [])
        out.extend([Mention(hit.group(1), ActorKind.PERSON, p, hit.start(), hit.end(),
                            hit.group(1), "name") for hit in given.finditer(text)
                    if (p, hit.start()) > first[hit.group(1)] and
                    not any(a <= hit.start() < b for a, b in taken)])
    return out


def _role_before(text: str, start: int) -> bool:
    """Return True if a role or a relation stands right before the run, a comma between
    (`Labour’s candidate, Azhar Ali,`, `his daughter, Ana Ruiz`)."""
    m = _WORD_COMMA.search(text, max(0, start - 30), start)
    if m is None:
        return False
    word = bare_word(m.group(1))
    return is_title(word) or word in ROLE_NOUNS or word in RELATIONS


def proper_words(texts: dict[int, str]) -> set[str]:
    """Return the capitalised words the texts write inside a sentence (after a lower-case word or
    a comma): proper names, not sentence openers."""
    return {m.group(1) for text in texts.values() for m in _MID_CAPITAL.finditer(text)}


def with_missed_people(mentions: tuple[Mention, ...], texts: dict[int, str],
                       quoted: dict[int, list[tuple[int, int]]],
                       proper: set[str]) -> tuple[Mention, ...]:
    """Return the mentions with the people `actors.find_mentions` missed added: a `First Last`
    run outside quotations that a title, a common first name, an appositive or a speech verb
    marks as a person, and its surname written alone later. A run that holds a place, an
    organisation's head word or a gazetteer name is no person. `proper`: the texts'
    `proper_words`."""
    added: list[Mention] = []
    surnames: dict[str, set[str]] = {}
    alone = _words_alone(texts)
    # `Delphine Aschenbrenner` beside `Harold Aschenbrenner, 79,`: a given name the census
    # lists before the surname of someone the mentions know is a relative.
    known_surnames = {m.key.split()[-1] for m in mentions if m.kind is ActorKind.PERSON and
                      " " in m.key}
    # Words the article writes alone as a name, after Mr./Ms. or before a speech verb: `Bodnár
    # Réka` and later `Ms. Bodnár` is a family name written first, as Hungarian and East Asian
    # names are.
    # (Each scan only where its words are: the patterns open with look-behinds.)
    named_alone = {m.group(1) for text in texts.values() if "Mr" in text or "Ms" in text
                   for m in _HONORIFIC_NAME.finditer(text)}
    # (Or written alone before a speech verb: `Nishimura said` after `Nishimura Kenta`.)
    named_alone |= {m.group(1) for text in texts.values()
                    if any(map(text.__contains__, _SAID_VERBS))
                    for m in _SAID_NAME.finditer(text)}
    by_paragraph: dict[int, list[Mention]] = {}
    for m in mentions:
        by_paragraph.setdefault(m.paragraph, []).append(m)
    for p, text in texts.items():
        here = by_paragraph.get(p, [])
        spans = SpanIndex([(m.start, m.end) for m in here if m.kind is not ActorKind.PERSON]
                          + quoted.get(p, []))
        known: dict[tuple[int, int], list[set[str]]] = {}
        for m in here:
            if m.kind is ActorKind.PERSON:
                known.setdefault((m.start, m.end), []).append(set(m.key.split()))
        persons = SpanIndex(known)
        for run in _NAME_RUN.finditer(text):
            words = run.group().split()
            if len(words) < 2:
                continue
            start = run.start()
            while words:
                drop = leading_connectors(words) or int(bare_word(words[0]) in STOP or
                                                        is_title(words[0]) or _plural_title(
                                                            words[0]))
                if not drop:
                    break
                for _ in range(drop):
                    start = text.index(words[1], start + len(words[0])) if len(words) > 1 \
                        else start
                    words = words[1:]
            office = _OFFICE_OF.search(text, max(0, start - 40), start)
            in_office = False
            if len(words) >= 3 and office and gazetteer_lookup(words[:1], 0) and (
                    is_title(office.group(1)) or bare_word(office.group(1)) in ROLE_NOUNS):
                # `ambassador to Britain Liu Xiaming`: the place belongs to the office, and the
                # name after it holds the office.
                start = text.index(words[1], start + len(words[0]))
                words = words[1:]
                in_office = True
            lead = run.group().split()[len(run.group().split()) - len(words) - 1] \
                if len(words) < len(run.group().split()) else ""
            # (`Supervisors Jolene Tabb and …`: a title in the plural before the first name.)
            titled = (bool(lead) and (is_title(lead) or _plural_title(lead))) or bool(
                _PLURAL_TITLE_LIST.search(text, max(0, start - 160), start))
            opener = char_before(text, start, " \u201c\u2018\"'(")
            low0 = bare_word(words[0]) if words else ""
            if words and not titled and (not opener or opener in ".!?:\u2014") and \
                    low0 not in FIRST_NAMES and words[0] not in proper and (
                        (low0.endswith(("ing", "ly", "ed")) and len(low0) > 5) or
                        low0 in ROLE_NOUNS or _role_compound(low0) or
                        (len(words) > 2 and AGENT_NOUN.fullmatch(low0) is not None)):
                # A sentence's first word may be any word (`Hosting Cook, …`, `Defenseman
                # Jonas Brodin`): only the words after it are taken.
                start = text.index(words[1], start + len(words[0])) if len(words) > 1 else start
                words = words[1:]
            while words and (words[-1].endswith(".") and bare_word(words[-1]) not in _SUFFIXES
                             and not INITIAL.fullmatch(words[-1])):
                words[-1] = words[-1][:-1]
            if len(words) < 2 or len(words) > 5:
                continue
            end = start + len(" ".join(words))
            if text[start:end] != " ".join(words):
                continue  # the run spans a line break or odd spacing: leave it
            native = len(words) == 2 and words[0] in named_alone and words[1] not in named_alone
            if spans.meets(start, end) or any(
                    key <= set(words) and not (native and key == {words[0]})
                    for span in persons.meeting(start, end) for key in known[span]):
                # The mentions have this person (`Browns DL Sheldon Richardson`); not when they
                # have only the family name written first (`Bodnár` of `Bodnár Réka`).
                continue
            low = [bare_word(w) for w in words]
            if low[0] in _PLACE_FIRST or low[-1] in _PLACE_LAST or (
                    low[-1] in _PLACE_OR_SURNAME and low[0] not in FIRST_NAMES and
                    census_first_names().get(low[0]) is None) or \
                    _ARTICLE_BEFORE.search(text, max(0, start - 4), start) or \
                    HOMETOWN_OF.search(text, max(0, start - 40), start):
                continue  # `fished out of Port Haskell`, `in Barlow County`: a place's name
            if low[-1] in NOT_ACTOR_HEADS:
                continue  # `the Agricultural Credit Act of 1987, which …`: a law, a war, a plan
            if bare_word(run.group().split()[0]) in SETTING_WORDS:
                continue  # `Outside City Hall, he said`: where, not who
            if any(w in ORG_HEADS or w in ORG_WORDS or w in STOP or w in NOT_SPEAKERS
                   or (is_title(w) and w not in _SUFFIXES) for w in low) or any(
                       POSSESSIVE.search(w) for w in words):
                continue
            appositive = _APPOSITIVE_AFTER.match(text, end)
            if appositive and _ORG_NOUN.match(text[appositive.end():appositive.end() + 60]):
                continue  # `Goldman Sachs, the bank,`: an organisation
            marked = titled or in_office or low[0] in FIRST_NAMES or \
                alone.get(words[-1], 0) >= 1 or bool(appositive) or \
                bool(_VERB_AFTER.match(text, end)) or \
                bool(_PRONOUN_AFTER.match(text[end:end + 400])) or \
                bool(_VERB_BEFORE.search(text, max(0, start - 12), start)) or \
                _role_before(text, start) or native or (
                    len(words) == 2 and words[-1] in known_surnames and
                    census_first_names().get(low[0]) is not None)
            if not marked or any(gazetteer_lookup([w], 0) for w in words):
                continue
            if all(w.isupper() and len(w) > 2 for w in words) and low[0] not in FIRST_NAMES:
                continue  # `in his block capitals: NOBODY WINS`: shouted words, no name
            key = " ".join(words)
            role = None
            added.append(Mention(key, ActorKind.PERSON, p, start, end, key, "name", role))
            last = words[-1] if bare_word(words[-1]) not in _SUFFIXES else words[-2]
            if native:
                last = words[0]  # `Han` alone, of `Han Seo-yeon`: the family name first
            surnames.setdefault(last, set()).add(key)
    added += _relatives(texts, by_paragraph, quoted)
    family_first: set[str] = set()
    for m in (*mentions, *added):
        words = m.key.split()
        if m.kind is ActorKind.PERSON and len(words) == 2 and words[0] in named_alone and \
                words[1] not in named_alone and words[0].lower() not in FIRST_NAMES:
            # `Han Seo-yeon` named in full, then `Han told supporters`, `Han paused`: the family
            # name, written first, goes on alone (the mentions' bare `Han` is hers too).
            surnames.setdefault(words[0], set()).add(m.key)
            family_first.add(words[0])
    if not added and not surnames:
        return mentions
    shared = {m.key.split()[-1] for m in mentions if m.kind is ActorKind.PERSON
              and m.key not in family_first}
    alone_of = {last: next(iter(keys)) for last, keys in surnames.items()
                if len(keys) == 1 and last not in shared}  # a shared surname stays ambiguous
    if alone_of:
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, alone_of)) + r")\b(?![\u2019']s)")
        for m in added:
            by_paragraph.setdefault(m.paragraph, []).append(m)
        for p, text in texts.items():
            taken = SpanIndex([(m.start, m.end) for m in by_paragraph.get(p, ())]
                              + quoted.get(p, []))
            extra = [Mention(alone_of[hit.group(1)], ActorKind.PERSON, p, hit.start(), hit.end(),
                             hit.group(1), "surname") for hit in pattern.finditer(text)
                     if not taken.holds(hit.start())]
            added.extend(extra)
    return tuple(sorted((*mentions, *added), key=lambda m: (m.paragraph, m.start)))


def _plural_title(word: str) -> bool:
    """Return True for a title in the plural (`Commissioners Yvette Carrasco and …`)."""
    low = bare_word(word)
    return len(low) > 3 and low.endswith("s") and is_title(low[:-1])


def _role_compound(word: str) -> bool:
    """Return True for a plural or hyphenated word of roles (`singer-guitarists`)."""
    parts = [p[:-1] if p.endswith("s") else p for p in word.split("-")]
    return ("-" in word or word.endswith("s")) and all(
        p in ROLE_NOUNS or AGENT_NOUN.fullmatch(p) is not None for p in parts)


def _words_alone(texts: dict[int, str]) -> dict[str, int]:
    """Return how often each capitalised word stands alone inside a sentence (no capitalised
    word on either side): a surname written again on its own (`Kiptum had trained`)."""
    counts: dict[str, int] = {}
    for text in texts.values():
        for m in _ALONE.finditer(text):
            before = text.rfind(" ", 0, m.start() - 1)
            if text[before + 1:before + 2].isupper():
                continue  # `a Go-Kart Track`: the word before is capitalised too
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return counts


__all__ = ["proper_words", "with_missed_people"]
