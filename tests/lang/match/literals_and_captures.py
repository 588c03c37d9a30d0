def describe(x):
    match x:
        case 0: return "zero"
        case 1 | 2 | 3: return "small"
        case "hello": return "greeting"
        case True: return "true!"
        case None: return "none"
        case float() if x > 100: return "big float"
        case int(n) if n < 0: return f"negative {n}"
        case str() as s: return "string " + s
        case _: return "other"
for v in [0, 2, "hello", True, None, 500.0, -4, "yo", 3.5, [1]]:
    print(repr(v), describe(v))
