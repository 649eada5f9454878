#!/usr/bin/env python3
"""Converts the py3langid 0.4.0 model into Lotse's compact model file.

Run once, by hand, when the model is to be replaced (nothing runs it at
build or run time):

    pip download py3langid==0.4.0 --no-deps -d /tmp/langid
    unzip /tmp/langid/py3langid-0.4.0-py3-none-any.whl -d /tmp/langid
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy
    /tmp/venv/bin/python tools/convert_langid.py \
        /tmp/langid/py3langid/data/model.npz.xz models/langid/langid.bin

py3langid's model is a naive Bayes classifier over byte n-grams (1 to 6
bytes) found by a DFA. The DFA's state after each byte is the longest suffix
of the text read so far that is one of its nodes; each node may stand for
one feature. This script writes the nodes as sorted keys instead of the
DFA, keeps only the nodes that text in Latin, Cyrillic or Arabic script can
reach, and only the twelve classes Lotse speaks (plus a background column:
the mean over all 142 classes). Weights are quantised to one byte.

Layout (little-endian):
    b"LOTSELID1"
    u32 nodes, u32 features
    f32 x 13           class priors (12 classes, then background = 0)
    u64 x nodes        node keys: bytes packed big-endian-first, length in the top byte, sorted
    u32 x nodes        feature of each node (0xFFFFFFFF: none)
    u8 x 13 x features (max - log P(feature | class)) / STEP, clamped to 255
"""

import io
import lzma
import struct
import sys
from collections import deque

import numpy as np

# Lotse's order (Lang::ALL in src/lang.rs); "ku" is Kurmanji.
CLASSES = ["de", "en", "ar", "fa", "ps", "tr", "ku", "ru", "uk", "pl", "ro", "fr"]
# Dialect classes folded into Arabic: a query in Egyptian or Moroccan
# Arabic is an Arabic query.
FOLD = {"ar": ["ar", "arz", "ary"]}
STEP = 0.06


def reachable(node: bytes) -> bool:
    """Whether UTF-8 text in Latin, Cyrillic or Arabic script can contain `node`."""
    for i, b in enumerate(node):
        if b < 0xC0:
            continue
        nxt = node[i + 1] if i + 1 < len(node) else None
        if 0xC2 <= b <= 0xCD or 0xD0 <= b <= 0xD3 or 0xD8 <= b <= 0xDB:
            continue  # Latin-1 to combining marks, Cyrillic, Arabic
        if b == 0xE2 and (nxt is None or nxt in (0x80, 0x81)):
            continue  # general punctuation, zero-width (non-)joiner
        if b == 0xEF and (nxt is None or 0xAD <= nxt <= 0xBB):
            continue  # Arabic presentation forms
        return False
    return True


def main(src: str, dst: str) -> None:
    data = np.load(io.BytesIO(lzma.open(src).read()))
    classes = data["classes"].tolist()
    rows = data["nextmove"].reshape(-1, 256)
    row_of = data["nextmove_row"]
    out = data["out_feat"]
    ptc = data["ptc"].astype(np.float64)
    pc = data["pc"].astype(np.float64)

    # Each state's string is the shortest path to it from the start.
    strings = [None] * len(row_of)
    strings[0] = b""
    queue = deque([0])
    while queue:
        state = queue.popleft()
        for byte, target in enumerate(rows[row_of[state]]):
            if strings[target] is None:
                strings[target] = strings[state] + bytes([byte])
                queue.append(int(target))

    columns = []
    priors = []
    for c in CLASSES:
        idx = [classes.index(k) for k in FOLD.get(c, [c])]
        columns.append(np.max(ptc[:, idx], axis=1))
        priors.append(float(np.max(pc[idx])))
    background = np.log(np.mean(np.exp(ptc), axis=1))
    weights = np.stack(columns + [background], axis=1)

    kept = [(s, int(out[i])) for i, s in enumerate(strings) if s and reachable(s)]
    features = sorted({f for _, f in kept if f >= 0})
    renumber = {f: n for n, f in enumerate(features)}
    keys = []
    for s, f in kept:
        key = len(s) << 56
        for k, b in enumerate(s):
            key |= b << (8 * (6 - k))
        keys.append((key, renumber.get(f, 0xFFFFFFFF)))
    keys.sort()

    w = weights[features]
    q = np.clip(np.rint((w.max(axis=1, keepdims=True) - w) / STEP), 0, 255).astype(np.uint8)

    with open(dst, "wb") as f:
        f.write(b"LOTSELID1")
        f.write(struct.pack("<II", len(keys), len(features)))
        f.write(struct.pack("<13f", *priors, 0.0))
        f.write(np.array([k for k, _ in keys], dtype="<u8").tobytes())
        f.write(np.array([v for _, v in keys], dtype="<u4").tobytes())
        f.write(q.tobytes())
    print(f"{len(keys)} nodes, {len(features)} features, step {STEP}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
