def level3(x): return x["key"]
def level2(x): return level3(x)
def level1(): return level2({})
print("start")
level1()
