from _mod_star import *
print(public_a, public_b)
try:
    print(_private)
except NameError as e:
    print("NameError:", e)
from _mod_all import *
print(exported)
try:
    print(hidden)
except NameError as e:
    print("NameError:", e)
