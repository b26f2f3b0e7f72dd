"""Quotations: an article in, the statements it quotes with their speakers out.

`quotemarks` finds the quoted spans that read as statements; `attribution` finds the speaker of
each from the words around it (a full name the article introduced, a pronoun's nearest compatible
person, a government seat or an organisation that speaks, the one person a description points
back at, or silence). This module walks the article and carries a speaker across sentences and
paragraphs only where the text says so: a quotation continued after `he said.` in the same
paragraph, a quotation running over several paragraphs (no closing mark at the end of the first;
its speaker may also be named where it ends), a paragraph ending `She added:` or `Kemp was
blunt:`, a block quotation signed on the next line, a bare quotation paragraph after reported
speech (`X said the bill was dead.`), quotations a next paragraph owns (`That’s the view offered
by X`).

Each quotation says how its speaker was found (`Quote.attribution`): `explicit` when the text
names the speaker at the quotation, `resolved` when a pronoun, a surname, an organisation's head
word or an earlier paragraph gave it, `none` when nothing did.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..model import ActorKind, Article, Quote
from .actors import STOP as _STOP
from .actors import find_actors, find_mentions
from .attribution import VERB, Attributor, Place, not_named_inside, post_end, resolved
from .cast import Cast
from .clauses import AND_PARTICIPLE, alternatives
from .lexicon import HONORIFICS, SPEECH_PARTICIPLES, Gender
from .partytags import mask_party_tags
from .quotemarks import CLOSE_DOUBLE, Span, is_statement, statement_spans
from .sentences import split_sentences
from .speakers import AMBIGUOUS, PRONOUN_GENDER, Speaker, bare_word
from .transcript import label_speaker

_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])")
_PRONOUN_WORD = re.compile(r"\b(?:he|she|they|i|we)\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-Z][\w\u2019'-]*")
_HE_SHE = re.compile(r"\b(he|she)\b", re.IGNORECASE)
# A participle reporting speech (`warning`, `calling`) with a subject of its own: `…, with X
# calling the move “…” and its chief opponent, Y, warning it would send a “…”`.
_SPEECH_PARTICIPLE = re.compile(r"\b(?:" + alternatives(list(SPEECH_PARTICIPLES)) + r")\b")
_PRONOUN_TAIL = re.compile(r",?\s*(?:[a-z]+\s+)?(?:(?i:he|she)\b|(?P<surname>[A-Z][\w\u2019'-]+)\s+"
                           r"(?:said|says|added|adds)\s*[.]?\s*$)")
# Or the speaker named after the verb (`said board President Kendra Oyelaran, who …`) or before
# it with where and when (`reactor director Walter Imbrie said at a forum on Monday.`).
_FULL_NAME = r"(?:[A-Z][\w.\u2019'-]*\s+){0,3}[A-Z][\w\u2019'-]+"
_NAMED_TAIL = re.compile(r",?\s*(?:(?:said|says|added|adds|comments|explains)\s+(?:[a-z]+\s+){0,3}"
                         r"(?P<name>" + _FULL_NAME + r")(?:[,\s][^.]{0,160})?|(?:[a-z]+\s+){0,3}"
                         r"(?P<before>" + _FULL_NAME + r")\s+(?:said|says|added|adds)"
                         r"(?:\s[^.]{0,80})?)\.?\s*$")


def _own_attribution(text: str, close: int, sentence_end: int) -> str:
    """Return the subject of a speech verb right after a quotation's closing mark, in its own
    sentence (`“…,” one House Democrat who has not endorsed told Axios`), or ''."""
    # (A verb further than 120 characters from the quotation attributes something else: look
    # no further, so a sentence of many quotations stays linear.)
    after = text[close:min(sentence_end, close + 140)]
    verb = next((v for v in VERB.finditer(after) if v.group().islower()), None)
    if verb is None or verb.start() > 120:
        return ""
    subject = after[:verb.start()].strip(" ,\u2014\u2013-\u201d\"")
    return "" if any(c in subject for c in ".;:\u201c\"") else subject


def _names_other(subject: str, speaker: Speaker) -> bool:
    """Return True if a quotation's own attribution (`subject`) may be someone other than
    `speaker`: not a pronoun, and no word of the speaker's name (`the younger Tanner` after
    Roy Tanner is him; `one House Democrat` is somebody else, whoever it is)."""
    words = {w.rstrip("\u2019's") for w in subject.split()}
    return bool(subject) and subject.lower() not in ("he", "she", "they") and \
        not words & set(speaker.name.split())


def _continues(text: str, start: int, end: int, speaker: Speaker, gender: Gender | None) -> bool:
    """Return True if a quotation after `text[start:end]` goes on in the voice of `speaker`
    (whose gender is `gender`, if known): the words between name nobody else (`“…,” he said.
    “…”`)."""
    gap = text[start:end]
    if len(gap) > 200:
        return False
    own = set(speaker.name.split())
    # The gap's first sentence holds the quotation's own attribution; only later ones may name
    # someone else.
    boundary = next((m for m in re.finditer(r"[.!?]\s+", gap) if not _abbreviation(gap, m.start())),
                    None)
    later = gap[boundary.end():] if boundary else ""
    if text[:start].rstrip("\u201d\u2019\"' ").endswith("."):
        # `“It just connected.” Buckley … had a similar experience: “…”`: the quotation ended
        # its sentence (`!` and `?` may still take an attribution: `“…!” Trump tweeted`), so
        # the gap is a new one, which may name someone else from its start.
        later = gap
    ends = [m.end() for m in re.finditer(r"[.!?]\s+", gap) if not _abbreviation(gap, m.start())]
    ended = re.search(r"[.!?]\s*[\u201c\"\u2018']?$", gap)  # before the opening mark
    own_sentence = "" if ended else gap[ends[-1]:] if ends else gap
    if own_sentence.rstrip(" \u201c\"'").endswith(":") and re.search(r"\b[A-Z]", own_sentence) and \
            not _HE_SHE.search(own_sentence) and \
            not any(w.strip(".,:\u2019's") in own for w in own_sentence.split()):
        # `“…,” Josie Tarrant told the court. The minutes then record: “…”`: a colon
        # introduction with a subject of its own, not hers (`…,” adding: “…”` has none).
        return False
    told = {PRONOUN_GENDER[p.lower()] for p in _HE_SHE.findall(own_sentence)}
    if told and told != {gender}:
        # `“…,” she said. When his editors asked him to explain, he’d respond, “…”`: the
        # quotation's own sentence is about someone else, whose verb we may not know.
        return False
    verbs = [v for v in VERB.finditer(own_sentence) if v.group().islower()]
    if verbs and (text[:start].rstrip("\u201d\u2019\"' ").endswith((".", "!", "?")) or any(
            m.group().rstrip("\u2019's") not in own and m.group().lower() not in _STOP
            for m in _CAPITALISED.finditer(own_sentence, 0, verbs[-1].start()))):
        # The next quotation stands in a sentence with a speech verb of its own (`“…” But her
        # father told Starner that “…”`, `“…,” while her rival Ben Stroud called it “…”`): its
        # speaker is that verb's, found or not.
        return False
    if AND_PARTICIPLE.search(own_sentence) or any(
            any(m.group().rstrip("\u2019's") not in own and m.group().lower() not in _STOP
                for m in _CAPITALISED.finditer(own_sentence, 0, p.start()))
            for p in _SPEECH_PARTICIPLE.finditer(own_sentence)):
        return False  # `… and its chief opponent, Y, warning …`, `… and critics calling it …`
    for m in _CAPITALISED.finditer(later):
        word = m.group().rstrip("\u2019's")
        if word.lower() not in _STOP and word not in own and \
                not _sentence_opener(later, m.start()):
            return False
    sentences = re.split(r"(?<=[.!?])\s+", gap.strip())
    return not any(_PRONOUN_WORD.search(s) for s in sentences[1:])


def _gender(cast: Cast, speaker: Speaker) -> Gender | None:
    """Return the gender the article tells for a person who speaks, if any."""
    return cast.gender(speaker.name) if speaker.kind == "person" and speaker.name else None


def _sentence_ends_in(gap: str) -> bool:
    """Return True if a sentence ends inside `gap` (`“…,” Volker said. He added that … “as
    …”` is two quotations, not one interrupted)."""
    return any(not _abbreviation(gap, m.start()) for m in _SENTENCE_END.finditer(gap))


def _abbreviation(text: str, dot: int) -> bool:
    """Return True if the full stop at `dot` ends an honorific or an initial (`Rep.`, `J.`)."""
    word = text[:dot].rsplit(None, 1)[-1] if text[:dot].strip() else ""
    return bare_word(word) in HONORIFICS or bool(re.fullmatch(r"(?:[A-Z]\.?)+", word))


def _sentence_opener(text: str, i: int) -> bool:
    before = text[:i].rstrip(" \u201c\"")
    return not before or before[-1] in ".!?"


@dataclass(slots=True)
class _Pending:
    """A quotation read but not yet stored: an interruption (`“…,” he said, “and …”`) may
    still join it."""

    words: str
    speaker: Speaker | None
    close: int


def find_quotes(article: Article) -> tuple[Quote, ...]:
    """Return the quotations of the article with their speakers, in reading order."""
    spans = {p.n: statement_spans(p.text) for p in article.paragraphs}
    actors = find_actors(article)
    cast = Cast.of(find_mentions(article),
                   {a.name: a.role for a in actors if a.kind is ActorKind.PERSON},
                   {p.n: mask_party_tags(p.text) for p in article.paragraphs},
                   {n: [(s.start, s.close) for s in ss] for n, ss in spans.items()})
    cast.show_actor_names(actors)
    attributor = Attributor(cast)
    quotes: list[Quote] = []
    carried: Speaker | None = None
    last_para: tuple[int, str] | None = None  # the last paragraph, for `_after_actor`
    said_last: Speaker | None = None  # the speaker of a quotation closing the last paragraph
    voices_before: set[str | None] = set()  # who spoke in the paragraph before this one
    before: tuple[int, str] | None = None
    before_owner: str | None = None
    silent: list[int] = []  # quotations running on, unclosed, with no speaker yet
    whole: Quote | None = None  # the last paragraph's one quotation, when it is all of it
    unsaid: list[int] = []  # the last paragraph's quotations, when none has a speaker
    turns: list[Speaker | None] = []  # speakers of the last paragraphs of a dialogue
    for para in article.paragraphs:
        text = para.text
        masked = cast.texts[para.n]  # mask_party_tags(text), as the cast was given it
        owner = attributor.view_owner(para.n, masked) if unsaid else None
        if owner is not None:
            # `“…” and “…”` then `That’s the optimistic view offered by Jane Doe, …`.
            for i in unsaid:
                quotes[i] = _quote(quotes[i].text, resolved(owner), quotes[i].paragraph)
        unsaid = []
        first_quote = len(quotes)
        if whole is not None and not spans[para.n]:
            signed = attributor.dash_line(para.n, masked)
            if signed is not None:
                # A block quotation signed on the next line: `— Jane Doe, chief executive`.
                quotes[-1] = _quote(whole.text, signed, whole.paragraph)
        whole = None
        # Split with the tags blanked: `Rep. Adam Schiff, D-Calif., said` is one sentence.
        sentences = _after_label(masked, split_sentences(masked))
        starts = [a for a, _ in sentences]
        ends = sorted(b for _, b in sentences)
        pending: _Pending | None = None
        aside: _Pending | None = None  # a few words quoted with a speaker (`“Amazing,” X said.`)
        first = True
        # A title's marks (`CNN’s “State of the Union,”`) bound no quotation before the next.
        read = _unmark_terms(masked, spans[para.n])
        for span in spans[para.n]:
            first_sentence = bisect_right(starts, span.start - 1) - 1
            place = Place(para.n, read, span,
                           starts[first_sentence] if first_sentence >= 0 else 0,
                           post_end(text, span, ends))
            if not is_statement(text, span):
                if VERB.match(text, span.close + 1, span.close + 40) or \
                        VERB.search(text, span.close, min(span.close + 40, place.sentence_end)):
                    said = attributor.attribute(place)
                    aside = _Pending("", said, span.close) if said is not None and \
                        said is not AMBIGUOUS and said.kind == "person" else None
                continue
            words = text[span.start:span.end].strip().rstrip(",").strip()
            speaker = attributor.attribute(place)
            if speaker is None and first:
                # `Bell: “Are you running?”`: a turn of an interview, its speaker's label first.
                speaker = label_speaker(cast, para.n, masked, span.start)
            own_after = _own_attribution(masked, span.close, place.sentence_end)
            if speaker is None and aside is not None and aside.speaker is not None and \
                    (pending is None or pending.close < aside.close) and \
                    not _names_other(own_after, aside.speaker) and \
                    _continues(masked, aside.close, span.start, aside.speaker,
                               _gender(cast, aside.speaker)):
                # `“Amazing,” Davis said. “To be able to do that …”`.
                speaker = aside.speaker
            # A quotation interrupted by its attribution: `“…,” he said, “and …”`.
            gap = text[pending.close:span.start - 1] if pending else ""
            if pending and words[:1].islower() and len(gap) < 60 and VERB.search(gap) and \
                    (text[:pending.close].rstrip("\u201d\u2019\"' ").endswith(",")
                     or gap.lstrip().startswith(",")) and gap.rstrip().endswith(",") and \
                    not _sentence_ends_in(gap):
                joined = f"{pending.words}, {words}" if not pending.words.endswith((",", ".")) \
                    else f"{pending.words} {words}"
                pending = _Pending(joined, pending.speaker or speaker, span.close)
                continue
            if pending:
                quotes.append(_quote(pending.words, pending.speaker, para.n))
            if speaker is None and pending is not None and pending.speaker is not None and \
                    not _names_other(own_after, pending.speaker) and \
                    _continues(masked, pending.close, span.start, pending.speaker,
                               _gender(cast, pending.speaker)):
                speaker = pending.speaker
            if speaker is None and first and span.start <= 1 and carried is not None:
                speaker = resolved(carried)
            if speaker is None and first and span.start <= 1 and said_last is not None and \
                    _only_quotes(text, spans[para.n]):
                # `“…,” she said.` closing a paragraph, then a paragraph that is only `“…”`:
                # she goes on.
                speaker = _actor_speaks(resolved(said_last), place)
            if first and silent and span.start <= 1 and speaker is not None and \
                    speaker is not AMBIGUOUS:
                for i in silent:
                    quotes[i] = _quote(quotes[i].text, resolved(speaker), quotes[i].paragraph)
            if first and (span.start > 1 or speaker is not None):
                silent = []
            if speaker is None and first and span.start <= 1 and before is not None and \
                    not VERB.search(_outside_quotes(text, spans[para.n])):
                # `Johnson said the bill was dead.` then a paragraph that is only `“It’s over.”`
                reported = attributor.reported(*before)
                if reported is not None and before_owner is not None and \
                        reported.name != before_owner:
                    reported = None
                speaker = resolved(reported) if reported is not None else None
            opens_paragraph = first and span.start <= 1 and last_para is not None
            opens_sentence = first_sentence > 0 and \
                not masked[starts[first_sentence]:span.start - 1].strip()
            alone = speaker is None and (opens_paragraph or opens_sentence) and \
                _stands_alone(text, spans[para.n], span)
            if alone and opens_paragraph and last_para is not None and \
                    _only_quotes(text, spans[para.n]):
                # `Rep. Tull, asked about the deal, was blunt.` then `“It’s a surrender.”`
                speaker = _actor_speaks(_after_actor(attributor, *last_para), place)
            if alone and speaker is None and opens_sentence:
                # `Kaine paused. “…”`, `Then he looked up. “…”`: a quotation opening its
                # sentence after a sentence about one person, with no speech verb.
                previous = starts[first_sentence - 1]
                if not any(previous <= s.start < starts[first_sentence] for s in spans[para.n]):
                    speaker = _actor_speaks(attributor.actor(
                        para.n, masked, previous, starts[first_sentence]), place)
                    if speaker is None:
                        # `Tull said he would fight on. “Not one of them is in this bill.”`: a
                        # quotation with no speech verb after reported speech of a named speaker.
                        reported = attributor.reported(para.n, masked[:starts[first_sentence]])
                        if reported is not None and reported.named:
                            speaker = _actor_speaks(resolved(reported), place)
            # (Only while the exchange has had two voices: a third makes the next line anyone's.)
            other = turns[-2] if len(turns) >= 2 and turns[-1] is not None and \
                len({t.name if t else None for t in turns[-3:]}) == 2 else None
            if speaker is None and first and span.start <= 1 and other is not None and \
                    other != turns[-1] and _only_quotes(text, spans[para.n]):
                # `“How bad?” Ansbacher asked.` `“Nine points,” Fennimore said.` `“Us or
                # him?”`: an exchange of two people, each line its own paragraph, goes on in
                # turns.
                speaker = _actor_speaks(resolved(other), place)
            if speaker is not None and speaker is not AMBIGUOUS:
                # Noted at the end of its sentence: the last speaker is the likeliest `he`.
                cast.note(speaker, para.n, place.sentence_end)
            first = False
            pending = _Pending(words, speaker, span.close)
        if pending:
            quotes.append(_quote(pending.words, pending.speaker, para.n))
            if pending.speaker is None and len(spans[para.n]) == 1 and \
                    spans[para.n][0].start <= 1 and pending.close >= len(text.rstrip()):
                whole = quotes[-1]
        unclosed = pending is not None and pending.close >= len(text) and \
            not text.rstrip().endswith((CLOSE_DOUBLE, '"'))
        if unclosed and pending is not None:
            carried = pending.speaker if pending.speaker is not AMBIGUOUS else None
            if carried is None and pending.speaker is None:
                # `“I never thought …` (no closing mark) then `“But here we are,” she said.`:
                # the speaker named where the quotation ends speaks its first part too.
                silent.append(len(quotes) - 1)
            else:
                silent = []
        else:
            silent = []
            carried = attributor.intro(para.n, text)
            if carried is AMBIGUOUS:
                carried = None
        turns = _next_turns(turns, text, spans[para.n], quotes[first_quote:])
        closing = _closing_speaker(text, pending, spans[para.n])
        said_last = closing[0] if closing else _speaker_going_on(text, pending,
                                                                   quotes[first_quote:])
        # (A speaker the paragraph introduces before the quotation and names again where it
        # closes is no reply in an exchange: `Her husband, Tomas Q., has run … “…,” says
        # Tomas Q.`)
        others = {q.speaker for q in quotes[first_quote:]} | (
            set() if closing and closing[1] and spans[para.n][0].start > 1 else voices_before)
        if said_last is not None and others - {None, said_last.name}:
            # `“…,” Achterberg said.` `Spreng nodded. “…,” he said.` `“So we agree on
            # something.”`: in an exchange of two voices (in this paragraph or the last) the
            # bare line is more often the other's reply than his going on, which no text
            # tells: nobody's.
            said_last = None
        voices_before = {q.speaker for q in quotes[first_quote:]}
        # Read only when the next paragraph opens with an unattributed quotation.
        # A paragraph whose only quotations are one speaker's partial ones (`… noted there
        # should be “zero shame” involved.`) is reported speech too, of that speaker alone.
        owners = {q.speaker for q in quotes[first_quote:]}
        partial_only = bool(spans[para.n]) and len(owners) == 1 and None not in owners and \
            not text.rstrip().endswith((CLOSE_DOUBLE, '"')) and \
            all(_mid_sentence(text, span) for span in spans[para.n])
        # A quotation left open goes on in the next paragraph, in the same voice or none: what
        # its words are about (`“He slept with a pistol …`) names no speaker for the rest.
        before = (para.n, masked) if carried is None and not unclosed and (
            not spans[para.n] or partial_only) else None
        before_owner = next(iter(owners)) if partial_only else None
        # Read only when the next paragraph is a quotation alone (`Attributor.actor` refuses a
        # last sentence that quotes anything: `“…,” he said. Then he looked up.` is fine).
        last_para = (para.n, masked) if carried is None and not unclosed else None
        if len(quotes) > first_quote and all(q.speaker is None for q in quotes[first_quote:]):
            unsaid = list(range(first_quote, len(quotes)))
    return tuple(quotes)


# A newsletter's label opening a paragraph (`What they're saying:`, `The other side:`,
# `Driving the news:`): a few words and a colon before a capitalised sentence.
_LABEL = re.compile(r"[A-Z][\w\u2019',]*(?:\s+[\w\u2019',]+){0,4}:\s+(?=[A-Z])")


def _after_label(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the sentences with a label opening the paragraph split off as its own, so the
    sentence after it starts at its subject (`What they're saying: Gov. Jane Doe called …`)."""
    label = _LABEL.match(text)
    if label is None or not sentences or sentences[0][1] <= label.end():
        return sentences
    return [(0, len(label.group().rstrip())), (label.end(), sentences[0][1]), *sentences[1:]]


