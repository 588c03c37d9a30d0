results = []
for i in range(5):
    try:
        if i % 2: raise ValueError(i)
        results.append(i)
    except ValueError as e:
        results.append(-int(str(e)))
        continue
    finally:
        results.append("f")
print(results)
def g():
    for i in range(3):
        try:
            yield i
        finally:
            print("gen finally", i)
for v in g():
    if v == 1:
        break
print("done")
