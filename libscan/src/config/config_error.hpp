// Errors found while reading a configuration file. The readers throw ConfigError deep inside
// the walk over the document; apply_config_text catches it at the file boundary, so callers
// only ever see an iacscan::Error.
#pragma once

#include <stdexcept>
#include <string>

#include "iacscan/result.hpp"
#include "value/value.hpp"

namespace iacscan::detail {

struct ConfigError : std::runtime_error {
  ConfigError(const std::string& message, const Span& at)
      : std::runtime_error(message), where(at) {}
  Span where;  // the offending key or value; invalid when the whole file is at fault
};

// The Error users see: "FILE:LINE:COLUMN: MESSAGE", code invalid_option, located at `where`.
Error config_error_to_error(const ConfigError& error, const std::string& display_path);

}  // namespace iacscan::detail
