// Where something is in the scanned sources: a path relative to the scan root and a
// 1-based line/column range (columns count bytes; end is inclusive of the last character).
#pragma once

#include <cstdint>
#include <string>

namespace iacscan {

struct Location {
  std::string path;              // as given or relative to the current directory; '/' separated
  std::uint32_t start_line = 0;  // 0 means "no position" (the whole file)
  std::uint32_t start_column = 0;
  std::uint32_t end_line = 0;
  std::uint32_t end_column = 0;

  bool has_position() const noexcept { return start_line != 0; }
  friend bool operator==(const Location&, const Location&) = default;
  friend auto operator<=>(const Location&, const Location&) = default;
};

}  // namespace iacscan
