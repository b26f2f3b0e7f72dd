"""Pronoun antecedents: the person or organisation `he`, `she`, `they` or `it said` points back at.

`Cast` (in `cast`) holds the people and organisations of an article and the speakers attributed
so far; these rules read them to find a pronoun's antecedent: the nearest person named outside a
quotation in this or the two paragraphs before, of a compatible gender, as the subject of its
clause, with no other name between them that the mentions could not place (else None, so the
quotation stays silent). `Antecedents` is the base `Cast` takes them from; `_CastParts` says
what it needs of the cast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Protocol

from ..model import ActorKind
from .actors import ROLE_NOUNS, SETTING_WORDS, STOP, Mention
from .actors import lookup as gazetteer_lookup
from .asked import Asked
from .genders import first_name_gender
from .lexicon import NOT_SPEAKERS, RELATIONS, Gender
from .nameplace import (
    CAME_FROM,
    HEARD_FROM,
    INVERSION_VERBS,
    LAST_WORD,
    NAME_RUN_BEFORE,
    NAME_THEN_PARTICIPLE,
    OBJECT_NP_BEFORE,
    OBJECT_VERBS,
    OPENER_BEFORE_NAME,
    OWNER_AFTER,
    PLACE_OPENERS,
    REPORTED_CLAUSE,
    WHO_AFTER_NAME,
    in_aside,
    topic,
    without_noun_modifiers,
    writers_object,
)
from .nongendered import NonGendered
from .rivalwords import (
    DESCRIBING_APPOSITIVE,
    FEAST_DAY,
    NAME_FOLLOWS,
    OF_NAME,
    PARTY_AFTER,
    PARTY_MEMBERS,
    PLURAL_VERB,
    THE_BEFORE,
    next_in_run,
)
from .sources import (
    described_subject_before,
    several_since,
    titled_subject_before,
    unnamed_gendered_after,
    unnamed_speaker_before,
    unnamed_then_pronoun,
)
from .speakernames import person_noun
from .speakers import (
    AGENT_NOUN,
    AMBIGUOUS,
    CLAUSE_OPENERS,
    DETERMINERS,
    LOWER_CONNECTORS,
    POSSESSIVE,
    PREPOSITIONS,
    PRONOUN_GENDER,
    Attribution,
    Speaker,
    bare_word,
    is_capitalised,
    is_title,
)

_AROUND = 200
"""How far before a name a mention covering it may start."""
_NEAREST = 30
"""Mentions looked at, nearest first, for a pronoun's antecedent."""
# A phrase of time fronted without a comma (`At one point`, `Later that night`), and the name
# after it with its verb.
_FRONTED = frozenset({"at", "later", "earlier", "after", "before", "during", "then"})
_NAME_THEN_VERB = re.compile(r"[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*)*\s+(?:[a-z]+ed|"
                             r"held|told|took|made|went|came|sat|stood|spoke|began|gave|got|"
                             r"read|said|shook)\b")
_CLOSE = 300
"""A subject this close to a pronoun needs no known gender to be its person."""
_REACH = 1000
"""Characters a pronoun may reach back for its person (two or three news paragraphs)."""
# A sentence opening with a title alone as its subject: `The sheriff, a Republican, responded`.
_TITLE_SUBJECT = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\u201d\"]\s))The\s+([a-z]+)\b"
                            r"(?=,|\s+[a-z]+(?:ed|s)\b)")
# Two capitalised words joined by `and` or `or`: `Brandt and Sorensen`.
# (A role may open the second: `Iryna Bondarenko and the lawmaker Olena Savchuk`.)
_PAIR_OF_NAMES = re.compile(r"\b([A-Z][\w\u2019'-]+),?\s+(?:and|or)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}"
                            r"([A-Z][\w\u2019'-]+)")
