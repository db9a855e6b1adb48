// The scanner options a C API caller gives as JSON (docs/c-api.md): the keys of the
// configuration file .iacscan.yaml, so that one documented vocabulary serves both, plus the few
// settings the CLI takes only as flags (jobs, report_unknowns...) and "config", a configuration
// file applied first.
#pragma once

#include <string_view>

#include "iacscan/options.hpp"
#include "iacscan/result.hpp"

namespace iacscan::detail {

// Empty (or blank) text means the defaults. Errors (ErrorCode::invalid_option) read
// "options:LINE:COLUMN: key.path: what was expected", like the configuration file's, with the
// line and column in `json`. Throws nothing but std::bad_alloc.
Result<ScanOptions> scan_options_from_json(std::string_view json);

}  // namespace iacscan::detail
