match x:
    case 1 as a[0]:
        pass
