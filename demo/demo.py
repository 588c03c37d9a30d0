"""Spindle's demo: n queens with closures, frozensets, generators, a class
with __match_args__, structural pattern matching and f-strings."""


class Queen:
    __match_args__ = ("row", "col")

    def __init__(self, row: int, col: int):
        self.row, self.col = row, col

    def __repr__(self):
        return f"Queen({self.row}, {self.col})"


def solve(n: int) -> list[list[int]]:
    """All placements of n queens on an n x n board."""
    solutions = []

    def place(row, cols, diag1, diag2, board):
        if row == n:
            solutions.append(board[:])
            return
        for col in range(n):
            if col in cols or (row + col) in diag1 or (row - col) in diag2:
                continue
            board.append(col)
            place(row + 1, cols | {col}, diag1 | {row + col}, diag2 | {row - col}, board)
            board.pop()

    place(0, frozenset(), frozenset(), frozenset(), [])
    return solutions


def describe(value):
    match value:
        case []:
            return "nothing"
        case [Queen(row=r, col=c)]:
            return f"one queen at {r},{c}"
        case [first, *rest] if rest:
            return f"{len(rest) + 1} queens, the first in column {first.col}"
    return "?"


def boards(limit):
    """Yields (size, solutions) for growing board sizes."""
    for size in range(1, limit + 1):
        yield size, solve(size)


if __name__ == "__main__":
    for size, found in boards(8):
        print(f"{size:>2} queens: {len(found):>3} solutions", end="; ")
        queens = [Queen(r, c) for r, c in enumerate(found[0])] if found else []
        print(describe(queens))
