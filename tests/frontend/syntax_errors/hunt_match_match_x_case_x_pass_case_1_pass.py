match x:
    case x: pass
    case 1: pass
