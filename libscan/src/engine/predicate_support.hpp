// What built-in predicates share: the outcomes they return when they find something (or
// cannot decide), pointing at a span they derived, and the check of the common
// `with: {attribute: path}` argument.
#pragma once

#include <string>

#include "engine/condition.hpp"

namespace iacscan::detail::predicates {

inline Outcome found(std::string attribute, const Span& span, std::string detail) {
  Outcome o;
  o.truth = Truth::true_;
  o.attribute = std::move(attribute);
  o.span = span;
  o.detail = std::move(detail);
  return o;
}

inline Outcome undecided(std::string attribute, const Span& span, std::string detail) {
  Outcome o = found(std::move(attribute), span, std::move(detail));
  o.truth = Truth::unknown;
  return o;
}

// For predicates that take exactly `with: {attribute: <canonical path>}`: "" when that is
// what they got, else what is wrong.
std::string attribute_argument(const Value& arguments);

}  // namespace iacscan::detail::predicates
