"""Web page metadata: the article's headline, publication date, authors and address.

A page states its metadata several times over, and the statements disagree: the window `<title>`
carries the site name or a section label, og:title may be a social-media rewrite, JSON-LD
`datePublished` is often in UTC while the page prints the publisher's local day, and `meta author`
can name the publisher. The rules here, in order of trust:

- **title**: the page's `<h1>` when a metadata title (og:title, JSON-LD headline, the window
  title…) agrees with it, since that is the headline the reader sees; when none agrees, the
  first h1 the page shows as a headline (og:title is often a rewrite for social media);
  otherwise the first metadata title, without the site's name before or after it.
- **date**: statements of publication only (JSON-LD `datePublished`, `article:published_time`,
  `DC.date`…, `<time itemprop=datePublished>`), never a modified or "Updated" stamp; trafilatura's
  htmldate finding when there is none. A timestamp gives way to the day printed on the page or in
  its address when the two are one day apart: the timestamp is in another time zone.
- **authors**: each source (JSON-LD authors, each `meta author` kin, the first byline element,
  trafilatura's finding) gives its people, each credit split on "and", commas and bars, without
  "By", roles, handles, dates or a bio; the people most sources agree on win (a `meta author`
  can name a web producer), then the printed byline's, then the more trusted source's. An agency
  or the site itself counts only when no person is credited.

Nothing here fetches anything; the tree is the page as given.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ..normalise import clean_inline
from .bylines import credit_names, is_organisation
from .masthead import STAMP, squash
from .pagedate import day_of, days_apart, has_time, printed_day

_ORGANISATION_TYPES = re.compile(r"Organi[sz]ation$|^(?:Corporation|NGO|GovernmentOrganization)$")
_ARTICLE_TYPES = re.compile(r"(?:Article|BlogPosting|Report|LiveBlogPosting|Review|Posting)$")
_TITLE_KEYS = ("og:title", "twitter:title", "title", "dc.title", "dcterms.title",
               "sailthru.title", "parsely-title")
_SITE_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title",
              "twitter:site")
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author",
                "parsely-author", "byl", "citation_author", "article_author")
# Meta names that state when an article was published (modified, updated and expiry never).
_PUBLISHED_KEYS = re.compile(
    r"^(?:article[:._]published(?:_time)?|og:(?:article:)?published_time|datepublished|"
    r"pubdate|publishdate|publish[-_]date|published[-_](?:at|date|time)|pub_date|"
    r"article_date_original|original-publish-date|dc\.date(?:\.issued|\.created)?|"
    r"dcterms\.(?:date|issued|created)|date|sailthru\.date|parsely-pub-date|"
    r"datecreated|article\.created|cxenseparse:recs:publishtime|[\w.:-]*post-date)$")
_SEPARATORS = re.compile("\\s+(?:\\||-|\u2013|\u2014|::|\u00b7|\u2022|\u00bb|/)\\s+|:\\s+")
_BYLINE_CLASS = re.compile(r"byline|author|writer|contributor", re.IGNORECASE)
_DATE_CLASS = re.compile(r"date|time|byline|publish|posted|dateline", re.IGNORECASE)
_NOT_BYLINE = re.compile(r"comment|related|recommend|footer|share|social|avatar|image|photo|"
                         r"caption|gallery|credit",
                         re.IGNORECASE)
_ZONED = re.compile(r"(?:Z|[+-]\d\d:?\d\d|\b(?:UTC|GMT))\s*$")
_UPDATED_MARK = re.compile(r"updated|modified|lastmod", re.IGNORECASE)
# `By`, and its kin in other languages (`Por`, `Von`, `Par`, `Door`, `Di`, `Av`, `Af`, `Przez`).
_BY_WORD = re.compile(r"^\s*(?:by|por|von|par|door|di|av|af|przez)\b", re.IGNORECASE)
_BY = re.compile(r"^(?:by|por|von|par|door|di|av|af|przez)\s+[^\W\d_]", re.IGNORECASE)
_FURNITURE = ("nav", "footer", "aside", "form")


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the page says about its article; None (or empty) where it says nothing usable."""

    title: str | None
    date: str | None
    authors: tuple[str, ...]
    url: str | None
    """The article's canonical address (`<link rel=canonical>`, then og:url)."""
    site: str | None
    headlines: tuple[str, ...]
    """Every form of the headline the page gives, so the body can drop its repeat."""


