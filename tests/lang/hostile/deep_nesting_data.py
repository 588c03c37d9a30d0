x = []
for _ in range(100000):
    x = [x]
print("built")
del x
print("freed")
d = {}
cur = d
for i in range(50000):
    cur["n"] = {}
    cur = cur["n"]
print("dicts ok")
