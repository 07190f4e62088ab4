"""Countries under every name a story gives them: "Russia", "Russian", "Russian Federation" and
"Moscow" (news names a government by its capital) are one place to a question.

The names come from countryinfo's data (name, demonym, capital and other spellings of about 250
countries). Only one-word names are kept, since questions are matched word by word; ISO codes
("IS", "CAN", "AND") are left out, being more often something else; a word that names two
countries ("American", "Chinese") names the more populous.
"""

from __future__ import annotations

import functools
from collections import defaultdict

from storyline.summarize.text.sentences import stem


@functools.cache
def places() -> dict[str, str]:
    """Stem of a one-word name -> the country it names ("moscow" -> "russia")."""
    from countryinfo import all_countries  # loads 250 small files: only when a question is asked

    owners: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for country in all_countries():
        name = country.name()
        codes = set(country.iso().values()) if country.iso() else set()
        capital: str | list[str] = country.capital() or []  # a list for countries with several
        capitals: list[str] = [capital] if isinstance(capital, str) else list(capital)
        forms = [name, country.demonym() or "", *(c.removesuffix(" D.C.") for c in capitals),
                 *country.alt_spellings()]
        for form in forms:
            if form and " " not in form and form not in codes and form.isascii() and len(form) > 2:
                owners[stem(form)].append((country.population() or 0, name.lower()))
    return {word: max(named)[1] for word, named in owners.items()}


def place_of(term: str) -> str | None:
    """The country a stemmed name stands for, if it names one."""
    return places().get(term)
