// ScanOptions for a command: the configuration file first, then the flags the user gave.
#pragma once

#include "flags.hpp"
#include "iacscan/options.hpp"
#include "iacscan/result.hpp"

namespace iacscan::cli {

// Finds and applies the configuration (unless --no-config), then the flags. An unreadable or
// invalid configuration file is the Error, its message naming the file and line.
Result<ScanOptions> scan_options_for(const RawArgs& args);

}  // namespace iacscan::cli
