"""Attribution rules: one quotation's place in a paragraph in, the speaker its neighbours name out.

Tried in order by `attribution.Attributor` (`_RULES`): after the quotation (`“…,” said X`, `“…,” X
said`), before it (`According to X, “…”`, `X warned that “…”`, `X said … and added, “…”`, `The
attorney general …, writing that “…”`), a colon introduction (`X put it more bluntly: “…”`), an
attribution line (`“…” — Jane Doe, chief executive`), `“…” This is what was said by …` and `That
was how X described it`; `embedded` holds the rules for quotations embedded in someone's
sentence, which run among these.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .clauses import (
    BE,
    CLAUSE_BREAK,
    MANNER_ADVERB,
    NEXT_QUOTE,
    PARTICIPLE,
    SUBORDINATE,
    VERB,
    WEEKDAY,
    Place,
    alternatives,
    opening_phrase,
    previous_close,
)
from .descriptions import title_head
from .embedded import (
    how_named,
    owned_speech,
    said_at_end,
    subject_said_at_end,
    with_participle,
)
from .lexicon import SPEECH_VERBS
from .matching import last_match
from .sentences import split_sentences
from .sources import description_speaker
from .speakers import (
    AMBIGUOUS,
    SUBJECT_PRONOUN,
    Phrase,
    Speaker,
    document_owner,
    segments,
    speaker_after,
    subject_before,
)

if TYPE_CHECKING:
    from .attribution import Attributor

_ADVERBS = (r"(?:(?:also|then|later|once|again|further|previously|simply|quickly|recently|"
            r"has|had|have|would|will|later|reportedly|publicly|privately|repeatedly|since|"
            r"already|just|long|still|now|even|" + MANNER_ADVERB + r")\s+)*")
_VERB_FIRST = re.compile(r"\s*[,\u2014\u2013-]?\s*(?:(?:" + alternatives(
    [v for v, after in SPEECH_VERBS.items() if after]) + r")|(?P<acc>according\s+to|"
    # `“…,” per a Trask adviser`: a newsletter's `according to`.
    r"(?-i:per)(?=\s+(?:an?|the|one|two|three|several|people|sources?|(?-i:[A-Z])))))\s+",
    re.IGNORECASE)
# The verb in lower case only: `the United States’ representative … told` has no verb `States`.
_SUBJECT_FIRST = re.compile(r"\s*[,\u2014\u2013-]?\s*(?P<np>[^;:!?\u201c\u201d\"]{1,250}?)\s+"
                            + _ADVERBS + r"(?-i:" + alternatives(list(SPEECH_VERBS)) + r")\b",
                            re.IGNORECASE)
# Adverbs, and a day (`Brennan-Fike on Monday said`, `Smith late Tuesday said`), between a
# subject and its speech verb.
_TRAILING_ADVERBS = re.compile(r"(?:\s+(?:also|then|later|once|again|further|previously|simply|"
                               r"has|had|have|would|will|reportedly|publicly|privately|"
                               r"repeatedly|recently|since|already|just|long|still|now|"
                               r"even|yesterday|today|tonight|"
                               r"(?:(?:on|late|early)\s+)?" + WEEKDAY +
                               r"(?:\s+(?:night|morning|afternoon|evening))?|"
                               + MANNER_ADVERB + r"))+\s*$",
                               re.IGNORECASE)
# `… and added, “…”`: a speech verb whose subject is the sentence's.
_COORDINATED = re.compile(r"\s*,?\s*(?:and|but)\s+(?:then\s+|later\s+|also\s+)?(?:"
                          + alternatives(list(SPEECH_VERBS)) + r")[\s,:]*", re.IGNORECASE)
_ACCORDING = re.compile(r"according\s+to\s+", re.IGNORECASE)
_THIS_IS_WHAT = re.compile(
    r"^\s*(?:This|That|These|Those|Such)\s+(?:is|was|were|are)\s+(?:what|how|the\s+"
    r"(?:words?|view|verdict|assessment|message|warning|opinion|conclusion))\b"
    r"[^.]*?\b(?:by|of)\s+(?P<np>[a-z][\w\s-]{2,80}?)"
    r"(?=\s+(?:following|after|before|during|when|while|who|which|that|since|because|in\s+\d|"
    r"at\s+the|in\s+the|on\s+\w+day)\b|[,.;:]|$)")
# `“…” This is how a former Soviet planner once described …`.
_THIS_IS_HOW = re.compile(
    r"^\s*(?:This|That)\s+(?:is|was)\s+(?:what|how)\s+(?P<np>(?:a|an|the|one)\s+[\w\s-]{2,60}?)"
    r"\s+(?:\w+ly\s+|once\s+|had\s+|has\s+)?(?:described|put|called|said|summed|saw|"
    r"phrased|characterised|characterized)\b")
# What a speech verb after a quotation reports when it is not the quotation (`said he would
# run`, `said that …`).
_OWN_CLAUSE = re.compile(r"\s+(?:that\s|(?:he|she|they|it|we|I|you)\s+(?!said\b|says\b|told\b|"
                         r"added\b|wrote\b)[a-z])")
def _after_verb(att: Attributor, place: Place) -> Speaker | None:
    """`“…,” said X`, `“…,” according to X`."""
    if not _attribution_follows(place):
        return None
    m = _VERB_FIRST.match(place.text, place.span.close, place.sentence_end)
    if not m or _OWN_CLAUSE.match(place.text, m.end() - 1, place.sentence_end):
        return None  # (`“…,” said he would run`: the verb reports a clause of its own)
    if m.group("acc") and (
            _INTRODUCED.search(place.text, max(0, place.span.start - 80), place.span.start) or
            _TOLD_THAT.search(place.text, max(place.sentence_start, place.span.start - 80),
                              place.span.start) or
            any(v.group().islower() for v in VERB.finditer(
                place.text, max(place.sentence_start, place.span.start - 80),
                place.span.start))):
        # `Employee-1 replied, “…,” according to the indictment`, `One inspector told auditors
        # that “…,” according to the report`, `Rutledge told colleagues he would “…,” according
        # to two members present`: the verb before gives the words, the source after only
        # reports them.
        return None
    phrase = speaker_after(place.text, m.end(), place.sentence_end)
    return _decided(phrase, att.speaker(phrase, place.paragraph, place.span.start))


def _subject_after(att: Attributor, place: Place) -> Speaker | None:
    """`“…,” X said`, `“…,” Flynn, a top Trump surrogate, said`, `“…,” she told reporters`."""
    if not _attribution_follows(place):
        return None
    m = _SUBJECT_FIRST.match(place.text, place.span.close, place.sentence_end)
    if not m or place.text.startswith(":", m.end()):
        # (`“…?” The aide added: “…”`: the verb introduces the next quotation.)
        return None
    inner = place.text[place.span.start:place.span.end].rstrip().rstrip("\u2019'\u201d\"")
    if inner[-1:] not in ",?!\u2014\u2013-\u2026" and \
            NEXT_QUOTE.match(place.text, m.end(), place.sentence_end):
        # `Bell’s claim that it was “all but signed” did not match what she saw, which she
        # called “…”`: the verb introduces the next quotation, not this one.
        return None
    if inner[-1:].isalnum() and _PREPOSITION_LEAD.match(place.text, m.start("np")) and \
            "," not in place.text[m.start("np"):m.end("np")]:
        # `said Washington should “stop stirring up trouble” in waters that China claims`: a
        # few words quoted inside a sentence that goes on; no attribution follows them (but
        # `“…” by reports of deaths, the State Department said`: the subject after the comma).
        return None
    if SUBORDINATE.match(place.text, m.start("np"), m.end("np")) or \
            re.match(r"(?:and|but)\s", place.text[m.start("np"):m.end("np")]):
        # `begged senators “…” when they wrote the bill`, `called him “…,” and Stroud called
        # her “…”`: another clause's verb.
        return None
    if _OWN_CLAUSE.match(place.text, m.end(), place.sentence_end):
        return None  # `After Cole called it “…,” Stroud said he disagreed`: Stroud's own words
    if _NAMING_OBJECT.match(place.text, m.end(), place.sentence_end) and \
            place.text.endswith(("called", "dubbed", "termed", "described"), 0, m.end()):
        # `…, “a limited number of temporary workers,” a plan union leaders called a
        # provocation`: the verb names something else; these words are another's.
        return None
    if _INTRODUCED.search(place.text, max(0, place.span.start - 80), place.span.start):
        # `a man at the back shouted, “Let him talk!” Pettaway called a recess`, `and said,
        # “…,” the prosecutor’s office said`: the verb before introduced it; the words after
        # are another sentence, or who reports it.
        return None
    if "," in place.text[m.start("np"):m.end("np")].strip(" ,") and any(
            v.group().islower() for v in VERB.finditer(place.text, place.sentence_start,
                                                        place.span.start)):
        # `Valcourt called the provision “…,” without disclosing who paid him, prosecutors
        # said`: the verb before the quotation gives the words; the one after, far from them,
        # who reports it.
        return None
    phrase = subject_before(place.text, m.start("np"), m.end("np"))
    found = att.speaker(phrase, place.paragraph, place.span.start)
    if phrase is not None and phrase.pronoun and found is not None and found is not AMBIGUOUS:
        told = _TOLD_NAME.match(place.text, m.end(), place.sentence_end)
        if told is not None and found.name.split()[-1] == told.group(1):
            # `“…,” she told Vick`: she is not the one she tells; whoever the pronoun meant is
            # not sure enough.
            return AMBIGUOUS
    return _decided(phrase, found)


# What a naming verb calls something, right after it (`called a provocation`).
_NAMING_OBJECT = re.compile(r"\s+(?:it\s+|them\s+)?(?:a|an|the)\s+[a-z]")


# `… told Vick`, `… asked Ms. Vick`: the person the speaker addresses, by surname.
_TOLD_NAME = re.compile(r"\s+(?:(?:Mr|Ms|Mrs|Dr|Sen|Rep|Gov)\.\s+)?([A-Z][\w\u2019'-]+)\b"
                        r"(?!\s+[A-Z])")


# `“…,” the statement read`, `“…,” read the letter`: `read` speaks only for a document (a
# person who `read from the transcript` of someone else is not the speaker).
_DOCUMENT_READ = re.compile(r"\s*[,\u2014\u2013-]?\s*(?:(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?P<a>statement|letter|release|memo|post|message|note)\s+reads?"
                            r"|reads?\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?P<b>statement|letter|release|memo|post|message|note))\b",
                            re.IGNORECASE)


def _document_read(att: Attributor, place: Place) -> Speaker | None:
    """`“…,” the statement read`: the words of whoever issued the statement."""
    if not _attribution_follows(place):
        return None
    m = _DOCUMENT_READ.match(place.text, place.span.close, place.sentence_end)
    if not m:
        return None
    noun = (m.group("a") or m.group("b")).lower()
    return att.issuer(noun, place.paragraph, place.span.start)


def _decided(phrase: Phrase | None, found: Speaker | None) -> Speaker | None:
    """Return the speaker found next to the verb; when the phrase names someone (or is a
    pronoun) who cannot be resolved, AMBIGUOUS, so no later rule guesses another."""
    if found is None and phrase is not None and (phrase.name is not None or phrase.pronoun):
        return AMBIGUOUS
    return found


# `…, and Fisk said`: a new clause with a named subject of its own.
_NEW_SUBJECT = re.compile(r",?\s+(?:and|but|while)\s+[A-Z]")
_AND_VERB = re.compile(r",\s+(?:and|but)\s+(?:then\s+|later\s+|also\s+)?$")


def _according_before(att: Attributor, place: Place) -> Speaker | None:
    """`According to X, “…”`."""
    start = previous_close(place.text, place.span.start, place.sentence_start)
    end = place.span.start - 1
    last = last_match(_ACCORDING, place.text, start, end)
    if last is None or len(place.text[last.end():end]) > 120:
        return None
    verb = VERB.search(place.text, last.end(), end)
    if verb is not None and _NEW_SUBJECT.search(place.text, last.end(), verb.start()):
        return None  # `according to AdImpact, and Fisk said an ad would run “…”`: Fisk's words
    if verb is not None and _AND_VERB.search(place.text, last.end(), verb.start()):
        # `The senator hung up, according to one of the people, and said to no one in
        # particular, “…”`: the source reports what the sentence's subject said.
        return None
    phrase = document_owner(place.text, last.end(), end) or \
        speaker_after(place.text, last.end(), end)
    return att.speaker(phrase, place.paragraph, place.span.start)


def _verb_before(att: Attributor, place: Place) -> Speaker | None:
    """`X said: “…”`, `X warned that “…”`, `X said Nunberg was “looking for …”`, `X said he
    never used the term “…” and added, “…”`."""
    text = place.text
    start = previous_close(text, place.span.start, place.sentence_start)
    heard = _HEARD_SAYING.search(text, start, place.span.start)
    if heard is not None:
        # `One former aide recalled him saying, “…”`: the one heard, not the one who heard.
        who = heard.group(1)
        phrase = Phrase(pronoun=SUBJECT_PRONOUN[who]) if who in ("him", "her") \
            else subject_before(text, heard.start(1), heard.end(1))
        return att.speaker(phrase, place.paragraph, heard.start(1))
    found = att._before(place.paragraph, text, start, place.span.start - 1, max_tail=150)
    if found is None and start > place.sentence_start and \
            _COORDINATED.fullmatch(text, start, place.span.start - 1):
        # A second speech verb joined to the sentence's first by `and`: its subject speaks.
        first = VERB.search(text, place.sentence_start, start)
        if first is not None and first.start() > place.sentence_start:
            np_end = first.start()
            adverbs = _TRAILING_ADVERBS.search(text, place.sentence_start, np_end)
            np_end = adverbs.start() if adverbs else np_end
            phrase = subject_before(text, place.sentence_start, np_end)
            return att.speaker(phrase, place.paragraph, np_end)
    return found


# `recalled him saying, “`, `remembers Cole telling them: “`: the words of the one heard.
_HEARD_SAYING = re.compile(r"\b(?:recalled|recalls|remembered|remembers|heard|hears)\s+"
                           r"(him|her|[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+){0,2})\s+"
                           r"(?:saying|say|telling|tell|declaring|declare)\b[^\u201c\"]{0,40}"
                           r"[,:]\s*[\u201c\"]?$")


# Comma parts that go on describing the subject rather than starting its predicate.
_APPOSITIVE_LEAD = re.compile(r"(?:a|an|the|who|whose|which|his|her|its|their|one|\d|[A-Z])")


def _participle_before(att: Attributor, place: Place) -> Speaker | None:
    """`The attorney general, Jane Doe, celebrated online, writing that “…”`, `She pressed
    both sides, at one point telling the lawyer that his argument “…”`: the person who opens
    the sentence (a name or a pronoun) speaks; anything else stays silent."""
    text = place.text
    start = previous_close(text, place.span.start, place.sentence_start)
    end = place.span.start - 1
    last = last_match(PARTICIPLE, text, start, end)
    if last is None or end - last.end() > 150 or CLAUSE_BREAK.search(text, last.end(), end) \
            or VERB.search(text, start, last.start()):
        return None
    parts = segments(text, start, last.start())
    # The subject ends before the first comma part that starts the predicate (`celebrated …`).
    np_end = next((a - 1 for a, _ in parts[1:] if not _APPOSITIVE_LEAD.match(text, a)), None)
    if np_end is None:
        # One part: `She pressed both sides …` or `Jane Doe pressed …`.
        phrase = opening_phrase(text, start, last.start())
    else:
        phrase = subject_before(text, start, np_end)
    if not phrase or not (phrase.name or phrase.pronoun or title_head(phrase.description or "")):
        return None
    found = att.speaker(phrase, place.paragraph, start)
    if found is None or found is AMBIGUOUS or found.kind not in ("person", "organisation"):
        return None
    return found


def _dash_after(att: Attributor, place: Place) -> Speaker | None:
    """`“…” — Jane Doe, chief executive`: an attribution line closing the paragraph."""
    alone = _LABEL_ONLY.fullmatch(place.text, 0, max(0, place.span.start - 1)) is not None
    return att.dash_line(place.paragraph, place.text, place.span.close, alone)


# What may stand before a quotation that stands alone in its paragraph: nothing, or a label
# (`QUOTE OF THE WEEK:`).
_LABEL_ONLY = re.compile(r"\s*(?:[A-Z][A-Z\s'\u2019-]{2,40}:\s*)?")


def _colon_before(att: Attributor, place: Place) -> Speaker | None:
    """`Rachel Reeves put it more bluntly: “…”`, `The senator, in a statement: “…”`."""
    end = place.span.start - 1
    if not place.text[place.sentence_start:end].rstrip().endswith(":"):
        return None
    start = previous_close(place.text, place.span.start, place.sentence_start)
    return att.colon_subject(place.paragraph, place.text, start,
                             len(place.text[:end].rstrip()) - 1)


def _this_is_what(att: Attributor, place: Place) -> Speaker | None:
    """`“…” This is what was perceived by analysts on international affairs …`."""
    text = place.text
    if text[place.span.close:place.sentence_end].strip(" .,;"):
        return None
    follow = text[place.sentence_end:]
    m = _THIS_IS_HOW.match(follow)
    if m and m.group("np").split()[-1].lower() in BE:
        return None  # `That was how the tariffs were described`: nobody says who did
    if m:
        return Speaker(_trim_np(m.group("np")), "person", named=False)
    named = _named_after(att, place, place.sentence_end)
    if named is not None:
        return named
    m = _THIS_IS_WHAT.match(follow)
    if m:
        np = m.group("np").strip()
        return description_speaker(np) or Speaker(np, "unknown", named=False)
    return how_named(att, place.paragraph, follow, place.sentence_end)


def _named_after(att: Attributor, place: Place, start: int) -> Speaker | None:
    """`“…” So said Frank Yazzie, a former party chairman.`, `“…” That was how Tyler Vance, a
    state representative, described the tariffs`: the person or organisation named in the
    sentence after the quotation, which says the words were theirs."""
    text = place.text
    end = next((b for a, b in split_sentences(text) if b > start), len(text))
    so = _SO_SAID.match(text, start, end)
    if so:
        phrase = speaker_after(text, so.end(), end)
    else:
        how = _HOW_NAMED.match(text, start, end)
        verb = _HOW_VERB.search(text, how.end(), end) if how else None
        if how is None or verb is None:
            return None
        phrase = subject_before(text, how.end(), verb.start())
    if phrase is None or phrase.name is None:
        return None
    found = att.speaker(phrase, place.paragraph, start)
    if found is None or found is AMBIGUOUS or found.kind not in ("person", "organisation"):
        return None
    return found


_SO_SAID = re.compile(r"\s*(?:So|Thus)\s+(?:said|says|wrote|writes)\s+")
_HOW_NAMED = re.compile(r"\s*(?:This|That)\s+(?:is|was)\s+how\s+(?=[A-Z])")
_HOW_VERB = re.compile(r"\s+(?:\w+ly\s+|once\s+|later\s+)?(?:described|put|called|summed|"
                       r"phrased|characteri[sz]ed)\b")


_RULES: tuple[Callable[[Attributor, Place], Speaker | None], ...] = (
    _after_verb, _subject_after, _document_read, said_at_end, _according_before, with_participle,
    owned_speech, _verb_before, subject_said_at_end, _colon_before, _participle_before,
    _dash_after, _this_is_what)
"""Attribution rules, most specific first; the first that answers decides (AMBIGUOUS too)."""


# A speech verb and a comma or colon right before a quotation's opening mark (`That being said,`
# is no speech).
_INTRODUCED = re.compile(r"(?<!being\s)(?<!having\s)\b(?-i:" + alternatives(list(SPEECH_VERBS)) +
                         # `called out, “…”`, `shot back: “…”`: with the verb's particle too.
                         r")(?:\s+(?:out|back|up|over|in))?\s*[,:]\s*[\u201c\"\u2018']?$")


# A speech verb and its `that` right before a quotation (`told auditors that “`).
_TOLD_THAT = re.compile(r"\b(?-i:" + alternatives(list(SPEECH_VERBS)) +
                        r")\b(?:\s+[\w\u2019'-]+){0,3}?\s+that\s*[\u201c\"]?$")


_PREPOSITION_LEAD = re.compile(r"(?:in|on|at|of|for|to|from|with|by|over|into|across|about|"
                               r"against|during|under|than|as)\s")


def _attribution_follows(place: Place) -> bool:
    """Return True if the words after the closing mark may attribute the quotation: the quoted
    words end with a comma, dash, `?` or `!`, or the sentence goes on after it."""
    inner = place.text[place.span.start:place.span.end].rstrip().rstrip("\u2019'\u201d\"")
    after = place.text[place.span.close:place.sentence_end].lstrip()
    return inner[-1:] in ",?!\u2014\u2013-\u2026" or after[:1] in ",\u2014\u2013" or \
        after[:1].islower() or (inner[-1:].isalnum() and after[:1].isupper())


def _trim_np(np: str) -> str:
    np = np.strip(" ,.")
    return re.sub(r"^(?:the|some|many|several|most)\s+", "", np, flags=re.I)
