# sys.float_info / int_info / hash_info / version_info: struct sequences.
import sys

print(sys.float_info)
print(sys.int_info)
print(sys.hash_info)
print(sys.version_info)
fi = sys.float_info
print(fi.max, fi[0], fi.epsilon, fi.dig, fi.mant_dig, fi.radix, len(fi), isinstance(fi, tuple))
print(fi.max == fi[0], fi.min_exp, tuple(fi)[-1], fi[-3:])
print(sys.int_info.bits_per_digit, sys.int_info.default_max_str_digits)
print(sys.hash_info.modulus == 2**61 - 1, sys.hash_info.inf, sys.hash_info.width, hash(float('inf')))
vi = sys.version_info
print(vi.major, vi.minor, vi.releaselevel, vi.serial, vi[:2], vi >= (3, 11), vi < (4,), vi == tuple(vi))
major, minor, *rest = vi
print(major, minor, rest, type(vi).__name__, type(sys.float_info).__name__)
print(sys.version.startswith('3.11.'), sys.hexversion >> 16 == 0x030B)
try:
    fi.max = 1
except AttributeError as e:
    print('AttributeError', e)
try:
    type(fi)()
except TypeError as e:
    print('TypeError', e)
try:
    fi[20]
except IndexError as e:
    print('IndexError', e)
print(hash(vi) == hash(tuple(vi)), vi.count(0), vi.index(11))