def read_page_meta(tree: etree._Element, *, title: str | None, date: str | None,
                   author: str | None, site: str | None, url: str | None) -> PageMeta:
    """Return the page's metadata; the keyword arguments are trafilatura's findings."""
    metas = _meta_tags(tree)
    article, nodes = _json_ld(tree)
    sites = _site_names(metas, article, site, url)
    h1s = [t for h in tree.iter("h1") if (t := _text(h))]
    # Headlines a reader sees: not in navigation, footers or asides (`Popular stories`).
    shown = [t for h in tree.iter("h1") if (t := _text(h)) and not _in_furniture(h)]
    meta_titles = [t for k in _TITLE_KEYS for t in metas.get(k, ())]
    headline = _clean(article.get("headline")) if article else None
    window = [_text(t) for t in tree.iter("title")][:1]
    candidates = [t for t in (*meta_titles[:2], headline, *meta_titles[2:], *window, title) if t]
    chosen = _headline(h1s, shown, candidates, sites)
    return PageMeta(
        title=chosen, date=_date(tree, metas, article, url) or (day_of(date) if date else None),
        authors=_authors(tree, metas, article, nodes, sites, author),
        url=_address(tree, metas) or url, site=sites[0] if sites else None,
        headlines=tuple(dict.fromkeys(
            t for t in (chosen, *h1s[:1], *(strip_site(c, sites) for c in candidates)) if t)))


# --- reading the page -----------------------------------------------------------------------


def _text(element: etree._Element) -> str:
    return clean_inline(" ".join(element.itertext()))


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return clean_inline(html.unescape(value)) or None


def _meta_tags(tree: etree._Element) -> dict[str, list[str]]:
    """Return `<meta>` contents by lower-cased name, property or itemprop, in page order."""
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = _clean(meta.get("content"))
        if key and content:
            found.setdefault(key.strip(), []).append(content)
    return found


def _json_ld(tree: etree._Element) -> tuple[dict[str, Any] | None, dict[str, dict[str, Any]]]:
    """Return the JSON-LD node describing the article (if any) and every node by its @id."""
    nodes: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"), strict=False)
        except ValueError:
            continue
        nodes.extend(_flatten(data))
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    typed = [n for n in nodes if any(_ARTICLE_TYPES.search(t) for t in _types(n))]
    article = next(iter(typed), None) or next((n for n in nodes if "headline" in n), None)
    return article, by_id


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"])


def _types(node: dict[str, Any]) -> list[str]:
    kind = node.get("@type")
    return [kind] if isinstance(kind, str) else [k for k in kind or () if isinstance(k, str)]


def _site_names(metas: dict[str, list[str]], article: dict[str, Any] | None, site: str | None,
                url: str | None) -> list[str]:
    """Return the names the site goes by: og:site_name, the publisher, the host name."""
    names = [n for k in _SITE_KEYS for n in metas.get(k, ()) if not n.startswith("@")]
    publisher = article.get("publisher") if article else None
    if isinstance(publisher, dict) and (name := _clean(publisher.get("name"))):
        names.append(name)
    if site:
        names.append(site)
    if url:
        host = re.sub(r"^[a-z]+://(www\d?\.)?", "", url.lower()).split("/")[0]
        names.extend((host, host.rsplit(".", 1)[0]))
    return list(dict.fromkeys(n for n in names if n and not n.startswith("http")))


def _address(tree: etree._Element, metas: dict[str, list[str]]) -> str | None:
    """Return the canonical address the page gives itself, if an absolute http(s) one."""
    links: list[str] = [str(link.get("href") or "") for link in tree.iter("link")
                        if "canonical" in str(link.get("rel") or "").lower().split()]
    candidates: list[str] = [*links, *metas.get("og:url", ())]
    return next((h.strip() for h in candidates if re.match(r"^https?://\S+$", h.strip())), None)


# --- title ----------------------------------------------------------------------------------


def strip_site(title: str, sites: list[str]) -> str:
    """Return `title` without a site name before or after it (`… | Site`, `Site: …`)."""
    for name in sorted(sites, key=len, reverse=True):
        if len(squash(name)) < 2:
            continue
        pattern = re.escape(name)
        cut = re.sub(rf"^\s*{pattern}\s*(?:[|:\-\u2013\u2014\u00b7\u2022\u00bb]+)\s*", "", title,
                     flags=re.IGNORECASE)
        cut = re.sub(rf"\s*(?:[|:\-\u2013\u2014\u00b7\u2022\u00bb]+)\s*{pattern}\s*$", "", cut,
                     flags=re.IGNORECASE)
        if cut != title and len(cut) >= 3:
            return strip_site(cut, sites)
    parts = _SEPARATORS.split(title)
    separators = list(_SEPARATORS.finditer(title))
    if len(parts) > 1:
        keys = {squash(s) for s in sites if len(squash(s)) >= 4}
        if _site_like(parts[-1], keys):
            return title[: separators[-1].start()].strip()
        if _site_like(parts[0], keys):
            return title[separators[0].end():].strip()
    return title


def _site_like(part: str, keys: set[str]) -> bool:
    squashed = squash(part)
    if len(part.split()) > 6 or len(squashed) < 4:
        return False
    return any(squashed.startswith(k) or k.startswith(squashed) for k in keys)


