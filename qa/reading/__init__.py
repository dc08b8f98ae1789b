"""Stage 4, reading: the extractive reader. Picks the answer sentence(s) from the retrieved
passages (exact and soft word matching, a cross-encoder over the top candidates), the short answer,
and whether to abstain (what the question asks for: answer type, currency, counted unit, version).
Also reads a question typed without capitals (truecase). How it was fitted: README.md here. The
fitted weights it ships are in data/ (data/MANIFEST.json names how each file was made).

May import from qa: config, errors, results, models, ingest, indexing, retrieval.
"""
