try:
    import does_not_exist
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from pkg_a import nothing_here
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    import pkg_a.nope
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    import _mod_plain.sub
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    import _mod_broken
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
import sys
print("_mod_broken" in sys.modules)
