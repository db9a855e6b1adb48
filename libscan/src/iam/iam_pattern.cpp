#include "iam/iam_pattern.hpp"

#include "iam/ascii_case.hpp"

namespace iacscan::detail::iam {

Pattern Pattern::slice(std::size_t from, std::size_t to) const {
  Pattern out;
  out.text = text.substr(from, to - from);
  if (!literal.empty()) {
    out.literal.assign(literal.begin() + static_cast<std::ptrdiff_t>(from),
                       literal.begin() + static_cast<std::ptrdiff_t>(to));
  }
  return out;
}

void Pattern::append(const Pattern& other) {
  if (!other.literal.empty() && literal.empty()) literal.assign(text.size(), false);
  text += other.text;
  if (!literal.empty()) {
    if (other.literal.empty())
      literal.insert(literal.end(), other.text.size(), false);
    else
      literal.insert(literal.end(), other.literal.begin(), other.literal.end());
  }
}

void Pattern::append_literal(std::string_view s) {
  if (literal.empty()) literal.assign(text.size(), false);
  text += s;
  literal.insert(literal.end(), s.size(), true);
}

void Pattern::append_wildcards_allowed(std::string_view s) {
  text += s;
  if (!literal.empty()) literal.insert(literal.end(), s.size(), false);
}

Pattern plain_pattern(std::string_view text) {
  return Pattern{std::string(text), {}};
}

bool pattern_match(const Pattern& pattern, std::string_view text, bool ignore_case) {
  const std::string& p = pattern.text;
  std::size_t pi = 0;
  std::size_t ti = 0;
  // The last `*` seen and the text position it is currently taken to end at: a later mismatch
  // lets it swallow one more character. Earlier stars never need to change, because the last
  // one can absorb anything they could.
  std::size_t star = std::string::npos;
  std::size_t star_text = 0;
  auto same = [&](char a, char b) {
    return ignore_case ? ascii_lower(a) == ascii_lower(b) : a == b;
  };
  while (ti < text.size()) {
    if (pi < p.size() && p[pi] == '*' && pattern.is_wildcard(pi)) {
      star = pi++;
      star_text = ti;
    } else if (pi < p.size() &&
               ((p[pi] == '?' && pattern.is_wildcard(pi)) || same(p[pi], text[ti]))) {
      ++pi;
      ++ti;
    } else if (star != std::string::npos) {
      pi = star + 1;
      ti = ++star_text;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*' && pattern.is_wildcard(pi)) ++pi;
  return pi == p.size();
}

bool pattern_matches_everything(const Pattern& pattern) {
  if (pattern.text.empty()) return false;
  for (std::size_t i = 0; i < pattern.text.size(); ++i) {
    if (pattern.text[i] != '*' || !pattern.is_wildcard(i)) return false;
  }
  return true;
}

}  // namespace iacscan::detail::iam
