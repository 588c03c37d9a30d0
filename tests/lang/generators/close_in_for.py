def numbers():
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print("generator finalized")
for x in numbers():
    if x == 3:
        break
print("after loop")
g = numbers()
print(next(g), next(g))
g.close()
print("closed explicitly")
