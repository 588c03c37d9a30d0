from __future__ import annotations
import __future__
print(__future__.annotations, __future__.division.getMandatoryRelease(), len(__future__.all_feature_names))
def f(x: int) -> str: pass
print(f.__annotations__)
