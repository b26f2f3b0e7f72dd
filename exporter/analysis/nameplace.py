"""Where a name stands in its clause: the words before it that make it an object (`asked
about Trump`, `support for Mr. Hensley`), the writer's interviewee (`I met Bernadette`), or the
subject after a role noun and the nouns modifying it (`outreach worker Hannah …`), a name set
apart in an aside (`Sen. X — no relation to Governor Y, who … — pressed …`). Used by
`antecedents.Antecedents` to weigh the people a pronoun may point at."""

from __future__ import annotations

import re

from .actors import ROLE_NOUNS, STOP
from .clauses import alternatives
from .lexicon import SPEECH_VERBS
from .speakernames import AGENT_NOUN, PREPOSITIONS
from .speakers import bare_word

# A name a relative clause goes on to describe (`…, who runs a forum out of his garage`).
WHO_AFTER_NAME = re.compile(r"[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){0,3},\s+who\b")
# The lower-case word before the capitalised run that ends at the search's end.
OPENER_BEFORE_NAME = re.compile(r"\b([a-z]+)\s+(?:[A-Z][\w.\u2019'-]*\s+)*[A-Z][\w.\u2019'-]*$")
# A name closing a phrase with a comma (`For Stacey Abrams, …`).
TOPIC_NAME = re.compile(r"(?:[A-Z][\w.\u2019'-]*\s+){0,3}[A-Z][\w.\u2019'-]*,")
# The word before a name, past an honorific (`support for Mr. Hensley`; not `and`: `Brandvold
# and Rep. Siebenaler` are two subjects).
LAST_WORD = re.compile(r"([A-Za-z]+)\s+(?:(?<!\band\s)(?<!\bor\s)(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|"
                       r"Col|Rev)\.\s+)?$")
OBJECT_VERBS = frozenset({"met", "meet", "meets", "told", "tell", "asked", "ask", "called",
                          "thanked", "praised", "accused", "blamed", "backed", "beat", "saw",
                          "sued", "fired", "hired", "replaced", "succeeded", "defeated",
                          "interviewed", "visited", "joined", "against", "than", "as"})
# `I met Bernadette`, `we spoke with Ruiz`: the writer's subject, and the person met the one the
# next sentence goes on about.
WRITER_BEFORE = re.compile(r"\b(?:I|[Ww]e)\s+(?:[a-z]+\s+)?$")
# `In the front row sat X`, `Among them was X`: a place, a verb of being there, then the subject.
PLACE_OPENERS = frozenset({"in", "at", "among", "behind", "beside", "near", "on", "outside",
                           "inside", "across", "by"})
INVERSION_VERBS = frozenset({"sat", "stood", "was", "were", "came", "knelt", "waited"})
# A noun phrase a preposition governs, right before a comma: what a name after the comma
# stands beside (`with his wife, Loretta`).
OBJECT_NP_BEFORE = re.compile(r"\b(?:with|to|for|from|of|beside|behind)\s+"
                              r"(?:his|her|their|its|the|a|an)\s+(?:[\w\u2019'-]+\s+){0,2}"
                              r"([\w\u2019'-]+)\s*$")
# A name that owns the next word (`Burrowes's minutes`).
OWNER_AFTER = re.compile(r"[\w.-]*(?:\s[A-Z][\w.-]*)*[\u2019']s?\s")
# A lower-case noun that may modify the role noun before a name (`outreach worker`, `field
# organizer`): a plain word, not a verb's past form (`thanked organizer X` is an object).
_NOUN_MODIFIER = re.compile(r"[a-z]{3,}(?<!ed)(?<!ing)")
# Words the agent-noun pattern takes for a role noun that are none (`defeating former Council
# member`).
_NOT_AGENTS = frozenset({"former", "latter", "other", "another", "over", "under", "never",
                         "ever", "after", "later", "whether", "together", "either", "neither",
                         "rather", "longer", "earlier", "further", "per"})


def without_noun_modifiers(words: list[str], agents: bool) -> list[str]:
    """Return `words` without up to two nouns modifying a closing role noun (`outreach
    worker` → `worker`), so the words before them decide whether the name opens its clause."""
    last = bare_word(words[-1]) if words else ""
    if not (last in ROLE_NOUNS or (agents and AGENT_NOUN.fullmatch(last) and
                                   last not in _NOT_AGENTS)):
        return words
    keep = len(words) - 1
    while keep > 0 and len(words) - 1 - keep < 2 and _NOUN_MODIFIER.fullmatch(words[keep - 1]) \
            and words[keep - 1] not in STOP and words[keep - 1] not in PREPOSITIONS \
            and words[keep - 1] not in SPEECH_VERBS and words[keep - 1] not in OBJECT_VERBS:
        keep -= 1
    return words[:keep] + words[-1:]


