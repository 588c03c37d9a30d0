import _circ_a
print(_circ_a.A_VALUE, _circ_a._circ_b.B_VALUE)
