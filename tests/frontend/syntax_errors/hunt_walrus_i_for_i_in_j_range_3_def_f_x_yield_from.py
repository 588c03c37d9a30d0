[i for i in (j := range(3))]
def f(): x = yield from
