def classify(p):
    match p:
        case (x, y) if x == y: return "diag"
        case (x, 0) | (0, x): return f"axis {x}"
        case (x, y) if x > y: return "below"
        case (_, _): return "above"
        case [*_]: return "seq"
        case {"k": v} if v: return "map truthy"
        case {}: return "map"
        case _: return "other"
for p in [(1, 1), (3, 0), (0, 4), (5, 2), (2, 5), [1, 2, 3], {"k": 1}, {"k": 0}, {}, 42]:
    print(p, classify(p))
