"""The offline answerer: quotes the clause that answers, with a numbered citation each.

A question's way through it, one module a step:

1. ``question``: the question's type (count, time, person, duty, list...) and conditions
   (counted noun, places, years, document numbers, named bodies, content words);
   ``patterns``, ``lexicon`` and ``entities`` hold the words it reads them by; a district
   typed without its unit word is read as the retrieved passages name it
   (``district_units``).
2. ``passage_views``: each retrieved passage split into clauses, with what it is about
   (place, year, document number) checked against the question's conditions.
3. ``candidates`` and ``evidence``: every clause gets its signals (coverage of the
   question's words, the asked thing present, retrieval rank...), which ``scoring`` turns
   into one learned score (``clause_weights.json``, written by
   ``bench/train_clause_weights.py`` from the fit half; other thresholds are the fields of
   ``scoring.PARAMETERS``).
4. ``answerer``: reads the whole document a question names (``documents``), answers a
   named body's duties and a signer from the document's structure (``structured``,
   ``bodies``), quotes what a report files under an asked label ("khó khăn gì": ``labels``),
   compares places or lists documents (``across``), splits a double question
   (``asks``), keeps only clauses of the asked year and place (``years``) holding the asked
   kind (``counting``: a number of the counted noun), quotes the best (``quotes``), or
   refuses when the evidence lacks what the question names. Police news has steps of its
   own: who led (``leaders``) and what was seized (``seized``); a table's rows are read by
   column (``tables``).
5. A refusal with nothing of the asked kind is tried once more on the whole report of the
   place the question names, when retrieval brought that report alone of its place.
"""

from assistant.extractive.answerer import REFUSAL_TEXT, ExtractiveAnswerer

__all__ = ["REFUSAL_TEXT", "ExtractiveAnswerer"]
