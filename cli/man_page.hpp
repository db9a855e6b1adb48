// The man page for `iacscan man` (installed as share/man/man1/iacscan.1), written from the
// command line's description (command_reference.hpp): every command with its options, choices,
// defaults and footer examples, plus the exit status, environment and files.
#pragma once

#include <string>

#include "command_reference.hpp"

namespace iacscan::cli {

// roff for the man(7) macros, section 1. Deterministic: no date.
std::string man_page(const ProgramReference& program, const std::string& version);

}  // namespace iacscan::cli
