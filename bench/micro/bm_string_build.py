"""Building strings: += concatenation, "".join, f-strings, str.format, % formatting, slicing, str methods.

Exercises string allocation and copying, the in-place concatenation path for
s += t, join over a list of parts, the FORMAT_VALUE/BUILD_STRING opcodes of
f-strings, str.format and %-formatting of ints, slicing, and split/replace/upper.
"""

SCALES = {"tiny": 360, "quick": 9000, "full": 36000}

MASK = 0xFFFFFFFF

WORDS = ("red", "green", "blue", "cyan", "magenta", "yellow", "black")


def fold(h, s):
    for ch in s[:8]:
        h = (h * 31 + ord(ch)) & MASK
    return (h + len(s)) & MASK


def run(n):
    h = 0
    nw = len(WORDS)
    for i in range(n):
        w = WORDS[i % nw]
        s = ""
        for j in range(8):
            s += WORDS[(i + j) % nw]
            s += ","
        parts = []
        for j in range(6):
            parts.append(WORDS[(i * 3 + j) % nw])
        joined = "-".join(parts)
        f = f"{w}:{i}:{len(joined)}"
        g = "{}/{}/{:04d}".format(w, i & 255, i % 1000)
        p = "%s=%d (%x)" % (w, i, i & 0xFFF)
        pieces = s.split(",")
        r = joined.replace("-", "+").upper()
        mid = r[2:12] + s[-9:] + f[1:]
        h = fold(h, f)
        h = fold(h, g)
        h = fold(h, p)
        h = fold(h, mid)
        h = (h + len(pieces) + len(s) + len(r)) & MASK
    return h
