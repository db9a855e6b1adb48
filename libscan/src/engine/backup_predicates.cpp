// Where a backup plan copies to, relative to where the plan runs. Templates rarely say which
// account and region they deploy to, so the plan's own account and region are usually unknown;
// the rule still decides the common cases: a literal central-backup account and region is
// elsewhere, an ARN built from the deploying account (AWS::AccountId, aws_caller_identity) or a
// vault declared beside the plan is not.
#include "engine/backup_predicates.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "engine/attribute_path.hpp"
#include "engine/deployment_account.hpp"
#include "engine/predicate_support.hpp"
#include "graph/resource_graph.hpp"
#include "iacscan/options.hpp"

namespace iacscan::detail::predicates {
namespace {

constexpr std::string_view kPlanKind = "aws.backup.plan";
constexpr std::string_view kVaultKind = "aws.backup.vault";

// A destination field compared with the plan's own account or region.
enum class Place { same, other, unknown };

struct Placement {
  Place account = Place::unknown;
  Place region = Place::unknown;
  std::string what;  // the destination as the message names it

  Truth crosses() const {
    if (account == Place::other && region == Place::other) return Truth::true_;
    if (account == Place::same || region == Place::same) return Truth::false_;
    return Truth::unknown;
  }
};

// What the scan knows of where a resource is deployed.
struct Home {
  std::optional<std::string> account;
  std::optional<std::string> region;
  bool region_of_its_own = false;  // Terraform `region` on the resource (provider v6)
  std::string provider;            // Terraform provider configuration; "" in CloudFormation
  // Terraform: the provider's credential settings, so that two providers with the same ones
  // are known to act in one account; nullopt when unknown.
  std::optional<std::string> credentials;
};

std::optional<std::string> known_text(const Value* v) {
  if (v == nullptr || !v->is_string() || v->text().find(kUnknownMarker) != std::string::npos)
    return std::nullopt;
  return v->text();
}

std::optional<std::string> given_parameter(const ScanOptions* options, const std::string& name) {
  if (options == nullptr) return std::nullopt;
  auto it = options->cloudformation_parameters.find(name);
  if (it == options->cloudformation_parameters.end()) return std::nullopt;
  return it->second;
}

// The account id in an IAM role ARN (arn:aws:iam::123456789012:role/x).
std::optional<std::string> account_of_role(const std::optional<std::string>& arn) {
  if (!arn) return std::nullopt;
  std::vector<std::string_view> parts;
  std::string_view rest = *arn;
  for (int i = 0; i < 5; ++i) {
    const std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    parts.push_back(rest.substr(0, colon));
    rest.remove_prefix(colon + 1);
  }
  if (parts[0] != "arn" || parts[4].empty()) return std::nullopt;
  return std::string(parts[4]);
}

// Everything that selects the credentials a provider uses, as one comparable text.
std::optional<std::string> credentials_of(const Value& provider) {
  std::string signature;
  for (const char* path :
       {"profile", "access_key", "assume_role.role_arn", "assume_role_with_web_identity.role_arn",
        "shared_credentials_files", "shared_config_files"}) {
    for (const Value* v : resolve_all(provider, split_path(path))) {
      if (!v->is_fully_known()) return std::nullopt;
      signature += std::string(path) + "=" + v->to_display_string() + ";";
      if (v->is_list())
        for (const Value& item : v->items()) signature += item.to_display_string() + ";";
    }
  }
  return signature;
}

std::optional<std::string> account_of_provider(const Value& provider) {
  const std::vector<const Value*> allowed =
      resolve_all(provider, split_path("allowed_account_ids"));
  if (allowed.size() == 1 && allowed.front()->is_list() && allowed.front()->items().size() == 1)
    return known_text(&allowed.front()->items().front());
  const std::vector<const Value*> roles = resolve_all(provider, split_path("assume_role.role_arn"));
  if (roles.size() == 1) return account_of_role(known_text(roles.front()));
  return std::nullopt;
}

Home home_of(const Resource& r, const ResourceGraph& graph, const ScanOptions* options) {
  Home home;
  if (r.format == SourceFormat::cloudformation) {
    home.account = given_parameter(options, "AWS::AccountId");
    home.region = given_parameter(options, "AWS::Region");
    home.credentials = "";
    return home;
  }
  const std::string prefix = module_prefix(r);
  home.provider = prefix + "provider." + (r.provider.empty() ? "aws" : r.provider);
  const std::vector<std::size_t> found = graph.resolve(r.scope, home.provider);
  if (!found.empty()) {
    const Value& provider = graph.resources[found.front()].attributes;
    home.region = known_text(provider.find("region"));
    home.account = account_of_provider(provider);
    home.credentials = credentials_of(provider);
  } else if (prefix.empty() && r.provider.empty()) {
    home.credentials = "";  // no provider block: the environment's credentials, like others
  } else {
    home.provider.clear();  // a module's inherited (or passed) provider: unknown here
  }
  if (const Value* own = r.attributes.find("region"); own != nullptr && !own->is_null()) {
    home.region_of_its_own = true;
    home.region = known_text(own);
  }
  return home;
}

Place compare_literal(const std::string& literal, const std::optional<std::string>& own) {
  if (!own) return Place::other;  // a literal names a place; the deployer's is rarely written
  return literal == *own ? Place::same : Place::other;
}

// A reference to a data source, in the root module or a child ("module.m.data.aws_region.x").
bool refers_to_data_source(const Value& v, std::string_view data_source) {
  const std::string nested = "." + std::string(data_source);
  return std::any_of(v.refs.begin(), v.refs.end(), [&](const std::string& ref) {
    return ref.starts_with(data_source) || ref.find(nested) != std::string::npos;
  });
}

// A field of a vault ARN: a literal, or (Terraform template) one built from the data source
// that names the deploying account or region.
Place place_of_field(const std::string& field, const std::optional<std::string>& own,
                     const Value& destination, std::string_view own_data_source) {
  if (field.find(kUnknownMarker) == std::string::npos) return compare_literal(field, own);
  return refers_to_data_source(destination, own_data_source) ? Place::same : Place::unknown;
}

std::string shown(const std::string& arn_text) {
  std::string out;
  std::string_view rest = arn_text;
  for (std::size_t at = rest.find(kUnknownMarker); at != std::string_view::npos;
       at = rest.find(kUnknownMarker)) {
    out.append(rest.substr(0, at)).append("${...}");
    rest.remove_prefix(at + kUnknownMarker.size());
  }
  return out.append(rest);
}

// With organization facts, a workload account (organization.accounts) is where baseline plans
// run too: a copy into one stays in the account that plan protects.
bool is_workload_account(const std::string& account, const ScanOptions* options) {
  if (options == nullptr) return false;
  const std::vector<std::string>& workloads = options->organization.accounts;
  return std::find(workloads.begin(), workloads.end(), account) != workloads.end();
}

Placement place_of_arn(const std::string& text, const Value& destination, const Home& home,
                       const ScanOptions* options) {
  Placement p;
  p.what = shown(text);
  const std::optional<BackupVaultArn> arn = parse_backup_vault_arn(text);
  if (!arn) {
    if (text.find(kUnknownMarker) != std::string::npos) return p;  // unknown shape
    p.account = p.region = Place::same;  // not a vault ARN: copies nowhere else
    p.what += " (not a backup vault ARN)";
    return p;
  }
  p.account = place_of_field(arn->account, home.account, destination, "data.aws_caller_identity.");
  p.region = place_of_field(arn->region, home.region, destination, "data.aws_region.");
  if (p.account == Place::other && !home.account && is_workload_account(arn->account, options)) {
    p.account = Place::same;
    p.what += ", in a workload account of the organization (where baseline plans run too)";
  } else if (p.account == Place::same) {
    p.what += ", in the plan's own account";
  }
  if (p.region == Place::same) p.what += ", in the plan's own region";
  return p;
}

// A destination that references a vault declared in the scan.
std::optional<Placement> place_of_vault(const Value& destination, const Resource& plan,
                                        const Home& home, const ResourceGraph& graph,
                                        const ScanOptions* options) {
  for (const std::string& ref : destination.refs) {
    for (std::size_t i : graph.resolve(plan.scope, ref)) {
      const Resource& vault = graph.resources[i];
      if (vault.kind != kVaultKind) continue;
      Placement p;
      p.what = vault.address;
      if (plan.format == SourceFormat::cloudformation) {
        // A stack deploys to one account and one region.
        p.account = p.region = Place::same;
        p.what += ", declared in the same template";
        return p;
      }
      const Home there = home_of(vault, graph, options);
      const bool same_provider = !home.provider.empty() && home.provider == there.provider;
      if (same_provider || (home.account && there.account && *home.account == *there.account) ||
          (home.credentials && there.credentials && *home.credentials == *there.credentials))
        p.account = Place::same;
      else if (there.account)
        p.account = compare_literal(*there.account, home.account);
      if (same_provider && !home.region_of_its_own && !there.region_of_its_own)
        p.region = Place::same;
      else if (there.region)
        p.region = compare_literal(*there.region, home.region);
      if (p.account == Place::same) p.what += ", in the plan's own account";
      if (p.region == Place::same) p.what += ", in the plan's own region";
      return p;
    }
  }
  return std::nullopt;
}

Placement place_of(const Value& destination, const Resource& plan, const Home& home,
                   const ResourceGraph& graph, const ScanOptions* options) {
  if (destination.is_string()) return place_of_arn(destination.text(), destination, home, options);
  if (auto vault = place_of_vault(destination, plan, home, graph, options)) return *vault;
  if (destination.is_unknown() && destination.encoded && !destination.encoded->partial_text.empty())
    return place_of_arn(destination.encoded->partial_text, destination, home, options);
  Placement p;
  p.what = destination.is_unknown() ? "the copy destination" : destination.to_display_string();
  if (destination.is_unknown() && plan.format == SourceFormat::cloudformation) {
    // Fn::Sub keeps no partial text; its reason names the pseudo parameter it could not
    // resolve, and in a vault ARN AWS::AccountId can only be the account, AWS::Region the region.
    const std::string& why = destination.text();
    if (why.find("AWS::AccountId") != std::string::npos) p.account = Place::same;
    if (why.find("AWS::Region") != std::string::npos) p.region = Place::same;
    if (p.account == Place::same) p.what = "a vault ARN built from AWS::AccountId (this account)";
    if (p.region == Place::same) p.what = "a vault ARN built from AWS::Region (this region)";
  }
  return p;
}

// The verdict on one plan, with what to show and where to point when it is not met.
struct PlanVerdict {
  Truth truth = Truth::false_;
  Span span;
  std::string detail;
};

PlanVerdict judge_plan(const Resource& plan, const ResourceGraph& graph,
                       const ScanOptions* options) {
  const Home home = home_of(plan, graph, options);
  const std::vector<const Value*> destinations =
      resolve_all(plan.canonical, split_path("rules.copy_actions.destination_vault_arn"));
  PlanVerdict miss;
  miss.span = plan.name_span;
  miss.detail = plan.address + " copies its recovery points to no other vault";
  std::optional<PlanVerdict> unknown;
  bool missed = false;
  for (const Value* destination : destinations) {
    const Placement p = place_of(*destination, plan, home, graph, options);
    const Truth crosses = p.crosses();
    if (crosses == Truth::true_) return PlanVerdict{Truth::true_, destination->span, plan.address};
    if (crosses == Truth::unknown && !unknown) {
      std::string why = destination->is_unknown() ? destination->text() : p.what;
      unknown = PlanVerdict{Truth::unknown, destination->span,
                            plan.address + ": whether " + p.what +
                                " is in another account and region is unknown" +
                                (why != p.what ? " (" + why + ")" : "")};
    }
    if (crosses == Truth::false_ && !missed) {
      missed = true;
      miss.span = destination->span;
      miss.detail = plan.address + " copies only to " + p.what;
    }
  }
  if (unknown) return *unknown;
  return miss;
}

}  // namespace

std::optional<BackupVaultArn> parse_backup_vault_arn(std::string_view arn) {
  std::vector<std::string_view> parts;
  std::string_view rest = arn;
  for (int i = 0; i < 6; ++i) {
    const std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    parts.push_back(rest.substr(0, colon));
    rest.remove_prefix(colon + 1);
  }
  // arn : partition : backup : region : account : backup-vault : name
  if (parts[0] != "arn" || parts[2] != "backup" || parts[5] != "backup-vault" || rest.empty() ||
      parts[3].empty() || parts[4].empty())
    return std::nullopt;
  return BackupVaultArn{std::string(parts[3]), std::string(parts[4]), std::string(rest)};
}

Outcome backup_copy_cross_account_region(const PredicateInput& input) {
  const EvalContext* context = input.context;
  if (context == nullptr || context->graph == nullptr)
    return undecided("copy_actions", {}, "the scanned set is not available");
  const ResourceGraph& graph = *context->graph;
  // On one plan (a resource rule, a `present` test) only that plan is judged.
  const bool whole_set = input.resource.kind != kPlanKind;
  std::optional<PlanVerdict> met;
  std::optional<PlanVerdict> first_miss;
  std::optional<PlanVerdict> first_unknown;
  for (std::size_t i = 0; i < graph.resources.size(); ++i) {
    const Resource& plan = graph.resources[i];
    if (plan.folded || plan.kind != kPlanKind || (!whole_set && i != context->index)) continue;
    PlanVerdict verdict = judge_plan(plan, graph, context->options);
    if (verdict.truth == Truth::true_) {
      if (!met) met = verdict;
      if (context->evidence == nullptr) break;
      context->evidence->met.push_back(i);
      continue;
    }
    if (context->evidence != nullptr) context->evidence->near_miss.push_back(i);
    std::optional<PlanVerdict>& slot = verdict.truth == Truth::unknown ? first_unknown : first_miss;
    if (!slot) slot = std::move(verdict);
  }
  if (met) return found("copy_actions", met->span, met->detail);
  if (first_unknown) return undecided("copy_actions", first_unknown->span, first_unknown->detail);
  Outcome none;
  none.attribute = "copy_actions";
  if (first_miss) {
    none.span = first_miss->span;
    none.detail = first_miss->detail;
  }
  return none;
}

namespace {

constexpr std::string_view kBackupPolicyType = "BACKUP_POLICY";

// Which attachments reference the policy at `index`: true when one does, unknown when one names
// a policy nobody knows yet.
Truth terraform_attached(const Resource& policy, std::size_t index, const ResourceGraph& graph,
                         const Value*& undecided_by) {
  Truth attached = Truth::false_;
  for (std::size_t i : graph.of_kind(policy.scope, "aws_organizations_policy_attachment")) {
    const Value* policy_id = graph.resources[i].attributes.find("policy_id");
    if (policy_id == nullptr) continue;
    bool resolved = false;
    for (const std::string& ref : policy_id->refs) {
      for (std::size_t target : graph.resolve(policy.scope, ref)) {
        resolved = true;
        if (target == index) return Truth::true_;
      }
    }
    if (!resolved && policy_id->is_unknown()) {
      attached = Truth::unknown;
      if (undecided_by == nullptr) undecided_by = policy_id;
    }
  }
  return attached;
}

}  // namespace

Outcome backup_policy_attached(const PredicateInput& input) {
  const EvalContext* context = input.context;
  if (context == nullptr || context->graph == nullptr)
    return undecided("backup policy", {}, "the scanned set is not available");
  const ResourceGraph& graph = *context->graph;
  std::optional<Outcome> first_unknown;
  std::optional<Outcome> first_miss;
  bool met = false;
  for (std::size_t i = 0; i < graph.resources.size(); ++i) {
    const Resource& r = graph.resources[i];
    const bool cloudformation = r.native_type == "AWS::Organizations::Policy";
    if (!cloudformation && r.native_type != "aws_organizations_policy") continue;
    const Value* type = r.attributes.find(cloudformation ? "Type" : "type");
    if (type == nullptr || type->is_null()) continue;  // Terraform's default: an SCP
    Truth attached = Truth::unknown;
    const Value* why = type;
    if (!type->is_unknown()) {
      if (!type->is_string() || type->text() != kBackupPolicyType) continue;
      why = nullptr;
      if (cloudformation) {
        const Value* targets = r.attributes.find("TargetIds");
        attached = targets == nullptr || targets->is_null() ? Truth::false_
                   : targets->is_unknown()
                       ? Truth::unknown
                       : truth_of(!targets->is_list() || !targets->items().empty());
        if (attached == Truth::unknown) why = targets;
      } else {
        attached = terraform_attached(r, i, graph, why);
      }
    }
    if (attached == Truth::true_) {
      met = true;
      if (context->evidence == nullptr) break;
      context->evidence->met.push_back(i);
      continue;
    }
    if (context->evidence != nullptr) context->evidence->near_miss.push_back(i);
    if (attached == Truth::unknown && !first_unknown) {
      first_unknown = undecided("backup policy", why != nullptr ? why->span : r.name_span,
                                r.address + ": whether it is an attached backup policy is unknown" +
                                    (why != nullptr && why->is_unknown() && !why->text().empty()
                                         ? " (" + why->text() + ")"
                                         : ""));
    } else if (attached == Truth::false_ && !first_miss) {
      Outcome miss;
      miss.attribute = "backup policy";
      miss.span = r.name_span;
      miss.detail = r.address + " is a backup policy attached to no root, OU or account";
      first_miss = std::move(miss);
    }
  }
  if (met) return found("backup policy", {}, "attached");
  if (first_unknown) return std::move(*first_unknown);
  if (first_miss) return std::move(*first_miss);
  Outcome none;
  none.attribute = "backup policy";
  return none;
}

}  // namespace iacscan::detail::predicates
