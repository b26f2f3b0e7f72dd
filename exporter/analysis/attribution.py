"""Attribution: one quotation's place in a paragraph in, its speaker out.

The rules (`attributionrules._RULES`) are tried in order: after the quotation (`“…,” said X`, `“…,”
X said`), before it (`According to X, “…”`, `with X warning of “…”`, `X’s claim that “…”`, `X
warned that “…”`, `He wrote, “…”`, reported speech ending in a partial quotation, `X said … and
added, “…”`, `…, calling him “…”`), a colon introduction without a speech verb (`X put it more
bluntly: “…”`), an attribution line (`“…” — Jane Doe, chief executive`), `“…” This is what was said
by …`, `That was how X described it` (`embedded` holds the rules for quotations embedded in
someone's sentence). `clauses` holds the patterns of the clauses around a partial quotation,
`speakers` reads the phrase next to the verb and `cast.Cast` turns it into a speaker.
`Attributor` also answers the questions `quotes` asks across paragraphs: who a paragraph ending
`She added:` introduces, who a paragraph of reported speech is about, who signs a block
quotation, who issued `the statement`, whose `view` the quotations before were.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..model import ActorKind
from .actors import ROLE_NOUNS, STOP
from .actors import lookup as gazetteer_lookup
from .attributionrules import _RULES, _TRAILING_ADVERBS
from .cast import Cast
from .clauses import (
    ACTION_LEAD,
    CLAUSE_BREAK,
    CLAUSE_TAIL,
    DETERMINER_BEFORE,
    FINITE,
    JOINED,
    OBJECT_SENSES,
    PARTICIPLE,
    THAT,
    VERB,
    Place,
    opening_phrase,
)
from .colonintros import ColonIntros
from .descriptions import (
    anaphor_head,
    described_ages,
    identity_description,
    mouthpiece_org,
    owned_org,
    title_head,
)
from .documents import (
    OWNED_DOCUMENT,
    STATEMENT_FROM,
    THE_DOCUMENT,
)
from .issuers import Issuers
from .lexicon import TITLES
from .matching import last_match
from .quotemarks import Span
from .sentences import split_sentences
from .sources import (
    description_speaker,
    earlier_source,
    one_of_earlier,
    unnamed_since,
    unnamed_who_before,
)
from .speakers import (
    AMBIGUOUS,
    GENERATION,
    PRONOUN_GENDER,
    SUBJECT_PRONOUN,
    Phrase,
    Speaker,
    bare_word,
    is_title,
    name_at_end,
    name_at_start,
    resolved,
    speaker_after,
    subject_before,
)

# `That’s the optimistic view mouthed by X`: a paragraph owning the quotations before it.
_VIEW_BY = re.compile(r"\s*(?:This|That|These|Those|Such)(?:[\u2019']s|\s+(?:is|was|are|were))\s+"
                      r"(?:the|an?)\s+(?:[\w-]+\s+){0,2}?(?:view|words?|verdict|assessment|"
                      r"message|warning|opinion|conclusion|argument|pitch|promise|vision|"
                      r"prediction|forecast|claim)\s+(?:[a-z]+\s+){0,2}?(?:by|of|from)\s+")
_ROLE_WORD = re.compile(r"\b(?:" + "|".join(sorted(ROLE_NOUNS | set(TITLES))) + r")\b",
                        re.IGNORECASE)
# An attribution line: a dash, then only a name and its role up to the paragraph's end.
_DASH_LINE = re.compile(r"\s*[\u2014\u2013]+\s*(?=[A-Z](?:[^.!?\u201c\u201d\"]|\.(?=\s*[A-Z,]))"
                        r"{2,100}\.?\s*$)")
# The same after a quotation standing alone (`QUOTE OF THE DAY: “…” — retired GOP strategist
# Hollis Vantreese, on a panel last Tuesday.`): the line may open with a role in lower case and
# say where the words were spoken.
_DASH_LINE_ALONE = re.compile(r"\s*[\u2014\u2013]+\s*(?=[A-Za-z](?:[^.!?\u201c\u201d\"]|"
                              r"\.(?=\s*[A-Z,]))" r"{2,180}\.?\s*$)")
# A verb that reports a clause, then that clause's subject, a description (`said the housing
# office`): names after such a verb are found as names.
_REPORTED_SUBJECT = re.compile(r"\b(?-i:said|says|added|wrote|writes|argued|noted|insisted|"
                               r"claimed|warned|explained|recalled|testified)\s+(?:that\s+)?"
                               r"(?=(?:the|a|an)\s+[a-z])")
# A relative clause with a subject of its own (`testimony in which the chief`).
_IN_WHICH = re.compile(r"\b(?:in|at|during|of|on)\s+which\s+(?:the|a|an|his|her|its|their)\s")
_CAPITAL_WORD = re.compile(r"\b[A-Z][\w\u2019'-]*")
_GENERATION = re.compile(r"the\s+" + GENERATION, re.IGNORECASE)


class Attributor(Issuers, ColonIntros):
    """Find the speaker of each quotation of one article, by the rules in `_RULES`."""

    def __init__(self, cast: Cast) -> None:
        self.cast = cast

    def speaker(self, phrase: Phrase | None, paragraph: int, offset: int) -> Speaker | None:
        """Return the speaker a phrase next to a speech verb denotes, or None."""
        if phrase is None:
            return None
        if phrase.pronoun:
            called = unnamed_who_before(self.cast.texts, paragraph, offset, phrase.pronoun,
                                        self._person_between) \
                if phrase.pronoun in ("he", "she") else None
            # `A woman who gave her name only as Tina …`: no one is named after her, so she is
            # nearer than any name before.
            found = called if called is not None and called.named else \
                self.cast.generation_before(phrase.pronoun, paragraph, offset) or \
                self.cast.antecedent(phrase.pronoun, paragraph, offset)
            if found is None and phrase.pronoun in PRONOUN_GENDER:
                found = self._reporter_before(phrase.pronoun, paragraph, offset)
            if found is None:
                found = called
            if found is not None and found is not AMBIGUOUS and found.kind == "person" \
                    and found.named and phrase.pronoun in PRONOUN_GENDER:
                self.cast.learn_gender(found.name, PRONOUN_GENDER[phrase.pronoun])
            return found
        if phrase.name is not None:
            found = self.cast.resolve(phrase.name, paragraph)
            if found is not None and found is not AMBIGUOUS and found.role is None \
                    and phrase.role and found.kind == "person" and _ROLE_WORD.search(phrase.role):
                found = Speaker(found.name, found.kind, _role(phrase.role), found.attribution)
            return found
        if phrase.description:
            if _NOBODY_IN_PARTICULAR.match(phrase.description.strip(" ,")):
                return None  # `someone in the observers’ row shouted`: no one the reader can name
            generation = _GENERATION.fullmatch(phrase.description.strip(" ,"))
            if generation:
                # `the younger Stiles said`: of two people sharing the surname, the child.
                return self.cast.generation(generation.group(2),
                                            generation.group(1).lower() != "younger")
            document = THE_DOCUMENT.fullmatch(phrase.description.strip(" ,"))
            if document:
                return self.issuer(document.group(1).lower(), paragraph, offset)
            owned = OWNED_DOCUMENT.fullmatch(phrase.description.strip(" ,"))
            if owned:
                # `The association sued in September. Its complaint says …`: whose it is.
                found = self.cast.antecedent(SUBJECT_PRONOUN[owned.group(1).lower()], paragraph,
                                             offset)
                return None if found is None or found is AMBIGUOUS else resolved(found)
            office = _OWNED_OFFICE.fullmatch(phrase.description.strip(" ,"))
            if office:
                # `Gov. Trent Holcombe … In a statement, his office said`: the office of the
                # person the pronoun means, which speaks for them.
                found = self.cast.antecedent(SUBJECT_PRONOUN[office.group(1).lower()],
                                             paragraph, offset)
                if found is None or found is AMBIGUOUS or found.kind != "person":
                    return None
                return Speaker(f"{found.name}\u2019s {office.group(2).lower()}", "organisation",
                               attribution="resolved")
            head = anaphor_head(phrase.description)
            if head:
                found = self.cast.organisation(head, paragraph, offset)
                if found is not None or len(head.split()) == 1 or \
                        head.lower().startswith("central"):
                    return found
                # `the electoral commission` naming no organisation before: a description.
            org = owned_org(phrase.description)
            if org:
                return Speaker(org, "organisation")
            org = mouthpiece_org(phrase.description)
            if org and (self.cast.organisation_named(org) is not None or not _a_place(org)):
                # `a DHS spokesperson`, `a spokesperson for the Education Department`: an
                # unnamed source, spoken for by its description (which names whose).
                return Speaker(_description(phrase.description), "person", named=False)
            seat = self.cast.seat(phrase.description)
            if seat is not None:
                return seat
            title = title_head(phrase.description)
            if title:
                # `One GOP lawmaker from the state, granted anonymity, said …` then `the lawmaker
                # said`: the unnamed source just described, before anyone titled so.
                found = self._earlier_source(phrase.description, paragraph, offset) or \
                    self.cast.titled(title) or self.cast.asked_holder(title, paragraph, offset)
                if found is not None and found.named and found.kind == "person" and \
                        not self.cast._introduced(found.name, paragraph, offset):
                    return None  # `the analyst wrote` before the article names Haddadin
                if found is not None and found.named and unnamed_since(
                        self.cast.texts, paragraph, offset, found.name, self.cast._in_quote):
                    return None  # `… a suburban House Democrat who … / the lawmaker told me`
                return found
            if identity_description(phrase.description):
                return self.cast.described(paragraph, offset,
                                           described_ages(phrase.description))
            named = re.sub(r"^the\s+", "", phrase.description.strip(" ,"), flags=re.I)
            if named[:1].isupper() and any(
                    m.kind is ActorKind.ORGANISATION and m.text == named
                    for m in self.cast.mentions):
                # `…, the Office of the Legislative Auditor found`: an organisation the
                # article names, written with its article.
                return Speaker(self.cast.display.get(named, named), "organisation")
            return self._earlier_source(phrase.description, paragraph, offset) or \
                description_speaker(phrase.description, self.cast.texts)
        return None

    def _person_between(self, paragraph: int, start: int, end: int) -> bool:
        """Return True if a person is named (outside quotations) in `paragraph[start:end]`."""
        return any(m.kind is ActorKind.PERSON and not self.cast._in_quote(paragraph, m.start)
                   for m in self.cast._between(paragraph, start, end))

    def _earlier_source(self, description: str, paragraph: int, offset: int) -> Speaker | None:
        return earlier_source(description, self.cast.texts, paragraph, offset,
                              self.cast._in_quote) or \
            one_of_earlier(description, self.cast.texts, paragraph, offset, self.cast._in_quote)

    def _reporter_before(self, pronoun: str, paragraph: int, offset: int) -> Speaker | None:
        """Return the one-word speaker of reported speech in the sentence right before the
        quotation's (`Trump said the deal was close. “…,” he said.`), whom the mentions do not
        hold as a person: named by a capitalised word that is no place and, where the text
        tells a gender, of the pronoun's; else None."""
        text = self.cast.texts.get(paragraph, "")
        sentences = [(a, b) for a, b in split_sentences(text) if b <= offset]
        if not sentences or text[sentences[-1][1]:offset].strip(" \u201c\""):
            return None
        start, end = sentences[-1]
        found = self._before(paragraph, text, start, end, max_tail=200)
        if found is None or found is AMBIGUOUS or found.kind not in ("person", "unknown") or \
                " " in found.name or not found.named:
            return None
        gender = self.cast.gender(found.name)
        if gender is not None and gender != PRONOUN_GENDER[pronoun]:
            return None
        return Speaker(found.name, "person", found.role, "resolved")

    def view_owner(self, paragraph: int, text: str) -> Speaker | None:
        """Return whose words a paragraph opening `That’s the view offered by X, …` says the
        quotations before it were: a person or organisation named, or a group described."""
        m = _VIEW_BY.match(text)
        if m is None:
            return None
        end = next((b for a, b in split_sentences(text) if b > m.end()), len(text))
        found = self.speaker(speaker_after(text, m.end(), end), paragraph, m.end())
        if found is None or found is AMBIGUOUS or found.kind == "unknown":
            return None
        return found

    def attribute(self, place: Place) -> Speaker | None:
        """Return the speaker of the quotation at `place` (AMBIGUOUS when two people share the
        name the text gives), or None when the text does not say."""
        for rule in _RULES:
            found = rule(self, place)
            if found is not None:
                return not_named_inside(found, place)
        return None

    def reported(self, paragraph: int, text: str) -> Speaker | None:
        """Return the speaker of a paragraph that ends in reported speech without quotation
        marks (`Johnson said the bill was dead.`): a person or an organisation, or None."""
        body = text.rstrip()
        start = max((a for a, _ in split_sentences(body) if a < len(body)), default=0)
        found = self._before(paragraph, body, start, len(body), max_tail=200)
        if found is None or found is AMBIGUOUS or found.kind not in ("person", "organisation"):
            return None
        return found

    def dash_line(self, paragraph: int, text: str, start: int = 0,
                  alone: bool = False) -> Speaker | None:
        """Return the speaker an attribution line names (`— Jen O’Malley Dillon, campaign
        chair` after a block quotation, in `text[start:]`): a person or an organisation; after
        a quotation standing `alone` in its paragraph, also a line opening in lower case."""
        m = (_DASH_LINE_ALONE if alone else _DASH_LINE).match(text, start)
        if not m:
            return None
        found = self.speaker(speaker_after(text, m.end(), len(text.rstrip(" ."))), paragraph,
                             m.end())
        if found is None or found is AMBIGUOUS or found.kind not in ("person", "organisation"):
            return None
        return found

    def actor(self, paragraph: int, text: str, start: int, end: int) -> Speaker | None:
        """Return the one person a sentence without a speech verb is about (`Kaine paused.`,
        `Then he looked up.`, `Asked about the post, he laughed.`), for a quotation that follows
        it with no attribution of its own; None when the sentence quotes anything, opens with
        no person, or names anyone else (`Whitcomb turned to Calloway.`)."""
        body = text[start:end].rstrip(" .!?")
        if any(c in body for c in "\u201c\u201d\"") or len(body) > 160:
            return None
        m = ACTION_LEAD.match(text, start, start + len(body))
        lead = m.end() if m else start
        # A blanked party tag may stand before the comma (`Rep. X (R-Ariz.), pressed on it,`).
        found = self.colon_subject(paragraph, text, lead, start + len(body), r"\s*,?\s+[a-z]")
        if found is None or found is AMBIGUOUS or found.kind != "person":
            return None
        own = set(found.name.split())
        # Places and bodies the mentions know may stand in it (`In a speech at Colorado
        # College on Thursday, she …`); no other person, nor a name nobody placed.
        placed = [(m.start, m.end) for m in self.cast._between(paragraph, start - 200, end)
                  if m.kind is not ActorKind.PERSON]
        for word in _CAPITAL_WORD.finditer(text, start, start + len(body)):
            bare = word.group().rstrip("\u2019's")
            if bare in own or bare_word(bare) in STOP or is_title(bare) or \
                    word.start() == start or (word.start() < lead and lead_word(bare)) or \
                    any(a <= word.start() < b for a, b in placed) or \
                    gazetteer_lookup([bare], 0):
                continue
            return None  # another name, or one nobody placed: the sentence is not his alone
        return resolved(found)

    def _other_subject(self, paragraph: int, text: str, start: int, end: int,
                       speaker: Speaker) -> bool:
        """Return True if the words reported in `text[start:end]` have a person of their own as
        subject, other than `speaker`, before a speech participle that leads to the quotation
        (`She noted that Holbrook had defended Straub, calling him “…”`: Holbrook may be the
        one calling)."""
        participle = last_match(PARTICIPLE, text, start, end)
        if participle is None:
            return False
        lead = THAT.match(text, start, participle.start())
        clause = lead.end() if lead else start
        name = name_at_start(text, clause, participle.start())
        if name is None or text[clause:name.start].strip() != " ".join(name.title) or \
                not FINITE.match(text, name.end, participle.start()):
            return False
        other = self.cast.resolve(name, paragraph)
        return other is not None and other is not AMBIGUOUS and \
            other.kind in ("person", "unknown") and other.name != speaker.name

    @staticmethod
    def _same_pronoun(text: str, start: int, verb: re.Match[str], tail: str) -> bool:
        """Return True if the one clause joined after the verb's words has the verb's own
        pronoun as subject (`He said he wasn't concerned …, but he did worry there would be
        “…”`): the words are still his."""
        breaks = list(CLAUSE_BREAK.finditer(tail))
        if len(breaks) != 1:
            return False
        after = re.match(r"\s*(he|she)\s+[a-z]", tail[breaks[0].end() - 1:])
        phrase = subject_before(text, start, verb.start())
        return after is not None and phrase is not None and \
            phrase.pronoun == after.group(1).lower()

    def _before(self, paragraph: int, text: str, start: int, end: int,
                max_tail: int) -> Speaker | None:
        """Return the speaker of a speech verb in `text[start:end]`, the last one with at most
        `max_tail` characters after it."""
        sender = self._document_sender(paragraph, text, start, end, max_tail)
        if sender is not None:
            return sender
        verbs = list(VERB.finditer(text, start, end))
        for m in reversed(verbs):
            tail = text[m.end():end]
            if len(tail) > max_tail or (CLAUSE_BREAK.search(tail) and
                                        not self._same_pronoun(text, start, m, tail) and
                                        not _thing_clause(tail, text[end:end + 30])):
                return None
            if DETERMINER_BEFORE.search(text, max(start, m.start() - 6), m.start()):
                continue  # `said in an emailed statement`: a participle describing a noun
            if _PASSIVE_BEFORE.search(text, max(start, m.start() - 30), m.start()):
                # `Among trade lawyers the process has been described as “…”`, `to be confirmed
                # by “…”`: a passive verb's subject is not who spoke; a speech verb before it may
                # still report the words (`X said the package would be announced “…”`).
                continue
            if m.group().lower() in OBJECT_SENSES and not CLAUSE_TAIL.search(tail):
                # `Democrats had confirmed attorneys general with “…” records`: the verb takes
                # a thing, not a clause, so it reports nobody's words.
                continue
            sent = STATEMENT_FROM.search(text, m.end(), end)
            if sent is not None:
                # `The White House weighed in with a statement from OMB spokesperson Wesley
                # Tran-Abbott: “…”`: whoever the statement is from.
                named = name_at_end(text, sent.end(), end)
                phrase = Phrase(name=named) if named is not None and len(named.words) >= 2 \
                    else speaker_after(text, sent.end(), end)
                author = self.speaker(phrase, paragraph, sent.end())
                if author is not None and author is not AMBIGUOUS and \
                        author.kind in ("person", "organisation"):
                    return author
            np_end = m.start()
            adverbs = _TRAILING_ADVERBS.search(text, start, np_end)
            if adverbs:
                np_end = adverbs.start()
            if np_end <= start:
                return None
            if _THAT_BEFORE.search(text, start, np_end):
                # `read from a 2021 brief, signed by Mr. Pike, that called the challenge “…”`:
                # the verb's subject is the text the relative clause hangs on, not the reader.
                return None
            document, author = self.document_author(paragraph, text, start, np_end)
            if document:
                # `a post on X by Treasury Secretary Conrad Ellery that called the pace “…”`:
                # the verb's subject is the document, so its author speaks, or nobody.
                return author
            subject = subject_before(text, start, np_end)
            reported = last_match(_REPORTED_SUBJECT, text, start, np_end) \
                if m.group() in ("told", "said", "says", "tells", "wrote") else None
            if reported is not None and text[reported.end():np_end].strip():
                # `She said the housing office told her …`: the reported clause's own subject
                # (which `told` her), not the one who reports it.
                subject = subject_before(text, reported.end(), np_end)
            if subject is not None and subject.description and \
                    _NOBODY_IN_PARTICULAR.match(subject.description.strip(" ,")):
                return None  # `…, someone in the gallery muttered, “…”`: nobody, not a verb before
            found = self.speaker(subject, paragraph, np_end)
            reduced = _THING_THEN_NAME.search(text, start, np_end) if found is None else None
            if reduced is not None and not is_title(reduced.group("thing")) and \
                    reduced.group("thing") not in ROLE_NOUNS:
                # `…, an offer Brandvold dismissed as “…”`: the name is the subject of a
                # relative clause on the thing before it, and it is that clause's verb.
                named = name_at_end(text, reduced.start(2), np_end)
                found = self.speaker(Phrase(name=named), paragraph, np_end) \
                    if named is not None else None
                if found is AMBIGUOUS or (found is not None and
                                          found.kind not in ("person", "organisation")):
                    return None
            if found is None and _IN_WHICH.search(text, start, np_end):
                # `… pointed to testimony in which the service's acquisition chief called the
                # times “…”`: the relative clause's own subject, whom the text does not name.
                return AMBIGUOUS
            if found is None and JOINED.search(text, start, m.start()):
                # `Rosa Delgado stood on a truck, a bullhorn in hand, and told supporters …`,
                # `(the company would not say but called it “…”)`: the clause's subject.
                clause = max(start, text.rfind("(", start, np_end) + 1)
                subordinate = last_match(_SUBORDINATE_PRONOUN, text, clause, np_end)
                # `… two weeks after he publicly opposed the bill and called it “…”`: the
                # subject of the clause the verb is joined in, not the sentence's.
                phrase = Phrase(pronoun=subordinate.group(1).lower()) if subordinate \
                    else opening_phrase(text, clause, np_end)
                found = self.speaker(phrase, paragraph, subordinate.start(1) if subordinate
                                     else clause)
                if found is not None and (found is AMBIGUOUS or
                                          found.kind not in ("person", "organisation")):
                    found = None
            if found is not None and found is not AMBIGUOUS and \
                    self._other_subject(paragraph, text, m.end(), end, found):
                return AMBIGUOUS
            if found is not None:
                return found
            if _RELATIVE_THING.search(text, start, np_end):
                return None  # `the report by Ben Stroud, which called her tenure “…”`
            if _UNNAMED_PERSON.search(text, start, np_end):
                # `When Pettaway asked one speaker to wrap up, a man at the back of the room
                # shouted, “…”`: someone spoke, whom the text does not name.
                return None
            # `Pompeo said that … Washington had concluded … “…”`: a subject that cannot
            # speak (a place, a thing) leaves the words to the speaker who reports them.
        return None



