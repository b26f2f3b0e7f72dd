"""Quotation marks: a paragraph in, the quoted spans that read as statements out.

A quotation is text between quotation marks (curly or straight double marks, mixed too, German
low marks, curly single marks that open at a word boundary) that reads as a statement: it ends
with sentence punctuation, has at least four words and is introduced like speech, or follows a
speech verb, a speech participle or a speech noun in its sentence (`said it was “much too
early”`, `said politicians had “vilified” teachers`, `saying he had “lost control”`, `Bell’s claim
that it was “…”`), or someone calls or judges something in it (`called the bill “…”`, `slammed
the hearings as a “disgrace”`, `what she called “the chaos”`). Coined terms, titles, names,
chants, signs and scare quotes (`“allied”`, `“Russian-Pakistani Renaissance”`, `“State of the
Union,”`, `a tactic called “…”`, `Teachers chanted, “…”`) are left out. `quotes` attributes what
this finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import SPEECH_PARTICIPLES, SPEECH_VERBS
from .matching import FOLDED

_OPEN_DOUBLE = "\u201c\u201e"
CLOSE_DOUBLE = "\u201d"
_OPEN_SINGLE = "\u2018"
_CLOSE_SINGLE = "\u2019"
_PAIRED_SINGLES = "\u2019\u2019"
_DOUBLE_MARK = re.compile(f'[{_OPEN_DOUBLE}"]')


@dataclass(frozen=True, slots=True)
class Span:
    """Quoted text inside one paragraph: `start`/`end` of the words between the marks."""

    start: int
    end: int
    close: int
    """Offset just past the closing mark (the paragraph's end when unclosed)."""


def _double_spans(text: str) -> list[Span]:
    """Return the spans between double quotation marks, curly or straight."""
    spans: list[Span] = []
    find = _MarkFinder(text).find
    i = 0
    while i < len(text):
        mark = _DOUBLE_MARK.search(text, i)  # only a double mark may open a span
        if mark is None:
            break
        i = mark.start()
        ch = text[i]
        if ch in _OPEN_DOUBLE or (ch == '"' and _opens(text, i)):
            closer = CLOSE_DOUBLE if ch != '"' else '"'
            j = find(closer, i + 1)
            # Pages mix their marks (`“…,"`, `"…”`): the other kind of closing mark counts too.
            other = find('"' if ch != '"' else CLOSE_DOUBLE, i + 1)
            if other != -1 and (j == -1 or other < j) and ch != "\u201e" and \
                    not text[other - 1].isspace() and not text[other + 1:other + 2].isalnum():
                j = other
            if ch == "\u201e":
                # German marks: „…“ (or „…” in some fonts), whichever closes first.
                ends = [k for k in (find("\u201c", i + 1), j) if k != -1]
                j = min(ends, default=-1)
                if j == -1:
                    spans.append(Span(i + 1, len(text), len(text)))
                    break
                spans.append(Span(i + 1, j, j + 1))
                i = j + 1
                continue
            if ch == "\u201c":
                # Two right single marks for a closing double one (`“…,’’ Moy told the BBC.`).
                pair = find(_PAIRED_SINGLES, i + 1)
                if pair != -1 and (j == -1 or pair < j):
                    spans.append(Span(i + 1, pair, pair + 2))
                    i = pair + 2
                    continue
            if ch != '"':
                # Another opening mark before the closer: this one was never closed.
                opens = [k for k in (find(o, i + 1) for o in _OPEN_DOUBLE) if k != -1]
                k = min(opens, default=-1)
                if k != -1 and (j == -1 or k < j):
                    spans.append(Span(i + 1, k, k))
                    i = k
                    continue
            if j == -1:
                spans.append(Span(i + 1, len(text), len(text)))
                break
            spans.append(Span(i + 1, j, j + 1))
            i = j + 1
            continue
        i += 1
    return spans


class _MarkFinder:
    """`str.find` over one text, remembering where each mark was last found from where: the
    searches move forward, so the answer holds until the search passes it, and a mark found
    nowhere after one offset is found nowhere after a later one (without this, each quotation
    of a long paragraph searched the rest of it for marks it never holds: quadratic time)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.last: dict[str, tuple[int, int]] = {}

    def find(self, mark: str, start: int) -> int:
        since, found = self.last.get(mark, (len(self.text) + 1, -1))
        if since <= start and (found == -1 or found >= start):
            return found
        found = self.text.find(mark, start)
        self.last[mark] = (start, found)
        return found


def _opens(text: str, i: int) -> bool:
    """Return True if a straight mark at `i` opens a quotation (not closes one, not inches)."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{\u2014\u2013-:") and not after.isspace()


