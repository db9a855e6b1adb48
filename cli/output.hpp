// Where reports go and whether they are coloured.
#pragma once

#include <filesystem>
#include <string>

#include "flags.hpp"

namespace iacscan::cli {

// Colour only a text report written to a terminal, unless --no-color or NO_COLOR says no.
bool use_color(const RawArgs& args);
// The report to --output FILE, or to stdout; false (after saying why) when it cannot be written.
bool write_report(const RawArgs& args, const std::string& report);
// Writes a whole file; false after saying why on stderr.
bool write_file(const std::filesystem::path& path, const std::string& text);

}  // namespace iacscan::cli