# `his office`, `her campaign`: a body that speaks for the person the pronoun means.
_OWNED_OFFICE = re.compile(r"(his|her)\s+(office|campaign)", re.IGNORECASE)
# `someone in the gallery`, `a voice from the back`: a speaker the text declines to identify.
_NOBODY_IN_PARTICULAR = re.compile(r"(?:someone|somebody|anyone|anybody|a\s+voice)\b",
                                   re.IGNORECASE)


_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:(?:not|also|widely|often|"
                             r"repeatedly|publicly|privately|later|since|once)\s+)?$")
# A person the text does not name as the subject right before a speech verb.
_UNNAMED_PERSON = re.compile(r"\b(?:a|an|one|another|some|someone|somebody)\s+(?:[a-z-]+\s+){0,2}?"
                             r"(?:man|woman|men|women|person|people|voice|heckler|protester|"
                             r"someone|somebody|speaker|member of the (?:audience|crowd|public))"
                             r"\b[^,;:]{0,60}$")
# `… and a guilty plea would “ruin his life”`: a clause whose subject is a thing, which goes on
# reporting the speaker's words.
_THING_SUBJECT = re.compile(r"\s*(?:a|an|the|this|that|his|her|its|their)\s+"
                            r"(?:[a-z][\w-]*\s+){0,2}?(?:would|will|could|can|should|ought|must|"
                            r"might|may|is|was|were|are|had|has|have)\b")


