// `iacscan completion bash|zsh` and `iacscan man`: the shell completions and the man page,
// written from the parser's own definitions.
#pragma once

#include <CLI/CLI.hpp>

namespace iacscan::cli {

// Adds both commands to the program's App. Call it after every other command is defined. Like
// --help, they print text derived from the parser itself, so they run inside the parse and end
// it the way --help does (CLI::Success): run() never sees them.
void add_reference_commands(CLI::App& app);

}  // namespace iacscan::cli
