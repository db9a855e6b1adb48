// Small helpers shared by the unit tests.
#pragma once

#include <string>

#include "value/value.hpp"

namespace iacscan::testing {

// "start_line:start_column-end_line:end_column", for compact span assertions.
inline std::string where(const detail::Span& span) {
  const auto& r = span.range;
  return std::to_string(r.start_line) + ":" + std::to_string(r.start_column) + "-" +
         std::to_string(r.end_line) + ":" + std::to_string(r.end_column);
}

}  // namespace iacscan::testing
