#include "config/config_error.hpp"

namespace iacscan::detail {

Error config_error_to_error(const ConfigError& error, const std::string& display_path) {
  Location location{display_path, 0, 0, 0, 0};
  std::string prefix = display_path;
  if (error.where.range.start_line != 0) {
    const Range& r = error.where.range;
    location = Location{display_path, r.start_line, r.start_column, r.end_line, r.end_column};
    prefix += ":" + std::to_string(r.start_line) + ":" + std::to_string(r.start_column);
  }
  return Error{ErrorCode::invalid_option, prefix + ": " + error.what(), std::move(location)};
}

}  // namespace iacscan::detail