# The number of a district or ward in a title before a name (`District 5 Supervisor`).
# `She and a colleague, nurse Tamsin Delorme, now spend …`: a name joined to a pronoun, which
# means somebody else of that pronoun's gender; the words between stay in one clause.
_PRONOUN_AND_BEFORE = re.compile(r"\b(she|he)\s+and\s+[^.;:!?\u201c\u201d\"]{0,60}$", re.I)
_SEAT_NUMBER = re.compile(r"\d{1,3}(?:st|nd|rd|th)?")
_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w\u2019'-]*")
# `Cooke’s earlier testimony`: a name owning something, no object a pronoun may point at.
_POSSESSIVE_AFTER = re.compile(r"[\u2019']s?(?!\w)")


def _one_surname(a: str, b: str) -> bool:
    """Return True if `a` and `b` are one key, or one is the other's surname alone (`Whitford`,
    `Caleb Whitford`): no rival to each other for a pronoun."""
    return a == b or (" " not in a and b.split()[-1] == a) or (" " not in b and a.split()[-1] == b)


@dataclass(frozen=True, slots=True)
class _Seen:
    """A person a pronoun may point at: where the text last named them (`start`: the end of
    the name), and whether there as the subject of a clause."""

    key: str
    kind: ActorKind
    paragraph: int
    start: int
    gender: Gender | None
    subject: bool = True


class _CastParts(Protocol):
    """What the antecedent rules read of the cast: its texts, quoted spans, mentions and the
    speakers attributed so far (`Cast` holds them all)."""

    texts: dict[int, str]
    quoted: dict[int, list[tuple[int, int]]]
    said: list[_Seen]
    display: dict[str, str]
    proper: set[str]
    by_last: dict[str, list[str]]
    by_first: dict[str, list[str]]
    pairs: dict[str, list[str]]
    mentions: tuple[Mention, ...]
    first_named: dict[str, tuple[int, int]]

    def gender(self, key: str) -> Gender | None: ...

    def gender_told(self, key: str) -> Gender | None: ...

    def _in_quote(self, paragraph: int, offset: int) -> bool: ...

    def _between(self, paragraph: int, start: int, end: int) -> list[Mention]: ...

    def _person(self, key: str, how: Attribution, title: tuple[str, ...] = ()) -> Speaker: ...

    def titled(self, title: str) -> Speaker | None: ...

    def namesake(self, keys: list[str]) -> str | None: ...


