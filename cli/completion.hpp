// Shell completion scripts for `iacscan completion bash|zsh`, written from the command line's
// description (command_reference.hpp), so they offer exactly what the parser accepts.
#pragma once

#include <string>

#include "command_reference.hpp"

namespace iacscan::cli {

// A bash script defining and registering _iacscan: subcommands, their flags, the choices of a
// flag's value, and file or directory names where a value or argument is a path. Needs no
// bash-completion package (bash 4+).
std::string bash_completion(const ProgramReference& program);

// A zsh completion function (#compdef, _arguments with descriptions), usable from $fpath or
// sourced.
std::string zsh_completion(const ProgramReference& program);

}  // namespace iacscan::cli
