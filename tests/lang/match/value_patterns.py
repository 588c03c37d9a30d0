class Color:
    RED = "r"
    GREEN = "g"
def name(c):
    match c:
        case Color.RED: return "red"
        case Color.GREEN: return "green"
        case str(s) if len(s) == 1: return "other letter " + s
        case _: return "?"
print([name(x) for x in ["r", "g", "b", "rgb", 1]])
match {"a": [1, {"b": (2, 3)}]}:
    case {"a": [1, {"b": (x, y)}]}:
        print("deep", x, y)
