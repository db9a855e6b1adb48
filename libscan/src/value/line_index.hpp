// LineIndex: converts between byte offsets in a text and 1-based line / byte-column positions,
// the positions every reader and diagnostic uses.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace iacscan::detail {

class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }

  // The line and column of a byte offset.
  std::pair<std::uint32_t, std::uint32_t> at(std::size_t offset) const {
    const auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto line = static_cast<std::size_t>(next - starts_.begin());
    return {static_cast<std::uint32_t>(line),
            static_cast<std::uint32_t>(offset - starts_[line - 1] + 1)};
  }

  // The byte offset of a line and column (both 1-based, the line must exist).
  std::size_t offset(std::uint32_t line, std::uint32_t column) const {
    return starts_.at(line - 1) + column - 1;
  }

 private:
  std::vector<std::size_t> starts_;
};

}  // namespace iacscan::detail
