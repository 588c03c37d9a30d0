# Allocation churn that only cycle collection can reclaim: instance cycles,
# self-referencing containers, classes made in a loop, closures, generators
# suspended in cycles, exceptions kept with their tracebacks, weak references
# with callbacks, and "games": boards of cyclic objects that live through
# several collections (so they are promoted) before they are dropped, as
# pyperformance's go does. Runs for the number of seconds given (default 3).
import sys
import time
import weakref

def churn_once(i):
    class Node:
        pass
    a = Node(); b = Node()
    a.peer = b; b.peer = a
    a.data = [a, b, {"k": a}]
    lst = []; lst.append(lst)
    d = {}; d["self"] = d

    def outer():
        def inner():
            return inner
        return inner
    outer()

    def gen():
        me = yield 1
        yield me
    g = gen(); next(g); g.send(g)

    try:
        raise ValueError(i)
    except ValueError as e:
        kept = e
    frame_holder = [kept]
    frame_holder.append(frame_holder)

    r = weakref.ref(a, lambda w: None)
    return r

class Square:
    def __init__(self, board, pos):
        self.board = board
        self.pos = pos
        self.neighbours = []

def play_game(size):
    board = [Square(None, i) for i in range(size)]
    for sq in board:
        sq.board = board
        sq.neighbours = [board[(sq.pos + d) % size] for d in (1, -1, 7, -7)]
    moves = 0
    for turn in range(size * 4):  # allocation while the board is alive
        history = [(turn, sq.pos) for sq in board[turn % size].neighbours]
        moves += len(history)
    return moves

seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
end = time.monotonic() + seconds
n = 0
while time.monotonic() < end:
    for _ in range(200):
        churn_once(n)
        n += 1
    play_game(1000)
print("iterations", n > 0)
