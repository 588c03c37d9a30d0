import pkg_a
import pkg_a.sub
import pkg_a.sub.deep as deep
from pkg_a import helper
from pkg_a.sub import value as v
print(pkg_a.NAME, pkg_a.sub.SUB, deep.DEEP, helper(2), v)
print(pkg_a.__name__, pkg_a.sub.__name__, deep.__name__, pkg_a.sub.__package__, deep.__package__)
import sys
print("pkg_a" in sys.modules, "pkg_a.sub.deep" in sys.modules)
