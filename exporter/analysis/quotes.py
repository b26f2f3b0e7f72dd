"""Quotations: an article in, the statements it quotes with their speakers out.

A quotation is text between quotation marks (curly or straight double marks, curly single marks
that open at a word boundary) that reads as a statement: it ends with sentence punctuation, or has
at least four words and is introduced like speech. Coined terms and scare quotes (`“allied”`,
`“Russian-Pakistani Renaissance”`) are left out. The speaker comes from the attribution around the
quotation (`According to X, “…”`, `“…,” said X`, `“…,” X said`, `X warned that “…”`, `He wrote,
“…”`, `“…” This is what was said by …`), resolved to an actor found by `actors.find_mentions`, so a
pronoun points at the last person named and the role comes from wherever the text gave it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..model import ActorKind, Article, Quote
from .actors import ROLE_NOUNS, SPEECH_VERBS, Mention, find_actors, find_mentions
from .sentences import split_sentences

SpeakerKind = Literal["person", "organisation", "group", "unknown"]

_OPEN_DOUBLE = "\u201c\u201e"
_CLOSE_DOUBLE = "\u201d"
_OPEN_SINGLE = "\u2018"
_CLOSE_SINGLE = "\u2019"


@dataclass(frozen=True, slots=True)
class _Span:
    """Quoted text inside one paragraph: `start`/`end` of the words between the marks."""

    start: int
    end: int
    close: int
    """Offset just past the closing mark (the paragraph's end when unclosed)."""


def _double_spans(text: str) -> list[_Span]:
    """Return the spans between double quotation marks, curly or straight."""
    spans: list[_Span] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _OPEN_DOUBLE or (ch == '"' and _opens(text, i)):
            closer = _CLOSE_DOUBLE if ch != '"' else '"'
            j = text.find(closer, i + 1)
            if ch != '"':
                # Another opening mark before the closer: this one was never closed.
                opens = [k for k in (text.find(o, i + 1) for o in _OPEN_DOUBLE) if k != -1]
                k = min(opens, default=-1)
                if k != -1 and (j == -1 or k < j):
                    spans.append(_Span(i + 1, k, k))
                    i = k
                    continue
            if j == -1:
                spans.append(_Span(i + 1, len(text), len(text)))
                break
            spans.append(_Span(i + 1, j, j + 1))
            i = j + 1
            continue
        i += 1
    return spans


def _opens(text: str, i: int) -> bool:
    """Return True if a straight mark at `i` opens a quotation (not closes one, not inches)."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{\u2014\u2013-:") and not after.isspace()


def _single_spans(text: str, taken: list[_Span]) -> list[_Span]:
    """Return spans between curly single marks that open at a word boundary and close before a
    space or punctuation, outside double-quoted spans (where they nest)."""
    spans: list[_Span] = []
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
                spans.append(_Span(i + 1, j, j + 1))
                break
    return spans


# Words before a quotation that make it a term, not a statement.
_TERM_CUES = re.compile(r"(?:so-called|termed|term|terms|dubbed|called|calls|known as|phrase|"
                        r"word|words|slogan|label|labelled|labeled|nicknamed|branded|as)\s*$",
                        re.IGNORECASE)
_SPEECH_CUE = re.compile(r"(?:[,:]|\b(?:" + "|".join(sorted(SPEECH_VERBS)) + r"|that))\s*$",
                         re.IGNORECASE)
_WORD = re.compile(r"[\w\u2019'-]+")


def _is_statement(text: str, span: _Span) -> bool:
    """Return True if the quoted words read as a statement rather than a term."""
    inner = text[span.start:span.end].strip()
    words = _WORD.findall(inner)
    before = text[max(0, span.start - 40):span.start - 1]
    if _TERM_CUES.search(before):
        return False
    final = inner[-1:] in ".!?\u2026" or (inner[-1:] in ",;" and len(words) >= 2)
    title_cased = all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    if title_cased and not final:
        return False
    if final:
        return len(words) >= 2
    return len(words) >= 4 and (bool(_SPEECH_CUE.search(before)) or len(words) >= 8
                                or span.start <= 1)


# --- attribution ----------------------------------------------------------------------------------

_VERBS = "|".join(sorted(SPEECH_VERBS - {"according", "visited", "visits", "met", "meets",
                                         "called", "calls", "continued", "continues"}))
_PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "organisation"}
_AFTER_VERB_FIRST = re.compile(r"\s*[,\u2014-]?\s*(?:" + _VERBS + r"|according\s+to)\s+", re.I)
_AFTER_SUBJECT_FIRST = re.compile(
    r"\s*[,\u2014-]?\s*(?P<np>[^.;:!?\u201c\u201d\"]{1,120}?)\s+(?:(?:has|had|have)\s+)?"
    r"(?:" + _VERBS + r")\b", re.I)
_BEFORE = re.compile(
    r"(?:according\s+to\s+(?P<acc>[^\u201c\u201d\"]{1,120}?)|"
    r"(?P<np>[^\u201c\u201d\"]{1,160}?)\s+(?:(?:has|had|have|also|then|once|later)\s+)*"
    r"(?P<verb>" + _VERBS + r")\b(?P<tail>[^\u201c\u201d\"]{0,60}?))\s*[,:\u2014-]?\s*$",
    re.IGNORECASE)
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
# `the agency said`: an organisation named earlier by its head word.
_ANAPHOR = re.compile(r"\bthe\s+(agency|company|ministry|bank|court|organisation|organization|"
                      r"group|charity|council|commission|committee|government|regulator|"
                      r"institute|university|firm|fund|party|union)$", re.IGNORECASE)
_GROUP_NOUNS = re.compile(r"\b(?:analysts|observers|experts|officials|critics|diplomats|"
                          r"residents|people|economists|commentators|sources|scholars|"
                          r"historians|leaders|activists|witnesses|protesters|lawmakers|"
                          r"members|officers|soldiers|farmers|traders|businessmen)\b", re.I)


@dataclass(frozen=True, slots=True)
class _Speaker:
    name: str
    kind: SpeakerKind
    role: str | None = None
    named: bool = False
    """True when the speaker is an actor the article names (not `one diplomat`)."""


class _Attributor:
    """Resolve the speaker of each quotation of one article."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.mentions = find_mentions(article)
        self.roles = {a.name: a.role for a in find_actors(article)
                      if a.kind is ActorKind.PERSON}

    def _speaker_of(self, m: Mention) -> _Speaker:
        if m.kind is ActorKind.PERSON:
            return _Speaker(m.key, "person", self.roles.get(m.key) or m.role, named=True)
        if m.kind is ActorKind.GROUP:
            return _Speaker(m.key, "group", named=True)
        return _Speaker(m.key, "organisation", named=True)

    def _mention_in(self, para: int, start: int, end: int, last: bool) -> Mention | None:
        """Return the last (or first) person or organisation named in the range."""
        found = [m for m in self.mentions
                 if m.paragraph == para and start <= m.start and m.end <= end
                 and m.form != "demonym"]
        if not found:
            return None
        people = [m for m in found if m.kind is ActorKind.PERSON]
        pool = people or found
        return pool[-1] if last else pool[0]

    def _last_person_before(self, para: int, offset: int) -> Mention | None:
        before = [m for m in self.mentions if m.kind is ActorKind.PERSON
                  and (m.paragraph, m.start) < (para, offset)]
        return before[-1] if before else None

    def _last_org_before(self, para: int, offset: int, head: str) -> Mention | None:
        """Return the last organisation named before the offset, preferring one whose name
        contains `head` (`the agency` → `National Water Agency`)."""
        before = [m for m in self.mentions if m.kind is ActorKind.ORGANISATION
                  and (m.paragraph, m.start) < (para, offset)]
        headed = [m for m in before if head.lower() in m.key.lower()]
        pool = headed or before
        return pool[-1] if pool else None

    def _noun_phrase(self, para: int, text: str, start: int, end: int,
                     last: bool) -> _Speaker | None:
        """Return the speaker a phrase of the text names: an actor, a pronoun, or a group."""
        mention = self._mention_in(para, start, end, last)
        phrase = text[start:end].strip(" ,")
        words = phrase.lower().split()
        tail = words[-1] if words else ""
        head = words[0] if words else ""
        pronoun = tail if last else head
        if pronoun in _PRONOUNS and (mention is None or len(words) == 1):
            if _PRONOUNS[pronoun] == "person":
                ref = self._last_person_before(para, start)
                return self._speaker_of(ref) if ref else None
            return None
        if mention is not None:
            return self._speaker_of(mention)
        anaphor = _ANAPHOR.search(phrase)
        if anaphor:
            org = self._last_org_before(para, start, anaphor.group(1))
            if org is not None:
                return self._speaker_of(org)
        group = _GROUP_NOUNS.search(phrase)
        if group:
            np = phrase[group.start():] if last else phrase
            np = re.split(r"\s+(?:who|which|that|in|on\s+\w+day|at|following|after)\s",
                          np)[0] if not last else np
            return _Speaker(_trim_np(np), "group")
        # An unnamed speaker described by a role: `one diplomat`, `a senior official`.
        nouns = [w.strip(",.") for w in words]
        if nouns and len(nouns) <= 6 and any(w in ROLE_NOUNS for w in nouns):
            np = _trim_np(phrase)
            return _Speaker(np, "group" if nouns[-1].endswith("s") else "person")
        return None

    def attribute(self, para: int, text: str, span: _Span) -> _Speaker | None:
        """Return the speaker of the quotation at `span`, or None when the text does not say."""
        sentences = split_sentences(text)
        sent_start = max((a for a, _ in sentences if a <= span.start - 1), default=0)
        sent_end = min((b for _, b in sentences if b >= span.close), default=len(text))
        pre_start = max(sent_start, _previous_close(text, span.start))
        pre = text[pre_start:span.start - 1]
        post = text[span.close:sent_end]

        # `“…,” said X` / `“…,” according to X`.
        m = _AFTER_VERB_FIRST.match(post)
        if m:
            np_end = _np_end(text, span.close + m.end())
            found = self._noun_phrase(para, text, span.close + m.end(), np_end, last=False)
            if found is None or not found.named:
                # `said the company's chief executive, John Hale.`: the name is in apposition.
                named = self._mention_in(para, np_end, sent_end, last=False)
                if named is not None and not text[np_end:named.start].strip(" ,"):
                    found = self._speaker_of(named)
            if found:
                return found
        # `“…,” X said`.
        m = _AFTER_SUBJECT_FIRST.match(post)
        if m:
            found = self._noun_phrase(para, text, span.close + m.start("np"),
                                      span.close + m.end("np"), last=True)
            if found:
                return found
        # `According to X, “…”`, `X warned that “…”`, `He wrote, “…”`.
        m = _BEFORE.search(pre)
        if m:
            if m.group("acc"):
                a, b = m.span("acc")
            else:
                a, b = m.span("np")
            found = self._noun_phrase(para, text, pre_start + a, pre_start + b, last=True)
            if found:
                return found
        # `“…” This is what was perceived by analysts on international affairs …`.
        if not post.strip(" .,;"):
            follow = text[sent_end:]
            m = _THIS_IS_HOW.match(follow)
            if m:
                return _Speaker(_trim_np(m.group("np")), "person")
            m = _THIS_IS_WHAT.match(follow)
            if m:
                np = m.group("np").strip()
                base = sent_end + m.start("np")
                found = self._noun_phrase(para, text, base, base + len(np), last=False)
                return found or _Speaker(np, "group" if _GROUP_NOUNS.search(np) else "unknown")
        return None


def _previous_close(text: str, start: int) -> int:
    """Return the offset after the last closing quotation mark before `start` (or 0)."""
    k = max(text.rfind(c, 0, max(0, start - 1)) for c in (_CLOSE_DOUBLE, '"'))
    return k + 1 if k >= 0 else 0


def _np_end(text: str, start: int) -> int:
    """Return where a noun phrase starting at `start` ends: at punctuation or a clause word."""
    m = re.compile(r"[,.;:!?\u201c\"]|\s(?:who|which|in\s+a|on\s+\w+day|at\s+a|during|when|"
                   r"after|before|adding|noting)\b").search(text, start)
    return m.start() if m else len(text)


def _trim_np(np: str) -> str:
    np = np.strip(" ,.")
    return re.sub(r"^(?:the|some|many|several|most)\s+", "", np, flags=re.I)


def find_quotes(article: Article) -> tuple[Quote, ...]:
    """Return the quotations of the article with their speakers, in reading order."""
    attributor = _Attributor(article)
    quotes: list[Quote] = []
    previous: _Speaker | None = None
    previous_unclosed = False
    for idx, para in enumerate(article.paragraphs):
        text = para.text
        doubles = _double_spans(text)
        spans = sorted(doubles + _single_spans(text, doubles), key=lambda s: s.start)
        pending: tuple[str, _Speaker | None, int] | None = None
        for span in spans:
            if not _is_statement(text, span):
                continue
            words = text[span.start:span.end].strip().rstrip(",").strip()
            speaker = attributor.attribute(para.n, text, span)
            # A quotation interrupted by its attribution: `“…,” he said, “and …”`.
            gap = text[pending[2]:span.start - 1] if pending else ""
            if pending and words[:1].islower() and len(gap) < 60 and \
                    re.search(r"\b(?:" + _VERBS + r")\b", gap, re.I):
                merged = f"{pending[0]}, {words}" if not pending[0].endswith((",", ".")) \
                    else f"{pending[0]} {words}"
                pending = (merged, pending[1] or speaker, span.close)
                continue
            if pending:
                quotes.append(_quote(pending[0], pending[1], para.n))
            if speaker is None and pending is not None:
                # Quotations run on in one paragraph come from the speaker already named.
                speaker = pending[1]
            if speaker is None and span.start <= 1 and (previous_unclosed or idx > 0):
                speaker = previous
            pending = (words, speaker, span.close)
        if pending:
            quotes.append(_quote(pending[0], pending[1], para.n))
            previous = pending[1]
            previous_unclosed = pending[2] >= len(text) and not text.rstrip().endswith(
                (_CLOSE_DOUBLE, '"'))
        else:
            previous, previous_unclosed = None, False
    return tuple(quotes)


def _quote(text: str, speaker: _Speaker | None, paragraph: int) -> Quote:
    if speaker is None:
        return Quote(text=text, speaker=None, paragraph=paragraph)
    return Quote(text=text, speaker=speaker.name, paragraph=paragraph,
                 speaker_role=speaker.role, speaker_kind=speaker.kind)


__all__ = ["find_quotes"]
