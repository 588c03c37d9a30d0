def f(cmd):
    match cmd:
        case []: return "empty"
        case [x]: return f"one {x}"
        case [x, y]: return f"two {x} {y}"
        case [first, *rest] if len(rest) > 2: return f"many {first} {rest}"
        case (a, b, c): return f"three {a}{b}{c}"
        case {"action": "move", "to": dest}: return f"move to {dest}"
        case {"action": act, **others}: return f"act {act} {sorted(others)}"
        case _: return "?"
for c in [[], [1], (1, 2), [1, 2, 3], [1, 2, 3, 4, 5], {"action": "move", "to": "x"}, {"action": "run", "a": 1, "b": 2}, "str", 5]:
    print(repr(c), f(c))
