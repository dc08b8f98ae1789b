"""Offline, citation-first extractive question answering over news articles.

    import qa
    a = qa.ask("Which foundry will make Meta's MTIA chips?")
    a.answer, a.short_answer, a.citations[0].doc_id, a.conflicts
"""
from .api import ask, build_index
from .errors import QAError
from .results import Answer, Citation, Conflict

__all__ = ["ask", "build_index", "Answer", "Citation", "Conflict", "QAError"]
