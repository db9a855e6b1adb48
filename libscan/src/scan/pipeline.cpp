// Pipeline orchestration. Every parallel stage writes into a slot per input index, so the
// result never depends on thread scheduling.
#include "scan/pipeline.hpp"

#include "cloudformation/nested_stacks.hpp"
#include "cloudformation/template_loader.hpp"
#include "core/thread_pool.hpp"
#include "engine/evaluator.hpp"
#include "graph/resource_graph.hpp"
#include "scan/file_reader.hpp"
#include "scan/findings.hpp"
#include "terraform/hcl_loader.hpp"

namespace iacscan::detail {
namespace {

// Terraform resources reference each other within a module, i.e. a directory.
std::string module_directory(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

LoadedFile load(SourceFile& file, bool read_from_disk, std::size_t max_bytes,
                const CloudFormationContext& cloudformation) {
  if (read_from_disk) {
    if (auto problem = read_source(file, max_bytes)) {
      LoadedFile failed;
      failed.is_iac = true;
      failed.diagnostics.push_back(std::move(*problem));
      return failed;
    }
  }
  switch (file.kind) {
    case SourceKind::terraform_hcl:
      return load_terraform_file(file, module_directory(file.path));
    case SourceKind::cloudformation_candidate:
      return load_cloudformation_file(file, cloudformation);
  }
  return {};
}

}  // namespace

ScanResult run_pipeline(SourceSet& sources, bool read_from_disk, const PolicySet& policies,
                        const CloudFormationContext& cloudformation, const ScanOptions& options,
                        std::vector<Diagnostic> diagnostics) {
  std::vector<LoadedFile> loaded(sources.size());
  parallel_for(sources.size(), options.jobs, [&](std::size_t i) {
    loaded[i] = load(sources.at(static_cast<FileId>(i)), read_from_disk, options.max_file_bytes,
                     cloudformation);
  });

  NestedStackLimits nested_limits;
  nested_limits.max_file_bytes = options.max_file_bytes;
  nested_limits.read_from_disk = read_from_disk;
  expand_nested_stacks(sources, loaded, cloudformation, nested_limits);

  ScanResult result;
  for (LoadedFile& file : loaded) {
    if (file.is_iac) ++result.files_scanned;
    for (Diagnostic& d : file.diagnostics) diagnostics.push_back(std::move(d));
  }
  ResourceGraph graph = build_graph(loaded, policies.kinds);
  std::vector<RawFinding> raw = evaluate_rules(policies, graph, options.jobs);
  result.findings = finalize_findings(std::move(raw), policies, graph, sources);
  finalize_diagnostics(diagnostics, sources);
  result.diagnostics = std::move(diagnostics);
  for (const Rule& rule : policies.rules) result.rules.push_back(rule.info);
  return result;
}

}  // namespace iacscan::detail
