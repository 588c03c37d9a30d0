"""Martin Richards' operating-system simulation: a scheduler switching between six small tasks that pass packets.

Exercises method calls on small objects (one class per kind of task, overriding a common
`step` method), attribute loads and stores on task and packet records, short linked lists
built from object references, integer bit operations on task state flags, and polymorphic
dispatch from the scheduler loop.
"""

# Task identities.
IDLE = 0
WORKER = 1
HANDLER_A = 2
HANDLER_B = 3
DEVICE_A = 4
DEVICE_B = 5
TASK_COUNT = 6

# Packet kinds.
KIND_DEVICE = 0
KIND_WORK = 1

# Task state flags.
PACKET_PENDING = 1
WAITING = 2
HOLDING = 4

# The classic workload: the idle task counts down this many times.
IDLE_COUNT = 10000
ALPHABET = 26


class Packet(object):
    def __init__(self, link, destination, kind):
        self.link = link
        self.destination = destination
        self.kind = kind
        self.count = 0
        self.data = [0, 0, 0, 0]

    def append_to(self, queue):
        """Puts this packet at the end of queue (a packet or None); returns the new head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task(object):
    """A task control block: priority, its packet queue, its state flags and a link to the next task."""

    def __init__(self, scheduler, ident, priority, queue, state):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.state = state
        self.link = scheduler.tasks
        scheduler.tasks = self
        scheduler.table[ident] = self

    def is_blocked(self):
        state = self.state
        return (state & HOLDING) != 0 or state == WAITING

    def is_waiting_with_packet(self):
        return self.state == WAITING | PACKET_PENDING

    def take_packet(self):
        packet = self.queue
        self.queue = packet.link
        if self.queue is None:
            self.state = 0
        else:
            self.state = PACKET_PENDING
        return packet

    def receive(self, packet, sender):
        """Queues packet on this task; returns the task that should run next."""
        if self.queue is None:
            self.queue = packet
            self.state |= PACKET_PENDING
            if self.priority > sender.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return sender

    def step(self, packet):
        raise NotImplementedError

    # The system calls a task makes on itself.

    def wait(self):
        self.state |= WAITING
        return self

    def hold(self):
        self.scheduler.hold_count += 1
        self.state |= HOLDING
        return self.link

    def release(self, ident):
        task = self.scheduler.table[ident]
        task.state &= ~HOLDING
        if task.priority > self.priority:
            return task
        return self

    def send(self, packet):
        scheduler = self.scheduler
        target = scheduler.table[packet.destination]
        scheduler.queue_count += 1
        packet.link = None
        packet.destination = self.ident
        return target.receive(packet, self)


class IdleTask(Task):
    def __init__(self, scheduler, count):
        Task.__init__(self, scheduler, IDLE, 0, None, 0)
        self.seed = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, queue):
        Task.__init__(self, scheduler, WORKER, 1000, queue, WAITING | PACKET_PENDING)
        self.handler = HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.wait()
        if self.handler == HANDLER_A:
            self.handler = HANDLER_B
        else:
            self.handler = HANDLER_A
        packet.destination = self.handler
        packet.count = 0
        data = packet.data
        for i in range(4):
            self.letter += 1
            if self.letter > ALPHABET:
                self.letter = 1
            data[i] = self.letter
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue, WAITING | PACKET_PENDING)
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            count = work.count
            if count >= 4:
                self.work = work.link
                return self.send(work)
            device = self.devices
            if device is not None:
                self.devices = device.link
                device.count = work.data[count]
                work.count = count + 1
                return self.send(device)
        return self.wait()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        Task.__init__(self, scheduler, ident, priority, None, WAITING)
        self.pending = None

    def step(self, packet):
        if packet is None:
            pending = self.pending
            if pending is None:
                return self.wait()
            self.pending = None
            return self.send(pending)
        self.pending = packet
        return self.hold()


class Scheduler(object):
    def __init__(self):
        self.tasks = None
        self.table = [None] * TASK_COUNT
        self.queue_count = 0
        self.hold_count = 0

    def setup(self, idle_count):
        IdleTask(self, idle_count)
        work = Packet(None, IDLE, KIND_WORK)
        work = Packet(work, IDLE, KIND_WORK)
        WorkerTask(self, work)
        for ident, priority, device in ((HANDLER_A, 2000, DEVICE_A), (HANDLER_B, 3000, DEVICE_B)):
            queue = None
            for _ in range(3):
                queue = Packet(queue, device, KIND_DEVICE)
            HandlerTask(self, ident, priority, queue)
        DeviceTask(self, DEVICE_A, 4000)
        DeviceTask(self, DEVICE_B, 5000)

    def schedule(self):
        task = self.tasks
        while task is not None:
            if task.is_blocked():
                task = task.link
                continue
            packet = None
            if task.is_waiting_with_packet():
                packet = task.take_packet()
            task = task.step(packet)


def one_run(idle_count):
    scheduler = Scheduler()
    scheduler.setup(idle_count)
    scheduler.schedule()
    return scheduler.queue_count, scheduler.hold_count


def run(n):
    checksum = 0
    for i in range(n):
        # Every fourth run is a shorter one, so the counts vary across runs.
        count = IDLE_COUNT if i % 4 != 3 else IDLE_COUNT // 2 + i
        queued, held = one_run(count)
        checksum = (checksum * 1000003 + queued * 65537 + held) & 0xFFFFFFFFFFFF
    return "%d:%d" % (n, checksum)


SCALES = {"tiny": 1, "quick": 2, "full": 9}
