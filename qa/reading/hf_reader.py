"""Optional neural reader: any Hugging Face extractive-QA model, by hub name or local path.

Nothing is downloaded at run time: pass a local directory (or a name already in the local HF
cache with HF_HUB_OFFLINE=1). transformers is imported lazily, and models live in the one
process-wide cache of qa.models.

transformers 5 dropped the ``pipeline("question-answering")`` task, so this module does what that
pipeline did, with the same scoring, on top of ``AutoModelForQuestionAnswering`` and a fast
tokenizer: question/context pairs with overflowing windows (stride), softmax over the context
tokens of each window for the start and the end, best span start<=end<start+max_answer_len, and
the token offsets mapped back to character offsets of the given context. It works with
transformers 4 and 5 alike.
"""
from __future__ import annotations

import os
from typing import Sequence

from ..models import cached_model

__all__ = ["read", "Reader", "get_reader", "neural_pick"]



class Reader:
    def __init__(self, model: str, max_seq_len: int = 384, doc_stride: int = 128,
                 max_answer_len: int = 30, batch_size: int = 8):
        from transformers import AutoModelForQuestionAnswering, AutoTokenizer  # lazy

        self.tokenizer = AutoTokenizer.from_pretrained(model)
        if not getattr(self.tokenizer, "is_fast", False):
            raise ValueError(f"{model}: a fast tokenizer is needed to map answers to offsets")
        self.model = AutoModelForQuestionAnswering.from_pretrained(model)
        self.model.eval()
        self.max_seq_len = max_seq_len
        self.doc_stride = min(doc_stride, max_seq_len // 2)
        self.max_answer_len = max_answer_len
        self.batch_size = batch_size

    def read(self, question: str, contexts: Sequence[str], top_k: int | None = None
             ) -> list[tuple[int, int, int, float]]:
        """Best span of each context as (context index, start, end, score), best first.

        ``context[start:end]`` is the answer (whitespace stripped); ``score`` is the product of the
        start and end probabilities within the context window, as the HF pipeline reports it.
        """
        import numpy as np
        import torch

        contexts = list(contexts)
        keep = [i for i, c in enumerate(contexts) if c.strip()]
        if not keep or not question.strip():
            return []
        enc = self.tokenizer(
            [question] * len(keep), [contexts[i] for i in keep], truncation="only_second",
            max_length=self.max_seq_len, stride=self.doc_stride, return_overflowing_tokens=True,
            return_offsets_mapping=True, padding=True, return_tensors="pt")
        owner = enc.pop("overflow_to_sample_mapping").tolist()
        offsets = enc.pop("offset_mapping").tolist()
        seq_ids = [enc.sequence_ids(k) for k in range(len(owner))]
        inputs = {k: v for k, v in enc.items()
                  if k in ("input_ids", "attention_mask", "token_type_ids")}
        starts, ends = [], []
        with torch.no_grad():
            for a in range(0, len(owner), self.batch_size):
                out = self.model(**{k: v[a:a + self.batch_size] for k, v in inputs.items()})
                starts.append(out.start_logits.float().numpy())
                ends.append(out.end_logits.float().numpy())
        start_logits, end_logits = np.concatenate(starts), np.concatenate(ends)
        best: dict[int, tuple[int, int, float]] = {}
        for k, sample in enumerate(owner):
            ctx_tok = np.array([s == 1 for s in seq_ids[k]])
            if not ctx_tok.any():
                continue
            s_log = np.where(ctx_tok, start_logits[k], -np.inf)
            e_log = np.where(ctx_tok, end_logits[k], -np.inf)
            s_p = np.exp(s_log - s_log.max())
            s_p /= s_p.sum()
            e_p = np.exp(e_log - e_log.max())
            e_p /= e_p.sum()
            m = np.triu(np.outer(s_p, e_p))
            m = np.tril(m, self.max_answer_len - 1)
            i, j = np.unravel_index(int(np.argmax(m)), m.shape)
            score = float(m[i, j])
            ci = keep[sample]
            a, b = offsets[k][i][0], offsets[k][j][1]
            text = contexts[ci]
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a and (ci not in best or score > best[ci][2]):
                best[ci] = (a, b, score)
        out = sorted(((ci, a, b, s) for ci, (a, b, s) in best.items()), key=lambda r: -r[3])
        return out[:top_k] if top_k else out


def get_reader(model: str | None = None) -> Reader:
    """The cached Reader for ``model`` (default: $QA_READER_MODEL)."""
    model = model or os.environ.get("QA_READER_MODEL")
    if not model:
        raise ValueError("no reader model: pass model= or set QA_READER_MODEL to a local path")
    return cached_model(reader_key(model), lambda: Reader(model))


def reader_key(model: str) -> str:
    return f"hf-reader:{model}"


def read(question: str, contexts: list[str], model: str | None = None, top_k: int | None = None
         ) -> list[tuple[int, int, int, float]]:
    """(context_index, start, end, score) answers of ``question`` over ``contexts``, best first."""
    return get_reader(model).read(question, contexts, top_k=top_k)


def neural_pick(reader, question: str, hits, cands) -> tuple[int, tuple[int, int]] | None:
    """(candidate index, raw short-answer span) from ``reader``'s (an ExtractiveReader) optional
    neural reader over the top three chunks; None when it finds nothing inside a candidate sentence."""
    spans = [tuple(int(x) for x in reader.data.chunks[h.row]) for h in hits[:3]]
    found = get_reader(reader.config.hf_model).read(question, [reader.raw[d][a:b] for d, a, b in spans], top_k=1)
    if not found:
        return None
    ci, s, e, _ = found[0]
    doc, a, _b = spans[ci]
    start, end = a + s, a + e
    for i, (row, _) in enumerate(cands):
        d, sa, sb = (int(x) for x in reader.data.sentences[row])
        if d == doc and sa <= start and end <= sb:
            return i, (start, end)
    return None
