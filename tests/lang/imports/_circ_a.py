A_VALUE = "a"
import _circ_b
print("_circ_a sees", _circ_b.B_VALUE)
