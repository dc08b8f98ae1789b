"""Stage 3, retrieval: hybrid search over a loaded index (FAISS dense + BM25, fused) returning
scored chunks.

May import from qa: config, errors, results, models, ingest, indexing.
"""
