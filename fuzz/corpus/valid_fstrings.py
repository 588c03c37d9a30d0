x = f'{a!r:>{width}} {b=} {c:.2f}' rf'\d{d}'
