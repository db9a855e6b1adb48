#include "source/path_glob.hpp"

#include <vector>

namespace iacscan::detail {
namespace {

std::vector<std::string_view> split_segments(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// One segment against one segment pattern: `*` and `?` with backtracking on the last `*`,
// linear in practice.
bool segment_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// Segments against segment patterns; `**` takes any number of segments. Memoised on
// (pattern index, path index) so a pattern full of `**` stays polynomial.
bool segments_match(const std::vector<std::string_view>& pattern,
                    const std::vector<std::string_view>& path) {
  const std::size_t columns = path.size() + 1;
  std::vector<signed char> memo((pattern.size() + 1) * columns, -1);
  auto match = [&](auto& self, std::size_t i, std::size_t j) -> bool {
    signed char& slot = memo[i * columns + j];
    if (slot >= 0) return slot != 0;
    bool result;
    if (i == pattern.size()) {
      result = j == path.size();
    } else if (pattern[i] == "**") {
      result = self(self, i + 1, j) || (j < path.size() && self(self, i, j + 1));
    } else {
      result = j < path.size() && segment_match(pattern[i], path[j]) && self(self, i + 1, j + 1);
    }
    slot = result ? 1 : 0;
    return result;
  };
  return match(match, 0, 0);
}

std::string_view without_dot_slash(std::string_view s) {
  while (s.starts_with("./")) s.remove_prefix(2);
  return s;
}

}  // namespace

bool path_glob_match(std::string_view pattern, std::string_view path) {
  pattern = without_dot_slash(pattern);
  path = without_dot_slash(path);
  const std::vector<std::string_view> segments = split_segments(path);
  if (pattern.find('/') == std::string_view::npos)
    return !segments.empty() && segment_match(pattern, segments.back());
  return segments_match(split_segments(pattern), segments);
}

}  // namespace iacscan::detail
