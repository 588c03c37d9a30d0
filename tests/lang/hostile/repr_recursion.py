class R:
    def __repr__(self): return repr(self)
try:
    repr(R())
except RecursionError as e:
    print("RecursionError", str(e)[:40])
l = []
l.append(l)
print(l, len(str([l, l])))