def _thing_clause(tail: str, quoted: str = "") -> bool:
    """Return True if the one clause joined after the reported words has a thing as subject
    (`He said Thomas is a father of three, and a guilty plea would “ruin his life.”`, `…,
    Ingersoll said, but the effect “should fade …”`: its verb may open the quotation, whose
    first words are `quoted`)."""
    breaks = list(CLAUSE_BREAK.finditer(tail))
    if len(breaks) != 1 or breaks[0].group().strip(" ,") not in {"and", "but"}:
        return False
    m = _THING_SUBJECT.match(tail + quoted.lstrip("\u201c\"' "), breaks[0].end() - 1)
    # `… and the senator would …`: a person is no thing.
    return m is not None and not any(bare_word(w) in ROLE_NOUNS or bare_word(w) in TITLES or
                                     bare_word(w) in _PEOPLE for w in m.group().split()[1:-1])


_PEOPLE = frozenset({"man", "woman", "men", "women", "people", "person", "family", "group",
                     "aide", "aides", "source", "sources", "client", "lawyer", "attorney"})


def lead_word(word: str) -> bool:
    """Return True if `word` is one of the capitalised words an opening phrase starts with."""
    return word in {"Asked", "Pressed", "Questioned", "Reached", "Told", "Moments", "Minutes",
                    "At", "For", "In", "On", "During", "After", "Before", "Earlier", "Later",
                    "Then", "Finally", "Still", "Instead", "Again", "Now"}