def _single_spans(text: str, taken: list[Span]) -> list[Span]:
    """Return spans between curly single marks that open at a word boundary and close before a
    space or punctuation, outside double-quoted spans (where they nest)."""
    spans: list[Span] = []
    for m in re.finditer(_OPEN_SINGLE, text):
        i = m.start()
        if i and not (text[i - 1].isspace() or text[i - 1] in "([\u2014"):
            continue
        if any(s.start <= i < s.end for s in taken) or any(s.start <= i < s.close for s in spans):
            continue
        for c in re.finditer(_CLOSE_SINGLE, text[i + 1:]):
            j = i + 1 + c.start()
            nxt = text[j + 1] if j + 1 < len(text) else " "
            if not nxt.isalnum() and not text[j - 1].isspace():
                spans.append(Span(i + 1, j, j + 1))
                break
    return spans


# Words before a quotation that make it a term, not a statement.
_TERM_CUES = re.compile(r"\b(?:so-called|termed|term|terms|dubbed|called|calls|known as|phrase|"
                        r"word|words|slogan|label|labelled|labeled|nicknamed|branded|as|"
                        # Names, chants, signs, songs and sayings (`the nickname of “…”`,
                        # `Teachers chanted, “…”`, `signs reading “…”`, `to perform “…”`).
                        r"nickname(?:\s+of)?|term\s+(?:often\s+)?used\s+is|motto|tagline|"
                        r"hashtag|chant(?:s|ed|ing)?|signs?\s+(?:reading|saying)|sayings\s+such\s+as|"
                        r"(?:a|the)\s+saying(?:\s+that\s+goes)?|titled|entitled|"
                        r"perform(?:s|ed|ing)?|sang|sing(?:s|ing)?)[\s,:]*$", re.IGNORECASE)
_SPEECH_CUE = re.compile(r"(?:[,:]|\b(?:" + "|".join(sorted(SPEECH_VERBS))
                         + r"|according|that))\s*$",
                         re.IGNORECASE)
# `in his words, “…”`: the speaker's own words, however few (`words` alone is a term cue).
_IN_OWN_WORDS = re.compile(r"\b(?:in|to\s+use)\s+(?:his|her|their|its|my|our|your)\s+(?:own\s+)?"
                           r"words?[,:]?\s*$", re.IGNORECASE)
_SAID_RIGHT_BEFORE = re.compile(r"(?:\b(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\s*[,:]?|:)\s*$",
                                re.IGNORECASE)
_SPEECH_WORDS = frozenset({"said", "says", "added", "adds", "wrote", "writes", "stated", "states",
                           "announced", "noted", "told reporters", "said in a statement"})
_WORD = re.compile(r"[\w\u2019'-]+")
# `called it a “historic turning point”` names a thing in the speaker's words: a term unless
# it reads as a statement by itself, so `called` does not make a partial quotation speech.
_REPORT_VERB = re.compile(r"\b(?:" + "|".join(sorted(
    (set(SPEECH_VERBS) | SPEECH_PARTICIPLES) - {"called", "calls", "calling"}, key=len,
    reverse=True)).replace(" ", r"\s+") + r"|according\s+to)\b", re.IGNORECASE)


# A comma after the closing mark, then a short subject and a speech verb ending the sentence.
_ATTRIBUTED_AFTER = re.compile(r"\s*,\s*(?:[^,.;:!?\u201c\u201d\"]{1,60}?\s)?(?:"
                               + "|".join(sorted(_SPEECH_WORDS)) + r")\s*[.,]", re.IGNORECASE)


# A speech verb right after a closing mark, after at most a short subject (`“Four,” she said`,
# `“Yes,” said Ann Cole`), lower case as running text writes it.
_SAID_RIGHT_AFTER = re.compile(r"\s*(?:(?:he|she|they|I|we|[A-Z][\w.\u2019'-]*(?:\s+[A-Z]"
                               r"[\w.\u2019'-]*){0,3})\s+)?(?:" + "|".join(sorted(
                                   v for v, _ in SPEECH_VERBS.items() if " " not in v))
                               + r")\b")


