// Exit codes, documented in the README.
#pragma once

namespace iacscan::cli {
inline constexpr int kExitClean = 0;       // no findings at or above --fail-on
inline constexpr int kExitFindings = 1;    // findings at or above --fail-on
inline constexpr int kExitError = 2;       // usage error or the scan could not run
inline constexpr int kExitIncomplete = 3;  // some files could not be read or parsed
}  // namespace iacscan::cli