# A relative pronoun for a thing as a speech verb's subject: the words are the thing's (a
# report, a ruling), never those of someone who spoke earlier in the sentence.
_RELATIVE_THING = re.compile(r",\s*which\s*$")
# A subordinate clause whose subject is a pronoun (`after he publicly opposed`).
_SUBORDINATE_PRONOUN = re.compile(r"\b(?:after|before|when|because|since|while|although|though|"
                                  r"until|once)\s+(he|she)\b")
# `…, an offer Brandvold`, `…, the plan Gov. Ruiz`: a thing set after a clause, then the name of
# whoever the relative clause on it (its `that` left out) has acting on it.
_THING_THEN_NAME = re.compile(r",\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,2}?(?P<thing>[a-z-]+)\s+"
                              r"((?:[A-Z][\w.\u2019'-]*\s+){0,3}[A-Z][\w\u2019'-]+)\s*$")
_THAT_BEFORE = re.compile(r"\b(?:read|reading|reads|cited|citing|cites|quoted|quoting|quotes|"
                          r"pointed\s+to|referred\s+to|held\s+up)\s+(?:from\s+)?"
                          r"(?:a|an|the|his|her|their|its)\b[^\u201c\u201d\"]{0,120}?"
                          r"(?:that|which)\s+$")
"""Someone reading or citing a text whose relative clause's verb speaks (`read from a 2021
brief, signed by Mr. Pike, that called …`): the text's words, not the reader's."""