def _agrees(h1: str, title: str) -> bool:
    """Return True when `title` is the headline `h1`, maybe with a site or section around it."""
    key, whole = squash(h1), squash(title)
    if not key:
        return False
    if key == whole or any(squash(p) == key for p in _SEPARATORS.split(title)):
        return True
    return len(key) >= 12 and (whole.startswith(key) or whole.endswith(key))


def _headline(h1s: list[str], shown: list[str], candidates: list[str], sites: list[str]
              ) -> str | None:
    """Return the article's headline: the h1 a metadata title agrees with, else the first h1
    shown as a headline, else the first metadata title without the site's name."""
    site_keys = {squash(s) for s in sites}
    h1s = [h for h in h1s if squash(h) not in site_keys]
    for h1 in h1s:
        if any(_agrees(h1, c) for c in candidates):
            return h1
    # No metadata title agrees (og:title is often a social-media rewrite): the page's own
    # headline is what it shows, when it shows one of a headline's length.
    shown = [h for h in shown if squash(h) not in site_keys and len(h.split()) >= 3]
    if shown:
        return shown[0]
    stripped = [strip_site(c, sites) for c in candidates]
    if stripped:
        # A metadata title that another one contains whole is the headline without decoration.
        first = stripped[0]
        for other in stripped[1:]:
            if other != first and _agrees(other, first) and len(other) >= 12:
                return other
        return first
    return next((h for h in h1s if len(h.split()) >= 2), None)


# --- date -----------------------------------------------------------------------------------


def _date(tree: etree._Element, metas: dict[str, list[str]], article: dict[str, Any] | None,
          url: str | None) -> str | None:
    """Return the publication day the page states, corrected to its own local day."""
    stated = [article.get(k) for k in ("datePublished", "dateCreated")] if article else []
    stated += [v for k, vs in metas.items() if _PUBLISHED_KEYS.match(k) for v in vs]
    stated += [t.get("datetime") for t in tree.iter("time")
               if (t.get("itemprop") or "").lower() == "datepublished"
               or t.get("pubdate") is not None]
    texts = [v for v in stated if isinstance(v, str)]
    # A timestamp written without a time zone is the publisher's local time.
    local = [d for v in texts if has_time(v) and not _ZONED.search(v) and (d := day_of(v))]
    for value in texts:
        if (day := day_of(value)) is not None:
            if has_time(value) and (fixed := _local_day(tree, url, day, local)) is not None:
                return fixed
            return day
    return None


def _local_day(tree: etree._Element, url: str | None, day: str, local: list[str]
               ) -> str | None:
    """Return the day the page prints (or its address holds) if a day off `day`, else None."""
    for printed in _printed_days(tree, url):
        if printed == day:
            return None
        if days_apart(printed, day) == 1:
            return printed
    # Weaker: another statement of the page in local time (some write UTC without a zone).
    return next((d for d in local if days_apart(d, day) == 1), None)


def _printed_days(tree: etree._Element, url: str | None) -> Iterator[str]:
    """Yield the days printed in the page's date and byline elements, then its address's."""
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        marks = " ".join(filter(None, (element.get("class"), element.get("itemprop"))))
        if element.tag != "time" and not _DATE_CLASS.search(marks):
            continue
        if (_UPDATED_MARK.search(marks) and "publish" not in marks.lower()) \
                or _in_furniture(element):
            continue  # `<time class="updated">`: when it changed, not when it appeared
        # `November 18, 2019 at 2:26 PM - Updated November 18`: only what precedes the label.
        text = STAMP.split(_text(element))[0]
        if len(text) > 150:
            continue
        if (found := printed_day(text)) is not None:
            yield found
    # An address made from a UTC timestamp can be a day off too, so it comes last.
    if url and (match := re.search(r"/(20\d\d|19\d\d)[/-](\d\d)[/-](\d\d)(?:/|-|$)", url)):
        yield "-".join(match.groups())


def _in_furniture(element: etree._Element) -> bool:
    """Return True inside navigation, a footer, an aside or a form, or the site's own header."""
    ancestors = [a.tag for a in element.iterancestors()]
    if any(tag in _FURNITURE for tag in ancestors):
        return True
    return "header" in ancestors and "article" not in ancestors and "main" not in ancestors


# --- authors --------------------------------------------------------------------------------


