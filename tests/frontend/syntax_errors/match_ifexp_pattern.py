match x:
    case 1 if x else 2:
        pass
