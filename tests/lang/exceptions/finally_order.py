log = []
def f():
    try:
        try:
            log.append("try")
            raise ValueError("v")
        finally:
            log.append("inner finally")
    except ValueError:
        log.append("except")
        return "ret"
    finally:
        log.append("outer finally")
print(f(), log)
def g():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(g())
