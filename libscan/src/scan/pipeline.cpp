// Pipeline orchestration. Every parallel stage writes into a slot per input index, so the
// result never depends on thread scheduling.
#include "scan/pipeline.hpp"

#include <atomic>
#include <chrono>
#include <set>
#include <string>
#include <tuple>

#include "cloudformation/nested_stacks.hpp"
#include "cloudformation/template_loader.hpp"
#include "core/thread_pool.hpp"
#include "engine/account_evaluator.hpp"
#include "engine/evaluator.hpp"
#include "graph/resource_graph.hpp"
#include "scan/control_assessment.hpp"
#include "scan/file_reader.hpp"
#include "scan/findings.hpp"
#include "terraform/configuration.hpp"
#include "terraform/plan_source_map.hpp"

namespace iacscan::detail {
namespace {

LoadedFile load(SourceFile& file, bool read_from_disk, std::size_t max_bytes,
                const CloudFormationContext& cloudformation,
                const iam::PolicyFileRules& policy_files,
                std::shared_ptr<const tf::File>& terraform) {
  if (read_from_disk) {
    if (auto problem = read_source(file, max_bytes)) {
      LoadedFile failed;
      failed.is_iac = true;
      failed.diagnostics.push_back(std::move(*problem));
      return failed;
    }
  }
  if (file.kind == SourceKind::cloudformation_candidate) {
    return load_cloudformation_file(file, cloudformation, policy_files);
  }
  // Terraform files are parsed here, in parallel; they are evaluated together, per module,
  // once every file is parsed.
  LoadedFile loaded;
  loaded.is_iac = true;
  terraform = parse_terraform_source(file);
  if (terraform) loaded.diagnostics = terraform->diagnostics;
  return loaded;
}

// A Terraform plan next to the configuration it was made from describes the same resources
// with every value resolved. Its findings point at the .tf lines; the configuration's own
// evaluation of that root is dropped so nothing is reported twice.
void prefer_plans_over_sources(const SourceSet& sources, std::vector<LoadedFile>& loaded,
                               LoadedFile& evaluated) {
  for (std::size_t i = 0; i < loaded.size() && i < sources.size(); ++i) {
    std::vector<Resource>& plan = loaded[i].resources;
    if (plan.empty() || plan.front().scope.rfind("plan:", 0) != 0) continue;
    const std::string root = display_directory(sources.at(static_cast<FileId>(i)).path);
    std::vector<const Resource*> from_source;
    for (const Resource& r : evaluated.resources)
      if (r.scope == root) from_source.push_back(&r);
    if (from_source.empty()) continue;
    tf::map_plan_to_sources(plan, from_source);
    std::erase_if(evaluated.resources, [&](const Resource& r) { return r.scope == root; });
  }
}

// A variable declaration reads the same in every instance of its module and in every root
// that calls it: judge it once, at its first instance. Provider blocks may use the root's
// variables: once per root. (Without this a module called from 30 example roots, or with
// `count`, multiplies its declarations into tens of thousands of pseudo-resources.)
void drop_repeated_declarations(std::vector<Resource>& resources) {
  std::set<std::tuple<std::string, FileId, std::uint32_t, std::uint32_t>> seen;
  std::erase_if(resources, [&](const Resource& r) {
    const bool variable = r.native_type == "terraform_variable";
    if (!variable && r.native_type != "terraform_provider") return false;
    const auto key = std::make_tuple(variable ? std::string() : r.scope, r.span.file,
                                     r.span.range.start_line, r.span.range.start_column);
    return !seen.insert(key).second;
  });
}

// The directory every scanned file lies in ("infra" for `iacscan scan infra/`): findings about
// the scanned set as a whole point there.
std::string common_directory(const SourceSet& sources) {
  if (sources.size() == 0) return ".";
  std::string common = display_directory(sources.at(0).path);
  for (FileId id = 1; id < sources.size(); ++id) {
    const std::string dir = display_directory(sources.at(id).path);
    while (!(dir == common || common == "." ||
             (dir.rfind(common, 0) == 0 && (common.back() == '/' || dir[common.size()] == '/')))) {
      std::string parent = display_directory(common);
      common = parent == common ? "." : std::move(parent);  // "/" beside relative paths
    }
  }
  return common;
}

}  // namespace

ScanResult run_pipeline(SourceSet& sources, bool read_from_disk, const PolicySet& policies,
                        const CloudFormationContext& cloudformation, const ScanOptions& options,
                        std::vector<Diagnostic> diagnostics, std::vector<std::string> scan_roots) {
  using Clock = std::chrono::steady_clock;
  auto seconds_since = [](Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
  };
  const auto load_start = Clock::now();
  iam::PolicyFileRules policy_files;
  for (const auto& [glob, type] : options.policy_types)
    if (auto parsed = iam::parse_policy_type(type)) policy_files.globs.emplace_back(glob, *parsed);
  std::vector<LoadedFile> loaded(sources.size());
  std::vector<std::shared_ptr<const tf::File>> terraform(sources.size());
  std::atomic<std::size_t> files_loaded{0};
  parallel_for(sources.size(), options.jobs, [&](std::size_t i) {
    loaded[i] = load(sources.at(static_cast<FileId>(i)), read_from_disk, options.max_file_bytes,
                     cloudformation, policy_files, terraform[i]);
    if (options.progress) options.progress(++files_loaded, sources.size());
  });
  // Workers may report out of order; this last call, after all of them, says loading is over.
  if (options.progress) options.progress(sources.size(), sources.size());

  NestedStackLimits nested_limits;
  nested_limits.max_file_bytes = options.max_file_bytes;
  nested_limits.read_from_disk = read_from_disk;
  expand_nested_stacks(sources, loaded, cloudformation, nested_limits);

  TerraformSettings settings;
  settings.variables = options.terraform_variables;
  settings.variable_files = options.terraform_variable_files;
  settings.max_instances = options.terraform_max_instances;
  settings.max_file_bytes = options.max_file_bytes;
  settings.read_from_disk = read_from_disk;
  settings.jobs = options.jobs;
  settings.scan_roots = std::move(scan_roots);
  LoadedFile evaluated;
  evaluate_terraform(sources, terraform, settings, evaluated);
  drop_repeated_declarations(evaluated.resources);
  terraform.clear();
  prefer_plans_over_sources(sources, loaded, evaluated);

  loaded.push_back(std::move(evaluated));  // not a file: is_iac stays false
  ScanResult result;
  for (LoadedFile& file : loaded) {
    if (file.is_iac) ++result.files_scanned;
    for (Diagnostic& d : file.diagnostics) diagnostics.push_back(std::move(d));
  }
  result.statistics.load_seconds = seconds_since(load_start);
  const auto graph_start = Clock::now();
  ResourceGraph graph = build_graph(loaded, policies.kinds);
  result.statistics.graph_seconds = seconds_since(graph_start);
  result.statistics.resources = graph.resources.size();
  const auto rules_start = Clock::now();
  EvaluationOptions evaluation;
  evaluation.jobs = options.jobs;
  // An undecided check keeps a control from being met, so the assessment needs them all.
  evaluation.report_unknowns = options.report_unknowns || options.assess_controls;
  evaluation.profile = options.profile_rules;
  evaluation.scan = &options;
  Evaluation evaluated_rules = evaluate_rules(policies, graph, evaluation);
  for (std::size_t i = 0; i < evaluated_rules.rule_seconds.size(); ++i) {
    result.statistics.rule_seconds.push_back(
        {policies.rules[i].info.id, evaluated_rules.rule_seconds[i]});
  }
  AccountEvaluation account = evaluate_account_rules(policies, graph, evaluation);
  for (RawFinding& f : account.findings) evaluated_rules.findings.push_back(std::move(f));
  result.findings = finalize_findings(std::move(evaluated_rules.findings), policies, graph, sources,
                                      common_directory(sources), options, diagnostics);
  if (options.assess_controls) {
    result.controls = assess_controls(policies, graph, sources, result.findings, account, options);
  }
  if (!options.report_unknowns) {
    std::erase_if(result.findings, [](const Finding& f) { return f.kind == FindingKind::review; });
  }
  result.statistics.rules_seconds = seconds_since(rules_start);
  finalize_diagnostics(diagnostics, sources);
  result.diagnostics = std::move(diagnostics);
  for (const Rule& rule : policies.rules) result.rules.push_back(rule.info);
  return result;
}

}  // namespace iacscan::detail
