// Expiry dates of suppressions: "YYYY-MM-DD", a real calendar day.
#pragma once

#include <string_view>

namespace iacscan::detail {

bool is_valid_date(std::string_view text);

}  // namespace iacscan::detail