_NESTED = re.compile(r"(?<!\w)[\u2018'].*?[\u2019'](?!\w)")


def not_named_inside(found: Speaker, place: Place) -> Speaker:
    """Return AMBIGUOUS for a speaker a pronoun or a surname led to who is named inside the
    quotation itself (`“… easy for Mary Steenburgen to …,” she said`): people seldom speak of
    themselves by name, so the pronoun more likely points at someone else."""
    if found.attribution != "resolved" or found.kind != "person":
        return found
    # A quotation nested inside (`“My wife keeps telling me, ‘Beckett, you can't …’”`) is
    # someone else's words, which may well name the speaker.
    inner = _NESTED.sub("", place.text[place.span.start:place.span.end])
    words = found.name.split()
    # The surname, or the first name of a full name (`“I cannot believe Martha would …,” she
    # said` after `his sister, Martha Fry`), written as a name (case kept).
    named = [w for w in {words[-1], words[0]} if w in inner and
             re.search(r"\b" + re.escape(w) + r"\b", inner)]
    if not named:
        return found
    after = place.text[place.span.close:min(place.sentence_end, place.span.close + 60)]
    if any(re.search(r"\b" + re.escape(w) + r"\b", after) for w in named):
        return found  # `“He's a Trump hater,” Trump wrote`: the name itself attributes it
    return AMBIGUOUS


