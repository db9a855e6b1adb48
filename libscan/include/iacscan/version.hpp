// Library version.
#pragma once

#include <string_view>

#include "iacscan/export.hpp"

namespace iacscan {
IACSCAN_API std::string_view version() noexcept;
}  // namespace iacscan
