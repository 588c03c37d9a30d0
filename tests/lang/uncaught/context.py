try:
    [][0]
except IndexError:
    {}["k"]