# `…, with Devereux blaming what he called …`: a name then a participle after `with`, the
# subject of that clause.
NAME_THEN_PARTICIPLE = re.compile(r"(?:[A-Z][\w.\u2019'-]*\s+){0,3}[A-Z][\w\u2019'-]*\s+"
                                  r"(?:[a-z]+ly\s+)?(?!(?:during|morning|evening|thing|nothing"
                                  r"|something|anything|everything|building|king)\b)[a-z]{2,}ing\b")
# `came from X`, `heard first from X`: X's turn to speak; after `heard`, the one the
# paragraph goes on with.
_BEFORE_FROM = r"\s+(?:(?:again|first|then)\s+)?$"
CAME_FROM = re.compile(r"\b(?:came|comes|come|heard|hears|hear)" + _BEFORE_FROM)
HEARD_FROM = re.compile(r"\b(?:heard|hears|hear)" + _BEFORE_FROM)

# A speech verb reporting a clause (`notes that …`, `said investigators had traced …`): a name
# in it is the clause's, not the sentence's subject.
REPORTED_CLAUSE = re.compile(r"\b(?:" + alternatives([v for v in SPEECH_VERBS if " " not in v])
                             + r")\s+(?:that\b|(?!(?:in|on|at|to|for|with|of|by|after|before|"
                             r"during|earlier|later|then|again|also)\b)[a-z]+\s+(?:had|has|"
                             r"have|was|were|is|are|would|will|could|might)\b)")
# The capitalised words (titles too: `Sen. Lucius Harkavy`) ending where a search ends.
NAME_RUN_BEFORE = re.compile(r"(?:[A-Z][\w.\u2019'-]*\s+)*[A-Z][\w.\u2019'-]*$")

# An aside's opening mark in the middle of a clause (after a word or a comma, not a dateline's
# `(AP) —`), and its closing mark.
_ASIDE_OPEN = re.compile(r"(?<=[a-z0-9.,])\s+(\u2014|\()\s*")
_ASIDE_REACH = 160
_TITLES_ONLY = re.compile(r"(?:[A-Z][\w.\u2019'-]*\s+)*")


def in_aside(text: str, start: int, end: int) -> bool:
    """Return True if the name at `start` stands in a dash or bracket aside that closes
    before `end` (`Sen. Roderick Maybury — no relation to Fed Governor Leland Maybury, who …
    — pressed …, he said`): set apart from the clause that goes on, so no pronoun's subject."""
    window = text[max(0, start - _ASIDE_REACH):start]
    opened = None
    for m in _ASIDE_OPEN.finditer(window):
        opened = m
    between = window[opened.end():] if opened is not None else ""
    if opened is None or any(c in between for c in "\u2014()") or _TITLES_ONLY.fullmatch(between):
        return False  # (`Another Brandvold — Sen. Celeste Brandvold, …, — said`: the subject)
    closing = text.find("\u2014" if opened.group(1) == "\u2014" else ")", start, end)
    return closing >= 0 and closing - start < _ASIDE_REACH


def writers_object(text: str, start: int) -> bool:
    """Return True if the person named at `start` is the object of the writer's own verb
    (`I met Bernadette`, `we spoke with Ruiz`): the one the next sentences go on about, as a
    subject would be."""
    before = LAST_WORD.search(text, max(0, start - 30), start)
    return before is not None and WRITER_BEFORE.search(
        text, max(0, before.start(1) - 24), before.start(1)) is not None


def topic(text: str, opener: int, start: int) -> bool:
    """Return True if `For` at `opener` opens its sentence and the name at `start` closes the
    phrase with a comma (`For Stacey Abrams, the lesson of 2018 was …`)."""
    before = text[:opener].rstrip(" \u201c\"")
    return (not before or before[-1] in ".!?") and TOPIC_NAME.match(text, start) is not None


__all__ = ["CAME_FROM", "HEARD_FROM", "INVERSION_VERBS", "LAST_WORD", "NAME_RUN_BEFORE",
           "NAME_THEN_PARTICIPLE", "OBJECT_NP_BEFORE", "OBJECT_VERBS", "OPENER_BEFORE_NAME",
           "OWNER_AFTER", "PLACE_OPENERS", "REPORTED_CLAUSE", "TOPIC_NAME", "WHO_AFTER_NAME",
           "WRITER_BEFORE", "in_aside", "topic", "without_noun_modifiers", "writers_object"]
