l = [3, 1, 4, 1, 5, 9, 2, 6]
l.append(5); l.insert(0, 0); l.extend([7, 8]); print(l)
print(l.pop(), l.pop(0), l.index(4), l.count(1), len(l), l[2:5], l[::-1], l[-2:])
l.remove(1); print(l)
l.sort(); print(l)
l.sort(reverse=True); print(l)
l.reverse(); print(l)
l[1:3] = ["a", "b", "c"]; print(l)
del l[0]; del l[::2]; print(l)
l2 = l.copy(); l2.clear(); print(l, l2, [1, 2] + [3], [0] * 3, [[1]] * 2)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] == [], [1, [2]] == [1, [2]])
a = [1, 2, 3, 4, 5]
a[1:4:2] = [20, 40]; print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].index(2)
except ValueError as e:
    print("ValueError:", e)