# The clause that ends a sentence with its speaker: `, company CEO Andy Vesey said.`, `, he
# added.`, `, the authors wrote.` (a short subject, a speech verb, a few words of when or where).
_SAID_AT_END = re.compile(r",[\u201d\"]?\s*(?:[^,.;:!?\u201c\u201d\"]{1,60}?\s)?"
                          r"(?:said|says|added|adds|wrote|writes|noted|notes|explained|told\s+[\w\s]{1,30}?)\b"
                          r"(?:\s+(?:in|on|at|during|after|before|from|to|via|while|last|"
                          r"this|earlier|later|Monday|Tuesday|Wednesday|Thursday|Friday|"
                          r"Saturday|Sunday)\b[^.!?;:\u201c\u201d\"]{0,80}?)?[.!?](?=\s|$)")
# A sentence's end before that clause (a full stop before a space, never `4.1` or `U.S.`).
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?](?=\s+[A-Z\u201c\"])")


def _said_at_sentence_end(text: str, span: Span) -> bool:
    """Return True if the quotation's sentence ends with its speaker and a speech verb."""
    window = text[span.close:span.close + 300]
    m = _SAID_AT_END.search(window)
    if m is None:
        return False
    stop = _SENTENCE_END.search(window, 0, m.start())
    return stop is None and not window[m.end():].strip()[:1].islower()


def is_statement(text: str, span: Span) -> bool:
    """Return True if the quoted words read as a statement rather than a term."""
    inner = text[span.start:span.end].strip()
    words = _WORD.findall(inner)
    before = text[max(0, span.start - 40):span.start - 1]
    if _IN_OWN_WORDS.search(before) and (len(words) >= 2 or _plain_word(words)):
        return True  # `the plan was, in his words, “dead on arrival”`
    if _characterised(text, span) and not _title_cased(words) and (
            len(words) >= 2 or _plain_word(words)):
        return True  # `called the bill “a surrender”`, `slammed the hearings as a “disgrace”`
    term = _TERM_CUES.search(before)
    if term and (len(words) < 4 or term.group().strip().lower() != "as"):
        return False  # `known as “X”`; but `described him as “a writer who …”` is speech
    opens = not text[:max(0, span.start - 1)].strip() or \
        text[:max(0, span.start - 1)].rstrip()[-1:] in ".!?\u201d\"'"
    if inner[-1:] in ",?!" and words and opens and _SAID_RIGHT_AFTER.match(text, span.close):
        # `“Four,” she said`, `“Probably Sunday,” he said`: however short or capitalised, words
        # opening their sentence that a speech verb right after attributes are said.
        return True
    final = inner[-1:] in ".!?\u2026" or (inner[-1:] in ",;" and len(words) >= 2)
    # `“Realistic? No,” he said`: a question and its answer are two sentences, never a title.
    title_cased = _title_cased(words) and not re.search(r"[?!]\s+[A-Z]", inner)
    if title_cased and (inner[-1:] not in ".!?\u2026" or (
            len(words) <= 4 and not _SAID_RIGHT_BEFORE.search(before))):
        # A title (`“Listen To The Music,”`, `its newsletter, “Rooftop Weekly.”`), not a
        # statement; `said, “Thank You.”` is one.
        return False
    if final and len(words) >= 2:
        return True
    if final and words and _SAID_RIGHT_BEFORE.search(before) and not _TERM_CUES.search(before):
        # `he said: “Soon.”`, `replied with a single word: “Noted.”`: one word, closed as a
        # sentence, that a speech verb or a colon gives as what was said.
        return True
    if (len(words) >= 2 or _plain_word(words)) and _reported(text, span):
        # `Bailey said it was “much too early”`, `said politicians had “vilified” teachers`:
        # the speaker's own words, however few.
        return True
    if (len(words) >= 2 or _plain_word(words)) and not title_cased and \
            _said_at_sentence_end(text, span):
        # `The outages have been “terribly disruptive” …, company CEO Andy Vesey said.`,
        # `… the disease is “unexplained,” …, he added.`: the sentence's speaker's words.
        return True
    if final:
        return False
    if len(words) >= 3 and _ATTRIBUTED_AFTER.match(text, span.close):
        return True  # `… to “close the inquiry into him”, the prosecution authority said.`
    return len(words) >= 4 and (bool(_SPEECH_CUE.search(before)) or len(words) >= 8
                                or span.start <= 1)


_OBJECT = (r"(?:it|him|her|them|this|that|these|those|us|me|you|[A-Z][\w\u2019'.-]*(?:\s+[A-Z]"
           r"[\w\u2019'.-]*){0,2}|(?:the|his|her|its|their|our|this|that|these|those)\s+"
           r"(?:[\w\u2019'-]+\s+){0,8}?[\w\u2019'-]+)")
# (Up to nine words: `called the railroad's new weekend schedule on the Port Jefferson Branch
# “a slap in the face”`.)
# `called the bill “a surrender …”`, `calling him a “coward”`, `called for “an inquiry”`: someone
# calling a thing by their own words, where `a tactic called “salami slicing”` names it.
_CALLED = re.compile(r"\b(?:called|calls|calling)\s+(?:for|" + _OBJECT + r")(?:\s+(?:a|an|the))?"
                     r"\s*$", re.IGNORECASE)
# `slammed the hearings as a “disgrace”`, `described the call as “improper”`: a verb of praise
# or blame, its object, then `as`; `known as`, `such as`, `served as` stay terms.
_JUDGED_AS = re.compile(r"\b(?:described|describes|describing|characteri[sz]ed|characteri[sz]ing|"
                        r"praised|praises|praising|hailed|hails|hailing|slammed|slams|slamming|"
                        r"blasted|blasts|blasting|denounced|denounces|denouncing|condemned|"
                        r"condemns|condemning|critici[sz]ed|critici[sz]es|critici[sz]ing|"
                        r"dismissed|dismisses|dismissing|decried|decries|lauded|derided|mocked|"
                        r"assailed|touted|touting|rejected|rejects|rejecting|branded|brands|"
                        r"branding|description\s+of|characteri[sz]ation\s+of)"
                        r"\s+(?:[^.!?;:\u201c\u201d\"]{1,120}?\s)?as"
                        r"(?:\s+(?:a|an|the))?\s*$", re.IGNORECASE)
# `viewed the move as “…”`: a judgement, the speaker's words when a speech verb reports it.
_VIEWED_AS = re.compile(r"\b(?:view(?:s|ed)?|sees|saw|regard(?:s|ed)?|consider(?:s|ed)?)\s+"
                        r"(?:[^.!?;:\u201c\u201d\"]{1,80}?\s)?as(?:\s+(?:a|an|the))?\s*$",
                        re.IGNORECASE)
# `what she called “…”`, `whom Cole once called “…”`, `a ruling Ben Stroud called “…”`: the
# object fronted, the speaker before the verb.
_WHAT_CALLED = re.compile(r"\b(?:what|which|whom|that|[a-z]{3,})\s+(?:he|she|they|we|I|"
                          r"[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+){0,2})\s+"
                          r"(?:has\s+|had\s+|have\s+|once\s+|later\s+)?(?:called|calls)\s*$")


def _characterised(text: str, span: Span) -> bool:
    """Return True if a speaker is calling or judging something in the quoted words: `called
    the bill “…”`, `slammed the hearings as a “…”`, `what she called “the chaos”` (in lower case
    or four words or more: `what he called “the Gordon problem”` is a coined label)."""
    before = text[max(0, span.start - 120):span.start - 1]
    cut = max(before.rfind(c) for c in ".!?\u201d\"")
    before = before[cut + 1:]
    # Each pattern holds `call` or ends on `as` and maybe an article before the quotation, in
    # any case: a window with neither is passed over without their scans, each tried at every
    # character of it (unless it holds a letter `re` folds to an ASCII one).
    folded = not FOLDED.isdisjoint(before)
    calls = folded or "call" in before.lower()
    judged = folded or before.rstrip().lower().endswith(("as", "a", "an", "the"))
    if (calls and _CALLED.search(before)) or (judged and _JUDGED_AS.search(before)):
        return True
    if judged and _VIEWED_AS.search(before) and _reported(text, span):
        return True  # `said it viewed Washington’s move as “another measure …”`
    words = _WORD.findall(text[span.start:span.end])
    return calls and bool(_WHAT_CALLED.search(before)) and (
        len(words) >= 4 or all(w.islower() for w in words))


def _plain_word(words: list[str]) -> bool:
    """Return True if the quoted words are one common word in lower case: `“vilified”` may be
    someone's word, where `“We.”`, `“DWTS”` or `“whistleblower’s”` name something or mock it."""
    return len(words) == 1 and words[0].islower() and not re.search(r"[\u2019']s?$", words[0])


# Small words a title leaves in lower case between its capitalised ones (`State of the Union`).
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for",
                          "by", "with", "from", "vs"})


