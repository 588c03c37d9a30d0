// Unit tests of the type system and object protocol (src/objects/
// typeobject, slots, object_type, abstract, descr, method, super, args):
// classes built through type(name, bases, dict) with builtin callables as
// their methods, checked against CPython 3.11's behaviour and messages.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "objects/abstract.h"
#include "objects/alloc.h"
#include "objects/args.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/method.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "objects/typeutil.h"
#include "runtime/errors.h"
#include "runtime/runtime.h"

using namespace spindle;
using namespace spindle::objects;

namespace {

ThreadState* ts = nullptr;

#define CHECK(c) EXPECT_TRUE(c)

std::string err() {
  if (!ts->current_exception) return "<no exc>";
  Object* e = runtime::fetch_exception(ts);
  Ref s = Ref::steal(str(ts, e));
  std::string r = std::string(type_name(e->ob_type)) + ": " + (s ? str_utf8(ts, s.get(), nullptr) : "?");
  decref(e);
  return r;
}
Object* S(const char* s) { return str_intern_cstr(ts, s); }
std::string R(Object* o) {
  if (!o) return "NULL(" + err() + ")";
  return repr_utf8(ts, o);
}
// R of a new reference, which it releases.
std::string RN(Object* o) {
  Ref owned = Ref::steal(o);
  return R(o);
}
Object* I(int64_t v) { return int_from_i64(ts, v); }

// A stand-in for Python functions: calls a BuiltinFn with all arguments and
// binds to instances like a function does.
Type fakefunc_type;
struct FakeFunc : Object {
  BuiltinFn fn;
  const char* name;
};
Object* ff_call(ThreadState* ts, Object* f, Object* const* args, size_t nargs, Object* kw) {
  return static_cast<FakeFunc*>(f)->fn(ts, nullptr, args, nargs, kw);
}
Object* ff_get(ThreadState* ts, Object* f, Object* obj, Object*) {
  if (!obj) return new_ref(f);
  return method_new(ts, f, obj);
}
Object* ff_repr(ThreadState* ts, Object* f) {
  return str_from_format(ts, "<function %s>", static_cast<FakeFunc*>(f)->name);
}
Object* F(const char* name, BuiltinFn fn) {
  auto* f = static_cast<FakeFunc*>(alloc_object(ts, &fakefunc_type, sizeof(FakeFunc)));
  f->fn = fn;
  f->name = name;
  return f;
}

// Objects the tests keep until the suite ends (TearDownTestSuite releases
// them): the classes make_class returns and what own() is given.
std::vector<Object*> owned;
Object* own(Object* o) {
  if (o) owned.push_back(o);
  return o;
}

// type(name, bases, ns) with the given metaclass; the namespace values are
// new references, stolen. The class belongs to the suite (own()).
Object* make_class(const char* name, std::initializer_list<Object*> bases,
                   std::initializer_list<std::pair<const char*, Object*>> ns, Type* meta = &type_type) {
  Ref b = Ref::steal(tuple_new(ts, bases.size()));
  size_t i = 0;
  for (Object* x : bases) tuple_items(b.get())[i++] = new_ref(x);
  Ref d = Ref::steal(dict_new(ts));
  EXPECT_EQ(dict_set_item(ts, d.get(), S("__module__"), S("__main__")), 0);
  for (auto& [k, v] : ns) {
    EXPECT_EQ(dict_set_item(ts, d.get(), S(k), v), 0);
    xdecref(v);
  }
  Object* args[3] = {S(name), b.get(), d.get()};
  return own(call(ts, meta, args, 3));
}

class TypesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Never destroyed, as in the interpreter (cli/main.cpp): the process's
    // interned strings and static types stay rooted in it until exit.
    static runtime::Runtime* rt = new runtime::Runtime;
    ts = runtime::runtime_start(*rt);
    ASSERT_NE(ts, nullptr);
    fakefunc_type.name = "function";
    fakefunc_type.basicsize = sizeof(FakeFunc);
    fakefunc_type.call = ff_call;
    fakefunc_type.descr_get = ff_get;
    fakefunc_type.repr = ff_repr;
    fakefunc_type.flags = kTypeMethodDescriptor;
    ASSERT_EQ(type_ready(ts, &fakefunc_type), 0);
  }
  static void TearDownTestSuite() {
    for (auto it = owned.rbegin(); it != owned.rend(); ++it) decref(*it);
    owned.clear();
    runtime::gc_collect(ts, runtime::kGcGenerations - 1);
  }
};

