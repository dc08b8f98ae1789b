"""A cross-encoder that reads a question and one sentence together and scores whether the sentence
answers it.

The reader's linear features see words (shared, paraphrased, typed); they cannot tell "Samsung's
2nm process will reach mass production" from an answer to "what yield has Samsung reached on
2nm?". This model can: it is the bundled MiniLM encoder with low-rank adapters (LoRA) and a
one-unit head, trained by ``python -m qa.training.train_crossreader`` on SQuAD to say whether a candidate
sentence holds the answer (negatives: the other candidates, and the best candidates once the
question's own article is removed). Only the adapters and the head are stored, in
``qa/reading/data/crossreader/`` (safetensors, no pickle, plus a JSON manifest naming the base model), so
the repository carries about 1 MB rather than a copy of the encoder.

torch and transformers are imported inside the functions that need them.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from ..models import cached_model, quiet_loading

__all__ = ["CrossReader", "CrossConfig", "get_cross_reader", "DEFAULT_DIR"]

DEFAULT_DIR = Path(__file__).parent / "data" / "crossreader"
# The linear modules of each BERT layer that get an adapter: all of them, attention and feed-forward.
TARGETS = ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
           "intermediate.dense", "output.dense")


@dataclass(frozen=True)
class CrossConfig:
    base_model: str  # the sentence-transformers model the adapters were trained on
    rank: int = 8
    alpha: float = 16.0
    max_length: int = 128

    @property
    def scale(self) -> float:
        return self.alpha / self.rank


def fold_dir(fold: str) -> Path:
    """Where adapters trained on one half of SQuAD go (``--fold even|odd``): a build product that
    ``qa.training.calibrate`` reads to score each question with a model that never saw it; not shipped."""
    from ..config import index_root

    return index_root() / "bench" / f"crossreader-{fold}"


def load_manifest(directory: Path) -> CrossConfig:
    c = json.loads((directory / "manifest.json").read_text("utf-8"))["config"]
    return CrossConfig(c["base_model"], c["rank"], c["alpha"], c["max_length"])


def build_model(cfg: CrossConfig, trainable: bool = False):
    """(tokenizer, encoder, head): the base encoder with a LoRA adapter on every TARGETS linear
    (``trainable``: only adapters and head take gradients) and a linear head over the mean of the
    token vectors."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    from ..indexing.embedding import resolve_model

    path = resolve_model(cfg.base_model)
    tok = AutoTokenizer.from_pretrained(path)
    enc = AutoModel.from_pretrained(path)
    for p in enc.parameters():
        p.requires_grad = False
    lora = _lora_class()
    for layer in enc.encoder.layer:
        for name in TARGETS:
            parent, attr = _parent(layer, name)
            setattr(parent, attr, lora(getattr(parent, attr), cfg.rank, cfg.scale))
    head = torch.nn.Linear(enc.config.hidden_size, 1)
    if not trainable:
        enc.eval()
    return tok, enc, head


def adapter_state(enc, head) -> dict:
    """The trained tensors only: adapters (A, B per target) and the head."""
    out = {}
    for i, layer in enumerate(enc.encoder.layer):
        for name in TARGETS:
            parent, attr = _parent(layer, name)
            mod = getattr(parent, attr)
            out[f"layer.{i}.{name}.A"] = mod.A.detach().contiguous()
            out[f"layer.{i}.{name}.B"] = mod.B.detach().contiguous()
    out["head.weight"] = head.weight.detach().contiguous()
    out["head.bias"] = head.bias.detach().contiguous()
    return out


def load_adapters(enc, head, state: dict) -> None:
    for i, layer in enumerate(enc.encoder.layer):
        for name in TARGETS:
            parent, attr = _parent(layer, name)
            mod = getattr(parent, attr)
            mod.A.data.copy_(state[f"layer.{i}.{name}.A"])
            mod.B.data.copy_(state[f"layer.{i}.{name}.B"])
    head.weight.data.copy_(state["head.weight"])
    head.bias.data.copy_(state["head.bias"])


def forward(enc, head, batch):
    """Logits (one per pair) of a tokenised batch: the head over mean-pooled token vectors."""
    out = enc(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).to(out.dtype)
    pooled = (out * mask).sum(1) / mask.sum(1).clamp(min=1.0)
    return head(pooled).squeeze(-1)


def _parent(layer, dotted: str):
    *path, attr = dotted.split(".")
    obj = layer
    for p in path:
        obj = getattr(obj, p)
    return obj, attr


