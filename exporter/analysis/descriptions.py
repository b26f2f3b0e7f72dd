"""What a description names rather than who: the organisation behind an unnamed spokesperson
(`a CBP spokeswoman`), an organisation named by its owner (`China's commerce ministry`, `the
governor's office`), an organisation named before (`the ministry`), a title (`the senator`), or
a person described by who they are (`the 30-year-old Kenyan`)."""

from __future__ import annotations

import re

from .actors import ROLE_NOUNS
from .actors import lookup as gazetteer_lookup
from .lexicon import TITLES
from .speakernames import DETERMINERS, PREPOSITIONS, bare_word, is_title

_ANAPHOR = re.compile(r"^(?:the\s+)((?:(?!central\s)(?-i:[a-z][a-z-]+)\s+)?"
                      r"(?:central\s+bank|agency|company|ministry|bank|court|"
                      r"organisation|organization|"
                      r"group|charity|council|commission|committee|government|regulator|"
                      r"institute|university|firm|fund|party|union|department|campaign|"
                      r"network|board|authority|office|association|embassy|hospital|label|studio|"
                      r"airline|carrier|retailer|automaker|carmaker|insurer|publisher|"
                      r"broadcaster|lender|manufacturer|utility|startup|club|league))$",
                      re.IGNORECASE)


_ORG_HEAD = (r"(?:agency|company|ministry|bank|court|organisation|organization|group|charity|"
             r"council|commission|committee|government|regulator|institute|university|firm|fund|"
             r"party|union|department|campaign|network|board|authority|office|association|"
             r"embassy|hospital|military|army|navy|police|cabinet|parliament|legislature|"
             r"administration|secretariat|mission|consulate|presidency|regime|junta|prosecutors?|"
             r"spokes(?:man|woman|person)['’]s\s+office)")
# `China's commerce ministry`, `the Kremlin's press office`, `Iran's foreign ministry`, `the
# Trump campaign`, `the state-run news agency`: an organisation described, not named.
# (Five capitalised words may own it: `Senate Majority Leader Clifton Rasmussen’s office`.)
OWNED_ORG = re.compile(r"(?:the\s+)?(?P<org>(?:[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){0,4}"
                       r"[\u2019']s?\s+|(?<=the\s)[A-Z][\w.-]*\s+)(?:[a-z][\w-]*\s+){0,3}"
                       + _ORG_HEAD + r")")


# `a spokesperson for the British Foreign Office`, `a CBP spokeswoman`: the organisation speaks
# through someone unnamed.
_MOUTHPIECE = r"(?:spokes(?:man|woman|person)|press\s+(?:officer|secretary|office))"
_SPOKES_FOR = re.compile(r"(?:a|an|one|the)\s+" + _MOUTHPIECE + r"\s+(?:for|of|at)\s+"
                         r"(?:the\s+)?(?P<org>[A-Z][\w.&\u2019'-]*(?:\s+(?:of\s+|for\s+|and\s+|"
                         r"the\s+)*[A-Z][\w.&\u2019'-]*){0,5})", re.IGNORECASE)
_ORG_SPOKES = re.compile(r"(?:a|an|one|the)\s+(?P<org>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})"
                         r"\s+" + _MOUTHPIECE, re.IGNORECASE)


def mouthpiece_org(phrase: str) -> str | None:
    """Return the organisation an unnamed spokesperson speaks for (`a spokesperson for the
    British Foreign Office`, `a CBP spokeswoman`), as written, or None."""
    phrase = phrase.strip(" ,")
    m = _SPOKES_FOR.fullmatch(phrase) or _ORG_SPOKES.fullmatch(phrase)
    if m is None or not m.group("org")[:1].isupper():
        return None
    return m.group("org")


# `the city's law department`, `the state's health department`: a public body described by the
# government it belongs to; a modifier is required (`the city's office` names nothing).
# An office speaking for its holder: `the governor's office`, `the Manhattan District Attorney's
# Office`, `the Legislative Analyst’s Office`.
_OFFICE_OF_TITLE = re.compile(r"(?:the\s+)?(?P<org>(?:[A-Za-z][\w.-]*\s+){0,3}?(?:governor|mayor|"
                              r"attorney\s+general|sheriff|district\s+attorney|prosecutor|"
                              r"comptroller|treasurer|auditor|secretary\s+of\s+state|clerk|"
                              r"lieutenant\s+governor|speaker|superintendent|county\s+executive|"
                              r"inspector\s+general|coroner|medical\s+examiner|analyst|"
                              r"public\s+defender|controller|attorney)[\u2019']s\s+office"
                              # `the U.S. Attorney's Office for the District of Columbia`
                              r"(?:\s+(?:for|in)\s+(?:the\s+)?[A-Z][\w.]*"
                              r"(?:\s+(?:of\s+)?[A-Z][\w.]*){0,4})?)", re.IGNORECASE)
_LOCAL_ORG = re.compile(r"(?:the\s+)?(?P<org>(?:city|state|county|town|village|province|"
                        r"district)[\u2019']s\s+(?:[a-z][\w-]*\s+){1,3}(?:department|office|"
                        r"agency|commission|council|board|authority|ministry))")


