"""Actors from mentions: one entity's mentions grouped under one name, with its aliases, its
most informative role and the paragraphs it appears in."""

from __future__ import annotations

import re
from functools import lru_cache

from ...model import Actor, ActorKind, Article
from .. import lexicon
from .mention import Mention
from .mentions import find_mentions
from .names import acronym_matches, firsts, same_title, shared_title
from .runs import ACRONYM
from .variants import MAX_COMPARED, org_key, people_clusters, shorter_org_of, spelling_variant

_KIND_ORDER = {ActorKind.PERSON: 0, ActorKind.ORGANISATION: 1, ActorKind.GROUP: 2,
               ActorKind.COUNTRY: 3, ActorKind.PLACE: 4}


_THE = re.compile(r"^[Tt]he\s+")
# An abbreviated title right before a name: `Sen. `, `Gov. `, `Rep. `.
_ABBREVIATION_BEFORE = re.compile(r"\b([A-Z][a-z]{1,4})\.\s+$")


def _best_role(roles: list[str]) -> str | None:
    """Return the most informative role: the first with `of`, else the first given."""
    for role in roles:
        if " of " in role:
            return role
    return roles[0] if roles else None


# Forms of address written like titles (`Brother Whitlock` at a union meeting, `Father Okafor`):
# no office another holder of the surname could lack.
_ADDRESS_FORMS = frozenset({"brother", "sister", "father"})


@lru_cache(maxsize=16)
def find_actors(article: Article) -> tuple[Actor, ...]:
    """Return the people, organisations, countries and places the article names, people first,
    each kind in order of first appearance (cached per article, as its mentions are: `analyse`
    asks, then `find_quotes` again)."""
    groups: dict[tuple[ActorKind, str], list[Mention]] = {}
    for m in find_mentions(article):
        groups.setdefault((m.kind, m.key), []).append(m)
    texts = {p.n: p.text for p in article.paragraphs}
    groups = _merge_variants(groups, "\n".join(texts.values()), _honorific_titles(groups, texts))
    actors: list[tuple[tuple[int, int, int], Actor]] = []
    for (kind, key), ms in groups.items():
        aliases: list[str] = []
        for m in ms:
            alias = _THE.sub("", m.text)
            if m.form != "demonym" and alias != _THE.sub("", key) and alias not in aliases \
                    and not (kind is ActorKind.PERSON and m.form == "name"):
                aliases.append(alias)
        role = _best_role([m.role for m in ms if m.role]) if kind is ActorKind.PERSON else None
        name = key
        if kind is ActorKind.ORGANISATION and all(m.form in {"alias", "acronym"} for m in ms) \
                and ACRONYM.fullmatch(ms[0].text):
            # Only the acronym is written (`CENTO`): show it, with the expansion as an alias.
            name = ms[0].text
            aliases = [key, *(x for x in aliases if x != name)]
        actor = Actor(name=name, kind=kind, role=role, aliases=tuple(aliases),
                      paragraphs=tuple(sorted({m.paragraph for m in ms})))
        actors.append(((_KIND_ORDER[kind], ms[0].paragraph, ms[0].start), actor))
    return tuple(a for _, a in sorted(actors, key=lambda x: x[0]))


Groups = dict[tuple[ActorKind, str], list[Mention]]


def _honorific_titles(groups: Groups, texts: dict[int, str]) -> dict[str, set[str]]:
    """Return, by person, the offices the abbreviations before their name stand for (`Sen.
    Martin Aldous`: senator), which the mention's role leaves out (`Sen.` alone is no role)."""
    titles: dict[str, set[str]] = {}
    for (kind, key), ms in groups.items():
        if kind is not ActorKind.PERSON:
            continue
        for m in ms:
            before = _ABBREVIATION_BEFORE.search(texts.get(m.paragraph, ""), max(0, m.start - 12),
                                                 m.start)
            words = lexicon.HONORIFIC_WORDS.get(before.group(1).lower(), ()) if before else ()
            titles.setdefault(key, set()).update(w.capitalize() for w in words)
    return titles


