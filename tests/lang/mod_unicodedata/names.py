# unicodedata.name and lookup: explicit, algorithmic (Hangul, CJK) and
# alias names, defaults, and the KeyError/ValueError/TypeError texts.
import unicodedata as u

def show(label, f):
    try:
        print(label, ascii(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for ch in ["a", "A", " ", "\u00e9", "\u20ac", "\u4e00", "\u9fff", "\uac00", "\ud7a3", "\U0001f600", "\U00020000",
           "\uf900", "\u0301", "\ufeff", "\U000e0001", "\U0010fffd"]:
    show("name %04X" % ord(ch), lambda: u.name(ch))
show("name control", lambda: u.name("\x00"))
show("name control default", lambda: u.name("\x00", None))
show("name unassigned default", lambda: u.name("\u0378", "?"))
show("name private", lambda: u.name("\ue000", -1))
show("name surrogate", lambda: u.name("\ud800", "none"))
show("name two chars", lambda: u.name("ab"))
show("name empty", lambda: u.name(""))
show("name int", lambda: u.name(65))
show("name no args", lambda: u.name())
show("name three args", lambda: u.name("a", 1, 2))
show("name kw", lambda: u.name(chr="a"))

for n in ["LATIN SMALL LETTER A", "latin small letter a", "Latin Capital Letter E With Acute", "EURO SIGN",
          "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-20000", "HANGUL SYLLABLE GA", "HANGUL SYLLABLE HIH",
          "BYTE ORDER MARK", "LINE FEED", "NULL", "GRINNING FACE", "SPACE", "CJK COMPATIBILITY IDEOGRAPH-F900"]:
    show("lookup " + n, lambda: u.lookup(n))
show("lookup bytes", lambda: u.lookup(b"DIGIT ONE"))
show("lookup unknown", lambda: u.lookup("NOT A CHARACTER NAME"))
show("lookup empty", lambda: u.lookup(""))
show("lookup lower cjk", lambda: u.lookup("cjk unified ideograph-4e00"))
show("lookup lower hangul", lambda: u.lookup("hangul syllable ga"))
show("lookup bad cjk", lambda: u.lookup("CJK UNIFIED IDEOGRAPH-0041"))
show("lookup long", lambda: u.lookup("x" * 300))
show("lookup 256", lambda: len(str(u.lookup.__name__)) and u.lookup("y" * 256))
show("lookup int", lambda: u.lookup(1))
show("lookup two", lambda: u.lookup("A", 1))
show("lookup none", lambda: u.lookup())
for cp in range(0x20, 0x2000, 97):
    ch = chr(cp)
    nm = u.name(ch, None)
    if nm is not None and u.lookup(nm) != ch:
        print("round trip failed", hex(cp))
print("round trip done")
print(u.unidata_version, type(u.unidata_version).__name__)

# Named sequences: lookup accepts them (any ASCII case), "\N{...}" does not.
for n in ["LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", "latin small letter a with macron and grave",
          "TAMIL SYLLABLE KSSAA", "KEYCAP DIGIT ZERO", "KEYCAP NUMBER SIGN", "GEORGIAN LETTER U-BRJGU"]:
    show("sequence " + n, lambda: u.lookup(n))
try:
    eval('"\\N{KEYCAP DIGIT ZERO}"')
except SyntaxError:
    print("\\N rejects named sequences")
