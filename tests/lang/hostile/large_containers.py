l = list(range(200000))
print(len(l), sum(l), l[-1])
d = {i: str(i) for i in range(50000)}
print(len(d), d[49999])
s = set(range(0, 300000, 3))
print(len(s), 299997 in s, 299998 in s)
t = "ab" * 100000
print(len(t), t.count("ab"))
