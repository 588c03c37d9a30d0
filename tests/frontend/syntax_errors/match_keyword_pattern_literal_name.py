match x:
    case Point(1=x):
        pass
