"""The temporal tagger: patterns and rules find expressions, normalisers give them TIMEX3 values against the publication date."""
