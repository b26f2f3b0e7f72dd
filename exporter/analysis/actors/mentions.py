"""Mentions: every place an article names an actor, with its offsets, kind, form and role.

A person needs evidence to be one: a title or role before the name, an appositive after it
(`X, a Moscow-based analyst,`), initials, `according to X`, or a speech verb. Countries absorb
their aliases (Kremlin, Moscow, USSR → Russia); a capital is merged only when its country is
named too, otherwise it stays a place. The textual cues weighed here (an age, `who`, a pronoun
after a name, corporate name endings) are in `cues`. Words no run explains (a surname alone, an
acronym, a company's short name) wait until every run is read, then `leftovers` resolves them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...model import ActorKind, Article
from .. import lexicon
from ..sentences import split_sentences
from .cues import (
    ACRONYM_BRACKETS,
    ACRONYM_DEFINITION,
    AGE_AFTER,
    AGE_BEFORE,
    HOMETOWN_OF,
    LONE_NAME_GIVEN,
    LONE_NAME_PERSON,
    MODEL_CODE,
    MUNICIPAL,
    PARTICLES,
    PARTY_NOUNS,
    PARTY_TAG_NAME,
    PERSON_NOUNS,
    SAID_IT,
    SECOND_WORD,
    SUBJECT_PRONOUN_AFTER,
    THE_BEFORE,
    WHO_AFTER,
    affiliate,
    given_name_pair,
    honorific_before,
    known_pair,
    surname_in_s,
    whole_name,
)
from .gazetteer import lookup
from .leftovers import Leftovers
from .mention import Mention
from .names import acronym_matches, month_given_name, name_ok, surname_title
from .roles import (
    ACCORDING,
    OWNER,
    ROLE_NOUN_BEFORE,
    SAID_BEFORE,
    clean_role,
    first_country,
    its_owner,
    pre_role,
    role_from_appositive,
)
from .runs import INITIALS, Run, find_runs, is_cap, split_at_titles
from .words import (
    ADVOCATES,
    CLASS_YEARS,
    COMPANY_AFTER,
    COMPANY_FOLLOWS,
    CONNECTORS,
    HONORIFICS,
    LEADS,
    NOT_ACTOR_HEADS,
    ORG_HEADS,
    ORG_WORDS,
    PUBLICATION_NOUNS,
    SETTING_WORDS,
    SPEECH_VERBS,
    STOP,
    TITLE_HEADS,
    blank_dateline,
    blank_district_tags,
    blank_nicknames,
    leading_connectors,
)

_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+$")


# Courtesy titles never written after `the` before a person (`the Rev. Al Sharpton` is).
_COURTESY = frozenset({"mr", "mrs", "ms", "miss"})
_AHEAD = 200
# What a name with `&` does when it is a firm: speak, or act in a clause on it.
_FIRM_ACTS = re.compile(r"(?:,\s+(?:which|that)\s+[a-z]+s|\s+(?:said|says|announced|reported|"
                        r"agreed|declined|told|plans|filed|sued))\b")
"""Characters a look-ahead or look-behind reads: enough for a phrase, bounded for linear time."""
_LOWER_WORD = re.compile(r"(?<![\w./@-])[a-z]{3,}(?![\w/@-]|\.\w)")
"""A lower-case word of the text, not part of an address (`www.usef.org`)."""




class _Finder:
    """Collect the mentions of one article."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.mentions: list[Mention] = []
        self.persons: dict[str, str | None] = {}
        self.acronyms: dict[str, str] = {}
        self.terms: set[str] = set()
        self.lower_words: frozenset[str] | None = None
        self.second_words: frozenset[str] | None = None
        self.body: str | None = None
        self.counts: dict[str, int] = {}
        """How often the article writes a phrase (read once a phrase: linear time)."""
        self.consumed: set[tuple[int, int]] = set()
        """(paragraph, offset) of words already explained by an earlier look-ahead."""

    def _lower_words(self) -> frozenset[str]:
        """Return the words of three letters or more the article writes in lower case: a word
        in capitals that is also one of them is shouted (`VOTE`, `BIG`), not an acronym."""
        if self.lower_words is None:
            self.lower_words = frozenset(_LOWER_WORD.findall(self._body()))
        return self.lower_words

    def _second_words(self) -> frozenset[str]:
        """Return the capitalised words the article writes right after another (`Hutchings`
        of `Delmar Hutchings`), read once: a lone word among them is a surname."""
        if self.second_words is None:
            self.second_words = frozenset(m.group(1) for m in
                                          SECOND_WORD.finditer(self._body()))
        return self.second_words

    def add(self, key: str, kind: ActorKind, para: int, start: int, end: int, text: str,
            form: str = "name", role: str | None = None) -> None:
        if len(key.replace(".", "").strip()) < 2:
            return  # a letter or an initial (`X.`, `C.`) names nobody
        self.mentions.append(Mention(key=key, kind=kind, paragraph=para, start=start, end=end,
                                     text=text[start:end], form=form, role=role))
        self.consumed.add((para, start))

    def run(self) -> list[Mention]:
        # The opening paragraph's dateline names where the story was filed, and its dash would
        # join the place to the name after it (`DES MOINES, Iowa — Former Gov. Claire Whitman`).
        paras = [(p.n, blank_district_tags(blank_nicknames(
                     blank_dateline(p.text) if i == 0 else p.text)))
                 for i, p in enumerate(self.article.paragraphs)]
        for n, text in paras:
            if "(" in text:  # (else the pattern is tried at every word, to find nothing)
                self._acronym_definitions(n, text)
        deferred: list[tuple[int, str, list[tuple[str, int, int]], bool]] = []
        for n, text in paras:
            for whole in find_runs(text):
                for run in split_at_titles(whole):
                    rest = self._run(n, text, run)
                    if rest:
                        deferred.append((n, text, rest, run.sentence_start))
        # Surnames and acronyms are resolved once every full name and expansion is known.
        leftovers = Leftovers(self.mentions, self.persons, self.acronyms, self.terms,
                              self._lower_words, self._body(), self.add)
        for n, text, words, _ in deferred:
            leftovers.read(n, text, words)
        return self._merge_capitals(sorted(self.mentions, key=lambda m: (m.paragraph, m.start)))

    def _acronym_definitions(self, n: int, text: str) -> None:
        if ACRONYM_BRACKETS.search(text) is None:
            return  # (no bracket here holds an acronym after a word)
        for m in ACRONYM_DEFINITION.finditer(text):
            acronym = m.group(2)
            words = m.group(1).split()
            for k in range(len(words)):
                cand = words[k:]
                while cand and cand[0].lower() in CONNECTORS:
                    cand = cand[1:]
                if cand and acronym_matches(acronym, cand):
                    if all(is_cap(w) or w.lower() in CONNECTORS for w in cand):
                        self.acronyms[acronym] = " ".join(cand)
                    else:
                        self.terms.add(acronym)
                    break
            else:
                # An acronym from another language ("Supreme Federal Court (STF)") does not
                # match the English initials; right after an organisation's name it is still
                # that organisation's.
                name: list[str] = []
                for w in reversed(words):
                    if not (is_cap(w) or (name and w.lower() in CONNECTORS)):
                        break
                    name.insert(0, w)
                while name and name[0].lower() in CONNECTORS:
                    name = name[1:]
                if len(name) >= 2 and name[-1].lower() in ORG_HEADS:
                    self.acronyms[acronym] = " ".join(name)

    def _run(self, n: int, text: str, run: Run) -> list[tuple[str, int, int]]:
        """Record what a run names; return its words that are still unexplained."""
        if (n, run.words[0][1]) in self.consumed:
            return []
        words = list(run.words)
        # Sentence openers and articles are not part of names.
        while words and not self._is_publication(text, words):
            drop = leading_connectors([w for w, _, _ in words]) or int(
                words[0][0].lower() in STOP and not month_given_name(text, words, self._count))
            if not drop:
                break
            words = words[drop:]
        while words and (words[-1][0].lower() in CONNECTORS or words[-1][0].lower() in STOP):
            words = words[:-1]
        # Web page words and time adjectives before a name are not part of it (`Visit Business
        # Insider`, `Former National Security Council official`).
        while len(words) > 1 and words[0][0].lower() in LEADS:
            words = words[1:]
        if len(words) > 2 and words[0][0].lower() in CLASS_YEARS and \
                (words[1][0].lower() in lexicon.FIRST_NAMES or
                 lexicon.census_first_names().get(words[1][0].lower()) is not None):
            words = words[1:]  # `Senior Kaylee Brandenburg, who was cast as the lead`
        if not words:
            return []
        if words[0][0].lower() in SETTING_WORDS and text[words[-1][2]:words[-1][2] + 1] == ",":
            return []  # `Outside City Hall, he said`: where, which names nobody who speaks
        names = [w for w, _, _ in words]
        low = [w.lower().rstrip(".") for w in names]
        start, end = words[0][1], words[-1][2]

        if self._is_publication(text, words):
            self.add(" ".join(names), ActorKind.ORGANISATION, n, start, end, text)
            return []
        # The expansion of an acronym defined in brackets, maybe with a prefix (`UN Office …`).
        full = " ".join(names)
        known = lookup(names, 0)
        for acronym, expansion in self.acronyms.items():
            if known and known[0] == len(names):
                break  # `Democratic Republic of Congo (DRC)`: the gazetteer's country
            if full.endswith(expansion) and full != acronym:
                self.acronyms[acronym] = full
                self.add(full, ActorKind.ORGANISATION, n, start, end, text)
                return []

        # Title or role words followed by a name: `Russian Army Commander-in-Chief Oleg Salyukov`.
        title_idx = [i for i, w in enumerate(low) if w in TITLE_HEADS]
        if title_idx and ((low[0] in ORG_HEADS and title_idx[-1] == len(low) - 1)
                          or (title_idx[-1] + 1 < len(low) and low[title_idx[-1] + 1] in ORG_HEADS
                              and title_idx[-1] + 2 == len(low))):
            # `The Justice Department`, `the Department of Justice`: a title word inside an
            # organisation's name, not before a person's.
            title_idx = []
        if title_idx and surname_title(names, title_idx[-1]):
            title_idx = title_idx[:-1]  # `Daniel King`, `Ann Bishop`: a surname, no title
        if title_idx and low[0] in _COURTESY and THE_BEFORE.search(text, max(0, start - 5), start):
            # `the scalloper, the Miss Evangeline`, `the Miss America pageant`: a courtesy title
            # after `the` names a boat, a show or a prize after someone, not a person here.
            return []
        if title_idx:
            r = title_idx[-1]
            # `Minister of Pakistan`, `Ambassador to the European Union` belong to the role too.
            while r + 2 < len(low) and low[r + 1] in {"of", "for", "to"}:
                at = r + 3 if low[r + 2] == "the" and r + 3 < len(low) else r + 2
                hit = lookup(names, at)
                if hit is None:
                    break
                r = at + hit[0] - 1
            r += self._office_words(low, names, r)
            name_words = words[r + 1:]
            while len(name_words) > 1 and name_words[0][0] in PARTICLES:
                name_words = name_words[1:]  # `Ms. bin Saleh`: the surname after its particles
            if len(name_words) == 1 and r >= 1 and low[r] in lexicon.FIRST_NAMES and \
                    is_cap(name_words[0][0]) and low[r - 1] in PARTY_NOUNS:
                # `Republican Dean Castellano`: a title that is also a first name, between a
                # party and a lone surname, is the first name (a dean is `Dean Jane Roe`).
                self._person(n, text, words[r:], None)
                return []
            role_words = names[:r + 1]
            self._role_mentions(n, text, words[:r + 1])
            cut = next((i for i, (w, _, _) in enumerate(name_words) if w in {"of", "for"}), None)
            if cut is not None and cut >= 2 and name_ok([w for w, _, _ in name_words[:cut]]):
                # `Judge Cornelius A. Whitfield of the Eastern District of Virginia`: the name,
                # then where the title is held.
                rest = name_words[cut + 1:]
                while rest and rest[0][0].lower() in STOP:
                    rest = rest[1:]
                name_words = name_words[:cut]
                if rest:
                    self._gazetteer_and_orgs(n, text, rest, False)
            if len(name_words) == 1 and _INDEFINITE_BEFORE.search(text, max(0, words[0][1] - 4),
                                                                  words[0][1]):
                return []  # `ordered a Dr Pepper`: a product named like a person
            if name_words and name_ok([w for w, _, _ in name_words]):
                role = clean_role(role_words)
                # An honorific alone (`Dr.`, `Mr`) is not a role.
                self._person(n, text, name_words,
                             None if role.lower().rstrip(".") in HONORIFICS else role)
                return []
            if name_words and name_words[0][0].lower() in {"of", "for"}:
                # `Minister of Energy and Water Resources`: the whole run is the role.
                role_words, name_words = names, []
            if not name_words:
                # A role alone, maybe followed by `, Name`: `the Prime Minister of Pakistan, X`.
                follow = re.match(r",\s+", text[end:])
                if follow:
                    # A bounded look-ahead: the next run is all we need (linear time).
                    nxt = find_runs(text[end + follow.end():end + follow.end() + _AHEAD],
                                whole=False)[:1]
                    if nxt and nxt[0].words[0][1] == 0:
                        # Offsets of the look-ahead are relative to the text after the comma.
                        off = end + follow.end()
                        cand = [(w, a + off, b + off) for w, a, b in nxt[0].words]
                        if name_ok([w for w, _, _ in cand]) and len(cand) >= 2:
                            role = clean_role(role_words)
                            owner = OWNER.search(text, 0, words[0][1])
                            if owner:
                                # `Tajikistan's Minister of Energy, X`: keep whose minister.
                                role = f"{owner.group(1)} {role}"
                            self._person(n, text, cand, role)
                return []
            return []

        # `Republican Vincent Caruso`, `and Democrat Rob Sandoval`: a party before a name is
        # who the person is, never part of the name (and, a proper adjective, keeps its capital).
        if len(names) >= 3 and low[0] in PARTY_NOUNS and not low[0].endswith("s") and \
                name_ok(names[1:]) and "and" not in low:
            self._person(n, text, words[1:], names[0])
            return []
        # `Farmer Robert Hale`: a capitalised word opening the sentence before a first name
        # is a role.
        if len(names) >= 3 and names[1].lower() in lexicon.FIRST_NAMES and \
                names[0].lower() not in lexicon.FIRST_NAMES and run.sentence_start and \
                name_ok(names[1:]):
            self._person(n, text, words[1:], names[0].lower())
            return []
        # `Yolanda Mabry and Keisha Lyle-Dunbar voted no`: two people joined by `and`, each a
        # first name the lexicon knows and a surname.
        if names.count("and") == 1 and lookup(names, 0) is None:
            i = names.index("and")
            sides = (words[:i], words[i + 1:])
            if all(2 <= len(side) <= 3 and side[0][0].lower() in lexicon.FIRST_NAMES
                   and name_ok([w for w, _, _ in side]) for side in sides):
                for side in sides:
                    self._person(n, text, side, None)
                return []
        if len(names) == 1 and name_ok(names) and low[0] not in STOP and \
                lookup(names, 0) is None and (LONE_NAME_PERSON.match(text, end) or
                                              LONE_NAME_GIVEN.search(text, max(0, start - 40),
                                                                     start)) and \
                names[0] not in self._second_words():
            # `Yulisa, a 29-year-old mother from Honduras, …`: a person named by first name
            # (`Hutchings, 52,` where the article writes `Delmar Hutchings` is his surname).
            self._person(n, text, words, role_from_appositive(text, end))
            return []
        if "&" in names[1:-1]:
            # `Procter & Gamble said`, `Lakeshore Energy & Gas, which serves …`: never one
            # person; a firm where it speaks or acts (not `War & Peace`, `Plug & Charge`).
            if _FIRM_ACTS.match(text, end):
                self.add(" ".join(names), ActorKind.ORGANISATION, n, start, end, text)
                return []
            return self._gazetteer_and_orgs(n, text, words, run.sentence_start)
        # Persons without a title: evidence from the context.
        # Initials alone name no person: they are a time, a state, a title or an acronym
        # (`A.M.`, `N.M.`, `P.I.`, `N.Y.P.D.`).
        if name_ok(names) and len(names) >= 2 and low[-1] not in PARTY_NOUNS:
            found_role = role_from_appositive(text, end)
            before = text[max(0, start - 120):start]
            pre = pre_role(before) if found_role is None else None  # (read only then)
            after = text[end:end + 40].lower().lstrip(" ,")
            next_word = re.match(r"[a-z]+", after)
            evidence = (
                found_role is not None
                or pre is not None
                or bool(ACCORDING.search(before))
                or bool(SAID_BEFORE.search(before))
                or (bool(INITIALS.match(names[0])) and lookup(names[:1], 0) is None)
                or bool(ROLE_NOUN_BEFORE.search(before))
                or (names[0].lower() in lexicon.FIRST_NAMES and len(names) <= 3
                    and low[-1] not in ORG_HEADS and low[-1] not in NOT_ACTOR_HEADS
                    and (not names[-1].endswith("s") or surname_in_s(names[-1]))
                    and lookup(names[:1], 0) is None)
                or (bool(AGE_BEFORE.search(before)) and len(names) <= 4
                    and (next_word is None or next_word.group() not in PERSON_NOUNS))
                or (next_word is not None and next_word.group() in SPEECH_VERBS)
                or honorific_before(before)
                or bool(AGE_AFTER.match(text, end))
                or ((run.sentence_start or before.rstrip().endswith(","))
                    and bool(SUBJECT_PRONOUN_AFTER.match(text, end)) and len(names) <= 4)
                or (bool(WHO_AFTER.match(text, end))
                    and (not names[-1].endswith("s") or surname_in_s(names[-1])))
                or text[end:end + 14].lstrip("\u2019'").lstrip("s ").startswith("government")
                or (given_name_pair(names, self._lower_words())
                    and self._count(names[1]) > self._count(" ".join(names)))
            )
            if evidence and names[0].lower() not in lexicon.FIRST_NAMES and \
                    HOMETOWN_OF.search(before):
                evidence = False  # `Sen. Otto Krajicek of Grand Island, who …`: his town
            if evidence and names[0].lower() not in lexicon.FIRST_NAMES and \
                    SAID_IT.match(text, end):
                # `Harmon Appliance said Tuesday it would close its plant`: no person is `it`.
                self.add(" ".join(names), ActorKind.ORGANISATION, n, start, end, text)
                return []
            if evidence:
                if found_role is None and pre is not None:
                    found_role = pre.group(1).strip()
                if found_role is None and re.match(r"(?:[\u2019']s)?\s+government", text[end:]):
                    # `X's government tried to normalise Pakistan-Soviet relations`: the first
                    # country the sentence names is taken as the one governed.
                    stop = min((b for _, b in split_sentences(text) if b > end), default=len(text))
                    country = first_country(text[end:stop])
                    found_role = f"head of {country}\u2019s government" if country else \
                        "head of government"
                self._person(n, text, words, found_role)
                return []

        return self._gazetteer_and_orgs(n, text, words, run.sentence_start)

    def _role_mentions(self, n: int, text: str, words: list[tuple[str, int, int]]) -> None:
        """Record countries and organisations named inside a role (`Russian`, `of Pakistan`)."""
        names = [w for w, _, _ in words]
        i = 0
        while i < len(names):
            i += self._add_known(n, text, words, names, i) or 1

    def _add_known(self, n: int, text: str, words: list[tuple[str, int, int]],
                   names: list[str], i: int) -> int:
        """Record the gazetteer name starting at word `i`; return its length (0: none)."""
        hit = lookup(names, i)
        if not hit:
            return 0
        size, entry = hit
        self.add(entry.canonical, entry.kind, n, words[i][1], words[i + size - 1][2], text,
                 entry.form)
        return size

    def _person(self, n: int, text: str, words: list[tuple[str, int, int]],
                role: str | None) -> None:
        name = " ".join(w for w, _, _ in words)
        if PARTY_TAG_NAME.match(name):
            return  # `Sen. Marcus Whitcomb, D-Orrington Falls, the chair`: a party tag
        start = words[0][1]
        if role and " of " not in role and re.search(r"\b(?:its|their)\s+(?:\w+\s+){0,2}$",
                                                     text[max(0, start - 60):start]
                                                     .removesuffix(role + " ")):
            owner = its_owner(text, start)
            if owner:
                role = f"{role} of {owner}"
        if role is None:
            role = role_from_appositive(text, words[-1][2])
        self.add(name, ActorKind.PERSON, n, start, words[-1][2], text, "name", role)
        self.persons.setdefault(name, role)

    def _is_publication(self, text: str, words: list[tuple[str, int, int]]) -> bool:
        if words[0][0] != "The" or len(words) < 2:
            return False  # (tested first: asked of every run, most open with no `The`)
        after = text[words[-1][2]:words[-1][2] + 14].lower().lstrip()
        return after.startswith(PUBLICATION_NOUNS)

    def _gazetteer_and_orgs(self, n: int, text: str, words: list[tuple[str, int, int]],
                            sentence_start: bool) -> list[tuple[str, int, int]]:
        names = [w for w, _, _ in words]
        low = [w.lower() for w in names]
        start, end = words[0][1], words[-1][2]
        whole = lookup(names, 0)
        if whole and whole[0] == len(names):
            entry = whole[1]
            self.add(entry.canonical, entry.kind, n, start, end, text, entry.form)
            return []
        pair = known_pair(names)
        if pair:
            # `the United Nations and European Union`: two names, not one.
            return (self._gazetteer_and_orgs(n, text, words[:pair], sentence_start)
                    + self._gazetteer_and_orgs(n, text, words[pair + 1:], False))
        if sentence_start and len(names) >= 3 and self._common_opener(names):
            # `Key Security Council members …`: a common word opening the sentence.
            return self._gazetteer_and_orgs(n, text, words[1:], False)
        if sentence_start and len(names) >= 3 and self._members_of(names):
            # `Members of the Intelligence Committee …`: the people of an organisation.
            skip = 3 if names[2].lower() == "the" else 2
            return self._gazetteer_and_orgs(n, text, words[skip:], False)
        # Organisations: a head word at the end (or an institutional word anywhere), or a
        # name the text calls a company (`the Café Serra Azul cooperative`).
        if ((low[-1] in ORG_HEADS or any(w in ORG_WORDS for w in low)
             or (low[0] in ORG_HEADS and len(low) >= 3 and low[1] in {"of", "for"}
                 and "and" not in low)
             or (low[0] in ADVOCATES and len(low) >= 3 and low[1] == "for")
             # `the City of Halvard`: a town's government, not the place alone.
             or (low[0] in MUNICIPAL and len(low) >= 3 and low[1] == "of")
             or COMPANY_FOLLOWS.match(text, end) or COMPANY_AFTER.match(text, end))
                and low[-1] not in NOT_ACTOR_HEADS and len(names) >= 2
                and not any(MODEL_CODE.search(w) for w in names)):
            key = " ".join(names)
            self.add(key, ActorKind.ORGANISATION, n, start, end, text)
            return []
        if "of" in low[1:-1] and affiliate(names, low.index("of", 1)):
            # `The ACLU of Mississippi`, `Planned Parenthood of Ohio`: a body's chapter in a
            # place is one name.
            self.add(" ".join(names), ActorKind.ORGANISATION, n, start, end, text)
            return []
        if any(w in NOT_ACTOR_HEADS for w in low):
            # An event or document (`Treaty of Friendship`): note only the places inside it.
            self._role_mentions(n, text, words)
            return []
        # Otherwise split into known names and leftovers.
        leftover: list[tuple[str, int, int]] = []
        i = 0
        while i < len(names):
            size = self._add_known(n, text, words, names, i)
            if size:
                i += size
                continue
            # Hyphenated compounds: `Pakistan-Russia`, `Sino-Russian`, `US-backed`.
            parts = names[i].split("-")
            hits = [(lookup([part], 0), part) for part in parts] if len(parts) > 1 else []
            if any(hit for hit, _ in hits):
                off = words[i][1]
                for hit, part in hits:
                    if hit:
                        e = hit[1]
                        self.add(e.canonical, e.kind, n, off, off + len(part), text, e.form)
                    off += len(part) + 1
                i += 1
                continue
            # A hyphenated word naming no place is left over: a double surname
            # (`Castellano-Reyes` after `Naomi Castellano-Reyes`) is found there.
            leftover.append(words[i])
            i += 1
        return leftover

    def _office_words(self, low: list[str], names: list[str], r: int) -> int:
        """Return how many words after the title at `r` name its office (`Secretary of State
        Antony Blinken`: 2): an `of` or `for` and one to three words, followed by a two-word
        name whose first word is a common first name or whose surname the article also
        writes alone. 0 when no such name follows."""
        if r + 1 >= len(low) or low[r + 1] not in {"of", "for"}:
            return 0
        for k in range(1, 4):
            rest = names[r + 2 + k:]
            if len(rest) != 2 or not name_ok(rest) or lookup(rest, 1) is not None:
                continue  # `… Life Care Solutions Europe`: a place is no surname
            if rest[0].lower() in lexicon.FIRST_NAMES or self._count(rest[1]) > self._count(
                    " ".join(rest)):
                return 1 + k
        return 0

    def _common_opener(self, names: list[str]) -> bool:
        """Return True if the first of `names`, opening a sentence, is a common word and not
        part of the name: the article writes it in lower case elsewhere or the rest is a known
        name (`Key Security Council members`), and the article writes the rest of the name more
        often without it than with it."""
        first = names[0]
        if lookup(names, 0) is not None or first.lower() in ORG_WORDS or not (
                first.lower() in self._lower_words() or whole_name(names[1:])):
            return False
        rest = " ".join(names[1:])
        return self._count(rest) > self._count(f"{first} {rest}")

    def _members_of(self, names: list[str]) -> bool:
        """Return True if `names`, opening a sentence, are a common noun for people, `of`, and
        an organisation's name (`Members of the Intelligence Committee`, `Staff of the World
        Bank`): a plural or a word the article writes in lower case elsewhere, never a title
        (`Speaker of the House`), an organisation's own word (`Bank of England`) or a first
        name. Names whose end is no organisation's head (`Friends of the Earth`) stay whole."""
        first = names[0].lower()
        rest = names[3:] if names[2].lower() == "the" else names[2:]
        # `Member` heads a title (`Council Member Bryce Tolliver`); `Members of …` are people of
        # the body, as `Staff of …` are.
        if names[1] != "of" or not rest or first in lexicon.FIRST_NAMES \
                or first in ORG_WORDS or first in ORG_HEADS or first in TITLE_HEADS \
                or (first.rstrip("s") in TITLE_HEADS and first != "members") \
                or lookup(names, 0) is not None:
            return False
        if not (first.endswith("s") or first in self._lower_words()):
            return False
        return rest[-1].lower() in ORG_HEADS or whole_name(rest)

    def _count(self, phrase: str) -> int:
        """Return how often the article writes `phrase` (each phrase read once: linear time)."""
        if phrase not in self.counts:
            self.counts[phrase] = self._body().count(phrase)
        return self.counts[phrase]

    def _body(self) -> str:
        if self.body is None:
            self.body = "\n".join(p.text for p in self.article.paragraphs)
        return self.body

    def _merge_capitals(self, mentions: list[Mention]) -> list[Mention]:
        """Turn a capital into its country when the country is named (a demonym will do);
        otherwise into a place."""
        named = {m.key for m in mentions if m.kind is ActorKind.COUNTRY and m.form != "capital"}
        out: list[Mention] = []
        for m in mentions:
            if m.form == "capital" and m.key not in named:
                m = Mention(key=m.text, kind=ActorKind.PLACE, paragraph=m.paragraph,
                            start=m.start, end=m.end, text=m.text)
            out.append(m)
        # Organisations spelled out and also used by acronym collapse to the expansion.
        for i, m in enumerate(out):
            if m.kind is ActorKind.ORGANISATION and m.key in self.acronyms:
                out[i] = Mention(key=self.acronyms[m.key], kind=m.kind, paragraph=m.paragraph,
                                 start=m.start, end=m.end, text=m.text, form="acronym")
        return out


@lru_cache(maxsize=16)
def find_mentions(article: Article) -> tuple[Mention, ...]:
    """Return every mention of an actor in the article, in reading order."""
    return tuple(_Finder(article).run())
