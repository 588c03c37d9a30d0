#!/usr/bin/env python3
"""CPython 3.11's answers for every Unicode question Spindle's database answers.

Run by tests/unit/unicode_test.cpp (through popen) and compared line by line
with spindle::unicode. Output, one record per line, code points in hex:

  V version                    unicodedata.unidata_version
  R first last cat printable xid_start xid_continue decimal digit ccc
    alpha space lower upper cased ignorable_or_cased uncased_or_ignorable
    isnumeric numeric          (numeric: repr of unicodedata.numeric, or x)
                               maximal ranges of code points with equal
                               properties; together they cover 0..10FFFF
                               (the last three probe Cased and Case_Ignorable
                               through str.title and final-sigma lowering)
  C cp lower ; upper ; title ; fold   str.lower() etc. of chr(cp), when any
                               of them differs from chr(cp)
  N cp name                    unicodedata.name(chr(cp)) for every named cp
  A cp text                    "\\N{text}" is accepted and gives chr(cp)
  X text                       "\\N{text}" is rejected
  F form cp out...             normalize(form, chr(cp)) when it is not chr(cp)
  S form in... ; out...        normalize(form, s) for pseudo-random strings
  Q in...                      strings for which is_normalized('NFKC') is False

Every answer here comes from CPython, never from the UCD files Spindle reads,
except for the list of candidate names to try (NameAliases.txt,
NamedSequences.txt), whose verdicts again come from CPython.
"""
import random
import sys
import unicodedata as ud

UCD = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
FORMS = ("NFC", "NFD", "NFKC", "NFKD")
out = []
emit = out.append


def hexes(s):
    return " ".join("%X" % ord(c) for c in s)


def accepted(text):
    try:
        return eval('"\\N{%s}"' % text)
    except SyntaxError:
        return None


emit("V " + ud.unidata_version)

# Properties, run-length encoded. (Local names keep this loop over 1.1M code
# points near 2 s.)
def properties():
    category, decimal, digit, combining, numeric = ud.category, ud.decimal, ud.digit, ud.combining, ud.numeric
    sigma, final_sigma, small_sigma = "\u03a3", "\u03c2", "\u03c3"
    props = None
    start = 0
    for cp in range(0x110000):
        ch = chr(cp)
        p = (category(ch), ch.isprintable(), ch.isidentifier(),
             ("a" + ch).isidentifier(), decimal(ch, -1), digit(ch, -1),
             combining(ch), ch.isalpha(), ch.isspace(), ch.islower(), ch.isupper(),
             (ch + "a").title()[-1] == "a",                   # ch is cased
             ("A" + ch + sigma).lower()[-1] == final_sigma,   # ignorable or cased
             ("A" + sigma + ch).lower()[1] == small_sigma,    # cased, not ignorable
             ch.isnumeric(), numeric(ch, "x"))
        if p != props:
            if props is not None:
                emit("R %X %X %s %d %d %d %d %d %d %d %d %d %d %d %d %d %d %r" % ((start, cp - 1) + props))
            props, start = p, cp
        lower = ch.lower()
        if lower != ch or ch.upper() != ch or ch.title() != ch or ch.casefold() != ch:
            emit("C %X %s" % (cp, " ; ".join(hexes(x) for x in (lower, ch.upper(), ch.title(), ch.casefold()))))
    emit("R %X %X %s %d %d %d %d %d %d %d %d %d %d %d %d %d %d %r" % ((start, 0x10FFFF) + props))


properties()

# Names, and whether \N accepts lower-case spellings.
for cp in range(0x110000):
    name = ud.name(chr(cp), None)
    if name is None:
        continue
    emit("N %X %s" % (cp, name))
    if cp % 97 == 0 or name.startswith(("HANGUL SYLLABLE", "CJK UNIFIED")) and cp % 1001 == 0:
        for text in (name.lower(), name.title()):
            got = accepted(text)
            emit("A %X %s" % (ord(got), text) if got else "X " + text)

# Aliases and named sequences (candidates from the files, verdicts from CPython).
candidates = []
for fname in ("NameAliases.txt", "NamedSequences.txt"):
    with open("%s/%s" % (UCD, fname)) as f:
        for line in f:
            line = line.split("#")[0].strip()
            if line:
                candidates.append(line.split(";")[0 if fname == "NamedSequences.txt" else 1])
candidates += ["", " ", "LATIN SMALL LETTER A ", "LATIN  SMALL LETTER A", "CJK UNIFIED IDEOGRAPH-4e00",
               "CJK UNIFIED IDEOGRAPH-04E00", "CJK UNIFIED IDEOGRAPH-004E00", "CJK UNIFIED IDEOGRAPH-4E0",
               "CJK UNIFIED IDEOGRAPH-2B739", "CJK UNIFIED IDEOGRAPH-31350", "CJK UNIFIED IDEOGRAPH-E000",
               "HANGUL SYLLABLE ", "HANGUL SYLLABLE A", "HANGUL SYLLABLE GAGG", "HANGUL SYLLABLE GGGG",
               "HANGUL SYLLABLE ga", "TANGUT IDEOGRAPH-17000", "HANGUL SYLLABLE KKWEOLH", "NULL", "nul"]
for text in candidates:
    got = accepted(text)
    emit("A %X %s" % (ord(got), text) if got else "X " + text)

# Normalization of every single code point.
for cp in range(0x110000):
    ch = chr(cp)
    for form in FORMS:
        if not ud.is_normalized(form, ch):
            r = ud.normalize(form, ch)
            if r != ch:
                emit("F %s %X %s" % (form, cp, hexes(r)))

# Pseudo-random strings mixing starters that compose, combining marks of
# various classes, Hangul jamo and syllables, and compatibility characters.
pool = set()
for cp in range(0x110000):
    ch = chr(cp)
    d = ud.decomposition(ch)
    if ud.combining(ch) or (d and not d.startswith("<") and cp % 3 == 0):
        pool.add(cp)
    if d and not d.startswith("<"):
        pool.update(int(x, 16) for x in d.split())
pool.update(range(0x1100, 0x1113), range(0x1161, 0x1176), range(0x11A7, 0x11C3))
pool.update([0xAC00, 0xAC01, 0xD7A3, 0xFB2C, 0x1E9B, 0x2126, 0x212B, 0x0344, 0x0F73, 0x41, 0x61, 0x20])
pool = sorted(pool)
rng = random.Random(20231123)
for i in range(6000):
    s = "".join(chr(rng.choice(pool)) for _ in range(rng.randint(1, 8)))
    for form in FORMS:
        emit("S %s %s ; %s" % (form, hexes(s), hexes(ud.normalize(form, s))))
    if not ud.is_normalized("NFKC", s):
        emit("Q " + hexes(s))

sys.stdout.write("\n".join(out) + "\n")
