# unicodedata.category, bidirectional, combining, mirrored, decomposition,
# decimal, digit and numeric over a spread of characters, with defaults and
# the errors.
import unicodedata as u

def show(label, f):
    try:
        print(label, ascii(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

chars = ["a", "Z", "0", "9", " ", "\t", "(", ")", "<", "+", "$", "\u00bd", "\u00b2", "\u00e9", "\u0301", "\u0378",
         "\u05d0", "\u0627", "\u0660", "\u06f5", "\u0966", "\u2160", "\u2167", "\u2182", "\u216c", "\u3007",
         "\u4e00", "\u4e94", "\u5146", "\uac00", "\ud800", "\ue000", "\uf900", "\ufb01", "\uff21", "\u2028",
         "\u200f", "\u202e", "\u2066", "\U0001d7ce", "\U0001f600", "\U00010107", "\U0001f10c", "\u2469",
         "\u0f33", "\U000e0001", "\U0010ffff"]
for ch in chars:
    print("%06X" % ord(ch), u.category(ch), ascii(u.bidirectional(ch)), u.east_asian_width(ch), u.combining(ch), u.mirrored(ch),
          ascii(u.decomposition(ch)), u.decimal(ch, None), u.digit(ch, None), u.numeric(ch, None))

show("decimal", lambda: u.decimal("7"))
show("decimal missing", lambda: u.decimal("a"))
show("decimal default", lambda: u.decimal("a", "dflt"))
show("digit superscript", lambda: u.digit("\u00b2"))
show("digit missing", lambda: u.digit("x"))
show("numeric fraction", lambda: u.numeric("\u2153"))
show("numeric missing", lambda: u.numeric("x"))
show("numeric default", lambda: u.numeric("x", 0))
show("category two", lambda: u.category("ab"))
show("category int", lambda: u.category(1))
show("category kw", lambda: u.category(chr="a"))
show("category none", lambda: u.category())
show("combining empty", lambda: u.combining(""))
show("mirrored list", lambda: u.mirrored([]))
show("bidirectional two args", lambda: u.bidirectional("a", "b"))
show("decomposition bytes", lambda: u.decomposition(b"a"))
show("east_asian_width two", lambda: u.east_asian_width("ab"))
show("east_asian_width kw", lambda: u.east_asian_width(chr="a"))
show("decimal two chars", lambda: u.decimal("12"))
show("numeric int", lambda: u.numeric(5))

counts = {}
for cp in range(0x10000):
    c = u.category(chr(cp))
    counts[c] = counts.get(c, 0) + 1
print(sorted(counts.items()))
bidi = {}
for cp in range(0, 0x3000):
    b = u.bidirectional(chr(cp))
    bidi[b] = bidi.get(b, 0) + 1
print(sorted(bidi.items()))
print(sum(u.mirrored(chr(cp)) for cp in range(0x20000)))
widths = {}
for cp in range(0, 0x110000, 7):
    w = u.east_asian_width(chr(cp))
    widths[w] = widths.get(w, 0) + 1
print(sorted(widths.items()))
print(sum(1 for cp in range(0x3000) if u.decomposition(chr(cp)).startswith("<")))
