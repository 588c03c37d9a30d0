"""Digits of pi by the unbounded spigot algorithm (linear fractional transforms composed with big integers).

Exercises arbitrary-precision integer arithmetic that grows with the digit
count: multiplication of a big int by a small int, big-int addition, floor
division of big ints, and tuple packing/unpacking of the 4-term state. The
checksum is "<number of digits> <sum of digits * weights mod 1e9+7> <last 20 digits>"."""


def pi_digits(count):
    # state (q, r, t) of the transform [[q, r], [0, t]]; k is the term index
    q, r, t, k = 1, 0, 1, 1
    digits = []
    while len(digits) < count:
        # compose with the next term [[k, 4k+2], [0, 2k+1]]
        k2 = 2 * k + 1
        q, r, t = q * k, (2 * q + r) * k2, t * k2
        k += 1
        if q > r:
            continue
        # extract: the digit is floor((3q + r)/t) when it agrees with floor((4q + r)/t)
        d, rem = divmod(3 * q + r, t)
        if rem + q >= t:
            continue
        digits.append(d)
        # shift out the digit: multiply by 10 after subtracting d
        q, r = 10 * q, 10 * (r - d * t)
    return digits


def run(n):
    digits = pi_digits(n)
    fold = 0
    for i, d in enumerate(digits):
        fold = (fold * 31 + d * (i + 1)) % 1000000007
    text = "".join(map(str, digits))
    return "%d %d %s" % (len(digits), fold, text[-20:])


SCALES = {"tiny": 200, "quick": 1750, "full": 3500}
