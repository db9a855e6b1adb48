// The library version, from the CMake project version.
#include "iacscan/version.hpp"

#include "core/version_info.hpp"

namespace iacscan {
std::string_view version() noexcept {
  return IACSCAN_VERSION_STRING;
}
}  // namespace iacscan
