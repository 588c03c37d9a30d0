"""A small Go player: 9x9 board, Monte-Carlo tree search (UCT) over random playouts.

Exercises small objects linked by references (board squares with union-find parents and
member lists for groups), attribute-heavy inner loops, short list scans and appends,
integer arithmetic in a hand-written random generator, float arithmetic with math.sqrt and
math.log in the tree policy, and method calls between Board, Square, EmptySet and Node.
"""
import math

SIZE = 9
AREA = SIZE * SIZE
EMPTY = 0
BLACK = 1
WHITE = 2
PASS = -1
KOMI_TWICE = 15          # komi 7.5, doubled so that scores stay integers
MAX_GAME_MOVES = 3 * AREA
MOVES_PER_GAME = 3       # moves chosen by the tree search in one run
MASK32 = 0xFFFFFFFF


class XorShift(object):
    """A 32-bit xorshift generator (identical on every engine, unlike the random module)."""

    def __init__(self, seed):
        self.state = (seed & MASK32) or 1

    def next(self):
        x = self.state
        x ^= (x << 13) & MASK32
        x ^= x >> 17
        x ^= (x << 5) & MASK32
        self.state = x
        return x

    def below(self, n):
        return self.next() % n


class Square(object):
    def __init__(self, pos):
        self.pos = pos
        self.color = EMPTY
        self.neighbours = []
        self.parent = self
        self.members = [self]
        # Pseudo-liberties of the group when this square is its root: the number of
        # (stone of the group, empty neighbour) pairs.
        self.liberty_edges = 0

    def reset(self):
        self.color = EMPTY
        self.parent = self
        self.members = [self]
        self.liberty_edges = 0

    def find(self):
        root = self
        while root.parent is not root:
            root = root.parent
        square = self
        while square.parent is not root:
            following = square.parent
            square.parent = root
            square = following
        return root


class EmptySet(object):
    """The empty points, with O(1) insertion and removal (a dense list plus each point's index)."""

    def __init__(self):
        self.items = []
        self.index = [0] * AREA

    def reset(self):
        self.items = list(range(AREA))
        self.index = list(range(AREA))

    def add(self, pos):
        self.index[pos] = len(self.items)
        self.items.append(pos)

    def remove(self, pos):
        items = self.items
        i = self.index[pos]
        last = items.pop()
        if last != pos:
            items[i] = last
            self.index[last] = i


class Board(object):
    def __init__(self):
        self.squares = [Square(pos) for pos in range(AREA)]
        for square in self.squares:
            x = square.pos % SIZE
            y = square.pos // SIZE
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                nx = x + dx
                ny = y + dy
                if 0 <= nx < SIZE and 0 <= ny < SIZE:
                    square.neighbours.append(self.squares[ny * SIZE + nx])
        self.empty = EmptySet()
        self.reset()

    def reset(self):
        for square in self.squares:
            square.reset()
        self.empty.reset()
        self.to_move = BLACK
        self.ko = PASS
        self.passes = 0
        self.move_count = 0

    def legal(self, pos):
        """Is pos a legal move for the player to move (empty, not the ko point, not suicide)?"""
        if pos == self.ko:
            return False
        square = self.squares[pos]
        if square.color != EMPTY:
            return False
        neighbours = square.neighbours
        for nb in neighbours:
            if nb.color == EMPTY:
                return True
        me = self.to_move
        seen = []
        for nb in neighbours:
            root = nb.find()
            if root in seen:
                continue
            seen.append(root)
            touching = 0
            for other in neighbours:
                if other.find() is root:
                    touching += 1
            if root.color == me:
                # Still has a liberty other than pos after we fill pos.
                if root.liberty_edges > touching:
                    return True
            elif root.liberty_edges == touching:
                # pos is the opponent group's last liberty: we capture it.
                return True
        return False

    def is_own_eye(self, pos):
        me = self.to_move
        for nb in self.squares[pos].neighbours:
            if nb.color != me:
                return False
        return True

    def play(self, pos):
        """Plays a legal move (or PASS) for the player to move; returns the number of stones captured."""
        me = self.to_move
        self.to_move = WHITE if me == BLACK else BLACK
        self.move_count += 1
        if pos == PASS:
            self.passes += 1
            self.ko = PASS
            return 0
        self.passes = 0
        square = self.squares[pos]
        square.color = me
        self.empty.remove(pos)
        liberties = 0
        for nb in square.neighbours:
            if nb.color == EMPTY:
                liberties += 1
        square.liberty_edges = liberties
        for nb in square.neighbours:
            if nb.color != EMPTY and nb is not square:
                root = nb.find()
                root.liberty_edges -= 1
                if nb.color == me:
                    mine = square.find()
                    if mine is not root:
                        self.merge(mine, root)
        captured = 0
        captured_pos = PASS
        for nb in square.neighbours:
            if nb.color != EMPTY and nb.color != me:
                root = nb.find()
                if root.liberty_edges == 0:
                    captured += len(root.members)
                    captured_pos = root.pos
                    self.capture(root)
        mine = square.find()
        if captured == 1 and len(mine.members) == 1 and mine.liberty_edges == 1:
            self.ko = captured_pos
        else:
            self.ko = PASS
        return captured

    def merge(self, a, b):
        if len(a.members) < len(b.members):
            a, b = b, a
        b.parent = a
        a.members.extend(b.members)
        a.liberty_edges += b.liberty_edges
        b.members = None

    def capture(self, root):
        stones = root.members
        for stone in stones:
            stone.color = EMPTY
            self.empty.add(stone.pos)
        for stone in stones:
            stone.parent = stone
            stone.members = [stone]
            stone.liberty_edges = 0
            for nb in stone.neighbours:
                if nb.color != EMPTY:
                    nb.find().liberty_edges += 1

    def candidate_moves(self):
        """Legal moves that do not fill one of the mover's own eyes, in board order."""
        moves = []
        for pos in range(AREA):
            if self.squares[pos].color == EMPTY and self.legal(pos) and not self.is_own_eye(pos):
                moves.append(pos)
        return moves

    def random_move(self, rng):
        items = self.empty.items
        count = len(items)
        if count == 0:
            return PASS
        start = rng.below(count)
        for i in range(count):
            pos = items[(start + i) % count]
            if self.legal(pos) and not self.is_own_eye(pos):
                return pos
        return PASS

    def play_out(self, rng):
        while self.passes < 2 and self.move_count < MAX_GAME_MOVES:
            self.play(self.random_move(rng))

    def score(self):
        """Black's area minus White's (stones plus empty points bordered by one colour only)."""
        black = 0
        white = 0
        for square in self.squares:
            color = square.color
            if color == EMPTY:
                seen = 0
                for nb in square.neighbours:
                    seen |= nb.color
                color = seen if seen == BLACK or seen == WHITE else EMPTY
            if color == BLACK:
                black += 1
            elif color == WHITE:
                white += 1
        return black - white


