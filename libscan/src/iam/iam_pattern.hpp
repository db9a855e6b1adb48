// A string pattern as IAM matches it after policy variables were substituted: `*` matches any
// run of characters, `?` any one character, except where the character came from a variable's
// value or from an escape (${*}, ${?}, ${$}): there it is an ordinary character. Plain strings
// (actions, patterns without variables) use the same type with no literal positions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "iam/ascii_case.hpp"

namespace iacscan::detail::iam {

struct Pattern {
  std::string text;
  // Per byte of `text`: true where `*` / `?` is an ordinary character. Empty: none is.
  std::vector<bool> literal;

  bool is_wildcard(std::size_t i) const {
    return (text[i] == '*' || text[i] == '?') && (literal.empty() || !literal[i]);
  }
  // The bytes [from, to) as a pattern of their own, literal positions kept.
  Pattern slice(std::size_t from, std::size_t to) const;
  void append(const Pattern& other);
  void append_literal(std::string_view s);
  void append_wildcards_allowed(std::string_view s);
};

Pattern plain_pattern(std::string_view text);

// `ignore_case` folds ASCII letters, as IAM does for actions and StringEqualsIgnoreCase.
// Linear in practice: one backtrack point (the last `*`), never exponential.
bool pattern_match(const Pattern& pattern, std::string_view text, bool ignore_case = false);

// True when the pattern matches every string: one or more wildcard `*` and nothing else.
bool pattern_matches_everything(const Pattern& pattern);

}  // namespace iacscan::detail::iam
