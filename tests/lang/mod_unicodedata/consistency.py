# unicodedata agrees with the str predicates and with itself: decimal/digit/
# numeric against isdecimal/isdigit/isnumeric, name/lookup round trips,
# normalization idempotence and composition of forms, over code point ranges.
import unicodedata as u

mismatch = 0
counts = [0, 0, 0]
for cp in list(range(0, 0x3400)) + list(range(0xA000, 0xAC00, 3)) + list(range(0x10000, 0x1FA00, 5)):
    c = chr(cp)
    d, g, n = u.decimal(c, None), u.digit(c, None), u.numeric(c, None)
    if (d is not None) != c.isdecimal() or (g is not None) != c.isdigit() or (n is not None) != c.isnumeric():
        mismatch += 1
    if d is not None and not (d == g == n):
        mismatch += 1
    counts[0] += d is not None
    counts[1] += g is not None
    counts[2] += n is not None
print("numeric mismatches", mismatch, counts)

names = 0
for cp in range(0x20, 0x30000, 11):
    c = chr(cp)
    nm = u.name(c, None)
    if nm is None:
        continue
    names += 1
    if u.lookup(nm) != c:
        print("round trip", hex(cp), nm)
    if not nm.startswith(("CJK UNIFIED", "HANGUL SYLLABLE")) and u.lookup(nm.lower()) != c:
        print("lower round trip", hex(cp), nm)
print("names checked", names)

bad = 0
checked = 0
for cp in range(0xA0, 0x2000):
    s = chr(cp) + "\u0301\u0323"
    nfd, nfc, nfkd, nfkc = (u.normalize(f, s) for f in ("NFD", "NFC", "NFKD", "NFKC"))
    checked += 1
    if u.normalize("NFC", nfd) != nfc or u.normalize("NFD", nfc) != nfd:
        bad += 1
    if u.normalize("NFKC", nfkd) != nfkc or u.normalize("NFKD", nfkc) != nfkd:
        bad += 1
    if not (u.is_normalized("NFC", nfc) and u.is_normalized("NFD", nfd) and u.is_normalized("NFKC", nfkc)
            and u.is_normalized("NFKD", nfkd)):
        bad += 1
    if any(u.combining(a) > u.combining(b) > 0 for a, b in zip(nfd, nfd[1:])):
        bad += 1
print("normalization checked", checked, "bad", bad)

cats = {}
for cp in range(0x110000):
    if u.category(chr(cp)) == "Cn":
        continue
    w = u.east_asian_width(chr(cp))
    cats[w] = cats.get(w, 0) + 1
print(sorted(cats.items()))
print(sum(1 for cp in range(0x110000) if u.decomposition(chr(cp))))
print(sum(1 for cp in range(0x110000) if u.mirrored(chr(cp))))
