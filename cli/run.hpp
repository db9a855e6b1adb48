// Runs a parsed command by wiring library calls.
#pragma once

#include "flags.hpp"

namespace iacscan::cli {
int run(const RawArgs& args);
}  // namespace iacscan::cli