def _lora_class():
    import torch

    class LoRA(torch.nn.Module):
        """``base(x) + scale * x A^T B^T``: B starts at zero, so training starts from the base."""

        def __init__(self, base, rank: int, scale: float):
            super().__init__()
            self.base, self.scale = base, scale
            self.A = torch.nn.Parameter(torch.randn(rank, base.in_features) / base.in_features ** 0.5)
            self.B = torch.nn.Parameter(torch.zeros(base.out_features, rank))

        def forward(self, x):
            return self.base(x) + self.scale * ((x @ self.A.T) @ self.B.T)

    return LoRA


def merged_model(cfg: CrossConfig, directory: Path):
    """(tokenizer, encoder, head) with the adapters of ``directory`` folded into the encoder's
    weights (W + scale * B A): a plain BERT, as fast as the base and exportable to ONNX."""
    from safetensors.torch import load_file

    tok, enc, head = build_model(cfg)
    load_adapters(enc, head, load_file(str(directory / "adapters.safetensors")))
    for layer in enc.encoder.layer:
        for name in TARGETS:
            parent, attr = _parent(layer, name)
            lora = getattr(parent, attr)
            lora.base.weight.data += lora.scale * (lora.B.data @ lora.A.data)
            setattr(parent, attr, lora.base)
    return tok, enc.eval(), head


class TorchCross:
    """Scores pairs with a torch (tokenizer, encoder, head): the shipped adapters merged, or a
    model being trained."""

    def __init__(self, tok, enc, head, max_length: int):
        self._tok, self._enc, self._head, self._max = tok, enc, head, max_length

    def score(self, question: str, sentences: Sequence[str]) -> np.ndarray:
        import torch

        batch = self._tok([question] * len(sentences), list(sentences), truncation="longest_first",
                          max_length=self._max, padding=True, return_tensors="pt")
        with torch.inference_mode():
            return forward(self._enc, self._head, batch).numpy()


class CrossReader:
    """Scores (question, sentence) pairs: the logit that the sentence answers the question.

    The model loads on the first score(), so building a pipeline does not wait for it; it runs
    on onnxruntime when an export of it agrees with torch (qa.reading.cross_onnx), else on torch
    (QA_EMBED_BACKEND=torch forces torch)."""

    def __init__(self, directory: Path = DEFAULT_DIR):
        self.config = load_manifest(directory)
        self._directory = Path(directory)
        self._runner = None
        self.backend: str | None = None  # "onnx" or "torch" once loaded
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, str], float] = {}

    def _load(self):
        from .cross_onnx import load_onnx_cross
        from ..indexing.embedding import _backend, resolve_model

        if _backend() != "torch":
            base = Path(resolve_model(self.config.base_model))
            runner = load_onnx_cross(self._directory, base, self.config.max_length,
                                     torch_model=lambda: merged_model(self.config, self._directory),
                                     reference=TorchCross)
            if runner is not None:
                self.backend = "onnx"
                return runner
        self.backend = "torch"
        return TorchCross(*merged_model(self.config, self._directory), self.config.max_length)

    def warm(self) -> None:
        """Load the model now rather than at the first score() (qa.api does it in a thread while
        an index loads)."""
        with self._lock:
            if self._runner is None:
                with quiet_loading():
                    self._runner = self._load()

    def score(self, question: str, sentences: Sequence[str], batch_size: int = 32) -> np.ndarray:
        out = np.zeros(len(sentences), np.float32)
        with self._lock:
            todo = []
            for i, s in enumerate(sentences):
                hit = self._cache.get((question, s))
                if hit is None:
                    todo.append(i)
                else:
                    out[i] = hit
            if todo and self._runner is None:
                with quiet_loading():  # loaded on first use, so not through cached_model
                    self._runner = self._load()
            for k in range(0, len(todo), batch_size):
                idx = todo[k : k + batch_size]
                out[idx] = self._runner.score(question, [sentences[i] for i in idx])
            if len(self._cache) > 50_000:
                self._cache.clear()
            for i in todo:
                self._cache[(question, sentences[i])] = float(out[i])
        return out


def get_cross_reader(model: str, directory: str | Path | None = None) -> CrossReader | None:
    """The process-wide cross-encoder for the embedding ``model``; None when ``directory`` is
    "" or "off", or (default directory) when the shipped adapters were trained on another model."""
    if directory is not None and str(directory).strip().lower() in ("", "off"):
        return None
    path = Path(directory) if directory is not None else DEFAULT_DIR
    if not (path / "manifest.json").is_file():
        if directory is not None:
            raise ValueError(f"{path} holds no cross-encoder (no manifest.json): train one with "
                             "`python -m qa.training.train_crossreader --fold all --out DIR`, or set QA_CROSS_READER=off")
        return None
    # Building a CrossReader reads only its manifest (the model loads on the first score()).
    reader = cached_model(f"crossreader:{path.resolve()}", lambda: CrossReader(path))
    if directory is None and reader.config.base_model != model:
        return None
    return reader
