foo(a,
    b=2
bar()
