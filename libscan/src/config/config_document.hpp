// Reading a configuration file's YAML into positioned Values, so that every later check can
// name the line and column of what it rejects.
#pragma once

#include <string_view>

#include "value/value.hpp"

namespace iacscan::detail {

// The document's top-level map; an empty document (or one holding only comments) reads as an
// empty map. Throws ConfigError for invalid YAML, a duplicate key anywhere, or a top level that
// is not a map.
Value read_config_document(std::string_view text);

}  // namespace iacscan::detail