def _title_cased(words: list[str]) -> bool:
    """Return True if the words are written as a title: each capitalised, but for small words
    between capitalised first and last ones (`“State of the Union,”`)."""
    def capital(w: str) -> bool:
        return w[:1].isupper() or not w[:1].isalpha()

    if not words or not capital(words[0]) or not capital(words[-1]):
        return False
    return all(capital(w) or w in _TITLE_SMALL for w in words[1:-1])


# `Bell’s claim that the deal was “all but signed”`: speech named by a noun.
_SPEECH_NOUN = re.compile(r"\b(?:announcement|statement|claims?|remarks?|comments?|assertion|"
                          r"promise|pledge|warning|insistence|argument|tweet|testimony|"
                          r"admission|accusation|suggestion|threat|vow|prediction|boast|"
                          r"complaint|plea)\s+that\b", re.IGNORECASE)


def _reported(text: str, span: Span) -> bool:
    """Return True if a speech verb stands earlier in the quotation's sentence, with no other
    quotation or sentence end between (`called the strike “disappointing and unnecessary”`)."""
    start = max(0, span.start - 120)
    before = text[start:span.start - 1]
    ends = [m.end() for m in _SENTENCE_OR_QUOTE_END.finditer(before)]
    cut = ends[-1] if ends else 0
    if ends and before[cut - 1] in "\u201d\"":
        opened = max(before.rfind("\u201c", 0, cut - 1), before.rfind('"', 0, cut - 1))
        if _COORDINATED_REPORT.match(before, cut) or (
                _JOINED_PHRASE.fullmatch(before, cut) and opened >= 0
                and len(_WORD.findall(before[opened + 1:cut - 1])) >= 2
                and len(_WORD.findall(text[span.start:span.end])) >= 2):
            # `said the unit was “fully staffed” and that Sentinel had “never received …”`, or
            # `said repeal would “tie the hands” of presidents and “invite miscalculation”`: a
            # second reported clause or phrase, joined to the first, under the same verb.
            cut = max((e for e in ends if e <= opened), default=0)
    before = before[cut:]
    return bool(_REPORT_VERB.search(before) or _SPEECH_NOUN.search(before))