Object* f_add(ThreadState* ts, Object*, Object* const* a, size_t n, Object*) {
  return str_from_format(ts, "add(%s,%s)", R(a[0]).c_str(), R(a[1]).c_str());
}
Object* f_radd(ThreadState* ts, Object*, Object* const* a, size_t n, Object*) {
  return str_from_format(ts, "radd(%s,%s)", R(a[0]).c_str(), R(a[1]).c_str());
}
Object* f_repr(ThreadState* ts, Object*, Object* const* a, size_t n, Object*) { return str_from_cstr(ts, "<custom>"); }
Object* f_rec_repr(ThreadState* ts, Object*, Object* const* a, size_t n, Object*) { return repr(ts, a[0]); }
Object* f_getattr(ThreadState* ts, Object*, Object* const* a, size_t n, Object*) {
  return str_from_format(ts, "ga:%s", str_utf8(ts, a[1], nullptr));
}
Object* f_true(ThreadState* ts, Object*, Object* const* a, size_t n, Object*) { return py_bool(true); }
Object* f_self(ThreadState* ts, Object*, Object* const* a, size_t n, Object*) { return new_ref(a[0]); }
Object* f_len3(ThreadState* ts, Object*, Object* const* a, size_t n, Object*) { return I(3); }
Object* f_getitem(ThreadState* ts, Object*, Object* const* a, size_t n, Object*) {
  if (int_as_i64(ts, a[1], nullptr) >= 3) return runtime::raise(ts, &exc::IndexError, "x");
  return new_ref(a[1]);
}
Object* f_init(ThreadState* ts, Object*, Object* const* a, size_t n, Object*) {
  if (set_attr(ts, a[0], S("v"), n > 1 ? a[1] : py_none()) < 0) return nullptr;
  return py_none();
}
Object* f_prop(ThreadState* ts, Object*, Object* const* a, size_t n, Object*) { return I(42); }
Object* f_nargs(ThreadState* ts, Object*, Object* const* a, size_t n, Object*) { return I(n); }

Object* f_isub(ThreadState* ts, Object*, Object* const* a, size_t n, Object* kw) {
  // __init_subclass__(cls, **kw): records cls.tag = kw value
  if (kw && tuple_size(kw) == 1) {
    if (set_attr(ts, a[0], S("tag"), a[n]) < 0) return nullptr;
  }
  return py_none();
}
Object* f_setname(ThreadState* ts, Object*, Object* const* a, size_t n, Object*) {
  // __set_name__(self, owner, name): owner.named = name
  if (set_attr(ts, a[1], S("named"), a[2]) < 0) return nullptr;
  return py_none();
}
Object* f_new_other(ThreadState* ts, Object*, Object* const* a, size_t n, Object*) { return I(99); }
Object* f_fail_init(ThreadState* ts, Object*, Object* const* a, size_t n, Object*) {
  return runtime::raise(ts, &exc::ValueError, "init ran");
}

}  // namespace