class Node(object):
    def __init__(self, pos, mover):
        self.pos = pos
        self.mover = mover
        self.children = []
        self.untried = None
        self.wins = 0
        self.visits = 0

    def best_child(self):
        log_visits = math.log(self.visits)
        best = None
        best_value = -1.0
        for child in self.children:
            value = child.wins / child.visits + math.sqrt(2.0 * log_visits / child.visits)
            if value > best_value:
                best = child
                best_value = value
        return best

    def most_visited(self):
        best = None
        for child in self.children:
            if best is None or child.visits > best.visits:
                best = child
        return best


class Player(object):
    def __init__(self, rng):
        self.rng = rng
        self.board = Board()
        self.score_sum = 0
        self.black_wins = 0

    def replay(self, history):
        board = self.board
        board.reset()
        for pos in history:
            board.play(pos)
        return board

    def shuffled(self, moves):
        rng = self.rng
        for i in range(len(moves) - 1, 0, -1):
            j = rng.below(i + 1)
            moves[i], moves[j] = moves[j], moves[i]
        return moves

    def choose(self, history, playouts):
        board = self.replay(history)
        root = Node(PASS, WHITE if board.to_move == BLACK else BLACK)
        for _ in range(playouts):
            board = self.replay(history)
            node = root
            path = [root]
            while node.untried is not None and not node.untried and node.children:
                node = node.best_child()
                board.play(node.pos)
                path.append(node)
            if node.untried is None:
                node.untried = self.shuffled(board.candidate_moves())
            if node.untried:
                pos = node.untried.pop()
                child = Node(pos, board.to_move)
                node.children.append(child)
                board.play(pos)
                path.append(child)
            board.play_out(self.rng)
            score = board.score()
            self.score_sum = (self.score_sum * 31 + score + 1000) & MASK32
            black_won = 2 * score > KOMI_TWICE
            if black_won:
                self.black_wins += 1
            for step in path:
                step.visits += 1
                if (step.mover == BLACK) == black_won:
                    step.wins += 1
        best = root.most_visited()
        if best is None:
            return PASS, 0, 0
        return best.pos, best.wins, best.visits


def run(n):
    player = Player(XorShift(20240613))
    history = []
    parts = []
    for _ in range(MOVES_PER_GAME):
        pos, wins, visits = player.choose(history, n)
        history.append(pos)
        parts.append("%d/%d/%d" % (pos, wins, visits))
    return "%s;%d;%d" % (",".join(parts), player.black_wins, player.score_sum)


SCALES = {"tiny": 2, "quick": 35, "full": 140}
