g = 0
def bump():
    global g
    g += 1
bump(); bump(); print(g)
def scope_test():
    def do_local(): spam = "local"
    def do_nonlocal():
        nonlocal spam
        spam = "nonlocal"
    def do_global():
        global spam
        spam = "global"
    spam = "test"
    do_local(); print(spam)
    do_nonlocal(); print(spam)
    do_global(); print(spam)
scope_test(); print(spam)
def unbound():
    try:
        print(q)
        q = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
unbound()
