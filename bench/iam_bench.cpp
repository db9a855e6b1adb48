// iacscan-iam-bench: finds every policy document under the given directories — standalone
// policy files, and the policies inside CloudFormation templates and evaluated Terraform — and
// times the IAM engine over them apart from loading: reading each document into the policy
// model, then every analysis (validation, SCP validation, administrator access, public
// principals, privilege escalation, AI opt-out). Prints a corpus report: policies by type and
// origin, documents that could not be read (with reasons), and what the analyses found.
// Usage: iacscan-iam-bench [--repeat R] DIR...
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench_timing.hpp"
#include "cloudformation/template_loader.hpp"
#include "iam/action_catalog.hpp"
#include "iam/admin_access.hpp"
#include "iam/ai_opt_out.hpp"
#include "iam/embedded_policies.hpp"
#include "iam/policy.hpp"
#include "iam/policy_validator.hpp"
#include "iam/privilege_escalation.hpp"
#include "iam/public_principal.hpp"
#include "iam/scp_size.hpp"
#include "iam/scp_validator.hpp"
#include "scan/file_reader.hpp"
#include "source/discovery.hpp"
#include "terraform/configuration.hpp"

using namespace iacscan::detail;

namespace {

struct Found {
  iam::PolicyType type;
  std::string origin;  // "policy file", "CloudFormation", "Terraform"
  std::string where;   // resource address and attribute, for the failure list
  const Value* document;
};

struct Loaded {
  SourceSet sources;
  std::vector<Resource> resources;
  std::vector<std::string> unreadable;  // JSON and YAML files that failed to parse
};

Loaded load_everything(const std::vector<std::string>& dirs) {
  Loaded out;
  auto discovery = discover(dirs);
  if (!discovery) {
    std::fprintf(stderr, "%s\n", discovery.error().message.c_str());
    std::exit(2);
  }
  for (const DiscoveredFile& f : discovery->files) {
    const FileId id = out.sources.add(f.display_path, f.fs_path, f.kind);
    if (read_source(out.sources.at(id), std::size_t{64} << 20)) continue;
  }
  std::vector<std::shared_ptr<const tf::File>> parsed(out.sources.size());
  const std::size_t files = out.sources.size();
  for (FileId id = 0; id < files; ++id) {
    const SourceFile& f = out.sources.at(id);
    if (is_terraform(f.kind)) {
      parsed[id] = parse_terraform_source(f);
      continue;
    }
    LoadedFile loaded = load_cloudformation_file(f);
    for (Resource& r : loaded.resources) out.resources.push_back(std::move(r));
    for (const iacscan::Diagnostic& d : loaded.diagnostics)
      if (d.code == iacscan::DiagnosticCode::parse_error)
        out.unreadable.push_back(d.location.path + ":" + std::to_string(d.location.start_line) +
                                 ": " + d.message);
  }
  TerraformSettings settings;
  settings.read_from_disk = true;
  settings.scan_roots = scan_roots(dirs);
  LoadedFile terraform;
  evaluate_terraform(out.sources, parsed, settings, terraform);
  for (Resource& r : terraform.resources) out.resources.push_back(std::move(r));
  return out;
}

std::string origin_of(const Resource& r) {
  switch (r.format) {
    case SourceFormat::policy_file:
      return "policy file";
    case SourceFormat::cloudformation:
      return "CloudFormation";
    case SourceFormat::terraform:
      return "Terraform";
  }
  return "?";
}

struct Counts {
  std::map<std::string, std::size_t> by_type_origin;
  std::map<std::string, std::size_t> unknown_by_origin;
  std::vector<std::string> failures;
  std::size_t statements = 0;
  std::map<std::string, std::size_t> issues_by_code;
  std::size_t admin = 0, admin_unknown = 0, public_principal = 0, public_unknown = 0;
  std::size_t escalation_policies = 0;
  std::map<std::string, std::size_t> escalation_paths;
  std::size_t scp_over_limit = 0;
};

// Everything the engine does with one policy; `counts` is filled only when given.
void analyse(const Found& f, const iam::ActionCatalog& catalog,
             const iam::EscalationAnalyzer& escalation, Counts* counts) {
  if (f.type == iam::PolicyType::ai_opt_out) {
    const iam::AiOptOutPolicy policy = iam::read_ai_opt_out_policy(*f.document);
    if (counts)
      for (const auto& issue : policy.issues) ++counts->issues_by_code["ai-opt-out:" + issue.code];
    return;
  }
  const iam::Policy policy = iam::read_policy(*f.document);
  if (counts) {
    ++counts->by_type_origin[std::string(iam::policy_type_name(f.type)) + " / " + f.origin];
    if (policy.unknown) ++counts->unknown_by_origin[f.origin];
    if (policy.malformed) counts->failures.push_back(f.where + ": " + policy.malformed_reason);
    counts->statements += policy.statements.size();
  }
  if (policy.unknown || policy.malformed) return;
  const iam::PolicyIssues issues = iam::validate_policy(policy, f.type, catalog);
  std::vector<iam::PolicyIssue> scp_issues;
  if (f.type == iam::PolicyType::scp) {
    scp_issues = iam::validate_scp(policy, catalog);
    const iam::PolicyIssues size =
        iam::scp_size_issues(iam::measure_scp_size(policy, *f.document), policy.span);
    scp_issues.insert(scp_issues.end(), size.begin(), size.end());
  }
  const auto admin = f.type == iam::PolicyType::identity ? iam::find_full_admin(policy, catalog)
                                                         : std::vector<iam::AnalysisHit>{};
  const auto exposed = f.type == iam::PolicyType::resource || f.type == iam::PolicyType::trust
                           ? iam::find_public_principals(policy, f.type)
                           : std::vector<iam::AnalysisHit>{};
  const auto paths = f.type == iam::PolicyType::identity ? escalation.analyze(policy)
                                                         : std::vector<iam::EscalationHit>{};
  if (!counts) return;
  // IACSCAN_BENCH_SHOW=<issue code>: where the issues with that code are.
  static const char* show = std::getenv("IACSCAN_BENCH_SHOW");
  for (const auto& issue : issues) {
    ++counts->issues_by_code[issue.code];
    if (show != nullptr && issue.code == show)
      std::printf("  %s line %u: %s\n", f.where.c_str(), issue.span.range.start_line,
                  issue.message.c_str());
  }
  for (const auto& issue : scp_issues) {
    ++counts->issues_by_code["scp:" + issue.code];
    if (issue.code.starts_with("scp-too-large")) ++counts->scp_over_limit;
  }
  const Truth admin_truth = iam::overall_truth(admin);
  if (show != nullptr && std::string_view(show) == "admin")
    for (const auto& hit : admin)
      std::printf("  %s line %u: %s%s\n", f.where.c_str(), hit.span.range.start_line,
                  hit.truth == Truth::true_ ? "" : "(unknown) ", hit.detail.c_str());
  counts->admin += admin_truth == Truth::true_;
  counts->admin_unknown += admin_truth == Truth::unknown;
  const Truth public_truth = iam::overall_truth(exposed);
  if (show != nullptr && std::string_view(show) == "public")
    for (const auto& hit : exposed)
      std::printf("  %s line %u: %s%s\n", f.where.c_str(), hit.span.range.start_line,
                  hit.truth == Truth::true_ ? "" : "(unknown) ", hit.detail.c_str());
  counts->public_principal += public_truth == Truth::true_;
  counts->public_unknown += public_truth == Truth::unknown;
  bool any_path = false;
  for (const auto& hit : paths) {
    if (hit.truth != Truth::true_) continue;
    any_path = true;
    ++counts->escalation_paths[std::string(hit.path->id)];
  }
  counts->escalation_policies += any_path;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 5;
  std::vector<std::string> dirs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::atoi(argv[++i]);
    } else {
      dirs.push_back(arg);
    }
  }
  if (dirs.empty()) {
    std::fprintf(stderr, "usage: iacscan-iam-bench [--repeat R] DIR...\n");
    return 2;
  }
  const Loaded loaded = load_everything(dirs);
  std::vector<Found> found;
  for (const Resource& r : loaded.resources)
    for (const iam::EmbeddedPolicy& p : iam::find_policies(r))
      found.push_back({p.type, origin_of(r), r.address + " " + p.attribute, p.document});

  const double catalog_seconds = best_seconds(1, [] { iam::ActionCatalog::builtin(); });
  const iam::ActionCatalog& catalog = iam::ActionCatalog::builtin();
  const iam::EscalationAnalyzer escalation(catalog);
  const double read_seconds = best_seconds(repeat, [&] {
    for (const Found& f : found) {
      if (f.type == iam::PolicyType::ai_opt_out)
        iam::read_ai_opt_out_policy(*f.document);
      else
        iam::read_policy(*f.document);
    }
  });
  const double all_seconds = best_seconds(repeat, [&] {
    for (const Found& f : found) analyse(f, catalog, escalation, nullptr);
  });
  Counts counts;
  for (const Found& f : found) analyse(f, catalog, escalation, &counts);

  std::printf("%zu files, %zu resources, %zu policy documents, %zu statements\n\n",
              loaded.sources.size(), loaded.resources.size(), found.size(), counts.statements);
  std::printf("%-52s %9.3f ms\n", "action catalog, first use", catalog_seconds * 1e3);
  std::printf("%-52s %9.3f ms\n", "read every document into the policy model", read_seconds * 1e3);
  std::printf("%-52s %9.3f ms\n", "read + every analysis", all_seconds * 1e3);
  std::printf("\npolicies by type / origin:\n");
  for (const auto& [key, n] : counts.by_type_origin) std::printf("  %-40s %6zu\n", key.c_str(), n);
  std::printf("documents unknown (built from values known only at deploy time):\n");
  for (const auto& [key, n] : counts.unknown_by_origin)
    std::printf("  %-40s %6zu\n", key.c_str(), n);
  std::printf("files that could not be parsed (templates or policy files): %zu\n",
              loaded.unreadable.size());
  for (const std::string& f : loaded.unreadable) std::printf("  %s\n", f.c_str());
  std::printf("documents that could not be read: %zu\n", counts.failures.size());
  for (const std::string& f : counts.failures) std::printf("  %s\n", f.c_str());
  std::printf("\nidentity policies with administrator access: %zu (unknown %zu)\n", counts.admin,
              counts.admin_unknown);
  std::printf("public principal without restricting condition: %zu (unknown %zu)\n",
              counts.public_principal, counts.public_unknown);
  std::printf("identity policies with a privilege-escalation path: %zu\n",
              counts.escalation_policies);
  for (const auto& [id, n] : counts.escalation_paths) std::printf("  %-48s %6zu\n", id.c_str(), n);
  std::printf("SCPs over the size limit: %zu\n", counts.scp_over_limit);
  std::printf("validation issues by code:\n");
  for (const auto& [code, n] : counts.issues_by_code)
    std::printf("  %-48s %6zu\n", code.c_str(), n);
  return 0;
}
