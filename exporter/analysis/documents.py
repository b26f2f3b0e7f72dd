"""How documents speak: the nouns for them (`statement`, `letter`, `ruling` …), the words that
make one the subject or the source of a quotation (`The letter continued:`, `It reads in part:`,
`a statement from X`), and the patterns that name who issued one (`said in a statement`, `a report
released by X`), which `Attributor.issuer` looks for in the paragraphs before."""

from __future__ import annotations

import re
from functools import lru_cache

from .clauses import CLAUSE_BREAK, MANNER_ADVERB, WEEKDAY, alternatives
from .lexicon import SPEECH_PARTICIPLES, SPEECH_VERBS
from .matching import last_match

# The nouns for a document quoted as speaking (`the statement said`): the words of whoever issued
# it.
DOCUMENTS = (r"(statement|letter|release|memo|post|email|complaint|lawsuit|indictment|filing|"
             r"petition|ruling|report|audit)")
THE_DOCUMENT = re.compile(r"the\s+" + DOCUMENTS, re.IGNORECASE)
# `Its complaint says`, `their letter said`: a document its owner's pronoun names.
OWNED_DOCUMENT = re.compile(r"(its|their|his|her)\s+(?:[\w-]+\s+)?" + DOCUMENTS,
                            re.IGNORECASE)
# How many paragraphs before a quotation its `the statement said` may name the issuer in.
ISSUER_REACH = 3
# What may stand between the issuer and its verb: adverbs, an auxiliary (`The company has
# denied …`), a day (`The ministry on Friday said in a statement`).
_ISSUING_ADVERBS = (r"(?:also|later|then|again|since|earlier|previously|flat-out|has|have|had|"
                    r"on\s+" + WEEKDAY + r"|" + MANNER_ADVERB + r")")
# `The report was blunt:`, `The 40-page filing put it plainly:`: a document as the clause's subject.
DOCUMENT_SUBJECT = re.compile(r"\s*(?:The|the|Its|its)\s+(?:[\w-]+\s+){0,2}?(report|statement|"
                              r"letter|memo|filing|release|study|ruling|opinion)\s+[a-z]")
# `The letter continued:`, `The statement said in part:`: a document named before goes on.
DOCUMENT_GOES_ON = re.compile(r"\s*(?:The|Its|Her|His|Their)\s+(?:[\w-]+\s+){0,2}?(statement|"
                              r"letter|memo|release|post|complaint|filing|report|ruling|opinion)"
                              # (an aside between: `The post, since deleted, read in part:`)
                              r"(?:,[^,.;:\u201c\u201d\"]{1,40},)?"
                              r"\s+(?:continued|went\s+on|added|said|says|reads|read|states|"
                              r"stated|concluded)(?:\s+in\s+part)?\s*$")
# `It reads in part:`: the document the paragraph named before speaks.
IT_READS = re.compile(r"\s*It\s+(?:reads|read|says|said|states|stated)(?:,?\s+in\s+part,?)?\s*$")
DOCUMENT_NOUN = re.compile(r"\b" + DOCUMENTS + r"\b", re.IGNORECASE)
# `weighed in with a statement from OMB spokesperson X`: who the statement is from.
STATEMENT_FROM = re.compile(r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:statement|comment|response|"
                            r"message)\s+from\s+")