def _merge_variants(groups: Groups, text: str,
                    honorifics: dict[str, set[str]] | None = None) -> Groups:
    """Return the groups with one entity's variants joined: spellings of one name first
    (`variants`), then a person named by part of one other person's full name (`Trump` by
    title, `Xi`, `Hawk Sawyer`) or by a spelling variant of it with a title both hold
    (`President Zelensky`, `Volodymyr Zelenskiy, the president of Ukraine`), and an undefined
    acronym made of the initials of one other name (`JPL`, `NY`). A part two people share
    stays apart, also when the text (`text`, the whole body) writes the other person's full
    name without the mentions knowing them (`Vice President Biden` next to `Hunter Biden` and
    `Joe Biden`)."""
    groups = _join(groups, _spellings(groups), "variant")
    people = [key for kind, key in groups if kind is ActorKind.PERSON and len(key.split()) > 1]
    for kind, key in groups:
        if kind is ActorKind.PERSON and len(key.split()) == 1:
            people += [f"{first} {key}" for first in firsts(text, key)
                       if f"{first} {key}" not in people]
    roles = {key: {m.role for m in ms if m.role} for (_, key), ms in groups.items()}
    # What a full name's holder is called by abbreviation (`Sen. Martin Aldous`) counts as a
    # title they hold when a part of the name comes with it spelled out (`Senator Aldous`).
    held = {key: roles.get(key, set()) | (honorifics or {}).get(key, set()) for key in roles}
    named = [(kind, key) for kind, key in groups
             if kind is not ActorKind.PERSON and len(key.split()) > 1]
    target: dict[tuple[ActorKind, str], tuple[ActorKind, str]] = {}
    # Each full name under its openings and closings (`Xi`, `Jinping`, `Hawk`, `Sawyer`…),
    # so finding whose part a name is stays linear however many people an article names.
    parts: dict[tuple[str, ...], list[str]] = {}
    for p in people:
        whole = p.split()
        for n in range(1, len(whole)):
            for piece in {tuple(whole[:n]), tuple(whole[-n:])}:
                parts.setdefault(piece, []).append(p)
    for kind, key in groups:
        words = key.split()
        if kind is ActorKind.PERSON:
            owners = [p for p in parts.get(tuple(words), ()) if p != key]
            if not owners and len(words) == 1 and len(people) <= MAX_COMPARED:
                # `President Zelensky` of `Volodymyr Zelenskiy`: only through a title both hold.
                owners = [p for p in people if spelling_variant(key, p.split()[-1])]
                if len(owners) != 1 or not shared_title(roles.get(key, set()),
                                                        roles.get(owners[0], set())):
                    continue
            if len(owners) == 1 and roles.get(key) and not same_title(
                    roles[key], held.get(owners[0], set())) and \
                    not {r.lower() for r in roles[key]} <= _ADDRESS_FORMS:
                continue  # `Vice President Biden` is not `Hunter Biden`, who holds no such title
            if len(owners) == 1 and (ActorKind.PERSON, owners[0]) in groups:
                target[(kind, key)] = (ActorKind.PERSON, owners[0])
        elif kind is ActorKind.ORGANISATION and len(words) == 1 and ACRONYM.fullmatch(key):
            expansions = [(k, n) for k, n in named if acronym_matches(key, n.split())]
            if len(expansions) == 1:
                target[(kind, key)] = expansions[0]
    return _join(groups, target, None)


def _spellings(groups: Groups) -> dict[tuple[ActorKind, str], tuple[ActorKind, str]]:
    """Return where each group whose name is another spelling of another group's goes: people
    by `variants.people_clusters`, organisations by `variants.org_key`, then an organisation
    named by the end of exactly one other's name."""
    target: dict[tuple[ActorKind, str], tuple[ActorKind, str]] = {}
    people = [key for kind, key in groups if kind is ActorKind.PERSON and len(key.split()) > 1]
    for cluster in people_clusters(people):
        best = max(cluster, key=lambda k: (len(groups[(ActorKind.PERSON, k)]), len(k.split()),
                                           -cluster.index(k)))
        for key in cluster:
            if key != best:
                target[(ActorKind.PERSON, key)] = (ActorKind.PERSON, best)
    by_key: dict[tuple[str, ...], list[str]] = {}
    for kind, key in groups:
        if kind is ActorKind.ORGANISATION:
            by_key.setdefault(org_key(key), []).append(key)
    for names in by_key.values():
        best = max(names, key=lambda k: (len(groups[(ActorKind.ORGANISATION, k)]),
                                         -names.index(k)))
        for key in names:
            if key != best:
                target[(ActorKind.ORGANISATION, key)] = (ActorKind.ORGANISATION, best)
    by_head: dict[str, list[str]] = {}
    for kind, key in groups:
        if kind is ActorKind.ORGANISATION and (kind, key) not in target:
            by_head.setdefault(key.split()[-1], []).append(key)
    for key in [k for names in by_head.values() for k in names]:
        longer = shorter_org_of(key, by_head[key.split()[-1]])
        if len(longer) == 1:
            target[(ActorKind.ORGANISATION, key)] = (ActorKind.ORGANISATION, longer[0])
    return target


def _join(groups: Groups, target: dict[tuple[ActorKind, str], tuple[ActorKind, str]],
          form: str | None) -> Groups:
    """Return the groups with each group in `target` moved into the group it goes to (followed
    to its end), its mentions renamed and given `form` (None: `surname` for a person,
    `acronym` for anything else)."""
    merged: Groups = {}
    for group, ms in groups.items():
        end = group
        for _ in range(len(target)):
            if end not in target:
                break
            end = target[end]
        kind, key = end
        if end == group:
            merged.setdefault(end, []).extend(ms)
            continue
        new_form = form or ("surname" if kind is ActorKind.PERSON else "acronym")
        merged.setdefault(end, []).extend(
            Mention(key=key, kind=kind, paragraph=m.paragraph, start=m.start, end=m.end,
                    text=m.text, form=new_form if kind is ActorKind.PERSON or form is None
                    else m.form, role=m.role) for m in ms)
    return {k: sorted(v, key=lambda m: (m.paragraph, m.start)) for k, v in merged.items()}
