"""Analysis: an `Article` in, a `Briefing` out (key points, summary, quotations, questions,
timeline, actors, figures, keywords), every item carrying the paragraph it came from.

One module per kind of fact; this module only runs them in order (actors first, since key
points and keywords weigh named actors). Deterministic and offline: the same article always
gives the same briefing.
"""

from __future__ import annotations

from ..model import Article, Briefing


def analyse(article: Article) -> Briefing:
    """Return the briefing for `article`."""
    # Imported on the first call, not with the package: the command line imports the build
    # module at start-up, and `exporter --version` should not load numpy and the word lists.
    from .actors import find_actors
    from .figures import find_figures
    from .keypoints import find_key_points
    from .keywords import find_keywords
    from .questions import find_questions
    from .quotes import find_quotes
    from .sentences import article_sentences
    from .summary import summarise
    from .timeline import find_events

    # Split once up front: the splitter is chosen for the whole article (a book-length text
    # goes to the linear one) and every stage then reuses the cached sentences.
    article_sentences(article)
    actors = find_actors(article)
    # Found once: the key points inside a quotation take its speaker from them.
    quotes = find_quotes(article)
    key_points = find_key_points(article, actors, quotes)
    return Briefing(
        article=article,
        key_points=key_points,
        summary=summarise(article),
        quotes=quotes,
        questions=find_questions(article),
        timeline=find_events(article),
        actors=actors,
        figures=find_figures(article),
        keywords=find_keywords(article, actors),
    )


__all__ = ["analyse"]
