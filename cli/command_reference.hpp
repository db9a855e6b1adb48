// The command line as plain data, read from the same CLI11 definitions the parser uses, so that
// the man page and the shell completions list exactly the parser's commands and flags: a flag
// added in flags.cpp appears in all of them without touching a generator.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace iacscan::cli {

// What a shell can offer for a value.
enum class ValueKind {
  none,       // a flag: takes no value
  choice,     // one of OptionReference::choices
  file,       // a file name (or a directory, for paths that may be either)
  directory,  // a directory name
  text,       // something the shell cannot guess: a number, KEY=VALUE, a glob, a rule id
};

struct OptionReference {
  std::vector<std::string> short_names;  // "-f"
  std::vector<std::string> long_names;   // "--format"; both names of a "--x,!--no-x" pair
  std::string positional_name;           // "paths" for a positional argument, else empty
  // How help texts name the value: "FILE", "N", "KEY=VALUE", "PATHS"; for a choice, the
  // choices joined with '|'. Empty for a flag.
  std::string metavariable;
  ValueKind value = ValueKind::none;
  std::vector<std::string> choices;  // ValueKind::choice only
  std::string description;
  std::string default_value;  // the default --help shows; empty when it shows none
  bool required = false;
  bool repeatable = false;
  bool builtin = false;  // --help or --version, which every command or the program has
  // Names of the options this one cannot be given with (its own other names not included).
  std::vector<std::string> excludes;

  bool positional() const { return !positional_name.empty(); }
  // Every name, short ones first: {"-f", "--format"}.
  std::vector<std::string> names() const;
};

struct CommandReference {
  std::string name;  // "scan"
  std::string description;
  std::vector<OptionReference> options;      // in definition order, --help first
  std::vector<OptionReference> positionals;  // in order
  // The footer's "Examples:" (or "Example:") paragraph, one line per example as written:
  // "iacscan scan .   scan the current directory".
  std::vector<std::string> examples;
  std::vector<std::string> notes;  // the footer's other paragraphs, each on one line
};

struct ProgramReference {
  std::string name;                      // "iacscan"
  std::string summary;                   // the program's description without a leading "iacscan: "
  std::vector<std::string> notes;        // the top-level footer's paragraphs
  std::vector<OptionReference> options;  // --help, --version
  std::vector<CommandReference> commands;  // visible subcommands, in definition order
};

// Reads every visible subcommand and option of a fully defined App (the root: parse_args's).
// Non-const only because CLI11 gives access to an option's validators through non-const
// members; nothing is changed.
ProgramReference describe_command_line(CLI::App& app);

}  // namespace iacscan::cli
