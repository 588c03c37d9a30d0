def f(x):
    try:
        if x == 0: raise ValueError("zero")
        if x == 1: return "one"
        r = 10 // (x - 2)
    except ValueError as e:
        print("ValueError", e)
        return "handled"
    except ZeroDivisionError:
        print("zde")
        return "div"
    else:
        print("else", r)
        return "else"
    finally:
        print("finally", x)
for i in range(4):
    print(f(i))
