// The one place where C++ exceptions stop: every C entry point that can fail runs its body
// through c_boundary, so nothing — not even std::bad_alloc — unwinds into C code.
#pragma once

#include <exception>
#include <new>

#include "capi/c_strings.hpp"

namespace iacscan::detail {

// Runs `body` (which returns a pointer and reports its own expected failures with set_c_error)
// and turns any exception into nullptr plus a message in *error.
template <typename Body>
auto c_boundary(char** error, Body&& body) noexcept -> decltype(body()) {
  clear_c_error(error);
  try {
    return body();
  } catch (const std::bad_alloc&) {
    set_c_error(error, "out of memory");
  } catch (const std::exception& e) {
    set_c_error(error, "internal error: ", e.what());
  } catch (...) {
    set_c_error(error, "internal error: unknown exception");
  }
  return nullptr;
}

}  // namespace iacscan::detail
