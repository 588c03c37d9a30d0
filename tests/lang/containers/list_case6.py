l = [(1, 'b'), (1, 'a'), (0, 'z')]
print(l, len(l), sorted(l), list(reversed(l)), l[:2], l[-1:], l * 2, l + l[:1], bool(l))
c = l.copy(); c.sort(); print(c, c == sorted(l), l.count(l[0]) if l else 0, [x for x in l][:3])
print(min(l) if l else None, max(l) if l else None, list(enumerate(l))[:2], list(zip(l, range(3))))
