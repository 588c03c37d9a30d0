# The gc module's interface: switches, thresholds, tracking, freezing,
# callbacks and argument errors.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

print(gc.get_threshold())
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
print(type(gc.get_count()), len(gc.get_count()))

print(gc.is_tracked(1), gc.is_tracked('s'), gc.is_tracked([]), gc.is_tracked({'k': []}))
class K:
    pass
print(gc.is_tracked(K()), gc.is_tracked(K))

print(gc.get_referents([1, 'x', None]), gc.get_referents((1, 2)))
print(len(gc.get_referrers()), gc.get_referents())

for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    gc.get_objects(5)
except ValueError as e:
    print('ValueError', e)
try:
    gc.get_objects(-2)
except ValueError as e:
    print('ValueError', e)

phases = []
def cb(phase, info):
    phases.append((phase, sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(phases)

gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
print(gc.DEBUG_SAVEALL, gc.DEBUG_LEAK, gc.garbage)
print(isinstance(gc.get_objects(), list), isinstance(gc.get_objects(0), list))
