// The collections module: binds the container types defined in the
// collections_*.cpp files (deque, defaultdict, OrderedDict, Counter, ChainMap)
// and the namedtuple factory.
#include "modules/registry.h"
#include "objects/typeobject.h"

namespace spindle::modules {

using namespace objects;

Object* init_collections_module(ThreadState* ts) {
  Ref m = Ref::steal(new_native_module(ts, "collections", nullptr,
                                       "This module implements specialized container datatypes."));
  if (!m) return nullptr;
  for (Type* t : {&deque_type, &defaultdict_type, &ordereddict_type}) {
    if (add_type(ts, m.get(), t) < 0) return nullptr;
  }
  return m.release();
}

}  // namespace spindle::modules
