s = "abcdefghij"
print(s[0], s[-1], s[2:5], s[:3], s[7:], s[::2], s[::-1], s[1:8:3], s[-3:-1], s[5:2:-1], s[100:], s[-100:2])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
print(len(s), "cd" in s, "x" not in s, s * 2, s + "k", list("héllo"), [c for c in "ab"])
