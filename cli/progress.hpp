// Progress on a terminal while a scan loads files: "iacscan: files 12/340" on stderr, redrawn
// in place at most ten times a second and erased when loading ends, so it never mixes with
// the report.
#pragma once

#include <CLI/CLI.hpp>
#include <span>
#include <string_view>

#include "flags.hpp"
#include "iacscan/options.hpp"

namespace iacscan::cli {

// --progress auto|always|never, for the commands that scan (scan, roadmap).
void add_progress_flag(CLI::App& command, RawArgs& args);

// The variables CI services set; under `auto`, any of them set means no progress.
std::span<const std::string_view> ci_environment_variables();

// The ScanOptions::progress callback for these arguments; empty when nothing is to be shown:
//  - never: nothing;
//  - auto: only when stderr is a terminal, TERM is not "dumb" and no CI variable is set;
//  - always: also when stderr is not a terminal (a log that understands \r);
// and in no case when the report itself goes to stderr (-o /dev/stderr).
ProgressCallback progress_reporter(const RawArgs& args);

}  // namespace iacscan::cli
