// Small facts about IAM pattern text shared by the analyses.
#pragma once

#include <string>
#include <string_view>

#include "iam/policy.hpp"
#include "value/value.hpp"

namespace iacscan::detail::iam {

// "*", "**": a pattern that matches every string.
inline bool only_stars(std::string_view text) {
  return !text.empty() && text.find_first_not_of('*') == std::string_view::npos;
}

// "*", "?*": a pattern of wildcards only.
inline bool only_wildcards(std::string_view text) {
  return !text.empty() && text.find_first_not_of("*?") == std::string_view::npos;
}

// An unknown element read as the widest pattern it could be: a Terraform template with an
// unknown part ("arn:aws:s3:::${var.bucket}/*" arrives as text with kUnknownMarker in place of
// the part) still fixes the rest of the text, so "arn:aws:s3:::*/*" bounds what it can match;
// an element unknown as a whole could be anything, "*". A known element is its text.
inline std::string widest_pattern(const Element& element) {
  if (!element.unknown) return element.text;
  if (element.text.empty()) return "*";
  std::string out;
  std::string_view rest = element.text;
  for (std::size_t at = rest.find(kUnknownMarker); at != std::string_view::npos;
       at = rest.find(kUnknownMarker)) {
    out.append(rest.substr(0, at));
    out.push_back('*');
    rest.remove_prefix(at + kUnknownMarker.size());
  }
  out.append(rest);
  return out;
}

}  // namespace iacscan::detail::iam
