// Shared by the Catch2 tests: asserting that a call is refused as bad input (exit 2) with
// a message containing a fragment.
#pragma once
#include <catch2/catch.hpp>

#include <functional>
#include <string>

#include "client/error.hpp"

namespace kinerja::test {

inline void require_bad_input(const std::function<void()>& f, const std::string& fragment) {
  try {
    f();
    FAIL("expected bad input containing: " << fragment);
  } catch (const Error& e) {
    REQUIRE(e.kind == ErrorKind::BadInput);
    REQUIRE_THAT(e.what(), Catch::Contains(fragment));
  }
}

}  // namespace kinerja::test
