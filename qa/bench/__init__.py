"""Benchmarks: scripts that print figures (speed, scale, embedding variants, load, the app in a
browser, retrieval, conflicts, cross-encoder backends). ``python -m qa.bench`` runs the main one
(``make bench``). Run by hand, never by ``qa.ask()`` or the app.

May import anything in qa; nothing in qa imports it.
"""
