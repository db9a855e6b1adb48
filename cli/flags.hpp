// Command-line flags: parsed into RawArgs, which only validates; run.cpp turns them into
// library calls.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace iacscan::cli {

enum class Command { scan, roadmap, rules, explain, docs, init, version };

struct RawArgs {
  Command command = Command::scan;
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;  // -o FILE: the --format report's file; empty: stdout
  // -o FORMAT=FILE (repeatable): further reports of the same scan, as "FORMAT=FILE".
  std::vector<std::string> extra_outputs;
  std::vector<std::string> output_specs;  // every -o as given, split by parse_args
  bool soft_fail = false;                 // exit 0 despite findings (not despite errors)
  std::string baseline;                   // --baseline FILE
  std::string write_baseline;             // --write-baseline FILE
  bool report_unused_suppressions = false;
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
  bool account_rules = false;        // --account-rules / --no-account-rules
  std::vector<std::string> exclude;  // globs relative to the scanned path
  bool changed = false;              // scan --changed: `paths` are a change's files
  std::string rule_id;               // explain
  std::string docs_dir;              // docs: where the pages go
  int min_stage = 0;                 // roadmap: 1..10, 0 when not asked for

  std::string config;  // --config FILE; empty: look for .iacscan.yaml
  bool no_config = false;
  bool verbose = false;

  std::string init_dir = ".";  // init: where .iacscan.yaml goes
  bool force = false;          // init: overwrite an existing file

  std::string progress = "auto";  // scan, roadmap: auto | always | never (progress.hpp)

  // Long names ("--max-file-size") of the flags the user gave: a configuration file sets the
  // others, so only these override it.
  std::set<std::string, std::less<>> given;
  bool was_given(std::string_view flag) const { return given.find(flag) != given.end(); }
};

// Parses argv. On --help or a usage error, prints and returns the exit code to use.
struct ParseOutcome {
  std::optional<RawArgs> args;
  int exit_code = 0;
};
ParseOutcome parse_args(int argc, char** argv);

}  // namespace iacscan::cli
