# abc: get_cache_token changes on register(); caches can be cleared.
import abc

t0 = abc.get_cache_token()
print(type(t0).__name__)


class A(abc.ABC):
    pass


print(abc.get_cache_token() == t0)


class X:
    pass


print(issubclass(X, A))
A.register(X)
t1 = abc.get_cache_token()
print(t1 == t0, t1 != t0)
print(issubclass(X, A))
# Registering again does nothing (already a subclass).
A.register(X)
print(abc.get_cache_token() == t1)

A._abc_caches_clear()
print(issubclass(X, A))
A._abc_registry_clear()
A._abc_caches_clear()
print(issubclass(X, A))
print(type(A._abc_impl).__name__)