@lru_cache(maxsize=16)
def issuer_patterns(noun: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Return the patterns that name who issued a document (`statement`, `letter`…)."""
    # `said in a statement`, `flatly denied the allegations in a statement`, `issued a
    # statement`: the issuer is the subject before the verb and its adverbs.
    pattern = re.compile(r"(?:\b" + _ISSUING_ADVERBS + r"\s+)*\b(?:(?:"
                         + r"(?-i:" + alternatives(list(SPEECH_VERBS)) + r"|found)|(?-i:[a-z]+ed))"
                         r"(?:\s+[\w\u2019'-]+){0,4}?\s+in|"
                         r"issued|released|published|filed|"
                         # `sent House members a memo this morning`: the receivers between.
                         r"sent(?:\s+[A-Z][\w.\u2019'-]*){0,3}(?:\s+[a-z]+)?)"
                         r"\s+(?:a|an|the|her|his|its|their)\s+"
                         r"(?:[\w-]+\s+){0,2}?" + noun + r"\b"
                         # `… wrote to appropriators last week`: the letter the text goes on to
                         # quote.
                         + (r"|\bwrote\s+to\b" if noun in ("letter", "memo") else "")
                         # `Gagnon posted in October about …. The post … read`: who posted it.
                         + (r"|\bposted\b" if noun == "post" else "")
                         + 
                         # `Airbnb, in a statement read into the record by …, said`: the subject
                         # before the comma.
                         r"|,\s+in\s+(?:a|an|the|her|his|its|their)\s+(?:[\w-]+\s+){0,2}?" + noun
                         + r"\b[^.;\u201c\u201d\"]{0,150}?,\s+(?:" + _ISSUING_ADVERBS
                         + r"\s+)*(?-i:" + alternatives(list(SPEECH_VERBS)) + r")\b",
                         re.IGNORECASE)
    # `a report released Thursday by X`, `The letter, sent Monday to …, was written by X`,
    # `In a statement, ICE disputed …`: the issuer after `by` or after the comma.
    passive = re.compile(r"\b(?:(?:a|an)\s+(?:[\w-]+\s+){0,2}?" + noun + r"\s+(?:released|"
                         r"issued|published|sent|filed)\s+(?:[\w,]+\s+){0,3}?by\s+"
                         r"|" + noun + r"\b[^.;\u201c\u201d\"]{0,150}?\b"
                         r"(?:(?:was|were)\s+|,\s+)"
                         r"(?:written|signed|issued|released|sent|published|filed)"
                         r"(?:\s+[\w,\u2019']+){0,6}?\s+by\s+"
                         r"|\bIn\s+(?:a|an|the|her|his|its|their)\s+(?:[\w-]+\s+){0,2}?"
                         + noun + r"(?:\s+(?:to|for|from|obtained|seen|sent|posted|on|"
                         # `In a statement afterward,`, `… after the hearing,`: when it came.
                         r"after|afterwards?|following|later|earlier|late|early|released|"
                         r"issued)\b[^,.;\u201c\u201d\"]{0,60})?\s*,\s+"
                         # `held up a letter the Kentucky Association of School Superintendents
                         # sent every senator`: the body a relative clause makes its sender.
                         r"|\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?" + noun + r"\s+(?:that\s+)?"
                         r"(?=(?:the\s+)?(?-i:[A-Z])[\w.\u2019'&-]*(?:\s+(?:of|for|and|on|the|"
                         r"(?-i:[A-Z])[\w.\u2019'&-]*)){0,8}\s+(?:had\s+)?(?:sent|wrote|issued|released|"
                         r"signed|posted)\b))(?:the\s+)?", re.IGNORECASE)
    return pattern, passive

# `sent the city a letter Tuesday calling …`, `issued a statement saying …`: a document whose
# participle (no comma before it) reports its sender's words.
_BARE_PARTICIPLE = re.compile(r"(?<!,)\s+(?:" + alternatives(list(SPEECH_PARTICIPLES)) + r")\b")
SENT_DOCUMENT = re.compile(r"\b(?:sent|issued|released|filed|posted|published|signed|"
                            r"submitted)\s+(?:[\w\u2019'-]+\s+){0,3}?(?:a|an|its|his|her|their)\s+"
                            r"(?:[\w-]+\s+){0,2}?(?:letter|statement|brief|memo|report|complaint|"
                            r"motion|filing|petition|resolution|email|release)\b"
                            r"[^,.;:\u201c\u201d\"]{0,40}$")


def document_sent(text: str, start: int, end: int, max_tail: int) -> int | None:
    """Return where the verb of sending a document starts (its subject is the sender), when
    `text[start:end]` ends in a document's participle with at most `max_tail` characters after
    it (`The ACLU of Idaho sent the city a letter Tuesday calling the denial`); else None."""
    participle = last_match(_BARE_PARTICIPLE, text, start, end)
    if participle is None or end - participle.end() > max_tail or \
            CLAUSE_BREAK.search(text, participle.end(), end):
        return None
    sent = SENT_DOCUMENT.search(text, start, participle.start())
    return sent.start() if sent is not None else None



__all__ = ["DOCUMENTS", "DOCUMENT_GOES_ON", "DOCUMENT_NOUN", "DOCUMENT_SUBJECT", "ISSUER_REACH",
           "IT_READS", "OWNED_DOCUMENT", "SENT_DOCUMENT", "STATEMENT_FROM", "THE_DOCUMENT",
           "document_sent", "issuer_patterns"]
