"""Matching words as typed: folding text, the nearest known words, the shape of a suggestion, the
vocabulary's error."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence


class VocabularyError(ValueError):
    """A word that is not in the vocabulary; the message names it and suggests the nearest."""


def folded(text: object) -> str:
    """Text for comparing: straight apostrophes, any run of white space one space, case folded. The one
    base every matcher builds on (keywords here, authorities' names, release headers, report headings)."""
    return " ".join(str(text).replace("’", "'").split()).casefold()


def _norm(text: str) -> str:
    """A keyword as typed: 'Requires-improvement', 'requires_improvement' and 'requires improvement' alike."""
    return folded(text.replace("_", " ").replace("-", " "))


# How near a misspelling must be to a known word, an authority's name or a visit's id to be suggested.
NEAR_CUTOFF = 0.6


def nearest(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The choices nearest to ``word`` in spelling, nearest first (at most ``n``)."""
    return difflib.get_close_matches(word, list(choices), n=n, cutoff=NEAR_CUTOFF)


def did_you_mean(near: Sequence[str], quote: bool = False) -> str:
    """'; did you mean A, B or C?' (each quoted where it is a word to type), or '' for none: the one
    shape of every suggestion the tool makes."""
    if not near:
        return ""
    from ..words import and_list

    items = [f"'{x}'" if quote else x for x in near]
    return f"; did you mean {and_list(items, last='or')}?"


def suggest(word: str, choices: Iterable[str]) -> str:
    """'; did you mean 'x'?' for the nearest keyword, or '' when nothing is near."""
    return did_you_mean(nearest(word, choices, n=1), quote=True)
