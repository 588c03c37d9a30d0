class Weird:
    def __eq__(self, o): raise RuntimeError("eq failed")
    def __hash__(self): return 7
d = {Weird(): 1}
try:
    d[Weird()]
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    [Weird()].index(Weird())
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    Weird() in [Weird()]
except RuntimeError as e:
    print("RuntimeError:", e)
print("survived")
