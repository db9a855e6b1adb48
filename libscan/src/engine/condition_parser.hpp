// Reads a rule's `condition:` YAML into a Condition, rejecting anything outside the language.
#pragma once

#include <yaml-cpp/yaml.h>

#include "engine/condition.hpp"

namespace iacscan::detail {

// Throws PolicyFileError (with the offending line) on an invalid condition.
Condition parse_condition(const YAML::Node& node);

}  // namespace iacscan::detail
