// Terraform configurations: groups the parsed Terraform files of a scan into modules (one per
// directory), finds the root modules (directories no other scanned directory calls), and
// evaluates each root with its variable values into resources for the graph.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "graph/loaded_file.hpp"
#include "source/source_file.hpp"
#include "terraform/ast.hpp"

namespace iacscan::detail {

struct TerraformSettings {
  std::map<std::string, std::string> variables;  // --var NAME=VALUE
  std::vector<std::string> variable_files;       // --var-file, in order
  std::size_t max_instances = 1000;              // per count / for_each
  std::size_t max_module_instances = 10000;      // per root module
  std::size_t max_file_bytes = 20u << 20;
  bool read_from_disk = true;  // false: in-memory buffers only
  unsigned jobs = 1;           // roots evaluated in parallel (0: one per hardware thread)
  // Canonical directories the scan was given: file functions and modules read from disk
  // must stay inside them (modules installed under .terraform/modules too).
  std::vector<std::string> scan_roots;
};

// Parses one Terraform source (any Terraform SourceKind). Thread-safe.
std::shared_ptr<const tf::File> parse_terraform_source(const SourceFile& file);

// Evaluates every configuration among `parsed` (indexed like `sources`; null for other
// files). Resources and diagnostics are appended to `out`. May add files to `sources`
// (modules and variable files read from disk).
void evaluate_terraform(SourceSet& sources,
                        const std::vector<std::shared_ptr<const tf::File>>& parsed,
                        const TerraformSettings& settings, LoadedFile& out);

}  // namespace iacscan::detail
