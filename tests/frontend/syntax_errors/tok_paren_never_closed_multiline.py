foo(a,
    b,
    c

y = 2
