"""The pair step's parts that let a candidate pair cost its few sentences (issue #22): the
similarity of one pair of sentences alone, and names read against documents whose lower-case
words are held as hashes."""
from __future__ import annotations

import numpy as np
import pytest

from qa.conflicts.pair_reader import LowerWords
from qa.conflicts.pair_rules import cosines, whole_cosines
from qa.conflicts.sentences import common_words


def _unit(rng, n: int, dim: int = 384, dtype=np.float32) -> np.ndarray:
    v = rng.standard_normal((n, dim)).astype(dtype)
    return v / np.linalg.norm(v, axis=1, keepdims=True).astype(dtype)


@pytest.mark.parametrize("dtype", [np.float32, np.float16])
def test_a_pair_alone_has_the_similarity_the_whole_product_gives_it(dtype):
    # Bit for bit: a threshold must decide alike whichever pass (every pair or candidates) met the pair.
    rng = np.random.default_rng(7)
    for n, m in [(1, 1), (3, 40), (57, 9), (120, 130)]:
        vx, vy = _unit(rng, n, dtype=dtype), _unit(rng, m, dtype=dtype)
        pairs = [(int(i), int(j)) for i, j in zip(rng.integers(0, n, 25), rng.integers(0, m, 25))]
        whole = whole_cosines(vx, vy, rows=16)  # in blocks, as for long pages
        assert cosines(vx, vy, pairs).tolist() == [whole[i, n + j] for i, j in pairs]
        assert cosines(vx, vy, pairs).tolist() == [whole[n + j, i] for i, j in pairs]  # either way round


def test_near_copies_sit_at_the_threshold_the_same_way():
    # Two sentences whose cosine sits within float32 noise of each other: the same value both ways.
    rng = np.random.default_rng(3)
    base = _unit(rng, 1)
    near = base + 1e-4 * _unit(rng, 1)
    near /= np.linalg.norm(near)
    vx, vy = np.vstack([base, _unit(rng, 5)]), np.vstack([_unit(rng, 4), near])
    assert cosines(vx, vy, [(0, 4)])[0] == whole_cosines(vx, vy)[0, len(vx) + 4]


def test_lower_words_held_as_hashes_answer_as_the_set_does():
    words = ["the", "chip", "foundry", "samsung's", "über"]
    held = LowerWords(words)
    asked = ["The", "the", "Samsung", "chip", "über", "Meta", ""]
    assert [w in held for w in asked] == [w in set(words) for w in asked]
    assert held.holds(asked).tolist() == [w in set(words) for w in asked]
    assert LowerWords([]).holds(["a"]).tolist() == [False] and len(LowerWords(["a", "a"])) == 1


def test_common_words_are_the_same_from_sets_and_from_hashes():
    x, y = frozenset({"the", "meta", "said"}), frozenset({"anthropic", "chips"})
    caps = {"The", "the", "Meta", "meta", "Anthropic", "anthropic", "Samsung"}
    want = frozenset(w for w in caps if w in x or w in y)
    assert common_words(caps, [x, y]) == want
    assert common_words(caps, [LowerWords(x), LowerWords(y)]) == want
    assert common_words(caps, [x, LowerWords(y)]) == want
