s = "héllo wörld"
b = s.encode()
print(b, len(b), b.decode(), s.encode("latin-1"), s.encode("ascii", "replace"), s.encode("ascii", "ignore"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xff".decode("utf-8", "replace"), b"abc\xff".decode("latin-1"), str(b"x", "ascii"))