def _mid_sentence(text: str, span: Span) -> bool:
    """Return True if a quotation opens inside its sentence (`noted there should be “zero
    shame” involved`), not at its start (`“…,” Szabo asked.`)."""
    lead = text[:max(0, span.start - 1)].rstrip()
    return bool(lead) and lead[-1] not in ".!?:\u201d\"" and lead[-1].isalnum()


def _stands_alone(text: str, spans: list[Span], span: Span) -> bool:
    """Return True if a quotation may be given to the person the sentence before it is about:
    nothing but quotations follows it in its paragraph (`“Here comes trouble.” The aides
    laughed.`, `“Are you running?” a reporter asked him.`), and it is no shout (`“Shame on
    you!”` is more often the crowd's than the person's)."""
    inner = text[span.start:span.end].rstrip(" ,\u2019'\u201d\"")
    if inner.endswith("!"):
        return False
    return not re.search(r"\w", _outside_quotes(text, spans)[span.close:])


def _actor_speaks(actor: Speaker | None, place: Place) -> Speaker | None:
    """Return the person a sentence before the quotation is about as its speaker, unless the
    quotation names them (`Kaine paused. “Thank you, Senator Kaine.”`)."""
    if actor is None:
        return None
    found = not_named_inside(actor, place)
    return None if found is AMBIGUOUS else found


