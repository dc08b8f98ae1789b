"""Errors raised on bad input. Each subclasses ValueError and says how to fix the problem."""
from __future__ import annotations


class QAError(ValueError):
    """Base class of every input error this package raises."""


class EmptyQuestionError(QAError):
    def __init__(self) -> None:
        super().__init__("The question is empty: type a question, e.g. 'Who makes Meta's MTIA chips?'")


class QuestionTooLongError(QAError):
    def __init__(self, length: int, limit: int) -> None:
        super().__init__(
            f"The question is {length:,} characters long; the limit is {limit:,}. "
            "Ask a shorter question."
        )


class EmptyCorpusError(QAError):
    def __init__(self, corpus: str, reason: str = "it holds no readable .txt or .md article") -> None:
        super().__init__(
            f"Cannot index corpus directory {corpus!r}: {reason}. "
            "Put UTF-8 .txt or .md articles in it, or pass another directory with --corpus."
        )


class IndexMismatchError(QAError):
    """An index on disk was built for something else (model, format) and cannot be reused."""


class BadDocumentError(QAError):
    """An article cannot be indexed (empty, binary, not UTF-8, too large)."""


class ArticleChangedError(QAError):
    """An article's file no longer holds the text its index was built from (changed on disk after
    the index was loaded and before the freshness check saw it)."""

    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path} changed on disk after its index was loaded; ask again: the index is refreshed "
            "from the new text first."
        )
        self.path = path
