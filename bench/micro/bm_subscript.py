"""Indexing of list, tuple, dict and str, and item stores into lists and dicts.

Exercises BINARY_SUBSCR (list[int], tuple[int], dict[key], str[int]) and
STORE_SUBSCR (list[int] = v, dict[key] = v) with small-int and str keys.
"""

SCALES = {"tiny": 8000, "quick": 200000, "full": 800000}

MASK = 0xFFFFFFFF

TEXT = "the quick brown fox jumps over the lazy dog"
KEYS = ("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7")


def run(n):
    lst = list(range(64))
    tup = tuple(range(100, 164))
    d = {}
    for k in KEYS:
        d[k] = len(k)
    counts = {}
    tl = len(TEXT)
    acc = 0
    for i in range(n):
        j = i & 63
        k = KEYS[i & 7]
        v = lst[j] + tup[63 - j] + d[k]
        lst[j] = v & 1023
        d[k] = (d[k] + j) & 4095
        ch = TEXT[i % tl]
        counts[ch] = counts.get(ch, 0) + 1
        acc = (acc + v + ord(ch)) & MASK
    for k in KEYS:
        acc = (acc * 31 + d[k]) & MASK
    acc = (acc + sum(lst) + counts["o"] + counts[" "]) & MASK
    return acc