# `… “tie the hands” of future presidents and “`: a phrase of its own joined by `and`/`but`
# (two words at least on each side: `“taste” and “smell”` are words of a list).
_JOINED_PHRASE = re.compile(r"[^\u201c\u201d\".;:!?]{0,60}?\s(?:and|but)\s+")
# A sentence's end (`.` before a space, never `4.1`) or a closing quotation mark.
_SENTENCE_OR_QUOTE_END = re.compile(r"[.!?](?=[\s\u201d\"]|$)|[\u201d\"]")
# `… and that Sentinel had “…”`: a clause joined by `and that`, or with a verb of its own, or a
# condition (`if the situation “becomes uncontrollable”`); never `“taste” and “smell”`,
# `“severe” or “emergency”`: two words of one list.
_COORDINATED_REPORT = re.compile(r"\s*,?\s*(?:(?:and|but)\s+(?:that\s|[^\u201c\u201d\"]{0,60}?\b"
                                 r"(?:had|has|have|was|were|is|are|would|will|could|should)\s)"
                                 r"|(?:if|when|unless|until|because|once)\s)")


def statement_spans(text: str) -> list[Span]:
    doubles = _double_spans(text)
    return sorted(doubles + _single_spans(text, doubles), key=lambda s: s.start)


__all__ = ["CLOSE_DOUBLE", "Span", "is_statement", "statement_spans"]
