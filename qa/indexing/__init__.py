"""Stage 2, indexing: the index on disk and its incremental refresh. The sentence encoder (its
onnxruntime backend, the Ray Data path for many machines), the FAISS dense index, BM25 (bm25s) with
the one tokenizer every stage shares, spaCy entity kinds per sentence, and the store (plain files
plus a JSON manifest, checked on load).

May import from qa: config, errors, results, models, ingest.
"""
