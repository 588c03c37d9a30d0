import sys
def f():
    fr = sys._getframe()
    print(fr.f_code.co_name, fr.f_lineno, fr.f_back.f_code.co_name, sorted(fr.f_locals), type(fr).__name__)
    return fr
x = f()
print(x.f_lineno, x.f_back is not None, sys._getframe(0).f_code.co_name)
def outer():
    def inner():
        return sys._getframe(1).f_code.co_name, sys._getframe(2).f_code.co_name
    return inner()
print(outer())
try:
    1/0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_globals is globals(), tb.tb_next)
def g():
    yield 1
gen = g()
print(gen.gi_frame.f_code.co_name, next(gen), gen.gi_frame.f_lineno, list(gen), gen.gi_frame)
try:
    sys._getframe(100)
except ValueError as e:
    print("ValueError:", e)
