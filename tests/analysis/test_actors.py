"""Actors: people with roles, organisations with acronyms, countries with aliases merged."""

from __future__ import annotations

import json

import pytest

from exporter.analysis.actors import find_actors, gazetteer
from exporter.model import Actor, ActorKind, Article

from . import SAMPLE_NAME, SHARED, make_article, sample_article


def by_name(article: Article) -> dict[str, Actor]:
    return {a.name: a for a in find_actors(article)}


@pytest.fixture
def sample() -> Article:
    article = sample_article()
    if article is None:
        pytest.skip("../shared is not present")
    return article


@pytest.fixture
def gold() -> dict[str, object]:
    path = SHARED / "gold" / f"{SAMPLE_NAME}.json"
    if not path.is_file():
        pytest.skip("../shared is not present")
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))["actors"]
    return data


def test_sample_people_with_roles(sample: Article) -> None:
    people = {a.name: (a.role, a.paragraphs) for a in find_actors(sample)
              if a.kind is ActorKind.PERSON}
    assert people == {
        "Vladimir Putin": ("President of the Russian Federation", (1, 9)),
        "Liaquat Ali Khan": ("Prime Minister of Pakistan", (3,)),
        "Z.A. Bhutto": ("head of Pakistan’s government", (3,)),
        "Dmitriy Frolovskiy": ("Moscow-based political analyst and writer", (4, 7)),
        "Oleg Salyukov": ("Russian Army Commander-in-Chief", (4,)),
        "Narendra Modi": ("Prime Minister of India", (9,)),
    }
    assert by_name(sample)["Narendra Modi"].aliases == ("Modi",)


def test_sample_organisations(sample: Article, gold: dict[str, list[str]]) -> None:
    orgs = [a for a in find_actors(sample) if a.kind is ActorKind.ORGANISATION]
    names = {n for a in orgs for n in (a.name, *a.aliases)}
    for expected in gold["organisations"]:
        assert expected.replace(" (SCO)", "") in names
    assert len(orgs) == len(gold["organisations"])
    sco = by_name(sample)["Shanghai Cooperation Organization"]
    assert sco.aliases == ("SCO",) and sco.paragraphs == (2, 4, 8)


def test_sample_countries_and_aliases(sample: Article, gold: dict[str, object]) -> None:
    actors = by_name(sample)
    countries = [a.name for a in actors.values() if a.kind is ActorKind.COUNTRY]
    assert sorted(countries) == sorted(gold["countries"])  # type: ignore[call-overload]
    aliases: dict[str, list[str]] = gold["aliases"]  # type: ignore[assignment]
    body = " ".join(p.text for p in sample.paragraphs)
    for country, expected in aliases.items():
        # The gold lists spellings the text does not use (`U.S.`); check those it does.
        written = {e for e in expected if f"{e} " in body or f"{e}-" in body or f"{e}’" in body}
        assert written <= set(actors[country].aliases), country
    # Demonyms count as mentions but are never shown as names.
    assert "Russian" not in actors["Russia"].aliases


def test_sample_has_no_junk(sample: Article) -> None:
    names = {n.lower() for a in find_actors(sample) for n in (a.name, *a.aliases)}
    for junk in ("however", "since", "unfortunately", "the", "june", "july", "march", "yet",
                 "second", "jihad", "lng", "russian-pakistani renaissance", "khan"):
        assert junk not in names


def test_sorted_by_kind_then_first_appearance(sample: Article) -> None:
    actors = find_actors(sample)
    order = [ActorKind.PERSON, ActorKind.ORGANISATION, ActorKind.GROUP, ActorKind.COUNTRY,
             ActorKind.PLACE]
    kinds = [order.index(a.kind) for a in actors]
    assert kinds == sorted(kinds)
    assert [a.name for a in actors][:2] == ["Vladimir Putin", "Liaquat Ali Khan"]
    assert find_actors(sample) == actors


def test_roles_from_titles_and_appositives() -> None:
    actors = by_name(make_article(
        "German Chancellor Olaf Brandt met the French President in Paris on Monday.",
        "Maria Okafor, a senior economist at the Central Bank of Nigeria, said prices had peaked.",
        "Dr. Hamid Rauf told the conference that the dam was safe.",
        "Brandt later flew home. Okafor did not comment.",
    ))
    assert actors["Olaf Brandt"].role == "Chancellor of Germany"
    assert actors["Olaf Brandt"].paragraphs == (1, 4)
    assert actors["Maria Okafor"].role == "senior economist at the Central Bank of Nigeria"
    assert actors["Hamid Rauf"].kind is ActorKind.PERSON
    assert actors["Central Bank of Nigeria"].kind is ActorKind.ORGANISATION
    assert actors["Germany"].kind is actors["France"].kind is ActorKind.COUNTRY
    assert "Paris" in actors["France"].aliases
    assert "Monday" not in actors


def test_acronyms_join_expansions_and_stand_alone() -> None:
    actors = by_name(make_article(
        "The Pakistan Business Council (PBC) and the World Food Programme met in Geneva.",
        "Later the PBC said exports to NATO members rose. GDP grew, and so did LNG imports.",
        "It also cited liquefied natural gas (LNG) prices.",
    ))
    assert actors["Pakistan Business Council"].aliases == ("PBC",)
    assert actors["Pakistan Business Council"].paragraphs == (1, 2)
    assert actors["World Food Programme"].kind is ActorKind.ORGANISATION
    assert actors["NATO"].kind is ActorKind.ORGANISATION
    assert "GDP" not in actors and "LNG" not in actors


def test_capital_stays_a_place_when_its_country_is_not_named() -> None:
    actors = by_name(make_article("Talks were held in Tashkent and later in Washington.",
                                  "The United States welcomed them."))
    assert actors["Tashkent"].kind is ActorKind.PLACE
    assert "Washington" in actors["United States"].aliases


def test_metonyms_merge_into_their_country() -> None:
    actors = by_name(make_article("The White House and Downing Street issued a joint statement."))
    assert actors["United States"].aliases == ("White House",)
    assert actors["United Kingdom"].aliases == ("Downing Street",)


def test_gazetteer_covers_the_world() -> None:
    gaz = gazetteer()
    countries = {e.canonical for e in gaz.entries.values() if e.kind is ActorKind.COUNTRY}
    assert len(countries) >= 190
    assert gaz.entries[("kremlin",)].canonical == "Russia"
    assert gaz.entries[("russian",)].form == "demonym"


def test_empty_article() -> None:
    assert find_actors(make_article()) == ()


def test_role_before_comma_and_name_with_owner() -> None:
    actors = by_name(make_article(
        "On Monday, Tajikistan’s Minister of Energy and Water Resources, Jamshed Rahimov, met "
        "officials in Dushanbe.",
        "“Prices will fall,” said Javier Olmos, chief executive of Almacena, a start-up.",
        "Save the Children warned that aid was running out."))
    assert actors["Jamshed Rahimov"].role == "Tajikistan’s Minister of Energy and Water Resources"
    assert actors["Javier Olmos"].role == "chief executive of Almacena"
    assert actors["Save the Children"].kind is ActorKind.ORGANISATION
