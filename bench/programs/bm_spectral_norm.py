"""Spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1), truncated to n x n, by the power method.

Exercises nested loops over ranges with integer index arithmetic feeding float
division, calls to a small function in the innermost loop, list building and
float accumulation. Ten iterations of v = A^T A u, u = A^T A v; the checksum
is sqrt(u.v / v.v) formatted with "%.9f"."""
import math


def a_entry(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def times_a(u):
    n = len(u)
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a_entry(i, j) * u[j]
        out.append(s)
    return out


def times_at(u):
    n = len(u)
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a_entry(j, i) * u[j]
        out.append(s)
    return out


def times_at_a(u):
    return times_at(times_a(u))


def run(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = times_at_a(u)
        u = times_at_a(v)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return "%.9f" % math.sqrt(vbv / vv)


SCALES = {"tiny": 20, "quick": 100, "full": 200}
