// Reading a configuration file's YAML into positioned Values, so that every later check can
// name the line and column of what it rejects.
#pragma once

#include <string_view>
#include <vector>

#include "value/value.hpp"

namespace iacscan::detail {

// The document's top-level map; an empty document (or one holding only comments) reads as an
// empty map. Throws ConfigError for invalid YAML, a duplicate key anywhere, or a top level that
// is not a map.
Value read_config_document(std::string_view text);

// The keys a configuration file may have at its top level (docs/configuration.md); the C API's
// JSON options accept them too.
const std::vector<std::string_view>& config_top_level_keys();

}  // namespace iacscan::detail
