"""qa.reading.hf_reader with a tiny randomly initialised BERT QA model built and saved in tmp_path."""
from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from qa.reading import hf_reader  # noqa: E402

WORDS = """the denver broncos defeated carolina panthers to win super bowl on february 2016 at
levi's stadium in santa clara who won what when where was game played cost billion and of a""".split()


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    d = tmp_path_factory.mktemp("tinybert")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + sorted(
        set(WORDS) | set("abcdefghijklmnopqrstuvwxyz0123456789") | set(".,?'$-")
    ) + ["##" + c for c in "abcdefghijklmnopqrstuvwxyz0123456789"]
    (d / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tok = transformers.BertTokenizerFast(vocab_file=str(d / "vocab.txt"), do_lower_case=True)
    torch.manual_seed(0)
    cfg = transformers.BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1,
                                  num_attention_heads=2, intermediate_size=37,
                                  max_position_embeddings=128)
    model = transformers.BertForQuestionAnswering(cfg)
    model.save_pretrained(d)
    tok.save_pretrained(d)
    return str(d)


CONTEXTS = [
    "The Denver Broncos defeated the Carolina Panthers to win Super Bowl 50.",
    "",
    "The game was played on February 7, 2016, at Levi's Stadium in Santa Clara.",
]


def test_read_returns_spans_of_the_contexts(tiny_model):
    out = hf_reader.read("Who won Super Bowl 50?", CONTEXTS, model=tiny_model)
    assert out, "a reader must answer from non-empty contexts"
    assert {ci for ci, *_ in out} <= {0, 2}  # the empty context is skipped
    assert len({ci for ci, *_ in out}) == len(out)  # one (best) span per context
    scores = [s for *_, s in out]
    assert scores == sorted(scores, reverse=True)
    for ci, a, b, s in out:
        ctx = CONTEXTS[ci]
        assert 0 <= a < b <= len(ctx)
        span = ctx[a:b]
        assert span == span.strip() and span in ctx
        assert 0.0 < s <= 1.0


def test_long_context_uses_windows_and_offsets_stay_valid(tiny_model):
    long_ctx = " ".join([CONTEXTS[0], CONTEXTS[2]] * 12)  # > max_position_embeddings tokens
    reader = hf_reader.Reader(tiny_model, max_seq_len=64, doc_stride=16, max_answer_len=5)
    out = reader.read("Where was the game played?", [long_ctx], top_k=1)
    assert len(out) == 1
    ci, a, b, _ = out[0]
    assert ci == 0 and 0 <= a < b <= len(long_ctx)
    assert len(long_ctx[a:b].split()) <= 5


def test_reader_is_cached_and_requires_a_model(tiny_model, monkeypatch):
    assert hf_reader.get_reader(tiny_model) is hf_reader.get_reader(tiny_model)
    monkeypatch.delenv("QA_READER_MODEL", raising=False)
    with pytest.raises(ValueError):
        hf_reader.get_reader(None)
    assert hf_reader.read("", CONTEXTS, model=tiny_model) == []


def test_ask_uses_the_optional_reader(tiny_model, fake_qa, monkeypatch):
    """With QA_READER_MODEL set, the short answer comes from the neural reader, still inside the
    quoted answer sentence and at raw offsets of citations[0]'s document."""
    import qa

    monkeypatch.setenv("QA_READER_MODEL", str(tiny_model))
    a = qa.ask("Which foundry produced the first two generations of MTIA?")
    corpus = {p.stem: p.read_text() for p in fake_qa["corpus"].iterdir()}
    if not a.abstained:
        raw = corpus[a.citations[0].doc_id]
        assert raw[a.answer_start : a.answer_end] == a.answer and a.answer in a.citations[0].text
        if a.short_answer is not None:
            assert raw[a.short_start : a.short_end] == a.short_answer
            assert a.answer_start <= a.short_start < a.short_end <= a.answer_end
    from qa.reading.hf_reader import reader_key
    from qa.models import _MODELS

    assert reader_key(str(tiny_model)) in _MODELS  # the neural reader was actually called
