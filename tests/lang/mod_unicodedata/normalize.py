# unicodedata.normalize and is_normalized for the four forms: composition,
# decomposition, compatibility mappings, Hangul, reordering, and errors.
import unicodedata as u

def show(label, f):
    try:
        print(label, ascii(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

samples = ["caf\u00e9", "cafe\u0301", "\u1e9b\u0323", "\ufb01", "\u00bd", "\u2460", "\uac00", "\u1100\u1161\u11a8",
           "\u0041\u030a", "\u212b", "\u2126", "e\u0323\u0302", "e\u0302\u0323", "\uff21\uff22", "\u3000",
           "\u0387", "\u1f71", "x\u0327\u0301\u0300", "\U0001d400", "", "plain ascii", "\u00c5\u0301",
           "\u0f73", "\u0344", "\u1e0b\u0323", "\u0958"]
for s in samples:
    row = [ascii(u.normalize(f, s)) for f in ("NFC", "NFD", "NFKC", "NFKD")]
    flags = [u.is_normalized(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")]
    print(ascii(s), row, flags)

s = "already"
print(u.normalize("NFC", s) == s, u.normalize("NFKD", s) == s)
class S(str):
    pass
r = u.normalize("NFC", S("x"))
print(type(r).__name__, r)
show("bad form", lambda: u.normalize("NFX", "a"))
show("lower form", lambda: u.normalize("nfc", "a"))
show("form int", lambda: u.normalize(1, "a"))
show("text int", lambda: u.normalize("NFC", 1))
show("text bytes", lambda: u.normalize("NFC", b"a"))
show("one arg", lambda: u.normalize("NFC"))
show("three args", lambda: u.normalize("NFC", "a", "b"))
show("kw", lambda: u.normalize(form="NFC", unistr="a"))
show("is_normalized bad form", lambda: u.is_normalized("NFX", "a"))
show("is_normalized int", lambda: u.is_normalized("NFC", 1))
show("is_normalized one", lambda: u.is_normalized("NFC"))
