import _mod_plain
print(_mod_plain.__name__, _mod_plain.x, _mod_plain.f(3), type(_mod_plain).__name__)
_mod_plain.x = 99
import _mod_plain as again
print(again.x, again is _mod_plain)
print(__name__)
if __name__ == "__main__":
    print("main guard")
import _mod_counter, _mod_counter
print(_mod_counter.loads)
