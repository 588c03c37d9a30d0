# eval/compile corner cases: empty input, stripped indentation, and the
# digit limit of int literals (a SyntaxError at compile time).
import sys
for s in ['', '   ', '\n', '#c', '\t1 + 1', ' \n ']:
    try:
        print(repr(s), eval(s))
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset, repr(e.text))
for n in (4300, 4301):
    try:
        v = eval('1' * n)
        print(n, 'ok', len(str(v)))
    except SyntaxError as e:
        print(n, e.msg, e.lineno, e.offset)
print(len(str(eval('0x' + 'f' * 5000))))
sys.set_int_max_str_digits(6000)
print(len(str(eval('2' * 5000))))
sys.set_int_max_str_digits(0)
print(len(str(eval('3' * 20000))))
sys.set_int_max_str_digits(4300)
try:
    exec('x = 1\ny = ' + '9' * 4400 + '_1\n')
except SyntaxError as e:
    print(e.msg[:60], e.lineno)

# A deep recursion that compares ints reports the plain message.
def down(n):
    if n == 0:
        return 0
    return down(n - 1)
try:
    down(100000)
except RecursionError as e:
    print(e)
