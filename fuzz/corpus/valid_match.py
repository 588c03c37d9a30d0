match p:
    case Point(x=0, y=0):
        pass
    case [1, 2, *rest]:
        pass
    case {'k': v, **kw}:
        pass
    case str() | bytes() as s if s:
        pass
    case _:
        pass
