import sys
print(sys.get_int_max_str_digits())
x = 10 ** 5000
try:
    print(str(x))
except ValueError as e:
    print("ValueError:", e)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", str(e)[:80])
print(len(str(10 ** 4000)))
sys.set_int_max_str_digits(6000)
print(len(str(x)))
