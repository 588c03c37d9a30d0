match x:
    case f(): pass
    case a.b(1=2): pass
