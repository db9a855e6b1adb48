// IAM's `*` and `?` wildcards, against a plain recursive definition.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "iam/wildcard_match.hpp"

using iacscan::detail::iam::has_wildcard;
using iacscan::detail::iam::wildcard_match;

namespace {

// The definition, exponential but obviously right.
bool reference_match(std::string_view pattern, std::string_view text) {
  if (pattern.empty()) return text.empty();
  if (pattern[0] == '*') {
    return reference_match(pattern.substr(1), text) ||
           (!text.empty() && reference_match(pattern, text.substr(1)));
  }
  return !text.empty() && (pattern[0] == '?' || pattern[0] == text[0]) &&
         reference_match(pattern.substr(1), text.substr(1));
}

}  // namespace

TEST_CASE("iam wildcard match: examples") {
  CHECK(wildcard_match("*", ""));
  CHECK(wildcard_match("*", "anything"));
  CHECK(wildcard_match("get*", "getobject"));
  CHECK(wildcard_match("get*", "get"));
  CHECK_FALSE(wildcard_match("get?", "get"));
  CHECK(wildcard_match("*object*", "getobjectacl"));
  CHECK(wildcard_match("describe?pc*", "describevpcs"));
  CHECK_FALSE(wildcard_match("describe?pc*", "describepc"));  // `?` needs a character
  CHECK_FALSE(wildcard_match("GetObject", "getobject"));      // case-sensitive as written
  CHECK(wildcard_match("a*b*c", "aXbYbZc"));
  CHECK_FALSE(wildcard_match("a*b*c", "aXbYbZ"));
  CHECK(wildcard_match("a\\*", "a\\xyz"));  // no escapes in IAM
  CHECK(has_wildcard("s3:Get*"));
  CHECK(has_wildcard("s3:Get?bject"));
  CHECK_FALSE(has_wildcard("s3:GetObject"));
}

TEST_CASE("iam wildcard match: agrees with the definition on every small case") {
  const std::string alphabet = "ab*?";
  const std::string letters = "ab*";  // a text may hold a literal '*'
  // Every pattern up to 5 characters over {a, b, *, ?} against every text up to 5 over {a, b, *}.
  std::vector<std::string> patterns{""}, texts{""};
  for (std::size_t length = 1; length <= 5; ++length) {
    for (std::size_t i = patterns.size(); i-- > 0;) {
      if (patterns[i].size() + 1 != length) continue;
      for (const char c : alphabet) patterns.push_back(patterns[i] + c);
    }
    for (std::size_t i = texts.size(); i-- > 0;) {
      if (texts[i].size() + 1 != length) continue;
      for (const char c : letters) texts.push_back(texts[i] + c);
    }
  }
  int disagreements = 0;
  for (const auto& pattern : patterns) {
    for (const auto& text : texts) {
      if (wildcard_match(pattern, text) != reference_match(pattern, text)) {
        ++disagreements;
        CAPTURE(pattern);
        CAPTURE(text);
        CHECK(wildcard_match(pattern, text) == reference_match(pattern, text));
      }
    }
  }
  CHECK(disagreements == 0);
}
