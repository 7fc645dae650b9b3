"""The offline answerer: quotes the clause that answers, with a numbered citation each.

A question's way through it, one module a step:

1. ``question``: the question's type (count, time, person, duty, list...) and conditions
   (counted noun, places, years, document numbers, named bodies, content words);
   ``patterns``, ``lexicon`` and ``entities`` hold the words it reads them by.
2. ``passage_views``: each retrieved passage split into clauses, with what it is about
   (place, year, document number) checked against the question's conditions.
3. ``candidates`` and ``evidence``: every clause gets its signals (coverage of the
   question's words, the asked thing present, place/year/number agreement, rank).
4. ``answerer``: the signals are combined into one score, the best clause that holds
   what was asked is quoted (``quotes``: with the lead-in or heading it needs), or the
   answerer refuses when the evidence lacks what the question names.
"""

from assistant.extractive.answerer import REFUSAL_TEXT, ExtractiveAnswerer

__all__ = ["REFUSAL_TEXT", "ExtractiveAnswerer"]
