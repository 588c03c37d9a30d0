"""Fannkuch-redux: for every permutation of 1..n, count the pancake flips until 1 is in front.

Exercises list slicing and slice assignment with reversed slices, list indexing
and element swaps, while loops with integer counters, and the incremental
permutation generator (rotations driven by a count array). The checksum is
"<alternating-sign checksum> <max flips>"."""


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_index = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        first = perm[0]
        while first != 0:
            perm[:first + 1] = perm[first::-1]
            flips += 1
            first = perm[0]
        if flips > max_flips:
            max_flips = flips
        if perm_index % 2 == 0:
            checksum += flips
        else:
            checksum -= flips
        # next permutation: rotate the first r+1 elements left, r growing while counts wrap
        while True:
            if r == n:
                return checksum, max_flips
            p0 = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_index += 1


def run(n):
    checksum, max_flips = fannkuch(n)
    return "%d %d" % (checksum, max_flips)


SCALES = {"tiny": 6, "quick": 8, "full": 9}
