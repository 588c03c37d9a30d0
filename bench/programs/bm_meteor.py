"""The meteor-contest puzzle: place ten five-cell pieces on a 5 x 10 hexagonal board, finding solutions by recursive search.

Exercises big-ish integer bit operations (50-bit masks: and, or, shifts, lowest empty bit),
recursion, nested lists and dictionaries built once per run (every rotation and flip of
every piece at every position), tuple and set handling in the precomputation, and string
building and comparison for the solutions. run(n) stops after n solutions (the board has
2098 in all); the checksum is the count and the smallest and largest solution strings.
"""

WIDTH = 5
HEIGHT = 10
CELLS = WIDTH * HEIGHT
FULL = (1 << CELLS) - 1

# The ten pieces as cells in axial hex coordinates (q, r): r is the row, and moving
# down-right keeps q. Each is five connected cells of the triangular-lattice board.
PIECES = (
    ((0, 0), (1, 0), (2, 0), (3, 0), (3, 1)),
    ((0, 0), (0, 1), (1, 1), (2, 0), (3, 0)),
    ((0, 0), (1, 0), (2, 0), (2, 1), (1, 2)),
    ((0, 0), (1, 0), (2, 0), (1, 1), (1, 2)),
    ((0, 0), (0, 1), (1, 1), (2, 0), (1, 2)),
    ((0, 0), (1, 0), (2, 0), (1, 1), (2, 1)),
    ((0, 0), (1, 0), (1, 1), (1, 2), (2, 1)),
    ((0, 0), (1, 0), (1, 1), (1, 2), (0, 2)),
    ((0, 0), (1, 0), (1, 1), (2, 1), (3, 1)),
    ((0, 0), (1, 0), (2, 0), (3, 0), (2, 1)),
)

# Neighbour offsets in axial coordinates: E, W, NE, NW, SE, SW.
HEX_STEPS = ((1, 0), (-1, 0), (1, -1), (0, -1), (0, 1), (-1, 1))


def to_axial(x, y):
    # Odd rows are shifted half a cell to the right.
    return x - (y - (y & 1)) // 2, y


def to_offset(q, r):
    return q + (r - (r & 1)) // 2, r


def rotate(cells):
    """Turns a piece by 60 degrees about the origin."""
    return [(-r, q + r) for q, r in cells]


def mirror(cells):
    return [(q + r, -r) for q, r in cells]


def orientations(cells):
    result = []
    shape = list(cells)
    for _ in range(2):
        for _ in range(6):
            result.append(shape)
            shape = rotate(shape)
        shape = mirror(shape)
    return result


class Board(object):
    """The board's geometry: each cell's neighbours, and the masks of piece placements."""

    def __init__(self):
        self.neighbours = []
        for i in range(CELLS):
            q, r = to_axial(i % WIDTH, i // WIDTH)
            around = []
            for dq, dr in HEX_STEPS:
                cell = self.cell_at(q + dq, r + dr)
                if cell is not None:
                    around.append(cell)
            self.neighbours.append(around)
        self.border = 0
        for i in range(CELLS):
            if len(self.neighbours[i]) < 6:
                self.border |= 1 << i

    def cell_at(self, q, r):
        x, y = to_offset(q, r)
        if 0 <= x < WIDTH and 0 <= y < HEIGHT:
            return y * WIDTH + x
        return None

    def placements(self, shape):
        """Every mask of shape on the board, translated to put its first cell on each board cell."""
        masks = set()
        q0, r0 = shape[0]
        for i in range(CELLS):
            bq, br = to_axial(i % WIDTH, i // WIDTH)
            mask = 0
            for q, r in shape:
                cell = self.cell_at(q - q0 + bq, r - r0 + br)
                if cell is None:
                    mask = 0
                    break
                mask |= 1 << cell
            if mask:
                masks.add(mask)
        return masks

    def leaves_bad_region(self, mask):
        """Would mask alone cut off a region of the empty board whose size is not a multiple of 5?

        This is pruning only (a bad placement kept here is merely rejected later by the
        search), so it looks only at placements touching the board's edge: a five-cell piece
        cannot enclose a region by itself."""
        if not mask & self.border:
            return False
        seen = mask
        for start in range(CELLS):
            if seen >> start & 1:
                continue
            seen |= 1 << start
            size = 0
            pending = [start]
            while pending:
                here = pending.pop()
                size += 1
                for nb in self.neighbours[here]:
                    if not seen >> nb & 1:
                        seen |= 1 << nb
                        pending.append(nb)
            if size % 5:
                return True
        return False


def lowest_bit(mask):
    cell = 0
    while not mask >> cell & 1:
        cell += 1
    return cell


class Solver(object):
    def __init__(self, limit):
        self.limit = limit
        self.board = Board()
        # by_cell[c][p]: masks of piece p whose lowest cell is c.
        self.by_cell = [[[] for _ in PIECES] for _ in range(CELLS)]
        for p, piece in enumerate(PIECES):
            masks = set()
            for shape in orientations(piece):
                masks |= self.board.placements(shape)
            for mask in sorted(masks):
                if not self.board.leaves_bad_region(mask):
                    self.by_cell[lowest_bit(mask)][p].append(mask)
        self.placed = [0] * len(PIECES)
        self.count = 0
        self.smallest = None
        self.largest = None

    def solve(self):
        self.search(0, 0, 0)

    def search(self, filled, cell, used):
        while filled >> cell & 1:
            cell += 1
        options = self.by_cell[cell]
        placed = self.placed
        for p in range(len(PIECES)):
            if used >> p & 1:
                continue
            for mask in options[p]:
                if filled & mask:
                    continue
                placed[p] = mask
                now = filled | mask
                if now == FULL:
                    self.record()
                else:
                    self.search(now, cell + 1, used | (1 << p))
                if self.count >= self.limit:
                    return

    def record(self):
        digits = [""] * CELLS
        for p, mask in enumerate(self.placed):
            for cell in range(CELLS):
                if mask >> cell & 1:
                    digits[cell] = str(p)
        text = "".join(digits)
        self.count += 1
        if self.smallest is None or text < self.smallest:
            self.smallest = text
        if self.largest is None or text > self.largest:
            self.largest = text


def run(n):
    solver = Solver(n)
    solver.solve()
    return "%d:%s:%s" % (solver.count, solver.smallest, solver.largest)


SCALES = {"tiny": 1, "quick": 5, "full": 200}
