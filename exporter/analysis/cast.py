"""The cast of one article: who a written name, a pronoun or `the ministry` denotes.

`Cast` is the explicit state the attribution rules (`quotes`) consult and add to: the people and
organisations `actors.find_mentions` found (with the people it missed, `people`), indexed by
surname and first name, the `First Last` pairs the text writes (so a surname two people share
stays ambiguous even when the mentions missed one of them), genders where a title, a common first
name, an appositive or a following pronoun tells (`genders`), the titles and roles written before
names, and the speakers attributed so far. `speakers` parses the phrase next to a speech verb; this
module resolves it, or answers `AMBIGUOUS` / None so the quotation stays silent.
What a pronoun points back at is `antecedents`' job, which `Cast` takes as its base, with
`bodies` (organisations) and `generations` (`the elder X`).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Actor, ActorKind
from .actors import CONNECTORS, ORG_HEADS, ORG_WORDS, ROLE_NOUNS, STOP, Mention
from .actors import lookup as gazetteer_lookup
from .antecedents import _AROUND, Antecedents, _Seen
from .bodies import Bodies
from .genders import appositive_gender, first_name_gender, pronoun_genders
from .generations import Generations
from .lexicon import (
    FIRST_NAMES,
    HONORIFICS,
    RELATION_GENDERS,
    RELATIONS,
    TITLES,
    Gender,
)
from .matching import char_before
from .namesakes import established_namesake
from .people import proper_words, with_missed_people
from .relatives import written_age
from .speakable import can_speak, is_acronym, title_role, title_words
from .speakers import (
    AMBIGUOUS,
    Attribution,
    Name,
    Speaker,
    SpeakerKind,
    bare_word,
    is_title,
)

# Overlapping pairs (a look-ahead), so `CEO Tim Cook` gives `Tim Cook` too; never from inside a
# hyphenated or apostrophised word (`Eva-Marie Persson` is no `Marie Persson`).
# (The first look-ahead, for a capital, passes over every other position with one test.)
_PAIR = re.compile(r"(?=[A-ZÀ-Ý])(?<![\w\u2019'-])"
                   r"(?=\b([A-ZÀ-Ý][^\W\d_][\w-]*)\s+([A-ZÀ-Ý][^\W\d_][\w-]*)\b"
                   r"(?![\u2019']s?\b\s+[A-Z]))")
# Honours written before a first name alone in British style (`Sir Keir`, `Dame Karen`).
_KNIGHTHOODS = frozenset({"sir", "dame"})
_PEERAGES = frozenset({"lady", "lord", "baroness", "baron"})
# Generational suffixes: `James Kennedy Jr.` is still `Kennedy`.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words that make a title someone else's (`Vice President`, `former President`).
_NOT_THE_TITLE = frozenset({"vice", "deputy", "assistant", "associate", "former", "acting",
                            "ex", "lieutenant", "under", "then", "late", "interim"})
# A firm's officers, whom `the executive` names (`president of Spindrift Interactive`).
_OFFICERS = frozenset({"president", "ceo", "chief", "founder", "chairman", "chairwoman"})


def _executive(words: set[str]) -> set[str]:
    return words | {"executive"} if words & _OFFICERS else words


# `The senator from Tillmont …`: a title and where its holder comes from.
_TITLE_FROM = re.compile(r"\bThe\s+[a-z]+\s+from\s+([A-Z][\w-]+)")
# `The governor …` opening a sentence: a title standing for its subject, no name after it.
_THE_TITLE = re.compile(r"(?:^|(?<=[.!?]\s))\s*The\s+([a-z]+)\b(?!\s+[A-Z])")
# `Britain’s ambassador to Washington,` right before a name: the role's head noun.
_ROLE_BEFORE = re.compile(r"(?:^|\s)(?:the|[A-Z][\w.-]*[\u2019']s)\s+((?:[a-z-]+\s+){0,2}?[a-z]+)"
                          r"(?:\s+(?:to|of|for|at|in)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)"
                          r"{0,3})?,$")

@dataclass
class Cast(Antecedents, Bodies, Generations):
    """The people and organisations of one article, and the speakers attributed so far."""

    mentions: tuple[Mention, ...]
    roles: dict[str, str | None]
    quoted: dict[int, list[tuple[int, int]]]
    """Per paragraph, the quoted spans: a person named inside a quotation is no antecedent."""
    by_last: dict[str, list[str]] = field(default_factory=dict)
    by_first: dict[str, list[str]] = field(default_factory=dict)
    genders: dict[str, Gender | None] = field(default_factory=dict)
    by_paragraph: dict[int, list[Mention]] = field(default_factory=dict)
    starts: dict[int, list[int]] = field(default_factory=dict)
    said: list[_Seen] = field(default_factory=list)
    """Speakers attributed so far, in reading order (`find_quotes` adds them)."""
    display: dict[str, str] = field(default_factory=dict)
    """An actor's name as the actor list shows it (`FBI` when the article never spells out
    `Federal Bureau of Investigation`; `Kathleen Hawk Sawyer` for `Hawk Sawyer`), by each of
    its names."""
    texts: dict[int, str] = field(default_factory=dict)
    proper: set[str] = field(default_factory=set)
    """Words the article capitalises inside a sentence: names even where they open one."""
    titles: dict[str, set[str]] = field(default_factory=dict)
    """Title words written right before a person's name (`Gov.`, `Secretary of State`)."""
    pairs: dict[str, list[str]] = field(default_factory=dict)
    """Every `First Last` pair of capitalised words the article writes, by last word: people
    the mentions missed still keep a shared surname ambiguous."""
    first_named: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Where the mentions first name each key, as (paragraph, offset): whether a person is
    introduced yet is asked for every pronoun, and reading every mention each time made
    attribution quadratic in the names of a long article."""
    namesakes: dict[tuple[str, ...], str | None] = field(default_factory=dict)
    """The person each set of namesakes keeps the bare surname for (`namesakes`), read once per
    set: asked for every bare surname and pronoun, it would read the article each time."""

    def namesake(self, keys: list[str]) -> str | None:
        """Return the one of `keys` the article keeps the bare surname for, or None."""
        key = tuple(sorted(keys))
        if key not in self.namesakes:
            self.namesakes[key] = established_namesake(list(key), self.texts)
        return self.namesakes[key]

    @classmethod
    def of(cls, mentions: tuple[Mention, ...], roles: dict[str, str | None],
           texts: dict[int, str], quoted: dict[int, list[tuple[int, int]]]) -> Cast:
        # Read once, for the people the mentions missed and for the cast.
        proper = proper_words(texts)
        mentions = with_missed_people(mentions, texts, quoted, proper)
        cast = cls(mentions=mentions, roles=roles, quoted=quoted, texts=texts)
        cast.proper.update(proper)
        for text in texts.values():
            for pair in _PAIR.finditer(text):
                first, last = pair.group(1), pair.group(2)
                low = bare_word(first)
                if low in STOP or is_title(first) or low in CONNECTORS or \
                        gazetteer_lookup([first], 0) or gazetteer_lookup([last], 0):
                    continue
                opener = char_before(text, pair.start(), " \u201c\u2018\"'(")
                if (not opener or opener in ".!?:") and low not in FIRST_NAMES and \
                        first not in cast.proper and (
                            low.endswith(("ing", "ly")) or (low.endswith("ed") and len(low) > 4)):
                    continue  # `Hosting Cook, …`: a sentence's first word, not a first name
                firsts = cast.pairs.setdefault(last, [])
                if first not in firsts:
                    firsts.append(first)
        for m in mentions:
            cast.by_paragraph.setdefault(m.paragraph, []).append(m)
            at = (m.paragraph, m.start)
            cast.first_named[m.key] = min(cast.first_named.get(m.key, at), at)
            if m.kind is not ActorKind.PERSON:
                continue
            words = [w for w in m.key.split() if bare_word(w) not in _SUFFIXES]
            if m.key not in cast.genders:
                cast.genders[m.key] = first_name_gender(words[0]) if len(words) > 1 \
                    else None
            before = texts.get(m.paragraph, "")[max(0, m.start - 40):m.start].split()
            lead = list(itertools.takewhile(is_title, reversed(before)))
            rest = before[:len(before) - len(lead)]
            if lead:
                # `Gov. Gretchen Whitmer`: the title a later `the governor` may use (with the
                # `former` before it, which makes it someone else's `the governor`).
                modifier = [w for w in rest[-1:] if bare_word(w) in _NOT_THE_TITLE]
                cast.titles.setdefault(m.key, set()).update(
                    title_words(" ".join([*modifier, *lead])))
            wide = texts.get(m.paragraph, "")[max(0, m.start - 100):m.start].split()
            while wide and is_title(wide[-1]):
                wide.pop()
            held = _ROLE_BEFORE.search(" ".join(wide))
            if held and (held.group(1).split()[-1] in ROLE_NOUNS or
                         held.group(1).split()[-1] in TITLES):
                # `Britain’s ambassador to Washington, Dame Karen Pierce`: a later `the
                # ambassador` may use the role written before her name.
                cast.titles.setdefault(m.key, set()).update(title_words(held.group(1)))
            # `Gov. Ann Cole`, `his wife, Ann`, or a title the mention itself opens with (`Mr
            # Mwale`, written without its full stop).
            for word in [*before[-1:], *m.text.split()[:1]]:
                low = bare_word(word).rstrip(",")
                told = HONORIFICS.get(low) or TITLES.get(low) or RELATION_GENDERS.get(low)
                if told and cast.genders.get(m.key) is None:
                    cast.genders[m.key] = told
            if cast.genders.get(m.key) is None:
                cast.genders[m.key] = appositive_gender(texts.get(m.paragraph, ""), m.end)
            if len(words) > 1:
                for index, word in ((cast.by_last, words[-1]), (cast.by_first, words[0])):
                    keys = index.setdefault(word, [])
                    if m.key not in keys:
                        keys.append(m.key)
        cast.starts = {p: [m.start for m in ms] for p, ms in cast.by_paragraph.items()}
        for key, told in pronoun_genders(cast.by_paragraph, texts, cast.gender).items():
            cast.genders[key] = told
        for key, told in list(cast.genders.items()):
            full = cast.by_last.get(key, []) if told is not None and " " not in key else []
            if len(full) == 1 and cast.genders.get(full[0]) is None:
                # `Sen. Mei-Ling Fong …` then `Ms. Fong asked`: the title the surname carries
                # is the full name's gender too.
                cast.genders[full[0]] = told
        return cast

    def gender(self, key: str) -> Gender | None:
        """Return the gender a person's title or first name tells, if any (the census lists'
        first names too, for a full name)."""
        words = key.split()
        return self.genders.get(key) or first_name_gender(words[0], census=len(words) > 1)

    def gender_told(self, key: str) -> Gender | None:
        """Return the gender the text or a common first name tells, the census lists aside."""
        return self.genders.get(key) or first_name_gender(key.split()[0])

    def _in_quote(self, paragraph: int, offset: int) -> bool:
        spans = self.quoted.get(paragraph, [])
        i = bisect_left(spans, (offset + 1, 0)) - 1
        return i >= 0 and spans[i][0] <= offset < spans[i][1]

    def _between(self, paragraph: int, start: int, end: int) -> list[Mention]:
        """Return the paragraph's mentions starting in `[start, end)` (by bisection: a long
        paragraph full of names stays linear)."""
        ms = self.by_paragraph.get(paragraph, [])
        starts = self.starts.get(paragraph, [])
        return ms[bisect_left(starts, start):bisect_left(starts, end)]

    def _choose(self, keys: list[str], paragraph: int, offset: int,
                gender: Gender | None) -> str | None:
        """Return the one of `keys` the context names: the only one, the only one of the
        title's gender, or the only one named in full in the paragraph before `offset`."""
        if gender is not None:
            fits = [k for k in keys if self.gender(k) in (gender, None)]
            keys = fits or keys
        if len(keys) == 1:
            return keys[0]
        before = self.texts.get(paragraph, "")[:offset]
        near = [k for k in keys if k in before]
        if len(near) == 1:
            return near[0]
        if near:
            return None
        # `“I’m proud of my son Hunter,” Biden said`: who the paragraph's quotations name by
        # first name is not the one speaking of them.
        quoted = " ".join(self.texts.get(paragraph, "")[a:b]
                          for a, b in self.quoted.get(paragraph, []))
        unnamed = [k for k in keys if not re.search(
            r"\b" + re.escape(k.split()[0]) + r"\b", quoted)]
        if len(unnamed) == 1 and len(keys) == 2:
            return unnamed[0]
        # `“…,” Pike, a Kentucky Republican, said` before the article has named Rep. Alana
        # Pike: only one person of that surname is known yet.
        named = {m.key for m in self.mentions
                 if (m.paragraph, m.start) < (paragraph, offset)}
        # A full name the mentions missed (`Council Member Bryce Tolliver`) is known as well
        # once the text has written it.
        known = [k for k in keys if k in named or any(
            k in text for p, text in self.texts.items() if p < paragraph) or k in before]
        if len(known) == 1:
            return known[0]
        # `The governor, speaking to reporters, … “…,” Alvarez said` when Gov. Rebecca
        # Alvarez and Rep. Tomas Alvarez share the surname: the paragraph's `the governor`
        # is the only one of them the article gives that title.
        described = {m.group(1) for m in _THE_TITLE.finditer(before)} & ROLE_NOUNS - \
            _NOT_THE_TITLE
        surname = keys[0].split()[-1]
        if not described or re.search(r"\b" + re.escape(surname) + r"\b", before):
            # `Rep. Alvarez criticised the governor`: the surname itself is written, unchosen.
            return self._established(keys, paragraph)
        held = [k for k in keys if described & (self.titles.get(k, set()) | _executive(
            title_words(self.roles.get(k) or "")))]
        place = _TITLE_FROM.search(before)
        if len(held) > 1 and place is not None:
            # `The senator from Tillmont said …` when both namesakes are senators: the one the
            # text wrote as from there (`Sen. Arne Loughran of Tillmont`, `X, R-Tillmont`).
            home = re.compile(r"(?:,?\s+(?:of|from)\s+|,\s+[DRI]-)" + re.escape(place.group(1)))
            held = [k for k in held if any(home.match(text, m.end()) for text in
                                           self.texts.values() for m in
                                           re.finditer(re.escape(k), text))]
        return held[0] if len(held) == 1 else self._established(keys, paragraph)

    def _established(self, keys: list[str], paragraph: int) -> str | None:
        """Return the one of `keys` the bare surname is kept for (`namesakes`), unless the
        last paragraph before that writes the surname writes it last as another's full name:
        `Tyrone Reed took the stand. / “…,” Reed said.` may well mean him."""
        chosen = self.namesake(keys)
        if chosen is None:
            return None
        surname = chosen.split()[-1]
        for p in range(paragraph - 1, 0, -1):
            text = self.texts.get(p, "")
            last = text.rfind(surname)
            if last < 0:
                continue
            return None if any(k != chosen and text.rfind(k) + len(k) == last + len(surname)
                               for k in keys) else chosen
        return chosen

    def resolve(self, name: Name, paragraph: int) -> Speaker | None:
        """Return the speaker a written name denotes, AMBIGUOUS when two people share it, or
        None when it cannot speak (a place, a platform, a letter)."""
        words = list(name.words)
        for seat_words in ([*name.title, *words], words):
            # `White` and `House` are title words too (`White House press secretary …`).
            found = self.seat(" ".join(seat_words))
            if found is not None:
                return found
        # `says Doctor` after `Ken Doctor`: the surname of a person named in full speaks even
        # when it is also a title or a common word.
        surname_known = len(words) == 1 and not name.title and bool(self.by_last.get(words[0]))
        if not surname_known and not can_speak(words):
            return None
        if len(words) == 1 and not surname_known and is_title(words[0]) and \
                not self.by_first.get(words[0]):
            return None  # `Leader of the Opposition … accused`: a title is nobody's name
        text = " ".join(words)
        at = [m for m in self._between(paragraph, name.start - _AROUND, name.end)
              if m.start <= name.start < m.end or name.start <= m.start < name.end]
        # `Jordan said` after `Chief Executive Bob Jordan`: a person's surname outranks the place.
        person_named = len(words) == 1 and bool(self.by_last.get(words[0]))
        for m in at:
            if m.kind in (ActorKind.COUNTRY, ActorKind.PLACE) and m.start <= name.start \
                    and m.end >= name.end and not person_named:
                return None
        hit = None if person_named else gazetteer_lookup(words, 0)
        if hit and hit[0] == len(words):
            entry = hit[1]
            if entry.kind is not ActorKind.ORGANISATION:
                return None
            return Speaker(self.display.get(entry.canonical, entry.canonical), "organisation")
        # `Dame Karen told MPs`, `Sir Keir said`: a knighthood goes with the first name; `Lady
        # Fenby said` after `Lady Caroline Fenby` and `Sir Anthony Fenby`: a peerage with the
        # surname. Either's gender tells the holder.
        for honours, index in ((_KNIGHTHOODS, self.by_first), (_PEERAGES, self.by_last)):
            if len(words) == 2 and bare_word(words[0]) in honours:
                known = [k for k in index.get(words[1], ()) if self.genders.get(k) in
                         (None, TITLES.get(bare_word(words[0])))]
                if len(known) == 1:
                    return self._person(known[0], "resolved")
                if len(known) > 1:
                    return AMBIGUOUS
        numbered = self._numbered(" ".join(words))
        if numbered is not None:
            return self._person(numbered, "resolved")  # `Fenwick Jr. said`
        if len(words) > 1:
            # `Acevedo Marsh said` after `Rosalind Acevedo Marsh`: a double surname written
            # without its hyphen is the end of one full name, as `Marsh` alone would be.
            longer = [k for k in self.by_last.get(words[-1], ())
                      if len(k.split()) > len(words) and k.split()[-len(words):] == words]
            if len(longer) == 1:
                return self._person(longer[0], "explicit")
            if len(longer) > 1:
                return AMBIGUOUS  # `Castillo Ruiz` of Ana and of Pedro Castillo Ruiz
            for m in at:
                if m.kind is ActorKind.PERSON and m.key.endswith(words[-1]) and \
                        len(m.key.split()) >= len(words) and \
                        not any(is_title(w) for w in m.key.split()[:-1]):
                    return self._person(m.key, "explicit")
                if m.kind is ActorKind.ORGANISATION and m.start == name.start and (
                        m.end <= name.end or (not name.title and
                                              words[0].lower() not in FIRST_NAMES)):
                    # `the Fraternal Order of Police said`, read as `Fraternal Order` working
                    # at `Police`: the organisation the mentions found there speaks.
                    return Speaker(self.display.get(m.key, m.key), "organisation")
            full = [k for k in self.by_last.get(words[-1], ())
                    if k.split()[0] == words[0]]
            if len(full) == 1:
                return self._person(full[0], "explicit")
            low = [bare_word(w) for w in words]
            if low[-1] in ORG_HEADS or any(w in ORG_WORDS for w in low):
                return Speaker(text, "organisation")
            return self._person(text, "explicit", name.title)
        word = words[0]
        if is_acronym(word):
            org = next((m for m in at if m.kind is ActorKind.ORGANISATION), None)
            key = org.key if org else word
            return Speaker(self.display.get(key, key), "organisation")
        for index in (self.by_last, self.by_first):
            candidates = list(index.get(word, ()))
            if index is self.by_last:
                named = {w for k in candidates for w in k.split()}  # (a set: many share a name)
                for first in self.pairs.get(word, ()):
                    # A middle name (`Owen John Dempsey`) is no other person.
                    if first not in named:
                        candidates.append(f"{first} {word}")
                        named.update(candidates[-1].split())
            elif not candidates:
                # `Kate said` after `Kate Henderson and her husband`: a first name the text
                # wrote with one surname only; `Lane said` after `Lane Strickland is forty-four`
                # and Amos Strickland: a word the text writes before a known person's surname.
                common = word.lower() in FIRST_NAMES
                candidates = [f"{word} {last}" for last, firsts in self.pairs.items()
                              if word in firsts and bare_word(last) not in _SUFFIXES
                              and (common or last in self.by_last)]
            if name.title and index is self.by_last:
                candidates = [k for k in candidates if not self._kin_of_title(k, name.title)]
            if candidates:
                chosen = self._choose(candidates, paragraph, name.start, name.gender)
                if chosen is None:
                    return AMBIGUOUS
                return self._person(chosen, "resolved")
        org = next((m for m in at if m.kind is ActorKind.ORGANISATION), None)
        if org is not None:
            return Speaker(org.key, "organisation")
        if not name.title:
            # `Brackwell said` after `Brackwell Strategies, a fast-growing firm`: the first word
            # of the one organisation so named before, as a surname is of a person.
            orgs = {m.key for m in self.mentions if m.kind is ActorKind.ORGANISATION
                    and m.paragraph <= paragraph and len(m.key.split()) > 1
                    and m.key.split()[0] == word}
            if len(orgs) == 1:
                key = orgs.pop()
                return Speaker(self.display.get(key, key), "organisation",
                               attribution="resolved")
        kind: SpeakerKind = "person" if name.title or word.lower() in FIRST_NAMES else "unknown"
        return Speaker(word, kind, title_role(name.title), "explicit")

    def show_actor_names(self, actors: Iterable[Actor]) -> None:
        """Show each speaker under its name in the actor list: every name and alias of a person
        (of more than one word) or an organisation, a one-word alias of one person only
        (`Ms. Montoya` of `Representative Celia Montoya`, unless the text writes another first
        name with it), then the surnames the mentions alone know (`name_surnames`)."""
        actors = list(actors)
        self.display = {name: a.name for a in actors
                        if a.kind in (ActorKind.ORGANISATION, ActorKind.PERSON)
                        for name in (a.name, *a.aliases) if " " in name or
                        a.kind is ActorKind.ORGANISATION}
        owners: dict[str, list[str]] = {}
        for a in actors:
            if a.kind is ActorKind.PERSON and " " in a.name:
                for alias in a.aliases:
                    if " " not in alias:
                        owners.setdefault(alias, []).append(a.name)
        self.display.update({alias: names[0] for alias, names in owners.items()
                             if len(names) == 1 and alias not in self.display and
                             set(self.pairs.get(alias, ())) <= set(names[0].split())})
        self.name_surnames()

    def name_surnames(self) -> None:
        """Show a person the mentions know by surname alone (`Mr. Tiernan`) under the one full
        name the article writes with it (`Blake Tiernan`, a person only `people` found), as the
        actor list does for the people it merged: only when no other first name is written
        with that surname, and never for a title the full name's holder is described as the
        relative of (`Governor Ellery`, `Hunter Ellery, the governor's son`)."""
        for key in {m.key for m in self.mentions if m.kind is ActorKind.PERSON}:
            if " " in key or key in self.display:
                continue
            full = self.by_last.get(key, [])
            firsts = {f for f in self.pairs.get(key, ()) if not any(
                f in k.split() for k in full)}
            if len(full) != 1 or firsts:
                continue
            title = tuple(sorted(self.titles.get(key, set())))
            if self._kin_of_title(full[0], title):
                continue
            self.display[key] = self.display.get(full[0], full[0])

    def _kin_of_title(self, key: str, title: tuple[str, ...]) -> bool:
        """Return True if the person `key` is described as a relative (`Hunter Ellery, the
        governor's son`): `Governor Ellery` is then the relative, someone else, not them."""
        role = (self.roles.get(key) or "").lower()
        # (`Sister Florence Abernathy-Cole` has the form of address for a role, no relative.)
        address = {bare_word(w) for w in title}
        return title_role(title) is not None and any(
            bare_word(w) in RELATIONS and bare_word(w) not in address for w in role.split())

    def _person(self, key: str, how: Attribution, title: tuple[str, ...] = ()) -> Speaker:
        key = self.display.get(key, key)
        key = self._numbered(key) or key  # `Fenwick III`, a mention of its own
        return Speaker(key, "person", self.roles.get(key) or title_role(title), how)

    def _numbered(self, name: str) -> str | None:
        """Return the one full name a surname and its number stand for (`Fenwick III` →
        `Robert Fenwick III`, not `Robert Fenwick Jr.`), or None."""
        words = name.split()
        if len(words) != 2 or bare_word(words[1]) not in _SUFFIXES:
            return None
        numbered = [k for k in self.by_last.get(words[0], [])
                    if len(k.split()) > 2 and bare_word(k.split()[-1]) == bare_word(words[1])]
        return numbered[0] if len(numbered) == 1 else None

    def described(self, paragraph: int, offset: int,
                  ages: tuple[int, int] | None = None) -> Speaker | None:
        """Return the person `the 30-year-old Kenyan` points back at: the only person named
        (outside quotations) in the paragraph before and in this one up to `offset`, with no
        other capitalised name there the mentions could not place; or, of several, the only
        one whose written age is within `ages` (`the teenager` after `Her daughter, Nia X,
        now 15,`); else None."""
        seen = [m for p in (paragraph - 1, paragraph)
                for m in self._between(p, 0, offset if p == paragraph else 1 << 62)
                if m.kind is ActorKind.PERSON and not self._in_quote(p, m.start)]
        keys = {self.display.get(m.key, m.key) for m in seen}
        keys |= {s.key for s in self.said if paragraph - 1 <= s.paragraph and
                 (s.paragraph, s.start) < (paragraph, offset)}
        if len(keys) > 1 and ages is not None:
            aged = [k for k in keys if ages[0] <= (written_age(self.texts, k) or -1) <= ages[1]]
            if len(aged) == 1:
                return self._person(aged[0], "resolved")
        if len(keys) != 1 or not seen:
            return None
        first = min(seen, key=lambda m: (m.paragraph, m.start))
        spot = _Seen(first.key, first.kind, first.paragraph, first.end, None)
        if self._unplaced_name(spot, paragraph, offset):
            return None
        return self._person(first.key, "resolved")

    def titled(self, title: str) -> Speaker | None:
        """Return the one person the article gives `title` (`the president` → the only
        person called President), or None when nobody or several are."""
        holders = self.title_holders(title)
        if len(holders) != 1:
            return None
        return self._person(next(iter(holders)), "resolved")

    def title_holders(self, title: str) -> set[str]:
        """Return the people the article gives `title`, by display name."""
        asked = set(title.split())

        def holds(words: set[str]) -> bool:
            # `Vice President Kamala Harris` is `the vice president`, not `the president`.
            return asked <= words and not (words & _NOT_THE_TITLE) - asked

        holders = {m.key for m in self.mentions if m.kind is ActorKind.PERSON and m.role
                   and holds(title_words(m.role))}
        holders |= {key for key, role in self.roles.items() if role and holds(title_words(role))}
        holders |= {key for key, words in self.titles.items() if holds(words)}
        # `Former President Donald Trump` is not `the president` however the actors list him.
        holders -= {key for key, words in self.titles.items() if not holds(words)
                    and asked <= words}
        return {self.display.get(k, k) for k in holders}

    def learn_gender(self, name: str, gender: Gender) -> None:
        """Record the gender of a person nothing told it of, from a `he` or `she` that was
        found to mean them (`Santoso-Harahap … “…,” she said`): a later pronoun of the other
        gender then does not point at them."""
        if self.gender(name) is None:
            self.genders[name] = gender

    def note(self, speaker: Speaker, paragraph: int, offset: int) -> None:
        """Record an attributed speaker, so a later `he`/`she` may point at it."""
        if speaker.kind not in ("person", "unknown") or not speaker.named or \
                speaker is AMBIGUOUS:
            return
        gender = self.gender(speaker.name)
        self.said.append(_Seen(speaker.name, ActorKind.PERSON, paragraph, offset, gender))


__all__ = ["Cast"]