def _closing_speaker(text: str, pending: _Pending | None,
                     spans: list[Span]) -> tuple[Speaker, bool] | None:
    """Return the speaker of a quotation that closes its paragraph with only its attribution
    after it (`“…,” she said.`, `“…,” Morrow said.`, `“…,” said Rasha Haddad, a teacher.`), and
    whether that names the speaker: the quotation-only paragraph after it is that speaker going
    on, as held-out sets and real pages write it, unless it asks a question (the next paragraph
    may answer)."""
    if pending is None or pending.speaker is None or pending.speaker is AMBIGUOUS or \
            pending.speaker.kind != "person" or not spans or pending.close >= len(text):
        return None
    tail = text[pending.close:].strip()
    inner = text[spans[-1].start:spans[-1].end].rstrip(" ,\u2019'")
    said = _PRONOUN_TAIL.match(tail)
    named = _NAMED_TAIL.match(tail) if said is None else None
    if len(tail) > (200 if named else 80) or not VERB.search(tail) or inner.endswith("?") or \
            _sentence_ends_in(tail) or (said is None and named is None):
        return None
    surname = pending.speaker.name.split()[-1]
    if named is not None:
        # (The name at the verb must be the one the quotation was given to.)
        return (pending.speaker, True) if (named.group("name") or named.group("before") or
                                           "").endswith(surname) else None
    if said is not None and said.group("surname") and said.group("surname") != surname:
        return None  # `“…,” Rosario said.` in a scene: a first name, the next line a reply
    return pending.speaker, False


