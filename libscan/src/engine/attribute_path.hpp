// Dotted attribute paths ("access_control_policy.grant") and their resolution against Values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "value/value.hpp"

namespace iacscan::detail {

std::vector<std::string> split_path(std::string_view dotted);

// Resolves `path` inside `root`. Lists met before the last segment are traversed and their
// results collected: block lists such as Terraform's `grant { }` become transparent. The
// result is absent (nullopt) when nothing is there, the value itself when exactly one value
// was found, a list when several were. An unknown met on the way is the result.
struct Resolved {
  bool found = false;
  Value value;
};
Resolved resolve_path(const Value& root, const std::vector<std::string>& path);

// Every value the path reaches (lists before the last segment traversed), in source order;
// an unknown met on the way is itself a hit. Nulls count as absent.
std::vector<const Value*> resolve_all(const Value& root, const std::vector<std::string>& path);

}  // namespace iacscan::detail
