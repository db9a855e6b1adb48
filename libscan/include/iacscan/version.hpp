// The library's version. While it is 0.x the API may change between minor versions; the
// shared library's SONAME (libiacscan.so.N) changes whenever its ABI does.
#pragma once

#include <string_view>

#include "iacscan/export.hpp"

namespace iacscan {
// "MAJOR.MINOR.PATCH", the same as `iacscan --version`; the view refers to static storage.
IACSCAN_API std::string_view version() noexcept;
}  // namespace iacscan
