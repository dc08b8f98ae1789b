"""Stage 5, conflicts: statements of different sources that cannot both be true. Corpus-wide
(per pair of documents, cached beside the index) and per question (each source's answer,
near-copies that swap a value, namesakes). How they are found and measured: README.md here.

May import from qa: config, errors, results, models, ingest, indexing, retrieval, reading.
"""