def _speaker_going_on(text: str, pending: _Pending | None, said: list[Quote]) -> Speaker | None:
    """Return the one person whose quotations make up a paragraph's end (`“…,” said Kristen
    Valadez, a lawyer. “…”`): the quotation-only paragraph after it is hers going on. None for
    a question (the next paragraph may answer) or a paragraph of two voices."""
    if pending is None or pending.speaker is None or pending.speaker is AMBIGUOUS or \
            pending.speaker.kind != "person" or len(said) < 2 or \
            pending.close < len(text.rstrip()) or \
            text.rstrip().rstrip(CLOSE_DOUBLE + '"').rstrip().endswith("?") or \
            any(q.speaker != pending.speaker.name for q in said):
        return None
    return pending.speaker


def _next_turns(turns: list[Speaker | None], text: str, spans: list[Span],
                said: list[Quote]) -> list[Speaker | None]:
    """Return the turns of a dialogue after this paragraph: one more when the paragraph is one
    line of it (a single quotation opening it, with at most a short attribution such as
    `Fennimore said`), none left when it is anything else."""
    outside = _outside_quotes(text, spans).split()
    if len(spans) != 1 or spans[0].start > 1 or len(said) != 1 or len(outside) > 4:
        return []
    who = said[0].speaker
    turn = Speaker(who, "person", attribution="explicit") if who else None
    return [*turns[-2:], turn]


