"""The actor-duplicates bench: its judge finds the pairs and the junk it is meant to, and its
report runs (or says there is nothing to read) with or without ../shared."""

from __future__ import annotations

from bench.actor_dups import duplicates, junk, main
from exporter.model import Actor, ActorKind

from ..analysis import make_article


def person(name: str) -> Actor:
    return Actor(name=name, kind=ActorKind.PERSON, role=None, aliases=(), paragraphs=(1,))


def org(name: str) -> Actor:
    return Actor(name=name, kind=ActorKind.ORGANISATION, role=None, aliases=(), paragraphs=(1,))


def test_duplicates_found() -> None:
    actors = [person("Volodymyr Zelenskiy"), person("Zelensky"), person("John M. Ford"),
              person("John Milo Ford"), org("U.N. Security Council"), org("UN Security Council"),
              org("Keck Observatory"), org("W.M. Keck Observatory"), org("JPL"),
              org("Jet Propulsion Laboratory")]
    assert len(duplicates(actors)) == 5


def test_shared_surnames_and_different_middles_are_no_duplicates() -> None:
    actors = [person("Mary Trump"), person("Donald Trump"), person("Trump"),
              person("George H.W. Bush"), person("George W. Bush"), person("Kim Jong-un"),
              person("Kim Jong-il")]
    assert duplicates(actors) == []


def test_junk_found() -> None:
    article = make_article("GET OUT and VOTE: every vote counts.")
    actors = [org("X."), org("P.I."), org("ES8"), org("Monday"), org("VOTE"), org("NATO"),
              person("Joe Biden")]
    assert junk(actors, article) == ["X.", "P.I.", "ES8", "Monday", "VOTE"]


def test_runs_on_a_few_pages() -> None:
    assert main(["--limit", "2"]) == 0
