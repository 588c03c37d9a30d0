for i in range(5):
    if i == 10: break
else:
    print("for-else ran")
for i in range(5):
    if i == 2: break
else:
    print("never")
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
while True:
    n -= 1
    if n == 0: break
print("done", n)
for i, c in enumerate("abc"):
    if c == "b": continue
    print(i, c)
