// complex: a pair of doubles.
#pragma once

#include "objects/type.h"

namespace spindle::objects {

extern Type complex_type;

struct Complex : Object {
  double real = 0.0;
  double imag = 0.0;
};

[[nodiscard]] Object* complex_from_doubles(ThreadState* ts, double real, double imag);

}  // namespace spindle::objects