class Antecedents(NonGendered, Asked, _CastParts):
    """The antecedent rules of a `Cast`: `antecedent`, and the clause tests (`_subject`,
    `_object`, `_unplaced_name`) its other rules share."""

    def antecedent(self, pronoun: str, paragraph: int, offset: int) -> Speaker | None:
        """Return the nearest person before `offset` a pronoun can point at: named outside a
        quotation in this or the two paragraphs before, of a compatible gender, with no other
        name between them that the mentions could not place."""
        if pronoun == "it":
            return self._speaking_org(paragraph, offset)
        if pronoun == "they":
            return self._singular_they(paragraph, offset)
        gender = PRONOUN_GENDER.get(pronoun)
        if gender is None:
            return None
        seen: list[_Seen] = []
        for p in range(max(1, paragraph - 2), paragraph + 1):
            # The nearest few mentions are enough, and keep a long paragraph linear.
            for m in self._between(p, 0, offset if p == paragraph else 1 << 62)[-_NEAREST:]:
                if m.kind is ActorKind.PERSON and not self._in_quote(p, m.start) \
                        and not self._object(p, m.start) and not (
                            p == paragraph and in_aside(self.texts.get(p, ""), m.start, offset)):
                    # (A name a relative clause describes is the sentence's topic.)
                    seen.append(_Seen(m.key, m.kind, p, m.end, self.gender(m.key),
                                      self._subject(p, m.start) or bool(WHO_AFTER_NAME.match(
                                          self.texts.get(p, ""), m.start))
                                      or writers_object(self.texts.get(p, ""), m.start)))
        seen += [s for s in self.said[-_NEAREST:] if s.kind is ActorKind.PERSON
                 and paragraph - 2 <= s.paragraph and (s.paragraph, s.start) < (paragraph, offset)]
        seen += self._speakers_named(paragraph, offset)
        seen.sort(key=lambda s: (s.paragraph, s.start))
        asked = self._asked(paragraph, offset)
        asked_key = self._introduced_namesake(asked.key, paragraph, offset) \
            if asked is not None else None
        if asked_key is not None and self.gender(asked_key) == gender:
            # `Vanterpool asked Olawale what she would tell them. “Hang on,” she said`: the
            # one asked answers, whoever spoke before the question.
            return self._person(asked_key, "resolved")
        decided, questioned = self._asked_described(paragraph, offset, pronoun)
        if decided:
            return questioned  # `… pressed the nominee on whether she …`: the nominee answers
        if asked_key is not None and len(self.by_last.get(asked_key, ())) > 1:
            # `CNN asked Marchbanks about the lawsuits. “…,” he said`, Marchbanks being two men
            # of the family: one of them answers, not whoever spoke before the question.
            return None
        fits = [s for s in reversed(seen) if s.gender in (gender, None)
                and self._distance(s, paragraph, offset) <= _REACH
                and not self._surname_of_other_gender(s.key, paragraph, offset, gender)]
        decided, kin = self._relative_speaking(
            paragraph, offset, gender, [(s.paragraph, s.start) for s in seen
                                        if s.paragraph >= paragraph - 1],
            fits[0].key if fits else None)
        if decided:
            return kin
        if not fits:
            # `Asked about …, the speaker laughed. “…,” he said`: the title's one holder.
            title = titled_subject_before(self.texts.get(paragraph, ""), offset)
            holder = self.titled(title) if title is not None else None
            if holder is not None and holder is not AMBIGUOUS and self.gender(holder.name) in (
                    gender, None) and self._introduced(holder.name, paragraph, offset):
                return holder
            return self._turn_back(paragraph, offset, gender, self.said)
        nearest = fits[0]
        subject = next((s for s in fits if s.subject), None)
        if not nearest.subject and subject is not None and \
                subject.paragraph < nearest.paragraph == paragraph and \
                subject.key != nearest.key:
            # `In the front row sat Darlene Pruitt … “…,” she said` after a quotation of
            # Whitman's: a name in this paragraph the clause does not make its subject is no
            # reason to reach back to the last paragraph's speaker.
            return None
        if not nearest.subject and subject is not None:
            # `Figgins declined to say … on the night Epstein died. “…,” he said`: a name inside
            # a clause loses to the subject before it.
            nearest = subject
        if self._asks_after(nearest.paragraph, nearest.start, pronoun):
            return None  # `Vantongeren asked whether she would …. “…,” she said`: the one asked
        if self._subordinate(nearest) and any(
                s.key != nearest.key and s.paragraph == nearest.paragraph and s.subject and
                not set(s.key.split()) & set(nearest.key.split()) for s in fits[1:]):
            # `Quiroga said volunteers had knocked on doors since Lisowski took over. “…,” he
            # said`: the subject of a clause inside another person's sentence may not be meant.
            return None
        if any(unnamed_speaker_before(self.texts.get(p, ""), offset if p == paragraph else
                                      1 << 62) and not self._named_since(nearest.key, p,
                                                                         paragraph, offset)
               for p in range(nearest.paragraph + 1, paragraph + 1)) or any(several_since(
                    self.texts, p, nearest.start if p == nearest.paragraph else 0,
                    offset if p == paragraph else 1 << 62, self._in_quote)
                    for p in range(nearest.paragraph, paragraph + 1)):
            # `A woman who identified herself only as a poll worker … said …. “…,” she said`:
            # the unnamed speaker of this paragraph, not a name from the one before; `Both
            # leaders took questions … she said`: one of several, not the last one named.
            return None
        if unnamed_gendered_after(self.texts.get(paragraph, ""),
                                  nearest.start if nearest.paragraph == paragraph else 0,
                                  offset, gender) or any(
                unnamed_then_pronoun(self.texts.get(p, ""),
                                     nearest.start if p == nearest.paragraph else 0, gender)
                for p in range(nearest.paragraph, paragraph)):
            # `One of the first calls Kreindler made was to a woman who had run the county
            # committee. “…,” she recalled`: the woman the text does not name; or one a
            # paragraph since the name goes on about (`… a young woman in a ribbon skirt stood
            # near the door. She said …` then `“…,” she said.`).
            return None
        decided, kin = self._kin_since(nearest.paragraph, nearest.start, paragraph, offset, gender)
        if decided:
            return kin  # `… she texted her husband …. He texted back, “…”`: the husband
        # (In this paragraph too, when the name there is no subject: `The county's director
        # of elections … had to explain the decision, first to Marsh … “…,” she said`.)
        described = described_subject_before(self.texts.get(paragraph, ""), offset) \
            if nearest.paragraph < paragraph or not nearest.subject else None
        holder = self.titled(described) if described is not None else None
        if described is not None and (holder is None or holder is AMBIGUOUS or
                                      not self._introduced(holder.name, paragraph, offset)):
            # `On election night, the county's election administrator, who …, sat in the
            # annex. “…,” she said`: the person this paragraph describes, whom no name holds.
            return None
        if nearest.paragraph < paragraph and any(
                m.kind is ActorKind.PERSON and m.key != nearest.key
                and not self._in_quote(paragraph, m.start)
                and self.gender(m.key) in (gender, None)
                for m in self._between(paragraph, 0, offset)):
            # `The cameras turned to Ottoline Brask … “…,” she said`: a person this paragraph
            # names, even as an object, is likelier than one from the paragraphs before.
            return None
        if nearest.paragraph < paragraph and self._named_by_part(paragraph, offset, gender,
                                                                  nearest.key):
            # `When I asked Amos about it, he nodded once. “…,” he said`: the same, for a
            # person this paragraph names by first name or surname alone.
            return None
        shared = (self.by_last.get(nearest.key) or self._family_first(nearest.key)) \
            if " " not in nearest.key else []
        if len(shared) == 1 and shared[0].split()[0] == nearest.key:
            nearest = replace(nearest, key=shared[0])  # `Ms. Bodnár` of `Bodnár Réka`
        if len(shared) > 1:
            # `Rep. Brent Okerlund … Okerlund said … “…,” he said`, his brother Shane named
            # only in the next paragraph: a person the text has not introduced yet is no one
            # the pronoun can mean.
            established = self.namesake(shared)
            shared = [k for k in shared if self._introduced(k, paragraph, offset)] or shared
            if established in shared:
                shared = [established]  # the one a careful writer keeps on the bare surname
            if len(shared) == 1:
                if self.gender_told(shared[0]) not in (gender, None):
                    return None
                nearest = replace(nearest, key=shared[0], gender=gender)
        if len(shared) > 1:
            # `Pryce, who is widely expected to run again, … she smiled`, where Ellen and Martin
            # Pryce are both named: the pronoun's gender tells which Pryce, or nobody.
            picked = [k for k in shared if self.gender(k) == gender]
            if not picked and any(self.gender(k) not in (None, gender) for k in shared):
                # `Beckett Harlan` (a first name of no known gender) and his wife `Joanna
                # Harlan`: `he` is the one Harlan not known to be a woman.
                picked = [k for k in shared if self.gender(k) is None]
            if len(picked) != 1:
                return None
            nearest = replace(nearest, key=picked[0], gender=gender)
        close = nearest.subject and self._distance(nearest, paragraph, offset) <= _CLOSE
        rivals = [s for s in fits if s.gender == gender and not _one_surname(s.key, nearest.key)]
        if nearest.gender is None and rivals and (not close or any(
                s.subject and s.paragraph == nearest.paragraph and
                not set(s.key.split()) & set(nearest.key.split()) for s in rivals)):
            # `she` after `Taylor Swift … Big Machine`, or after `Dzhamila Asanova, a
            # spokeswoman, … Kairat Bekov, the deputy minister`: the gender does not settle it
            # between two subjects of one paragraph, however close.
            return None
        if nearest.gender is None and self._object_between(nearest, paragraph, offset, gender):
            # `Sipho Ndlovu sat with Thandeka Khumalo. … “…,” she said`: with no gender known
            # for the subject, the person the clause names as its object may be meant.
            return None
        if self._unplaced_name(nearest, paragraph, offset, gender):
            return None
        if self._coordinated(nearest, paragraph, offset, gender):
            return None
        titled = self._titled_subject(nearest, paragraph, offset)
        if titled is not None:
            # `… Cal Brockhurst testified. The sheriff, a Republican, responded in a post.
            # “…,” he wrote`: the title's holder is the subject the pronoun goes on with.
            return titled if titled is not AMBIGUOUS and \
                self.gender(titled.name) in (gender, None) else None
        return self._person(nearest.key, "resolved")

    def _titled_subject(self, seen: _Seen, paragraph: int, offset: int) -> Speaker | None:
        """Return the person a sentence after `seen` opens with by title alone (`The sheriff,
        …, responded`), AMBIGUOUS when the title is nobody's or several people's, or None when
        no such sentence comes between, or the title is `seen`'s own."""
        for p in range(seen.paragraph, paragraph + 1):
            text = self.texts.get(p, "")
            start = seen.start if p == seen.paragraph else 0
            end = offset if p == paragraph else len(text)
            for m in _TITLE_SUBJECT.finditer(text, start, end):
                if not is_title(m.group(1)) or self._in_quote(p, m.start(1)):
                    continue
                holder = self.titled(m.group(1).lower())
                if holder is None:
                    return AMBIGUOUS
                if holder.name != self.display.get(seen.key, seen.key):
                    return holder
        return None

    def _coordinated(self, seen: _Seen, paragraph: int, offset: int, gender: Gender) -> bool:
        """Return True if the person is named, between their last naming and the pronoun,
        joined to another known person of a compatible gender (`Brandt and Sorensen both asked
        to delay the vote. … “…,” he said`): either may be meant."""
        own = set(seen.key.split())
        for p in range(seen.paragraph, paragraph + 1):
            text = self.texts.get(p, "")
            # (From before the name, which may close the pair: `X and the lawmaker Y`.)
            start = max(0, seen.start - len(seen.key) - 60) if p == seen.paragraph else 0
            end = offset if p == paragraph else len(text)
            for pair in _PAIR_OF_NAMES.finditer(text, start, end):
                a, b = (POSSESSIVE.sub("", w) for w in pair.groups())
                other = b if a in own else a if b in own else None
                if other is None or other in own or self._in_quote(p, pair.start()):
                    continue
                keys = self.by_last.get(other) or [f"{first} {other}"
                                                   for first in self.pairs.get(other, ())]
                if any(self.gender(k) in (gender, None) for k in keys):
                    return True
        return self._joined_to_pronoun(seen, gender)

    def _joined_to_pronoun(self, seen: _Seen, gender: Gender) -> bool:
        """Return True if the name is joined to a pronoun of the quotation's own gender (`She
        and a colleague, nurse X, now spend …. “…,” she says`): the pronoun is another person,
        and the later one may mean either."""
        text = self.texts.get(seen.paragraph, "")
        run = NAME_RUN_BEFORE.search(text, max(0, seen.start - 80), seen.start)
        name_start = run.start() if run is not None else max(0, seen.start - len(seen.key) - 1)
        m = _PRONOUN_AND_BEFORE.search(text, max(0, name_start - 70), name_start)
        return m is not None and PRONOUN_GENDER.get(m.group(1).lower()) == gender

    def _named_since(self, key: str, after: int, paragraph: int, offset: int) -> bool:
        """Return True if the surname of `key` is written in a paragraph after `after`, up to
        `offset` of `paragraph`: the text came back to that person."""
        last = key.split()[-1]
        return any(last in self.texts.get(p, "")[:offset if p == paragraph else None]
                   for p in range(after + 1, paragraph + 1))

    def _subordinate(self, seen: _Seen) -> bool:
        """Return True if the name ending at `seen.start` opens a subordinate clause (`since
        Teodor Lisowski took over`) in the middle of its sentence."""
        text = self.texts.get(seen.paragraph, "")
        m = OPENER_BEFORE_NAME.search(text, max(0, seen.start - 120), seen.start)
        if m is not None and m.group(1).lower() in CLAUSE_OPENERS:
            return True
        # `Mr. Achebe-Walsh notes that Coldwell's mentor, the late Sen. Lucius Harkavy, switched
        # sides`: a name anywhere in a clause another subject's speech verb reports.
        # (`seen.start` is where the name ends; the text may give only its last word, and a
        # title's full stop before it is no sentence's end.)
        run = NAME_RUN_BEFORE.search(text, max(0, seen.start - 80), seen.start)
        name_start = run.start() if run is not None else max(0, seen.start - len(seen.key) - 1)
        opening = max(text.rfind(". ", 0, name_start), text.rfind("\u201d ", 0, name_start), 0)
        return REPORTED_CLAUSE.search(text, opening, name_start) is not None

    def _object_between(self, seen: _Seen, paragraph: int, offset: int,
                        gender: Gender) -> bool:
        """Return True if a person of a gender compatible with `gender` is named as an object
        (outside quotations) between `seen` and `offset`."""
        own = set(seen.key.split())
        for p in range(seen.paragraph, paragraph + 1):
            for m in self._between(p, seen.start if p == seen.paragraph else 0,
                                   offset if p == paragraph else 1 << 62):
                if m.kind is ActorKind.PERSON and not own & set(m.key.split()) and \
                        self.gender(m.key) in (gender, None) and \
                        not self._in_quote(p, m.start) and self._object(p, m.start) and \
                        not _POSSESSIVE_AFTER.match(self.texts.get(p, ""), m.end):
                    return True
        return False

    def _distance(self, seen: _Seen, paragraph: int, offset: int) -> int:
        """Return how many characters lie between where `seen` was named and `offset`."""
        if seen.paragraph == paragraph:
            return offset - seen.start
        between = sum(len(self.texts.get(p, "")) for p in range(seen.paragraph + 1, paragraph))
        return len(self.texts.get(seen.paragraph, "")) - seen.start + between + offset

    def _subject(self, paragraph: int, start: int) -> bool:
        """Return True if the name at `start` opens its clause (`Figgins declined …`, `while
        Central Bank governor Godwin Emefiele stayed`): only titles, roles, capitalised words
        and determiners stand between it and the clause's start."""
        text = self.texts.get(paragraph, "")
        before = text[max(0, start - 80):start]
        cut = max(before.rfind(c) for c in ".;:!?,\u201c\u201d\"(\u2014")
        words = before[cut + 1:].split()
        beside = OBJECT_NP_BEFORE.search(before, 0, cut) if cut >= 0 and before[cut] == "," \
            and not words else None
        if beside is not None and person_noun(beside.group(1)):
            return False  # `had come with his wife, Loretta,`: a name set beside an object
        near = [w.lower() for w in words if w.lower() not in {"the", "a", "an"}][-2:]
        if near and near[-1] in ("with", "without") and NAME_THEN_PARTICIPLE.match(text, start):
            return True  # `…, with Devereux blaming what he called …`: its clause's subject
        if near == ["for"] and topic(text, text.rfind("For", 0, start), start):
            return True  # `For Yadira, the visit changed little.`: whom the sentence is about
        if near and near[-1] == "from" and HEARD_FROM.search(before, 0, before.rfind("from")):
            return True  # `The committee also heard from Josephine Kell, …`: whose turn it is
        if near and near[-1] in PREPOSITIONS and near[-1] != "by" and (
                near != ["according", "to"] or OWNER_AFTER.match(text, start)):
            # `the general secretary of the Royal College`: inside a phrase; `According to
            # Burrowes's minutes`: the minutes are the source, not Burrowes.
            return False
        if len(words) >= 2 and words[0].lower() in PLACE_OPENERS and \
                words[-1].lower() in INVERSION_VERBS:
            return True  # `In the front row sat Darlene Pruitt`: the subject after its verb
        if 2 <= len(words) <= 4 and words[0].lower() in _FRONTED and \
                all(w.islower() for w in words[1:]) and _NAME_THEN_VERB.match(text, start):
            return True  # `At one point Marquardt held up …`: a fronted phrase, then the subject
        for i in range(len(words) - 1, -1, -1):
            if words[i].lower() in CLAUSE_OPENERS:
                words = words[i + 1:]
                break
        # A noun for what someone does (`the singer`, `defenseman`) may stand before the name;
        # after `to` the same shape is a verb (`to bolster Stadia`).
        agents = "to" not in (w.lower() for w in words)
        words = without_noun_modifiers(words, agents)
        return all(is_capitalised(w) or bare_word(w) in STOP or bare_word(w) in ROLE_NOUNS
                   or is_title(w) or bare_word(w) in RELATIONS or "-" in w
                   or w in LOWER_CONNECTORS  # `Ms. bin Saleh`: a surname's particles
                   or _SEAT_NUMBER.fullmatch(w)  # `District 5 Supervisor`, `41st Ward Ald.`
                   or (agents and AGENT_NOUN.fullmatch(w)) for w in words)

    def _speakers_named(self, paragraph: int, offset: int) -> list[_Seen]:
        """Return where earlier one-word speakers (`Trump said` with no full name anywhere) are
        named again, as subjects, in this or the two paragraphs before `offset`: the mentions
        do not hold them."""
        keys = {s.key: s.gender for s in self.said[-_NEAREST:] if " " not in s.key}
        # `Whitford said` where Annika and Caleb Whitford are named: the shared surname is
        # named again, and `antecedent` lets the pronoun's gender pick one of them.
        keys |= {last: None for last, owners in self.by_last.items() if len(owners) > 1}
        if not keys:
            return []
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, keys)) + r")\b(?![\u2019']s)")
        out: list[_Seen] = []
        for p in range(max(1, paragraph - 2), paragraph + 1):
            text = self.texts.get(p, "")
            for m in pattern.finditer(text, max(0, (offset if p == paragraph else len(text))
                                              - 2000), offset if p == paragraph else len(text)):
                if text.endswith(tuple(k.rsplit(" ", 1)[0] + " "
                                       for k in self.by_last.get(m.group(1), ())), 0, m.start()):
                    continue  # `Evan Harwood`: the full name, which the mentions hold
                if not self._in_quote(p, m.start()) and not self._object(p, m.start()):
                    out.append(_Seen(m.group(1), ActorKind.PERSON, p, m.end(), keys[m.group(1)],
                                     self._subject(p, m.start())))
        return out

    def _object(self, paragraph: int, start: int) -> bool:
        """Return True if the person named at `start` is an object (`asked about Trump`,
        `praised Smith`): a pronoun subject rarely points back at one."""
        before = LAST_WORD.search(self.texts.get(paragraph, ""), max(0, start - 30), start)
        if before is None:
            return False
        word = before.group(1).lower()
        if word == "from" and CAME_FROM.search(self.texts.get(paragraph, ""),
                                                  max(0, before.start(1) - 12), before.start(1)):
            return False  # `The longest testimony came from Genevieve Ouellette`: her turn
        if word in {"by", "named"} or (word == "to" and self.texts.get(paragraph, "")[
                max(0, start - 16):start].rstrip().lower().endswith("according to")):
            return False  # `brought by X`, `according to X`: the agent, not an object
        if word in ("with", "without") and \
                NAME_THEN_PARTICIPLE.match(self.texts.get(paragraph, ""), start):
            return False  # `with Devereux blaming …`: the subject of its clause
        if word == "for" and topic(self.texts.get(paragraph, ""), before.start(1), start):
            return False  # `For Stacey Abrams, the lesson …`: whom the sentence is about
        if WHO_AFTER_NAME.match(self.texts.get(paragraph, ""), start):
            return False  # `a worry for Kenji Albright-Marsh, who runs …`: introduced at length
        if writers_object(self.texts.get(paragraph, ""), start):
            return False  # `Further up the hill I met Bernadette`: the writer is no rival
        return word in PREPOSITIONS or word in OBJECT_VERBS or (
            word.endswith(("ed", "ing")) and word not in DETERMINERS)

    def _unplaced_name(self, seen: _Seen, paragraph: int, offset: int,
                       gender: Gender | None = None) -> bool:
        """Return True if a capitalised word between an antecedent and its pronoun may name
        another person (`Carlineo` where only `James Kennedy Jr.` is known); with the pronoun's
        `gender`, a surname only people of the other gender bear so far is none."""
        own = set(seen.key.split())
        for p in range(seen.paragraph, paragraph + 1):
            text = self.texts.get(p, "")
            start = seen.start if p == seen.paragraph else 0
            end = offset if p == paragraph else len(text)
            spans = [(m.start, m.end) for m in self._between(p, start - _AROUND, end)]
            spans += self.quoted.get(p, [])
            described = DESCRIBING_APPOSITIVE.match(text, start) if p == seen.paragraph \
                and seen.subject else None
            if described is not None:
                # `Anjali Mehrotra-Kline, a Suffolk County legislator from Setauket, said`: the
                # subject's own description names places and bodies, no rival.
                spans.append(described.span())
            skip_run = -1  # where the rest of a run the checks below cleared would go on
            for m in _CAPITALISED.finditer(text, start, end):
                word = POSSESSIVE.sub("", m.group())
                if m.start() == skip_run:
                    skip_run = next_in_run(text, m.end())
                    continue  # `South Carolina`: the run's first word decided for it
                if any(a <= m.start() < b for a, b in spans):
                    # `an Iraq War veteran`: the place decides the run
                    skip_run = next_in_run(text, m.end())
                    continue
                if FEAST_DAY.match(text, m.end()) or OF_NAME.match(text, m.end()):
                    skip_run = next_in_run(text, m.end())
                    continue  # `since Labor Day`, `on Christmas Eve`: a date, not a person
                if PARTY_AFTER.match(text, m.end()):
                    skip_run = next_in_run(text, m.end())
                    continue  # `a Durham Democrat`, `a Grand Rapids Republican`: a hometown
                if THE_BEFORE.search(text, max(0, m.start() - 5), m.start()) or \
                        bare_word(word) in SETTING_WORDS:
                    skip_run = next_in_run(text, m.end())
                    continue  # `the Miss Evangeline`, `Outside City Hall`: a thing's name, a place
                if PLURAL_VERB.match(text, m.end()):
                    continue  # `Children are still being accepted`: many, not a person
                if gender is not None and \
                        self._surname_of_other_gender(word, p, m.start(), gender):
                    continue
                if gender is not None and word not in self.by_last and \
                        first_name_gender(word) not in (None, gender):
                    continue  # `(hello, Gary)` before `she`: a man's given name is not hers
                if word in own or bare_word(word) in STOP or is_title(word) or \
                        bare_word(word) in NOT_SPEAKERS or bare_word(word) in PARTY_MEMBERS:
                    continue
                # `… “profoundly disappointed.” Speaking to reporters, he …`: a closing mark
                # after the full stop still ends the sentence (kept for a possessive, which
                # the check below clears mid-sentence: `… worrying.” Universal’s division`).
                possessive = m.group().endswith(("\u2019s", "'s"))
                before = text[:m.start()].rstrip(" \u201c\u2018\"'(" if possessive else
                                                  " \u201c\u2018\u201d\u2019\"'(")
                opens = not before or before[-1] in ".!?:\u2014"
                if opens and word not in self.proper and word not in self.by_last \
                        and word not in self.pairs and not NAME_FOLLOWS.match(text, m.end()):
                    continue  # a sentence opener, not a name (`Lakshiwnder Singh` would be)
                if gazetteer_lookup([word], 0):
                    skip_run = next_in_run(text, m.end())
                    continue
                if seen.subject and (not self._subject(p, m.start())
                                     or self._object(p, m.start())
                                     or (m.group().endswith(("\u2019s", "'s")) and not opens)):
                    skip_run = next_in_run(text, m.end())
                    # `on the night Anders Kolb died`, `asked about Pelosi`, `X, Carlineo’s
                    # attorney,`: no rival; `Ashworth’s order requires …` opening a sentence
                    # is its topic, and may be the one the pronoun means
                    continue
                return True
        return False
