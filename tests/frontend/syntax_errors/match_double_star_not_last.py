match x:
    case {**rest, 'k': 1}:
        pass
