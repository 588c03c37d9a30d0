class A: pass
try:
    A().nope
except AttributeError as e:
    print(e, e.name)
try:
    undefined_name
except NameError as e:
    print(e, e.name)
try:
    (1).foo
except AttributeError as e:
    print(e)
try:
    A.nope
except AttributeError as e:
    print(e)
import sys
try:
    sys.nope
except AttributeError as e:
    print(e)
try:
    None.x = 1
except AttributeError as e:
    print(e)
try:
    "s".x = 1
except AttributeError as e:
    print(e)