def post_end(text: str, span: Span, ends: list[int]) -> int:
    """Return where the words after a quotation's closing mark end for attribution (`ends`:
    the sentence ends, ascending)."""
    i = bisect_left(ends, span.close)
    end = ends[i] if i < len(ends) else len(text)
    inner = text[span.start:span.end].rstrip().rstrip("\u2019'\u201d\"")
    # A comma never ends a sentence (`“…,’ ” Hege said.` split after the nested closer).
    if not text[span.close:end].strip() and (inner[-1:] in "?!,\u2014\u2013" or
                                             inner[-1:].isalnum()) and i + 1 < len(ends):
        return ends[i + 1]
    return end


def _role(phrase: str) -> str:
    return re.sub(r"^(?:a|an|the)\s+", "", phrase.strip(" ,"), flags=re.IGNORECASE)


def _a_place(name: str) -> bool:
    """Return True if the gazetteer knows `name`, whole, as a place or country (`the Lake
    District`), which has no spokesperson of its own."""
    words = name.split()
    hit = gazetteer_lookup(words, 0)
    return hit is not None and hit[0] == len(words) and hit[1].kind is not ActorKind.ORGANISATION


def _description(phrase: str) -> str:
    """Return a description as a speaker's name: without its article (`a`, `an`, `one`)."""
    return re.sub(r"^(?:an?|one|the)\s+", "", phrase.strip(" ,"), flags=re.IGNORECASE)


__all__ = ["VERB", "Attributor", "Place", "not_named_inside", "post_end", "resolved"]
