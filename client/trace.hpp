// Where a figure comes from: a reference to the op (device, seq) that wrote a cell, so any
// printed number can be explained down to the ledger entries behind it.
#pragma once
#include <cstdint>
#include <string>

#include "client/state.hpp"

namespace kinerja {

struct OpRef {
  std::string device;
  int64_t seq = 0;
  std::string type, key;  // the cell it wrote
};

inline OpRef op_ref(const Cell& c) { return OpRef{c.device, c.seq, c.type, c.key}; }

}  // namespace kinerja