def _authors(tree: etree._Element, metas: dict[str, list[str]], article: dict[str, Any] | None,
             nodes: dict[str, dict[str, Any]], sites: list[str], found: str | None
             ) -> tuple[str, ...]:
    """Return the people credited, or the one organisation credited when no person is."""
    ld_people, ld_organisations = _ld_credits(article, nodes)
    sources: list[list[str]] = [
        ld_people,
        *([v for v in metas.get(k, ()) if not re.match(r"https?:", v)] for k in _AUTHOR_KEYS),
        _byline_text(tree),
        [n for n in (found or "").split(";") if n.strip()],
    ]
    # JSON-LD says which credits are organisations (`{"@type": "Organization", "name": "Sky"}`).
    organisations: list[str] = [n for c in ld_organisations for n in credit_names(c)][:1]
    found_people: list[list[str]] = []
    for credits in sources:
        people: list[str] = []
        for credit in credits:
            for name in (_without_site(n, sites) for n in credit_names(credit)):
                if is_organisation(name, sites):
                    organisations.append(name)
                elif name not in people:
                    people.append(name)
        found_people.append(people)
    # trafilatura's list (the last source) only votes, or speaks when no other source does.
    ranked = [people for people in found_people[:-1] if people]
    if not ranked:
        # An organisation the page credits beats a person trafilatura guessed (a photographer).
        return tuple(organisations[:1]) or tuple(found_people[-1])
    # Sources disagree when `meta author` names a web producer or the publisher: the people
    # most sources name win, then those the printed byline names, then the more trusted source.
    keys = [{squash(n) for n in people} for people in found_people if people]
    printed = {squash(n) for n in found_people[-2]}
    support = [sum(1 for other in keys if other & mine) + 0.5 * bool(printed & mine)
               for mine in ({squash(n) for n in people} for people in ranked)]
    best = ranked[support.index(max(support))]
    # A source that names the same people and more (JSON-LD often keeps only the first) is
    # the complete credit.
    chosen = {squash(n) for n in best}
    fuller: list[list[str]] = sorted((p for p in ranked if {squash(n) for n in p} > chosen),
                                     key=len)
    return tuple(fuller[-1] if fuller else best)


def _ld_credits(article: dict[str, Any] | None, nodes: dict[str, dict[str, Any]]
                ) -> tuple[list[str], list[str]]:
    """Return the JSON-LD author credits: those that may name people, and organisations'."""
    if not article:
        return [], []
    value = article.get("author") or article.get("creator")
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    organisations: list[str] = []
    for item in items:
        ref = item.get("@id") if isinstance(item, dict) else None
        if isinstance(item, dict) and "name" not in item and isinstance(ref, str) and ref in nodes:
            item = nodes[ref]
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, list):  # `"name": ["Ana Ortiz"]`
            name = next((n for n in name if isinstance(n, str)), None)
        if (text := _clean(name)) is None:
            continue
        kinds = _types(item) if isinstance(item, dict) else []
        if any(_ORGANISATION_TYPES.search(k) for k in kinds):
            organisations.append(text)
        else:
            names.append(text)
    return names, organisations


def _without_site(name: str, sites: list[str]) -> str:
    """Return `name` without the site's name glued after it (`Ana Ortiz Florida Today`)."""
    words = name.split()
    keys = {squash(s) for s in sites if len(squash(s)) >= 4}
    for size in range(1, len(words) - 1):
        if squash(" ".join(words[-size:])) in keys:
            return " ".join(words[:-size])
    return name


def _byline_text(tree: etree._Element) -> list[str]:
    """Return the first byline on the page that names anyone, if it names a person.

    A byline element often holds the names in elements of their own (`<span class=author>`)
    beside an affiliation and a date; when one inside it names more people, it is the credit.
    """
    candidates = list(_byline_candidates(tree))
    for index, (element, text) in enumerate(candidates):
        if not credit_names(text):
            continue
        people = _people_in(text)
        if not people:
            return []
        for inner, inner_text in candidates[index + 1:]:
            if element in inner.iterancestors() and _people_in(inner_text) > people:
                return [inner_text]
        return [text]
    return []


def _people_in(credit: str) -> int:
    return sum(1 for name in credit_names(credit) if not is_organisation(name, []))


def _byline_candidates(tree: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """Yield the short texts of elements marked as bylines, then of `By Jane Doe …` lines."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("body", "html", "article"):
            continue
        marks = " ".join(filter(None, (element.get("class"), element.get("rel"),
                                       element.get("itemprop"), element.get("id"))))
        if not _BYLINE_CLASS.search(marks) or _NOT_BYLINE.search(marks):
            continue
        if _in_furniture(element) or any(_NOT_BYLINE.search(a.get("class") or "")
                                         for a in element.iterancestors()):
            continue
        text = _text(element)
        if 2 < len(text) <= 120:
            yield element, text
    for element in tree.iter("p", "div", "span", "h3", "h4", "h5", "h6"):
        # Only elements whose own text opens with "By" (reading every div's text is quadratic).
        if not _BY_WORD.match(element.text or "") or _in_furniture(element):
            continue
        text = _text(element)
        if len(text) <= 120 and _BY.match(text):
            yield element, text
