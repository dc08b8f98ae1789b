"""Embedding throughput on CPU, and its effect on retrieval (``python -m qa.bench.scale --part embed``).

Paragraphs of the first ``--embed-docs`` SQuAD-half articles are embedded by each variant (torch
with batch sizes, length sorting and thread counts, torch dynamic int8, onnxruntime fp32/int8 with
one or two threads, and qa's own encoder); each variant's R@1/R@5 on 300 of those articles'
questions and its mean cosine to the torch default are reported beside its speed, so that no
speed-up silently costs accuracy.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import numpy as np

from .common import SCALE_WORK as WORK, _load, squad_questions

__all__ = ["run_embed"]


# -- embedding throughput and its effect on retrieval -----------------------------------------
def _onnx_files(model) -> tuple[Path, Path]:
    """fp32 ONNX export of the MiniLM encoder with eager attention (qa.indexing.onnx_backend's exporter)
    and its dynamic int8 quantisation (onnxruntime), cached under WORK/onnx."""
    d = WORK / "onnx"
    fp32, int8 = d / "minilm.onnx", d / "minilm-int8.onnx"
    if not fp32.exists():
        from transformers import AutoModel

        from ..indexing.onnx_backend import _export, _model_dir

        eager = AutoModel.from_pretrained(str(_model_dir(model)), attn_implementation="eager").eval()
        _export(model, fp32, eager)
    if not int8.exists():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)
    return fp32, int8


def _onnx_encoder(path: Path, model, threads: int):
    """qa's ONNX encoder on ``path`` set up plainly: one session of ``threads`` threads, batches
    of 64 texts, longest first, onnxruntime's memory arena on (qa's default: one-thread workers,
    token-budget batches, no arena)."""
    from ..indexing.onnx_backend import OnnxEncoder, hf_tokenize

    max_len = model.max_seq_length
    return OnnxEncoder(path, [hf_tokenize(model.tokenizer, max_len)], max_len, int(model.get_embedding_dimension()),
                       threads=threads, batch_tokens=None, arena=True).encode


def run_embed(args) -> dict:
    import copy

    import torch

    from ..indexing.embedding import get_embedder

    sq, _ = squad_questions(Path(args.squad), 1)
    keep = sorted(sq.texts)[: args.embed_docs]
    paras = [(k, j) for k in keep for j in range(len(sq.paragraphs[k]))]
    texts = [sq.texts[k][a:b] for k in keep for a, b in sq.paragraphs[k]]
    qs = [q for q in sq.questions if q.doc_id in keep]
    qs = [qs[i] for i in np.random.default_rng(0).choice(len(qs), min(300, len(qs)), replace=False)]
    gold = np.array([paras.index((q.doc_id, q.paragraph)) for q in qs])
    from ..indexing.embedding import SentenceTransformerEmbedder

    model = SentenceTransformerEmbedder(backend="torch")._model  # the torch variants are measured on it
    tokens = sum(len(model.tokenizer(t, truncation=True, max_length=model.max_seq_length)["input_ids"]) for t in texts)

    def st(m, batch, threads, sort=True):
        def enc(xs):
            torch.set_num_threads(threads)
            if sort:
                return m.encode(xs, batch_size=batch, normalize_embeddings=True, convert_to_numpy=True)
            perm = np.random.default_rng(0).permutation(len(xs))  # fixed batches of mixed lengths
            out = np.zeros((len(xs), 384), np.float32)
            for s in range(0, len(xs), batch):
                idx = perm[s : s + batch]
                out[idx] = m.encode([xs[i] for i in idx], batch_size=batch, normalize_embeddings=True)
            return out
        return enc

    qmodel = torch.ao.quantization.quantize_dynamic(copy.deepcopy(model), {torch.nn.Linear}, dtype=torch.qint8)
    variants = {
        "torch fp32, batch 64, length-sorted, 2 threads (qa's encoder until onnxruntime)": st(model, 64, 2),
        "torch fp32, batch 64, length-sorted, 1 thread": st(model, 64, 1),
        "torch fp32, batch 64, unsorted, 2 threads": st(model, 64, 2, sort=False),
        "torch fp32, batch 16, length-sorted, 2 threads": st(model, 16, 2),
        "torch fp32, batch 1, 1 thread": st(model, 1, 1),
        "torch int8 dynamic (Linear), batch 64, sorted, 2 threads": st(qmodel, 64, 2),
    }
    qa_encoder = get_embedder()
    variants[f"qa default: {qa_encoder.backend}, one worker of one thread per core, token-budget batches"] = qa_encoder.encode
    try:
        fp32, int8 = _onnx_files(model)
        for name, path in (("onnxruntime fp32", fp32), ("onnxruntime int8 dynamic", int8)):
            for th in (2, 1):
                variants[f"{name}, batch 64, sorted, {th} thread(s)"] = _onnx_encoder(path, model, th)
    except Exception as exc:  # onnx/onnxruntime missing or export failure: report, do not hide
        variants_error = f"{type(exc).__name__}: {exc}"
    else:
        variants_error = None
    rows, ref = [], None
    for name, enc in variants.items():
        enc(texts[:8])  # warm
        t = time.perf_counter()
        pv = enc(texts)
        secs = time.perf_counter() - t
        qv = enc([q.question for q in qs])
        ranks = np.argsort(-(qv @ pv.T), axis=1)
        if ref is None:
            ref = pv
        rows.append({"variant": name, "texts_per_s": round(len(texts) / secs, 1), "tokens_per_s": round(tokens / secs),
                     "R@1": round(float(np.mean(ranks[:, 0] == gold)), 4),
                     "R@5": round(float(np.mean((ranks[:, :5] == gold[:, None]).any(1))), 4),
                     "cos_to_default": round(float(np.mean(np.sum(pv * ref, 1))), 4), "load_avg": _load()})
        print(json.dumps(rows[-1]), flush=True)
    torch.set_num_threads(os.cpu_count() or 1)
    return {"paragraphs": len(texts), "tokens": tokens, "questions": len(qs), "articles": len(keep),
            "onnx_error": variants_error, "variants": rows}