def _only_quotes(text: str, spans: list[Span]) -> bool:
    """Return True if nothing but quotations (and punctuation) stands in `text`."""
    return not re.search(r"\w", _outside_quotes(text, spans))


def _after_actor(attributor: Attributor, paragraph: int, text: str) -> Speaker | None:
    """Return the one person the last sentence of a paragraph without a speech verb is about
    (`Rep. Tull, asked about the deal, was blunt.`), or None."""
    body = text.rstrip()
    return attributor.actor(paragraph, body, _last_sentence(body), len(body))


def _last_sentence(text: str) -> int:
    """Return where the last sentence of `text` starts."""
    body = text.rstrip()
    return max((a for a, _ in split_sentences(body) if a < len(body)), default=0)


def _unmark_terms(text: str, spans: list[Span]) -> str:
    """Return `text` with the marks of quoted spans that are no statement (titles, terms)
    blanked, offsets kept: the attribution rules read past them as past any other words."""
    for span in spans:
        if span.close == span.end + 1 and span.start >= 1 and not is_statement(text, span):
            text = f"{text[:span.start - 1]} {text[span.start:span.end]} {text[span.close:]}"
    return text


def _outside_quotes(text: str, spans: list[Span]) -> str:
    """Return `text` with its quoted spans blanked (in one pass: blanking span by span copied
    the paragraph once a span, quadratic in a long one)."""
    pieces: list[str] = []
    at = 0
    for start, close in sorted((span.start, span.close) for span in spans):
        if close > at:
            start = max(start, at)
            pieces += [text[at:start], " " * (close - start)]
            at = close
    return "".join([*pieces, text[at:]])




def _quote(text: str, speaker: Speaker | None, paragraph: int) -> Quote:
    if speaker is None or speaker is AMBIGUOUS:
        return Quote(text=text, speaker=None, paragraph=paragraph, attribution="none")
    return Quote(text=text, speaker=speaker.name, paragraph=paragraph,
                 speaker_role=speaker.role, speaker_kind=speaker.kind,
                 attribution=speaker.attribution)


__all__ = ["find_quotes"]