def owned_org(phrase: str) -> str | None:
    """Return the organisation a description names by its owner and head (`China's commerce
    ministry`, `the Trump campaign`, `the governor's office`, `the Legislative Analyst’s
    Office`), or None."""
    phrase = phrase.strip(" ,")
    if phrase.startswith("The "):
        phrase = "the" + phrase[3:]  # a sentence's first word: `The French foreign ministry`
    m = OWNED_ORG.fullmatch(phrase) or _LOCAL_ORG.fullmatch(phrase)
    if m:
        return m.group("org")
    office = _OFFICE_OF_TITLE.fullmatch(phrase)
    if office:
        org = office.group("org")
        # `The Attorney General's Office`: the office of a title, in lower case as elsewhere;
        # a proper name (`Legislative Analyst’s Office`) as written.
        return org.lower() if is_title(org.split()[0]) else org
    return None


_PARTY_NOUNS = frozenset({"democrat", "republican", "independent", "conservative", "liberal",
                          "progressive", "tory", "socialist", "libertarian"})


def identity_description(phrase: str) -> bool:
    """Return True if `phrase` describes someone already named by who they are, not by a job
    somebody else could hold: `the 30-year-old Kenyan`, `the Democrat`, `the 81-year-old`."""
    words = phrase.strip(" ,").split()
    if len(words) < 2 or len(words) > 5 or words[0].lower() != "the":
        return False
    if any(w.lower() in PREPOSITIONS or w.lower() in DETERMINERS for w in words[1:]):
        return False
    last = words[-1]
    if re.search(r"\d+-year-old", phrase) and len(words) <= 4:
        return True  # `the 81-year-old`, `the 38-year-old entrepreneur`
    if len(words) == 2 and bare_word(last) in _TEEN_WORDS:
        return True  # `the teenager told lawmakers`
    hit = gazetteer_lookup([last], 0)
    return (hit is not None and hit[1].form == "demonym") or bare_word(last) in _PARTY_NOUNS


_TEEN_WORDS = frozenset({"teenager", "teen"})


def described_ages(phrase: str) -> tuple[int, int] | None:
    """Return the ages an identity description allows (`the 81-year-old`: 81 to 81, `the
    teenager`: 13 to 19), or None when it gives none."""
    m = re.search(r"(\d+)-year-old", phrase)
    if m is not None:
        return int(m.group(1)), int(m.group(1))
    words = phrase.strip(" ,").split()
    return (13, 19) if words and bare_word(words[-1]) in _TEEN_WORDS else None


def title_head(phrase: str) -> str | None:
    """Return the title of `the president`, `the senator`, `the vice president`: a description
    that is only a definite article and title words, lower-cased."""
    m = re.fullmatch(r"the\s+((?:[a-z-]+\s+){0,2}[a-z-]+)", phrase.strip(), re.IGNORECASE)
    if not m:
        return None
    # `the Republican governor`: the party says which governor, the title is `governor`.
    *lead, head = m.group(1).lower().split()
    words = [w for w in lead if w not in _PARTY_ADJECTIVES] + [head]
    if (head in TITLES or head in ROLE_NOUNS) and head not in _NOT_TITLE_HEADS and \
            all(w in TITLES or w in _TITLE_MODIFIERS for w in words[:-1]):
        return " ".join(words)
    return None


_PARTY_ADJECTIVES = frozenset({"republican", "democratic", "conservative", "labour", "liberal"})
# Title words that are no one's title alone: parts of an office (`White House`, `Foreign`) or
# too common to point at one person (`the head`, `the leader`).
_NOT_TITLE_HEADS = frozenset({"head", "chief", "leader", "member", "officer", "vice", "prime",
                              "crown", "foreign", "defence", "defense", "interior", "finance",
                              "health", "education", "state", "press", "house", "senate", "white",
                              "economy", "energy", "trade", "home", "labor", "labour",
                              "environment", "conservative", "democratic", "republican", "democrat",
                              "libertarian", "sen.",
                              "attorney", "general", "private", "major", "father", "sister",
                              "brother", "student", "veteran", "chair"})
# Words a title may carry before its head (`the vice president`, `the former senator`).
_TITLE_MODIFIERS = frozenset({"vice", "deputy", "assistant", "former", "acting", "press",
                              "majority", "minority", "attorney", "prime"})


def anaphor_head(phrase: str) -> str | None:
    """Return the head of `the ministry`, `the company`, with a word before it if any (`the
    production company`): an organisation named before. Where it is based says no more than
    the head (`the Seattle-based retailer`, `Mass.-based company` after a comma)."""
    m = _ANAPHOR.match(phrase.strip())
    if m is None:
        based = _BASED.fullmatch(phrase.strip())
        return based.group(1) if based else None
    return m.group(1)


# `the Seattle-based retailer`, `the Cambridge, Mass.-based company` (cut at its comma).
_BASED = re.compile(r"(?:the\s+)?(?:[A-Z][\w.\u2019']*\s+){0,2}[A-Z][\w.\u2019']*-based\s+"
                    r"(?:(?-i:[a-z][a-z-]+)\s+)?" +
                    r"(company|firm|retailer|bank|lender|insurer|manufacturer|automaker|"
                    r"carmaker|airline|carrier|publisher|broadcaster|utility|startup|group|"
                    r"organization|organisation|nonprofit|charity|agency|chain|developer|"
                    r"producer|distributor|platform|brand|maker)", re.IGNORECASE)


__all__ = ["OWNED_ORG", "anaphor_head", "identity_description", "mouthpiece_org", "owned_org",
           "title_head"]
