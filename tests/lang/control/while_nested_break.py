found = None
for i in range(10):
    for j in range(10):
        if i * j == 42:
            found = (i, j)
            break
    if found:
        break
print(found)
total = 0
i = 0
while i < 100:
    i += 1
    if i % 2: continue
    if i > 20: break
    total += i
print(total, i)