TEST_F(TypesTest, ClassesMroAttributesOperators) {
  // C3 MRO
  Object* A = make_class("A", {}, {});
  CHECK(A);
  Object* B = make_class("B", {A}, {});
  Object* C = make_class("C", {A}, {});
  Object* D = make_class("D", {B, C}, {});
  EXPECT_EQ(
      RN(get_attr(ts, D, S("__mro__"))),
      "(<class '__main__.D'>, <class '__main__.B'>, <class '__main__.C'>, <class '__main__.A'>, <class 'object'>)");
  CHECK(make_class("X", {A, B}, {}) == nullptr);
  EXPECT_EQ(err(), "TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B");
  CHECK(make_class("X", {A, A}, {}) == nullptr);
  EXPECT_EQ(err(), "TypeError: duplicate base class A");
  CHECK(make_class("X", {&bool_type}, {}) == nullptr);
  EXPECT_EQ(err(), "TypeError: type 'bool' is not an acceptable base type");
  // instances, dict, attributes
  Object* a = own(call(ts, A, nullptr, 0));
  CHECK(a);
  CHECK(set_attr(ts, a, S("x"), I(5)) == 0);
  EXPECT_EQ(RN(get_attr(ts, a, S("x"))), "5");
  CHECK(get_attr(ts, a, S("y")) == nullptr);
  EXPECT_EQ(err(), "AttributeError: 'A' object has no attribute 'y'");
  CHECK(R(a).rfind("<__main__.A object at 0x", 0) == 0);
  {
    Object* one = I(1);
    CHECK(call(ts, A, &one, 1) == nullptr);
    EXPECT_EQ(err(), "TypeError: A() takes no arguments");
  }
  CHECK(set_attr(ts, &int_type, S("x"), I(1)) < 0);
  EXPECT_EQ(err(), "TypeError: cannot set 'x' attribute of immutable type 'int'");
  CHECK(get_attr(ts, A, S("zz")) == nullptr);
  EXPECT_EQ(err(), "AttributeError: type object 'A' has no attribute 'zz'");
  EXPECT_EQ(RN(get_attr(ts, A, S("__name__"))), "'A'");
  EXPECT_EQ(R(type_lookup_borrowed(&int_type, S("__add__"))), "<slot wrapper '__add__' of 'int' objects>");
  CHECK(RN(get_attr(ts, I(1), S("__add__"))).rfind("<method-wrapper '__add__' of int object at 0x", 0) == 0);
  EXPECT_EQ(R(type_lookup_borrowed(&list_type, S("append"))), "<method 'append' of 'list' objects>");
  Object* l = own(list_new(ts, 0));
  CHECK(RN(get_attr(ts, l, S("append"))).rfind("<built-in method append of list object at 0x", 0) == 0);
  EXPECT_EQ(R(type_lookup_borrowed(&type_type, S("__name__"))), "<attribute '__name__' of 'type' objects>");
  // binops on classes
  Object* P = make_class(
      "P", {}, {{"__add__", F("add", f_add)}, {"__radd__", F("radd", f_radd)}, {"__repr__", F("repr", f_repr)}});
  Object* p = own(call(ts, P, nullptr, 0));
  EXPECT_EQ(R(p), "<custom>");
  EXPECT_EQ(RN(number_add(ts, p, I(1))), "'add(<custom>,1)'");
  EXPECT_EQ(RN(number_add(ts, I(1), p)), "'radd(<custom>,1)'");
  EXPECT_EQ(RN(number_add(ts, I(1), I(2))), "3");
  CHECK(number_add(ts, I(1), S("a")) == nullptr);
  EXPECT_EQ(err(), "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
  CHECK(number_subtract(ts, a, I(2)) == nullptr);
  EXPECT_EQ(err(), "TypeError: unsupported operand type(s) for -: 'A' and 'int'");
  // subclass of int with __radd__ goes first
  Object* Q = make_class("Q", {&int_type}, {{"__radd__", F("radd", f_radd)}});
  Object* q = own(call(ts, Q, nullptr, 0));
  CHECK(q);
  EXPECT_EQ(RN(number_add(ts, I(1), q)), "'radd(0,1)'");
  EXPECT_EQ(RN(number_subtract(ts, I(5), q)), "5");
  // comparisons
  CHECK(rich_compare(ts, a, I(1), CompareOp::Lt) == nullptr);
  EXPECT_EQ(err(), "TypeError: '<' not supported between instances of 'A' and 'int'");
  CHECK(rich_compare_bool(ts, a, a, CompareOp::Eq) == 1);
  EXPECT_EQ(RN(rich_compare(ts, a, p, CompareOp::Ne)), "True");
  Object* E = make_class("E", {}, {{"__eq__", F("eq", f_true)}});
  Object* e = own(call(ts, E, nullptr, 0));
  EXPECT_EQ(RN(rich_compare(ts, I(3), e, CompareOp::Eq)), "True");
  CHECK(hash(ts, e) == -1);
  EXPECT_EQ(err(), "TypeError: unhashable type: 'E'");
  // __getattr__ hook
  Object* G = make_class("G", {}, {{"__getattr__", F("getattr", f_getattr)}});
  Object* g = own(call(ts, G, nullptr, 0));
  EXPECT_EQ(RN(get_attr(ts, g, S("foo"))), "'ga:foo'");
  CHECK(set_attr(ts, g, S("bar"), I(1)) == 0);
  EXPECT_EQ(RN(get_attr(ts, g, S("bar"))), "1");
  // __init__ with args
  Object* H = make_class("H", {}, {{"__init__", F("init", f_init)}});
  {
    Object* seven = I(7);
    Object* h = own(call(ts, H, &seven, 1));
    EXPECT_EQ(RN(get_attr(ts, h, S("v"))), "7");
  }
  // sequence iteration via __getitem__ and len
  Object* Sq = make_class("Sq", {}, {{"__getitem__", F("gi", f_getitem)}, {"__len__", F("len", f_len3)}});
  Object* sq = own(call(ts, Sq, nullptr, 0));
  CHECK(length(ts, sq) == 3);
  EXPECT_EQ(RN(sequence_list(ts, sq)), "[0, 1, 2]");
  CHECK(contains(ts, sq, I(2)) == 1);
  CHECK(contains(ts, sq, I(5)) == 0);
  CHECK(is_true(ts, sq) == 1);
  CHECK(length(ts, I(1)) == -1);
  EXPECT_EQ(err(), "TypeError: object of type 'int' has no len()");
  CHECK(get_iter(ts, I(1)) == nullptr);
  EXPECT_EQ(err(), "TypeError: 'int' object is not iterable");
  CHECK(get_item(ts, I(1), I(1)) == nullptr);
  EXPECT_EQ(err(), "TypeError: 'int' object is not subscriptable");
  CHECK(call(ts, I(1), nullptr, 0) == nullptr);
  EXPECT_EQ(err(), "TypeError: 'int' object is not callable");
  // property
  {
    Object* fget = own(F("x", f_prop));
    Object* prop = call(ts, &property_type, &fget, 1);
    Object* Pr = make_class("Pr", {}, {{"x", prop}});
    Object* pr = own(call(ts, Pr, nullptr, 0));
    EXPECT_EQ(RN(get_attr(ts, pr, S("x"))), "42");
    CHECK(set_attr(ts, pr, S("x"), I(1)) < 0);
    EXPECT_EQ(err(), "AttributeError: property 'x' of 'Pr' object has no setter");
  }
  // classmethod / staticmethod
  {
    Object* fn = own(F("c", f_self));
    Object* cm = classmethod_new(ts, fn);
    Object* sm = staticmethod_new(ts, own(F("s", f_nargs)));
    Object* K = make_class("K", {}, {{"c", cm}, {"s", sm}});
    Object* k = own(call(ts, K, nullptr, 0));
    Object* bound = own(get_attr(ts, k, S("c")));
    EXPECT_EQ(RN(call(ts, bound, nullptr, 0)), "<class '__main__.K'>");
    Object* s = own(get_attr(ts, k, S("s")));
    EXPECT_EQ(RN(call(ts, s, nullptr, 0)), "0");
  }
  // __slots__
  {
    Object* slots = tuple_pack(ts, {S("a")});
    Object* Sl = make_class("Sl", {}, {{"__slots__", slots}});
    CHECK(Sl);
    Object* sl = call(ts, Sl, nullptr, 0);
    CHECK(get_attr(ts, sl, S("a")) == nullptr);
    EXPECT_EQ(err(), "AttributeError: 'Sl' object has no attribute 'a'");
    CHECK(set_attr(ts, sl, S("a"), I(3)) == 0);
    EXPECT_EQ(RN(get_attr(ts, sl, S("a"))), "3");
    CHECK(set_attr(ts, sl, S("b"), I(3)) < 0);
    EXPECT_EQ(err(), "AttributeError: 'Sl' object has no attribute 'b'");
    EXPECT_EQ(R(type_lookup_borrowed(static_cast<Type*>(Sl), S("a"))), "<member 'a' of 'Sl' objects>");
    decref(sl);
  }
  // super
  {
    Object* sup = own(super_new_with(ts, static_cast<Type*>(B), own(call(ts, D, nullptr, 0))));
    EXPECT_EQ(R(sup), "<super: <class 'B'>, <D object>>");
    CHECK(RN(get_attr(ts, sup, S("__init__"))).rfind("<method-wrapper '__init__' of D object", 0) == 0);
  }
  // setattr on class updates slots
  {
    Object* U = make_class("U", {}, {});
    Object* u = own(call(ts, U, nullptr, 0));
    CHECK(number_add(ts, u, I(1)) == nullptr);
    err();
    CHECK(set_attr(ts, U, S("__add__"), F("add", f_add)) == 0);
    CHECK(RN(number_add(ts, u, I(1))).rfind("'add(", 0) == 0);
  }
  // recursion through repr
  {
    Object* Rr = make_class("Rr", {}, {{"__repr__", F("rr", f_rec_repr)}});
    Object* rr = own(call(ts, Rr, nullptr, 0));
    CHECK(repr(ts, rr) == nullptr);
    EXPECT_EQ(err(), "RecursionError: maximum recursion depth exceeded while getting the repr of an object");
    CHECK(ts->py_recursion_remaining == 1000);
  }
  // isinstance / issubclass
  CHECK(is_instance(ts, own(call(ts, D, nullptr, 0)), A) == 1);
  CHECK(is_instance(ts, I(1), own(tuple_pack(ts, {&str_type, &int_type}))) == 1);
  CHECK(is_subclass(ts, D, C) == 1);
  CHECK(is_subclass(ts, A, D) == 0);
  CHECK(is_subclass(ts, I(1), A) == -1);
  EXPECT_EQ(err(), "TypeError: issubclass() arg 1 must be a class");
  // metaclass conflict & type(x)
  {
    Object* M = make_class("M", {&type_type}, {});
    CHECK(M);
    Object* Mc = make_class("Mc", {}, {}, static_cast<Type*>(M));
    CHECK(Mc);
    CHECK(Mc && Mc->ob_type == M);
    Object* M2 = make_class("M2", {&type_type}, {});
    Object* X = make_class("X", {Mc}, {}, static_cast<Type*>(M2));
    CHECK(X == nullptr);
    EXPECT_EQ(err(),
              "TypeError: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
              "metaclasses of all its bases");
  }
  {
    Object* one = I(1);
    CHECK(call(ts, &type_type, &one, 1) == &int_type);
  }
  // args parser
  {
    static constexpr Param kP[] = {{"a", ParamKind::PositionalOrKeyword, kRequired},
                                   {"b", ParamKind::PositionalOrKeyword, kOptional},
                                   {"sep", ParamKind::KeywordOnly, kOptional}};
    static constexpr Signature kSig{"f", kP};
    Object* args[4] = {I(1), I(2), I(3), I(4)};
    {
      ArgValues av;
      CHECK(parse_args(ts, kSig, args, 4, nullptr, av) < 0);
      EXPECT_EQ(err(), "TypeError: f() takes at most 3 arguments (4 given)");
    }
    {
      ArgValues av;
      CHECK(parse_args(ts, kSig, args, 3, nullptr, av) < 0);
      EXPECT_EQ(err(), "TypeError: f() takes at most 2 positional arguments (3 given)");
    }
    {
      ArgValues av;
      CHECK(parse_args(ts, kSig, args, 0, nullptr, av) < 0);
      EXPECT_EQ(err(), "TypeError: f() missing required argument 'a' (pos 1)");
    }
    {
      ArgValues av;
      Object* kw = own(tuple_pack(ts, {S("x")}));
      CHECK(parse_args(ts, kSig, args, 1, kw, av) < 0);
      EXPECT_EQ(err(), "TypeError: 'x' is an invalid keyword argument for f()");
    }
    {
      ArgValues av;
      Object* kw = own(tuple_pack(ts, {S("a")}));
      CHECK(parse_args(ts, kSig, args, 1, kw, av) < 0);
      EXPECT_EQ(err(), "TypeError: argument for f() given by name ('a') and position (1)");
    }
    {
      ArgValues av;
      Object* kw = own(tuple_pack(ts, {S("sep")}));
      CHECK(parse_args(ts, kSig, args, 1, kw, av) == 0);
      CHECK(av[0] == args[0] && av[1] == nullptr && av[2] == args[1]);
    }
  }
}

TEST_F(TypesTest, ClassProtocolDetails) {
  Object* A = make_class("A2", {}, {});
  Object* B = make_class("B2", {}, {});
  Object* a = own(call(ts, A, nullptr, 0));
  CHECK(set_attr(ts, a, S("__class__"), B) == 0);
  CHECK(a->ob_type == B);
  CHECK(set_attr(ts, a, S("__class__"), &int_type) < 0);
  EXPECT_EQ(err(), "TypeError: __class__ assignment only supported for mutable types or ModuleType subclasses");
  CHECK(set_attr(ts, a, S("__class__"), I(1)) < 0);
  EXPECT_EQ(err(), "TypeError: __class__ must be set to a class, not 'int' object");
  {
    Object* Sl = make_class("Sl2", {}, {{"__slots__", tuple_pack(ts, {S("x")})}});
    CHECK(set_attr(ts, a, S("__class__"), Sl) < 0);
    EXPECT_EQ(err(), "TypeError: __class__ assignment: 'Sl2' object layout differs from 'B2'");
  }
  // __init_subclass__ with kwargs via classmethod wrapping
  {
    Object* Base = make_class("Base", {}, {{"__init_subclass__", F("isub", f_isub)}});
    CHECK(Base);
    // kwargs to type(): call type with kwnames
    Object* b = tuple_pack(ts, {Base});
    Object* d = own(dict_new(ts));
    (void)dict_set_item(ts, d, S("__module__"), S("m"));
    Object* args[4] = {S("Sub"), b, d, I(7)};
    Object* kw = own(tuple_pack(ts, {S("tag")}));
    Object* Sub = call(ts, &type_type, args, 3, kw);
    EXPECT_EQ(R(Sub), "<class 'm.Sub'>");
    if (Sub)
      EXPECT_EQ(RN(get_attr(ts, Sub, S("tag"))), "7");
    else
      err();
    Object* Sub2 = call(ts, &object_type, args, 3, kw);
    CHECK(Sub2 == nullptr);
    err();
  }
  // __set_name__
  {
    Object* Desc = make_class("Desc", {}, {{"__set_name__", F("sn", f_setname)}});
    Object* dd = call(ts, Desc, nullptr, 0);
    Object* Own = make_class("Own", {}, {{"attr", dd}});
    EXPECT_EQ(RN(get_attr(ts, Own, S("named"))), "'attr'");
  }
  // __new__ returning non-instance skips __init__
  {
    Object* N = make_class("N", {}, {{"__new__", F("new", f_new_other)}, {"__init__", F("init", f_fail_init)}});
    EXPECT_EQ(RN(call(ts, N, nullptr, 0)), "99");
  }
  // wrapper descriptors and method descriptors called unbound
  {
    Object* add = type_lookup_borrowed(&int_type, S("__add__"));
    Object* args[2] = {I(1), I(2)};
    EXPECT_EQ(RN(call(ts, add, args, 2)), "3");
    Object* bad[2] = {S("a"), I(2)};
    CHECK(call(ts, add, bad, 2) == nullptr);
    EXPECT_EQ(err(), "TypeError: descriptor '__add__' requires a 'int' object but received a 'str'");
    CHECK(call(ts, add, args, 1) == nullptr);
    EXPECT_EQ(err(), "TypeError: expected 1 argument, got 0");
    Object* app = type_lookup_borrowed(&list_type, S("append"));
    Object* l = own(list_new(ts, 0));
    Object* la[2] = {l, I(5)};
    EXPECT_EQ(RN(call(ts, app, la, 2)), "None");
    EXPECT_EQ(R(l), "[5]");
    CHECK(call(ts, app, nullptr, 0) == nullptr);
    EXPECT_EQ(err(), "TypeError: unbound method list.append() needs an argument");
    CHECK(call(ts, app, bad, 2) == nullptr);
    EXPECT_EQ(err(), "TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'str' object");
    Object* bm = own(get_attr(ts, l, S("append")));
    CHECK(call(ts, bm, nullptr, 0) == nullptr);
    EXPECT_EQ(err(), "TypeError: list.append() takes exactly one argument (0 given)");
    Object* radd = own(get_attr(ts, I(1), S("__radd__")));
    Object* ten = I(10);
    EXPECT_EQ(RN(call(ts, radd, &ten, 1)), "11");
    Object* eq = own(get_attr(ts, I(1), S("__eq__")));
    Object* one = I(1);
    EXPECT_EQ(RN(call(ts, eq, &one, 1)), "True");
    Object* nw = get_attr(ts, &int_type, S("__new__"));
    CHECK(R(nw).rfind("<built-in method __new__ of type object at", 0) == 0);
    Object* na[2] = {&int_type, I(4)};
    EXPECT_EQ(RN(call(ts, nw, na, 2)), "4");
    Object* ob[2] = {&object_type, I(4)};
    Object* onew = get_attr(ts, &object_type, S("__new__"));
    Object* ia[1] = {&int_type};
    CHECK(call(ts, onew, ia, 1) == nullptr);
    EXPECT_EQ(err(), "TypeError: object.__new__(int) is not safe, use int.__new__()");
    CHECK(call(ts, &object_type, ob + 1, 1) == nullptr);
    EXPECT_EQ(err(), "TypeError: object() takes no arguments");
  }
  // __hash__ inheritance: subclass of class with __eq__ stays unhashable; object subclass hashable
  {
    Object* E = make_class("E2", {}, {{"__eq__", F("eq", f_true)}});
    Object* E3 = make_class("E3", {E}, {});
    CHECK(hash(ts, own(call(ts, E3, nullptr, 0))) == -1);
    EXPECT_EQ(err(), "TypeError: unhashable type: 'E3'");
    CHECK(hash(ts, a) != -1);
  }
  // format / ascii / str
  CHECK(RN(format(ts, a, nullptr)).rfind("'<__main__.B2 object", 0) == 0);
  CHECK(format(ts, a, S("x")) == nullptr);
  EXPECT_EQ(err(), "TypeError: unsupported format string passed to B2.__format__");
  // repr(ascii('é\u1234')) as python3 prints it.
  EXPECT_EQ(RN(ascii(ts, Ref::steal(str_from_cstr(ts, "\xc3\xa9\xe1\x88\xb4")).get())), "\"'\\\\xe9\\\\u1234'\"");
  // inplace
  {
    Object* x = I(3);
    Object* r = binary_op(ts, x, I(4), 13);
    EXPECT_EQ(R(r), "7");
    CHECK(binary_op(ts, x, S("a"), 13) == nullptr);
    EXPECT_EQ(err(), "TypeError: unsupported operand type(s) for +=: 'int' and 'str'");
    EXPECT_EQ(RN(binary_op(ts, S("a"), S("b"), 0)), "'ab'");
    CHECK(binary_op(ts, S("a"), I(1), 0) == nullptr);
    EXPECT_EQ(err(), "TypeError: can only concatenate str (not \"int\") to str");
  }
  // type attribute precedence: metaclass data descriptor wins
  CHECK(RN(get_attr(ts, A, S("__dict__"))).rfind("mappingproxy(", 0) == 0);
  EXPECT_EQ(RN(get_item(ts, own(get_attr(ts, A, S("__dict__"))), S("__module__"))), "'__main__'");
  EXPECT_EQ(RN(get_attr(ts, &int_type, S("__mro__"))), "(<class 'int'>, <class 'object'>)");
  EXPECT_EQ(RN(call(ts, own(get_attr(ts, A, S("mro"))), nullptr, 0)), "[<class '__main__.A2'>, <class 'object'>]");
  CHECK(RN(get_attr(ts, &object_type, S("__doc__"))).rfind("'The base class", 0) == 0);
  EXPECT_EQ(RN(get_attr(ts, A, S("__doc__"))), "None");
  EXPECT_EQ(RN(get_attr(ts, A, S("__qualname__"))), "'A2'");
  CHECK(set_attr(ts, A, S("__name__"), I(1)) < 0);
  EXPECT_EQ(err(), "TypeError: can only assign string to A2.__name__, not 'int'");
  CHECK(RN(call(ts, own(get_attr(ts, &object_type, S("__subclasses__"))), nullptr, 0)).find("A2") != std::string::npos);
  CHECK(del_attr(ts, a, S("nope")) < 0);
  EXPECT_EQ(err(), "AttributeError: 'B2' object has no attribute 'nope'");
  CHECK(del_attr(ts, A, S("nope")) < 0);
  EXPECT_EQ(err(), "AttributeError: type object 'A2' has no attribute 'nope'");
  // dir
  CHECK(RN(call(ts, own(get_attr(ts, a, S("__dir__"))), nullptr, 0)).find("'__class__'") != std::string::npos);
  // is_true / NotImplemented singletons
  CHECK(is_true(ts, py_none()) == 0);
  EXPECT_EQ(R(py_none()), "None");
  EXPECT_EQ(R(py_not_implemented()), "NotImplemented");
  EXPECT_EQ(R(py_ellipsis()), "Ellipsis");
  EXPECT_EQ(RN(call(ts, &none_type, nullptr, 0)), "None");
  // version tags
  {
    Type* t = static_cast<Type*>(A);
    uint32_t v = type_assign_version(ts, t);
    CHECK(v != 0);
    Object* Sub = make_class("SubA", {A}, {});
    uint32_t vs = type_assign_version(ts, static_cast<Type*>(Sub));
    CHECK(vs != 0 && vs != v);
    CHECK(set_attr(ts, A, S("q"), I(1)) == 0);
    CHECK(t->version_tag == 0);
    CHECK(static_cast<Type*>(Sub)->version_tag == 0);
  }
}

TEST_F(TypesTest, InstanceLifetimes) {
  // Lifetimes: a class, a subclass and instances all die cleanly.
  Object* A = make_class("LA", {}, {{"__slots__", tuple_pack(ts, {S("s"), S("__dict__")})}});
  CHECK(A);
  Object* B = make_class("LB", {A}, {{"__add__", F("add", f_add)}});
  CHECK(B);
  Object* b = call(ts, B, nullptr, 0);
  CHECK(set_attr(ts, b, S("s"), I(1)) == 0);
  CHECK(set_attr(ts, b, S("d"), I(2)) == 0);
  EXPECT_EQ(RN(get_attr(ts, b, S("d"))), "2");
  // Classes are in reference cycles (their MRO holds them) and wait for
  // the cycle collector; instances give back their reference to the class.
  int64_t before = refcount(B);
  decref(b);
  CHECK(refcount(B) == before - 1);
  CHECK(dict_size(static_cast<Type*>(A)->subclasses) == 1);
  // A __del__ runs once at dealloc.
  Object* Dl = make_class("Dl", {}, {{"__del__", F("del", f_init)}});
  Object* dl = call(ts, Dl, nullptr, 0);
  decref(dl);
  CHECK(ts->current_exception == nullptr);
}

TEST_F(TypesTest, UnionTypes) {
  Object* A = make_class("UA", {}, {});
  Ref u = Ref::steal(number_or(ts, &int_type, py_none()));
  EXPECT_EQ(R(u.get()), "int | None");
  Ref u2 = Ref::steal(number_or(ts, A, u.get()));
  EXPECT_EQ(R(u2.get()), "__main__.UA | int | None");
  EXPECT_EQ(RN(get_attr(ts, u2.get(), S("__args__"))), "(<class '__main__.UA'>, <class 'int'>, <class 'NoneType'>)");
  // int | int is int itself.
  EXPECT_EQ(number_or(ts, &int_type, &int_type), static_cast<Object*>(&int_type));
  EXPECT_EQ(is_instance(ts, I(3), u.get()), 1);
  EXPECT_EQ(is_instance(ts, S("x"), u.get()), 0);
  EXPECT_EQ(is_instance(ts, py_none(), u.get()), 1);
  Ref v = Ref::steal(number_or(ts, py_none(), &int_type));
  EXPECT_EQ(rich_compare_bool(ts, u.get(), v.get(), CompareOp::Eq), 1);
  EXPECT_EQ(hash(ts, u.get()), hash(ts, v.get()));
  EXPECT_EQ(number_or(ts, &int_type, I(1)), nullptr);
  EXPECT_EQ(err(), "TypeError: unsupported operand type(s) for |: 'type' and 'int'");
  EXPECT_EQ(call(ts, &union_type, nullptr, 0), nullptr);
  EXPECT_EQ(err(), "TypeError: cannot create 'types.UnionType' instances");
  EXPECT_EQ(RN(get_attr(ts, &union_type, S("__module__"))), "'types'");
}

TEST_F(TypesTest, SplitKeysAndInlineValues) {
  // Instances of a Python class keep attributes as inline values described
  // by the class's shared keys; a dict appears only when asked for.
  Object* C = make_class("SK", {}, {});
  ASSERT_TRUE(C);
  auto* keys = static_cast<SharedKeys*>(static_cast<Type*>(C)->cached_keys);
  ASSERT_TRUE(keys);
  Object* a = call(ts, C, nullptr, 0);
  Object** slot = instance_dict_ptr(a);
  ASSERT_TRUE(slot);
  EXPECT_EQ(*slot, nullptr);
  CHECK(set_attr(ts, a, S("x"), I(1)) == 0);
  CHECK(set_attr(ts, a, S("y"), I(2)) == 0);
  CHECK(slot_holds_values(*slot));
  EXPECT_EQ(shared_keys_index(keys, S("x")), 0);
  EXPECT_EQ(shared_keys_index(keys, S("y")), 1);
  // Another instance, other order: same keys, its own order.
  Object* b = call(ts, C, nullptr, 0);
  CHECK(set_attr(ts, b, S("y"), I(3)) == 0);
  CHECK(set_attr(ts, b, S("x"), I(4)) == 0);
  EXPECT_EQ(keys->nentries, 2);
  EXPECT_EQ(RN(get_attr(ts, b, S("x"))), "4");
  EXPECT_EQ(RN(get_attr(ts, a, S("y"))), "2");
  // Deleting keeps the inline form.
  CHECK(set_attr(ts, a, S("x"), nullptr) == 0);
  CHECK(slot_holds_values(*slot));
  CHECK(get_attr(ts, a, S("x")) == nullptr);
  EXPECT_EQ(err(), "AttributeError: 'SK' object has no attribute 'x'");
  // __dict__ materializes a split dict that adopts the values.
  Object* bd = own(get_attr(ts, b, S("__dict__")));
  ASSERT_TRUE(bd);
  auto* d = static_cast<Dict*>(bd);
  EXPECT_EQ(d->shared, keys);
  EXPECT_EQ(*instance_dict_ptr(b), bd);
  EXPECT_EQ(R(bd), "{'y': 3, 'x': 4}");
  // Through the dict: new str keys join the shared keys, deletion stays split.
  CHECK(dict_set_item(ts, bd, S("z"), I(5)) == 0);
  EXPECT_EQ(keys->nentries, 3);
  CHECK(dict_del_item(ts, bd, S("y")) == 0);
  EXPECT_EQ(d->shared, keys);
  EXPECT_EQ(R(bd), "{'x': 4, 'z': 5}");
  EXPECT_EQ(RN(get_attr(ts, b, S("z"))), "5");
  // A non-str key converts it to the combined form, order kept.
  CHECK(dict_set_item(ts, bd, I(7), I(8)) == 0);
  EXPECT_EQ(d->shared, nullptr);
  EXPECT_EQ(R(bd), "{'x': 4, 'z': 5, 7: 8}");
  CHECK(set_attr(ts, b, S("w"), I(9)) == 0);
  EXPECT_EQ(R(bd), "{'x': 4, 'z': 5, 7: 8, 'w': 9}");
  // More names than the shared keys hold: that instance gets a dict; the
  // keys stay as they were for everyone else.
  Object* c = call(ts, C, nullptr, 0);
  for (int i = 0; i < 40; ++i) {
    Ref name = Ref::steal(str_from_format(ts, "n%d", i));
    CHECK(set_attr(ts, c, name.get(), I(i)) == 0);
  }
  EXPECT_EQ(keys->nentries, kSharedKeysMax);
  Object* cslot = *instance_dict_ptr(c);
  ASSERT_TRUE(cslot && !slot_holds_values(cslot));
  EXPECT_EQ(static_cast<Dict*>(cslot)->shared, nullptr);
  EXPECT_EQ(dict_size(cslot), 40);
  EXPECT_EQ(RN(get_attr(ts, c, S("n39"))), "39");
  EXPECT_EQ(RN(get_attr(ts, c, S("n0"))), "0");
  CHECK(set_attr(ts, a, S("n3"), I(33)) == 0);
  CHECK(slot_holds_values(*slot));
  EXPECT_EQ(RN(get_attr(ts, a, S("n3"))), "33");
  // A subclass has keys of its own; __class__ assignment keeps the values
  // by materializing the dict.
  Object* D = make_class("SKD", {C}, {});
  ASSERT_TRUE(D);
  CHECK(static_cast<Type*>(D)->cached_keys != nullptr && static_cast<Type*>(D)->cached_keys != keys);
  CHECK(set_attr(ts, a, S("__class__"), D) == 0);
  CHECK(!slot_holds_values(*slot));
  EXPECT_EQ(RN(get_attr(ts, a, S("__dict__"))), "{'y': 2, 'n3': 33}");
  decref(a);
  decref(b);
  decref(c);
}
