// Flags shared by several subcommands: where the configuration comes from, and what a scan
// reads and how (shared by `scan` and `roadmap`).
#pragma once

#include <CLI/CLI.hpp>

#include "flags.hpp"

namespace iacscan::cli {

// --config FILE, --no-config, --verbose.
void add_config_flags(CLI::App& command, RawArgs& args);
// Paths, rule folders, variables, parameters, limits, excludes, output and colour.
void add_source_flags(CLI::App& command, RawArgs& args);

}  // namespace iacscan::cli
