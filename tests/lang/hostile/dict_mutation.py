d = {i: i for i in range(5)}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError:", e)
class Evil:
    def __hash__(self): return 1
    def __eq__(self, o):
        table.clear()
        return False
table = {}
table[Evil()] = 1
table[Evil()] = 2
print(len(table) <= 2)
