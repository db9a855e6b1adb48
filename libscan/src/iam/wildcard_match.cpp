#include "iam/wildcard_match.hpp"

#include <cstddef>

namespace iacscan::detail::iam {

bool has_wildcard(std::string_view pattern) {
  return pattern.find_first_of("*?") != std::string_view::npos;
}

bool wildcard_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0;
  std::size_t t = 0;
  // Where the last `*` was and the text position it is currently taken to end at. A later
  // mismatch lets that star swallow one more character; earlier stars never need to change,
  // because the last one can absorb anything they could.
  std::size_t star = std::string_view::npos;
  std::size_t star_text = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_text = t;
    } else if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

WildcardPattern::WildcardPattern(std::string_view pattern)
    : pattern_(pattern),
      has_question_mark_(pattern.find('?') != std::string_view::npos),
      has_star_(pattern.find('*') != std::string_view::npos) {
  if (has_question_mark_ || !has_star_) return;
  const std::size_t first_star = pattern.find('*');
  const std::size_t last_star = pattern.rfind('*');
  head_ = {0, first_star};
  tail_ = {last_star + 1, pattern.size() - last_star - 1};
  for (std::size_t start = first_star + 1; start < last_star;) {
    const std::size_t star = pattern.find('*', start);
    if (star > start) middle_.push_back({start, star - start});
    start = star + 1;
  }
}

std::string_view WildcardPattern::literal_prefix() const {
  return std::string_view(pattern_).substr(0, pattern_.find_first_of("*?"));
}

bool WildcardPattern::matches(std::string_view text) const {
  if (has_question_mark_) return wildcard_match(pattern_, text);
  if (!has_star_) return text == pattern_;
  const std::string_view head = piece(head_);
  const std::string_view tail = piece(tail_);
  if (text.size() < head.size() + tail.size() || !text.starts_with(head) || !text.ends_with(tail)) {
    return false;
  }
  // Between head and tail, stars only: the earliest place for each piece leaves the most room
  // for the rest, so finding them in order decides the match.
  const std::string_view between = text.substr(0, text.size() - tail.size());
  std::size_t pos = head.size();
  for (const Piece middle : middle_) {
    const std::size_t found = between.find(piece(middle), pos);
    if (found == std::string_view::npos) return false;
    pos = found + middle.length;
  }
  return true;
}

}  // namespace iacscan::detail::iam
