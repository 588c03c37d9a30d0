# copy: deepcopy of objects referencing each other and containers of objects.
import copy


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child


root = Node("root")
a = root.add(Node("a"))
b = root.add(Node("b"))
a.add(Node("a1"))
b.sibling = a
root2 = copy.deepcopy(root)
print(root2 is root, root2.name, [c.name for c in root2.children])
print(root2.children[0].parent is root2, root2.children[1].sibling is root2.children[0])
print(root2.children[0].children[0].parent is root2.children[0])
print(root2.children[0] is a)
shallow = copy.copy(root)
print(shallow.children is root.children, shallow.name)

graph = {"n1": [], "n2": []}
graph["n1"].append(graph["n2"])
graph["n2"].append(graph["n1"])
g2 = copy.deepcopy(graph)
print(g2["n1"][0] is g2["n2"], g2["n2"][0] is g2["n1"], g2["n1"] is not graph["n1"])

t = (Node("x"), Node("x"))
t2 = copy.deepcopy(t)
print(t2 is not t, t2[0] is not t[0], t2[0].name)
same = Node("s")
pair = copy.deepcopy({"k1": same, "k2": same, "k3": (same, [same])})
print(pair["k1"] is pair["k2"], pair["k3"][0] is pair["k1"], pair["k3"][1][0] is pair["k1"])
fs = frozenset([1, 2])
print(copy.deepcopy(fs) == fs, copy.copy(fs) is fs)
s = {1, (2, 3)}
print(copy.deepcopy(s) == s, copy.deepcopy(s) is s)
nested = [[[[]]]]
n2 = copy.deepcopy(nested)
print(n2 == nested, n2[0][0] is nested[0][0])
