"""Stage 1, ingest: article files become Documents (byte-exact raw text; title, date, outlet; page
furniture marked without shifting offsets), text views with offset maps and sentence spans, and
sentence-aware chunks within a tiktoken budget.

May import from qa: config, errors, models. Nothing from a later stage.
"""
