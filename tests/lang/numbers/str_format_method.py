print("{} {} {}".format(1, "a", 2.5))
print("{0} {1} {0}".format("x", "y"))
print("{name} is {age}".format(name="Bob", age=30))
print("{0[1]} {1[k]} {2.real}".format([1, 2], {"k": "v"}, 3+4j))
print("{:>8} {:<8}| {:^8} {:08.3f}".format("r", "l", "c", 3.14159))
print("{!r} {!s} {!a}".format("q", "q", "é"))
print("{{literal}} {}".format(5))
try:
    print("{} {1}".format(1, 2))
except ValueError as e:
    print("ValueError:", e)
try:
    print("{2}".format(1))
except IndexError as e:
    print("IndexError:", e)
