// Command-line flags: parsed into RawArgs, which only validates; run.cpp turns them into
// library calls.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace iacscan::cli {

enum class Command { scan, rules, explain, docs, version };

struct RawArgs {
  Command command = Command::scan;
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;  // empty: stdout
  unsigned jobs = 0;
  std::string fail_on = "low";
  std::vector<std::string> policy_dirs;
  bool no_builtin_policies = false;
  bool no_color = false;
  std::size_t max_file_bytes = 20u * 1024u * 1024u;
  std::vector<std::string> parameters;                // "KEY=VALUE", checked by the parser
  std::vector<std::string> parameter_files;           // read (and judged) by the library
  std::vector<std::string> terraform_variables;       // "NAME=VALUE", checked by the parser
  std::vector<std::string> policy_types;              // "GLOB=TYPE", checked by the parser
  std::vector<std::string> terraform_variable_files;  // read by the library
  std::size_t terraform_max_instances = 1000;
  std::string unknowns = "ignore";  // ignore | report
  bool profile_rules = false;
  std::string rule_id;   // explain
  std::string docs_dir;  // docs: where the pages go
};

// Parses argv. On --help or a usage error, prints and returns the exit code to use.
struct ParseOutcome {
  std::optional<RawArgs> args;
  int exit_code = 0;
};
ParseOutcome parse_args(int argc, char** argv);

}  // namespace iacscan::cli
